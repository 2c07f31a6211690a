#pragma once

#include "llm/LlmTypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace mlops {

// The LLM usage of one run as its reason cards tell it: totals, one entry per agent/node/model, and whether an LLM
// took part at all. Built from the state's `decisions` (report, plan view) or from reason-card events as they
// arrive (run status). Only what the cards say: no clocks, no durations, so a report built from it is as
// deterministic as the cards themselves.
class LlmRunUsage {
public:
    enum class Mode {
        Offline,      // no card names an LLM: the knowledge base answered everything
        NotConsulted, // an LLM was configured but no call was needed (the rules left no gaps)
        Used,         // at least one completion was asked for (cache hits included)
    };
    enum class CostBasis {
        Priced,  // list prices from llm_prices.yaml
        Local,   // a model on a loopback address: costs nothing
        Unknown, // some call used a model the price table does not list
    };
    struct Entry {
        QString agent;
        QString node;
        QString provider; // openai | anthropic, as the card's inputs name it
        QString model;
        LlmUsage usage;
    };

    LlmRunUsage() = default;
    static LlmRunUsage fromCards(const QJsonArray& cards);
    // Adds one reason card (the JSON of ReasonCard::toJson()); cards that do not involve an LLM are ignored.
    void addCard(const QJsonObject& card);

    Mode mode() const;
    const LlmUsage& total() const { return m_total; }
    const QList<Entry>& entries() const { return m_entries; }
    // "openai gpt-4o-mini", one per provider/model pair, in the order the cards first named them.
    QStringList models() const;
    CostBasis costBasis() const { return costBasis(m_total); }
    static CostBasis costBasis(const LlmUsage& usage);
    int cacheHitPercent() const; // of the completions asked for, rounded

    // Formatting shared by the report, the docs and the UI, locale-independent so generated files never depend
    // on the machine that wrote them.
    static QString usd(double amount);  // "$0.000192", "$0.0123", "$1.25", "$0.00"
    static QString count(qint64 value); // "12,345"
    // "$0.000192 (llm_prices.yaml 2025-05-01)", "$0.00 (local model)", "unknown price"
    QString costText() const { return costText(m_total); }
    static QString costText(const LlmUsage& usage);
    // One English line for reports and logs, e.g. "openai gpt-4o-mini: 2 requests (1 sent over HTTP), 1 cache hit
    // (50%), 400 input / 60 output tokens, $0.000096 (llm_prices.yaml 2025-05-01)", or the offline sentence.
    QString summaryLine() const;
    static QString offlineSentence();

private:
    LlmUsage m_total;
    QList<Entry> m_entries;
    bool m_llmNamed = false; // some card named a provider and model, even without calls
    QString m_configuredModel;
};

} // namespace mlops
