#include "OutcomeView.h"

#include "GitVersionHistory.h"
#include "PlanView.h"
#include "ReasonCardIndex.h"
#include "ReportView.h"
#include "RepositoryView.h"
#include "StatusText.h"
#include "Studio.h"
#include "storage/Database.h"
#include "storage/EventLogStore.h"

#include <QEvent>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace mlops {

OutcomeView::OutcomeView(Studio& studio, QWidget* parent)
    : QWidget(parent)
    , m_studio(studio)
    , m_title(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_plan(new PlanView(this))
    , m_repository(new RepositoryView(this))
    , m_report(new ReportView(this)) {
    m_title->setTextFormat(Qt::PlainText);
    m_tabs->addTab(m_plan, QString());
    m_tabs->addTab(m_repository, QString());
    m_tabs->addTab(m_report, QString());
    m_repository->setHistoryFactory(&GitVersionHistory::open);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // The title lines up with the tab bar's text rather than sitting on the window edge.
    m_title->setContentsMargins(6, 4, 6, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);
    connect(m_plan, &PlanView::reasonCardRequested, this, &OutcomeView::reasonCardRequested);
    connect(&m_studio, &Studio::decisionSetChanged, this, [this](const QString& id) {
        if (id == m_decisionSetId)
            refresh();
    });
    retranslate();
}

void OutcomeView::showDecisionSet(const QString& decisionSetId) {
    m_decisionSetId = decisionSetId;
    m_shownStep = -1;
    refresh();
}

void OutcomeView::refresh() {
    if (m_decisionSetId.isEmpty())
        return;
    const DecisionSetRecord record = m_studio.decisionSet(m_decisionSetId);
    m_version = record.version;
    m_status = record.status;
    const QList<CheckpointRecord> checkpoints = m_studio.checkpoints(m_decisionSetId);
    const int step = checkpoints.isEmpty() ? -1 : checkpoints.constLast().step;
    // Nothing new since the last look: keep the views (and the user's selection in them) as they are.
    if (step == m_shownStep && step >= 0) {
        retranslate();
        return;
    }
    m_shownStep = step;
    // The listing leaves the state out; only the latest one is read in full.
    const QJsonObject state = step < 0 ? QJsonObject() : m_studio.checkpoint(m_decisionSetId, step).state;
    const ReasonCardIndex cards(EventLogStore::load(m_studio.database().reader(), m_decisionSetId));
    m_plan->setState(state, cards);
    m_repository->setState(state);
    const QJsonObject artifacts = state.value(QLatin1String("artifacts")).toObject();
    const QJsonObject report = state.value(QLatin1String("report")).toObject();
    m_report->setReport(artifacts.value(QLatin1String("root")).toString(),
                        report.value(QLatin1String("html_path")).toString());
    retranslate();
}

void OutcomeView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void OutcomeView::retranslate() {
    // The title a host shows on the tab or dock holding this view (it follows windowTitleChanged).
    setWindowTitle(tr("Outcome"));
    m_tabs->setTabText(0, tr("Plan"));
    m_tabs->setTabText(1, tr("Repository"));
    m_tabs->setTabText(2, tr("Report"));
    if (m_decisionSetId.isEmpty())
        m_title->setText(tr("Select a decision set to see its outcome."));
    else
        m_title->setText(tr("Decision set %1, version %2 (%3)")
                             .arg(m_decisionSetId.left(8))
                             .arg(m_version)
                             .arg(ui::StatusText::of(m_status)));
}

} // namespace mlops
