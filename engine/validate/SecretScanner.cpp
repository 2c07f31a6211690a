#include "validate/SecretScanner.h"

#include <QHash>
#include <QRegularExpression>

#include <cmath>

namespace mlops {

namespace {

struct Pattern {
    const char* id;
    const char* description;
    QRegularExpression regex;
};

const QList<Pattern>& patterns() {
    static const QList<Pattern> list{
        {"SECRET-AWS-KEY-ID", "AWS access key id",
         QRegularExpression(
             QStringLiteral("(?<![A-Z0-9])((?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|AIPA)[A-Z0-9]{16})(?![A-Z0-9])"))},
        {"SECRET-AWS-SECRET-KEY", "AWS secret access key",
         QRegularExpression(
             QStringLiteral("aws_?secret_?access_?key[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])"),
             QRegularExpression::CaseInsensitiveOption)},
        {"SECRET-PRIVATE-KEY", "private key",
         QRegularExpression(QStringLiteral("(-----BEGIN [A-Z ]*PRIVATE KEY( BLOCK)?-----)"))},
        {"SECRET-GITHUB-TOKEN", "GitHub token",
         QRegularExpression(QStringLiteral("\\b(gh[pousr]_[A-Za-z0-9]{36,})\\b"))},
        {"SECRET-SLACK-TOKEN", "Slack token",
         QRegularExpression(QStringLiteral("\\b(xox[abprs]-[A-Za-z0-9-]{10,})\\b"))},
    };
    return list;
}

// NAME (optionally quoted) followed by =, :, := or => and a value (quoted, or a bare token).
const QRegularExpression& assignment() {
    static const QRegularExpression re(
        QStringLiteral("[\"']?([A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|"
                       "private[_-]?key|client[_-]?secret|credentials?)[A-Za-z0-9_.-]*)[\"']?\\s*(?::=|=>|[:=])\\s*"
                       "(?:\"([^\"]*)\"|'([^']*)'|([^\\s,;#]+))"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// Names that hold identifiers of secrets, not secrets: secret_name, token_url, password_length, kms_key_id...
bool isMetadataName(const QString& name) {
    static const QRegularExpression re(
        QStringLiteral("(_|-|\\.)(name|id|arn|length|path|file|url|uri|ref|version|type|policy|rotation|enabled|"
                       "count|expiry|ttl|header|prefix|env|var|key_id|secret_id|parameter)s?$"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch();
}

QString masked(const QString& value) {
    return value.left(4) + QStringLiteral("…");
}

} // namespace

double SecretScanner::shannonEntropy(const QString& value) {
    if (value.isEmpty())
        return 0;
    QHash<QChar, int> counts;
    for (const QChar c : value)
        ++counts[c];
    double h = 0;
    for (const int n : std::as_const(counts)) {
        const double p = double(n) / value.size();
        h -= p * std::log2(p);
    }
    return h;
}

bool SecretScanner::isReference(const QString& value) {
    static const QRegularExpression dotted(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_\\[\\]\"*-]+)+$"));
    static const QRegularExpression call(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.]*\\("));
    static const QRegularExpression placeholder(QStringLiteral("^<[^>]*>$"));
    static const QStringList dummies{
        QStringLiteral("changeme"),    QStringLiteral("change-me"), QStringLiteral("example"),
        QStringLiteral("placeholder"), QStringLiteral("redacted"),  QStringLiteral("null"),
        QStringLiteral("none"),        QStringLiteral("true"),      QStringLiteral("false")};
    if (value.isEmpty())
        return true;
    return value.startsWith(QLatin1Char('$')) || value.contains(QLatin1String("${")) ||
           value.contains(QLatin1String("{{")) || value.contains(QLatin1String("$(")) ||
           value.contains(QLatin1String("://")) || dotted.match(value).hasMatch() || call.match(value).hasMatch() ||
           placeholder.match(value).hasMatch() || dummies.contains(value.toLower()) ||
           value.count(value.at(0)) == value.size();
}

QList<Finding> SecretScanner::scanText(const QString& path, const QString& text) const {
    QList<Finding> out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (line.size() > 4000 || line.contains(QLatin1String("mlops:allow-secret")) ||
            line.contains(QLatin1String("gitleaks:allow")))
            continue;
        bool hit = false;
        for (const Pattern& p : patterns()) {
            const QRegularExpressionMatch m = p.regex.match(line);
            if (!m.hasMatch())
                continue;
            out.append(finding(Finding::Severity::Error, path, i + 1,
                               QStringLiteral("%1 committed in the repository (%2)")
                                   .arg(QString::fromLatin1(p.description), masked(m.captured(1))),
                               QString::fromLatin1(p.id)));
            hit = true;
            break;
        }
        if (hit)
            continue;
        auto it = assignment().globalMatch(line);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            const QString name = m.captured(1);
            const QString value = !m.captured(2).isNull()   ? m.captured(2)
                                  : !m.captured(3).isNull() ? m.captured(3)
                                                            : m.captured(4);
            if (isMetadataName(name) || value.size() < 8 || isReference(value))
                continue;
            bool letters = false, digits = false, upper = false, lower = false, symbols = false;
            for (const QChar c : value) {
                letters = letters || c.isLetter();
                digits = digits || c.isDigit();
                upper = upper || c.isUpper();
                lower = lower || c.isLower();
                symbols = symbols || (!c.isLetterOrNumber() && !c.isSpace());
            }
            const int classes = int(digits) + int(upper) + int(lower) + int(symbols);
            const double entropy = shannonEntropy(value);
            const bool randomLooking = (letters && digits && entropy >= 3.0) || (classes >= 3 && entropy >= 3.0);
            if (!randomLooking)
                continue;
            out.append(finding(Finding::Severity::Error, path, i + 1,
                               QStringLiteral("hard-coded secret assigned to '%1' (%2, entropy %3 bits/char): use a "
                                              "variable, a secret manager or the CI's secret store")
                                   .arg(name, masked(value))
                                   .arg(entropy, 0, 'f', 1),
                               QStringLiteral("SECRET-GENERIC")));
        }
    }
    return out;
}

QList<Finding> SecretScanner::validate(const RepositorySnapshot& repository) const {
    QList<Finding> out;
    for (const RepositoryFile& file : repository.files()) {
        if (file.text)
            out += scanText(file.path, QString::fromUtf8(file.content));
    }
    return out;
}

} // namespace mlops
