// validate DIR: runs the repository validators on any folder and prints findings like a compiler does.
#include "cli/CliCommands.h"
#include "validate/RepositoryValidator.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace mlops {

namespace {

class ValidateCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("validate"); }
    QString summary() const override {
        return QStringLiteral("Validate a repository: syntax, CI schema, Terraform references and policy, secrets.");
    }
    void configure(QCommandLineParser& p) const override {
        p.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("Repository folder to validate."));
        p.addOption({QStringLiteral("json"), QStringLiteral("Print {ok, counts, findings} as JSON.")});
        p.addOption(
            {QStringLiteral("compliance"),
             QStringLiteral("Also apply these compliance policy packs (comma-separated: HIPAA,GDPR,PCI-DSS,SOC2)."),
             QStringLiteral("list")});
        p.addOption(
            {QStringLiteral("no-info"), QStringLiteral("Do not print info findings (they are still counted).")});
    }
    int run(const QCommandLineParser& p, CliContext& ctx) const override {
        if (p.positionalArguments().size() != 1)
            return CliSupport::fail(ctx, QStringLiteral("expected one folder to validate"), 2);
        const QString dir = p.positionalArguments().first();
        if (!QFileInfo(dir).isDir())
            return CliSupport::fail(ctx, QStringLiteral("%1 is not a folder").arg(dir), 2);
        QJsonArray compliance;
        for (const QString& c : p.value(QStringLiteral("compliance")).split(QLatin1Char(','), Qt::SkipEmptyParts))
            compliance.append(c.trimmed().toUpper());
        RepositoryValidator validator({.constraints = {{QStringLiteral("compliance_requirements"), compliance}}});
        const QList<Finding> findings = validator.validate(dir);
        const FindingSummary summary = FindingSummary::of(findings);
        if (p.isSet(QStringLiteral("json"))) {
            QJsonObject part = validationPart(findings);
            part.insert(QStringLiteral("root"), QFileInfo(dir).absoluteFilePath());
            ctx.io.out << QString::fromUtf8(QJsonDocument(part).toJson());
        } else {
            const bool withInfo = !p.isSet(QStringLiteral("no-info"));
            for (const Finding& f : findings) {
                if (withInfo || f.severity != Finding::Severity::Info)
                    ctx.io.out << f.toText() << '\n';
            }
            ctx.io.out << summary.errors << " error(s), " << summary.warnings << " warning(s), " << summary.infos
                       << " info\n";
        }
        ctx.io.out.flush();
        return summary.ok() ? 0 : 1;
    }
};

} // namespace

std::unique_ptr<CliCommand> makeValidateCommand() {
    return std::make_unique<ValidateCommand>();
}

} // namespace mlops
