// find itself: the files it selects (walked on disk, bounded), the commands -exec runs on them and
// what -delete removes.
#include <dirent.h>
#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <climits>

#include "sinks/finder.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::sinks::finder {
namespace {

constexpr size_t kMaxEntries = 1024;  // directory entries read per find
constexpr size_t kMaxMatches = 16;    // files an -exec is run on, one by one

// A find expression the guard can evaluate: start paths, then tests joined by AND. Tests it does
// not evaluate (-newer, -mtime, -size...) only make the selection larger, so they are skipped;
// operators (-o, !, parentheses), -prune and unknown words make the expression opaque.
struct FindQuery {
  std::vector<Arg> starts;
  std::vector<std::pair<std::string, std::string>> tests;  // -name, -iname, -path, -ipath, -type
  int min_depth = 0, max_depth = INT_MAX;
  bool evaluable = true;
  bool deletes = false;
};

FindQuery read_query(const Args& a) {
  static const std::set<std::string, std::less<>> kTests = {"-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename", "-type"};
  static const std::set<std::string, std::less<>> kIgnoredWithValue = {
      "-newer", "-mtime", "-mmin", "-atime", "-amin", "-ctime", "-cmin", "-size", "-perm", "-user", "-group", "-uid",
      "-gid", "-links", "-inum", "-samefile", "-fstype", "-printf", "-fprint", "-fprint0", "-used"};
  static const std::set<std::string, std::less<>> kIgnored = {"-print", "-print0", "-ls", "-empty", "-readable", "-writable", "-executable",
                                                              "-true", "-nouser", "-nogroup", "-depth", "-xdev", "-mount", "-follow",
                                                              "-ignore_readdir_race", "-noleaf", "-daystart", "-L", "-P", "-H"};
  FindQuery q;
  size_t i = 1;
  for (; i < a.size() && a[i].text && !a[i].text->empty() && (*a[i].text)[0] != '-' && *a[i].text != "(" && *a[i].text != "!"; ++i)
    q.starts.push_back(a[i]);
  for (; i < a.size(); ++i) {
    if (!a[i].text) {
      q.evaluable = false;
      continue;
    }
    const std::string& t = *a[i].text;
    std::string value = i + 1 < a.size() ? a[i + 1].text.value_or("") : "";
    if (kTests.count(t)) {
      if (t == "-type" && value != "f" && value != "d") q.evaluable = false;
      q.tests.emplace_back(t, value);
      ++i;
    } else if (t == "-maxdepth" || t == "-mindepth") {
      int n = std::all_of(value.begin(), value.end(), ::isdigit) && !value.empty() && value.size() < 6 ? std::stoi(value) : 0;
      (t == "-maxdepth" ? q.max_depth : q.min_depth) = n;
      ++i;
    } else if (t == "-exec" || t == "-execdir" || t == "-ok" || t == "-okdir") {
      while (i + 1 < a.size() && a[i + 1].text.value_or("") != ";" && a[i + 1].text.value_or("") != "+") ++i;
      ++i;
    } else if (t == "-delete") {
      q.deletes = true;
    } else if (kIgnoredWithValue.count(t)) {
      ++i;
    } else if (!kIgnored.count(t)) {
      q.evaluable = false;
    }
  }
  if (q.starts.empty()) q.starts.push_back({std::string("."), ".", "."});
  return q;
}

bool passes(const FindQuery& q, const std::string& shown, bool directory) {
  for (const auto& [test, value] : q.tests) {
    int flags = (test == "-iname" || test == "-ipath" || test == "-iwholename") ? FNM_CASEFOLD : 0;
    bool ok = test == "-type"                        ? (value == "d") == directory && (value == "d" || value == "f")
              : (test == "-name" || test == "-iname") ? fnmatch(value.c_str(), base_name(shown).c_str(), flags) == 0
                                                      : fnmatch(value.c_str(), shown.c_str(), flags) == 0;
    if (!ok) return false;
  }
  return true;
}

// The paths find prints (start-relative, as {} receives them); nullopt past the bounds.
std::optional<std::vector<std::string>> walk(const FindQuery& q, const std::string& cwd) {
  std::vector<std::string> matches;
  size_t entries = 0;
  struct Item {
    std::string shown;
    int depth;
  };
  std::vector<Item> stack;
  for (auto it = q.starts.rbegin(); it != q.starts.rend(); ++it) {
    if (!it->text) return std::nullopt;
    stack.push_back({*it->text, 0});
  }
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    std::string full = resolve_path(cwd, item.shown);
    bool directory = is_directory(full);
    if (!directory && !is_regular_file(full)) continue;
    if (item.depth >= q.min_depth && passes(q, item.shown, directory)) {
      if (matches.size() == kMaxMatches) return std::nullopt;
      matches.push_back(item.shown);
    }
    if (!directory || item.depth >= q.max_depth) continue;
    DIR* handle = opendir(full.c_str());
    if (!handle) continue;
    std::vector<std::string> names;
    while (dirent* entry = readdir(handle)) {
      if (++entries > kMaxEntries) {
        closedir(handle);
        return std::nullopt;
      }
      std::string name = entry->d_name;
      if (name != "." && name != "..") names.push_back(name);
    }
    closedir(handle);
    std::sort(names.rbegin(), names.rend());
    for (const auto& name : names) stack.push_back({(item.shown == "/" ? "" : item.shown) + "/" + name, item.depth + 1});
  }
  return matches;
}

}  // namespace

