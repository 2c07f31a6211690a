// Fuzzes the answers-file parser (CLI --answers): any bytes must give answers or a clear error, nothing else.
#include "agents/AnswersFile.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    QJsonObject answers;
    QString error;
    const bool ok = mlops::AnswersFile::parse(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)),
                                              QStringLiteral("fuzz.yaml"), &answers, &error);
    if (!ok && error.isEmpty())
        __builtin_trap(); // a refusal must say why
    return 0;
}
