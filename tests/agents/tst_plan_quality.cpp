// Plan quality on prompts nobody tuned for: tests/data/plan-quality/{dev,sealed}/<case>/ hold a prompt.txt as a user
// writes it and an expected.yaml with the properties a senior ML platform architect insists on (the property language
// is described in tests/data/plan-quality/README.md and implemented in PlanExpectation). The offline pipeline runs
// in-process with every question answered by its smart default, as `mlops-studio-cli plan` does.
//
// The dev split is scored on every run and must not fall below tests/data/plan-quality/floor.yaml; its per-case
// failures go to plan-quality-dev-failures.txt next to this binary (and to the log with MLOPS_EVAL_VERBOSE=1).
// The sealed split is scored only with MLOPS_EVAL_SEALED=1 and then prints the two aggregate numbers and nothing
// else: nobody may look at sealed failures while tuning, or it stops measuring unseen prompts.
#include "PlanQualityCorpus.h"
#include "TestSupport.h"
#include "agents/knowledge/YamlJson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QStandardPaths>
#include <QTest>

using namespace mlops;
using namespace mlops::test;

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

// Patterns that are a cloud's managed service and have no on-premises form; the corpus does not ask for them there.
bool patternAppliesTo(const QString& pattern, const QString& target) {
    return target != QLatin1String("on_prem") ||
           (pattern != QLatin1String("managed_ml_platform") && pattern != QLatin1String("llm_managed_rag"));
}

struct Summary {
    Tally checks;
    Tally plans;
    QMap<QString, Tally> byKind;
    QMap<QString, std::pair<Tally, Tally>> byStyle;   // checks, plans
    QMap<QString, std::pair<Tally, Tally>> byPattern; // checks, plans
    QStringList failures;
};

Summary summarise(const QList<PlanQualityResult>& results) {
    Summary sum;
    for (const PlanQualityResult& r : results) {
        const bool right = r.fullyRight();
        ++sum.plans.total;
        sum.plans.held += right ? 1 : 0;
        for (auto* group : {&sum.byStyle[r.c.style()], &sum.byPattern[r.c.pattern()]}) {
            ++group->second.total;
            group->second.held += right ? 1 : 0;
        }
        for (const PlanCheck& k : r.checks) {
            ++sum.checks.total;
            sum.checks.held += k.held ? 1 : 0;
            ++sum.byKind[k.kind].total;
            sum.byKind[k.kind].held += k.held ? 1 : 0;
            for (auto* group : {&sum.byStyle[r.c.style()], &sum.byPattern[r.c.pattern()]}) {
                ++group->first.total;
                group->first.held += k.held ? 1 : 0;
            }
            if (!k.held)
                sum.failures.append(QStringLiteral("%1 [%2 %3] %4").arg(r.c.name, k.kind, k.name, k.detail));
        }
    }
    return sum;
}

QString ratio(const Tally& t) {
    return QStringLiteral("%1 / %2").arg(t.held).arg(t.total);
}

double fraction(const Tally& t) {
    return t.total > 0 ? double(t.held) / t.total : 0.0;
}

// The README's counts table, generated from the folders (the README must hold exactly this between its markers).
QString countsTable(const QList<PlanQualityCase>& dev, const QList<PlanQualityCase>& sealed) {
    QMap<QString, std::pair<int, int>> rows; // "kind | value" -> dev, sealed
    const auto count = [&](const QList<PlanQualityCase>& cases, bool isDev) {
        for (const PlanQualityCase& c : cases) {
            for (const QString& key : QStringList{s("style | ") + c.style(), s("pattern | ") + c.pattern(),
                                                  s("target | ") + c.target(), s("~all | cases")}) {
                (isDev ? rows[key].first : rows[key].second) += 1;
            }
            if (!c.triple().isEmpty())
                (isDev ? rows[s("~all | in paraphrase triples")].first
                       : rows[s("~all | in paraphrase triples")].second) += 1;
        }
    };
    count(dev, true);
    count(sealed, false);
    QString out = s("| kind | value | dev | sealed | total |\n|---|---|---:|---:|---:|\n");
    for (auto it = rows.begin(); it != rows.end(); ++it) {
        QString key = it.key();
        if (key.startsWith(u'~'))
            key.remove(0, 1);
        out += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                   .arg(key)
                   .arg(it.value().first)
                   .arg(it.value().second)
                   .arg(it.value().first + it.value().second);
    }
    return out;
}

} // namespace

