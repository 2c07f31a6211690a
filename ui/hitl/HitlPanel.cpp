#include "hitl/HitlPanel.h"

#include "StateColors.h"
#include "Studio.h"
#include "core/Clock.h"
#include "hitl/QuestionForm.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace mlops::ui {

HitlPanel::HitlPanel(Studio& studio, QWidget* parent)
    : QWidget(parent)
    , m_studio(studio)
    , m_title(new QLabel(this))
    , m_countdown(new QLabel(this))
    , m_general(new QLabel(this))
    , m_formHost(new QWidget(this))
    , m_formLayout(new QVBoxLayout(m_formHost))
    , m_submit(new QPushButton(QIcon(QStringLiteral(":/icons/submit.svg")), QString(), this))
    , m_defaults(new QPushButton(QIcon(QStringLiteral(":/icons/accept-defaults.svg")), QString(), this)) {
    m_title->setWordWrap(true);
    m_countdown->setObjectName(QStringLiteral("hitlCountdown"));
    m_countdown->setWordWrap(true);
    QFont bold = m_countdown->font();
    bold.setBold(true);
    m_countdown->setFont(bold);
    m_general->setWordWrap(true);
    QPalette errPal = m_general->palette();
    errPal.setColor(QPalette::WindowText, StateColors::failed());
    m_general->setPalette(errPal);
    m_general->hide();
    retranslate();

    m_formLayout->setContentsMargins(0, 0, 0, 0);
    m_formLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_formHost);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_defaults);
    buttons->addStretch(1);
    buttons->addWidget(m_submit);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_countdown);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_general);
    layout->addLayout(buttons);

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &HitlPanel::updateCountdown);
    connect(m_submit, &QPushButton::clicked, this, &HitlPanel::submit);
    connect(m_defaults, &QPushButton::clicked, this, &HitlPanel::acceptDefaults);
    closeGate();
}

void HitlPanel::setDecisionSet(const QString& decisionSetId) {
    m_decisionSetId = decisionSetId;
    closeGate();
}

QList<QuestionForm*> HitlPanel::forms() const {
    QList<QuestionForm*> list;
    for (int i = 0; i < m_formLayout->count(); ++i) {
        if (auto* f = qobject_cast<QuestionForm*>(m_formLayout->itemAt(i)->widget()))
            list.append(f);
    }
    return list;
}

void HitlPanel::applyEvents(const QList<Event>& batch) {
    for (const Event& e : batch) {
        if (e.type == EventType::questionsPresented()) {
            openGate(e.data);
        } else if (e.type == EventType::answersReceived() && hasOpenGate()) {
            const QJsonObject answers = e.data.value(QStringLiteral("answers")).toObject();
            for (const QJsonValue& id : e.data.value(QStringLiteral("question_ids")).toArray()) {
                if (QuestionForm* f = m_forms.value(id.toString()))
                    f->setAnswered(answers.value(id.toString()));
            }
        } else if (e.type == EventType::autoApproving() && hasOpenGate()) {
            if (QuestionForm* f = m_forms.value(e.data.value(QStringLiteral("question_id")).toString()))
                f->setAnswered(e.data.value(QStringLiteral("value")));
        } else if ((e.type == EventType::nodeComplete() &&
                    e.data.value(QStringLiteral("node")).toString() == m_gateNode) ||
                   e.type == EventType::workflowFailed() || e.type == EventType::workflowComplete()) {
            closeGate();
        }
    }
}

void HitlPanel::openGate(const QJsonObject& presented) {
    closeGate();
    m_gateNode = presented.value(QStringLiteral("node")).toString();
    m_deadlineMs = presented.value(QStringLiteral("deadline_ms")).toInteger();
    m_autoApprovable.clear();
    for (const QJsonValue& id : presented.value(QStringLiteral("auto_approvable")).toArray())
        m_autoApprovable.append(id.toString());
    const QList<Question> questions = questionsFromJson(presented.value(QStringLiteral("questions")).toArray());
    for (const Question& q : questions) {
        auto* form = new QuestionForm(q, m_formHost);
        form->setAutoApprovable(m_autoApprovable.contains(q.id));
        m_formLayout->insertWidget(m_formLayout->count() - 1, form);
        m_forms.insert(q.id, form);
    }
    showTitle();
    m_submit->setEnabled(true);
    m_defaults->setEnabled(true);
    updateCountdown();
    m_tick.start();
    emit gateChanged(true);
}

