#pragma once

#include "core/Result.h"
#include "storage/Sqlite.h"

#include <QFuture>
#include <QString>

#include <functional>
#include <memory>

namespace mlops {

// The outcome of one queued write: committed, or the reason (the operation's exception text) it was not.
using WriteResult = Result<void>;

// The project database. All writes go through one writer thread that drains a queue into batched
// WAL transactions (one savepoint per operation, so one failing operation does not undo the others).
// Reads use a connection per calling thread. Several processes may open the same file.
class Database {
public:
    using WriteOp = std::function<void(SqliteConnection&)>;

    // Opens or creates the file and migrates it; fails on a corrupted or foreign file, naming it.
    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const QString& path);
    // As open(), but throws SqliteError: for tests and tools that treat a broken file as a bug.
    explicit Database(const QString& path);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    QString path() const;

    // Queues `op`; the future finishes once its transaction is committed (or the operation failed).
    QFuture<WriteResult> write(WriteOp op);
    // Blocks the calling thread until committed. Never call from the UI thread. Engine code checks the result
    // (or says in a comment why a failure changes nothing); see docs/errors.md.
    WriteResult writeAndWait(WriteOp op);
    // Connection for reading on the calling thread.
    SqliteConnection& reader();

    // Statistics for benchmarks: transactions committed, operations applied.
    qint64 committedTransactions() const;

private:
    class Writer;
    std::unique_ptr<Writer> m_writer;
    QString m_path;
    quint64 m_instance;
};

} // namespace mlops