class TestPlanQuality : public QObject {
    Q_OBJECT

    std::shared_ptr<const KnowledgeBase> m_kb;
    QList<PlanQualityCase> m_dev;
    QList<PlanQualityCase> m_sealed;
    QList<PlanQualityCase> m_sealed2; // a second sealed split, written after the first one was opened

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        m_kb = KnowledgeBase::load({});
        QVERIFY2(m_kb->isValid(), qPrintable(m_kb->errors().join(s("\n"))));
        m_dev = PlanQualityCorpus::load(s("dev"));
        m_sealed = PlanQualityCorpus::load(s("sealed"));
        m_sealed2 = PlanQualityCorpus::load(s("sealed2"));
    }

    // A typo in a property name would silently check less than its author meant, so it is an error. Reading the
    // sealed expectations is allowed: it shows no result of the engine.
    void corpus_everyExpectation_isWellFormed() {
        QStringList problems;
        for (const PlanQualityCase& c : m_dev + m_sealed + m_sealed2) {
            if (!c.error.isEmpty())
                problems.append(QStringLiteral("%1/%2: %3").arg(c.split, c.name, c.error));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(s("\n"))));
    }

    void corpus_folders_followTheSplitRule() {
        QStringList problems;
        for (const PlanQualityCase& c : m_dev + m_sealed) {
            const QString wanted = PlanQualityCorpus::splitByRule(c.name, c.expected);
            if (wanted != c.split)
                problems.append(QStringLiteral("%1/%2: %3").arg(c.split, c.name, wanted));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(s("\n"))));
        const int total = int(m_dev.size() + m_sealed.size());
        QVERIFY2(total >= 150, qPrintable(QStringLiteral("%1 cases, at least 150 wanted").arg(total)));
        QVERIFY2(std::abs(3 * m_sealed.size() - total) <= 3,
                 qPrintable(QStringLiteral("%1 of %2 sealed, one third wanted").arg(m_sealed.size()).arg(total)));
    }

    void corpus_covers_everyStyleAndEveryPatternOnEveryTarget() {
        const QList<PlanQualityCase> all = m_dev + m_sealed;
        QStringList problems;
        for (const QString& style : PlanExpectation::styles()) {
            const auto n = std::count_if(all.begin(), all.end(), [&](const auto& c) { return c.style() == style; });
            if (n < 20)
                problems.append(QStringLiteral("style %1: %2 cases, at least 20 wanted").arg(style).arg(n));
        }
        for (const QJsonValue& p : m_kb->patterns()) {
            const QString pattern = p.toObject().value(s("id")).toString();
            for (const QString& target : PlanExpectation::targets()) {
                const auto n = std::count_if(all.begin(), all.end(), [&](const auto& c) {
                    return c.pattern() == pattern && c.target() == target && c.triple().isEmpty();
                });
                if (patternAppliesTo(pattern, target) && n < 3)
                    problems.append(
                        QStringLiteral("%1 on %2: %3 cases, a block of 3 wanted").arg(pattern, target).arg(n));
            }
        }
        QMap<QString, QStringList> triples;
        for (const PlanQualityCase& c : all) {
            if (!c.triple().isEmpty())
                triples[c.triple()].append(c.split);
        }
        for (auto it = triples.begin(); it != triples.end(); ++it) {
            if (it.value().size() != 3 || it.value().count(it.value().first()) != 3)
                problems.append(QStringLiteral("triple %1: %2").arg(it.key(), it.value().join(s(", "))));
        }
        if (triples.size() < 6)
            problems.append(QStringLiteral("%1 paraphrase triples, at least 6 wanted").arg(triples.size()));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(s("\n"))));
    }

    void corpus_readmeTable_matchesTheFolders() {
        QFile readme(QDir(PlanQualityCorpus::root()).filePath(s("README.md")));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(readme.readAll());
        const QString begin = s("<!-- counts:begin -->\n");
        const qsizetype from = text.indexOf(begin);
        const qsizetype to = text.indexOf(s("<!-- counts:end -->"));
        QVERIFY2(from >= 0 && to > from, "README.md lacks the <!-- counts:begin/end --> markers");
        const QString table = text.mid(from + begin.size(), to - from - begin.size());
        const QString wanted = countsTable(m_dev, m_sealed);
        if (table != wanted)
            qInfo().noquote().nospace() << "README.md counts are stale; the folders give:\n" << wanted;
        QVERIFY2(table == wanted,
                 "README.md counts table differs from the folders (the current table is printed above)");
    }

    void dev_score_isNotBelowTheFloor() {
        const Summary sum = summarise(PlanQualityCorpus::score(m_kb, m_dev));
        qInfo().noquote() << "dev: checks held" << ratio(sum.checks);
        qInfo().noquote() << "dev: plans fully right" << ratio(sum.plans);
        for (auto it = sum.byStyle.begin(); it != sum.byStyle.end(); ++it)
            qInfo().noquote() << "dev style" << it.key() << ": checks held" << ratio(it.value().first)
                              << "| plans fully right" << ratio(it.value().second);
        for (auto it = sum.byPattern.begin(); it != sum.byPattern.end(); ++it)
            qInfo().noquote() << "dev pattern" << it.key() << ": checks held" << ratio(it.value().first)
                              << "| plans fully right" << ratio(it.value().second);
        for (auto it = sum.byKind.begin(); it != sum.byKind.end(); ++it)
            qInfo().noquote() << "dev property" << it.key() << ": held" << ratio(it.value());

        const QString report =
            QDir(QCoreApplication::applicationDirPath()).filePath(s("plan-quality-dev-failures.txt"));
        QFile out(report);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write((sum.failures.join(u'\n') + u'\n').toUtf8());
        out.close();
        qInfo().noquote() << "dev: per-case failures in" << report;
        if (qEnvironmentVariable("MLOPS_EVAL_VERBOSE") == QLatin1String("1")) {
            for (const QString& line : sum.failures)
                qInfo().noquote() << "  " << line;
        }

        const YamlJsonResult floor = yamlFileToJson(QDir(PlanQualityCorpus::root()).filePath(s("floor.yaml")));
        QVERIFY2(floor.ok(), qPrintable(floor.error));
        const QJsonObject dev = floor.value.toObject().value(s("dev")).toObject();
        QVERIFY2(dev.value(s("checks_held_fraction")).isDouble() &&
                     dev.value(s("plans_fully_right_fraction")).isDouble(),
                 "floor.yaml needs dev.checks_held_fraction and dev.plans_fully_right_fraction");
        // a rounding margin only: the floor is written with four decimals
        QVERIFY2(fraction(sum.checks) + 1e-4 >= dev.value(s("checks_held_fraction")).toDouble(),
                 qPrintable(QStringLiteral("dev checks held %1 fell below the floor %2")
                                .arg(fraction(sum.checks))
                                .arg(dev.value(s("checks_held_fraction")).toDouble())));
        QVERIFY2(fraction(sum.plans) + 1e-4 >= dev.value(s("plans_fully_right_fraction")).toDouble(),
                 qPrintable(QStringLiteral("dev plans fully right %1 fell below the floor %2")
                                .arg(fraction(sum.plans))
                                .arg(dev.value(s("plans_fully_right_fraction")).toDouble())));
    }

    void sealed_score_onlyWhenAsked() {
        if (qEnvironmentVariable("MLOPS_EVAL_SEALED") != QLatin1String("1"))
            QSKIP("the sealed split is measured only with MLOPS_EVAL_SEALED=1 (once before, once after the work)");
        const Summary sum = summarise(PlanQualityCorpus::score(m_kb, m_sealed));
        qInfo().noquote() << "sealed: checks held" << ratio(sum.checks);
        qInfo().noquote() << "sealed: plans fully right" << ratio(sum.plans);
    }

    // sealed2/README.md says why there is a second sealed split and when it was written.
    void sealed2_score_onlyWhenAsked() {
        if (qEnvironmentVariable("MLOPS_EVAL_SEALED2") != QLatin1String("1"))
            QSKIP("the sealed2 split is measured only with MLOPS_EVAL_SEALED2=1 (once before, once after the work)");
        QVERIFY2(m_sealed2.size() >= 60, "sealed2 holds fewer than 60 cases");
        const Summary sum = summarise(PlanQualityCorpus::score(m_kb, m_sealed2));
        qInfo().noquote() << "sealed2: checks held" << ratio(sum.checks);
        qInfo().noquote() << "sealed2: plans fully right" << ratio(sum.plans);
    }
};

QTEST_GUILESS_MAIN(TestPlanQuality)
#include "tst_plan_quality.moc"
