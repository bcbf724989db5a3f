#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace pgguard::sinks {

// A task runner whose recipes run shell commands (config/task_runners.json; format in
// config/README.md).
struct TaskRunner {
  std::vector<std::string> programs;
  std::string format;                     // make, just, taskfile, workspaces, nx, scripts
  std::vector<std::string> files;         // recipe files, in the order the runner looks for them
  std::vector<std::string> file_flags;    // make -f FILE
  std::vector<std::string> dir_flags;     // make -C DIR
  std::vector<std::string> value_flags;   // other options that take the next word
  std::vector<std::string> subcommand;    // turbo run TASK
  std::vector<std::string> dry_flags;     // make -n: recipes are printed, not run
};

class TaskRunnerCatalog {
 public:
  static const TaskRunnerCatalog& builtin();
  static TaskRunnerCatalog load(std::string_view json_text);
  const TaskRunner* find(std::string_view program) const;

 private:
  std::vector<TaskRunner> runners_;
};

// The shell lines of one recipe, and the recipes it depends on (run first).
struct Recipe {
  std::vector<std::string> lines;
  std::vector<std::string> dependencies;
};

// A recipe file's recipes by name; `first` is the default recipe (make and just without a name).
struct RecipeBook {
  std::vector<std::pair<std::string, Recipe>> recipes;
  std::string first;
  const Recipe* find(const std::string& name) const;
};

// Reads a Makefile (simple variables expanded, $(MAKE) as make), a justfile or a Taskfile.
RecipeBook read_recipes(const std::string& format, const std::string& text);

}  // namespace pgguard::sinks
