// budget_monthly_usd and budget_band: money with a budget word or a period, converted to USD per month.
#include "agents/extract/FieldExtractors.h"

#include "agents/IntakeExtractor.h"

#include <cmath>

namespace mlops::extract {

void extractBudget(Context& c) {
    const QList<Quantity> budgets = c.numbers.budgets(c.prompt);
    if (budgets.isEmpty())
        return;
    const Quantity& b = budgets.first();
    c.draft.set(s("budget_monthly_usd"), b.value, b.confidence, b.span, b.note);
    c.draft.derive(s("budget_band"), IntakeExtractor::bandForBudget(b.value), b.confidence, {s("budget_monthly_usd")},
                   s("band of the monthly budget: startup < 500, growth 500-2000, enterprise > 2000 USD"), b.span);
    for (const Quantity& other : budgets) {
        if (std::abs(other.value - b.value) > 0.25 * b.value) {
            c.draft.conflict({s("budget_monthly_usd")},
                             QStringLiteral("Two budgets are stated: '%1' and '%2'.").arg(b.span, other.span));
            c.draft.ambiguity(s("budget_monthly_usd"));
            break;
        }
    }
}

} // namespace mlops::extract
