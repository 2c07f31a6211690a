#pragma once

namespace mlops {

class SqliteConnection;

// Versioned schema (PRAGMA user_version). Each step in Schema.cpp upgrades one version, inside one transaction.
namespace Schema {
int currentVersion();
// Brings the database up to currentVersion(). Throws SqliteError when the file is not a database of ours
// or is newer than this build understands.
void migrate(SqliteConnection& connection);
} // namespace Schema

} // namespace mlops
