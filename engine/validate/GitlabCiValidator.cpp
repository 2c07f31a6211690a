#include "validate/GitlabCiValidator.h"

#include "validate/YamlNodes.h"

namespace mlops {

using namespace YamlNodes;

namespace {

bool isGlobalKeyword(const QString& key) {
    static const QStringList keywords{QStringLiteral("default"),       QStringLiteral("include"),
                                      QStringLiteral("stages"),        QStringLiteral("variables"),
                                      QStringLiteral("workflow"),      QStringLiteral("image"),
                                      QStringLiteral("services"),      QStringLiteral("cache"),
                                      QStringLiteral("before_script"), QStringLiteral("after_script")};
    return keywords.contains(key);
}

} // namespace

QList<Finding> GitlabCiValidator::validate(const RepositorySnapshot& repository) const {
    QList<Finding> out;
    for (const RepositoryFile& file : repository.files()) {
        if (!file.text || !file.fileName().endsWith(QLatin1String(".gitlab-ci.yml")))
            continue;
        YAML::Node root;
        try {
            root = YAML::Load(file.content.toStdString());
        } catch (const YAML::Exception&) {
            continue; // not YAML at all: YamlSyntaxValidator reports that for this file, with its line
        }
        auto error = [&](int line, const QString& message) {
            out.append(finding(Finding::Severity::Error, file.path, line, message));
        };
        if (!root.IsMap()) {
            error(lineOf(root), QStringLiteral("the pipeline must be a mapping"));
            continue;
        }
        QStringList stages;
        const YAML::Node stagesNode = root["stages"];
        if (!stagesNode || !stagesNode.IsSequence() || stagesNode.size() == 0) {
            error(stagesNode ? lineOf(stagesNode) : 1, QStringLiteral("no 'stages' declared"));
        } else {
            for (const YAML::Node& s : stagesNode)
                stages.append(s.IsScalar() ? str(s.Scalar()) : QString());
        }
        QStringList jobs;
        for (const auto& entry : root) {
            const QString key = str(entry.first.Scalar());
            if (!isGlobalKeyword(key) && !key.startsWith(QLatin1Char('.')))
                jobs.append(key);
        }
        int jobCount = 0;
        for (const auto& entry : root) {
            const QString id = str(entry.first.Scalar());
            if (!jobs.contains(id))
                continue;
            ++jobCount;
            const YAML::Node job = entry.second;
            const int line = lineOf(entry.first);
            if (!job.IsMap()) {
                error(line, QStringLiteral("job '%1' must be a mapping").arg(id));
                continue;
            }
            if (!job["script"] && !job["trigger"] && !job["extends"])
                error(line, QStringLiteral("job '%1' has no 'script'").arg(id));
            const QString stage =
                job["stage"] && job["stage"].IsScalar() ? str(job["stage"].Scalar()) : QStringLiteral("test");
            if (!stages.isEmpty() && !stages.contains(stage) && stage != QLatin1String(".pre") &&
                stage != QLatin1String(".post"))
                error(job["stage"] ? lineOf(job["stage"]) : line,
                      QStringLiteral("job '%1' uses stage '%2', which is not declared in 'stages'").arg(id, stage));
            const YAML::Node needs = job["needs"];
            if (needs && needs.IsSequence()) {
                for (const YAML::Node& n : needs) {
                    const YAML::Node name = n.IsMap() ? n["job"] : n;
                    if (name && name.IsScalar() && !jobs.contains(str(name.Scalar())))
                        error(lineOf(n), QStringLiteral("job '%1' needs unknown job '%2'").arg(id, str(name.Scalar())));
                }
            }
        }
        if (jobCount == 0)
            error(1, QStringLiteral("the pipeline defines no jobs"));
    }
    return out;
}

} // namespace mlops
