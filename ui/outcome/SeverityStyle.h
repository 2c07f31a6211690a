#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace mlops {

// How a finding's severity looks in the outcome views: its order, colour, icon and translated name. Severity
// names are the engine's (blocking/critical/high/medium/low/info for critics and policies, error/warning/info for
// validators).
class SeverityStyle {
    Q_DECLARE_TR_FUNCTIONS(SeverityStyle)
public:
    static int rank(const QString& severity); // 0 = most severe
    static QColor colour(const QString& severity);
    static QIcon icon(const QString& severity);
    static QIcon passedIcon();
    static QString text(const QString& severity);
};

} // namespace mlops
