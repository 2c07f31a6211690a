// Fuzzes the rules-based intake extractor: any text must give a constraint object whose enumerated fields hold
// only allowed values and whose evidence spans are quoted from the input, never a crash or a hang.
#include "agents/IntakeExtractor.h"
#include "agents/knowledge/KnowledgeBase.h"

#include <QJsonArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const auto kb = mlops::KnowledgeBase::loadDefault();
    static const mlops::IntakeExtractor extractor(kb);
    const QString prompt = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const QJsonObject k = extractor.extract(prompt);
    for (const QString& field : mlops::IntakeExtractor::fieldNames()) {
        const QStringList allowed = mlops::IntakeExtractor::allowedValues(field);
        const QJsonValue v = k.value(field);
        if (allowed.isEmpty() || v.isNull() || v.isUndefined())
            continue;
        const QJsonArray values = v.isArray() ? v.toArray() : QJsonArray{v};
        for (const QJsonValue& item : values) {
            if (!allowed.contains(item.toString()))
                __builtin_trap(); // an enumerated field outside the schema
        }
    }
    const QJsonObject evidence = k.value(QStringLiteral("evidence")).toObject();
    for (auto it = evidence.begin(); it != evidence.end(); ++it) {
        const QString evidenceText = it.value().toString();
        if (evidenceText.startsWith(QLatin1String("answer to question")))
            continue;
        // List fields join several quoted spans with " … ".
        for (const QString& span : evidenceText.split(QStringLiteral(" \u2026 "), Qt::SkipEmptyParts)) {
            if (!prompt.contains(span))
                __builtin_trap(); // evidence must quote the prompt
        }
    }
    return 0;
}
