// intake_extract on a 1 MB prompt (target: under 200 ms). The prompt is the agent test cases' prompts repeated to
// 1 MiB, so every lexicon group and unit parser has work to do. Baseline in the same run: the cheapest scan a rule
// engine could do on the same text, one QString::toLower plus one QRegularExpression pass for numbers with units.
#include "BenchReport.h"

#include "agents/IntakeExtractor.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace mlops;

namespace {

constexpr int kRuns = 7;
constexpr qsizetype kPromptBytes = 1024 * 1024;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

QString bigPrompt() {
    const QDir cases(QStringLiteral(MLOPS_SOURCE_DIR "/tests/data/agents"));
    QString corpus;
    for (const QString& name : cases.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        QFile f(cases.filePath(name + QStringLiteral("/prompt.txt")));
        if (f.open(QIODevice::ReadOnly))
            corpus += QString::fromUtf8(f.readAll()) + QLatin1Char('\n');
    }
    if (corpus.isEmpty())
        corpus = QStringLiteral("Real-time fraud scoring on AWS, p99 latency 80 ms, budget $5k/month, PCI-DSS.\n");
    QString prompt;
    while (prompt.toUtf8().size() < kPromptBytes)
        prompt += corpus;
    return prompt.left(int(kPromptBytes)); // ASCII-dominated: about 1 MiB of UTF-8
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QElapsedTimer load;
    load.start();
    const auto kb = KnowledgeBase::load({});
    const double loadMs = load.nsecsElapsed() / 1e6;
    if (!kb->isValid()) {
        std::fprintf(stderr, "knowledge base invalid: %s\n", qPrintable(kb->errors().join(QStringLiteral("; "))));
        return 1;
    }
    const QString prompt = bigPrompt();
    const IntakeExtractor extractor(kb);

    std::vector<double> ours, base;
    int fields = 0;
    qsizetype matches = 0;
    static const QRegularExpression numbers(QStringLiteral("\\d[\\d,.]*\\s*(?:ms|s|k|m|%|gb|tb|usd|eur|per|a)\\b"));
    for (int i = 0; i < kRuns; ++i) {
        QElapsedTimer t;
        t.start();
        const QJsonObject k = extractor.extract(prompt);
        ours.push_back(t.nsecsElapsed() / 1e6);
        fields = int(k.value(QStringLiteral("field_confidence")).toObject().size());

        t.restart();
        const QString lower = prompt.toLower();
        qsizetype n = 0;
        for (auto it = numbers.globalMatch(lower); it.hasNext(); it.next())
            ++n;
        base.push_back(t.nsecsElapsed() / 1e6);
        matches = n;
    }
    std::printf("prompt %lld bytes UTF-8; %d fields set; baseline found %lld numbers; knowledge base load %.1f ms\n",
                static_cast<long long>(prompt.toUtf8().size()), fields, static_cast<long long>(matches), loadMs);
    const double ms = median(ours);
    bench::report({"intake_extract, 1 MiB prompt (median of 7)", ms, median(base), "ms", "toLower + 1 regex scan",
                   "< 200 ms", ms < 200.0});
    return ms < 200.0 ? 0 : 1;
}
