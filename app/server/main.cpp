#include "ServerCli.h"

#include <QCoreApplication>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("agentic-mlops-studio"));
    QCoreApplication::setApplicationName(QStringLiteral("agentic-mlops-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MLOPS_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return mlops::server::runServerCli(QCoreApplication::arguments(), out, err);
}
