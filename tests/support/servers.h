#pragma once
#include <string>

namespace pgguard::testing {

// The server binaries of a PostgreSQL major for a test: found where pgguard looks, else installed
// once per test run with `pgguard server install`'s code. Empty, with the reason in `why_not`,
// when the major cannot be had here (no npm, no registry): the test says so and skips it.
std::string server_bin_dir(int major, std::string& why_not);

}  // namespace pgguard::testing
