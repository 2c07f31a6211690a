#pragma once

#include "llm/LlmRunUsage.h"
#include "plan/Plan.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QTabWidget;

namespace mlops {

class CostBreakdownView;
class DiagramView;
class FindingsList;
class ReasonCardIndex;

// The plan of a decision set: architecture diagram (Graphviz layout), cost breakdown with chart, critic findings
// and policy results, and one line on what the run's LLM calls cost. Reads only the state parts `plan`,
// `cost_estimate`, `tech_findings`, `policy_findings` and `decisions` (the reason cards carrying "llm-usage").
class PlanView : public QWidget {
    Q_OBJECT
public:
    explicit PlanView(QWidget* parent = nullptr);

    void setState(const QJsonObject& state, const ReasonCardIndex& cards);
    DiagramView* diagram() const { return m_diagram; }
    CostBreakdownView* cost() const { return m_cost; }
    FindingsList* findings() const { return m_findings; }
    QString headline() const;
    QString llmUsageText() const;
    const LlmRunUsage& llmUsage() const { return m_llmUsage; }

signals:
    void reasonCardRequested(const QString& node, qint64 seq);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void renderDiagram();

    QLabel* m_headline;
    QLabel* m_llmLine;
    DiagramView* m_diagram;
    QTabWidget* m_tabs;
    CostBreakdownView* m_cost;
    FindingsList* m_findings;
    Plan m_plan;
    LlmRunUsage m_llmUsage;
    bool m_hasState = false;
};

} // namespace mlops
