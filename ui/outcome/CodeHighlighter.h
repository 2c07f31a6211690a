#pragma once

#include <QList>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace mlops {

// Syntax colouring for the file kinds a generated repository holds: HCL (Terraform), YAML, Python, Dockerfile,
// JSON, Makefile, shell and Markdown (raw). Rules are regular expressions applied in order, later ones winning;
// block comments and Python triple-quoted strings carry across lines through the block state.
class CodeHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    enum class Language { Plain, Hcl, Yaml, Python, Dockerfile, Json, Makefile, Shell, Markdown };

    explicit CodeHighlighter(QTextDocument* document);

    static Language languageForFile(const QString& fileName);
    void setLanguage(Language language);
    Language language() const { return m_language; }
    // Re-derives the colours from the palette (light or dark).
    void setDark(bool dark);

protected:
    void highlightBlock(const QString& text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
        int group = 0;
    };
    void buildRules();
    void addRule(const QString& pattern, const QTextCharFormat& format, int group = 0);
    void highlightMultiLine(const QString& text, const QString& open, const QString& close, const QTextCharFormat& f);

    Language m_language = Language::Plain;
    bool m_dark = false;
    QList<Rule> m_rules;
    QTextCharFormat m_keyword, m_string, m_comment, m_number, m_key, m_builtin, m_heading;
};

} // namespace mlops
