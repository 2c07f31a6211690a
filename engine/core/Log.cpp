#include "core/Log.h"

namespace mlops {

Q_LOGGING_CATEGORY(lcEngine, "mlops.engine", QtInfoMsg)

} // namespace mlops
