#include "storage/Database.h"

#include "storage/Schema.h"

#include <QPromise>
#include <unordered_map>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace mlops {

class Database::Writer {
public:
    explicit Writer(SqliteConnection connection)
        : m_connection(std::move(connection))
        , m_thread([this] { loop(); }) {}

    ~Writer() {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }

    QFuture<WriteResult> submit(WriteOp op) {
        Item item{std::move(op), std::make_shared<QPromise<WriteResult>>()};
        QFuture<WriteResult> future = item.promise->future();
        item.promise->start();
        {
            std::lock_guard lock(m_mutex);
            m_queue.push_back(std::move(item));
        }
        m_wake.notify_one();
        return future;
    }

    qint64 committed() const { return m_committed.load(); }

private:
    struct Item {
        WriteOp op;
        std::shared_ptr<QPromise<WriteResult>> promise;
    };

    void loop() {
        for (;;) {
            std::deque<Item> batch;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
                if (m_queue.empty() && m_stopping)
                    return;
                batch.swap(m_queue);
            }
            runBatch(batch);
        }
    }

    void runBatch(std::deque<Item>& batch) {
        std::vector<WriteResult> results(batch.size());
        try {
            Transaction tx(m_connection);
            for (size_t i = 0; i < batch.size(); ++i) {
                m_connection.exec("SAVEPOINT op");
                try {
                    batch[i].op(m_connection);
                    m_connection.exec("RELEASE op");
                } catch (const std::exception& e) {
                    m_connection.exec("ROLLBACK TO op");
                    m_connection.exec("RELEASE op");
                    results[i] = fail(QString::fromUtf8(e.what()));
                }
            }
            tx.commit();
            ++m_committed;
        } catch (const std::exception& e) {
            for (WriteResult& r : results)
                r = fail(QStringLiteral("transaction failed: ") + QString::fromUtf8(e.what()));
        }
        for (size_t i = 0; i < batch.size(); ++i) {
            batch[i].promise->addResult(results[i]);
            batch[i].promise->finish();
        }
    }

    SqliteConnection m_connection;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Item> m_queue;
    bool m_stopping = false;
    std::atomic<qint64> m_committed{0};
    std::thread m_thread; // last: started after every other member exists
};

namespace {
// Reader connections per thread, keyed by a never-reused database instance number.
thread_local std::unordered_map<quint64, std::unique_ptr<SqliteConnection>> t_readers;
std::atomic<quint64> g_nextInstance{1};
} // namespace

Database::Database(const QString& path)
    : m_path(path)
    , m_instance(g_nextInstance++) {
    SqliteConnection connection = SqliteConnection::open(path);
    Schema::migrate(connection);
    m_writer = std::make_unique<Writer>(std::move(connection));
}

Result<std::unique_ptr<Database>> Database::open(const QString& path) {
    // SQLite and the migrations report by SqliteError; this is where it becomes a Result (docs/errors.md).
    try {
        return std::make_unique<Database>(path);
    } catch (const std::exception& e) {
        return fail(QStringLiteral("%1: %2").arg(path, QString::fromUtf8(e.what())));
    }
}

Database::~Database() {
    t_readers.erase(m_instance); // other threads close theirs when they end
}

QString Database::path() const {
    return m_path;
}

QFuture<WriteResult> Database::write(WriteOp op) {
    return m_writer->submit(std::move(op));
}

WriteResult Database::writeAndWait(WriteOp op) {
    QFuture<WriteResult> f = write(std::move(op));
    f.waitForFinished();
    return f.result();
}

SqliteConnection& Database::reader() {
    auto& slot = t_readers[m_instance];
    if (!slot)
        slot = std::make_unique<SqliteConnection>(SqliteConnection::open(m_path));
    return *slot;
}

qint64 Database::committedTransactions() const {
    return m_writer->committed();
}

} // namespace mlops
