#pragma once

#include "codegen/HclWriter.h"

#include <map>

namespace mlops {

// The infra/terraform folder while it is generated: one HclWriter per file (kept in name order, so the output never
// depends on insertion order), plus the variables and outputs the component files declare as they go, written to
// variables.tf and outputs.tf by finish().
class TerraformModule {
public:
    // The writer for `fileName` (e.g. "storage.tf"), created with its header comment on first use.
    HclWriter& file(const QString& fileName, const QString& header = {});

    void variable(const QString& name, const QString& type, const QString& description,
                  const std::optional<HclValue>& defaultValue = std::nullopt, bool sensitive = false);
    void output(const QString& name, const QString& expression, const QString& description, bool sensitive = false);
    bool hasVariable(const QString& name) const { return m_variables.count(name) > 0; }

    // Writes variables.tf and outputs.tf. Call once, after every component.
    void finish();

    // Files in name order: {relative path under infra/terraform, text}.
    QList<QPair<QString, QString>> files() const;
    // The resource model of every file: [{type, name, attributes, file, line}] with paths relative to the
    // repository root, in file then line order.
    QJsonArray resources() const;

    static QString folder() { return QStringLiteral("infra/terraform"); }

private:
    std::map<QString, HclWriter> m_files;
    std::map<QString, HclBlock> m_variables;
    std::map<QString, HclBlock> m_outputs;
};

} // namespace mlops
