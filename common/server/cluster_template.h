#pragma once
#include <string>
#include <vector>

namespace pgguard::server {

// What initdb writes depends only on the server binaries and initdb's options, and initdb is most
// of a throwaway server's start. The first start keeps its fresh data directory as a template
// under the user's cache directory; later starts copy the template instead of running initdb.

// <cache>/pgguard/clusters/<binaries and options>; "" when there is no cache directory.
std::string cluster_template_dir(const std::string& bin_dir, const std::vector<std::string>& initdb_options);
// Fills `data` (not yet existing) from the template, owned by `postgres` when we are root: its
// spare moved into place when there is one, else a copy; false (and `data` absent) when there is
// no usable template.
bool copy_cluster_template(const std::string& template_dir, const std::string& data);
// Creating a data directory's thousand files is most of a start on a slow disk, and a rename is
// not: while a server runs, the next start's data directory is copied from the template into
// `scratch` and renamed to the template's spare. Whether that can pay off: a usable template, no
// spare yet, and `scratch` on the template's file system.
bool cluster_spare_wanted(const std::string& template_dir, const std::string& scratch);
void make_cluster_spare(const std::string& template_dir, const std::string& scratch);
// Keeps `data`, fresh from initdb and not yet started, as the template (best effort: a template
// another start keeps first wins).
void keep_cluster_template(const std::string& data, const std::string& template_dir);

}  // namespace pgguard::server
