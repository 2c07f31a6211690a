#pragma once

#include <QLoggingCategory>

namespace mlops {

// The engine's log (docs/errors.md): a failure the engine handles by carrying on (a heartbeat write that did not
// land, a deadline scan that could not read the database) is logged here with what happens next, so that
// nothing fails silently. Filter with QT_LOGGING_RULES="mlops.engine.debug=false" and the like.
Q_DECLARE_LOGGING_CATEGORY(lcEngine)

} // namespace mlops
