#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace mlops {

// Numbers with units found in requirement text, normalised: money to USD per month, durations to ms,
// volumes to per day, rates to per second, sizes to GB. Each carries the exact span it came from.
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
    QList<Quantity> latencies(const QString& text) const;                                // ms, p99 bound
    QList<Quantity> dailyVolumes(const QString& text) const;                             // requests per day
    QList<Quantity> peakRates(const QString& text) const;                                // requests per second
    QList<Quantity> availabilities(const QString& text, const QJsonObject& nines) const; // percent
    QList<Quantity> dataVolumes(const QString& text) const;                              // GB
    QList<Quantity> teamSizes(const QString& text, const QJsonObject& numberWords) const;

    // "5k" -> 5000, "2M" -> 2e6, "1,500" -> 1500, "1.5 million" -> 1.5e6; NaN-free: returns -1 when invalid.
    static double parseNumber(QString number, const QString& multiplier);

private:
    QJsonObject m_rates;
};

} // namespace mlops
