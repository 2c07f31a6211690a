#include "PgListener.h"

#include "SyncStore.h"

#include <QSocketNotifier>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QUuid>

#include <libpq-fe.h>

namespace mlops::server {

namespace {
const QString kEvents = QStringLiteral("mlops_events");
const QString kChanges = QStringLiteral("mlops_changes");
// The libpq connection behind a QPSQL connection, as the QSqlDriver::handle() documentation shows.
PGconn* nativeConnection(const QSqlDatabase& db) {
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "PGconn*") != 0)
        return nullptr;
    return *static_cast<PGconn* const*>(v.constData());
}
} // namespace

PgListener::PgListener(const QString& url, int probeMs, QObject* parent)
    : QObject(parent)
    , m_url(url)
    , m_connectionName(QStringLiteral("mlops-listener-") + QUuid::createUuid().toString(QUuid::Id128).left(8)) {
    m_probe.setInterval(probeMs);
    connect(&m_probe, &QTimer::timeout, this, &PgListener::probe);
}

PgListener::~PgListener() {
    delete m_notifier;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool PgListener::start(QString* error) {
    if (!connectAndListen(error))
        return false;
    m_probe.start();
    return true;
}

bool PgListener::connectAndListen(QString* error) {
    delete m_notifier;
    m_notifier = nullptr;
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    auto db = SyncStore::openPostgres(m_url, m_connectionName, error);
    if (!db)
        return false;
    m_db = *db;
    QSqlDriver* driver = m_db.driver();
    if (!driver->subscribeToNotification(kEvents) || !driver->subscribeToNotification(kChanges)) {
        *error = QStringLiteral("LISTEN failed on the PostgreSQL listener connection");
        return false;
    }
    connect(driver, &QSqlDriver::notification, this, &PgListener::onNotification, Qt::UniqueConnection);
    // The driver's own socket notifier consumes notifications; ours only notices that the socket stirred, which
    // is also what a dropped connection looks like, and checks the connection right after.
    PGconn* conn = nativeConnection(m_db);
    const int fd = conn ? PQsocket(conn) : -1;
    if (fd >= 0) {
        m_notifier = new QSocketNotifier(fd, QSocketNotifier::Read);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            if (m_probeQueued)
                return;
            m_probeQueued = true;
            QMetaObject::invokeMethod(this, &PgListener::probe, Qt::QueuedConnection);
        });
    }
    return true;
}

void PgListener::onNotification(const QString& channel, QSqlDriver::NotificationSource, const QVariant& payload) {
    const QString text = payload.toString();
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return;
    const QString id = text.left(colon);
    const qint64 n = text.mid(colon + 1).toLongLong();
    if (channel == kEvents)
        emit eventsStored(id, n);
    else if (channel == kChanges)
        emit changeStored(id, n);
}

void PgListener::probe() {
    m_probeQueued = false;
    PGconn* conn = nativeConnection(m_db);
    bool alive = conn && PQstatus(conn) == CONNECTION_OK;
    if (alive) {
        QSqlQuery q(m_db);
        alive = q.exec(QStringLiteral("SELECT 1")) && q.next();
    }
    if (alive)
        return;
    QString error;
    if (!connectAndListen(&error)) {
        qWarning("PostgreSQL listener lost; reconnecting failed (%s), next try in %d ms", qPrintable(error),
                 m_probe.interval());
        return;
    }
    qWarning("PostgreSQL listener re-subscribed; streams catch up from the tables");
    emit reconnected();
}

} // namespace mlops::server
