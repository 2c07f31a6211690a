#include "storage/Sqlite.h"

#include <sqlite3.h>

#include <utility>

namespace mlops {

SqliteError::SqliteError(const QString& message, int code)
    : std::runtime_error(message.toStdString())
    , m_code(code) {}

SqliteConnection::~SqliteConnection() {
    if (m_db)
        sqlite3_close_v2(m_db);
}

SqliteConnection::SqliteConnection(SqliteConnection&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)) {}

SqliteConnection& SqliteConnection::operator=(SqliteConnection&& other) noexcept {
    if (this != &other) {
        if (m_db)
            sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

SqliteConnection SqliteConnection::open(const QString& path, bool readOnly) {
    SqliteConnection c;
    const int flags =
        (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &c.m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString msg = c.m_db ? QString::fromUtf8(sqlite3_errmsg(c.m_db)) : QStringLiteral("out of memory");
        throw SqliteError(QStringLiteral("cannot open database %1: %2").arg(path, msg), rc);
    }
    sqlite3_extended_result_codes(c.m_db, 1);
    sqlite3_busy_timeout(c.m_db, 10000);
    c.exec("PRAGMA foreign_keys = ON");
    if (!readOnly) {
        c.exec("PRAGMA journal_mode = WAL");
        c.exec("PRAGMA synchronous = NORMAL");
    }
    return c;
}

QString SqliteConnection::errorMessage() const {
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("database not open");
}

void SqliteConnection::raise(int rc, const char* context) const {
    throw SqliteError(QString::fromUtf8(context) + QStringLiteral(": ") + errorMessage(), rc);
}

void SqliteConnection::exec(const char* sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const QString msg = err ? QString::fromUtf8(err) : errorMessage();
        sqlite3_free(err);
        throw SqliteError(msg + QStringLiteral(" [") + QString::fromUtf8(sql).left(120) + QStringLiteral("]"), rc);
    }
}

Statement SqliteConnection::prepare(const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK)
        raise(rc, sql);
    return Statement(this, stmt);
}

qint64 SqliteConnection::lastInsertId() const {
    return sqlite3_last_insert_rowid(m_db);
}

int SqliteConnection::changes() const {
    return sqlite3_changes(m_db);
}

Statement::Statement(SqliteConnection* connection, sqlite3_stmt* stmt)
    : m_connection(connection)
    , m_stmt(stmt) {}

Statement::~Statement() {
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_connection(other.m_connection)
    , m_stmt(std::exchange(other.m_stmt, nullptr)) {}

Statement& Statement::bind(int index, const QString& value) {
    return bind(index, value.toUtf8());
}

Statement& Statement::bind(int index, const QByteArray& utf8) {
    const int rc = sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        m_connection->raise(rc, "bind text");
    return *this;
}

Statement& Statement::bind(int index, qint64 value) {
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK)
        m_connection->raise(rc, "bind int");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    const int rc = sqlite3_bind_double(m_stmt, index, value);
    if (rc != SQLITE_OK)
        m_connection->raise(rc, "bind double");
    return *this;
}

Statement& Statement::bindNull(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    m_connection->raise(rc, sqlite3_sql(m_stmt));
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

QString Statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column)) : QString();
}

QByteArray Statement::blob(int column) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return p ? QByteArray(p, sqlite3_column_bytes(m_stmt, column)) : QByteArray();
}

qint64 Statement::int64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const {
    return sqlite3_column_double(m_stmt, column);
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

Transaction::Transaction(SqliteConnection& connection, bool immediate)
    : m_connection(connection) {
    m_connection.exec(immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
    if (!m_done) {
        try {
            m_connection.exec("ROLLBACK");
        } catch (const SqliteError&) {
            // A destructor must not throw. A failed ROLLBACK means SQLite already ended the transaction
            // (it rolls back by itself on the errors that make ROLLBACK fail), so nothing is left half-written.
        }
    }
}

void Transaction::commit() {
    m_connection.exec("COMMIT");
    m_done = true;
}

} // namespace mlops
