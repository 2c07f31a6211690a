#include "validate/HclDocument.h"

#include <QJsonArray>

namespace mlops {

const HclAttribute* HclParsedBlock::attribute(const QString& name) const {
    for (const HclAttribute& a : attributes) {
        if (a.name == name)
            return &a;
    }
    return nullptr;
}

QJsonObject HclParsedBlock::toJson() const {
    QJsonObject o;
    for (const HclAttribute& a : attributes)
        o.insert(a.name, a.value);
    QHash<QString, int> counts;
    for (const HclParsedBlock& b : blocks)
        ++counts[b.type];
    for (const HclParsedBlock& b : blocks) {
        if (counts.value(b.type) == 1) {
            o.insert(b.type, b.toJson());
        } else {
            QJsonArray list = o.value(b.type).toArray();
            list.append(b.toJson());
            o.insert(b.type, list);
        }
    }
    return o;
}

QList<HclReference> HclParsedBlock::allReferences() const {
    QList<HclReference> out;
    for (const HclAttribute& a : attributes)
        out += a.references;
    for (const HclParsedBlock& b : blocks)
        out += b.allReferences();
    return out;
}

} // namespace mlops
