// Repository preview: file tree and highlighted viewer with validation marks, history, diffs, export.
#include "OutcomeFixture.h"

#include "outcome/CodeHighlighter.h"
#include "outcome/CommitHistoryView.h"
#include "outcome/FileViewer.h"
#include "outcome/GitVersionHistory.h"
#include "outcome/RepositoryView.h"

#include <QFileInfo>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace mlops;

class TestOutcomeRepository : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        test::isolateDataDirs(m_dir.path());
        m_root = m_dir.filePath(QStringLiteral("fraud-detection"));
        m_shas = test::makeTwoVersionRepository(m_root);
        QCOMPARE(m_shas.size(), 2);
    }

    void languageForFile_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("language");
        using L = CodeHighlighter::Language;
        QTest::newRow("terraform") << "infra/terraform/main.tf" << int(L::Hcl);
        QTest::newRow("workflow") << ".github/workflows/ci.yml" << int(L::Yaml);
        QTest::newRow("python") << "serving/app.py" << int(L::Python);
        QTest::newRow("dockerfile") << "serving/Dockerfile" << int(L::Dockerfile);
        QTest::newRow("json") << "monitoring/dashboard.json" << int(L::Json);
        QTest::newRow("makefile") << "Makefile" << int(L::Makefile);
        QTest::newRow("markdown") << "README.md" << int(L::Markdown);
        QTest::newRow("other") << "LICENSE" << int(L::Plain);
    }
    void languageForFile() {
        QFETCH(QString, file);
        QFETCH(int, language);
        QCOMPARE(int(CodeHighlighter::languageForFile(file)), language);
    }

    void openFile_terraform_highlightedWithValidationMarks() {
        RepositoryView view;
        view.resize(1400, 900);
        view.setHistoryFactory(&GitVersionHistory::open);
        view.setState(test::finishedState(m_root));
        QVERIFY(view.openFile(QStringLiteral("infra/terraform/main.tf")));
        QVERIFY(view.viewer()->editor()->toPlainText().contains(QStringLiteral("aws_elasticache_replication_group")));
        QCOMPARE(view.viewer()->highlighter()->language(), CodeHighlighter::Language::Hcl);
        // Highlighting happened: the resource keyword got a format of its own.
        const QTextBlock block = view.viewer()->editor()->document()->findBlockByNumber(8);
        QVERIFY(block.text().startsWith(QStringLiteral("resource")));
        QVERIFY(!block.layout()->formats().isEmpty());
        const auto marks = view.viewer()->editor()->lineMarks();
        QCOMPARE(marks.size(), 2);
        QCOMPARE(marks.value(7).severity, QStringLiteral("warning"));
        QVERIFY(marks.value(12).messages.first().startsWith(QStringLiteral("policy: PCI-10.2")));
        QCOMPARE(view.viewer()->editor()->extraSelections().size(), 2);
        QCOMPARE(view.findingsList()->topLevelItemCount(), 3);
    }

    void openFile_outsideRepositoryOrMissing_refused() {
        RepositoryView view;
        view.setState(test::finishedState(m_root));
        QVERIFY(!view.openFile(QStringLiteral("../outside.txt")));
        QVERIFY(!view.openFile(QStringLiteral("no/such/file.tf")));
    }

    void openFile_markdown_renderedByDefault() {
        RepositoryView view;
        view.setState(test::finishedState(m_root));
        QVERIFY(view.openFile(QStringLiteral("README.md")));
        QVERIFY(view.viewer()->isRenderedMarkdown());
    }

    void fileTree_hidesGitFolderButShowsDotGithub() {
        RepositoryView view;
        view.setState(test::finishedState(m_root));
        QTreeView* tree = view.fileTree();
        QStringList names;
        QTRY_VERIFY_WITH_TIMEOUT((names =
                                      [&] {
                                          QStringList n;
                                          for (int r = 0; r < tree->model()->rowCount(tree->rootIndex()); ++r)
                                              n << tree->model()->index(r, 0, tree->rootIndex()).data().toString();
                                          return n;
                                      }())
                                     .contains(QStringLiteral("infra")),
                                 10000);
        QVERIFY(names.contains(QStringLiteral(".github")));
        QVERIFY(!names.contains(QStringLiteral(".git")));
    }

    void history_twoVersions_diffShowsTheChange() {
        RepositoryView view;
        view.setHistoryFactory(&GitVersionHistory::open);
        QSignalSpy loaded(view.history(), &CommitHistoryView::historyLoaded);
        view.setState(test::finishedState(m_root));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        QCOMPARE(loaded.first().first().toInt(), 2);
        QCOMPARE(view.history()->versions().first().sha, m_shas.last()); // newest first
        QSignalSpy shown(view.history(), &CommitHistoryView::diffShown);
        view.history()->showDiff(m_shas.first(), m_shas.last());
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 10000);
        const QString diff = view.history()->diffText();
        QVERIFY2(diff.contains(QStringLiteral("+  num_cache_clusters         = 3")), qPrintable(diff));
        QVERIFY(diff.contains(QStringLiteral("-  num_cache_clusters         = 2")));
        QVERIFY(diff.contains(QStringLiteral("serving/app.py")));
        QVERIFY(!diff.contains(QStringLiteral("README.md")));
        // Coloured: added and removed lines carry different backgrounds.
        QTextDocument* doc = view.history()->diffView()->document();
        QColor added, removed;
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
            if (b.layout()->formats().isEmpty())
                continue;
            const QColor bg = b.layout()->formats().first().format.background().color();
            if (b.text().startsWith(QStringLiteral("+ ")))
                added = bg;
            else if (b.text().startsWith(QStringLiteral("- ")))
                removed = bg;
        }
        QVERIFY(added.isValid() && removed.isValid());
        QVERIFY(added != removed);
    }

    void export_zipAndBundle_writeVerifiableFiles() {
        RepositoryView view;
        view.setHistoryFactory(&GitVersionHistory::open);
        view.setState(test::finishedState(m_root));
        QString error;
        const QString zip = m_dir.filePath(QStringLiteral("export.zip"));
        QVERIFY2(view.exportRepository(VersionHistory::ExportKind::Zip, zip, &error), qPrintable(error));
        QFile zipFile(zip);
        QVERIFY(zipFile.open(QIODevice::ReadOnly));
        QCOMPARE(zipFile.read(2), QByteArray("PK"));
        QVERIFY(zipFile.size() > 100);
        const QString bundle = m_dir.filePath(QStringLiteral("export.bundle"));
        QVERIFY2(view.exportRepository(VersionHistory::ExportKind::Bundle, bundle, &error), qPrintable(error));
        QProcess verify;
        verify.setWorkingDirectory(m_root);
        verify.start(QStringLiteral("git"), {QStringLiteral("bundle"), QStringLiteral("verify"), bundle});
        QVERIFY(verify.waitForFinished(30000));
        QCOMPARE(verify.exitCode(), 0);
        const QString clone = m_dir.filePath(QStringLiteral("clone"));
        QVERIFY2(view.exportRepository(VersionHistory::ExportKind::Clone, clone, &error), qPrintable(error));
        QVERIFY(QFileInfo::exists(clone + QStringLiteral("/infra/terraform/main.tf")));
    }

private:
    QTemporaryDir m_dir;
    QString m_root;
    QStringList m_shas;
};

QTEST_MAIN(TestOutcomeRepository)
#include "tst_outcome_repository.moc"
