#include "sinks/wrappers.h"

#include <algorithm>
#include <stdexcept>

#include "util/json_fields.h"
#include "util/embedded.h"

namespace pgguard::sinks {

const WrapperCatalog& WrapperCatalog::builtin() {
  static const WrapperCatalog catalog = load(embedded_file("wrappers.json"));
  return catalog;
}

WrapperCatalog WrapperCatalog::load(std::string_view json_text) {
  using namespace json_fields;
  rapidjson::Document doc;
  parse_catalog(doc, json_text, "wrappers.json");
  WrapperCatalog catalog;
  if (const rapidjson::Value* list = member(doc, "wrappers"); list && list->IsArray())
    for (const rapidjson::Value& entry : list->GetArray()) {
      Wrapper w;
      w.subcommand = strings(entry, "subcommand");
      w.value_flags = strings(entry, "value_flags");
      w.string_flags = strings(entry, "string_flags");
      w.argv_flags = strings(entry, "argv_flags");
      w.skip = count(entry, "skip");
      w.assignments = flag(entry, "assignments");
      w.no_options = flag(entry, "no_options");
      w.after_dashdash = flag(entry, "after_dashdash");
      w.string_command = flag(entry, "string_command");
      w.each_string = flag(entry, "each_string");
      w.target_flags = strings(entry, "target_flags");
      w.remote = text(entry, "remote");
      for (const auto& program : strings(entry, "programs")) {
        w.program = program;
        catalog.wrappers_.emplace(program, w);
      }
    }
  for (const auto& name : strings(doc, "not_wrappers")) catalog.not_wrappers_.insert(name);
  for (const auto& name : strings(doc, "database_programs")) catalog.database_programs_.insert(name);
  return catalog;
}

std::vector<const Wrapper*> WrapperCatalog::find(std::string_view program) const {
  std::vector<const Wrapper*> out;
  auto [from, to] = wrappers_.equal_range(program);
  for (auto it = from; it != to; ++it) out.push_back(&it->second);
  std::stable_sort(out.begin(), out.end(), [](const Wrapper* a, const Wrapper* b) { return a->subcommand.size() > b->subcommand.size(); });
  return out;
}

}  // namespace pgguard::sinks
