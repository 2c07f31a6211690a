// Minimal stand-ins for the output nodes (codegen, report), until the real ones land.
#include "agents/Agents.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace mlops {

namespace {

class OutputNode : public Node {
public:
    OutputNode(QString name, QString part)
        : m_name(std::move(name))
        , m_part(std::move(part))
    {
    }
    QString name() const override { return m_name; }
    QStringList writes() const override { return {m_part}; }
    NodeResult run(NodeContext& c) override
    {
        QJsonArray files;
        if (m_name == QLatin1String("codegen") && !c.settings().outputDir.isEmpty()) {
            QDir().mkpath(c.settings().outputDir);
            QFile f(c.settings().outputDir + QStringLiteral("/README.md"));
            if (!f.open(QIODevice::WriteOnly))
                return NodeResult::failure(QStringLiteral("cannot write ") + f.fileName());
            const QByteArray plan = QJsonDocument(c.state().object(StatePart::plan())).toJson();
            f.write("# Generated ML system\n\n```json\n" + plan + "```\n");
            files.append(QStringLiteral("README.md"));
        }
        c.card({.reasoning = QStringLiteral("placeholder output node"), .decision = m_name, .confidence = 0.5,
                .category = QStringLiteral("codegen")});
        return NodeResult{{{m_part, QJsonObject{{QStringLiteral("files"), files}}}}, {}};
    }

private:
    QString m_name;
    QString m_part;
};

} // namespace

std::shared_ptr<Node> makeCodegenNode()
{
    return std::make_shared<OutputNode>(QStringLiteral("codegen"), StatePart::artifacts());
}
std::shared_ptr<Node> makeReportNode()
{
    return std::make_shared<OutputNode>(QStringLiteral("report"), StatePart::report());
}

} // namespace mlops
