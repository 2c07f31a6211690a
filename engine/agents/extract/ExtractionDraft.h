#pragma once

#include "agents/QuantityGrammar.h"
#include "agents/QuantityParser.h"
#include "agents/TextIndex.h"
#include "agents/knowledge/KnowledgeBase.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <functional>

namespace mlops::extract {

// The extraction in progress: every value with its confidence, evidence, note and provenance (stated, derived,
// default, assumed; answers are applied later by IntakeExtractor::applyAnswers). See docs/extraction.md.
struct Draft {
    QJsonObject values;
    QJsonObject confidence;
    QJsonObject evidence;
    QJsonObject assumptions;
    QJsonObject provenance;  // field -> stated|answered|derived|default|assumed
    QJsonObject derivations; // field -> {from: [fields], rule: "..."}
    QStringList ambiguous;
    QJsonArray conflicts;
    QStringList ownedTools;    // tools the text says the team already runs (meta owned_tools)
    QStringList ownedHardware; // accelerators the team owns, as named (meta owned_hardware)
    QStringList controls;      // requirements that become design controls (meta controls)

    // A value read from the text, with the quoted span it came from.
    void set(const QString& field, const QJsonValue& value, double conf, const QString& quote,
             const QString& note = {});
    // A value computed from other fields by a named rule.
    void derive(const QString& field, const QJsonValue& value, double conf, const QStringList& from,
                const QString& rule, const QString& quote = {});
    // A value the text does not give: `kind` is "default" (a fixed default) or "assumed" (a judgement).
    void assume(const QString& field, const QJsonValue& value, double conf, const QString& note,
                const QString& kind = QStringLiteral("default"));
    void ambiguity(const QString& field);
    void conflict(const QStringList& fields, const QString& message);
    bool has(const QString& field) const { return values.contains(field); }
};

struct GroupHit {
    QString key;
    QString term;
    TextIndex::Hit hit;
};

// Everything a field extractor reads: the text, its word index, the lexicon and the quantity grammars.
struct Context {
    const QString& prompt;
    const TextIndex& index;
    const QJsonObject& lexicon;
    const QSet<QString>& negators;
    const QList<QuantityGrammar>& grammars;
    const QuantityParser& numbers;
    const KnowledgeBase& kb;
    Draft& draft;
};

QString s(const char* text);
QStringList strings(const QJsonValue& v);
// First non-negated occurrence per group key, in text order (keys in `order`, or all keys).
QList<GroupHit> matchGroups(const TextIndex& index, const QJsonObject& groups, const QStringList& order = {});
// Like matchGroups, but a negator counts only right before the term: "data may not leave Germany (GDPR ...)"
// negates "leave", not GDPR.
QList<GroupHit> matchGroupsStrictNegation(const TextIndex& index, const QJsonObject& groups,
                                          const QSet<QString>& negators, const QStringList& order);
// Like matchGroups over the groups in `order`, but a hit counts only when `accept` takes it (per term, the first of
// its first 8 hits that does).
QList<GroupHit> matchGroupsWhere(const TextIndex& index, const QJsonObject& groups, const QStringList& order,
                                 const std::function<bool(const TextIndex::Hit&)>& accept);
QJsonArray keysOf(const QList<GroupHit>& hits);
// The clauses of up to three hits, joined with " … ".
QString quotes(const TextIndex& index, const QList<GroupHit>& hits);

} // namespace mlops::extract
