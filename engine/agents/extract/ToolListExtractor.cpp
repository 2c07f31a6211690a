// frameworks, existing_tools and data_sources: flat term lists with aliases ("torch" is pytorch).
#include "agents/extract/FieldExtractors.h"

#include <QRegularExpression>

namespace mlops::extract {

namespace {

void flatList(Context& c, const QString& listKey, const QString& aliasKey, const QString& field, double conf) {
    const QJsonObject aliases = c.lexicon.value(aliasKey).toObject();
    QJsonArray values;
    QList<GroupHit> hits;
    for (const QString& term : strings(c.lexicon.value(listKey))) {
        const TextIndex::Hit h = c.index.first(term);
        if (h.token < 0)
            continue;
        const QString value = aliases.value(term).toString(term);
        if (!values.contains(value)) {
            values.append(value);
            hits.append({value, term, h});
        }
    }
    if (!values.isEmpty())
        c.draft.set(field, values, conf, quotes(c.index, hits));
}

// Tools named in a clause saying the team runs them ("we already track experiments in MLflow").
void ownedTools(Context& c) {
    const QRegularExpression owned(c.lexicon.value(s("owned_context")).toString(s("(?!)")),
                                   QRegularExpression::CaseInsensitiveOption);
    const QJsonObject aliases = c.lexicon.value(s("tool_aliases")).toObject();
    for (const QString& term : strings(c.lexicon.value(s("tools")))) {
        for (const TextIndex::Hit& h : c.index.find(term, 4)) {
            const QString value = aliases.value(term).toString(term);
            if (!h.negated && owned.match(c.index.clause(h)).hasMatch() && !c.draft.ownedTools.contains(value)) {
                c.draft.ownedTools.append(value);
                break;
            }
        }
    }
}

} // namespace

void extractToolLists(Context& c) {
    flatList(c, s("frameworks"), s("framework_aliases"), s("frameworks"), 0.95);
    flatList(c, s("tools"), s("tool_aliases"), s("existing_tools"), 0.85);
    flatList(c, s("data_sources"), s("tool_aliases"), s("data_sources"), 0.8);
    ownedTools(c);
}

} // namespace mlops::extract
