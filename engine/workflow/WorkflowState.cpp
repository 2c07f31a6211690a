#include "workflow/WorkflowState.h"

namespace mlops {

QString WorkflowState::apply(const QJsonObject& patch, const QStringList& allowed) {
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (!allowed.contains(it.key()))
            return it.key();
    }
    for (auto it = patch.begin(); it != patch.end(); ++it)
        m_parts.insert(it.key(), it.value());
    return {};
}

QJsonObject WorkflowState::publicJson() const {
    QJsonObject out;
    for (auto it = m_parts.begin(); it != m_parts.end(); ++it) {
        if (!it.key().startsWith(QLatin1Char('_')))
            out.insert(it.key(), it.value());
    }
    return out;
}

} // namespace mlops
