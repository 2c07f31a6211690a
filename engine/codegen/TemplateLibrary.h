#pragma once

#include <QMap>
#include <QString>

namespace mlops {

// Text templates of the generated repository (resources/templates, compiled into the binary). Placeholders are
// {{name}} with a lower-case identifier; every placeholder must get a value, so a forgotten one fails loudly
// instead of leaking into a generated file.
class TemplateLibrary {
public:
    // The template with its placeholders filled; empty with `error` set when the template or a value is missing.
    static QString render(const QString& name, const QMap<QString, QString>& values, QString* error = nullptr);
};

} // namespace mlops
