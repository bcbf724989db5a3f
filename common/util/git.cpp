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

namespace {

void add_nul_separated(const std::string& top, const std::string& out, std::set<std::string>& files) {
  for (size_t start = 0; start < out.size();) {
    size_t end = out.find('\0', start);
    if (end == std::string::npos) end = out.size();
    if (end > start) files.insert(top + "/" + out.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace

std::optional<std::set<std::string>> git_files_at(const std::string& dir, const std::string& revision) {
  auto top = git_toplevel(dir);
  if (!top) return std::nullopt;
  auto r = git(*top, {"ls-tree", "-r", "--name-only", "-z", revision});
  if (r.exit_code != 0) return std::nullopt;
  std::set<std::string> files;
  add_nul_separated(*top, r.out, files);
  return files;
}

GitChanges git_changed_since(const std::string& dir, const std::string& base) {
  GitChanges changes;
  auto top = git_toplevel(dir);
  if (!top) {
    changes.error = dir + " is not in a git work tree";
    return changes;
  }
  std::string ref = base.empty() ? "@{upstream}" : base;
  auto merge_base = git(*top, {"merge-base", "HEAD", ref});
  if (merge_base.exit_code != 0) {
    changes.error = base.empty() ? "the branch has no upstream to compare with; pass --base REF (for example --base origin/main)"
                                 : "git cannot find a merge base with " + ref;
    return changes;
  }
  auto diff = git(*top, {"diff", "--name-only", "--diff-filter=ACMR", "-z", trim(merge_base.out)});
  auto untracked = git(*top, {"ls-files", "--others", "--exclude-standard", "-z"});
  if (diff.exit_code != 0 || untracked.exit_code != 0) {
    changes.error = "git diff failed";
    return changes;
  }
  add_nul_separated(*top, diff.out, changes.files);
  add_nul_separated(*top, untracked.out, changes.files);
  return changes;
}

}  // namespace pgguard
