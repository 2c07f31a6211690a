#include "MainWindow.h"
#include "Studio.h"

#include <QApplication>
#include <QMessageBox>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("agentic-mlops-studio"));
    QApplication::setApplicationName(QStringLiteral("agentic-mlops-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("Agentic MLOps Studio"));
    QApplication::setApplicationVersion(QStringLiteral(MLOPS_VERSION));
    QString error;
    auto studio = mlops::Studio::open({}, &error);
    if (!studio) {
        QMessageBox::critical(nullptr, QObject::tr("Agentic MLOps Studio"),
                              QObject::tr("The data folder cannot be opened:\n%1").arg(error));
        return 1;
    }
    mlops::MainWindow window(*studio);
    window.show();
    return app.exec();
}
