// Settings dialog: preferences stored and turned into run settings (never the key), language switched at run time.
#include "TestSupport.h"

#include "MainWindow.h"
#include "Studio.h"
#include "cards/ReasonCardPanel.h"
#include "hitl/HitlPanel.h"
#include "llm/LlmSettings.h"
#include "outcome/OutcomeView.h"
#include "settings/SettingsDialog.h"
#include "settings/StudioPreferences.h"
#include "settings/UiLanguage.h"

#include <QComboBox>
#include <QDockWidget>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace mlops;

class TestSettingsLanguage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        test::isolateDataDirs(m_dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("agentic-mlops-studio-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settings_language"));
        Studio::Options options;
        options.dataDir = m_dir.filePath(QStringLiteral("data"));
        options.processJobs = false;
        QString error;
        m_studio = test::openStudio(options, &error);
        QVERIFY2(m_studio, qPrintable(error));
    }

    void apply_storesPreferences_keyOnlyInSettings() {
        SettingsDialog dialog(*m_studio);
        StudioPreferences p;
        p.llmProvider = QStringLiteral("openai");
        p.llmUrl = QStringLiteral("http://localhost:11434");
        p.llmModel = QStringLiteral("llama3.1");
        p.llmApiKey = QStringLiteral("sk-test-not-a-real-key-42");
        p.autoApproveTimeoutSec = 120;
        p.confidenceThreshold = 0.65;
        p.allowCriticalDecisions = true;
        p.language = QStringLiteral("en");
        dialog.setPreferences(p);
        QCOMPARE(dialog.keyEdit()->echoMode(), QLineEdit::Password);
        dialog.apply();

        const StudioPreferences stored = StudioPreferences::load();
        QCOMPARE(stored.llmProvider, QStringLiteral("openai"));
        QCOMPARE(stored.llmModel, QStringLiteral("llama3.1"));
        QCOMPARE(stored.llmApiKey, p.llmApiKey);
        QCOMPARE(stored.autoApproveTimeoutSec, 120);
        QCOMPARE(stored.confidenceThreshold, 0.65);
        QVERIFY(stored.allowCriticalDecisions);

        QString error;
        const RunSettings run = stored.applyTo(RunSettings(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(run.autoApproveTimeoutSec, 120);
        QCOMPARE(run.confidenceThreshold, 0.65);
        QVERIFY(run.allowCriticalDecisions);
        QCOMPARE(run.llm.value(QStringLiteral("model")).toString(), QStringLiteral("llama3.1"));
        // What is stored with the decision set never holds the key.
        QVERIFY(!QJsonDocument(run.toJson()).toJson().contains("sk-test-not-a-real-key-42"));

        // The engine finds the key through the preferences' key source when the environment has none.
        LlmSettings llm;
        llm.provider = LlmSettings::Provider::OpenAi;
        QCOMPARE(llm.apiKey(StudioPreferences::keySource(), QProcessEnvironment()), p.llmApiKey);
    }

    void applyTo_providerWithoutModel_keepsOfflineAndSaysWhy() {
        StudioPreferences p;
        p.llmProvider = QStringLiteral("anthropic");
        QString error;
        const RunSettings run = p.applyTo(RunSettings(), &error);
        QVERIFY(!error.isEmpty());
        QVERIFY(run.llm.isEmpty());
    }

    void language_switchedAtRunTime_retranslatesOpenWidgets() {
        OutcomeView outcome(*m_studio);
        SettingsDialog dialog(*m_studio);
        QCOMPARE(outcome.tabs()->tabText(2), QStringLiteral("Report"));
        dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("de")));
        dialog.apply();
        QCOMPARE(UiLanguage::current(), QStringLiteral("de"));
        // QApplication posts LanguageChange to the top-level widgets.
        QTRY_COMPARE(outcome.tabs()->tabText(2), QStringLiteral("Bericht"));
        QTRY_COMPARE(dialog.windowTitle(), QStringLiteral("Einstellungen"));
        QCOMPARE(StudioPreferences::load().effectiveLanguage(), QStringLiteral("de"));
        dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("en")));
        dialog.apply();
        QTRY_COMPARE(outcome.tabs()->tabText(2), QStringLiteral("Report"));
        QTRY_COMPARE(dialog.windowTitle(), QStringLiteral("Settings"));
    }

    void language_switchedAtRunTime_retranslatesMainWindow() {
        MainWindow window(*m_studio);
        const auto dock = [&window](const char* name) {
            return window.findChild<QDockWidget*>(QLatin1String(name))->windowTitle();
        };
        const auto button = [&window](const QString& text) {
            return window.cardPanel()->findChild<QToolButton*>() != nullptr &&
                   window.cardPanel()->findChild<QToolButton*>()->text() == text;
        };
        const auto labelShown = [&window](const QString& text) {
            for (const QLabel* l : window.findChildren<QLabel*>())
                if (l->text() == text)
                    return true;
            return false;
        };
        const auto expectEnglish = [&] {
            QTRY_COMPARE(window.fileMenu()->title(), QStringLiteral("&File"));
            QCOMPARE(window.runMenu()->title(), QStringLiteral("&Run"));
            QCOMPARE(dock("projectsDock"), QStringLiteral("Projects"));
            QCOMPARE(dock("cardsDock"), QStringLiteral("Reason cards"));
            QCOMPARE(dock("hitlDock"), QStringLiteral("Questions"));
            QCOMPARE(window.runAction()->text(), QStringLiteral("&Run"));
            QCOMPARE(window.pauseAction()->text(), QStringLiteral("&Pause"));
            QCOMPARE(window.resumeAction()->text(), QStringLiteral("Res&ume"));
            QCOMPARE(window.cancelAction()->text(), QStringLiteral("&Cancel run"));
            QCOMPARE(window.forkAction()->text(), QStringLiteral("&Fork…"));
            QCOMPARE(window.centralTabs()->tabText(0), QStringLiteral("Run"));
            QVERIFY(labelShown(QStringLiteral("Project:")));
            QVERIFY(button(QStringLiteral("All nodes")));
            QCOMPARE(window.hitlPanel()->findChild<QPushButton*>()->text().isEmpty(), false);
        };
        expectEnglish();
        const QString hitlButtonEnglish = window.hitlPanel()->findChild<QPushButton*>()->text();

        SettingsDialog dialog(*m_studio);
        dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("de")));
        dialog.apply();
        // The German strings of translations/agentic-mlops-studio_de.ts.
        QTRY_COMPARE(window.fileMenu()->title(), QStringLiteral("&Datei"));
        QCOMPARE(window.runMenu()->title(), QStringLiteral("&Ausführen"));
        QCOMPARE(dock("projectsDock"), QStringLiteral("Projekte"));
        QCOMPARE(dock("cardsDock"), QStringLiteral("Begründungskarten"));
        QCOMPARE(dock("hitlDock"), QStringLiteral("Fragen"));
        QCOMPARE(window.runAction()->text(), QStringLiteral("&Ausführen"));
        QCOMPARE(window.pauseAction()->text(), QStringLiteral("&Pausieren"));
        QCOMPARE(window.resumeAction()->text(), QStringLiteral("&Fortsetzen"));
        QCOMPARE(window.cancelAction()->text(), QStringLiteral("Lauf a&bbrechen"));
        QCOMPARE(window.forkAction()->text(), QStringLiteral("Ab&zweigen…"));
        QVERIFY(window.runAction()->toolTip().endsWith(
            QStringLiteral(" (") + window.runAction()->shortcut().toString(QKeySequence::NativeText) +
            QLatin1Char(')')));
        QCOMPARE(window.centralTabs()->tabText(0), QStringLiteral("Lauf"));
        QVERIFY(labelShown(QStringLiteral("Projekt:")));
        QVERIFY(!labelShown(QStringLiteral("Project:")));
        QVERIFY(button(QStringLiteral("Alle Knoten")));
        QVERIFY(window.hitlPanel()->findChild<QPushButton*>()->text() != hitlButtonEnglish);

        dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("en")));
        dialog.apply();
        expectEnglish();
        QCOMPARE(window.hitlPanel()->findChild<QPushButton*>()->text(), hitlButtonEnglish);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Studio> m_studio;
};

QTEST_MAIN(TestSettingsLanguage)
#include "tst_settings_language.moc"
