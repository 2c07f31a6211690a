#include "CodeHighlighter.h"

#include <QFileInfo>

namespace mlops {

namespace {
QTextCharFormat makeFormat(const QColor& colour, bool bold = false, bool italic = false) {
    QTextCharFormat f;
    f.setForeground(colour);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}
} // namespace

CodeHighlighter::CodeHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document) {
    setDark(false);
}

CodeHighlighter::Language CodeHighlighter::languageForFile(const QString& fileName) {
    const QFileInfo info(fileName);
    const QString name = info.fileName().toLower();
    const QString suffix = info.suffix().toLower();
    if (name == QLatin1String("dockerfile") || name.startsWith(QLatin1String("dockerfile.")) ||
        suffix == QLatin1String("dockerfile"))
        return Language::Dockerfile;
    if (name == QLatin1String("makefile") || suffix == QLatin1String("mk"))
        return Language::Makefile;
    if (suffix == QLatin1String("tf") || suffix == QLatin1String("hcl") || suffix == QLatin1String("tfvars"))
        return Language::Hcl;
    if (suffix == QLatin1String("yml") || suffix == QLatin1String("yaml"))
        return Language::Yaml;
    if (suffix == QLatin1String("py"))
        return Language::Python;
    if (suffix == QLatin1String("json"))
        return Language::Json;
    if (suffix == QLatin1String("sh") || suffix == QLatin1String("bash"))
        return Language::Shell;
    if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown"))
        return Language::Markdown;
    // pyproject.toml and .env files read well with the shell rules (comments, strings, key = value).
    if (suffix == QLatin1String("toml") || suffix == QLatin1String("cfg") || suffix == QLatin1String("ini"))
        return Language::Shell;
    return Language::Plain;
}

void CodeHighlighter::setLanguage(Language language) {
    m_language = language;
    buildRules();
    rehighlight();
}

void CodeHighlighter::setDark(bool dark) {
    m_dark = dark;
    m_keyword = makeFormat(dark ? QColor(0xc6, 0x92, 0xff) : QColor(0x7a, 0x1f, 0xa2), true);
    m_string = makeFormat(dark ? QColor(0x9c, 0xdc, 0x8c) : QColor(0x18, 0x80, 0x38));
    m_comment = makeFormat(dark ? QColor(0x8b, 0x94, 0x9e) : QColor(0x6a, 0x73, 0x7d), false, true);
    m_number = makeFormat(dark ? QColor(0xf7, 0x8c, 0x6c) : QColor(0xb3, 0x41, 0x00));
    m_key = makeFormat(dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x00, 0x5c, 0xc5));
    m_builtin = makeFormat(dark ? QColor(0xff, 0xcb, 0x6b) : QColor(0x95, 0x5f, 0x00));
    m_heading = makeFormat(dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x00, 0x5c, 0xc5), true);
    buildRules();
    rehighlight();
}

void CodeHighlighter::addRule(const QString& pattern, const QTextCharFormat& f, int group) {
    m_rules.append({QRegularExpression(pattern), f, group});
}

