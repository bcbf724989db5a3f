#include "lint/token_forms.h"

#include <algorithm>
#include <cctype>

#include "lint/rules/convention_support.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

// The statement's words: keywords and identifiers lower-cased (a quoted identifier as written,
// without its quotes), punctuation as itself, string constants as "'".
std::vector<std::string> words(const std::string& sql) {
  std::vector<std::string> out;
  for (const auto& token : convention::scan_tokens(sql)) {
    std::string text = sql.substr(token.start, token.end - token.start);
    if (text.empty()) continue;
    if (text[0] == '\'' || text[0] == '$' || ((text[0] == 'E' || text[0] == 'e') && text.size() > 1 && text[1] == '\'')) out.push_back("'");
    else if (text[0] == '"') out.push_back(text.substr(1, text.size() - 2));
    else out.push_back(to_lower(text));
  }
  return out;
}

bool has_sequence(const std::vector<std::string>& w, std::initializer_list<const char*> sequence) {
  for (size_t i = 0; i + sequence.size() <= w.size(); ++i)
    if (std::equal(sequence.begin(), sequence.end(), w.begin() + i, [](const char* a, const std::string& b) { return b == a; }))
      return true;
  return false;
}

// The (possibly schema-qualified) name starting at w[i], after IF [NOT] EXISTS and ONLY.
std::string name_at(const std::vector<std::string>& w, size_t i) {
  while (i < w.size() && (w[i] == "if" || w[i] == "not" || w[i] == "exists" || w[i] == "only")) ++i;
  if (i >= w.size()) return "";
  size_t last = i;
  while (last + 2 < w.size() && w[last + 1] == ".") last += 2;
  return w[last];  // the relation's own name, as the parse tree's relname
}

// The ALTER TABLE action's form, from the words after the table's name.
std::string alter_table_form(const std::vector<std::string>& w) {
  if (has_sequence(w, {"set", "expression"})) return "set-expression";
  if (has_sequence(w, {"validate", "constraint"})) return "validate-constraint";
  bool not_valid = has_sequence(w, {"not", "valid"});
  if (has_sequence(w, {"generated", "always", "as", "("}) && !has_sequence(w, {"stored"}) && has_sequence(w, {"add"}))
    return "add-column-virtual";
  if (has_sequence(w, {"foreign", "key"}) || has_sequence(w, {"references"}))
    return not_valid ? "add-foreign-key-not-valid" : "add-foreign-key";
  if (not_valid && has_sequence(w, {"not", "null"})) return "add-not-null-not-valid";
  if (has_sequence(w, {"check"})) return not_valid ? "add-check-not-valid" : "add-check";
  return "add-column";  // other ALTER TABLE actions take ACCESS EXCLUSIVE
}

}  // namespace

int parser_major() { return PG_VERSION_NUM / 10000; }

TokenStatement read_tokens(const std::string& sql) {
  TokenStatement out;
  std::vector<std::string> w = words(sql);
  if (w.empty()) return out;
  out.concurrently = std::find(w.begin(), w.end(), "concurrently") != w.end();
  out.not_valid = has_sequence(w, {"not", "valid"});
  if (w.size() > 2 && w[0] == "alter" && w[1] == "table") {
    out.kind = "ALTER TABLE";
    out.relation = name_at(w, 2);
    if (!out.relation.empty()) out.forms.push_back({alter_table_form(w), out.relation});
  } else if (w[0] == "create" && (has_sequence(w, {"create", "index"}) || has_sequence(w, {"create", "unique", "index"}))) {
    out.kind = "CREATE INDEX";
    auto on = std::find(w.begin(), w.end(), "on");
    if (on != w.end()) out.relation = name_at(w, static_cast<size_t>(on - w.begin()) + 1);
    if (!out.relation.empty()) out.forms.push_back({out.concurrently ? "create-index-concurrently" : "create-index", out.relation});
  } else if (w.size() > 2 && w[0] == "merge" && w[1] == "into") {
    out.kind = "MERGE";
    out.relation = name_at(w, 2);
    if (!out.relation.empty()) out.forms.push_back({"update", out.relation});
  } else {
    for (char c : w[0]) out.kind += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace pgguard::lint
