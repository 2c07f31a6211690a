#include "agents/CostCritic.h"

#include <QJsonArray>

#include <cmath>

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

double cents(double v) {
    return std::round(v * 100.0) / 100.0;
}

QString money(double v) {
    return QStringLiteral("$%L1").arg(v, 0, 'f', 2);
}

// Where the budget came from, when the constraints say it was not given by anyone: "default" or "assumed" (the
// provenance record, or an extractor assumption); empty for a stated or answered budget. Only a given budget can
// block a plan: a default is no one's limit (docs/capacity.md, "Budget").
QString budgetNotGiven(const QJsonObject& k) {
    const QJsonValue p = k.value(s("provenance")).toObject().value(s("budget_monthly_usd"));
    const QString kind = p.isString()
                             ? p.toString()
                             : p.toObject().value(s("source")).toString(p.toObject().value(s("kind")).toString());
    if (kind == QLatin1String("default") || kind == QLatin1String("assumed"))
        return kind;
    // the extractor notes how it read a stated value in `assumptions` too; only a value without a quoted span of
    // the prompt was assumed
    if (k.value(s("assumptions")).toObject().contains(s("budget_monthly_usd")) &&
        !k.value(s("evidence")).toObject().contains(s("budget_monthly_usd")))
        return s("assumed");
    return {};
}

} // namespace

CostCritic::CostCritic(std::shared_ptr<const KnowledgeBase> kb)
    : m_kb(std::move(kb)) {}

