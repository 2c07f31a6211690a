#include "validate/GithubWorkflowValidator.h"

#include "validate/YamlNodes.h"
#include "validate/YamlSyntaxValidator.h"

namespace mlops {

using namespace YamlNodes;

QList<Finding> GithubWorkflowValidator::validate(const RepositorySnapshot& repository) const {
    QList<Finding> out;
    for (const RepositoryFile& file : repository.files()) {
        if (!YamlSyntaxValidator::isYaml(file) || !file.path.startsWith(QLatin1String(".github/workflows/")))
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
            error(lineOf(root), QStringLiteral("a workflow must be a mapping"));
            continue;
        }
        if (!root["on"])
            error(1, QStringLiteral("missing 'on': the workflow has no trigger"));
        const YAML::Node jobs = root["jobs"];
        if (!jobs || !jobs.IsMap() || jobs.size() == 0) {
            error(jobs ? lineOf(jobs) : 1, QStringLiteral("missing or empty 'jobs' mapping"));
            continue;
        }
        QStringList jobIds;
        for (const auto& job : jobs)
            jobIds.append(str(job.first.Scalar()));
        for (const auto& entry : jobs) {
            const QString id = str(entry.first.Scalar());
            const YAML::Node job = entry.second;
            if (!job.IsMap()) {
                error(lineOf(entry.first), QStringLiteral("job '%1' must be a mapping").arg(id));
                continue;
            }
            const YAML::Node needs = job["needs"];
            if (needs) {
                const std::vector<YAML::Node> list = needs.IsSequence()
                                                         ? std::vector<YAML::Node>(needs.begin(), needs.end())
                                                         : std::vector<YAML::Node>{needs};
                for (const YAML::Node& n : list) {
                    if (n.IsScalar() && !jobIds.contains(str(n.Scalar())))
                        error(lineOf(n), QStringLiteral("job '%1' needs unknown job '%2'").arg(id, str(n.Scalar())));
                }
            }
            if (job["uses"])
                continue; // a reusable workflow call: runs-on and steps come from the called workflow
            if (!job["runs-on"])
                error(lineOf(entry.first), QStringLiteral("job '%1' has no 'runs-on'").arg(id));
            const YAML::Node steps = job["steps"];
            if (!steps || !steps.IsSequence() || steps.size() == 0) {
                error(steps ? lineOf(steps) : lineOf(entry.first), QStringLiteral("job '%1' has no 'steps'").arg(id));
                continue;
            }
            int index = 0;
            for (const YAML::Node& step : steps) {
                ++index;
                if (!step.IsMap()) {
                    error(lineOf(step), QStringLiteral("step %1 of job '%2' must be a mapping").arg(index).arg(id));
                    continue;
                }
                const bool run = bool(step["run"]);
                const bool uses = bool(step["uses"]);
                if (!run && !uses)
                    error(lineOf(step),
                          QStringLiteral("step %1 of job '%2' has neither 'run' nor 'uses'").arg(index).arg(id));
                else if (run && uses)
                    error(lineOf(step),
                          QStringLiteral("step %1 of job '%2' has both 'run' and 'uses'").arg(index).arg(id));
            }
        }
    }
    return out;
}

} // namespace mlops
