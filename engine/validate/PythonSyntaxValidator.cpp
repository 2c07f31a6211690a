#include "validate/PythonSyntaxValidator.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace mlops {

namespace {

// argv[1]: folder for byte code; argv[2..]: files. One line per failing file: index, line, message.
const char* const compileScript = R"PY(
import os, sys, py_compile
out = sys.argv[1]
for i, path in enumerate(sys.argv[2:]):
    try:
        py_compile.compile(path, cfile=os.path.join(out, str(i) + '.pyc'), doraise=True)
    except py_compile.PyCompileError as e:
        v = e.exc_value
        line = getattr(v, 'lineno', 0) or 0
        msg = getattr(v, 'msg', None) or str(v)
        print('%d\t%d\t%s: %s' % (i, line, e.exc_type_name, str(msg).replace('\n', ' ')))
    except Exception as e:
        print('%d\t0\t%s' % (i, str(e).replace('\n', ' ')))
)PY";

constexpr int timeoutMs = 120000;

} // namespace

PythonSyntaxValidator::PythonSyntaxValidator(QString python)
    : m_python(std::move(python)) {}

QList<Finding> PythonSyntaxValidator::validate(const RepositorySnapshot& repository) const {
    QList<Finding> out;
    QList<const RepositoryFile*> files;
    for (const RepositoryFile& file : repository.files()) {
        if (file.text && file.suffix() == QLatin1String("py"))
            files.append(&file);
    }
    if (files.isEmpty())
        return out;
    const QString python = m_python.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("python3")) : m_python;
    QTemporaryDir byteCode;
    if (python.isEmpty() || !byteCode.isValid()) {
        out.append(
            finding(Finding::Severity::Info, QString(), 0,
                    QStringLiteral("python3 not found: %1 Python file(s) not syntax-checked").arg(files.size())));
        return out;
    }
    QStringList args{QStringLiteral("-c"), QString::fromUtf8(compileScript), byteCode.path()};
    for (const RepositoryFile* f : std::as_const(files))
        args.append(f->absolutePath);
    QProcess process;
    process.setWorkingDirectory(byteCode.path());
    process.start(python, args);
    if (!process.waitForStarted()) {
        out.append(finding(Finding::Severity::Info, QString(), 0,
                           QStringLiteral("python3 could not be started (%1): %2 Python file(s) not syntax-checked")
                               .arg(process.errorString())
                               .arg(files.size())));
        return out;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        out.append(finding(Finding::Severity::Warning, QString(), 0, QStringLiteral("py_compile timed out")));
        return out;
    }
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    for (const QByteArray& line : lines) {
        const QList<QByteArray> cols = line.split('\t');
        if (cols.size() < 3)
            continue;
        const int index = cols[0].toInt();
        if (index < 0 || index >= files.size())
            continue;
        out.append(finding(Finding::Severity::Error, files[index]->path, cols[1].toInt(),
                           QString::fromUtf8(cols.mid(2).join('\t'))));
    }
    if (process.exitCode() != 0 && out.isEmpty())
        out.append(finding(Finding::Severity::Warning, QString(), 0,
                           QStringLiteral("python3 failed: %1")
                               .arg(QString::fromUtf8(process.readAllStandardError()).trimmed().left(300))));
    return out;
}

} // namespace mlops
