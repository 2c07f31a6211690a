#pragma once

#include "storage/Status.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QTabWidget;

namespace mlops {

class PlanView;
class ReportView;
class RepositoryView;
class Studio;

// The outcome of a decision set in three tabs: the plan (diagram, cost, findings), the generated repository and
// the architecture report. Shows the state of the decision set's latest checkpoint and follows it while it runs.
class OutcomeView : public QWidget {
    Q_OBJECT
public:
    OutcomeView(Studio& studio, QWidget* parent = nullptr);

    QString decisionSetId() const { return m_decisionSetId; }
    PlanView* planView() const { return m_plan; }
    RepositoryView* repositoryView() const { return m_repository; }
    ReportView* reportView() const { return m_report; }
    QTabWidget* tabs() const { return m_tabs; }

public slots:
    // Reads the decision set's latest checkpoint state and event log through Studio.
    void showDecisionSet(const QString& decisionSetId);
    // Re-reads the current decision set (after it changed).
    void refresh();

signals:
    // A finding was activated: show the reason card with this sequence number emitted by `node`.
    void reasonCardRequested(const QString& node, qint64 seq);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    Studio& m_studio;
    QLabel* m_title;
    QTabWidget* m_tabs;
    PlanView* m_plan;
    RepositoryView* m_repository;
    ReportView* m_report;
    QString m_decisionSetId;
    int m_version = 0;
    int m_shownStep = -1;
    DecisionSetStatus m_status = DecisionSetStatus::Created;
};

} // namespace mlops
