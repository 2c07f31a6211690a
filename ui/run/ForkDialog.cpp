#include "run/ForkDialog.h"

#include "Studio.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mlops::ui {

namespace {

QString answerText(const QJsonValue& v) {
    if (v.isString())
        return v.toString();
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

// The edited text back to JSON: numbers, booleans and lists typed as JSON keep their type, the rest is text
// (the engine coerces and validates answers against each question's type).
QJsonValue answerValue(const QString& text) {
    QJsonParseError err;
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + "]", &err);
    if (err.error == QJsonParseError::NoError && d.array().size() == 1)
        return d.array().first();
    return text;
}

} // namespace

ForkDialog::ForkDialog(Studio& studio, const QString& decisionSetId, const QString& editedPrompt, QWidget* parent)
    : QDialog(parent)
    , m_checkpoints(studio.checkpoints(decisionSetId))
    , m_sourcePrompt(studio.decisionSet(decisionSetId).prompt)
    , m_editedPrompt(editedPrompt)
    , m_list(new QListWidget(this))
    , m_answers(new QTableWidget(0, 2, this))
    , m_usePrompt(new QCheckBox(tr("Use the edited requirement text as the prompt"), this))
    , m_hint(new QLabel(this)) {
    setWindowTitle(tr("Fork from a checkpoint"));
    m_list->setAccessibleName(tr("Checkpoints"));
    for (const CheckpointRecord& cp : std::as_const(m_checkpoints)) {
        auto* item = new QListWidgetItem(tr("Step %1 · after %2 · next: %3")
                                             .arg(cp.step)
                                             .arg(cp.node, cp.nextStep.isEmpty() ? tr("end") : cp.nextStep),
                                         m_list);
        item->setData(Qt::UserRole, cp.step);
        item->setToolTip(cp.createdAt);
    }
    m_answers->setHorizontalHeaderLabels({tr("Question"), tr("Answer")});
    m_answers->horizontalHeader()->setStretchLastSection(true);
    m_answers->verticalHeader()->hide();
    m_usePrompt->setEnabled(!editedPrompt.trimmed().isEmpty() && editedPrompt != m_sourcePrompt);
    m_hint->setWordWrap(true);
    m_hint->setText(tr("Edited answers or prompt restart the analysis from the requirement; without edits the fork "
                       "continues where the checkpoint left off."));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Fork"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_checkpoints.isEmpty());
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Checkpoint:"), this));
    layout->addWidget(m_list, 2);
    layout->addWidget(new QLabel(tr("Answers at that point (edit to change them; the empty row adds one):"), this));
    layout->addWidget(m_answers, 2);
    layout->addWidget(m_usePrompt);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &ForkDialog::showCheckpoint);
    if (!m_checkpoints.isEmpty())
        m_list->setCurrentRow(int(m_checkpoints.size()) - 1);
    resize(560, 520);
}

int ForkDialog::checkpointCount() const {
    return int(m_checkpoints.size());
}

int ForkDialog::selectedStep() const {
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toInt() : -1;
}

void ForkDialog::selectStep(int step) {
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toInt() == step)
            m_list->setCurrentRow(i);
    }
}

void ForkDialog::showCheckpoint() {
    const int row = m_list->currentRow();
    m_originalAnswers =
        row >= 0 ? m_checkpoints.at(row).state.value(QStringLiteral("answers")).toObject() : QJsonObject{};
    m_answers->setRowCount(0);
    for (auto it = m_originalAnswers.begin(); it != m_originalAnswers.end(); ++it) {
        const int r = m_answers->rowCount();
        m_answers->insertRow(r);
        auto* key = new QTableWidgetItem(it.key());
        key->setFlags(key->flags() & ~Qt::ItemIsEditable);
        m_answers->setItem(r, 0, key);
        m_answers->setItem(r, 1, new QTableWidgetItem(answerText(it.value())));
    }
    m_answers->insertRow(m_answers->rowCount()); // free row: answer a question that was not asked yet
    m_answers->setItem(m_answers->rowCount() - 1, 0, new QTableWidgetItem);
    m_answers->setItem(m_answers->rowCount() - 1, 1, new QTableWidgetItem);
}

void ForkDialog::setAnswer(const QString& questionId, const QString& text) {
    for (int r = 0; r < m_answers->rowCount(); ++r) {
        if (m_answers->item(r, 0)->text() == questionId || m_answers->item(r, 0)->text().isEmpty()) {
            m_answers->item(r, 0)->setText(questionId);
            m_answers->item(r, 1)->setText(text);
            return;
        }
    }
}

QJsonObject ForkDialog::edits() const {
    QJsonObject changed;
    for (int r = 0; r < m_answers->rowCount(); ++r) {
        const QString key = m_answers->item(r, 0) ? m_answers->item(r, 0)->text().trimmed() : QString();
        const QString text = m_answers->item(r, 1) ? m_answers->item(r, 1)->text() : QString();
        if (key.isEmpty())
            continue;
        if (!m_originalAnswers.contains(key) && text.trimmed().isEmpty())
            continue;
        if (answerText(m_originalAnswers.value(key)) != text || !m_originalAnswers.contains(key))
            changed.insert(key, answerValue(text));
    }
    QJsonObject edits;
    if (!changed.isEmpty())
        edits.insert(QStringLiteral("answers"), changed);
    if (m_usePrompt->isChecked())
        edits.insert(QStringLiteral("prompt"), m_editedPrompt);
    return edits;
}

} // namespace mlops::ui
