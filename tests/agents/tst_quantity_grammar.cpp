// The shared quantity grammar (agents/QuantityGrammar) and the field extractors built on it, driven by the rows of
// tests/data/quantities/<language>.tsv (en, de): phrase -> value per kind. A row that no longer reads as expected
// fails by itself.
#include "TestSupport.h"
#include "agents/IntakeExtractor.h"
#include "agents/QuantityGrammar.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

#include <cmath>

using namespace mlops;

namespace {

QString s(const char* text) {
    return QString::fromUtf8(text);
}

bool near(double a, double b) {
    return std::abs(a - b) <= 1e-6 * qMax(1.0, std::abs(b));
}

} // namespace

class TestQuantityGrammar : public QObject {
    Q_OBJECT

    std::shared_ptr<const KnowledgeBase> m_kb;
    QList<QuantityGrammar> m_grammars;

    const QuantityGrammar* grammar(const QString& language) const {
        for (const QuantityGrammar& g : m_grammars) {
            if (g.language() == language)
                return &g;
        }
        return nullptr;
    }

private slots:
    void initTestCase() {
        m_kb = KnowledgeBase::load({});
        QVERIFY2(m_kb->isValid(), qPrintable(m_kb->errors().join(s("; "))));
        m_grammars = QuantityGrammar::forLexicon(m_kb->lexicon());
        QVERIFY(!m_grammars.isEmpty());
        QCOMPARE(m_grammars.first().language(), s("en"));
    }

