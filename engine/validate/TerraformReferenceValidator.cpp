#include "validate/TerraformReferenceValidator.h"

#include "validate/TerraformSource.h"

#include <QDir>
#include <QSet>

namespace mlops {

QList<Finding> TerraformReferenceValidator::validate(const RepositorySnapshot& repository) const {
    QList<Finding> out;
    for (const TerraformSource& module : TerraformSource::collect(repository)) {
        const QString where = module.directory.isEmpty() ? QStringLiteral("the root module") : module.directory;
        QHash<QString, TerraformSourceBlock> variables;
        QSet<QString> locals;
        QSet<QString> modules;
        for (const TerraformSourceBlock& b : module.blocks) {
            const QString type = b.block.type;
            if (type == QLatin1String("variable") && !b.block.labels.isEmpty())
                variables.insert(b.block.labels.first(), b);
            else if (type == QLatin1String("module") && !b.block.labels.isEmpty())
                modules.insert(b.block.labels.first());
            else if (type == QLatin1String("locals"))
                for (const HclAttribute& a : b.block.attributes)
                    locals.insert(a.name);
        }
        QSet<QString> usedVariables;
        for (const TerraformSourceBlock& b : module.blocks) {
            for (const HclReference& ref : b.block.allReferences()) {
                if (ref.root == QLatin1String("var")) {
                    usedVariables.insert(ref.name);
                    if (!variables.contains(ref.name))
                        out.append(finding(Finding::Severity::Error, b.file, ref.line,
                                           QStringLiteral("var.%1 is used but no variable \"%1\" is declared in %2")
                                               .arg(ref.name, where)));
                } else if (ref.root == QLatin1String("local") && !locals.contains(ref.name)) {
                    out.append(finding(Finding::Severity::Error, b.file, ref.line,
                                       QStringLiteral("local.%1 is used but not defined in any locals block of %2")
                                           .arg(ref.name, where)));
                } else if (ref.root == QLatin1String("module") && !modules.contains(ref.name)) {
                    out.append(finding(Finding::Severity::Error, b.file, ref.line,
                                       QStringLiteral("module.%1 is used but no module \"%1\" is declared in %2")
                                           .arg(ref.name, where)));
                }
            }
            if (b.block.type != QLatin1String("module"))
                continue;
            const HclAttribute* source = b.block.attribute(QStringLiteral("source"));
            if (!source) {
                out.append(finding(Finding::Severity::Error, b.file, b.block.line,
                                   QStringLiteral("module \"%1\" has no source").arg(b.block.labels.value(0))));
                continue;
            }
            const QString path = source->value.toString();
            if (!path.startsWith(QLatin1String("./")) && !path.startsWith(QLatin1String("../")))
                continue; // registry or remote source: not checked offline
            const QString target =
                QDir::cleanPath(module.directory.isEmpty() ? path : module.directory + QLatin1Char('/') + path);
            if (target == QLatin1String("..") || target.startsWith(QLatin1String("../"))) {
                out.append(finding(Finding::Severity::Error, b.file, source->line,
                                   QStringLiteral("module source '%1' leaves the repository").arg(path)));
                continue;
            }
            bool hasTf = false;
            for (const RepositoryFile& f : repository.files())
                hasTf = hasTf || (f.directory() == target && f.suffix() == QLatin1String("tf"));
            if (!hasTf)
                out.append(finding(Finding::Severity::Error, b.file, source->line,
                                   repository.exists(target)
                                       ? QStringLiteral("module source '%1' contains no .tf files").arg(path)
                                       : QStringLiteral("module source '%1' does not exist").arg(path)));
        }
        for (const TerraformSourceBlock& values : module.tfvars) {
            for (const HclAttribute& a : values.block.attributes) {
                if (!variables.contains(a.name))
                    out.append(finding(Finding::Severity::Warning, values.file, a.line,
                                       QStringLiteral("value for undeclared variable \"%1\"").arg(a.name)));
            }
        }
        for (auto it = variables.cbegin(); it != variables.cend(); ++it) {
            if (!usedVariables.contains(it.key()))
                out.append(finding(Finding::Severity::Info, it->file, it->block.line,
                                   QStringLiteral("variable \"%1\" is declared but never used").arg(it.key())));
        }
    }
    return out;
}

} // namespace mlops
