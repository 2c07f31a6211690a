#include "codegen/TerraformModule.h"

namespace mlops {

HclWriter& TerraformModule::file(const QString& fileName, const QString& header) {
    auto it = m_files.find(fileName);
    if (it == m_files.end())
        it = m_files.emplace(fileName, HclWriter(folder() + QLatin1Char('/') + fileName, header)).first;
    return it->second;
}

void TerraformModule::variable(const QString& name, const QString& type, const QString& description,
                               const std::optional<HclValue>& defaultValue, bool sensitive) {
    HclBlock b(QStringLiteral("variable"), {name});
    b.expr(QStringLiteral("type"), type).str(QStringLiteral("description"), description);
    if (defaultValue)
        b.attr(QStringLiteral("default"), *defaultValue);
    if (sensitive)
        b.flag(QStringLiteral("sensitive"), true);
    m_variables.insert_or_assign(name, b);
}

void TerraformModule::output(const QString& name, const QString& expression, const QString& description,
                             bool sensitive) {
    HclBlock b(QStringLiteral("output"), {name});
    b.str(QStringLiteral("description"), description).expr(QStringLiteral("value"), expression);
    if (sensitive)
        b.flag(QStringLiteral("sensitive"), true);
    m_outputs.insert_or_assign(name, b);
}

void TerraformModule::finish() {
    HclWriter& vars = file(QStringLiteral("variables.tf"),
                           QStringLiteral("Inputs of this configuration. Defaults come from the approved plan."));
    for (const auto& [name, block] : m_variables)
        vars.add(block);
    if (!m_outputs.empty()) {
        HclWriter& outs = file(QStringLiteral("outputs.tf"),
                               QStringLiteral("Values the application, CI and operators read after apply."));
        for (const auto& [name, block] : m_outputs)
            outs.add(block);
    }
}

QList<QPair<QString, QString>> TerraformModule::files() const {
    QList<QPair<QString, QString>> out;
    for (const auto& [name, writer] : m_files)
        out.append({writer.path(), writer.text()});
    return out;
}

QJsonArray TerraformModule::resources() const {
    QJsonArray out;
    for (const auto& [name, writer] : m_files) {
        for (const QJsonValue& r : writer.resources())
            out.append(r);
    }
    return out;
}

} // namespace mlops
