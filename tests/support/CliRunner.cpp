#include "CliRunner.h"

#include "cli/CliCommand.h"

#include <QBuffer>
#include <QTextStream>

namespace mlops::test {

CliRun runCli(const QStringList& args, std::optional<QByteArray> stdinText) {
    CliRun r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    QBuffer in;
    if (stdinText) {
        in.setData(*stdinText);
        in.open(QIODevice::ReadOnly);
    }
    r.code = mlops::runCli(QStringList{QStringLiteral("mlops-studio-cli")} + args,
                           CliIo{out, err, stdinText ? &in : nullptr});
    out.flush();
    err.flush();
    return r;
}

} // namespace mlops::test