void HitlPanel::closeGate() {
    const bool wasOpen = hasOpenGate();
    m_tick.stop();
    for (QuestionForm* f : std::as_const(m_forms))
        delete f;
    m_forms.clear();
    m_sent.clear();
    m_gateNode.clear();
    m_deadlineMs = 0;
    showTitle();
    m_countdown->clear();
    m_countdown->hide();
    m_general->hide();
    m_submit->setEnabled(false);
    m_defaults->setEnabled(false);
    if (wasOpen)
        emit gateChanged(false);
}

QString HitlPanel::generalError() const {
    return m_general->isVisible() ? m_general->text() : QString();
}

QString HitlPanel::countdownText() const {
    return m_countdown->text();
}

void HitlPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void HitlPanel::retranslate() {
    m_submit->setText(tr("&Submit answers"));
    m_defaults->setText(tr("Accept &defaults"));
    m_submit->setToolTip(tr("Send the answers (Ctrl+Shift+Return)"));
    m_defaults->setToolTip(tr("Take every suggested default now (Ctrl+Shift+D)"));
    showTitle();
    updateCountdown();
}

void HitlPanel::showTitle() {
    if (!hasOpenGate()) {
        m_title->setText(tr("No question is waiting. When the agents need a decision, it appears here."));
        return;
    }
    m_title->setText(tr("<b>%n question(s)</b> at <i>%1</i> — the run waits for you; the rest of the window "
                        "stays usable.",
                        nullptr, int(m_forms.size()))
                         .arg(m_gateNode.toHtmlEscaped()));
}

void HitlPanel::updateCountdown() {
    if (!hasOpenGate())
        return;
    m_countdown->show();
    const qint64 left = qMax<qint64>(0, m_deadlineMs - Clock::system()->nowMs());
    const qint64 secs = (left + 999) / 1000;
    const QString clock = secs >= 3600 ? QStringLiteral("%1:%2:%3")
                                             .arg(secs / 3600)
                                             .arg(secs / 60 % 60, 2, 10, QLatin1Char('0'))
                                             .arg(secs % 60, 2, 10, QLatin1Char('0'))
                                       : QStringLiteral("%1:%2").arg(secs / 60).arg(secs % 60, 2, 10, QLatin1Char('0'));
    if (m_autoApprovable.isEmpty()) {
        m_countdown->setText(left > 0 ? tr("Deadline in %1 — no default here qualifies for auto-approval: the run "
                                           "waits for your answers.")
                                            .arg(clock)
                                      : tr("Deadline passed — the run waits for your answers."));
        return;
    }
    m_countdown->setText(
        left > 0 ? tr("Auto-approval of %n default(s) in %1", nullptr, int(m_autoApprovable.size())).arg(clock)
                 : tr("Deadline reached: approving the eligible defaults…"));
}

bool HitlPanel::submit() {
    if (!hasOpenGate())
        return false;
    QJsonObject answers;
    bool valid = true;
    for (QuestionForm* f : forms()) {
        if (f->isAnswered() || m_sent.contains(f->question().id))
            continue;
        if (!f->validate().isEmpty()) {
            valid = false;
            continue;
        }
        answers.insert(f->question().id, f->value());
    }
    m_general->hide();
    if (!valid || answers.isEmpty())
        return false;
    const QHash<QString, QString> errors = m_studio.answer(m_decisionSetId, answers, m_gateNode);
    for (auto it = errors.begin(); it != errors.end(); ++it) {
        if (QuestionForm* f = m_forms.value(it.key())) {
            f->showError(it.value());
        } else {
            m_general->setText(it.value());
            m_general->show();
        }
    }
    if (errors.isEmpty()) {
        for (auto it = answers.begin(); it != answers.end(); ++it)
            m_sent.insert(it.key());
        m_submit->setEnabled(hasUnsentQuestion());
        m_defaults->setEnabled(hasUnsentQuestion());
    }
    return errors.isEmpty();
}

bool HitlPanel::hasUnsentQuestion() const {
    for (QuestionForm* f : std::as_const(m_forms)) {
        if (!f->isAnswered() && !m_sent.contains(f->question().id))
            return true;
    }
    return false;
}

void HitlPanel::acceptDefaults() {
    if (!hasOpenGate() || !hasUnsentQuestion())
        return;
    for (QuestionForm* f : std::as_const(m_forms))
        m_sent.insert(f->question().id);
    m_studio.acceptDefaults(m_decisionSetId, m_gateNode);
    m_defaults->setEnabled(false);
    m_submit->setEnabled(false);
}

} // namespace mlops::ui
