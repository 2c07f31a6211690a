#include "PlanView.h"

#include "ArchitectureDiagram.h"
#include "CostBreakdownView.h"
#include "DiagramView.h"
#include "FindingsList.h"
#include "run/LlmUsageLine.h"
#include "workflow/WorkflowState.h"

#include <QEvent>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace mlops {

PlanView::PlanView(QWidget* parent)
    : QWidget(parent)
    , m_headline(new QLabel(this))
    , m_llmLine(new QLabel(this))
    , m_diagram(new DiagramView(this))
    , m_tabs(new QTabWidget(this))
    , m_cost(new CostBreakdownView(this))
    , m_findings(new FindingsList(this)) {
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_headline->setFont(big);
    m_llmLine->setTextFormat(Qt::PlainText);
    m_llmLine->setWordWrap(true);
    m_llmLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_llmLine->setObjectName(QStringLiteral("llmUsage"));
    m_llmLine->hide();
    m_tabs->addTab(m_cost, QString());
    m_tabs->addTab(m_findings, QString());
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_diagram);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_llmLine);
    layout->addWidget(split, 1);
    connect(m_findings, &FindingsList::reasonCardRequested, this, &PlanView::reasonCardRequested);
    retranslate();
}

void PlanView::setState(const QJsonObject& state, const ReasonCardIndex& cards) {
    m_plan = Plan::fromJson(state.value(StatePart::plan()).toObject());
    renderDiagram();
    m_cost->setEstimate(CostEstimate::fromJson(state.value(StatePart::costEstimate()).toObject()));
    m_findings->setState(state, cards);
    m_hasState = !state.isEmpty();
    m_llmUsage = LlmRunUsage::fromCards(state.value(StatePart::decisions()).toArray());
    retranslate();
}

QString PlanView::headline() const {
    return m_headline->text();
}

QString PlanView::llmUsageText() const {
    return m_llmLine->isHidden() ? QString() : m_llmLine->text();
}

void PlanView::renderDiagram() {
    if (m_plan.components.isEmpty()) {
        m_diagram->setMessage(tr("No architecture yet: the diagram appears once the planner has run."));
        return;
    }
    const QPalette pal = palette();
    ArchitectureDiagram::Colours colours;
    colours.text = pal.color(QPalette::Text);
    colours.line = pal.color(QPalette::Mid);
    colours.border = pal.color(QPalette::Highlight);
    // A light tint of the highlight colour over the base: readable in light and dark palettes.
    const QColor base = pal.color(QPalette::Base);
    const QColor accent = pal.color(QPalette::Highlight);
    colours.fill =
        QColor::fromRgbF(base.redF() * 0.8f + accent.redF() * 0.2f, base.greenF() * 0.8f + accent.greenF() * 0.2f,
                         base.blueF() * 0.8f + accent.blueF() * 0.2f);
    QString error;
    const QByteArray svg = ArchitectureDiagram::renderSvg(ArchitectureDiagram::toDot(m_plan, colours), &error);
    if (svg.isEmpty() || !m_diagram->setSvg(svg))
        m_diagram->setMessage(tr("The diagram could not be drawn: %1").arg(error));
}

void PlanView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange && !m_plan.isEmpty())
        renderDiagram();
    QWidget::changeEvent(event);
}

void PlanView::retranslate() {
    m_tabs->setTabText(0, tr("Cost"));
    m_tabs->setTabText(1, tr("Findings and policies"));
    // Before the first checkpoint there are no cards to tell whether an LLM is involved: say nothing yet.
    m_llmLine->setVisible(m_hasState);
    m_llmLine->setText(LlmUsageLine::text(m_llmUsage));
    m_llmLine->setToolTip(LlmUsageLine::breakdown(m_llmUsage));
    if (m_plan.pattern.id.isEmpty()) {
        m_headline->setText(tr("No plan yet."));
        return;
    }
    const QLocale locale;
    QString text = tr("Pattern: %1 (score %2) on %3 %4")
                       .arg(m_plan.pattern.name, locale.toString(m_plan.pattern.score, 'f', 2), m_plan.cloud.toUpper(),
                            m_plan.region);
    // The runners-up only: the planner lists every pattern it scored, the chosen one and the hopeless ones too.
    QStringList alternatives;
    for (const PatternScore& a : m_plan.runnersUp(3, true))
        alternatives.append(tr("%1 (%2)").arg(a.name, locale.toString(a.score, 'f', 2)));
    if (!alternatives.isEmpty())
        text += QLatin1Char('\n') + tr("Alternatives considered: %1").arg(alternatives.join(QLatin1String("; ")));
    m_headline->setText(text);
}

} // namespace mlops
