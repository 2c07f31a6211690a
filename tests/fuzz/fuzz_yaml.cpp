// Fuzzes the YAML loaders behind the knowledge base and user policy packs: any bytes give a value or an error
// naming the file, and a policy pack is either fully valid or refused with a reason.
#include "agents/knowledge/KnowledgeBase.h"
#include "agents/knowledge/YamlJson.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const mlops::YamlJsonResult r = mlops::yamlToJson(bytes, QStringLiteral("fuzz.yaml"), true);
    if (!r.ok() && !r.error.startsWith(QLatin1String("fuzz.yaml")))
        __builtin_trap(); // an error must name the file
    QStringList errors;
    const QJsonObject pack = mlops::KnowledgeBase::parsePolicyPack(bytes, QStringLiteral("fuzz.yaml"), &errors);
    if (pack.isEmpty() == errors.isEmpty())
        __builtin_trap(); // exactly one of: a valid pack, or reasons
    return 0;
}
