#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace mlops {

// Money, availability, sizes and team sizes found in requirement text, normalised: money to USD per month, sizes
// to GB. Each carries the exact span it came from. Rates, durations and repetitions are read by QuantityGrammar.
struct Quantity {
    double value = 0.0;
    QString span;  // exact text matched
    int start = 0; // offset in the text
    int end = 0;
    double confidence = 0.0;
    QString note; // how it was normalised ("EUR at fixed rate 1.08", "p95 used as p99 bound")
    bool ambiguous = false;
};

class QuantityParser {
public:
    // `rates`: currency code -> USD, with their source (lexicon.yaml currency_rates).
    explicit QuantityParser(QJsonObject currencyRates = {});

    QList<Quantity> budgets(const QString& text) const;                                  // USD per month
    QList<Quantity> availabilities(const QString& text, const QJsonObject& nines) const; // percent
    QList<Quantity> dataVolumes(const QString& text) const;                              // GB
    QList<Quantity> teamSizes(const QString& text, const QJsonObject& numberWords) const;

    // "5k" -> 5000, "2M" -> 2e6, "1,500" -> 1500, "1.5 million" -> 1.5e6; NaN-free: returns -1 when invalid.
    static double parseNumber(QString number, const QString& multiplier);

private:
    QJsonObject m_rates;
};

} // namespace mlops