// find ... -exec CMD {} \; runs CMD once per file ({} + once for all): on the files the walk
// selects when it can, else on a file whose name is not known. -delete removes what it selects.
std::optional<bool> Finder::unwrap_find(Exec& exec, Scope& scope) {
  Args& a = exec.args;
  FindQuery query = read_query(a);
  std::optional<std::vector<std::string>> files = query.evaluable ? walk(query, scope.cwd) : std::nullopt;
  if (query.deletes) {
    if (query.tests.empty()) {
      judge_removal("find -delete", query.starts, true, exec, scope);
    } else if (files) {
      Args selected;
      for (const auto& f : *files) selected.push_back({f, f, f});
      judge_removal("find -delete", selected, false, exec, scope);
    }
  }
  for (size_t i = 1; i < a.size(); ++i) {
    const std::string t = a[i].text.value_or("");
    if (t != "-exec" && t != "-execdir" && t != "-ok" && t != "-okdir") continue;
    Args words;
    for (++i; i < a.size(); ++i) {
      const std::string w = a[i].text.value_or("");
      if (w == ";" || w == "+") break;
      words.push_back(a[i]);
    }
    bool each = i >= a.size() || a[i].text.value_or("") == ";";
    std::vector<std::vector<std::string>> runs;  // the file names {} stands for, per run
    if (files && each)
      for (const auto& f : *files) runs.push_back({f});
    else if (files && !files->empty())
      runs.push_back(*files);
    if (!files) runs.push_back({});  // unknown names
    for (const auto& names : runs) {
      Exec inner = exec;
      inner.args.clear();
      for (const auto& w : words) {
        if (!w.text || w.text->find("{}") == std::string::npos) {
          inner.args.push_back(w);
        } else if (!files) {
          inner.args.push_back({std::nullopt, "{}", kUnknown});
        } else {
          for (const auto& name : names) {
            std::string text = *w.text;
            for (size_t at = text.find("{}"); at != std::string::npos; at = text.find("{}", at + name.size())) text.replace(at, 2, name);
            inner.args.push_back({text, text, text});
          }
        }
      }
      inner.input = {};
      inner.depth = exec.depth + 1;
      if (!inner.args.empty()) run_exec(inner, scope);
    }
  }
  return std::nullopt;
}

}  // namespace pgguard::sinks::finder
