#include "plan/CostEstimate.h"

#include <QJsonArray>

namespace mlops {

namespace {

QString text(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toString();
}

double number(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toDouble();
}

} // namespace

CostLineItem CostLineItem::fromJson(const QJsonObject& o) {
    CostLineItem l;
    l.component = text(o, "component");
    l.service = text(o, "service");
    l.unit = text(o, "unit");
    l.quantity = number(o, "quantity");
    l.unitPrice = number(o, "unit_price");
    l.monthlyCost = number(o, "monthly_cost");
    return l;
}

QJsonObject CostLineItem::toJson() const {
    return {{QStringLiteral("component"), component},
            {QStringLiteral("service"), service},
            {QStringLiteral("unit"), unit},
            {QStringLiteral("quantity"), quantity},
            {QStringLiteral("unit_price"), unitPrice},
            {QStringLiteral("monthly_cost"), monthlyCost}};
}

CostSaving CostSaving::fromJson(const QJsonObject& o) {
    return {text(o, "message"), number(o, "monthly_saving")};
}

QJsonObject CostSaving::toJson() const {
    return {{QStringLiteral("message"), message}, {QStringLiteral("monthly_saving"), monthlySaving}};
}

PriceTableRef PriceTableRef::fromJson(const QJsonObject& o) {
    return {text(o, "cloud"), text(o, "region"), text(o, "date"), text(o, "source")};
}

QJsonObject PriceTableRef::toJson() const {
    return {{QStringLiteral("cloud"), cloud},
            {QStringLiteral("region"), region},
            {QStringLiteral("date"), date},
            {QStringLiteral("source"), source}};
}

double CostEstimate::totalSavings() const {
    double sum = 0;
    for (const CostSaving& s : savings)
        sum += s.monthlySaving;
    return sum;
}

CostEstimate CostEstimate::fromJson(const QJsonObject& o) {
    CostEstimate e;
    e.currency = text(o, "currency");
    e.totalMonthly = number(o, "total_monthly");
    const QJsonValue budget = o.value(QLatin1String("budget_monthly"));
    if (budget.isDouble())
        e.budgetMonthly = budget.toDouble();
    if (const QJsonValue w = o.value(QLatin1String("within_budget")); w.isBool())
        e.withinBudget = w.toBool();
    for (const QJsonValue& v : o.value(QLatin1String("line_items")).toArray())
        e.lineItems.append(CostLineItem::fromJson(v.toObject()));
    for (const QJsonValue& v : o.value(QLatin1String("savings")).toArray())
        e.savings.append(CostSaving::fromJson(v.toObject()));
    e.priceTable = PriceTableRef::fromJson(o.value(QLatin1String("price_table")).toObject());
    e.findings = PlanFinding::listFromJson(o.value(QLatin1String("findings")).toArray());
    return e;
}

QJsonObject CostEstimate::toJson() const {
    QJsonArray items, saved, found;
    for (const CostLineItem& l : lineItems)
        items.append(l.toJson());
    for (const CostSaving& s : savings)
        saved.append(s.toJson());
    for (const PlanFinding& f : findings)
        found.append(f.toJson());
    return {{QStringLiteral("currency"), currency},
            {QStringLiteral("total_monthly"), totalMonthly},
            {QStringLiteral("budget_monthly"), budgetMonthly ? QJsonValue(*budgetMonthly) : QJsonValue()},
            {QStringLiteral("within_budget"), withinBudget ? QJsonValue(*withinBudget) : QJsonValue()},
            {QStringLiteral("line_items"), items},
            {QStringLiteral("savings"), saved},
            {QStringLiteral("price_table"), priceTable.toJson()},
            {QStringLiteral("findings"), found}};
}

} // namespace mlops
