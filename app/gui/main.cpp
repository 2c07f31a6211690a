#include "MainWindow.h"
#include "Studio.h"
#include "settings/StudioPreferences.h"
#include "settings/UiLanguage.h"

#include <QApplication>
#include <QMessageBox>

int main(int argc, char* argv[])
{
    // Qt WebEngine (the report view) shares OpenGL contexts with the widgets: set before the application exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("agentic-mlops-studio"));
    QApplication::setApplicationName(QStringLiteral("agentic-mlops-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("Agentic MLOps Studio"));
    QApplication::setApplicationVersion(QStringLiteral(MLOPS_VERSION));
    // Preferences from the settings dialog: language now, the API key on demand, the data folder for this session.
    const mlops::StudioPreferences preferences = mlops::StudioPreferences::load();
    mlops::UiLanguage::apply(preferences.effectiveLanguage());
    mlops::StudioPreferences::registerKeySource();
    mlops::Studio::Options options;
    options.dataDir = preferences.dataFolder;
    QString error;
    auto studio = mlops::Studio::open(options, &error);
    if (!studio) {
        QMessageBox::critical(nullptr, QObject::tr("Agentic MLOps Studio"),
                              QObject::tr("The data folder cannot be opened:\n%1").arg(error));
        return 1;
    }
    mlops::MainWindow window(*studio);
    window.show();
    return app.exec();
}
