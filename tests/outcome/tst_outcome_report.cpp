// Report view in Qt WebEngine: loads docs/report.html of a generated repository (a fixture, then a real run's),
// exports HTML and PDF.
#include "OutcomeFixture.h"
#include "StatusToString.h"

#include "Studio.h"
#include "outcome/OutcomeView.h"
#include "outcome/ReportView.h"

#include <QApplication>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace mlops;

class TestOutcomeReport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        test::isolateDataDirs(m_dir.path());
        m_root = m_dir.filePath(QStringLiteral("fraud-detection"));
        QVERIFY(test::copyTree(test::dataPath(QStringLiteral("outcome/repo_v1")), m_root));
    }

    void missingReport_showsExplanationWithoutWebView() {
        ReportView view;
        view.setReport(m_root, QStringLiteral("docs/absent.html"));
        QVERIFY(view.reportFile().isEmpty());
        QVERIFY(!view.webView());
        QString error;
        QVERIFY(!view.exportHtml(m_dir.filePath(QStringLiteral("x.html")), &error));
        QVERIFY(!error.isEmpty());
    }

    void report_loadsAndExportsHtmlAndPdf() {
        ReportView view;
        view.resize(1000, 800);
        view.show();
        QSignalSpy loaded(&view, &ReportView::reportLoaded);
        view.setReport(m_root, QStringLiteral("docs/report.html"));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        QVERIFY(loaded.first().first().toBool());
        QVERIFY(view.isReportLoaded());

        QString error;
        const QString html = m_dir.filePath(QStringLiteral("report-copy.html"));
        QVERIFY2(view.exportHtml(html, &error), qPrintable(error));
        QCOMPARE(QFileInfo(html).size(), QFileInfo(view.reportFile()).size());

        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        QSignalSpy exported(&view, &ReportView::pdfExported);
        view.exportPdf(pdf);
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 60000);
        QVERIFY(exported.first().at(1).toBool());
        QCOMPARE(exported.first().at(0).toString(), pdf);
        QVERIFY(QFileInfo(pdf).size() > 1000);
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");

        const QString content = pdfText(pdf);
        QVERIFY2(content.contains(QStringLiteral("Streaming features with an online store")), qPrintable(content));
    }

    void finishedRun_reportPdf_containsChosenPattern() {
        Studio::Options options;
        options.dataDir = m_dir.filePath(QStringLiteral("studio"));
        QString error;
        auto studio = Studio::open(options, &error);
        QVERIFY2(studio, qPrintable(error));
        QFile prompt(QStringLiteral(MLOPS_TEST_DATA_DIR "/../../resources/examples/fraud-detection.txt"));
        QVERIFY(prompt.open(QIODevice::ReadOnly));
        RunSettings settings;
        settings.approveWithDefaults = true;
        settings.outputDir = m_dir.filePath(QStringLiteral("generated"));
        const QString ds = studio->startRun(studio->createProject(QStringLiteral("fraud")),
                                            QString::fromUtf8(prompt.readAll()), settings);
        QTRY_COMPARE_WITH_TIMEOUT(studio->decisionSet(ds).status, DecisionSetStatus::Completed, 60000);
        const QJsonObject state = studio->checkpoint(ds, studio->checkpoints(ds).constLast().step).state;
        const QString pattern = state.value(QStringLiteral("plan"))
                                    .toObject()
                                    .value(QStringLiteral("pattern"))
                                    .toObject()
                                    .value(QStringLiteral("name"))
                                    .toString();
        QVERIFY(!pattern.isEmpty());

        OutcomeView outcome(*studio);
        outcome.resize(1200, 800);
        outcome.show();
        QSignalSpy loaded(outcome.reportView(), &ReportView::reportLoaded);
        outcome.showDecisionSet(ds);
        QVERIFY2(!outcome.reportView()->reportFile().isEmpty(), "the run wrote no report");
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        const QString pdf = m_dir.filePath(QStringLiteral("run-report.pdf"));
        QSignalSpy exported(outcome.reportView(), &ReportView::pdfExported);
        outcome.reportView()->exportPdf(pdf);
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 60000);
        QVERIFY(exported.first().at(1).toBool());
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(pattern), qPrintable(pattern + QStringLiteral(" not in: ") + text.left(400)));
    }

private:
    // Chromium compresses the text streams; pdftotext (poppler-utils) reads them.
    static QString pdfText(const QString& pdf) {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty())
            qFatal("pdftotext (poppler-utils, installer/install-deps.sh) is needed");
        QProcess text;
        text.start(pdftotext, {pdf, QStringLiteral("-")});
        text.waitForFinished(30000);
        return QString::fromUtf8(text.readAllStandardOutput()).simplified();
    }

    QTemporaryDir m_dir;
    QString m_root;
};

int main(int argc, char* argv[]) {
    // Qt WebEngine shares OpenGL contexts with the widgets; this must be set before the application exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestOutcomeReport test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_outcome_report.moc"
