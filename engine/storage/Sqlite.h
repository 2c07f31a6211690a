#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <stdexcept>

struct sqlite3;
struct sqlite3_stmt;

namespace mlops {

class SqliteError : public std::runtime_error {
public:
    SqliteError(const QString& message, int code);
    int code() const { return m_code; }
    QString message() const { return QString::fromUtf8(what()); }

private:
    int m_code;
};

class Statement;

// One SQLite connection, owned and used by a single thread.
class SqliteConnection {
public:
    SqliteConnection() = default;
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;
    SqliteConnection(SqliteConnection&& other) noexcept;
    SqliteConnection& operator=(SqliteConnection&& other) noexcept;

    // Opens (creating if needed) with WAL, foreign keys and a busy timeout. Throws SqliteError.
    static SqliteConnection open(const QString& path, bool readOnly = false);

    void exec(const char* sql);
    Statement prepare(const char* sql);
    qint64 lastInsertId() const;
    int changes() const;
    bool isOpen() const { return m_db != nullptr; }
    sqlite3* handle() const { return m_db; }
    QString errorMessage() const;
    [[noreturn]] void raise(int rc, const char* context) const;

private:
    sqlite3* m_db = nullptr;
};

// A prepared statement; bind with 1-based indexes, step, read columns with 0-based indexes.
class Statement {
public:
    Statement(SqliteConnection* connection, sqlite3_stmt* stmt);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, const QString& value);
    Statement& bind(int index, const QByteArray& utf8);
    Statement& bind(int index, qint64 value);
    Statement& bind(int index, int value) { return bind(index, qint64(value)); }
    Statement& bind(int index, double value);
    Statement& bindNull(int index);

    bool step(); // true when a row is available
    void run();  // step until done, expecting no rows
    void reset();

    QString text(int column) const;
    QByteArray blob(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    bool isNull(int column) const;

private:
    SqliteConnection* m_connection;
    sqlite3_stmt* m_stmt;
};

// RAII transaction: BEGIN IMMEDIATE, commit() or rollback on destruction.
class Transaction {
public:
    explicit Transaction(SqliteConnection& connection, bool immediate = true);
    ~Transaction();
    void commit();

private:
    SqliteConnection& m_connection;
    bool m_done = false;
};

} // namespace mlops
