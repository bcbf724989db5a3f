#include <map>

#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

struct Width {
  size_t size;
  size_t align;  // pg_type.typalign in bytes
};

// Fixed-width built-in types (pg_type.typlen, typalign); everything else is variable-length.
const std::map<std::string, Width>& fixed_widths() {
  static const std::map<std::string, Width> kWidths = {
      {"int8", {8, 8}},      {"float8", {8, 8}},  {"timestamp", {8, 8}},  {"timestamptz", {8, 8}}, {"time", {8, 8}},
      {"money", {8, 8}},     {"bigserial", {8, 8}}, {"serial8", {8, 8}},  {"interval", {16, 8}},   {"timetz", {12, 8}},
      {"int4", {4, 4}},      {"float4", {4, 4}},  {"date", {4, 4}},       {"serial", {4, 4}},      {"serial4", {4, 4}},
      {"oid", {4, 4}},       {"int2", {2, 2}},    {"smallserial", {2, 2}}, {"serial2", {2, 2}},    {"bool", {1, 1}},
      {"char", {1, 1}},      {"uuid", {16, 1}}};
  return kWidths;
}

struct Field {
  std::string name;
  std::string type;
  Width width{0, 0};
  bool fixed = false;
  size_t element = 0;  // index into tableElts
};

// Bytes the fields take, each aligned to its typalign, from a MAXALIGNed start.
size_t layout(const std::vector<const Field*>& fields) {
  size_t offset = 0;
  for (const Field* f : fields) offset = (offset + f->width.align - 1) / f->width.align * f->width.align + f->width.size;
  return offset;
}

size_t maxalign(size_t bytes) { return (bytes + 7) / 8 * 8; }

class ColumnAlignment : public LintRule {
 public:
  std::string_view id() const override { return "column-alignment"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "CreateStmt") return;
    Node n = c.node();
    std::vector<Field> fields;
    std::vector<Node> elements = n["tableElts"].list();
    for (size_t i = 0; i < elements.size(); ++i) {
      Node def = elements[i]["ColumnDef"];
      if (!def) continue;
      Column type = column_type(def["typeName"]);
      auto width = fixed_widths().find(type.type);
      bool fixed = width != fixed_widths().end() && !type.is_array && convention::builtin_type(def["typeName"]);
      fields.push_back({def.str("colname"), describe_type(type), fixed ? width->second : Width{0, 0}, fixed, i});
    }
    std::vector<const Field*> declared, best;
    bool variable = false;
    for (const auto& f : fields) {
      if (f.fixed) declared.push_back(&f);
      variable |= !f.fixed;
    }
    best = declared;
    std::stable_sort(best.begin(), best.end(), [](const Field* a, const Field* b) { return a->width.align > b->width.align; });
    size_t now = layout(declared), ordered = layout(best);
    // Without variable-length columns the tuple is padded to 8 bytes anyway, so only whole words count.
    size_t saving = variable ? now - ordered : maxalign(now) - maxalign(ordered);
    if (saving == 0) return;
    std::vector<std::string> order;
    for (const Field* f : best) order.push_back(f->name + " " + f->type);
    std::string table = relation_name(n["relation"]);
    out.push_back({"The fixed-width columns of " + table + " take " + std::to_string(variable ? now : maxalign(now)) +
                       " bytes per row in this order because of alignment padding, " +
                       std::to_string(variable ? ordered : maxalign(ordered)) + " when ordered widest alignment first (" +
                       join(order, ", ") + "): " + std::to_string(saving) + " bytes saved per row.",
                   reordered(c, fields, best), 0, ""});
  }

 private:
  // The CREATE TABLE with fixed-width columns widest-first, then variable-length columns and
  // table constraints in their written order.
  static std::string reordered(const StatementContext& c, const std::vector<Field>& fields, const std::vector<const Field*>& best) {
    const std::string& text = c.statement.text;
    std::vector<convention::Token> tokens = convention::scan_tokens(text);
    size_t open = 0;
    while (open < tokens.size() && tokens[open].kind != '(') ++open;
    auto list = convention::paren_list(text, tokens, open);
    size_t count = c.node()["tableElts"].list().size();
    std::vector<std::string> order;
    for (const Field* f : best) order.push_back(f->name);
    for (const auto& f : fields)
      if (!f.fixed) order.push_back(f.name);
    if (!list || list->items.size() != count) return "-- column order: " + join(order, ", ");
    std::vector<std::string> items;
    std::vector<bool> used(count, false);
    for (const Field* f : best) {
      items.push_back(list->items[f->element]);
      used[f->element] = true;
    }
    for (size_t i = 0; i < count; ++i)
      if (!used[i]) items.push_back(list->items[i]);
    return text.substr(0, list->open) + "(\n  " + join(items, ",\n  ") + "\n" + text.substr(list->close) + ";";
  }
};

}  // namespace

std::unique_ptr<LintRule> make_column_alignment() { return std::make_unique<ColumnAlignment>(); }

}  // namespace pgguard::lint
