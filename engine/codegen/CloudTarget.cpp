#include "codegen/CloudTarget.h"

namespace mlops {

std::optional<CloudTarget> cloudTargetFromId(const QString& id) {
    for (CloudTarget t : {CloudTarget::Aws, CloudTarget::Gcp, CloudTarget::Azure, CloudTarget::OnPrem}) {
        if (cloudTargetId(t) == id)
            return t;
    }
    return std::nullopt;
}

QString cloudTargetId(CloudTarget target) {
    switch (target) {
    case CloudTarget::Aws:
        return QStringLiteral("aws");
    case CloudTarget::Gcp:
        return QStringLiteral("gcp");
    case CloudTarget::Azure:
        return QStringLiteral("azure");
    case CloudTarget::OnPrem:
        return QStringLiteral("on_prem");
    }
    Q_UNREACHABLE();
}

} // namespace mlops
