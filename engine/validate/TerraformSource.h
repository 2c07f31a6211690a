#pragma once

#include "validate/RepositorySnapshot.h"

#include <QJsonArray>
#include <QMap>

namespace mlops {

// A block of a Terraform module with the file it came from.
struct TerraformSourceBlock {
    QString file;
    HclParsedBlock block;
};

// The .tf files of one directory, i.e. one Terraform module, indexed the way the reference and policy checks
// need it. Built from the snapshot's parsed HCL; files with syntax errors are left out (reported by `hcl`).
struct TerraformSource {
    QString directory; // relative, "" for the repository root
    QList<TerraformSourceBlock> blocks;
    QList<TerraformSourceBlock> tfvars; // top-level attributes of .tfvars files, as one pseudo block per file

    QList<TerraformSourceBlock> blocksOfType(const QString& type) const;
    // resource blocks as PolicyEvaluator resources: {type, name, attributes, file, line}
    QJsonArray policyResources() const;

    // All modules of a repository, ordered by directory.
    static QList<TerraformSource> collect(const RepositorySnapshot& repository);
};

} // namespace mlops
