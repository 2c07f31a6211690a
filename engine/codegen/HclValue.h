#pragma once

#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

namespace mlops {

// One HCL expression as our generators need it: a literal (string, number, bool), a raw expression (a reference
// such as `aws_kms_key.data.arn` or a function call), a list, an object, or a heredoc. Literals are escaped when
// rendered, so any text can go into a string without breaking the file or starting an interpolation.
class HclValue {
public:
    enum class Kind { String, Number, Bool, Expression, List, Object, Heredoc, Call };

    static HclValue str(const QString& text);
    static HclValue num(double number);
    static HclValue boolean(bool value);
    // A reference or function call written as-is; the caller guarantees it is a valid expression.
    static HclValue expr(const QString& expression);
    static HclValue list(QList<HclValue> items);
    static HclValue strings(const QStringList& items);
    static HclValue object(QList<QPair<QString, HclValue>> entries);
    static HclValue heredoc(const QString& text);
    // A template string with trusted interpolations, e.g. interpolated("${local.name}-data"): not escaped.
    static HclValue interpolated(const QString& trustedTemplate);
    // A function call with one argument, e.g. jsonencode({...}); policy checks see the argument.
    static HclValue call(const QString& function, const HclValue& argument);

    Kind kind() const { return m_kind; }

    // Renders the value at `indent` (the indentation of the line it starts on). Objects with entries span lines.
    QString render(int indent) const;
    bool isMultiLine() const;
    // The value as the policy packs see it: literals as JSON, expressions as "${...}", heredocs as their text.
    QJsonValue toJson() const;

    // HCL string-literal escaping: quotes, backslashes, control characters, and `${` / `%{` template openers.
    static QString quote(const QString& text);
    // An object key: bare when it is an identifier, quoted otherwise.
    static QString key(const QString& name);

private:
    Kind m_kind = Kind::String;
    QString m_text;
    double m_number = 0;
    bool m_bool = false;
    QList<HclValue> m_items;
    QList<QPair<QString, HclValue>> m_entries;
};

} // namespace mlops
