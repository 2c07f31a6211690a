#include "UiLanguage.h"

#include <QEvent>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QThread>
#include <QTranslator>

namespace mlops {

namespace {
const char* const OurTranslatorName = "mlops-ui-translator";
const char* const QtTranslatorName = "mlops-qt-translator";

QString qmResource(const QString& code) {
    return QStringLiteral(":/i18n/agentic-mlops-studio_") + code + QStringLiteral(".qm");
}

// QCoreApplication announces a translator change only while exec() runs; before that (start-up, tests) the widgets
// that already exist are told here.
void announceIfNoEventLoop() {
    if (QThread::currentThread()->loopLevel() == 0) {
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    }
}

void removeTranslators() {
    QCoreApplication* app = QCoreApplication::instance();
    const QList<QTranslator*> translators = app->findChildren<QTranslator*>(QString(), Qt::FindDirectChildrenOnly);
    for (QTranslator* t : translators) {
        if (t->objectName() == QLatin1String(OurTranslatorName) || t->objectName() == QLatin1String(QtTranslatorName)) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
}
} // namespace

QStringList UiLanguage::available() {
    QStringList codes{QStringLiteral("en")};
    if (QFile::exists(qmResource(QStringLiteral("de"))))
        codes.append(QStringLiteral("de"));
    return codes;
}

QString UiLanguage::nativeName(const QString& code) {
    // Each language names itself so that a user who cannot read the current one still finds theirs.
    if (code == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    return QLocale(code).nativeLanguageName();
}

bool UiLanguage::apply(const QString& code) {
    QCoreApplication* app = QCoreApplication::instance();
    if (!app)
        return false;
    if (code != QLatin1String("en") && !QFile::exists(qmResource(code)))
        return false;
    removeTranslators();
    QLocale::setDefault(QLocale(code == QLatin1String("de") ? QLocale::German : QLocale::English));
    app->setProperty("mlopsLanguage", code);
    if (code == QLatin1String("en")) {
        // English is the source language: no translator needed.
        announceIfNoEventLoop();
        return true;
    }
    auto* qt = new QTranslator(app);
    qt->setObjectName(QLatin1String(QtTranslatorName));
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto* ours = new QTranslator(app);
    ours->setObjectName(QLatin1String(OurTranslatorName));
    if (!ours->load(qmResource(code))) {
        delete ours;
        return false;
    }
    QCoreApplication::installTranslator(ours);
    announceIfNoEventLoop();
    return true;
}

QString UiLanguage::current() {
    const QCoreApplication* app = QCoreApplication::instance();
    const QString code = app ? app->property("mlopsLanguage").toString() : QString();
    return code.isEmpty() ? QStringLiteral("en") : code;
}

} // namespace mlops
