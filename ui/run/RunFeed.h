#pragma once

#include "core/Event.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace mlops {

class EventSubscription;
class Studio;

namespace ui {

// The UI's end of one decision set's event stream. Events arrive by queued delivery from the engine and are
// collected here; a short timer hands them to the views in one batch, so a burst of thousands of events per
// second costs one model update per frame instead of one per event. Following another decision set drops the
// old subscription and replays the new one's history from the start.
class RunFeed : public QObject {
    Q_OBJECT
public:
    explicit RunFeed(Studio& studio, QObject* parent = nullptr);

    void follow(const QString& decisionSetId);
    void stop();
    QString decisionSetId() const { return m_decisionSetId; }
    bool isReplaying() const { return m_replaying; }
    // How long events may wait before the views see them; about one or two frames.
    void setFlushIntervalMs(int ms) { m_flushTimer.setInterval(ms); }

signals:
    // Views drop what they show: a different decision set (or none) is followed from now on.
    void reset(const QString& decisionSetId);
    void eventsArrived(const QList<mlops::Event>& batch);
    // Every replayed event has been handed out; what follows is live.
    void replayFinished(const QString& decisionSetId);

private:
    void enqueue(const Event& event);
    void flush();

    Studio& m_studio;
    QString m_decisionSetId;
    QPointer<EventSubscription> m_subscription;
    QList<Event> m_pending;
    QTimer m_flushTimer;
    bool m_replaying = false;
    bool m_replayDonePending = false;
};

} // namespace ui
} // namespace mlops
