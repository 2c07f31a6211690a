#pragma once

#include <QMutex>
#include <QSet>
#include <QString>

namespace mlops {

// Scrubs secrets from text that may be shown, logged or stored: every key value registered with addSecret (the
// LLM client registers each key it resolves), the key variables of the environment, and anything shaped like a
// key ("sk-...", "sk-ant-...", "Bearer ...", "x-api-key: ..."). One per LLM client, so the secrets of one
// Studio are not a property of the process. Thread-safe.
class Redactor {
public:
    void addSecret(const QString& secret);
    QString scrub(const QString& text) const;
    QByteArray scrub(const QByteArray& text) const;
    // The environment's keys and key-shaped text only: for text made where no client's secrets are at hand
    // (provider replies, settings errors); the client scrubs again with its registered secrets before anything
    // leaves it.
    static QString scrubKnown(const QString& text);
    static QString placeholder() { return QStringLiteral("[redacted]"); }

private:
    static QString scrubWith(QString text, QStringList secrets);

    mutable QMutex m_mutex;
    QSet<QString> m_secrets;
};

} // namespace mlops
