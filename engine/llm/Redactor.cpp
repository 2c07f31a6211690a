#include "llm/Redactor.h"

#include <QProcessEnvironment>
#include <QRegularExpression>

#include <algorithm>

namespace mlops {

void Redactor::addSecret(const QString& secret) {
    if (secret.size() < 4)
        return; // too short to scrub without mangling ordinary text
    QMutexLocker lock(&m_mutex);
    m_secrets.insert(secret);
}

QString Redactor::scrub(const QString& text) const {
    QStringList secrets;
    {
        QMutexLocker lock(&m_mutex);
        secrets = QStringList(m_secrets.cbegin(), m_secrets.cend());
    }
    return scrubWith(text, std::move(secrets));
}

QByteArray Redactor::scrub(const QByteArray& text) const {
    return scrub(QString::fromUtf8(text)).toUtf8();
}

QString Redactor::scrubKnown(const QString& text) {
    return scrubWith(text, {});
}

QString Redactor::scrubWith(QString out, QStringList secrets) {
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"MLOPS_LLM_API_KEY", "OPENAI_API_KEY", "ANTHROPIC_API_KEY"}) {
        const QString v = env.value(QString::fromLatin1(name)).trimmed();
        if (v.size() >= 4 && !secrets.contains(v))
            secrets.append(v);
    }
    // Longest first, so that a key containing another is scrubbed whole.
    std::sort(secrets.begin(), secrets.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
    for (const QString& secret : std::as_const(secrets))
        out.replace(secret, placeholder());
    static const QRegularExpression patterns(
        QStringLiteral(
            R"((sk-[A-Za-z0-9_\-]{6,})|(Bearer\s+[A-Za-z0-9._~+/=\-]{4,})|(x-api-key\s*[:=]\s*\S+)|(api[_-]?key["']?\s*[:=]\s*["']?[A-Za-z0-9._\-]{8,}))"),
        QRegularExpression::CaseInsensitiveOption);
    out.replace(patterns, placeholder());
    return out;
}

} // namespace mlops
