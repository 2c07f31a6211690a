#pragma once

#include "core/Question.h"

#include <QJsonValue>
#include <QWidget>

class QLabel;

namespace mlops::ui {

// One HITL question as a form row: the text, the smart default's confidence and rationale, a typed input
// pre-filled with the default (choice: combo box, multi_choice: check list, number/text: line edit, bool: check
// box), and a line for validation problems. Validation is the engine's (Question::validate).
class QuestionForm : public QWidget {
    Q_OBJECT
public:
    explicit QuestionForm(const Question& question, QWidget* parent = nullptr);

    const Question& question() const { return m_question; }
    QJsonValue value() const;
    // Shows the problem of the current value (or `error` when given, e.g. from Studio::answer); returns it.
    QString validate();
    void showError(const QString& error);
    QString errorText() const;
    void setAnswered(const QJsonValue& answer);
    // Marks that the default will be taken at the deadline if the user does not answer.
    void setAutoApprovable(bool autoApprovable);
    bool isAnswered() const { return m_answered; }
    // Sets the input from text (tests, and "reset to default").
    void setValueText(const QString& text);
    QWidget* input() const { return m_input; }
    static QString displayText(const QJsonValue& value);

signals:
    void edited();

private:
    QWidget* makeInput();

    Question m_question;
    QWidget* m_input = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_meta = nullptr;
    QString m_metaText;
    bool m_answered = false;
};

} // namespace mlops::ui
