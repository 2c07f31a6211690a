#include "codegen/HclValue.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace mlops {

HclValue HclValue::str(const QString& text) {
    HclValue v;
    v.m_kind = Kind::String;
    v.m_text = text;
    return v;
}

HclValue HclValue::num(double number) {
    HclValue v;
    v.m_kind = Kind::Number;
    v.m_number = number;
    return v;
}

HclValue HclValue::boolean(bool value) {
    HclValue v;
    v.m_kind = Kind::Bool;
    v.m_bool = value;
    return v;
}

HclValue HclValue::expr(const QString& expression) {
    HclValue v;
    v.m_kind = Kind::Expression;
    v.m_text = expression;
    return v;
}

HclValue HclValue::list(QList<HclValue> items) {
    HclValue v;
    v.m_kind = Kind::List;
    v.m_items = std::move(items);
    return v;
}

HclValue HclValue::strings(const QStringList& items) {
    QList<HclValue> values;
    for (const QString& s : items)
        values.append(str(s));
    return list(std::move(values));
}

HclValue HclValue::object(QList<QPair<QString, HclValue>> entries) {
    HclValue v;
    v.m_kind = Kind::Object;
    v.m_entries = std::move(entries);
    return v;
}

HclValue HclValue::heredoc(const QString& text) {
    HclValue v;
    v.m_kind = Kind::Heredoc;
    v.m_text = text;
    return v;
}

HclValue HclValue::interpolated(const QString& trustedTemplate) {
    return expr(QLatin1Char('"') + trustedTemplate + QLatin1Char('"'));
}

HclValue HclValue::call(const QString& function, const HclValue& argument) {
    HclValue v;
    v.m_kind = Kind::Call;
    v.m_text = function;
    v.m_items = {argument};
    return v;
}

QString HclValue::quote(const QString& text) {
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        case '$':
        case '%':
            // "${" and "%{" would start a template sequence; doubling the sigil makes them literal.
            out += c;
            if (next == QLatin1Char('{'))
                out += c;
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QString HclValue::key(const QString& name) {
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    return identifier.match(name).hasMatch() ? name : quote(name);
}

bool HclValue::isMultiLine() const {
    if (m_kind == Kind::Call)
        return m_items.first().isMultiLine();
    return (m_kind == Kind::Object && !m_entries.isEmpty()) || m_kind == Kind::Heredoc ||
           (m_kind == Kind::List &&
            std::any_of(m_items.begin(), m_items.end(), [](const HclValue& v) { return v.isMultiLine(); }));
}

QString HclValue::render(int indent) const {
    switch (m_kind) {
    case Kind::String:
        return quote(m_text);
    case Kind::Number:
        return QString::number(m_number, 'g', 15);
    case Kind::Bool:
        return m_bool ? QStringLiteral("true") : QStringLiteral("false");
    case Kind::Expression:
        return m_text;
    case Kind::List: {
        if (!isMultiLine()) {
            QStringList parts;
            for (const HclValue& item : m_items)
                parts.append(item.render(indent));
            return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
        }
        const QString pad(indent + 2, QLatin1Char(' '));
        QString out = QStringLiteral("[\n");
        for (const HclValue& item : m_items)
            out += pad + item.render(indent + 2) + QStringLiteral(",\n");
        return out + QString(indent, QLatin1Char(' ')) + QLatin1Char(']');
    }
    case Kind::Object: {
        if (m_entries.isEmpty())
            return QStringLiteral("{}");
        // terraform fmt (hclwrite.Format) aligns the `=` of consecutive single-line entries; an entry whose value
        // spans lines stands alone, unpadded.
        const QString pad(indent + 2, QLatin1Char(' '));
        QString out = QStringLiteral("{\n");
        qsizetype start = 0;
        while (start < m_entries.size()) {
            qsizetype end = start;
            while (end < m_entries.size() && !m_entries.at(end).second.isMultiLine())
                ++end;
            if (end == start)
                ++end; // a multi-line entry is a run of its own
            qsizetype width = 0;
            for (qsizetype i = start; i < end; ++i)
                width = std::max(width, key(m_entries.at(i).first).size());
            for (qsizetype i = start; i < end; ++i) {
                const QString k = key(m_entries.at(i).first);
                out += pad + k + QString(width - k.size(), QLatin1Char(' ')) + QStringLiteral(" = ") +
                       m_entries.at(i).second.render(indent + 2) + QLatin1Char('\n');
            }
            start = end;
        }
        return out + QString(indent, QLatin1Char(' ')) + QLatin1Char('}');
    }
    case Kind::Call:
        return m_text + QLatin1Char('(') + m_items.first().render(indent) + QLatin1Char(')');
    case Kind::Heredoc: {
        // The delimiter must not appear alone on a line of the text.
        QString delimiter = QStringLiteral("EOT");
        const QStringList lines = m_text.split(QLatin1Char('\n'));
        for (int n = 1; lines.contains(delimiter); ++n)
            delimiter = QStringLiteral("EOT%1").arg(n);
        QString body = m_text;
        body.replace(QStringLiteral("${"), QStringLiteral("$${")).replace(QStringLiteral("%{"), QStringLiteral("%%{"));
        if (!body.endsWith(QLatin1Char('\n')))
            body += QLatin1Char('\n');
        return QStringLiteral("<<-") + delimiter + QLatin1Char('\n') + body + QString(indent, QLatin1Char(' ')) +
               delimiter;
    }
    }
    return {};
}

QJsonValue HclValue::toJson() const {
    switch (m_kind) {
    case Kind::String:
    case Kind::Heredoc:
        return m_text;
    case Kind::Number:
        return m_number;
    case Kind::Bool:
        return m_bool;
    case Kind::Expression:
        return QString(QStringLiteral("${") + m_text + QLatin1Char('}'));
    case Kind::Call:
        return m_items.first().toJson();
    case Kind::List: {
        QJsonArray a;
        for (const HclValue& item : m_items)
            a.append(item.toJson());
        return a;
    }
    case Kind::Object: {
        QJsonObject o;
        for (const auto& [k, v] : m_entries)
            o.insert(k, v.toJson());
        return o;
    }
    }
    return {};
}

} // namespace mlops
