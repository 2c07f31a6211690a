#include "llm/LlmRunUsage.h"

#include <QLocale>

#include <cmath>

namespace mlops {

namespace {

QString k(const char* text) {
    return QString::fromLatin1(text);
}

QString plural(qint64 n, const char* one, const char* many) {
    return LlmRunUsage::count(n) + QLatin1Char(' ') + QString::fromLatin1(n == 1 ? one : many);
}

} // namespace

LlmRunUsage LlmRunUsage::fromCards(const QJsonArray& cards) {
    LlmRunUsage out;
    for (const QJsonValue& v : cards)
        out.addCard(v.toObject());
    return out;
}

void LlmRunUsage::addCard(const QJsonObject& card) {
    const QJsonObject inputs = card.value(k("inputs")).toObject();
    const QJsonObject outputs = card.value(k("outputs")).toObject();
    // Only LLM-backed agents put a provider *and* a model in their inputs (the cloud is never called "provider" in a
    // card), so such a card means an LLM was configured for the run even when it was not asked anything.
    const QString provider = inputs.value(k("provider")).toString();
    const QString model = inputs.value(k("model")).toString();
    const bool named = !provider.isEmpty() && !model.isEmpty();
    if (named && !m_llmNamed) {
        m_llmNamed = true;
        m_configuredModel = provider + QLatin1Char(' ') + model;
    }
    if (!outputs.contains(k("llm-usage")))
        return;
    const LlmUsage usage = LlmUsage::fromJson(outputs.value(k("llm-usage")).toObject());
    m_total.add(usage);
    Entry entry{card.value(k("agent")).toString(), card.value(k("node")).toString(), provider, model, usage};
    for (Entry& e : m_entries) {
        if (e.agent == entry.agent && e.node == entry.node && e.provider == entry.provider && e.model == entry.model) {
            e.usage.add(usage);
            return;
        }
    }
    m_entries.append(entry);
}

LlmRunUsage::Mode LlmRunUsage::mode() const {
    if (m_total.calls > 0)
        return Mode::Used;
    return m_llmNamed ? Mode::NotConsulted : Mode::Offline;
}

QStringList LlmRunUsage::models() const {
    QStringList out;
    for (const Entry& e : m_entries) {
        const QString name = QString(e.provider + QLatin1Char(' ') + e.model).trimmed();
        if (!name.isEmpty() && !out.contains(name))
            out.append(name);
    }
    if (out.isEmpty() && m_llmNamed)
        out.append(m_configuredModel);
    return out;
}

LlmRunUsage::CostBasis LlmRunUsage::costBasis(const LlmUsage& u) {
    if (!u.costKnown)
        return CostBasis::Unknown;
    return u.priceSource == QLatin1String("local model") ? CostBasis::Local : CostBasis::Priced;
}

int LlmRunUsage::cacheHitPercent() const {
    return int(std::lround(m_total.cacheHitRate() * 100.0));
}

QString LlmRunUsage::usd(double amount) {
    // Small runs cost fractions of a cent: keep enough digits that the figure is not shown as zero.
    const double a = std::abs(amount);
    const int decimals = a == 0.0 ? 2 : a < 0.01 ? 6 : a < 1.0 ? 4 : 2;
    return QLatin1Char('$') + QString::number(amount, 'f', decimals);
}

QString LlmRunUsage::count(qint64 value) {
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    return english.toString(value);
}

QString LlmRunUsage::costText(const LlmUsage& u) {
    switch (costBasis(u)) {
    case CostBasis::Local:
        return usd(0.0) + k(" (local model)");
    case CostBasis::Unknown:
        return u.costUsd > 0.0 ? k("unknown price (at least ") + usd(u.costUsd) + k(" for the listed models)")
                               : k("unknown price");
    case CostBasis::Priced:
        break;
    }
    const QString source = u.priceSource.isEmpty() ? QString() : k(" (") + u.priceSource + QLatin1Char(')');
    return usd(u.costUsd) + source;
}

QString LlmRunUsage::offlineSentence() {
    return k("Offline: no LLM calls; the knowledge base answered everything.");
}

QString LlmRunUsage::summaryLine() const {
    switch (mode()) {
    case Mode::Offline:
        return offlineSentence();
    case Mode::NotConsulted:
        return k("No LLM calls: ") + m_configuredModel +
               k(" was configured, but the rules left no gaps; the knowledge base answered everything.");
    case Mode::Used:
        break;
    }
    const LlmUsage& u = m_total;
    QString line = models().join(k(", ")) + k(": ") + plural(u.calls, "request", "requests") + k(" (") +
                   count(u.networkRequests) + k(" sent over HTTP");
    if (u.retries > 0)
        line += k(", ") + plural(u.retries, "retry", "retries");
    if (u.failures > 0)
        line += k(", ") + count(u.failures) + k(" failed");
    line += k("), ") + plural(u.cacheHits, "cache hit", "cache hits") + k(" (") + QString::number(cacheHitPercent()) +
            k("%), ") + count(u.inputTokens) + k(" input / ") + count(u.outputTokens) + k(" output tokens, ") +
            costText();
    return line;
}

} // namespace mlops
