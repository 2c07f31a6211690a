#include "codegen/HclBlock.h"

#include <QJsonArray>

namespace mlops {

HclBlock::HclBlock(QString type, QStringList labels)
    : m_type(std::move(type))
    , m_labels(std::move(labels)) {}

HclBlock& HclBlock::attr(const QString& name, const HclValue& value) {
    // HCL forbids setting an argument twice; a later value replaces the earlier one in place.
    for (Entry& e : m_body) {
        if (auto* a = std::get_if<Attribute>(&e); a && a->name == name) {
            a->value = value;
            return *this;
        }
    }
    m_body.append(Attribute{name, value});
    return *this;
}

HclBlock& HclBlock::block(const HclBlock& child) {
    m_body.append(child);
    return *this;
}

HclBlock& HclBlock::gap() {
    m_body.append(Gap{});
    return *this;
}

HclBlock& HclBlock::comment(const QString& text) {
    // One line each: a newline in the text would end the comment and turn the rest into HCL.
    for (const QString& line : text.split(QLatin1Char('\n')))
        m_body.append(Comment{line, true});
    return *this;
}

HclBlock& HclBlock::directive(const QString& text) {
    for (const QString& line : text.split(QLatin1Char('\n')))
        m_body.append(Comment{line, false});
    return *this;
}

QString HclBlock::render(int indent) const {
    const QString pad(indent, QLatin1Char(' '));
    const QString inner(indent + 2, QLatin1Char(' '));
    QString out = pad + m_type;
    for (const QString& label : m_labels)
        out += QLatin1Char(' ') + HclValue::quote(label);
    if (m_body.isEmpty())
        return out + QStringLiteral(" {}\n");
    out += QStringLiteral(" {\n");
    qsizetype i = 0;
    while (i < m_body.size()) {
        const Entry& entry = m_body.at(i);
        if (std::holds_alternative<Gap>(entry)) {
            if (i > 0 && i + 1 < m_body.size())
                out += QLatin1Char('\n');
            ++i;
        } else if (const auto* note = std::get_if<Comment>(&entry)) {
            out += inner + (note->spaced ? QStringLiteral("# ") : QStringLiteral("#")) + note->text + QLatin1Char('\n');
            ++i;
        } else if (const auto* child = std::get_if<HclBlock>(&entry)) {
            // Nested blocks stand apart from the attributes before them, as terraform fmt output usually does.
            if (i > 0 && std::holds_alternative<Attribute>(m_body.at(i - 1)))
                out += QLatin1Char('\n');
            out += child->render(indent + 2);
            ++i;
        } else {
            // Consecutive single-line attributes share one `=` column (as hclwrite.Format, behind terraform fmt,
            // aligns them); an attribute whose value spans lines stands alone, unpadded.
            qsizetype end = i;
            while (end < m_body.size() && std::holds_alternative<Attribute>(m_body.at(end)) &&
                   !std::get<Attribute>(m_body.at(end)).value.isMultiLine())
                ++end;
            if (end == i)
                ++end;
            qsizetype width = 0;
            for (qsizetype k = i; k < end; ++k)
                width = std::max(width, std::get<Attribute>(m_body.at(k)).name.size());
            for (qsizetype k = i; k < end; ++k) {
                const Attribute& a = std::get<Attribute>(m_body.at(k));
                out += inner + a.name + QString(width - a.name.size(), QLatin1Char(' ')) + QStringLiteral(" = ") +
                       a.value.render(indent + 2) + QLatin1Char('\n');
            }
            i = end;
            if (i < m_body.size() && std::holds_alternative<HclBlock>(m_body.at(i)))
                continue;
        }
    }
    return out + pad + QStringLiteral("}\n");
}

QJsonObject HclBlock::attributesJson() const {
    QJsonObject out;
    for (const Entry& entry : m_body) {
        if (const auto* a = std::get_if<Attribute>(&entry)) {
            out.insert(a->name, a->value.toJson());
        } else if (const auto* child = std::get_if<HclBlock>(&entry)) {
            const QJsonObject body = child->attributesJson();
            const QJsonValue existing = out.value(child->type());
            if (existing.isObject())
                out.insert(child->type(), QJsonArray{existing, body});
            else if (existing.isArray()) {
                QJsonArray list = existing.toArray();
                list.append(body);
                out.insert(child->type(), list);
            } else {
                out.insert(child->type(), body);
            }
        }
    }
    return out;
}

} // namespace mlops
