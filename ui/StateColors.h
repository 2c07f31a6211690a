#pragma once

#include <QColor>
#include <QString>

namespace mlops::ui {

// The few colours the UI does not take from the palette: run and node states. Mid-saturation tones chosen to
// stay readable as borders, bars and dots on both light and dark window backgrounds; text never uses them.
namespace StateColors {
inline QColor pending() {
    return QColor(0x8a, 0x8f, 0x98);
}
inline QColor running() {
    return QColor(0x2f, 0x80, 0xed);
}
inline QColor done() {
    return QColor(0x2e, 0xa0, 0x4f);
}
inline QColor failed() {
    return QColor(0xe0, 0x3e, 0x3e);
}
inline QColor waiting() {
    return QColor(0xf0, 0x8c, 0x00);
}

// Decision-set status (docs/storage.md) to a state colour.
inline QColor forStatus(const QString& status) {
    if (status == QLatin1String("completed"))
        return done();
    if (status == QLatin1String("failed") || status == QLatin1String("cancelled"))
        return failed();
    if (status == QLatin1String("hitl_pending"))
        return waiting();
    if (status == QLatin1String("created"))
        return pending();
    return running();
}
} // namespace StateColors

} // namespace mlops::ui
