#pragma once

#include "storage/Database.h"

#include <QTest>

namespace mlops::test {

// Database::writeAndWait for a test's set-up and steps: a write that fails fails the running test with the
// writer's message (the result is [[nodiscard]], see docs/errors.md), so no assertion runs on rows that are not
// there.
inline void writeOrFail(Database& db, Database::WriteOp op, const char* file = __builtin_FILE(),
                        int line = __builtin_LINE()) {
    const WriteResult r = db.writeAndWait(std::move(op));
    if (!r.ok())
        QTest::qFail(qPrintable(QStringLiteral("write failed: ") + r.error()), file, line);
}

} // namespace mlops::test
