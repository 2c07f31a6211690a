// export: copies a generated repository out as a git clone, a zip of one version, or a git bundle.
#include "Studio.h"
#include "cli/CliCommands.h"
#include "vcs/GitRepository.h"
#include "vcs/RepositoryExport.h"

#include <QFileInfo>

namespace mlops {

namespace {

class ExportCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override {
        return QStringLiteral(
            "Export a generated repository as a clone (--to), a zip (--zip) or a git bundle (--bundle).");
    }
    void configure(QCommandLineParser& p) const override {
        p.addPositionalArgument(QStringLiteral("source"),
                                QStringLiteral("Decision set id (or unique prefix), or a repository folder."));
        p.addOption({QStringLiteral("to"), QStringLiteral("Clone the repository into DIR (new or empty)."),
                     QStringLiteral("DIR")});
        p.addOption({QStringLiteral("zip"), QStringLiteral("Write the files of one version to a zip FILE."),
                     QStringLiteral("FILE")});
        p.addOption({QStringLiteral("bundle"), QStringLiteral("Write every branch to a git bundle FILE."),
                     QStringLiteral("FILE")});
        p.addOption(
            {QStringLiteral("commit"),
             QStringLiteral("Version to zip: sha, branch or HEAD (default: the decision set's commit, else HEAD)."),
             QStringLiteral("REF")});
    }
    int run(const QCommandLineParser& p, CliContext& ctx) const override {
        if (p.positionalArguments().size() != 1)
            return CliSupport::fail(ctx, QStringLiteral("expected a decision set id or a repository folder"), 2);
        const int targets = int(p.isSet(QStringLiteral("to"))) + int(p.isSet(QStringLiteral("zip"))) +
                            int(p.isSet(QStringLiteral("bundle")));
        if (targets != 1)
            return CliSupport::fail(ctx, QStringLiteral("give exactly one of --to DIR, --zip FILE, --bundle FILE"), 2);
        const QString source = p.positionalArguments().first();
        QString repoPath;
        QString commit = p.value(QStringLiteral("commit"));
        QString branch;
        if (QFileInfo(source).isDir()) {
            repoPath = source;
        } else {
            auto studio = ctx.openStudio(false);
            if (!studio)
                return 1;
            const DecisionSetRecord ds = studio->decisionSet(source);
            if (!ds.isValid())
                return CliSupport::fail(ctx, QStringLiteral("no decision set or folder matches '%1'").arg(source));
            repoPath = ds.settings.value(QStringLiteral("output_dir")).toString();
            const QJsonObject committed = ds.result.value(QStringLiteral("commit")).toObject();
            if (repoPath.isEmpty())
                return CliSupport::fail(ctx, QStringLiteral("decision set %1 has no output folder").arg(ds.id));
            if (committed.value(QStringLiteral("sha")).toString().isEmpty())
                return CliSupport::fail(
                    ctx,
                    QStringLiteral("decision set %1 has no commit yet (status %2)").arg(ds.id, storedText(ds.status)));
            if (commit.isEmpty())
                commit = committed.value(QStringLiteral("sha")).toString();
            branch = committed.value(QStringLiteral("branch")).toString();
        }
        if (!GitRepository(repoPath).exists())
            return CliSupport::fail(ctx, QStringLiteral("%1 is not a git repository").arg(repoPath));
        const RepositoryExport exporter(repoPath);
        QString error;
        QString what;
        if (p.isSet(QStringLiteral("to"))) {
            what = QStringLiteral("cloned to %1").arg(p.value(QStringLiteral("to")));
            if (!exporter.cloneTo(p.value(QStringLiteral("to")), branch, &error))
                return CliSupport::fail(ctx, error);
        } else if (p.isSet(QStringLiteral("zip"))) {
            if (commit.isEmpty())
                commit = QStringLiteral("HEAD");
            what = QStringLiteral("%1 written (%2)").arg(p.value(QStringLiteral("zip")), commit);
            if (!exporter.writeZip(p.value(QStringLiteral("zip")), commit, {}, &error))
                return CliSupport::fail(ctx, error);
        } else {
            what = QStringLiteral("%1 written").arg(p.value(QStringLiteral("bundle")));
            if (!exporter.writeBundle(p.value(QStringLiteral("bundle")), &error))
                return CliSupport::fail(ctx, error);
        }
        ctx.io.out << what << '\n';
        ctx.io.out.flush();
        return 0;
    }
};

} // namespace

std::unique_ptr<CliCommand> makeExportCommand() {
    return std::make_unique<ExportCommand>();
}

} // namespace mlops
