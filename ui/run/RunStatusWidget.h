#pragma once

#include "core/Event.h"
#include "llm/LlmRunUsage.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace mlops::ui {

// The status bar's view of the followed run: what it is doing, progress, the estimated time remaining, and (for a
// run with an LLM) the requests, tokens and cost so far, all from the events: workflow progress and the "llm-usage"
// of reason cards as they arrive.
class RunStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit RunStatusWidget(QWidget* parent = nullptr);

    void clear();
    void applyEvents(const QList<Event>& batch);
    QString statusText() const;
    int progress() const;
    QString etaText() const;
    QString llmUsageText() const; // empty while no LLM call has been reported
    const LlmRunUsage& llmUsage() const { return m_llmUsage; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void showLlmUsage();

    QLabel* m_status;
    QProgressBar* m_progress;
    QLabel* m_eta;
    QLabel* m_llm;
    LlmRunUsage m_llmUsage;
    qint64 m_lastCardSeq = 0; // a replay after a reconnect must not count a card twice
};

} // namespace mlops::ui
