#include "llm/RetryPolicy.h"

#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace mlops {

qint64 RetryPolicy::parseRetryAfter(const QByteArray& header, const QDateTime& now) {
    const QByteArray h = header.trimmed();
    if (h.isEmpty())
        return -1;
    bool ok = false;
    const double seconds = h.toDouble(&ok);
    if (ok)
        return seconds < 0 ? -1 : qint64(std::ceil(seconds * 1000.0));
    // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT" (RFC 9110 §5.6.7).
    QDateTime when = QDateTime::fromString(QString::fromLatin1(h), Qt::RFC2822Date);
    if (!when.isValid()) {
        QString text = QString::fromLatin1(h);
        text.remove(QLatin1String(" GMT"));
        when = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
        when.setTimeSpec(Qt::UTC);
    }
    if (!when.isValid())
        return -1;
    return std::max<qint64>(0, now.msecsTo(when));
}

qint64 RetryPolicy::delayMs(int retry, const QByteArray& retryAfter, double jitter) const {
    const qint64 asked = parseRetryAfter(retryAfter);
    if (asked >= 0) {
        if (asked > maxRetryAfterMs)
            return -1;
        // At least what the server asked for, spread a little so that clients do not return in lockstep.
        return asked + qint64(std::min<double>(asked, 1000.0) * 0.1 * jitter);
    }
    const double exp = double(baseMs) * std::pow(2.0, std::min(retry, 20));
    const double capped = std::min(exp, double(maxMs));
    // "Equal jitter": half fixed, half random.
    return qint64(capped / 2.0 + capped / 2.0 * jitter);
}

} // namespace mlops
