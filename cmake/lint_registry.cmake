# Writes OUTPUT: lint_rules() listing one make_<stem>() factory per file in RULES.
string(REPLACE "|" ";" RULES "${RULES}")
set(declarations "")
set(calls "")
foreach(rule ${RULES})
  get_filename_component(stem ${rule} NAME_WE)
  string(APPEND declarations "std::unique_ptr<LintRule> make_${stem}();\n")
  string(APPEND calls "    rules.push_back(make_${stem}());\n")
endforeach()
file(WRITE ${OUTPUT} "#include \"lint/rule.h\"

namespace pgguard::lint {

${declarations}
const std::vector<std::unique_ptr<LintRule>>& lint_rules() {
  static const auto all = [] {
    std::vector<std::unique_ptr<LintRule>> rules;
${calls}    return rules;
  }();
  return all;
}

}  // namespace pgguard::lint
")
