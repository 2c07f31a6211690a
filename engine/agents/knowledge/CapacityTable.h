#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace mlops {

// The sourced serving-capacity table (resources/knowledge/capacity.yaml, described in docs/capacity.md): one entry
// per published measurement of a model family on a piece of hardware. The planner's sizer picks the entry for the
// plan's model family and the serving instance's hardware and derives replicas from its per-unit rate.
class CapacityTable {
public:
    explicit CapacityTable(QJsonArray entries = {});

    // Errors of a capacity file ("<file>:<line>: entry <id>: <reason>"): every entry needs an id, family, hardware,
    // regime, a positive figure with a known unit, a positive per_unit, a source and an ISO date; an assumption needs
    // `why`, a per_unit that differs from the published figure needs `derivation`. Empty when the file is valid.
    static QStringList validate(const QJsonObject& file, const QString& fileName);
    static QStringList units();

    // The sizing entry for `family` on `hardware` (T4, L4, A10G, A100, vcpu): a published server-scenario figure
    // first, then any published figure, then an assumption; empty when there is none. Entries with `sizing: false`
    // are reference only and never chosen.
    QJsonObject select(const QString& family, const QString& hardware) const;
    // The family's sizing entry with the lowest rate per accelerator (not vcpu), in requests/s: the conservative
    // choice when the serving hardware has no entry of its own. Empty when the family has no accelerator entry.
    QJsonObject slowestAccelerator(const QString& family, double tokensPerRequest) const;
    bool hasFamily(const QString& family) const;
    const QJsonArray& entries() const { return m_entries; }

    // Requests/s of `units` accelerators (or vCPUs) according to `entry`; tokens/s entries are divided by
    // `tokensPerRequest`. 0 when the entry needs more accelerators together than `units` (min_accelerators).
    static double requestsPerSecond(const QJsonObject& entry, double units, double tokensPerRequest);
    // One line for a reason card: "<id>: <figure> <unit> (<regime>), <source>, <date>".
    static QString describe(const QJsonObject& entry);

private:
    QJsonArray m_entries;
};

} // namespace mlops
