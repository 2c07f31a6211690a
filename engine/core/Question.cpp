#include "core/Question.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace mlops {

QJsonObject Question::toJson() const {
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("field"), field},
        {QStringLiteral("text"), text},
        {QStringLiteral("type"), type},
        {QStringLiteral("options"), QJsonArray::fromStringList(options)},
        {QStringLiteral("default"), defaultValue},
        {QStringLiteral("confidence"), confidence},
        {QStringLiteral("rationale"), rationale},
        {QStringLiteral("priority"), priority},
        {QStringLiteral("optional"), optional},
    };
}

Question Question::fromJson(const QJsonObject& o) {
    Question q;
    q.id = o.value(QStringLiteral("id")).toString();
    q.field = o.value(QStringLiteral("field")).toString();
    q.text = o.value(QStringLiteral("text")).toString();
    q.type = o.value(QStringLiteral("type")).toString(QStringLiteral("text"));
    for (const QJsonValue& v : o.value(QStringLiteral("options")).toArray())
        q.options.append(v.toString());
    q.defaultValue = o.value(QStringLiteral("default"));
    q.confidence = o.value(QStringLiteral("confidence")).toDouble();
    q.rationale = o.value(QStringLiteral("rationale")).toString();
    q.priority = o.value(QStringLiteral("priority")).toString(QStringLiteral("medium"));
    q.optional = o.value(QStringLiteral("optional")).toBool(false);
    return q;
}

QJsonValue Question::coerce(const QJsonValue& answer) const {
    if (!answer.isString())
        return answer;
    const QString text = answer.toString().trimmed();
    if (optional && text.isEmpty())
        return QJsonValue(QJsonValue::Null);
    if (type == QLatin1String("number")) {
        bool ok = false;
        const double d = text.toDouble(&ok);
        return ok ? QJsonValue(d) : answer;
    }
    if (type == QLatin1String("bool")) {
        const QString t = text.toLower();
        if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("y") ||
            t == QLatin1String("1"))
            return true;
        if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("n") ||
            t == QLatin1String("0"))
            return false;
        return answer;
    }
    if (type == QLatin1String("multi_choice")) {
        QJsonArray items;
        for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
            items.append(part.trimmed());
        return items;
    }
    return text;
}

QString Question::validate(const QJsonValue& raw) const {
    const QJsonValue answer = coerce(raw);
    if (optional && answer.isNull())
        return {}; // left empty: none given
    if (answer.isUndefined() || answer.isNull())
        return QCoreApplication::translate("Question", "no answer given");
    if (type == QLatin1String("number")) {
        if (!answer.isDouble())
            return QCoreApplication::translate("Question", "'%1' is not a number").arg(raw.toVariant().toString());
        if (answer.toDouble() < 0)
            return QCoreApplication::translate("Question", "a negative number is not allowed here");
        return {};
    }
    if (type == QLatin1String("bool"))
        return answer.isBool() ? QString() : QCoreApplication::translate("Question", "answer yes or no");
    if (type == QLatin1String("choice")) {
        if (!answer.isString())
            return QCoreApplication::translate("Question", "choose one option");
        if (!options.isEmpty() && !options.contains(answer.toString()))
            return QCoreApplication::translate("Question", "'%1' is not one of: %2")
                .arg(answer.toString(), options.join(QStringLiteral(", ")));
        return {};
    }
    if (type == QLatin1String("multi_choice")) {
        if (!answer.isArray())
            return QCoreApplication::translate("Question", "choose a list of options");
        for (const QJsonValue& v : answer.toArray()) {
            if (!options.isEmpty() && !options.contains(v.toString()))
                return QCoreApplication::translate("Question", "'%1' is not one of: %2")
                    .arg(v.toString(), options.join(QStringLiteral(", ")));
        }
        return {};
    }
    if (!answer.isString())
        return QCoreApplication::translate("Question", "expected text");
    if (answer.toString().size() > 10000)
        return QCoreApplication::translate("Question", "answer is too long (over 10000 characters)");
    return {};
}

QJsonArray questionsToJson(const QList<Question>& questions) {
    QJsonArray a;
    for (const Question& q : questions)
        a.append(q.toJson());
    return a;
}

QList<Question> questionsFromJson(const QJsonArray& array) {
    QList<Question> out;
    for (const QJsonValue& v : array)
        out.append(Question::fromJson(v.toObject()));
    return out;
}

} // namespace mlops
