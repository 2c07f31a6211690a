#include "CliRunner.h"
#include "GitCli.h"
#include "TestSupport.h"
#include "vcs/GitRepository.h"
#include "vcs/RepositoryExport.h"
#include "vcs/ZipWriter.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mlops;

namespace {

int runPython(const QStringList& args, QString* out = nullptr) {
    QProcess p;
    p.start(QStringLiteral("python3"), args);
    if (!p.waitForStarted() || !p.waitForFinished(60000))
        return -1;
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitCode();
}

} // namespace

class TestRepositoryExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void crc32_knownVector();
    void zip_passesPythonZipfileAndRoundTrips();
    void bundle_verifiedAndClonedByGit();
    void clone_hasEveryBranchAndCleanCheckout();
    void cli_exportFolderToZipBundleAndClone();

private:
    QTemporaryDir m_root;
    QString m_repo;
    QString m_v1;
    QString m_fork;
};

void TestRepositoryExport::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_root.isValid());
    test::isolateDataDirs(m_root.filePath(QStringLiteral("data")));
    m_repo = m_root.filePath(QStringLiteral("repo"));
    // Text, a compressible file, an executable script, a binary file and a nested path.
    QVERIFY(test::writeFile(m_repo + QStringLiteral("/README.md"), "# Fraud detection\n"));
    QVERIFY(test::writeFile(m_repo + QStringLiteral("/infra/terraform/main.tf"),
                            QByteArray("# terraform\n").repeated(200)));
    QVERIFY(test::writeFile(m_repo + QStringLiteral("/scripts/deploy.sh"), "#!/bin/sh\necho deploy\n"));
    QFile::setPermissions(m_repo + QStringLiteral("/scripts/deploy.sh"),
                          QFile::permissions(m_repo + QStringLiteral("/scripts/deploy.sh")) | QFile::ExeOwner |
                              QFile::ExeGroup | QFile::ExeOther);
    QByteArray binary;
    for (int i = 0; i < 4096; ++i)
        binary.append(char((i * 7919) & 0xFF));
    QVERIFY(test::writeFile(m_repo + QStringLiteral("/models/weights.bin"), binary));
    const GitRepository repo(m_repo);
    GitCommitRequest r;
    r.message = QStringLiteral("v1");
    r.trailers = {{QStringLiteral("Decision-Set-Id"), QStringLiteral("ds-1")}};
    const GitCommitResult v1 = repo.commitWorkingTree(r);
    QVERIFY2(v1.ok(), qPrintable(v1.error));
    m_v1 = v1.sha;
    QVERIFY(test::writeFile(m_repo + QStringLiteral("/README.md"), "# Fraud detection, fork\n"));
    r.branch = QStringLiteral("version-2");
    r.startPoint = m_v1;
    r.message = QStringLiteral("v2 fork");
    r.trailers = {{QStringLiteral("Decision-Set-Id"), QStringLiteral("ds-2")}};
    const GitCommitResult fork = repo.commitWorkingTree(r);
    QVERIFY2(fork.ok(), qPrintable(fork.error));
    m_fork = fork.sha;
}

void TestRepositoryExport::crc32_knownVector() {
    QCOMPARE(ZipWriter::crc32(QByteArrayLiteral("123456789")), 0xCBF43926u);
    QCOMPARE(ZipWriter::crc32(QByteArray()), 0u);
}