void CodeHighlighter::buildRules() {
    m_rules.clear();
    const QString number = QStringLiteral("\\b-?\\d+(\\.\\d+)?\\b");
    const QString doubleQuoted = QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"");
    const QString singleQuoted = QStringLiteral("'(?:[^'\\\\]|\\\\.)*'");
    switch (m_language) {
    case Language::Hcl:
        addRule(QStringLiteral("^\\s*(\\w+)(?=\\s*(\"|\\{))"), m_keyword, 1);
        addRule(QStringLiteral("^\\s*([\\w-]+)\\s*(?==)"), m_key, 1);
        addRule(QStringLiteral("\\b(true|false|null|var|local|module|data|each|count|for|in|if)\\b"), m_builtin);
        addRule(number, m_number);
        addRule(doubleQuoted, m_string);
        addRule(QStringLiteral("(#|//).*$"), m_comment);
        break;
    case Language::Yaml:
        addRule(QStringLiteral("^\\s*(- )?([\\w.\\-/ ]+?)\\s*:(?=\\s|$)"), m_key, 2);
        addRule(QStringLiteral("\\b(true|false|yes|no|on|null)\\b"), m_builtin);
        addRule(number, m_number);
        addRule(doubleQuoted, m_string);
        addRule(singleQuoted, m_string);
        addRule(QStringLiteral("(^|\\s)#.*$"), m_comment);
        break;
    case Language::Python:
        addRule(QStringLiteral("\\b(and|as|assert|async|await|break|class|continue|def|del|elif|else|except|finally|"
                               "for|from|global|if|import|in|is|lambda|nonlocal|not|or|pass|raise|return|try|while|"
                               "with|yield)\\b"),
                m_keyword);
        addRule(QStringLiteral("\\b(True|False|None|self|print|len|dict|list|str|int|float|min|max|open)\\b"),
                m_builtin);
        addRule(QStringLiteral("^\\s*@[\\w.]+"), m_builtin);
        addRule(number, m_number);
        addRule(doubleQuoted, m_string);
        addRule(singleQuoted, m_string);
        addRule(QStringLiteral("#.*$"), m_comment);
        break;
    case Language::Dockerfile:
        addRule(QStringLiteral("^\\s*(FROM|RUN|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|"
                               "ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL|AS)\\b"),
                m_keyword);
        addRule(QStringLiteral("\\bAS\\b"), m_keyword);
        addRule(QStringLiteral("\\$\\{?\\w+\\}?"), m_builtin);
        addRule(doubleQuoted, m_string);
        addRule(QStringLiteral("^\\s*#.*$"), m_comment);
        break;
    case Language::Json:
        addRule(doubleQuoted, m_string);
        addRule(QStringLiteral("(\"(?:[^\"\\\\]|\\\\.)*\")\\s*:"), m_key, 1);
        addRule(QStringLiteral("\\b(true|false|null)\\b"), m_builtin);
        addRule(number, m_number);
        break;
    case Language::Makefile:
        addRule(QStringLiteral("^([\\w.\\-/ %]+):(?!=)"), m_keyword, 1);
        addRule(QStringLiteral("^\\s*([\\w.]+)\\s*[:?+]?="), m_key, 1);
        addRule(QStringLiteral("\\$[({][^)}]*[)}]|\\$[@<^*?]"), m_builtin);
        addRule(QStringLiteral("^\\s*\\.PHONY\\b"), m_keyword);
        addRule(QStringLiteral("#.*$"), m_comment);
        break;
    case Language::Shell:
        addRule(QStringLiteral("\\b(if|then|else|elif|fi|for|while|do|done|case|esac|function|in|set|export|local|"
                               "return|exit)\\b"),
                m_keyword);
        addRule(QStringLiteral("^\\s*\\[[^\\]]+\\]"), m_heading);
        addRule(QStringLiteral("^\\s*([\\w.\\-]+)\\s*(?==)"), m_key, 1);
        addRule(QStringLiteral("\\$\\{?\\w+\\}?"), m_builtin);
        addRule(doubleQuoted, m_string);
        addRule(singleQuoted, m_string);
        addRule(QStringLiteral("(^|\\s)#.*$"), m_comment);
        break;
    case Language::Markdown:
        addRule(QStringLiteral("^#{1,6} .*$"), m_heading);
        addRule(QStringLiteral("`[^`]+`"), m_string);
        addRule(QStringLiteral("\\*\\*[^*]+\\*\\*"), m_keyword);
        addRule(QStringLiteral("\\[[^\\]]+\\]\\([^)]+\\)"), m_key);
        addRule(QStringLiteral("^\\s*([-*]|\\d+\\.) "), m_builtin);
        break;
    case Language::Plain:
        break;
    }
}

void CodeHighlighter::highlightBlock(const QString& text) {
    for (const Rule& rule : std::as_const(m_rules)) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (m.capturedLength(rule.group) > 0)
                setFormat(int(m.capturedStart(rule.group)), int(m.capturedLength(rule.group)), rule.format);
        }
    }
    setCurrentBlockState(0);
    if (m_language == Language::Python)
        highlightMultiLine(text, QStringLiteral("\"\"\""), QStringLiteral("\"\"\""), m_string);
    else if (m_language == Language::Hcl)
        highlightMultiLine(text, QStringLiteral("/*"), QStringLiteral("*/"), m_comment);
}

void CodeHighlighter::highlightMultiLine(const QString& text, const QString& open, const QString& close,
                                         const QTextCharFormat& f) {
    qsizetype start = previousBlockState() == 1 ? 0 : text.indexOf(open);
    qsizetype searchFrom = previousBlockState() == 1 ? 0 : start + open.size();
    while (start >= 0) {
        const qsizetype end = text.indexOf(close, searchFrom);
        if (end < 0) {
            setCurrentBlockState(1);
            setFormat(int(start), int(text.size() - start), f);
            return;
        }
        const qsizetype length = end - start + close.size();
        setFormat(int(start), int(length), f);
        start = text.indexOf(open, start + length);
        searchFrom = start + open.size();
    }
}

} // namespace mlops
