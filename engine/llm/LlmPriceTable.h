#pragma once

#include "llm/LlmTypes.h"

#include <QList>
#include <QString>

namespace mlops {

// Dated list prices per model (resources/knowledge/llm_prices.yaml).
class LlmPriceTable {
public:
    struct Price {
        QString provider;
        QString model; // prefix
        double inputPerMTok = 0.0;
        double outputPerMTok = 0.0;
    };

    // Parses the YAML; returns false with `error` on a malformed table.
    bool load(const QByteArray& yaml, QString* error);
    // The table compiled into the application (":/knowledge/llm_prices.yaml"), loaded once.
    static const LlmPriceTable& builtin();

    const Price* find(const QString& provider, const QString& model) const; // longest prefix
    // Fills usage.costUsd / costKnown / priceSource for `inputTokens`/`outputTokens` of one call.
    void price(const QString& provider, const QString& model, bool local, LlmUsage& usage) const;

    const QString& source() const { return m_source; }
    const QString& date() const { return m_date; }
    qsizetype size() const { return m_prices.size(); }

private:
    QList<Price> m_prices;
    QString m_source;
    QString m_date;
};

} // namespace mlops
