#include "hitl/QuestionForm.h"

#include "StateColors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace mlops::ui {

QString QuestionForm::displayText(const QJsonValue& v) {
    if (v.isBool())
        return v.toBool() ? tr("yes") : tr("no");
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue& item : v.toArray())
            parts.append(displayText(item));
        return parts.join(QStringLiteral(", "));
    }
    if (v.isNull())
        return tr("none");
    return v.toString();
}

QuestionForm::QuestionForm(const Question& question, QWidget* parent)
    : QWidget(parent)
    , m_question(question) {
    setObjectName(QStringLiteral("question_") + question.id);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 8);
    auto* text = new QLabel(QStringLiteral("<b>%1</b>").arg(question.text.toHtmlEscaped()), this);
    text->setWordWrap(true);
    layout->addWidget(text);

    const QString priority = question.priority == QLatin1String("high")  ? tr("high priority")
                             : question.priority == QLatin1String("low") ? tr("low priority")
                                                                         : tr("medium priority");
    m_metaText = tr("Suggested: %1 · confidence %2% · %3")
                     .arg(displayText(question.defaultValue))
                     .arg(qRound(question.confidence * 100))
                     .arg(priority);
    m_meta = new QLabel(m_metaText, this);
    m_meta->setWordWrap(true);
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_meta);
    if (!question.rationale.isEmpty()) {
        auto* why = new QLabel(tr("Why: %1").arg(question.rationale), this);
        why->setWordWrap(true);
        why->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(why);
    }
    m_input = makeInput();
    m_input->setAccessibleName(question.text);
    layout->addWidget(m_input);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    QPalette errPal = m_error->palette();
    errPal.setColor(QPalette::WindowText, StateColors::failed());
    m_error->setPalette(errPal);
    m_error->hide();
    layout->addWidget(m_error);
    m_state = new QLabel(this);
    m_state->hide();
    layout->addWidget(m_state);
    connect(this, &QuestionForm::edited, this, [this] { validate(); });
}

QWidget* QuestionForm::makeInput() {
    const QString& type = m_question.type;
    const QJsonValue def = m_question.defaultValue;
    if (type == QLatin1String("choice") && !m_question.options.isEmpty()) {
        auto* box = new QComboBox(this);
        box->addItems(m_question.options);
        box->setCurrentIndex(qMax(0, m_question.options.indexOf(def.toString())));
        connect(box, &QComboBox::currentIndexChanged, this, &QuestionForm::edited);
        return box;
    }
    if (type == QLatin1String("multi_choice") && !m_question.options.isEmpty()) {
        auto* list = new QListWidget(this);
        QStringList chosen;
        for (const QJsonValue& v : def.toArray())
            chosen.append(v.toString());
        for (const QString& option : m_question.options) {
            auto* item = new QListWidgetItem(option, list);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(chosen.contains(option) ? Qt::Checked : Qt::Unchecked);
        }
        list->setMaximumHeight(qMin(int(m_question.options.size()), 6) * list->fontMetrics().height() * 3 / 2 + 8);
        connect(list, &QListWidget::itemChanged, this, &QuestionForm::edited);
        return list;
    }
    if (type == QLatin1String("bool")) {
        auto* box = new QCheckBox(tr("Yes"), this);
        box->setChecked(def.toBool());
        connect(box, &QCheckBox::toggled, this, &QuestionForm::edited);
        return box;
    }
    auto* line = new QLineEdit(this);
    if (def.isDouble())
        line->setText(QString::number(def.toDouble()));
    else if (!def.isNull() && !def.isUndefined())
        line->setText(def.toVariant().toString());
    if (m_question.optional)
        line->setPlaceholderText(type == QLatin1String("number") ? tr("a number, or empty for none")
                                                                 : tr("empty for none"));
    else if (type == QLatin1String("number"))
        line->setPlaceholderText(tr("a number"));
    connect(line, &QLineEdit::textEdited, this, &QuestionForm::edited);
    return line;
}

QJsonValue QuestionForm::value() const {
    if (auto* box = qobject_cast<QComboBox*>(m_input))
        return box->currentText();
    if (auto* list = qobject_cast<QListWidget*>(m_input)) {
        QJsonArray chosen;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->checkState() == Qt::Checked)
                chosen.append(list->item(i)->text());
        }
        return chosen;
    }
    if (auto* box = qobject_cast<QCheckBox*>(m_input))
        return box->isChecked();
    if (auto* line = qobject_cast<QLineEdit*>(m_input)) {
        // An empty field is no answer (a question without a default starts empty), not an empty string.
        if (line->text().trimmed().isEmpty())
            return QJsonValue(QJsonValue::Null);
        return m_question.coerce(line->text());
    }
    return {};
}

void QuestionForm::setValueText(const QString& text) {
    if (auto* box = qobject_cast<QComboBox*>(m_input))
        box->setCurrentText(text);
    else if (auto* box = qobject_cast<QCheckBox*>(m_input))
        box->setChecked(m_question.coerce(text).toBool());
    else if (auto* line = qobject_cast<QLineEdit*>(m_input))
        line->setText(text);
    else if (auto* list = qobject_cast<QListWidget*>(m_input)) {
        const QStringList wanted = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setCheckState(wanted.contains(list->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
    }
    validate();
}

QString QuestionForm::validate() {
    const QString problem = m_question.validate(value());
    showError(problem);
    return problem;
}

void QuestionForm::showError(const QString& error) {
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

void QuestionForm::setAutoApprovable(bool autoApprovable) {
    m_meta->setText(autoApprovable ? m_metaText + tr(" · taken automatically at the deadline") : m_metaText);
}

QString QuestionForm::errorText() const {
    return m_error->text();
}

void QuestionForm::setAnswered(const QJsonValue& answer) {
    m_answered = true;
    m_input->setEnabled(false);
    showError({});
    m_state->setText(tr("✓ Answered: %1").arg(displayText(answer)));
    m_state->show();
}

} // namespace mlops::ui
