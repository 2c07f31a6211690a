#include "GitCli.h"
#include "vcs/GitRepository.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mlops;

namespace {

GitCommitRequest request(const QString& branch, const QString& dsId, int version, const QString& startPoint = {}) {
    GitCommitRequest r;
    r.branch = branch;
    r.startPoint = startPoint;
    r.message = QStringLiteral("fraud: version %1\n\nPattern: online inference").arg(version);
    r.trailers = {{QStringLiteral("Decision-Set-Id"), dsId},
                  {QStringLiteral("Decision-Set-Version"), QString::number(version)}};
    return r;
}

} // namespace

class TestGitRepository : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void commit_firstVersion_onMainAndCleanForGit();
    void commit_changes_diffMatchesGitNumstat();
    void fork_branchStartsAtParentCommit();
    void commit_identicalTree_recordedWithTrailer();
    void log_allBranches_parsesTrailers();
    void readFileAndFiles_matchGitShowAndLsTree();
    void commit_invalidBranch_fails();
    void commit_sameSizeRewriteWithinASecond_isStaged();

private:
    QString file(const QString& rel) const { return m_dir->filePath(rel); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestGitRepository::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(test::writeFile(file(QStringLiteral("README.md")), "# Fraud\n\nline 2\nline 3\n"));
    QVERIFY(test::writeFile(file(QStringLiteral("infra/terraform/main.tf")), "provider \"aws\" {}\n"));
    QVERIFY(test::writeFile(file(QStringLiteral("app/old.py")), "print('old')\n"));
}

void TestGitRepository::commit_firstVersion_onMainAndCleanForGit() {
    const GitRepository repo(m_dir->path());
    QVERIFY(!repo.exists());
    const Result<GitNewCommit> r = repo.commitWorkingTree(request(QStringLiteral("main"), QStringLiteral("ds-1"), 1));
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(r.value().sha.size(), 40);
    QVERIFY(!r.value().unchanged);
    QCOMPARE(repo.headBranch(), QStringLiteral("main"));
    QCOMPARE(test::git(m_dir->path(), {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}).out.trimmed(),
             r.value().sha);
    QCOMPARE(test::git(m_dir->path(), {QStringLiteral("fsck"), QStringLiteral("--strict")}).code, 0);
    // The index and HEAD match the working tree: git sees nothing to commit.
    QCOMPARE(test::git(m_dir->path(), {QStringLiteral("status"), QStringLiteral("--porcelain")}).out, QString());
    const QString trailers =
        test::git(m_dir->path(), {QStringLiteral("log"), QStringLiteral("-1"),
                                  QStringLiteral("--format=%(trailers:key=Decision-Set-Id,valueonly)")})
            .out;
    QCOMPARE(trailers.trimmed(), QStringLiteral("ds-1"));
    QCOMPARE(
        test::git(m_dir->path(), {QStringLiteral("ls-files")}).out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(),
        3);
}

void TestGitRepository::commit_changes_diffMatchesGitNumstat() {
    const GitRepository repo(m_dir->path());
    const Result<GitNewCommit> first =
        repo.commitWorkingTree(request(QStringLiteral("main"), QStringLiteral("ds-1"), 1));
    QVERIFY(first.ok());
    QVERIFY(test::writeFile(file(QStringLiteral("README.md")), "# Fraud\n\nline 2 changed\nline 3\nline 4\n"));
    QVERIFY(QFile::remove(file(QStringLiteral("app/old.py"))));
    QVERIFY(test::writeFile(file(QStringLiteral("app/new.py")), "print('new')\nprint('two')\n"));
    const Result<GitNewCommit> second =
        repo.commitWorkingTree(request(QStringLiteral("main"), QStringLiteral("ds-2"), 2));
    QVERIFY2(second.ok(), qPrintable(second.error()));
    QCOMPARE(repo.commit(second.value().sha).parents, QStringList{first.value().sha});

    const Result<GitDiff> diffed = repo.diff(first.value().sha, second.value().sha, 3);
    QVERIFY2(diffed.ok(), qPrintable(diffed.error()));
    const GitDiff& d = diffed.value();
    QCOMPARE(d.files.size(), 3);
    QCOMPARE(d.files.at(0).path(), QStringLiteral("README.md"));
    QCOMPARE(d.files.at(0).status, GitFileDiff::Status::Modified);
    QVERIFY(d.files.at(0).patch.contains(QLatin1String("+line 2 changed")));
    QCOMPARE(d.files.at(1).path(), QStringLiteral("app/new.py"));
    QCOMPARE(d.files.at(1).status, GitFileDiff::Status::Added);
    QCOMPARE(d.files.at(2).path(), QStringLiteral("app/old.py"));
    QCOMPARE(d.files.at(2).status, GitFileDiff::Status::Deleted);
    // Same counts as git's own numstat, file by file.
    const QStringList numstat = test::git(m_dir->path(), {QStringLiteral("diff"), QStringLiteral("--numstat"),
                                                          first.value().sha, second.value().sha})
                                    .out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(numstat.size(), 3);
    for (const QString& line : numstat) {
        const QStringList cols = line.split(QLatin1Char('\t'));
        bool matched = false;
        for (const GitFileDiff& f : d.files) {
            if (f.path() == cols.at(2)) {
                QCOMPARE(f.added, cols.at(0).toInt());
                QCOMPARE(f.removed, cols.at(1).toInt());
                matched = true;
            }
        }
        QVERIFY2(matched, qPrintable(line));
    }
    // From nothing: every file added.
    const GitDiff all = repo.diff(QString(), first.value().sha).value();
    QCOMPARE(all.files.size(), 3);
    QCOMPARE(all.removed, 0);
}

