#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>

namespace mlops {

// A question for a human at a HITL gate, with the smart default the agents would use.
struct Question {
    QString id;
    QString field; // constraint field the answer fills, if any
    QString text;
    QString type = QStringLiteral("text"); // choice | multi_choice | number | text | bool
    QStringList options;
    QJsonValue defaultValue;
    double confidence = 0.0; // of the default
    QString rationale;
    QString priority = QStringLiteral("medium"); // high | medium | low
    // An optional question may be left without an answer: no answer (null) means "none given" and the field stays
    // unset, e.g. a budget nobody set (docs/constraints.md, "Questions").
    bool optional = false;

    QJsonObject toJson() const;
    static Question fromJson(const QJsonObject& object);
    // Empty when `answer` is acceptable for this question, else a message for the user.
    QString validate(const QJsonValue& answer) const;
    // Answers arrive as text from forms and YAML; this turns them into the question's JSON type.
    QJsonValue coerce(const QJsonValue& answer) const;
};

QJsonArray questionsToJson(const QList<Question>& questions);
QList<Question> questionsFromJson(const QJsonArray& array);

} // namespace mlops
