#pragma once

#include "codegen/HclBlock.h"

#include <QJsonArray>

namespace mlops {

// Writes one .tf file from blocks and remembers where each `resource` block starts, so the Terraform resource
// model ({type, name, attributes, file, line}) the policy packs evaluate points at the exact line of the file.
class HclWriter {
public:
    explicit HclWriter(QString path, QString headerComment = {});

    HclWriter& add(const HclBlock& block);
    HclWriter& add(const QList<HclBlock>& blocks);

    const QString& path() const { return m_path; }
    bool isEmpty() const { return m_count == 0; }
    QString text() const { return m_text; }
    // [{type, name, attributes, file, line}] for every resource block written so far.
    const QJsonArray& resources() const { return m_resources; }

private:
    QString m_path;
    QString m_text;
    int m_lines = 0;
    int m_count = 0;
    QJsonArray m_resources;
};

} // namespace mlops
