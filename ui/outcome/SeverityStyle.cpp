#include "SeverityStyle.h"

#include <QPainter>
#include <QPixmap>

namespace mlops {

namespace {

QIcon dot(const QColor& colour) {
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(colour.darker(140));
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(5, 5, 22, 22));
    return QIcon(pixmap);
}

} // namespace

int SeverityStyle::rank(const QString& s) {
    if (s == QLatin1String("blocking"))
        return 0;
    if (s == QLatin1String("critical") || s == QLatin1String("error"))
        return 1;
    if (s == QLatin1String("high"))
        return 2;
    if (s == QLatin1String("medium") || s == QLatin1String("warning"))
        return 3;
    if (s == QLatin1String("low"))
        return 4;
    return 5;
}

QColor SeverityStyle::colour(const QString& s) {
    switch (rank(s)) {
    case 0:
    case 1:
        return QColor(0xd9, 0x30, 0x25);
    case 2:
        return QColor(0xe8, 0x71, 0x0a);
    case 3:
        return QColor(0xf2, 0xb7, 0x05);
    case 4:
        return QColor(0x4a, 0x90, 0xd9);
    default:
        return QColor(0x9a, 0xa0, 0xa6);
    }
}

QIcon SeverityStyle::icon(const QString& s) {
    return dot(colour(s));
}

QIcon SeverityStyle::passedIcon() {
    return dot(QColor(0x1e, 0x8e, 0x3e));
}

QString SeverityStyle::text(const QString& s) {
    if (s == QLatin1String("blocking"))
        return tr("blocking");
    if (s == QLatin1String("critical"))
        return tr("critical");
    if (s == QLatin1String("high"))
        return tr("high");
    if (s == QLatin1String("medium"))
        return tr("medium");
    if (s == QLatin1String("low"))
        return tr("low");
    if (s == QLatin1String("info"))
        return tr("info");
    if (s == QLatin1String("error"))
        return tr("error");
    if (s == QLatin1String("warning"))
        return tr("warning");
    return s;
}

} // namespace mlops