    void phrase_readsAsExpected_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        for (const QString& language : {s("en"), s("de")}) {
            QFile f(test::dataPath(s("quantities/%1.tsv").arg(language)));
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
            int line = 0;
            for (const QByteArray& raw : f.readAll().split('\n')) {
                ++line;
                const QString row = QString::fromUtf8(raw);
                if (row.trimmed().isEmpty() || row.startsWith(QLatin1Char('#')))
                    continue;
                const QStringList cols = row.split(QLatin1Char('\t'));
                QVERIFY2(cols.size() == 3,
                         qPrintable(QStringLiteral("%1.tsv:%2: three tab-separated columns").arg(language).arg(line)));
                QTest::newRow(qPrintable(QStringLiteral("%1:%2 %3: %4").arg(language).arg(line).arg(cols[0], cols[1])))
                    << language << cols[0] << cols[1] << cols[2];
            }
        }
    }

    void phrase_readsAsExpected() {
        QFETCH(QString, language);
        QFETCH(QString, kind);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QuantityGrammar* grammarForLanguage = grammar(language);
        QVERIFY2(grammarForLanguage, qPrintable(s("no quantity grammar for ") + language));
        const QuantityGrammar& g = *grammarForLanguage;
        const double want = expected.toDouble();
        if (kind == QLatin1String("number") || kind == QLatin1String("range_low") ||
            kind == QLatin1String("approximate")) {
            const Amount a = g.parse(text);
            QVERIFY2(a.isValid(), "no number read");
            const double got = kind == QLatin1String("number")      ? a.value
                               : kind == QLatin1String("range_low") ? a.low
                                                                    : (a.approximate ? 1.0 : 0.0);
            QVERIFY2(near(got, want), qPrintable(QStringLiteral("got %1").arg(got, 0, 'g', 12)));
        } else if (kind.startsWith(QLatin1String("rate_"))) {
            const QList<RateMatch> rates = g.rates(text);
            QVERIFY2(!rates.isEmpty(), "no rate read");
            if (kind == QLatin1String("rate_noun")) {
                QCOMPARE(rates.first().noun, expected);
            } else {
                const double got =
                    kind == QLatin1String("rate_per_second") ? rates.first().perSecond() : rates.first().perDay();
                QVERIFY2(near(got, want), qPrintable(QStringLiteral("got %1").arg(got, 0, 'g', 12)));
            }
        } else if (kind == QLatin1String("duration_ms") || kind == QLatin1String("percentile")) {
            const QList<DurationMatch> durations = g.durations(text);
            QVERIFY2(!durations.isEmpty(), "no duration read");
            const double got =
                kind == QLatin1String("duration_ms") ? durations.first().ms : durations.first().percentile;
            QVERIFY2(near(got, want), qPrintable(QStringLiteral("got %1").arg(got, 0, 'g', 12)));
        } else if (kind == QLatin1String("period_days")) {
            const QList<PeriodMatch> periods = g.periods(text);
            QVERIFY2(!periods.isEmpty(), "no period read");
            const double got = periods.first().periodSeconds / 86400.0;
            QVERIFY2(near(got, want), qPrintable(QStringLiteral("got %1").arg(got, 0, 'g', 12)));
        } else if (kind == QLatin1String("none_rate")) {
            const QList<RateMatch> rates = g.rates(text);
            QVERIFY2(rates.isEmpty(), qPrintable(QStringLiteral("read a rate: %1").arg(rates.value(0).span)));
        } else if (kind == QLatin1String("none_duration")) {
            QVERIFY(g.durations(text).isEmpty());
        } else if (kind.startsWith(QLatin1String("field:"))) {
            const QString field = kind.mid(6);
            const QJsonObject k = IntakeExtractor(m_kb).extract(text);
            const QJsonValue v = k.value(field);
            if (v.isArray())
                QVERIFY2(v.toArray().contains(expected), qPrintable(field + s(" lacks ") + expected));
            else if (v.isDouble())
                QVERIFY2(near(v.toDouble(), want), qPrintable(QStringLiteral("got %1").arg(v.toDouble(), 0, 'g', 12)));
            else
                QCOMPARE(v.toString(), expected);
            QVERIFY2(!k.value(s("provenance")).toObject().value(field).toString().isEmpty(), "no provenance");
        } else {
            QFAIL(qPrintable(s("unknown row kind ") + kind));
        }
    }

    // Provenance: a stated peak gives a derived daily volume, and an answer to the peak moves the derived volume.
    void provenance_derivedFollowsStatedAndAnswered() {
        const IntakeExtractor extractor(m_kb);
        QJsonObject k = extractor.extract(s("Fraud scoring at a peak of 3,000 transactions per second."));
        const QJsonObject provenance = k.value(s("provenance")).toObject();
        QCOMPARE(provenance.value(s("peak_rps")).toString(), s("stated"));
        QCOMPARE(provenance.value(s("throughput_requests_per_day")).toString(), s("derived"));
        QCOMPARE(k.value(s("derivations"))
                     .toObject()
                     .value(s("throughput_requests_per_day"))
                     .toObject()
                     .value(s("from"))
                     .toArray()
                     .first()
                     .toString(),
                 s("peak_rps"));
        const double factor =
            m_kb->techSpecs().value(s("assumptions")).toObject().value(s("peak_factor")).toDouble(3.0);
        QCOMPARE(k.value(s("throughput_requests_per_day")).toDouble(), std::round(3000 * 86400 / factor));
        // the text states the peak: an answer does not replace it silently
        QStringList errors;
        const QJsonObject same = extractor.applyAnswers(k, QJsonObject{{s("peak_rps"), 10}}, &errors);
        QCOMPARE(same.value(s("peak_rps")).toDouble(), 3000.0);
        QVERIFY(!errors.isEmpty());
        // a field that was not stated takes the answer, and what was derived from it follows
        k = extractor.extract(s("We score transactions for fraud."));
        const QJsonObject answered = extractor.applyAnswers(k, QJsonObject{{s("peak_rps"), 30}}, &errors);
        QCOMPARE(answered.value(s("provenance")).toObject().value(s("peak_rps")).toString(), s("answered"));
        QCOMPARE(answered.value(s("provenance")).toObject().value(s("throughput_requests_per_day")).toString(),
                 s("derived"));
        QCOMPARE(answered.value(s("throughput_requests_per_day")).toDouble(), std::round(30 * 86400 / factor));
    }
};

QTEST_GUILESS_MAIN(TestQuantityGrammar)
#include "tst_quantity_grammar.moc"
