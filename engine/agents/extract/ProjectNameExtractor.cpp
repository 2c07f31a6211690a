// project_name: "called Falcon", "project Atlas", else the default name.
#include "agents/extract/FieldExtractors.h"

#include <QRegularExpression>

namespace mlops::extract {

void extractProjectName(Context& c) {
    static const QRegularExpression named(
        s("\\b(?:called|named|codename|code-named|project)\\s+[\"“']?([A-Z][A-Za-z0-9_-]{2,40})"));
    const auto m = named.match(c.prompt);
    if (!m.hasMatch()) {
        c.draft.assume(s("project_name"), s("ml-platform"), 0.3, s("no project name in the text; default name used"));
        return;
    }
    QString slug = m.captured(1).toLower();
    slug.replace(QLatin1Char('_'), QLatin1Char('-'));
    c.draft.set(s("project_name"), slug, 0.9, m.captured(0));
}

} // namespace mlops::extract
