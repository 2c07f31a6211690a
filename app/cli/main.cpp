#include "cli/CliCommand.h"

#include <QCoreApplication>
#include <QFile>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("agentic-mlops-studio"));
    QCoreApplication::setApplicationName(QStringLiteral("agentic-mlops-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MLOPS_VERSION));
    QFile in;
    // Without a readable standard input, a "-" argument is refused with "no standard input".
    const bool haveInput = in.open(stdin, QIODevice::ReadOnly);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return mlops::runCli(QCoreApplication::arguments(), {out, err, haveInput ? &in : nullptr});
}
