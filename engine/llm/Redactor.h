#pragma once

#include <QString>

namespace mlops {

// Scrubs secrets from text that may be shown, logged or stored: every key value the LLM layer has resolved
// (registered with addSecret, and the key variables of the environment), plus anything shaped like a key
// ("sk-...", "sk-ant-...", "Bearer ...", "x-api-key: ...").
class Redactor {
public:
    static QString scrub(const QString& text);
    static QByteArray scrub(const QByteArray& text);
    static void addSecret(const QString& secret);
    static QString placeholder() { return QStringLiteral("[redacted]"); }
};

} // namespace mlops
