#include "agents/knowledge/Condition.h"

#include <QJsonArray>
#include <QStringList>

namespace mlops::Condition {

namespace {

const QStringList kOps = {
    QStringLiteral("equals"),       QStringLiteral("not_equals"),   QStringLiteral("in"),
    QStringLiteral("not_in"),       QStringLiteral("contains"),     QStringLiteral("contains_any"),
    QStringLiteral("contains_all"), QStringLiteral("not_contains"), QStringLiteral("gte"),
    QStringLiteral("gt"),           QStringLiteral("lte"),          QStringLiteral("lt"),
    QStringLiteral("exists"),       QStringLiteral("empty"),
};

bool same(const QJsonValue& a, const QJsonValue& b) {
    if (a.isDouble() && b.isDouble())
        return qFuzzyCompare(a.toDouble() + 1.0, b.toDouble() + 1.0);
    if (a.isString() && b.isString())
        return a.toString().compare(b.toString(), Qt::CaseInsensitive) == 0;
    return a == b;
}

bool arrayHas(const QJsonArray& array, const QJsonValue& v) {
    for (const QJsonValue& item : array) {
        if (same(item, v))
            return true;
    }
    return false;
}

bool contains(const QJsonValue& actual, const QJsonValue& v) {
    if (actual.isArray())
        return arrayHas(actual.toArray(), v);
    if (actual.isString())
        return actual.toString().contains(v.toString(), Qt::CaseInsensitive);
    return false;
}

bool isEmptyValue(const QJsonValue& v) {
    return v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty()) ||
           (v.isArray() && v.toArray().isEmpty()) || (v.isObject() && v.toObject().isEmpty());
}

bool compare(const QString& op, const QJsonValue& actual, const QJsonValue& expected) {
    const bool missing = actual.isNull() || actual.isUndefined();
    if (op == QLatin1String("exists"))
        return expected.toBool(true) ? !missing : missing;
    if (op == QLatin1String("empty"))
        return expected.toBool(true) == isEmptyValue(actual);
    if (op == QLatin1String("not_equals"))
        return !same(actual, expected);
    if (op == QLatin1String("not_in"))
        return !arrayHas(expected.toArray(), actual);
    if (op == QLatin1String("not_contains"))
        return !contains(actual, expected);
    if (missing)
        return false;
    if (op == QLatin1String("equals"))
        return same(actual, expected);
    if (op == QLatin1String("in"))
        return arrayHas(expected.toArray(), actual);
    if (op == QLatin1String("contains"))
        return contains(actual, expected);
    if (op == QLatin1String("contains_any")) {
        for (const QJsonValue& v : expected.toArray()) {
            if (contains(actual, v))
                return true;
        }
        return false;
    }
    if (op == QLatin1String("contains_all")) {
        for (const QJsonValue& v : expected.toArray()) {
            if (!contains(actual, v))
                return false;
        }
        return true;
    }
    if (!actual.isDouble() || !expected.isDouble())
        return false;
    const double a = actual.toDouble();
    const double e = expected.toDouble();
    if (op == QLatin1String("gte"))
        return a >= e;
    if (op == QLatin1String("gt"))
        return a > e;
    if (op == QLatin1String("lte"))
        return a <= e;
    if (op == QLatin1String("lt"))
        return a < e;
    return false;
}

QString render(const QJsonValue& v) {
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue& item : v.toArray())
            parts.append(render(item));
        return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("null");
    return v.toString();
}

} // namespace

QJsonValue resolve(const QJsonObject& context, const QString& path) {
    QJsonValue current = context;
    for (const QStringView part : QStringView(path).split(QLatin1Char('.'))) {
        if (!current.isObject())
            return QJsonValue::Undefined;
        current = current.toObject().value(part.toString());
    }
    return current;
}

bool evaluate(const QJsonValue& condition, const QJsonObject& context) {
    if (condition.isString())
        return condition.toString() == QLatin1String("always");
    if (condition.isBool())
        return condition.toBool();
    const QJsonObject c = condition.toObject();
    if (c.contains(QStringLiteral("all"))) {
        for (const QJsonValue& sub : c.value(QStringLiteral("all")).toArray()) {
            if (!evaluate(sub, context))
                return false;
        }
        return true;
    }
    if (c.contains(QStringLiteral("any"))) {
        for (const QJsonValue& sub : c.value(QStringLiteral("any")).toArray()) {
            if (evaluate(sub, context))
                return true;
        }
        return false;
    }
    if (c.contains(QStringLiteral("not")))
        return !evaluate(c.value(QStringLiteral("not")), context);
    const QJsonValue actual = resolve(context, c.value(QStringLiteral("field")).toString());
    for (const QString& op : kOps) {
        if (c.contains(op))
            return compare(op, actual, c.value(op));
    }
    return false;
}

QString validate(const QJsonValue& condition) {
    if (condition.isString())
        return condition.toString() == QLatin1String("always")
                   ? QString()
                   : QStringLiteral("unknown condition '%1' (expected a mapping or 'always')")
                         .arg(condition.toString());
    if (!condition.isObject())
        return QStringLiteral("a condition must be a mapping");
    const QJsonObject c = condition.toObject();
    for (const char* group : {"all", "any"}) {
        const QString key = QString::fromLatin1(group);
        if (c.contains(key)) {
            if (!c.value(key).isArray())
                return QStringLiteral("'%1' needs a list of conditions").arg(key);
            for (const QJsonValue& sub : c.value(key).toArray()) {
                const QString error = validate(sub);
                if (!error.isEmpty())
                    return error;
            }
            return {};
        }
    }
    if (c.contains(QStringLiteral("not")))
        return validate(c.value(QStringLiteral("not")));
    if (!c.value(QStringLiteral("field")).isString())
        return QStringLiteral("condition without 'field' (or all/any/not)");
    for (const QString& op : kOps) {
        if (c.contains(op))
            return {};
    }
    return QStringLiteral("condition on '%1' has no operator (one of %2)")
        .arg(c.value(QStringLiteral("field")).toString(), kOps.join(QStringLiteral(", ")));
}

QString describe(const QJsonValue& condition) {
    if (condition.isString())
        return condition.toString();
    const QJsonObject c = condition.toObject();
    for (const char* group : {"all", "any"}) {
        const QString key = QString::fromLatin1(group);
        if (c.contains(key)) {
            QStringList parts;
            for (const QJsonValue& sub : c.value(key).toArray())
                parts.append(describe(sub));
            return QLatin1Char('(') +
                   parts.join(key == QLatin1String("all") ? QStringLiteral(" and ") : QStringLiteral(" or ")) +
                   QLatin1Char(')');
        }
    }
    if (c.contains(QStringLiteral("not")))
        return QStringLiteral("not ") + describe(c.value(QStringLiteral("not")));
    static const QHash<QString, QString> symbols = {
        {QStringLiteral("equals"), QStringLiteral("=")}, {QStringLiteral("not_equals"), QStringLiteral("!=")},
        {QStringLiteral("gte"), QStringLiteral(">=")},   {QStringLiteral("gt"), QStringLiteral(">")},
        {QStringLiteral("lte"), QStringLiteral("<=")},   {QStringLiteral("lt"), QStringLiteral("<")},
    };
    const QString field = c.value(QStringLiteral("field")).toString();
    for (const QString& op : kOps) {
        if (c.contains(op))
            return field + QLatin1Char(' ') + symbols.value(op, op) + QLatin1Char(' ') + render(c.value(op));
    }
    return field;
}

} // namespace mlops::Condition
