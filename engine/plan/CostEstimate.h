#pragma once

#include "plan/PlanFinding.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mlops {

// One priced line of the monthly estimate (Infracost-like): what is bought for which component.
struct CostLineItem {
    QString component;
    QString service;
    QString unit; // e.g. "shard-hour"
    double quantity = 0;
    double unitPrice = 0;
    double monthlyCost = 0;

    static CostLineItem fromJson(const QJsonObject& object);
    QJsonObject toJson() const;
};

// A saving the cost critic suggests.
struct CostSaving {
    QString message;
    double monthlySaving = 0;

    static CostSaving fromJson(const QJsonObject& object);
    QJsonObject toJson() const;
};

// Which dated price table the estimate used (every price table carries its source and date).
struct PriceTableRef {
    QString cloud;
    QString region;
    QString date;
    QString source;

    static PriceTableRef fromJson(const QJsonObject& object);
    QJsonObject toJson() const;
};

// A read-only typed view of the `cost_estimate` state part, as agents/CostCritic.cpp writes it.
struct CostEstimate {
    QString currency;
    double totalMonthly = 0;
    std::optional<double> budgetMonthly; // none when the constraints state no budget
    std::optional<bool> withinBudget;    // none when no budget is enforced (none stated, or only a default)
    QList<CostLineItem> lineItems;
    QList<CostSaving> savings;
    PriceTableRef priceTable;
    QList<PlanFinding> findings;

    // Before the cost critic has run there is no estimate at all.
    bool isEmpty() const { return currency.isEmpty() && lineItems.isEmpty(); }
    double totalSavings() const;

    static CostEstimate fromJson(const QJsonObject& object);
    // The fields above under their JSON names: what fromJson read, written back.
    QJsonObject toJson() const;
};

} // namespace mlops
