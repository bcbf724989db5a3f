#include "util/git.h"

#include "util/environment.h"
#include "util/files.h"
#include "util/subprocess.h"
#include "util/text.h"

namespace pgguard {
namespace {

ProcessResult git(const std::string& dir, const std::vector<std::string>& args) {
  std::vector<std::string> full = {"-C", dir};
  full.insert(full.end(), args.begin(), args.end());
  auto env = process_environment();
  env["GIT_OPTIONAL_LOCKS"] = "0";  // a hook must never take git's index lock
  return run_process("git", full, "", env, "", 2000);
}

}  // namespace

std::optional<std::string> git_toplevel(const std::string& dir) {
  std::string repository = find_upward(dir, ".git/HEAD");
  std::string linked = find_upward(dir, ".git");
  std::string top = linked.size() > repository.size() ? linked : repository;  // the nearer one
  if (top.empty()) return std::nullopt;
  return top;
}

bool git_has_file_at(const std::string& path, const std::string& revision) {
  size_t slash = path.find_last_of('/');
  std::string dir = slash == std::string::npos ? "." : path.substr(0, std::max<size_t>(slash, 1));
  auto top = git_toplevel(dir);
  if (!top || !starts_with(path, *top + "/")) return false;
  std::string relative = path.substr(top->size() + 1);
  return git(*top, {"cat-file", "-e", revision + ":" + relative}).exit_code == 0;
}

std::optional<std::set<std::string>> git_changed_files(const std::string& dir) {
  auto top = git_toplevel(dir);
  if (!top) return std::nullopt;
  auto r = git(*top, {"status", "--porcelain", "-uall", "--", dir});
  if (r.exit_code != 0) return std::nullopt;
  std::set<std::string> files;
  for (const auto& line : split_lines(r.out)) {
    if (line.size() < 4) continue;
    std::string path = line.substr(3);
    if (size_t arrow = path.find(" -> "); arrow != std::string::npos) path = path.substr(arrow + 4);
    if (path.size() >= 2 && path.front() == '"') path = path.substr(1, path.size() - 2);
    files.insert(*top + "/" + path);
  }
  return files;
}

}  // namespace pgguard
