#pragma once

#include "core/Event.h"

#include <QHash>
#include <QSet>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace mlops {

class Studio;

namespace ui {

class QuestionForm;

// The questions of the followed run's open HITL gate, as a panel that never blocks the window: smart defaults
// pre-filled, a live countdown to auto-approval from the stored deadline, typed inputs validated as the user
// types, submit (problems from Studio::answer shown per question) or accept every default.
class HitlPanel : public QWidget {
    Q_OBJECT
public:
    explicit HitlPanel(Studio& studio, QWidget* parent = nullptr);

    void setDecisionSet(const QString& decisionSetId);
    void applyEvents(const QList<Event>& batch);
    bool hasOpenGate() const { return !m_gateNode.isEmpty(); }
    QString gateNode() const { return m_gateNode; }
    QString countdownText() const;
    // The last problem that belongs to no single question (e.g. the gate was resolved meanwhile).
    QString generalError() const;
    QuestionForm* form(const QString& questionId) const { return m_forms.value(questionId); }
    QList<QuestionForm*> forms() const;

public slots:
    // Returns false when a form is invalid or the engine refused an answer (shown next to the question).
    bool submit();
    void acceptDefaults();

signals:
    // A gate opened (true) or was resolved / abandoned (false).
    void gateChanged(bool open);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate(); // the texts set at construction, again in the current language
    void showTitle();   // "n question(s) at <gate>" or "no question is waiting"
    void openGate(const QJsonObject& presented);
    void closeGate();
    void updateCountdown();

    Studio& m_studio;
    QString m_decisionSetId;
    QString m_gateNode;
    qint64 m_deadlineMs = 0;
    QStringList m_autoApprovable;
    QHash<QString, QuestionForm*> m_forms;
    // Questions whose answers went to the engine and await its confirmation. Nothing is sent twice for them:
    // a late "accept defaults" would otherwise land on the next gate of the run once this one resolves.
    QSet<QString> m_sent;
    bool hasUnsentQuestion() const;
    QLabel* m_title;
    QLabel* m_countdown;
    QLabel* m_general;
    QWidget* m_formHost;
    QVBoxLayout* m_formLayout;
    QPushButton* m_submit;
    QPushButton* m_defaults;
    QTimer m_tick;
};

} // namespace ui
} // namespace mlops
