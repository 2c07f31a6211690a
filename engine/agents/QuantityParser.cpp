#include "agents/QuantityParser.h"

#include <QRegularExpression>

#include <cmath>

namespace mlops {

namespace {

using Re = QRegularExpression;
constexpr auto kCi = QRegularExpression::CaseInsensitiveOption;
constexpr int kMaxMatches = 64; // enough to see conflicts; bounded for huge prompts

QString before(const QString& text, int start, int chars) {
    const int s = qMax(0, start - chars);
    return text.mid(s, start - s).toLower();
}

QString after(const QString& text, int end, int chars) {
    return text.mid(end, chars).toLower();
}

Quantity make(const QRegularExpressionMatch& m, double value, double confidence, QString note = {},
              bool ambiguous = false) {
    Quantity q;
    q.value = value;
    q.span = m.captured(0).trimmed();
    q.start = int(m.capturedStart(0));
    q.end = int(m.capturedEnd(0));
    q.confidence = confidence;
    q.note = std::move(note);
    q.ambiguous = ambiguous;
    return q;
}

double numberWord(const QString& word, const QJsonObject& words) {
    bool ok = false;
    const double d = word.toDouble(&ok);
    if (ok)
        return d;
    return words.value(word.toLower().trimmed()).toDouble(-1);
}

} // namespace

QuantityParser::QuantityParser(QJsonObject currencyRates)
    : m_rates(std::move(currencyRates)) {}

double QuantityParser::parseNumber(QString number, const QString& multiplier) {
    number.remove(QLatin1Char(','));
    number.remove(QLatin1Char('_'));
    bool ok = false;
    double v = number.toDouble(&ok);
    if (!ok)
        return -1;
    const QString m = multiplier.toLower();
    if (m == QLatin1String("k") || m == QLatin1String("thousand"))
        v *= 1e3;
    else if (m == QLatin1String("m") || m == QLatin1String("mm") || m == QLatin1String("million"))
        v *= 1e6;
    else if (m == QLatin1String("b") || m == QLatin1String("bn") || m == QLatin1String("billion"))
        v *= 1e9;
    else if (m == QLatin1String("lakh") || m == QLatin1String("lakhs"))
        v *= 1e5;
    else if (m == QLatin1String("crore") || m == QLatin1String("crores"))
        v *= 1e7;
    return v;
}

QList<Quantity> QuantityParser::budgets(const QString& text) const {
    thread_local const Re re(
        QStringLiteral(
            "(?<cur1>us\\$|[$€£₹]|\\b(?:usd|eur|gbp|chf|inr)\\b)\\s?(?<n1>\\d[\\d,]*(?:\\.\\d+)?)\\s*(?<m1>k|mm|m|"
            "million|"
            "thousand|bn|billion|lakhs?|crores?)?\\b"
            "|(?<n2>\\d[\\d,]*(?:\\.\\d+)?)\\s*(?<m2>k|m|million|thousand|lakhs?|crores?)?\\s*(?<cur2>usd|eur|gbp|chf|"
            "inr|rupees?|dollars?|euros?|"
            "pounds?|bucks)\\b"
            "|(?<n3>\\d[\\d,]*(?:\\.\\d+)?)\\s*(?<m3>k|m)\\b(?=\\s*(?:/|per|a|each)\\s*(?:month|mo|year|yr)\\b)"),
        kCi);
    thread_local const Re period(
        QStringLiteral("^\\s*(?:(?:/|per|a|an|each|every)\\s*)?(month|mo|year|yr|annum|week|day)\\b"
                       "|^\\s*(monthly|annually|yearly|weekly|daily)\\b"),
        kCi);
    thread_local const Re budgetWord(
        QStringLiteral("budget|spend|spending|cost|costs|afford|cap\\b|capped|limit|under|up to|"
                       "maximum|max\\b|no more than|within|at most|ceiling|around|about|roughly|less than|below"),
        kCi);
    thread_local const Re notBudget(
        QStringLiteral("revenue|loss|losses|sales|worth|salary|salaries|raised|funding|"
                       "price of|per (?:transaction|prediction|request|user|call)|transactions? (?:of|over|above)|"
                       "orders? (?:of|over|above)|\\ba fine\\b|\\bfines\\b|\\bfined\\b|penalt"),
        kCi);
    thread_local const Re annualBefore(QStringLiteral("annual|yearly|per year"), kCi);
    QList<Quantity> out;
    auto it = re.globalMatch(text);
    while (it.hasNext() && out.size() < kMaxMatches) {
        const auto m = it.next();
        QString n = m.captured(QStringLiteral("n1")), mult = m.captured(QStringLiteral("m1"));
        QString cur = m.captured(QStringLiteral("cur1"));
        if (n.isEmpty()) {
            n = m.captured(QStringLiteral("n2"));
            mult = m.captured(QStringLiteral("m2"));
            cur = m.captured(QStringLiteral("cur2"));
        }
        if (n.isEmpty()) {
            n = m.captured(QStringLiteral("n3"));
            mult = m.captured(QStringLiteral("m3"));
        }
        double value = parseNumber(n, mult);
        if (value <= 0)
            continue;
        const QString pre = before(text, int(m.capturedStart(0)), 60);
        const QString post = after(text, int(m.capturedEnd(0)), 25);
        const QString nearPre = before(text, int(m.capturedStart(0)), 30);
        if (notBudget.match(nearPre).hasMatch() || notBudget.match(post.left(20)).hasMatch())
            continue;
        const auto pm = period.match(post);
        const QString per = (pm.captured(1) + pm.captured(2)).toLower();
        const bool keyword = budgetWord.match(pre).hasMatch();
        if (!keyword && per.isEmpty())
            continue;
        QStringList notes;
        QString code = cur.toUpper();
        if (code == QString(QChar(0x20AC)) || code.startsWith(QLatin1String("EURO")))
            code = QStringLiteral("EUR");
        else if (code == QString(QChar(0x00A3)) || code.startsWith(QLatin1String("POUND")))
            code = QStringLiteral("GBP");
        else if (code == QString(QChar(0x20B9)) || code.startsWith(QLatin1String("RUPEE")))
            code = QStringLiteral("INR");
        else if (code.isEmpty() || code == QLatin1String("$") || code == QLatin1String("US$") ||
                 code.startsWith(QLatin1String("DOLLAR")) || code == QLatin1String("BUCKS"))
            code = code.isEmpty() ? QString() : QStringLiteral("USD");
        if (code.isEmpty()) {
            notes.append(QStringLiteral("currency not stated; read as USD"));
            code = QStringLiteral("USD");
        }
        if (code != QLatin1String("USD")) {
            const double rate = m_rates.value(QStringLiteral("rates")).toObject().value(code).toDouble(0);
            if (rate <= 0)
                continue;
            value *= rate;
            notes.append(QStringLiteral("%1 converted at the fixed rate %2 USD (%3, %4)")
                             .arg(code)
                             .arg(rate)
                             .arg(m_rates.value(QStringLiteral("source")).toString(),
                                  m_rates.value(QStringLiteral("date")).toString()));
        }
        double confidence = keyword && !per.isEmpty() ? 0.95 : keyword ? 0.85 : 0.8;
        if (per.startsWith(QLatin1String("y")) || per.startsWith(QLatin1String("annu")) ||
            (per.isEmpty() && annualBefore.match(before(text, int(m.capturedStart(0)), 25)).hasMatch())) {
            value /= 12.0;
            notes.append(QStringLiteral("yearly amount divided by 12"));
        } else if (per.startsWith(QLatin1String("week"))) {
            value *= 52.0 / 12.0;
            notes.append(QStringLiteral("weekly amount x 52/12"));
        } else if (per.startsWith(QLatin1String("da"))) {
            value *= 30.0;
            notes.append(QStringLiteral("daily amount x 30"));
        } else if (per.isEmpty()) {
            notes.append(QStringLiteral("no period stated; read as monthly"));
        }
        if (!m.captured(QStringLiteral("n3")).isEmpty())
            confidence = qMin(confidence, 0.8);
        Quantity q = make(m, std::round(value * 100.0) / 100.0, confidence, notes.join(QStringLiteral("; ")));
        if (pm.hasMatch()) {
            q.end += int(pm.capturedEnd(0));
            q.span = text.mid(q.start, q.end - q.start).trimmed();
        }
        out.append(q);
    }
    return out;
}

QList<Quantity> QuantityParser::availabilities(const QString& text, const QJsonObject& nines) const {
    // "99.99 %", "99.99 percent", "99.99 uptime"
    thread_local const Re re(
        QStringLiteral("(?<n>\\d{2}(?:\\.\\d+)?)\\s*(?:%|percent\\b|(?=(?:uptime|up-time|availability)\\b))"), kCi);
    // a target for staying up: availability words, or what happens when it is not met (down, an outage, failover)
    thread_local const Re context(QStringLiteral("uptime|up-time|availab|sla\\b|slo\\b|up time|\\bdown\\b|downtime|"
                                                 "outage|failover|fail over|active-active|nines"),
                                  kCi);
    QList<Quantity> out;
    auto it = re.globalMatch(text);
    while (it.hasNext() && out.size() < kMaxMatches) {
        const auto m = it.next();
        const double v = m.captured(QStringLiteral("n")).toDouble();
        if (v < 90 || v >= 100)
            continue;
        if (!context
                 .match(before(text, int(m.capturedStart(0)), 70) + QLatin1Char(' ') +
                        after(text, int(m.capturedEnd(0)), 30))
                 .hasMatch())
            continue;
        out.append(make(m, v, 0.95));
    }
    const QString lower = text.toLower();
    for (auto n = nines.begin(); n != nines.end(); ++n) {
        const int pos = int(lower.indexOf(n.key()));
        if (pos < 0)
            continue;
        // "three nines" must not match inside "three and a half nines"
        if (n.key() == QLatin1String("three nines") && lower.indexOf(QLatin1String("three and a half nines")) >= 0)
            continue;
        Quantity q;
        q.value = n.value().toDouble();
        q.start = pos;
        q.end = pos + int(n.key().size());
        q.span = text.mid(q.start, q.end - q.start);
        q.confidence = 0.9;
        q.note = QStringLiteral("'%1' = %2 %").arg(n.key()).arg(q.value);
        out.append(q);
    }
    return out;
}

QList<Quantity> QuantityParser::dataVolumes(const QString& text) const {
    thread_local const Re re(QStringLiteral("(?<n>\\d[\\d,]*(?:\\.\\d+)?)\\s*(?<u>kb|mb|gb|tb|pb|gib|tib|pib|megabytes?"
                                            "|gigabytes?|terabytes?|petabytes?)\\b"),
                             kCi);
    thread_local const Re memory(
        QStringLiteral("\\b(?:ram|memory|vram|of ram|gpu|per request|payload|model size|per image|per file|limit)"),
        kCi);
    QList<Quantity> out;
    auto it = re.globalMatch(text);
    while (it.hasNext() && out.size() < kMaxMatches) {
        const auto m = it.next();
        if (memory.match(after(text, int(m.capturedEnd(0)), 14)).hasMatch() ||
            memory.match(before(text, int(m.capturedStart(0)), 16)).hasMatch())
            continue;
        double v = parseNumber(m.captured(QStringLiteral("n")), {});
        const QString u = m.captured(QStringLiteral("u")).toLower();
        if (u.startsWith(QLatin1Char('k')))
            v /= 1e6;
        else if (u.startsWith(QLatin1Char('m')))
            v /= 1e3;
        else if (u.startsWith(QLatin1Char('t')))
            v *= 1e3;
        else if (u.startsWith(QLatin1Char('p')))
            v *= 1e6;
        if (v <= 0)
            continue;
        const QString post = after(text, int(m.capturedEnd(0)), 30);
        const bool perDay = post.contains(QLatin1String("per day")) || post.contains(QLatin1String("a day")) ||
                            post.contains(QLatin1String("daily"));
        out.append(make(m, v, perDay ? 0.5 : 0.85,
                        perDay ? QStringLiteral("stated per day; total history unknown") : QString(), perDay));
    }
    return out;
}

QList<Quantity> QuantityParser::teamSizes(const QString& text, const QJsonObject& numberWords) const {
    thread_local const Re teamOf(
        QStringLiteral("\\bteam of (?<n>\\d+|a couple of|a few|a dozen|[a-z]+)\\b|\\b(?<n2>\\d+|[a-z]+)[- "
                       "](?:person|people|member)[- ]team\\b"),
        kCi);
    thread_local const Re roles(
        QStringLiteral(
            "\\b(?<n>\\d+|a couple of|a "
            "few|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty)\\s+(?:[a-"
            "z]+\\s+)?(?<role>engineers?|data scientists?|scientists?|developers?|devs|analysts?|people|sres?)\\b"),
        kCi);
    QList<Quantity> out;
    auto it = teamOf.globalMatch(text);
    while (it.hasNext() && out.size() < kMaxMatches) {
        const auto m = it.next();
        const QString word = m.captured(QStringLiteral("n")).isEmpty() ? m.captured(QStringLiteral("n2"))
                                                                       : m.captured(QStringLiteral("n"));
        const double n = numberWord(word, numberWords);
        if (n > 0 && n < 10000)
            out.append(make(m, n, 0.9));
    }
    if (!out.isEmpty())
        return out;
    // "3 data scientists and 2 ML engineers": the roles add up
    auto rit = roles.globalMatch(text);
    double total = 0;
    QStringList spans;
    Quantity sum;
    while (rit.hasNext() && spans.size() < 8) {
        const auto m = rit.next();
        const double n = numberWord(m.captured(QStringLiteral("n")), numberWords);
        if (n <= 0 || n > 1000)
            continue;
        if (spans.isEmpty())
            sum = make(m, 0, 0.75);
        total += n;
        spans.append(m.captured(0).trimmed());
        sum.end = int(m.capturedEnd(0));
    }
    if (total > 0) {
        sum.value = total;
        sum.span = spans.size() == 1 ? spans.first() : text.mid(sum.start, sum.end - sum.start);
        if (spans.size() > 1)
            sum.note = QStringLiteral("sum of the roles named: %1").arg(spans.join(QStringLiteral(" + ")));
        out.append(sum);
    }
    return out;
}

} // namespace mlops
