#include "llm/Redactor.h"

#include <QMutex>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>

namespace mlops {

namespace {

QMutex g_mutex;
QSet<QString> g_secrets;

QStringList knownSecrets() {
    QStringList out;
    {
        QMutexLocker lock(&g_mutex);
        out = QStringList(g_secrets.cbegin(), g_secrets.cend());
    }
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"MLOPS_LLM_API_KEY", "OPENAI_API_KEY", "ANTHROPIC_API_KEY"}) {
        const QString v = env.value(QString::fromLatin1(name)).trimmed();
        if (v.size() >= 4 && !out.contains(v))
            out.append(v);
    }
    // Longest first, so that a key containing another is scrubbed whole.
    std::sort(out.begin(), out.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
    return out;
}

} // namespace

void Redactor::addSecret(const QString& secret) {
    if (secret.size() < 4)
        return; // too short to scrub without mangling ordinary text
    QMutexLocker lock(&g_mutex);
    g_secrets.insert(secret);
}

QString Redactor::scrub(const QString& text) {
    QString out = text;
    for (const QString& secret : knownSecrets())
        out.replace(secret, placeholder());
    static const QRegularExpression patterns(
        QStringLiteral(
            R"((sk-[A-Za-z0-9_\-]{6,})|(Bearer\s+[A-Za-z0-9._~+/=\-]{4,})|(x-api-key\s*[:=]\s*\S+)|(api[_-]?key["']?\s*[:=]\s*["']?[A-Za-z0-9._\-]{8,}))"),
        QRegularExpression::CaseInsensitiveOption);
    out.replace(patterns, placeholder());
    return out;
}

QByteArray Redactor::scrub(const QByteArray& text) {
    return scrub(QString::fromUtf8(text)).toUtf8();
}

} // namespace mlops
