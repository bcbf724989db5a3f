#include "sinks/runs_files.h"

#include "sinks/interpreters.h"
#include "sinks/task_runners.h"
#include "sinks/wrappers.h"

namespace pgguard::sinks {

bool runs_files(std::string_view program) {
  static const std::vector<std::string_view> kShells = {"bash", "sh", "zsh", "dash", "ksh", "ash", "mksh", "fish"};
  for (auto shell : kShells)
    if (program == shell) return true;
  const InterpreterCatalog& interpreters = InterpreterCatalog::builtin();
  return interpreters.language_of_program(program) || interpreters.has_runner(program) || !WrapperCatalog::builtin().find(program).empty();
}

std::vector<std::string> recipe_files(std::string_view program) {
  const TaskRunner* runner = TaskRunnerCatalog::builtin().find(program);
  return runner ? runner->files : std::vector<std::string>{};
}

}  // namespace pgguard::sinks