void TestGitRepository::fork_branchStartsAtParentCommit() {
    const GitRepository repo(m_dir->path());
    const Result<GitNewCommit> v1 = repo.commitWorkingTree(request(QStringLiteral("main"), QStringLiteral("ds-1"), 1));
    QVERIFY(test::writeFile(file(QStringLiteral("README.md")), "# v2\n"));
    const Result<GitNewCommit> v2 = repo.commitWorkingTree(request(QStringLiteral("main"), QStringLiteral("ds-2"), 2));
    QVERIFY(test::writeFile(file(QStringLiteral("README.md")), "# fork of v1\n"));
    const Result<GitNewCommit> v3 =
        repo.commitWorkingTree(request(QStringLiteral("version-3"), QStringLiteral("ds-3"), 3, v1.value().sha));
    QVERIFY2(v3.ok(), qPrintable(v3.error()));
    QCOMPARE(test::git(m_dir->path(), {QStringLiteral("rev-parse"), QStringLiteral("version-3~1")}).out.trimmed(),
             v1.value().sha);
    QCOMPARE(test::git(m_dir->path(), {QStringLiteral("rev-parse"), QStringLiteral("main")}).out.trimmed(),
             v2.value().sha);
    QCOMPARE(repo.headBranch(), QStringLiteral("version-3"));
    QCOMPARE(repo.branches(), (QStringList{QStringLiteral("main"), QStringLiteral("version-3")}));
    QCOMPARE(test::git(m_dir->path(), {QStringLiteral("status"), QStringLiteral("--porcelain")}).out, QString());
    QCOMPARE(test::git(m_dir->path(), {QStringLiteral("fsck"), QStringLiteral("--strict")}).code, 0);
    // A diff across branches works like any other.
    const GitDiff d = repo.diff(v2.value().sha, v3.value().sha).value();
    QCOMPARE(d.files.size(), 1);
    QVERIFY(d.files.first().patch.contains(QLatin1String("+# fork of v1")));
}

void TestGitRepository::commit_identicalTree_recordedWithTrailer() {
    const GitRepository repo(m_dir->path());
    const Result<GitNewCommit> v1 = repo.commitWorkingTree(request(QStringLiteral("main"), QStringLiteral("ds-1"), 1));
    const Result<GitNewCommit> v2 = repo.commitWorkingTree(request(QStringLiteral("main"), QStringLiteral("ds-2"), 2));
    QVERIFY(v2.ok());
    QVERIFY(v2.value().unchanged);
    QVERIFY(v2.value().sha != v1.value().sha);
    QVERIFY(v2.value().message.contains(QLatin1String("Tree-Unchanged: true")));
    QCOMPARE(repo.commit(v2.value().sha).trailer(QStringLiteral("Tree-Unchanged")), QStringLiteral("true"));
    QCOMPARE(repo.diff(v1.value().sha, v2.value().sha).value().files.size(), 0);
}