void TestRepositoryExport::zip_passesPythonZipfileAndRoundTrips() {
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is needed to check the zip independently");
    const QString zip = m_root.filePath(QStringLiteral("v1.zip"));
    QString error;
    QVERIFY2(RepositoryExport(m_repo).writeZip(zip, m_v1, QStringLiteral("fraud/"), &error), qPrintable(error));
    QString out;
    QCOMPARE(runPython({QStringLiteral("-m"), QStringLiteral("zipfile"), QStringLiteral("-t"), zip}, &out), 0);
    QVERIFY2(out.contains(QLatin1String("Done testing")), qPrintable(out));
    const QString extracted = m_root.filePath(QStringLiteral("unzipped"));
    QCOMPARE(runPython({QStringLiteral("-m"), QStringLiteral("zipfile"), QStringLiteral("-e"), zip, extracted}), 0);
    const GitRepository repo(m_repo);
    for (const QString& path : repo.files(m_v1)) {
        QFile f(extracted + QStringLiteral("/fraud/") + path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        QCOMPARE(f.readAll(), repo.readFile(m_v1, path));
    }
    // The big text file was deflated, the executable bit survives in the external attributes.
    QString info;
    QCOMPARE(runPython({QStringLiteral("-c"),
                        QStringLiteral("import sys, zipfile\nfor i in zipfile.ZipFile(sys.argv[1]).infolist(): "
                                       "print(i.filename, i.compress_type, oct(i.external_attr >> 16))"),
                        zip},
                       &info),
             0);
    QVERIFY2(info.contains(QLatin1String("fraud/infra/terraform/main.tf 8 ")), qPrintable(info));
    QVERIFY2(info.contains(QLatin1String("fraud/scripts/deploy.sh 0 0o100755")), qPrintable(info));
    QVERIFY(!info.contains(QLatin1String("README.md")) || info.contains(QLatin1String("fraud/README.md")));
}

void TestRepositoryExport::bundle_verifiedAndClonedByGit() {
    const QString bundle = m_root.filePath(QStringLiteral("repo.bundle"));
    QString error;
    QVERIFY2(RepositoryExport(m_repo).writeBundle(bundle, &error), qPrintable(error));
    // git bundle verify needs a repository to check prerequisites against; a fresh one has none to offer.
    const QString scratch = m_root.filePath(QStringLiteral("scratch"));
    QDir().mkpath(scratch);
    QCOMPARE(test::git(scratch, {QStringLiteral("init"), QStringLiteral("-q")}).code, 0);
    const test::GitCliResult verify = test::git(scratch, {QStringLiteral("bundle"), QStringLiteral("verify"), bundle});
    QVERIFY2(verify.code == 0, qPrintable(verify.err + verify.out));
    const test::GitCliResult heads =
        test::git(scratch, {QStringLiteral("bundle"), QStringLiteral("list-heads"), bundle});
    QVERIFY(heads.out.contains(m_v1 + QStringLiteral(" refs/heads/main")));
    QVERIFY(heads.out.contains(m_fork + QStringLiteral(" refs/heads/version-2")));
    const QString cloned = m_root.filePath(QStringLiteral("from-bundle"));
    QCOMPARE(test::git(m_root.path(), {QStringLiteral("clone"), QStringLiteral("-q"), bundle, cloned}).code, 0);
    QCOMPARE(test::git(cloned, {QStringLiteral("fsck"), QStringLiteral("--strict")}).code, 0);
    QCOMPARE(test::git(cloned, {QStringLiteral("rev-parse"), QStringLiteral("origin/version-2")}).out.trimmed(),
             m_fork);
}

void TestRepositoryExport::clone_hasEveryBranchAndCleanCheckout() {
    const QString dest = m_root.filePath(QStringLiteral("clone"));
    QString error;
    QVERIFY2(RepositoryExport(m_repo).cloneTo(dest, QStringLiteral("main"), &error), qPrintable(error));
    const GitRepository clone(dest);
    QCOMPARE(clone.branches(), (QStringList{QStringLiteral("main"), QStringLiteral("version-2")}));
    QCOMPARE(clone.headBranch(), QStringLiteral("main"));
    QCOMPARE(clone.branchTip(QStringLiteral("version-2")), m_fork);
    QCOMPARE(test::git(dest, {QStringLiteral("status"), QStringLiteral("--porcelain")}).out, QString());
    QFile readme(dest + QStringLiteral("/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    QCOMPARE(readme.readAll(), QByteArray("# Fraud detection\n"));
    // A second clone into the same, now non-empty folder is refused.
    QVERIFY(!RepositoryExport(m_repo).cloneTo(dest, {}, &error));
    QVERIFY(error.contains(QLatin1String("not empty")));
}

void TestRepositoryExport::cli_exportFolderToZipBundleAndClone() {
    const QString zip = m_root.filePath(QStringLiteral("cli.zip"));
    QCOMPARE(test::runCli({QStringLiteral("export"), m_repo, QStringLiteral("--zip"), zip}).code, 0);
    QVERIFY(QFileInfo(zip).size() > 0);
    const QString bundle = m_root.filePath(QStringLiteral("cli.bundle"));
    QCOMPARE(test::runCli({QStringLiteral("export"), m_repo, QStringLiteral("--bundle"), bundle}).code, 0);
    QVERIFY(QFile(bundle).open(QIODevice::ReadOnly));
    const QString dest = m_root.filePath(QStringLiteral("cli-clone"));
    QCOMPARE(test::runCli({QStringLiteral("export"), m_repo, QStringLiteral("--to"), dest}).code, 0);
    QCOMPARE(GitRepository(dest).headBranch(), QStringLiteral("version-2")); // the source's current branch
    const test::CliRun noTarget = test::runCli({QStringLiteral("export"), m_repo});
    QCOMPARE(noTarget.code, 2);
    QVERIFY(QString(noTarget.out + noTarget.err).contains(QLatin1String("exactly one")));
    QCOMPARE(
        test::runCli({QStringLiteral("export"), m_repo, QStringLiteral("--zip"), zip, QStringLiteral("--to"), dest})
            .code,
        2);
    QCOMPARE(
        test::runCli({QStringLiteral("export"), QStringLiteral("no-such-decision-set"), QStringLiteral("--zip"), zip})
            .code,
        1);
}

QTEST_GUILESS_MAIN(TestRepositoryExport)
#include "tst_repository_export.moc"
