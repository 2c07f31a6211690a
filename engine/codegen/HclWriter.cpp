#include "codegen/HclWriter.h"

#include <QJsonObject>

namespace mlops {

HclWriter::HclWriter(QString path, QString headerComment)
    : m_path(std::move(path)) {
    for (const QString& line : headerComment.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        m_text += QStringLiteral("# ") + line + QLatin1Char('\n');
        ++m_lines;
    }
}

HclWriter& HclWriter::add(const HclBlock& block) {
    if (!m_text.isEmpty()) {
        m_text += QLatin1Char('\n');
        ++m_lines;
    }
    const int line = m_lines + 1;
    const QString rendered = block.render(0);
    m_text += rendered;
    m_lines += int(rendered.count(QLatin1Char('\n')));
    ++m_count;
    if (block.type() == QLatin1String("resource") && block.labels().size() == 2) {
        m_resources.append(QJsonObject{{QStringLiteral("type"), block.labels().at(0)},
                                       {QStringLiteral("name"), block.labels().at(1)},
                                       {QStringLiteral("attributes"), block.attributesJson()},
                                       {QStringLiteral("file"), m_path},
                                       {QStringLiteral("line"), line}});
    }
    return *this;
}

HclWriter& HclWriter::add(const QList<HclBlock>& blocks) {
    for (const HclBlock& b : blocks)
        add(b);
    return *this;
}

} // namespace mlops