void TestGitRepository::log_allBranches_parsesTrailers() {
    const GitRepository repo(m_dir->path());
    const Result<GitNewCommit> v1 = repo.commitWorkingTree(request(QStringLiteral("main"), QStringLiteral("ds-1"), 1));
    QVERIFY(test::writeFile(file(QStringLiteral("a.txt")), "a\n"));
    QVERIFY(repo.commitWorkingTree(request(QStringLiteral("main"), QStringLiteral("ds-2"), 2)).ok());
    QVERIFY(test::writeFile(file(QStringLiteral("b.txt")), "b\n"));
    const Result<GitNewCommit> fork =
        repo.commitWorkingTree(request(QStringLiteral("version-3"), QStringLiteral("ds-3"), 3, v1.value().sha));
    const QList<GitCommitInfo> log = repo.log();
    const QStringList gitAll = test::git(m_dir->path(), {QStringLiteral("rev-list"), QStringLiteral("--branches")})
                                   .out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(log.size(), gitAll.size());
    QCOMPARE(log.size(), 3);
    QCOMPARE(log.last().sha, v1.value().sha); // the root comes last
    QSet<int> versions;
    for (const GitCommitInfo& c : log) {
        QVERIFY(gitAll.contains(c.sha));
        versions.insert(c.version);
        QVERIFY(c.decisionSetId.startsWith(QLatin1String("ds-")));
        QCOMPARE(c.summary, QStringLiteral("fraud: version %1").arg(c.version));
        QCOMPARE(c.authorName, QStringLiteral("Agentic MLOps Studio"));
        if (c.sha == fork.value().sha)
            QCOMPARE(c.branches, QStringList{QStringLiteral("version-3")});
    }
    QCOMPARE(versions, (QSet<int>{1, 2, 3}));
    QCOMPARE(repo.findCommitWithTrailer(QStringLiteral("Decision-Set-Id"), QStringLiteral("ds-3")), fork.value().sha);
    QCOMPARE(repo.findCommitWithTrailer(QStringLiteral("Decision-Set-Id"), QStringLiteral("ds-9")), QString());
    QCOMPARE(repo.log(2).size(), 2);
}

void TestGitRepository::readFileAndFiles_matchGitShowAndLsTree() {
    const GitRepository repo(m_dir->path());
    const Result<GitNewCommit> v1 = repo.commitWorkingTree(request(QStringLiteral("main"), QStringLiteral("ds-1"), 1));
    bool ok = false;
    const QByteArray readme = repo.readFile(v1.value().sha, QStringLiteral("README.md"), &ok);
    QVERIFY(ok);
    QCOMPARE(QString::fromUtf8(readme),
             test::git(m_dir->path(), {QStringLiteral("show"), v1.value().sha + QStringLiteral(":README.md")}).out);
    repo.readFile(v1.value().sha, QStringLiteral("missing.txt"), &ok);
    QVERIFY(!ok);
    QCOMPARE(repo.readFile(QStringLiteral("HEAD"), QStringLiteral("infra/terraform/main.tf")),
             QByteArray("provider \"aws\" {}\n"));
    const QStringList lsTree = test::git(m_dir->path(), {QStringLiteral("ls-tree"), QStringLiteral("-r"),
                                                         QStringLiteral("--name-only"), v1.value().sha})
                                   .out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(repo.files(v1.value().sha), lsTree);
}

void TestGitRepository::commit_invalidBranch_fails() {
    const GitRepository repo(m_dir->path());
    const Result<GitNewCommit> r =
        repo.commitWorkingTree(request(QStringLiteral("bad..name"), QStringLiteral("ds-1"), 1));
    QVERIFY(!r.ok());
    QVERIFY(r.valueOr({}).sha.isEmpty());
    const Result<GitNewCommit> noStart =
        repo.commitWorkingTree(request(QStringLiteral("version-2"), QStringLiteral("ds-2"), 2,
                                       QStringLiteral("0123456789012345678901234567890123456789")));
    QVERIFY(!noStart.ok());
}

void TestGitRepository::commit_sameSizeRewriteWithinASecond_isStaged() {
    // The stat cache must not hide a rewrite with the same size right after a commit (racy git).
    const GitRepository repo(m_dir->path());
    for (int i = 0; i < 5; ++i) {
        const QByteArray content = QByteArray("version ") + QByteArray::number(i) + '\n';
        QVERIFY(test::writeFile(file(QStringLiteral("README.md")), content));
        const Result<GitNewCommit> r =
            repo.commitWorkingTree(request(QStringLiteral("main"), QStringLiteral("ds-%1").arg(i), i + 1));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(repo.readFile(r.value().sha, QStringLiteral("README.md")), content);
        QVERIFY(!r.value().unchanged);
    }
    QVERIFY(QFile::remove(file(QStringLiteral("app/old.py"))));
    const Result<GitNewCommit> removed =
        repo.commitWorkingTree(request(QStringLiteral("main"), QStringLiteral("ds-9"), 9));
    QVERIFY(!repo.files(removed.value().sha).contains(QStringLiteral("app/old.py")));
    QCOMPARE(test::git(m_dir->path(), {QStringLiteral("status"), QStringLiteral("--porcelain")}).out, QString());
}

QTEST_GUILESS_MAIN(TestGitRepository)
#include "tst_git_repository.moc"
