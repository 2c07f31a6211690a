#pragma once

#include <QString>

namespace mlops::server {

class SyncStore;

// Brings the database to the newest schema version, one numbered step at a time, each in its own transaction.
// PostgreSQL instances starting together serialise on an advisory lock.
bool migrate(SyncStore& store, QString* error);
int latestSchemaVersion();

} // namespace mlops::server
