#include "run/LlmUsageLine.h"

#include "llm/LlmRunUsage.h"

#include <QStringList>

namespace mlops {

QString LlmUsageLine::cost(const LlmUsage& u, bool withSource) {
    switch (LlmRunUsage::costBasis(u)) {
    case LlmRunUsage::CostBasis::Local:
        return tr("%1 (local model)").arg(LlmRunUsage::usd(0.0));
    case LlmRunUsage::CostBasis::Unknown:
        return u.costUsd > 0.0 ? tr("unknown price (at least %1)").arg(LlmRunUsage::usd(u.costUsd))
                               : tr("unknown price");
    case LlmRunUsage::CostBasis::Priced:
        break;
    }
    // The price source is a file name and a date: data, not words to translate.
    return withSource && !u.priceSource.isEmpty() ? tr("%1 (%2)").arg(LlmRunUsage::usd(u.costUsd), u.priceSource)
                                                  : LlmRunUsage::usd(u.costUsd);
}

QString LlmUsageLine::text(const LlmRunUsage& usage) {
    switch (usage.mode()) {
    case LlmRunUsage::Mode::Offline:
        return tr("LLM: offline, no LLM calls; the knowledge base answered everything.");
    case LlmRunUsage::Mode::NotConsulted:
        return tr("LLM: %1 configured, no calls needed; the knowledge base answered everything.")
            .arg(usage.models().join(QLatin1String(", ")));
    case LlmRunUsage::Mode::Used:
        break;
    }
    const LlmUsage& u = usage.total();
    return tr("LLM (%1) — requests: %2 (%3 over HTTP) · cache hits: %4 (%5%) · tokens: %6 in / %7 out · cost: %8")
        .arg(usage.models().join(QLatin1String(", ")), LlmRunUsage::count(u.calls),
             LlmRunUsage::count(u.networkRequests), LlmRunUsage::count(u.cacheHits),
             QString::number(usage.cacheHitPercent()), LlmRunUsage::count(u.inputTokens),
             LlmRunUsage::count(u.outputTokens), cost(u, true));
}

QString LlmUsageLine::compact(const LlmRunUsage& usage) {
    if (usage.mode() != LlmRunUsage::Mode::Used)
        return {};
    const LlmUsage& u = usage.total();
    return tr("LLM — requests: %1 · tokens: %2 in / %3 out · %4")
        .arg(LlmRunUsage::count(u.calls), LlmRunUsage::count(u.inputTokens), LlmRunUsage::count(u.outputTokens),
             cost(u, false));
}

QString LlmUsageLine::breakdown(const LlmRunUsage& usage) {
    QStringList lines;
    for (const LlmRunUsage::Entry& e : usage.entries())
        lines.append(tr("%1 (%2 %3): requests %4, cache hits %5, tokens %6 in / %7 out, %8")
                         .arg(e.node.isEmpty() ? e.agent : e.node, e.provider, e.model,
                              LlmRunUsage::count(e.usage.calls), LlmRunUsage::count(e.usage.cacheHits),
                              LlmRunUsage::count(e.usage.inputTokens), LlmRunUsage::count(e.usage.outputTokens),
                              cost(e.usage, false)));
    return lines.join(QLatin1Char('\n'));
}

} // namespace mlops
