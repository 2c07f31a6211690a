#include "codegen/TemplateLibrary.h"

#include <QFile>
#include <QRegularExpression>

namespace mlops {

QString TemplateLibrary::render(const QString& name, const QMap<QString, QString>& values, QString* error) {
    QFile file(QStringLiteral(":/templates/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("template %1 is missing").arg(name);
        return {};
    }
    const QString text = QString::fromUtf8(file.readAll());
    static const QRegularExpression placeholder(QStringLiteral("\\{\\{([a-z_]+)\\}\\}"));
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString key = m.captured(1);
        if (!values.contains(key)) {
            if (error)
                *error = QStringLiteral("template %1: no value for {{%2}}").arg(name, key);
            return {};
        }
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += values.value(key);
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

} // namespace mlops
