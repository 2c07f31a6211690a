#pragma once

#include <QStringList>
#include <QTextStream>

namespace mlops::server {

// `mlops-studio-server`: `serve` plus the admin commands `team add`, `user add`, `token create`, `token revoke`,
// and `routes` (the route table as JSON). Returns the process exit code; `serve` returns only when the event loop
// ends.
int runServerCli(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace mlops::server
