#include "validate/TerraformSource.h"

namespace mlops {

QList<TerraformSourceBlock> TerraformSource::blocksOfType(const QString& type) const {
    QList<TerraformSourceBlock> out;
    for (const TerraformSourceBlock& b : blocks) {
        if (b.block.type == type)
            out.append(b);
    }
    return out;
}

QJsonArray TerraformSource::policyResources() const {
    QJsonArray out;
    for (const TerraformSourceBlock& b : blocks) {
        if (b.block.type != QLatin1String("resource") || b.block.labels.size() < 2)
            continue;
        out.append(QJsonObject{{QStringLiteral("type"), b.block.labels.at(0)},
                               {QStringLiteral("name"), b.block.labels.at(1)},
                               {QStringLiteral("attributes"), b.block.toJson()},
                               {QStringLiteral("file"), b.file},
                               {QStringLiteral("line"), b.block.line}});
    }
    return out;
}

QList<TerraformSource> TerraformSource::collect(const RepositorySnapshot& repository) {
    QMap<QString, TerraformSource> byDirectory;
    for (const RepositoryFile& file : repository.files()) {
        const QString suffix = file.suffix();
        if (suffix != QLatin1String("tf") && suffix != QLatin1String("tfvars"))
            continue;
        const auto parsed = repository.hcl().constFind(file.path);
        if (parsed == repository.hcl().cend() || !parsed->ok())
            continue;
        TerraformSource& module = byDirectory[file.directory()];
        module.directory = file.directory();
        if (suffix == QLatin1String("tfvars")) {
            HclParsedBlock values;
            values.type = QStringLiteral("tfvars");
            values.line = 1;
            values.attributes = parsed->attributes;
            module.tfvars.append(TerraformSourceBlock{file.path, values});
            continue;
        }
        for (const HclParsedBlock& block : parsed->blocks)
            module.blocks.append(TerraformSourceBlock{file.path, block});
    }
    QList<TerraformSource> out;
    for (auto it = byDirectory.cbegin(); it != byDirectory.cend(); ++it) {
        if (!it.value().blocks.isEmpty())
            out.append(it.value());
    }
    return out;
}

} // namespace mlops
