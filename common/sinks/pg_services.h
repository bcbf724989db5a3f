#pragma once
// Targets libpq finds in files rather than in the command: connection services (service=NAME,
// PGSERVICE, looked up in pg_service.conf files) and the hosts of a password file (~/.pgpass).
#include <optional>
#include <string>
#include <vector>

#include "sinks/report.h"

namespace pgguard::sinks {

// The service a connection signal names: PGSERVICE's value, or service=NAME in a conninfo or URL.
std::optional<std::string> service_name(const TargetSignal& signal);

// The settings of [name] in a pg_service.conf text as a conninfo without the password
// ("host=db-1 port=5432 dbname=app user=app"); nullopt when the file has no such section.
std::optional<std::string> service_conninfo(const std::string& file_text, const std::string& name);

// Whether a path names a libpq password file (.pgpass, pgpass.conf).
bool is_password_file(const std::string& path);

// The hosts named by a password file's lines (host:port:database:user:password), without the
// passwords; `*` and comment lines are skipped.
std::vector<std::string> password_file_hosts(const std::string& file_text);

}  // namespace pgguard::sinks
