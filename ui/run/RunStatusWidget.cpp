#include "run/RunStatusWidget.h"

#include "run/LlmUsageLine.h"
#include "workflow/RunOutcome.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace mlops::ui {

namespace {

QString duration(qint64 ms) {
    const qint64 s = (ms + 999) / 1000;
    if (s < 60)
        return RunStatusWidget::tr("%n s", nullptr, int(s));
    return RunStatusWidget::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
}

} // namespace

RunStatusWidget::RunStatusWidget(QWidget* parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_eta(new QLabel(this))
    , m_llm(new QLabel(this)) {
    m_llm->setTextFormat(Qt::PlainText);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->setFormat(QStringLiteral("%p%"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_llm);
    layout->addWidget(m_eta);
    layout->addWidget(m_progress);
    clear();
}

void RunStatusWidget::clear() {
    m_status->setText(tr("No run selected"));
    m_progress->setValue(0);
    m_progress->hide();
    m_eta->clear();
    m_llmUsage = {};
    m_lastCardSeq = 0;
    showLlmUsage();
}

QString RunStatusWidget::llmUsageText() const {
    return m_llm->isHidden() ? QString() : m_llm->text();
}

void RunStatusWidget::showLlmUsage() {
    const QString text = LlmUsageLine::compact(m_llmUsage);
    m_llm->setText(text);
    m_llm->setToolTip(LlmUsageLine::breakdown(m_llmUsage));
    m_llm->setVisible(!text.isEmpty());
}

void RunStatusWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        showLlmUsage();
    QWidget::changeEvent(event);
}

QString RunStatusWidget::statusText() const {
    return m_status->text();
}

int RunStatusWidget::progress() const {
    return m_progress->value() / 10;
}

QString RunStatusWidget::etaText() const {
    return m_eta->text();
}

void RunStatusWidget::applyEvents(const QList<Event>& batch) {
    bool llmChanged = false;
    for (const Event& e : batch) {
        const QJsonObject& d = e.data;
        if (e.type == EventType::reasonCard() && e.seq > m_lastCardSeq) {
            m_lastCardSeq = e.seq;
            if (d.value(QStringLiteral("outputs")).toObject().contains(QStringLiteral("llm-usage"))) {
                m_llmUsage.addCard(d);
                llmChanged = true;
            }
        }
        if (d.contains(QStringLiteral("progress_percentage"))) {
            m_progress->show();
            m_progress->setValue(qRound(d.value(QStringLiteral("progress_percentage")).toDouble() * 10));
            const qint64 eta = d.value(QStringLiteral("estimated_time_remaining_ms")).toInteger();
            m_eta->setText(eta > 0 ? tr("about %1 left").arg(duration(eta)) : QString());
        }
        const QString node = d.value(QStringLiteral("node")).toString();
        if (e.type == EventType::workflowStart()) {
            m_progress->show();
            m_status->setText(tr("Started"));
        } else if (e.type == EventType::workflowResumed()) {
            m_status->setText(tr("Resumed"));
            m_eta->clear(); // no longer waiting (a gate was answered or auto-approved); the next node re-estimates
        } else if (e.type == EventType::nodeStart()) {
            m_status->setText(tr("Running %1…").arg(node));
        } else if (e.type == EventType::questionsPresented()) {
            m_status->setText(tr("Waiting for your answers at %1").arg(node));
            // The estimate from the last finished node does not hold while a human decides: say what it waits for.
            m_eta->setText(tr("waiting for you"));
        } else if (e.type == EventType::answersReceived()) {
            m_status->setText(tr("Answers received"));
            m_eta->clear(); // the next finished node brings a new estimate
        } else if (e.type == EventType::workflowPaused()) {
            m_status->setText(tr("Paused"));
        } else if (e.type == EventType::workflowComplete()) {
            m_status->setText(tr("Completed"));
            m_progress->setValue(1000);
            m_eta->clear();
        } else if (e.type == EventType::workflowFailed()) {
            const std::optional<RunOutcome> outcome = outcomeFromName(d.value(QStringLiteral("status")).toString());
            m_status->setText(outcome == RunOutcome::Cancelled
                                  ? tr("Cancelled")
                                  : tr("Failed: %1").arg(d.value(QStringLiteral("error")).toString()));
            m_eta->clear();
        }
    }
    if (llmChanged)
        showLlmUsage();
}

} // namespace mlops::ui
