#pragma once

#include "core/Event.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace mlops::ui {

// The status bar's view of the followed run: what it is doing, progress, and the estimated time remaining,
// all from the workflow progress carried by the events.
class RunStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit RunStatusWidget(QWidget* parent = nullptr);

    void clear();
    void applyEvents(const QList<Event>& batch);
    QString statusText() const;
    int progress() const;
    QString etaText() const;

private:
    QLabel* m_status;
    QProgressBar* m_progress;
    QLabel* m_eta;
};

} // namespace mlops::ui