QJsonObject CostCritic::estimate(const QJsonObject& k, const QJsonObject& plan) const {
    const QString cloud = plan.value(s("cloud")).toString();
    const QJsonObject table = m_kb->priceTable(cloud);
    const QJsonObject instances = table.value(s("instances")).toObject();
    const QJsonObject items = table.value(s("items")).toObject();
    const double spotDiscount = table.value(s("spot_discount")).toDouble(0);
    QJsonArray lines;
    double total = 0, trainingOnDemand = 0, alwaysOnCompute = 0, logs = 0;
    bool trainingSpot = false;
    QStringList unpriced;
    for (const QJsonValue& cv : plan.value(s("components")).toArray()) {
        const QJsonObject c = cv.toObject();
        const QJsonObject size = c.value(s("size")).toObject();
        const QJsonObject service = m_kb->service(c.value(s("component")).toString(), cloud);
        for (const QJsonValue& pv : service.value(s("cost")).toArray()) {
            const QJsonObject priced = pv.toObject();
            const QString item = priced.value(s("item")).toString();
            const QString quantityKey = priced.value(s("quantity")).toString();
            const double quantity = size.value(quantityKey).toDouble();
            double unitPrice = 0;
            QString unit;
            if (item == QLatin1String("instance")) {
                const QString type = size.value(s("instance_type")).toString();
                if (!instances.contains(type)) {
                    unpriced.append(type);
                    continue;
                }
                unitPrice = instances.value(type).toDouble();
                unit = type + s(" instance-hour");
                if (service.contains(s("premium"))) {
                    const double premium =
                        items.value(service.value(s("premium")).toString()).toObject().value(s("price")).toDouble();
                    unitPrice *= 1.0 + premium;
                    unit += QStringLiteral(" (+%1 % platform premium)").arg(qRound(premium * 100));
                }
                if (size.value(s("spot")).toBool()) {
                    unitPrice *= 1.0 - spotDiscount;
                    unit += QStringLiteral(" (spot, -%1 %)").arg(qRound(spotDiscount * 100));
                }
            } else {
                const QJsonObject p = items.value(item).toObject();
                if (p.isEmpty()) {
                    unpriced.append(item);
                    continue;
                }
                unitPrice = p.value(s("price")).toDouble();
                unit = p.value(s("unit")).toString();
            }
            const double monthly = cents(quantity * unitPrice);
            lines.append(QJsonObject{{s("component"), c.value(s("id"))},
                                     {s("service"), c.value(s("service"))},
                                     {s("unit"), unit},
                                     {s("quantity"), cents(quantity)},
                                     {s("unit_price"), unitPrice},
                                     {s("monthly_cost"), monthly}});
            total += monthly;
            const QString role = c.value(s("role")).toString();
            if (role == QLatin1String("training") && item == QLatin1String("instance")) {
                trainingSpot = trainingSpot || size.value(s("spot")).toBool();
                trainingOnDemand += size.value(s("spot")).toBool() ? 0 : monthly;
            }
            if (item == QLatin1String("instance") && c.value(s("usage")).toString() == QLatin1String("always_on"))
                alwaysOnCompute += monthly;
            if (item == QLatin1String("logs_ingest_gb"))
                logs += monthly;
        }
    }
    const double egressGb = plan.value(s("usage")).toObject().value(s("egress_gb")).toDouble();
    const double egressPrice = items.value(s("egress_gb")).toObject().value(s("price")).toDouble();
    if (egressGb > 0 && egressPrice > 0) {
        const double monthly = cents(egressGb * egressPrice);
        lines.append(QJsonObject{{s("component"), s("networking")},
                                 {s("service"), s("Data transfer out")},
                                 {s("unit"), s("GB")},
                                 {s("quantity"), egressGb},
                                 {s("unit_price"), egressPrice},
                                 {s("monthly_cost"), monthly}});
        total += monthly;
    }
    total = cents(total);

    QJsonArray findings, savings;
    const QJsonValue budgetValue = k.value(s("budget_monthly_usd"));
    const QString notGiven = budgetNotGiven(k);
    const double budget = notGiven.isEmpty() ? budgetValue.toDouble(-1) : -1;
    if (budget > 0 && total > budget * (1.0 + kOverBudgetTolerance)) {
        findings.append(
            QJsonObject{{s("id"), s("cost.over_budget")},
                        {s("severity"), s("blocking")},
                        {s("blocking"), true},
                        {s("component"), s("plan")},
                        {s("message"), QStringLiteral("Estimated %1/month is %2 % over the budget of %3/month.")
                                           .arg(money(total))
                                           .arg(qRound((total / budget - 1.0) * 100))
                                           .arg(money(budget))},
                        {s("recommendation"), s("Use a cheaper pattern, smaller or fewer always-on instances, spot "
                                                "capacity for training, or raise the budget.")}});
    } else if (budget > 0 && total > budget) {
        findings.append(
            QJsonObject{{s("id"), s("cost.near_budget")},
                        {s("severity"), s("medium")},
                        {s("blocking"), false},
                        {s("component"), s("plan")},
                        {s("message"), QStringLiteral("Estimated %1/month is slightly over the budget of %2/month.")
                                           .arg(money(total), money(budget))},
                        {s("recommendation"), s("Apply the savings below.")}});
    } else if (budget <= 0) {
        findings.append(QJsonObject{
            {s("id"), s("cost.no_budget")},
            {s("severity"), s("info")},
            {s("blocking"), false},
            {s("component"), s("plan")},
            {s("message"), notGiven.isEmpty()
                               ? QStringLiteral("No budget stated; the estimate is %1/month.").arg(money(total))
                               : QStringLiteral("No budget was given (%1/month is a %2 value, not a limit anyone set); "
                                                "the estimate is %3/month.")
                                     .arg(money(budgetValue.toDouble()), notGiven, money(total))},
            {s("recommendation"), s("State a monthly budget so the plan can be checked against it.")}});
    }
    // one dated table per cloud: say so when the plan runs elsewhere instead of pretending to regional precision
    const QString tableRegion = table.value(s("region")).toString();
    const QString planRegion = plan.value(s("region")).toString();
    if (cloud != QLatin1String("on_prem") && !tableRegion.isEmpty() && !planRegion.isEmpty() &&
        planRegion != tableRegion)
        findings.append(QJsonObject{
            {s("id"), s("cost.price_region")},
            {s("severity"), s("info")},
            {s("blocking"), false},
            {s("component"), s("plan")},
            {s("message"), QStringLiteral("Prices are %1 list prices; the plan runs in %2, where list prices are "
                                          "typically 0-15 % higher.")
                               .arg(tableRegion, planRegion)},
            {s("recommendation"), s("Check the region's prices before committing to the budget.")}});
    if (!unpriced.isEmpty())
        findings.append(
            QJsonObject{{s("id"), s("cost.unpriced")},
                        {s("severity"), s("low")},
                        {s("blocking"), false},
                        {s("component"), s("plan")},
                        {s("message"), QStringLiteral("No price in the table for: %1.").arg(unpriced.join(s(", ")))},
                        {s("recommendation"), s("Add the items to the price table.")}});
    if (trainingOnDemand > 1 && spotDiscount > 0 && !trainingSpot)
        savings.append(QJsonObject{
            {s("message"), QStringLiteral("Run training on spot/preemptible capacity with checkpointing (-%1 %).")
                               .arg(qRound(spotDiscount * 100))},
            {s("monthly_saving"), cents(trainingOnDemand * spotDiscount)}});
    if (alwaysOnCompute > 50 && cloud != QLatin1String("on_prem"))
        savings.append(
            QJsonObject{{s("message"),
                         s("Commit to a 1-year savings plan / committed use discount for always-on compute (~30 %).")},
                        {s("monthly_saving"), cents(alwaysOnCompute * 0.30)}});
    if (logs > 0.15 * total && logs > 20)
        savings.append(QJsonObject{{s("message"), s("Sample request logs (10 %) and keep full logs only for errors.")},
                                   {s("monthly_saving"), cents(logs * 0.9)}});
    return QJsonObject{
        {s("currency"), table.value(s("currency")).toString(s("USD"))},
        {s("price_table"), QJsonObject{{s("cloud"), cloud},
                                       {s("region"), table.value(s("region"))},
                                       {s("source"), table.value(s("source"))},
                                       {s("date"), table.value(s("date"))}}},
        {s("line_items"), lines},
        {s("total_monthly"), total},
        {s("budget_monthly"), budget > 0 ? QJsonValue(budget) : QJsonValue(QJsonValue::Null)},
        {s("within_budget"), budget > 0 ? QJsonValue(total <= budget) : QJsonValue(QJsonValue::Null)},
        {s("findings"), findings},
        {s("savings"), savings},
    };
}

} // namespace mlops
