#include "validate/ShellSyntaxValidator.h"

#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace mlops {

namespace {

constexpr int timeoutMs = 60000;

struct ProcessOutput {
    bool started = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

ProcessOutput runTool(const QString& program, const QStringList& args) {
    ProcessOutput result;
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted())
        return result;
    result.started = true;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
    }
    result.exitCode = p.exitCode();
    result.out = p.readAllStandardOutput();
    result.err = p.readAllStandardError();
    return result;
}

} // namespace

ShellSyntaxValidator::ShellSyntaxValidator(QString bash, QString shellcheck)
    : m_bash(bash.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("bash")) : bash)
    , m_shellcheck(shellcheck.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("shellcheck")) : shellcheck) {}

bool ShellSyntaxValidator::isShellScript(const RepositoryFile& file) {
    if (!file.text)
        return false;
    const QString suffix = file.suffix();
    if (suffix == QLatin1String("sh") || suffix == QLatin1String("bash"))
        return true;
    if (!file.content.startsWith("#!"))
        return false;
    const QByteArray shebang = file.content.left(file.content.indexOf('\n'));
    static const QRegularExpression shells(QStringLiteral("^#!\\s*(/usr)?/bin/(env\\s+)?(ba)?sh\\b"));
    return shells.match(QString::fromUtf8(shebang)).hasMatch();
}

QList<Finding> ShellSyntaxValidator::validate(const RepositorySnapshot& repository) const {
    QList<Finding> out;
    QHash<QString, QString> relativeOf; // absolute path -> repository path
    QStringList scripts;
    for (const RepositoryFile& file : repository.files()) {
        if (isShellScript(file)) {
            scripts.append(file.absolutePath);
            relativeOf.insert(file.absolutePath, file.path);
        }
    }
    if (scripts.isEmpty())
        return out;
    if (m_bash.isEmpty() || !QFileInfo::exists(m_bash)) {
        out.append(
            finding(Finding::Severity::Info, QString(), 0,
                    QStringLiteral("bash not found: %1 shell script(s) not syntax-checked").arg(scripts.size())));
        return out;
    }
    static const QRegularExpression bashLine(QStringLiteral("line (\\d+): (.*)$"));
    for (const QString& script : std::as_const(scripts)) {
        const ProcessOutput r = runTool(m_bash, {QStringLiteral("-n"), script});
        if (!r.started || r.exitCode == 0)
            continue;
        bool any = false;
        for (const QString& line : QString::fromUtf8(r.err).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QRegularExpressionMatch m = bashLine.match(line);
            if (!m.hasMatch())
                continue;
            out.append(finding(Finding::Severity::Error, relativeOf.value(script), m.captured(1).toInt(),
                               QStringLiteral("bash -n: ") + m.captured(2)));
            any = true;
        }
        if (!any)
            out.append(finding(Finding::Severity::Error, relativeOf.value(script), 0,
                               QStringLiteral("bash -n: ") + QString::fromUtf8(r.err).trimmed().left(300)));
    }
    if (m_shellcheck.isEmpty() || !QFileInfo::exists(m_shellcheck)) {
        out.append(finding(Finding::Severity::Info, QString(), 0,
                           QStringLiteral("shellcheck not installed: only bash -n was run")));
        return out;
    }
    // gcc format: FILE:LINE:COL: LEVEL: MESSAGE [SCnnnn]
    static const QRegularExpression gccLine(
        QStringLiteral("^(.*):(\\d+):(\\d+): (error|warning|note|style|info): (.*?)(?: \\[(SC\\d+)\\])?$"));
    const ProcessOutput r = runTool(m_shellcheck, QStringList{QStringLiteral("-f"), QStringLiteral("gcc")} + scripts);
    for (const QString& line : QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch m = gccLine.match(line);
        if (!m.hasMatch())
            continue;
        const QString level = m.captured(4);
        const Finding::Severity severity = level == QLatin1String("error")     ? Finding::Severity::Error
                                           : level == QLatin1String("warning") ? Finding::Severity::Warning
                                                                               : Finding::Severity::Info;
        out.append(Finding{QStringLiteral("shellcheck"), severity, relativeOf.value(m.captured(1), m.captured(1)),
                           m.captured(2).toInt(), m.captured(5), m.captured(6)});
    }
    return out;
}

} // namespace mlops
