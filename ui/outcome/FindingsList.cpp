#include "FindingsList.h"

#include "ReasonCardIndex.h"
#include "SeverityStyle.h"
#include "plan/CostEstimate.h"
#include "workflow/WorkflowState.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mlops {

namespace {
enum Column { SeverityColumn, SourceColumn, SubjectColumn, MessageColumn, AdviceColumn, ColumnCount };
constexpr int NodeRole = Qt::UserRole + 1;
constexpr int SeqRole = Qt::UserRole + 2;
constexpr int RankRole = Qt::UserRole + 3;
} // namespace

FindingsList::FindingsList(QWidget* parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_showCard(new QPushButton(this)) {
    m_tree->setColumnCount(ColumnCount);
    m_tree->setRootIsDecorated(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setWordWrap(true);
    m_tree->header()->setSectionResizeMode(MessageColumn, QHeaderView::Stretch);
    m_showCard->setEnabled(false);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_showCard);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    layout->addLayout(buttons);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) { requestCard(item); });
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* item) { m_showCard->setEnabled(item && item->data(0, SeqRole).toLongLong() > 0); });
    connect(m_showCard, &QPushButton::clicked, this, [this] { requestCard(m_tree->currentItem()); });
    retranslate();
}

void FindingsList::setState(const QJsonObject& state, const ReasonCardIndex& cards) {
    m_state = state;
    m_tree->clear();
    m_critics = new QTreeWidgetItem(m_tree);
    m_policies = new QTreeWidgetItem(m_tree);
    const qint64 techSeq = cards.latestCard(QStringLiteral("tech_critic"));
    const qint64 costSeq = cards.latestCard(QStringLiteral("cost_critic"));
    const qint64 policySeq = cards.latestCard(QStringLiteral("policy_engine"));
    for (const PlanFinding& f : PlanFinding::listFromJson(state.value(StatePart::techFindings()).toArray()))
        addFinding(m_critics, f, QStringLiteral("tech_critic"), techSeq);
    for (const PlanFinding& f : CostEstimate::fromJson(state.value(StatePart::costEstimate()).toObject()).findings)
        addFinding(m_critics, f, QStringLiteral("cost_critic"), costSeq);
    for (const PolicyResult& p : PolicyResult::listFromJson(state.value(StatePart::policyFindings()).toArray()))
        addPolicy(m_policies, p, policySeq);
    // Most severe first inside each group; the rank lives in a role so the order survives retranslation.
    for (QTreeWidgetItem* group : {m_critics, m_policies}) {
        QList<QTreeWidgetItem*> children = group->takeChildren();
        std::stable_sort(children.begin(), children.end(), [](QTreeWidgetItem* a, QTreeWidgetItem* b) {
            return a->data(0, RankRole).toInt() < b->data(0, RankRole).toInt();
        });
        group->addChildren(children);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFirstColumnSpanned(true);
    }
    m_tree->expandAll();
    for (int c = 0; c < ColumnCount; ++c) {
        if (c != MessageColumn)
            m_tree->resizeColumnToContents(c);
    }
    retranslate();
}

int FindingsList::findingCount() const {
    return m_critics ? m_critics->childCount() : 0;
}

int FindingsList::policyCount() const {
    return m_policies ? m_policies->childCount() : 0;
}

void FindingsList::addFinding(QTreeWidgetItem* group, const PlanFinding& f, const QString& node, qint64 seq) {
    auto* item = new QTreeWidgetItem(group);
    const QString& severity = f.severity;
    const bool blocking = f.blocking;
    item->setData(0, Qt::UserRole, severity);
    item->setData(0, NodeRole, node);
    item->setData(0, SeqRole, seq);
    item->setData(0, RankRole, SeverityStyle::rank(blocking ? QStringLiteral("blocking") : severity));
    item->setIcon(SeverityColumn, SeverityStyle::icon(blocking ? QStringLiteral("blocking") : severity));
    item->setText(SubjectColumn, f.component);
    item->setText(MessageColumn, f.message);
    item->setToolTip(MessageColumn, f.message);
    item->setText(AdviceColumn, f.recommendation);
    item->setToolTip(AdviceColumn, f.recommendation);
}

void FindingsList::addPolicy(QTreeWidgetItem* group, const PolicyResult& p, qint64 seq) {
    auto* item = new QTreeWidgetItem(group);
    const QString& severity = p.severity;
    const bool passed = p.passed;
    item->setData(0, Qt::UserRole, severity);
    item->setData(0, Qt::UserRole + 10, passed);
    item->setData(0, NodeRole, QStringLiteral("policy_engine"));
    item->setData(0, SeqRole, seq);
    // Failed rules first, then by severity.
    item->setData(0, RankRole, (passed ? 100 : 0) + SeverityStyle::rank(severity));
    item->setIcon(SeverityColumn, passed ? SeverityStyle::passedIcon() : SeverityStyle::icon(severity));
    item->setData(SourceColumn, Qt::UserRole, p.pack.isEmpty() ? p.ruleId : p.pack + QLatin1String(" / ") + p.ruleId);
    item->setText(SubjectColumn, p.resource);
    item->setText(MessageColumn, p.message);
    item->setToolTip(MessageColumn, p.message);
    item->setText(AdviceColumn, p.remediation);
}

void FindingsList::requestCard(QTreeWidgetItem* item) {
    if (!item)
        return;
    const qint64 seq = item->data(0, SeqRole).toLongLong();
    const QString node = item->data(0, NodeRole).toString();
    if (seq > 0 && !node.isEmpty())
        emit reasonCardRequested(node, seq);
}

void FindingsList::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FindingsList::retranslate() {
    m_tree->setHeaderLabels({tr("Severity"), tr("Source"), tr("Component"), tr("Finding"), tr("Recommendation")});
    m_showCard->setText(tr("Show reason card"));
    m_showCard->setToolTip(tr("Open the reason card of the agent that produced the selected finding"));
    if (!m_critics)
        return;
    m_critics->setText(0, tr("Critic findings (%n)", nullptr, m_critics->childCount()));
    int passed = 0;
    for (int i = 0; i < m_policies->childCount(); ++i)
        passed += m_policies->child(i)->data(0, Qt::UserRole + 10).toBool() ? 1 : 0;
    m_policies->setText(0, tr("Policy results: %1 of %2 rules pass").arg(passed).arg(m_policies->childCount()));
    for (int i = 0; i < m_critics->childCount(); ++i) {
        QTreeWidgetItem* item = m_critics->child(i);
        const bool cost = item->data(0, NodeRole).toString() == QLatin1String("cost_critic");
        item->setText(SeverityColumn, SeverityStyle::text(item->data(0, Qt::UserRole).toString()));
        item->setText(SourceColumn, cost ? tr("Cost critic") : tr("Technical critic"));
    }
    for (int i = 0; i < m_policies->childCount(); ++i) {
        QTreeWidgetItem* item = m_policies->child(i);
        const bool passed = item->data(0, Qt::UserRole + 10).toBool();
        const QString severity = SeverityStyle::text(item->data(0, Qt::UserRole).toString());
        item->setText(SeverityColumn, passed ? tr("passed (%1)").arg(severity) : tr("failed (%1)").arg(severity));
        item->setText(SourceColumn, item->data(SourceColumn, Qt::UserRole).toString());
    }
}

} // namespace mlops
