#include "agents/QuantityGrammar.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>

#include <algorithm>
#include <cmath>

namespace mlops {

namespace {

using Re = QRegularExpression;
constexpr auto kCi = QRegularExpression::CaseInsensitiveOption;
// Letters and digits of any script: the boundaries work for German umlauts as well as English.
const QString kNotWordBefore = QStringLiteral("(?<![\\p{L}\\p{N}])");
const QString kNotWordAfter = QStringLiteral("(?![\\p{L}\\p{N}])");

QHash<QString, double> numbers(const QJsonValue& v) {
    QHash<QString, double> out;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key().toLower(), it.value().toDouble());
    return out;
}

QStringList words(const QJsonValue& v) {
    QStringList out;
    for (const QJsonValue& item : v.toArray())
        out.append(item.toString().toLower());
    return out;
}

// Alternation of literal terms, longest first so "hundreds of thousands of" wins over "hundreds of"; a term that
// starts or ends with a letter gets a word boundary there. Spaces in a term match any run of white space.
// `afterDigits`: a unit or magnitude may follow a digit directly ("40k", "20ms", "500rps"), so only a letter
// before it breaks the match.
QString alternation(QStringList terms, bool afterDigits = false) {
    std::sort(terms.begin(), terms.end(),
              [](const QString& a, const QString& b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
    QStringList parts;
    for (const QString& t : std::as_const(terms)) {
        if (t.isEmpty())
            continue;
        QString e = Re::escape(t);
        e.replace(QStringLiteral("\\ "), QStringLiteral("\\s+"));
        if (t.front().isLetterOrNumber())
            e.prepend(afterDigits ? QStringLiteral("(?<!\\p{L})") : kNotWordBefore);
        if (t.back().isLetterOrNumber())
            e.append(kNotWordAfter);
        parts.append(e);
    }
    return parts.isEmpty() ? QStringLiteral("(?!)") : QStringLiteral("(?:%1)").arg(parts.join(QLatin1Char('|')));
}

QString lowerWindow(const QString& text, int from, int to) {
    from = qBound(0, from, int(text.size()));
    to = qBound(from, to, int(text.size()));
    return text.mid(from, to - from).toLower();
}

bool startsWithWord(const QString& text, const QString& word) {
    if (!text.startsWith(word))
        return false;
    return text.size() == word.size() || !text.at(word.size()).isLetterOrNumber() || !word.back().isLetterOrNumber();
}

} // namespace

QuantityGrammar::QuantityGrammar(const QJsonObject& v, QString language)
    : m_language(std::move(language)) {
    m_decimal = v.value(QStringLiteral("decimal_separator")).toString(QStringLiteral("."));
    m_group = v.value(QStringLiteral("group_separator")).toString(QStringLiteral(","));
    m_numberWords = numbers(v.value(QStringLiteral("number_words")));
    m_magnitudes = numbers(v.value(QStringLiteral("magnitudes")));
    m_vague = numbers(v.value(QStringLiteral("vague")));
    m_fractions = numbers(v.value(QStringLiteral("fractions")));
    m_periods = numbers(v.value(QStringLiteral("periods")));
    m_adverbs = numbers(v.value(QStringLiteral("period_adverbs")));
    m_repetitions = numbers(v.value(QStringLiteral("repetitions")));
    m_rateUnits = numbers(v.value(QStringLiteral("rate_units")));
    m_durations = numbers(v.value(QStringLiteral("durations")));
    m_durationWords = numbers(v.value(QStringLiteral("duration_words")));
    m_percentileWords = numbers(v.value(QStringLiteral("percentile_words")));
    m_approximate = words(v.value(QStringLiteral("approximate")));
    m_upper = words(v.value(QStringLiteral("upper_bound")));
    m_lower = words(v.value(QStringLiteral("lower_bound")));
    m_rangeJoin = words(v.value(QStringLiteral("range_open_join")));
    m_notCounted = words(v.value(QStringLiteral("not_counted")));
    m_countedPerMinute = words(v.value(QStringLiteral("counted_per_minute")));
    m_countedNouns = words(v.value(QStringLiteral("counted_nouns")));
    m_vagueKeys = m_vague.keys();
    std::sort(m_vagueKeys.begin(), m_vagueKeys.end(),
              [](const QString& a, const QString& b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });

    // One number phrase: [prefix] [range opener] core [joiner core]. A core is digits (with the language's
    // separators), a vague count or a number word, followed by magnitudes and further number words.
    const QString g = Re::escape(m_group), d = Re::escape(m_decimal);
    const QString digits = QStringLiteral("\\d{1,3}(?:%1\\d{3})+(?:%2\\d+)?|\\d+(?:%2\\d+)?").arg(g, d);
    QStringList shortMags, longMags;
    for (auto it = m_magnitudes.begin(); it != m_magnitudes.end(); ++it)
        (it.key().size() <= 2 ? shortMags : longMags).append(it.key());
    const QString wordNumber = alternation(m_numberWords.keys());
    const QString magnitude =
        QStringLiteral("(?:[ \\t]?%1|[\\s-]+%2)").arg(alternation(shortMags, true), alternation(longMags));
    const QString atom = QStringLiteral("(?:%1|%2|%3)").arg(alternation(m_vagueKeys), digits, wordNumber);
    const QString core = QStringLiteral("(?:%1(?:%2|[\\s-]+%3)*)").arg(atom, magnitude, wordNumber);
    const QString prefix = alternation(m_approximate + m_upper + m_lower);
    const QString open = alternation(words(v.value(QStringLiteral("range_open"))));
    m_number = QStringLiteral("(?:%1[\\s-]*)?(?:%2\\s+%3\\s*%4\\s*%3|%3(?:\\s*%5\\s*%3)?)")
                   .arg(prefix, open, core, alternation(m_rangeJoin),
                        alternation(words(v.value(QStringLiteral("range_join")))));

    const QString period = alternation(m_periods.keys());
    const QString joiner = alternation(words(v.value(QStringLiteral("rate_joiners"))));
    const QString noun = QStringLiteral("(?<noun>(?:\\p{L}[\\p{L}\\-]*\\s+){0,3}?\\p{L}[\\p{L}\\-]*)");
    m_rate = Re(QStringLiteral("(?<num>%1)\\s*(?:%2\\s*)?%3\\s*(?:(?<pnum>%4)\\s*)?(?<per>%5)")
                    .arg(m_number, noun, joiner, core, period),
                kCi);
    m_rateUnit =
        Re(QStringLiteral("(?<num>%1)\\s*(?<unit>%2)").arg(m_number, alternation(m_rateUnits.keys(), true)), kCi);
    m_rateAdverb =
        Re(QStringLiteral("(?<num>%1)\\s*%2\\s+(?<adv>%3)").arg(m_number, noun, alternation(m_adverbs.keys())), kCi);
    m_duration =
        Re(QStringLiteral("(?<num>%1)[\\s-]*(?<unit>%2)").arg(m_number, alternation(m_durations.keys(), true)), kCi);
    QStringList durationUnitWords;
    for (const QString& u : m_durations.keys()) {
        if (u.size() > 3)
            durationUnitWords.append(u);
    }
    m_fractionDuration = Re(QStringLiteral("(?<frac>%1)\\s*(?<unit>%2)")
                                .arg(alternation(m_fractions.keys()), alternation(durationUnitWords)),
                            kCi);
    m_wordDuration = Re(alternation(m_durationWords.keys()), kCi);
    m_period = Re(QStringLiteral("(?<every>%1)\\s+(?:(?<n>%2)\\s+)?(?<unit>%3)"
                                 "|(?:(?<rep>%4)|(?<rn>%2)\\s+times)\\s+%5\\s*(?<unit2>%3)"
                                 "|(?<adv>%6)")
                      .arg(alternation(words(v.value(QStringLiteral("repetition_every")))), core, period,
                           alternation(m_repetitions.keys()), joiner, alternation(m_adverbs.keys())),
                  kCi);
    m_percentile = Re(
        QStringLiteral("%1p(?<p>\\d{2}(?:\\.\\d+)?)%2|(?<q>\\d{2}(?:\\.\\d+)?)(?:%3)?[\\s-]*%4|(?<w>%5)")
            .arg(kNotWordBefore, kNotWordAfter, words(v.value(QStringLiteral("percentile_suffixes"))).join(u'|'),
                 alternation(words(v.value(QStringLiteral("percentile_word")))), alternation(m_percentileWords.keys())),
        kCi);
    m_latencyContext = Re(alternation(words(v.value(QStringLiteral("latency_context")))), kCi);
    m_latencyExclude = Re(alternation(words(v.value(QStringLiteral("latency_exclude")))), kCi);
    m_peak = Re(alternation(words(v.value(QStringLiteral("peak_words")))), kCi);
    m_rateAnchors = TermScanner(m_periods.keys() + m_adverbs.keys() + m_rateUnits.keys());
    for (const QString& a : m_adverbs.keys())
        m_adverbEnds.append(a.section(QLatin1Char(' '), -1));
    const auto lastWords = [](const QStringList& terms) {
        QSet<QString> out;
        for (const QString& t : terms)
            out.insert(t.section(QLatin1Char(' '), -1));
        return out;
    };
    m_beforePeriod = lastWords(words(v.value(QStringLiteral("rate_joiners"))) + m_numberWords.keys() +
                               m_magnitudes.keys() + m_vagueKeys);
    for (const QString& key : m_numberWords.keys() + m_vagueKeys + m_magnitudes.keys()) {
        for (const QString& w : key.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            m_countWords.insert(w);
    }
    m_token = Re(QStringLiteral("\\d+(?:[%1%2]\\d+)*|[\\p{L}~<>]+").arg(g, d));
    for (Re* re : {&m_rate, &m_rateUnit, &m_rateAdverb, &m_duration, &m_fractionDuration, &m_wordDuration, &m_period,
                   &m_percentile, &m_latencyContext, &m_latencyExclude, &m_peak, &m_token})
        re->optimize();
}

QList<QuantityGrammar> QuantityGrammar::forLexicon(const QJsonObject& lexicon) {
    const QJsonObject blocks = lexicon.value(QStringLiteral("quantities")).toObject();
    static QMutex mutex;
    static QHash<QByteArray, QList<QuantityGrammar>> cache;
    const QByteArray key = QJsonDocument(blocks).toJson(QJsonDocument::Compact);
    QMutexLocker lock(&mutex);
    if (const auto it = cache.constFind(key); it != cache.constEnd())
        return *it;
    QList<QuantityGrammar>& out = cache[key];
    if (blocks.contains(QStringLiteral("en")))
        out.append(QuantityGrammar(blocks.value(QStringLiteral("en")).toObject(), QStringLiteral("en")));
    for (auto it = blocks.begin(); it != blocks.end(); ++it) {
        if (it.key() != QLatin1String("en"))
            out.append(QuantityGrammar(it.value().toObject(), it.key()));
    }
    return out;
}

double QuantityGrammar::digitsValue(QString digits) const {
    if (!m_group.isEmpty())
        digits.remove(m_group);
    if (m_decimal != QLatin1String("."))
        digits.replace(m_decimal, QStringLiteral("."));
    bool ok = false;
    const double v = digits.toDouble(&ok);
    return ok ? v : -1;
}

double QuantityGrammar::wordValue(const QString& word) const {
    return m_numberWords.value(word, -1);
}

Amount QuantityGrammar::parse(const QString& phrase) const {
    Amount a;
    QString rest = phrase.toLower().trimmed();
    // prefixes: approximations and bounds, any number of them ("at most about")
    bool again = true;
    while (again && !rest.isEmpty()) {
        again = false;
        for (const auto& [list, kind] :
             {std::pair{&m_approximate, 0}, std::pair{&m_upper, 1}, std::pair{&m_lower, 2}}) {
            for (const QString& w : *list) {
                if (startsWithWord(rest, w)) {
                    rest = rest.mid(w.size());
                    while (!rest.isEmpty() && (rest.front().isSpace() || rest.front() == QLatin1Char('-')))
                        rest.remove(0, 1);
                    if (kind == 0)
                        a.approximate = true;
                    else
                        a.bound = kind == 1 ? QStringLiteral("upper") : QStringLiteral("lower");
                    again = true;
                    break;
                }
            }
            if (again)
                break;
        }
    }
    // core values, tokenised; a joiner between two cores makes a range
    QList<double> cores;
    bool vague = false;
    double total = 0, current = -1;
    bool any = false, lastWasWord = false, hasMagnitude = false;
    QList<bool> coreMagnitudes;
    const auto flush = [&] {
        if (any)
            cores.append(total + qMax(current, 0.0)), coreMagnitudes.append(hasMagnitude);
        total = 0, current = -1, any = false, lastWasWord = false, hasMagnitude = false;
    };
    QStringList tokens;
    for (auto it = m_token.globalMatch(rest); it.hasNext();)
        tokens.append(it.next().captured(0));
    // joiner symbols are not tokens: find them between tokens in the text
    QList<int> tokenStarts;
    {
        int from = 0;
        for (const QString& t : tokens) {
            const int at = int(rest.indexOf(t, from));
            tokenStarts.append(at);
            from = at + int(t.size());
        }
    }
    for (int i = 0; i < tokens.size(); ++i) {
        const QString& t = tokens.at(i);
        if (i > 0 && any) {
            const int prevEnd = tokenStarts.at(i - 1) + int(tokens.at(i - 1).size());
            const QString between = rest.mid(prevEnd, tokenStarts.at(i) - prevEnd).trimmed();
            if (between == QLatin1String("-") || between == QString(QChar(0x2013)) ||
                between == QString(QChar(0x2014))) {
                // "twenty-five" is one number, "200-300" a range
                const double w = wordValue(t);
                if (!(lastWasWord && w >= 0 && w < 10 && current >= 20 && current < 100))
                    flush();
            }
        }
        // a vague phrase over several tokens
        bool matched = false;
        for (const QString& key : m_vagueKeys) {
            const QStringList parts = key.split(QLatin1Char(' '));
            if (i + parts.size() > tokens.size())
                continue;
            if (tokens.mid(i, parts.size()) == parts) {
                current = m_vague.value(key);
                vague = vague || !key.startsWith(QLatin1String("a ")) || key.contains(QLatin1String("few")) ||
                        key.contains(QLatin1String("couple"));
                any = true, lastWasWord = false;
                i += int(parts.size()) - 1;
                matched = true;
                break;
            }
        }
        if (matched)
            continue;
        if (t.front().isDigit()) {
            if (any)
                flush();
            current = digitsValue(t);
            any = current >= 0, lastWasWord = false;
            continue;
        }
        if (m_magnitudes.contains(t) && any) {
            const double m = m_magnitudes.value(t);
            hasMagnitude = true;
            if (m < 1000)
                current = qMax(current, 1.0) * m;
            else
                total += qMax(current, 1.0) * m, current = -1;
            lastWasWord = false;
            continue;
        }
        if (const double w = wordValue(t); w >= 0) {
            if (any && lastWasWord && current >= 20 && current < 100 && w < 10)
                current += w;
            else if (any && current >= 0 && !lastWasWord && total == 0 && current > 0 && w >= 0)
                flush(), current = w, any = true;
            else
                current = w, any = true;
            lastWasWord = true;
            continue;
        }
        if (m_rangeJoin.contains(t) && any) {
            flush();
            continue;
        }
        if (!any)
            continue; // an opener ("between") or a filler word before the number
        break;
    }
    flush();
    if (cores.isEmpty())
        return a;
    a.vague = vague;
    a.approximate = a.approximate || vague;
    if (cores.size() >= 2) {
        double lo = cores.at(0), hi = cores.at(1);
        // "2 to 3 million", "200-300k": the magnitude of the upper end applies to the lower one too
        if (coreMagnitudes.at(1) && !coreMagnitudes.at(0) && lo < hi) {
            for (const QString& t : tokens) {
                if (m_magnitudes.contains(t) && m_magnitudes.value(t) >= 1000 && lo * m_magnitudes.value(t) <= hi) {
                    lo *= m_magnitudes.value(t);
                    break;
                }
            }
        }
        if (hi > lo) {
            a.low = lo, a.high = hi, a.value = hi;
            return a;
        }
    }
    a.value = cores.first();
    return a;
}

Amount QuantityGrammar::parseLoose(const QString& text) const {
    static thread_local QHash<QString, Re> cache;
    auto it = cache.find(m_language + m_number);
    if (it == cache.end())
        it = cache.insert(m_language + m_number, Re(m_number, kCi));
    const auto m = it->match(text);
    return m.hasMatch() ? parse(m.captured(0)) : Amount{};
}

bool QuantityGrammar::isLatencyContext(const QString& before) const {
    return m_latencyContext.match(before).hasMatch() && !m_latencyExclude.match(before.right(20)).hasMatch();
}

bool QuantityGrammar::isLatencyExcluded(const QString& before) const {
    return m_latencyExclude.match(before.right(20)).hasMatch();
}

bool QuantityGrammar::isPeakContext(const QString& around) const {
    return m_peak.match(around).hasMatch();
}

QList<TermScanner::Span> QuantityGrammar::rateAnchors(const QString& text) const {
    QList<TermScanner::Span> out;
    for (const TermScanner::Span& a : m_rateAnchors.scan(text)) {
        // a word boundary after the anchor, and no letter right before it
        if (a.end < text.size() && text.at(a.end).isLetterOrNumber())
            continue;
        if (a.start > 0 && text.at(a.start - 1).isLetter())
            continue;
        out.append(a);
    }
    return out;
}

// The count: a digit, a number word or a word of a vague count must be in the window. Words are compared in a
// reused buffer, so the test allocates nothing per word.
bool QuantityGrammar::hasCount(const QString& text, int from, int end) const {
    for (int i = from; i < end; ++i) {
        if (text.at(i).isDigit())
            return true;
    }
    QString word;
    for (int i = from; i < end;) {
        if (!text.at(i).isLetter()) {
            ++i;
            continue;
        }
        int j = i;
        while (j < end && text.at(j).isLetter())
            ++j;
        word.resize(j - i);
        for (int k = i; k < j; ++k)
            word[k - i] = text.at(k).toLower();
        if (m_countWords.contains(word))
            return true;
        i = j;
    }
    return false;
}

// Between the end of a rate's count and its period, unit or adverb there are at most `maxWords` words (letters and
// hyphens: the noun, the joiner) separated by white space (and "/", a joiner, when `slash`): walking back over
// them must reach a digit or a word of the count, or no expression can match.
bool QuantityGrammar::countBefore(const QString& text, int from, int at, bool slash, int maxWords) const {
    const auto gap = [slash](QChar c) { return c.isSpace() || (slash && c == QLatin1Char('/')); };
    const auto wordChar = [](QChar c) { return c.isLetter() || c == QLatin1Char('-'); };
    int i = at;
    for (int words = 0;; ++words) {
        while (i > from && gap(text.at(i - 1)))
            --i;
        if (i <= from)
            return false;
        if (text.at(i - 1).isDigit())
            return true;
        if (!wordChar(text.at(i - 1)) || words == maxWords)
            return false;
        const int end = i;
        while (i > from && wordChar(text.at(i - 1)))
            --i;
        if (hasCount(text, i, end))
            return true;
    }
}

// m_rate ends "<count> [<noun>] <joiner> [<count>] <period>": the window ends with a period word, and the word
// before it (white space skipped) ends a joiner or a number phrase, or is "/" or a digit. Up to 8 words lie
// between the count and the period: a noun of up to 4, a joiner of up to 3 and the count's last word.
bool QuantityGrammar::canEndRate(const QString& text, int from, int end) const {
    for (auto it = m_periods.keyBegin(); it != m_periods.keyEnd(); ++it) {
        const int start = TermScanner::suffixStart(text, from, end, *it);
        if (start < 0 || (start > from && text.at(start - 1).isLetterOrNumber()))
            continue;
        int q = start;
        while (q > from && text.at(q - 1).isSpace())
            --q;
        if (q <= from)
            continue;
        const QChar before = text.at(q - 1);
        const bool joinerOrCount =
            before == QLatin1Char('/') || before.isDigit() ||
            (before.isLetter() && m_beforePeriod.contains(TermScanner::wordBefore(text, from, q, nullptr)));
        if (joinerOrCount && countBefore(text, from, start, true, 8))
            return true;
    }
    return false;
}

// m_rateUnit ends "<count> <unit>": the count's last word or digit is right before the unit.
bool QuantityGrammar::canEndRateUnit(const QString& text, int from, int end) const {
    for (auto it = m_rateUnits.keyBegin(); it != m_rateUnits.keyEnd(); ++it) {
        const int start = TermScanner::suffixStart(text, from, end, *it);
        if (start >= 0 && !(start > from && text.at(start - 1).isLetter()) && countBefore(text, from, start, false, 1))
            return true;
    }
    return false;
}

// m_rateAdverb ends "<count> <noun> <adverb>" ("2M predictions daily"): a noun of up to 4 words, then the count.
bool QuantityGrammar::canEndRateAdverb(const QString& text, int from, int end) const {
    for (const QString& last : m_adverbEnds) {
        const int start = TermScanner::suffixStart(text, from, end, last);
        if (start > from && text.at(start - 1).isSpace() && countBefore(text, from, start, false, 5))
            return true;
    }
    return false;
}

template <typename CanEnd, typename Fn>
void QuantityGrammar::matchAtAnchors(const QString& text, const QList<TermScanner::Span>& anchors,
                                     const QRegularExpression& re, int limit, CanEnd&& canEnd, Fn&& accept) const {
    constexpr int kWindow = 120; // a rate phrase ends at its anchor and starts well within this many characters
    int count = 0;
    int lastEnd = -1;
    for (const TermScanner::Span& a : anchors) {
        if (count >= limit)
            break;
        const int end = a.end;
        int from = qMax(lastEnd, qMax(0, end - kWindow));
        while (from > 0 && from > lastEnd && text.at(from - 1).isLetterOrNumber())
            --from; // never start inside a word or number
        if (!canEnd(from, end))
            continue;
        const QString window = text.mid(from, end - from);
        for (auto m = re.globalMatch(window); m.hasNext();) {
            const auto match = m.next();
            if (int(match.capturedEnd(0)) != window.size())
                continue;
            accept(match, from);
            ++count;
            lastEnd = end;
            break;
        }
    }
}

QList<RateMatch> QuantityGrammar::rates(const QString& text, int limit) const {
    QList<RateMatch> out;
    const auto accept = [&](const QRegularExpressionMatch& m, int offset, double period, const QString& noun) {
        const QString lastNoun = noun.section(QLatin1Char(' '), -1).toLower();
        if (!noun.isEmpty()) {
            for (const QString& w : noun.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                if (m_notCounted.contains(w) && !(period <= 60 && m_countedPerMinute.contains(w)))
                    return;
            }
        }
        const int start = offset + int(m.capturedStart(QStringLiteral("num")));
        // money per period is a budget, not a volume
        const QString pre = lowerWindow(text, start - 2, start);
        if (pre.contains(QLatin1Char('$')) || pre.contains(QChar(0x20AC)) || pre.contains(QChar(0x00A3)))
            return;
        RateMatch r;
        r.amount = parse(m.captured(QStringLiteral("num")));
        if (!r.amount.isValid() || r.amount.value <= 0 || period <= 0)
            return;
        r.start = start;
        r.end = offset + int(m.capturedEnd(0));
        r.span = text.mid(r.start, r.end - r.start).trimmed();
        r.noun = noun.toLower().trimmed();
        r.knownNoun = m_countedNouns.contains(lastNoun) || m_countedNouns.contains(r.noun);
        r.periodSeconds = period;
        out.append(r);
    };
    const QList<TermScanner::Span> anchors = rateAnchors(text);
    matchAtAnchors(
        text, anchors, m_rate, limit, [&](int from, int end) { return canEndRate(text, from, end); },
        [&](const QRegularExpressionMatch& m, int offset) {
            double period = m_periods.value(m.captured(QStringLiteral("per")).toLower());
            if (!m.captured(QStringLiteral("pnum")).isEmpty()) {
                const Amount n = parse(m.captured(QStringLiteral("pnum")));
                if (n.value > 0)
                    period *= n.value;
            }
            accept(m, offset, period, m.captured(QStringLiteral("noun")));
        });
    matchAtAnchors(
        text, anchors, m_rateUnit, limit, [&](int from, int end) { return canEndRateUnit(text, from, end); },
        [&](const QRegularExpressionMatch& m, int offset) {
            accept(m, offset, m_rateUnits.value(m.captured(QStringLiteral("unit")).toLower()), {});
        });
    matchAtAnchors(
        text, anchors, m_rateAdverb, limit, [&](int from, int end) { return canEndRateAdverb(text, from, end); },
        [&](const QRegularExpressionMatch& m, int offset) {
            accept(m, offset, m_adverbs.value(m.captured(QStringLiteral("adv")).toLower().simplified()),
                   m.captured(QStringLiteral("noun")));
        });
    std::sort(out.begin(), out.end(), [](const RateMatch& a, const RateMatch& b) { return a.start < b.start; });
    // one reading per span: a rate read twice (unit and noun form) keeps the first
    QList<RateMatch> unique;
    for (const RateMatch& r : std::as_const(out)) {
        if (unique.isEmpty() || r.start >= unique.last().end)
            unique.append(r);
    }
    return unique;
}

QList<DurationMatch> QuantityGrammar::durations(const QString& text, int limit) const {
    QList<DurationMatch> out;
    const auto add = [&](int start, int end, double ms, Amount amount) {
        DurationMatch dm;
        dm.amount = amount;
        dm.start = start, dm.end = end, dm.ms = ms;
        dm.span = text.mid(start, end - start).trimmed();
        // the percentile named nearest to the duration, in a window around it
        const int ws = qMax(0, start - 45);
        const QString window = text.mid(ws, end - ws + 30);
        int best = 1 << 30;
        for (auto it = m_percentile.globalMatch(window); it.hasNext();) {
            const auto pm = it.next();
            const int distance = std::abs(int(pm.capturedStart(0)) + ws - start);
            if (distance >= best)
                continue;
            double p = 0;
            if (!pm.captured(QStringLiteral("p")).isEmpty()) {
                const QString digits = pm.captured(QStringLiteral("p"));
                p = digits.toDouble();
                if (!digits.contains(QLatin1Char('.')) && p >= 100)
                    p = p / 10.0; // p999 -> 99.9
            } else if (!pm.captured(QStringLiteral("q")).isEmpty()) {
                p = pm.captured(QStringLiteral("q")).toDouble();
            } else {
                p = m_percentileWords.value(pm.captured(QStringLiteral("w")).toLower().simplified());
            }
            if (p > 0 && p < 100) {
                best = distance, dm.percentile = p, dm.percentileSpan = pm.captured(0);
            }
        }
        out.append(dm);
    };
    for (auto it = m_duration.globalMatch(text); it.hasNext() && out.size() < limit;) {
        const auto m = it.next();
        const Amount a = parse(m.captured(QStringLiteral("num")));
        const double unit = m_durations.value(m.captured(QStringLiteral("unit")).toLower());
        if (a.value > 0 && unit > 0)
            add(int(m.capturedStart(0)), int(m.capturedEnd(0)), a.value * unit, a);
    }
    for (auto it = m_fractionDuration.globalMatch(text); it.hasNext() && out.size() < limit;) {
        const auto m = it.next();
        Amount a;
        a.value = m_fractions.value(m.captured(QStringLiteral("frac")).toLower().simplified());
        add(int(m.capturedStart(0)), int(m.capturedEnd(0)),
            a.value * m_durations.value(m.captured(QStringLiteral("unit")).toLower()), a);
    }
    for (auto it = m_wordDuration.globalMatch(text); it.hasNext() && out.size() < limit;) {
        const auto m = it.next();
        Amount a;
        a.value = m_durationWords.value(m.captured(0).toLower().simplified());
        a.bound = m.captured(0).toLower().startsWith(QLatin1String("sub")) ? QStringLiteral("upper") : QString();
        add(int(m.capturedStart(0)), int(m.capturedEnd(0)), a.value, a);
    }
    std::sort(out.begin(), out.end(), [](const DurationMatch& a, const DurationMatch& b) { return a.start < b.start; });
    QList<DurationMatch> unique;
    for (const DurationMatch& d : std::as_const(out)) {
        if (unique.isEmpty() || d.start >= unique.last().end)
            unique.append(d);
    }
    return unique;
}

QList<PeriodMatch> QuantityGrammar::periods(const QString& text, int limit) const {
    QList<PeriodMatch> out;
    for (auto it = m_period.globalMatch(text); it.hasNext() && out.size() < limit;) {
        const auto m = it.next();
        PeriodMatch p;
        p.start = int(m.capturedStart(0)), p.end = int(m.capturedEnd(0));
        p.span = m.captured(0).trimmed();
        if (!m.captured(QStringLiteral("every")).isEmpty()) {
            const double n =
                m.captured(QStringLiteral("n")).isEmpty() ? 1 : parse(m.captured(QStringLiteral("n"))).value;
            p.periodSeconds = n * m_periods.value(m.captured(QStringLiteral("unit")).toLower());
        } else if (!m.captured(QStringLiteral("adv")).isEmpty()) {
            p.periodSeconds = m_adverbs.value(m.captured(QStringLiteral("adv")).toLower().simplified());
        } else {
            const double times = m.captured(QStringLiteral("rep")).isEmpty()
                                     ? parse(m.captured(QStringLiteral("rn"))).value
                                     : m_repetitions.value(m.captured(QStringLiteral("rep")).toLower());
            if (times > 0)
                p.periodSeconds = m_periods.value(m.captured(QStringLiteral("unit2")).toLower()) / times;
        }
        p.amount.value = p.periodSeconds;
        if (p.periodSeconds > 0)
            out.append(p);
    }
    return out;
}

QList<GrammarMatch> QuantityGrammar::numbersBefore(const QString& text, const QString& unitPattern, int limit) const {
    const Re re(QStringLiteral("(?<num>%1)\\s*(?:%2)").arg(m_number, unitPattern), kCi);
    QList<GrammarMatch> out;
    for (auto it = re.globalMatch(text); it.hasNext() && out.size() < limit;) {
        const auto m = it.next();
        GrammarMatch g;
        g.amount = parse(m.captured(QStringLiteral("num")));
        if (!g.amount.isValid())
            continue;
        g.start = int(m.capturedStart(0)), g.end = int(m.capturedEnd(0));
        g.span = m.captured(0).trimmed();
        out.append(g);
    }
    return out;
}

} // namespace mlops
