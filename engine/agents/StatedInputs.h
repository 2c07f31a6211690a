#pragma once

#include "agents/knowledge/KnowledgeBase.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <functional>
#include <utility>

namespace mlops {

// What the user already has and requires, put into a planned design as the components and controls they are
// (docs/planning.md). `components` and `roles` are the plan's components so far and their roles, in order; each
// function appends one line per decision to `decisions`, naming the input that drove it.

// A plan component for `role` served by the catalogue's `service` (entry `componentKey`), without its rationale.
QJsonObject catalogueComponent(const QString& role, const QString& componentKey, const QJsonObject& service,
                               const QJsonObject& size, const QJsonObject& config);

// Platforms the team already runs (a warehouse, a tracker, a stream) become components of their own. Returns the
// data feeds they add: (the existing platform's role, the role it feeds).
QList<std::pair<QString, QString>> addExistingPlatforms(const KnowledgeBase& kb, const QJsonObject& constraints,
                                                        const QString& cloud,
                                                        const std::function<QJsonObject(const QString&)>& configFor,
                                                        QJsonArray& components, QStringList& roles,
                                                        QStringList& decisions);

// Stated requirements (explainability, audit trail, lineage, ...) become controls on the components that carry
// them. Returns the plan's `controls` object.
QJsonObject addStatedControls(const QJsonObject& constraints, QJsonArray& components, const QStringList& roles,
                              QStringList& decisions);

// Accelerators the team owns are the training hardware, as stated: not rented, never spot.
void useOwnedHardware(const QJsonObject& constraints, QJsonArray& components, const QStringList& roles,
                      QStringList& decisions);

} // namespace mlops
