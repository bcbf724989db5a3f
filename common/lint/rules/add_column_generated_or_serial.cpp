#include <pg_query.h>

#include <map>
#include <optional>

#include "lint/rule.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

// "an ACCESS EXCLUSIVE lock on t, ..." with the article the lock name needs.
std::string a_lock(const LockFact& fact, const std::string& relation) {
  return (fact.lock.empty() || std::string("AEIOU").find(fact.lock[0]) == std::string::npos ? "a " : "an ") + describe(fact, relation);
}

std::string qualified(const Node& range_var) {
  std::string schema = range_var.str("schemaname");
  return (schema.empty() ? "" : schema + ".") + range_var.str("relname");
}

// Where a node location falls in the statement text, checked by the keyword that must start there. Locations count
// from the start of the SQL the parser saw: the section, or after a syntax error elsewhere in the section the
// statement's split chunk (the linter parses those one by one), or for DO-block statements the inner query.
std::optional<size_t> text_position(const StatementContext& c, int64_t location, std::initializer_list<std::string_view> keywords) {
  const std::string& text = c.statement.text;
  auto at = [&](int64_t base) -> std::optional<size_t> {
    if (location < 0 || base < 0 || location < base) return std::nullopt;
    size_t pos = static_cast<size_t>(location - base);
    for (std::string_view keyword : keywords)
      if (pos + keyword.size() <= text.size() && to_lower(text.substr(pos, keyword.size())) == keyword) return pos;
    return std::nullopt;
  };
  if (c.statement.embedded) return at(0);
  int64_t token = static_cast<int64_t>(c.statement.offset - c.section.offset);
  if (auto pos = at(token)) return pos;
  std::optional<size_t> found;
  PgQuerySplitResult split = pg_query_split_with_scanner(c.section.sql.c_str());
  for (int i = 0; !split.error && i < split.n_stmts && !found; ++i) {
    int64_t start = split.stmts[i]->stmt_location, length = split.stmts[i]->stmt_len;
    if (token >= start && (length == 0 || token < start + length)) found = at(token - start);
  }
  pg_query_free_split_result(split);
  return found;
}

// The text inside the first parentheses at or after a node's location (GENERATED ALWAYS AS (<this>) STORED); empty when the location does
// not map onto the statement text.
std::string parenthesized_text(const StatementContext& c, const Node& node) {
  const std::string& text = c.statement.text;
  std::optional<size_t> keyword = text_position(c, node.integer("location", -1), {"generated"});
  if (!keyword) return "";
  size_t open = text.find('(', *keyword);
  if (open == std::string::npos) return "";
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    char ch = text[i];
    if (ch == '\'' || ch == '"') {
      size_t close = text.find(ch, i + 1);
      if (close == std::string::npos) return "";
      i = close;
    } else if (ch == '(') {
      ++depth;
    } else if (ch == ')' && --depth == 0) {
      return trim(text.substr(open + 1, i - open - 1));
    }
  }
  return "";
}

class AddColumnGeneratedOrSerial : public LintRule {
 public:
  std::string_view id() const override { return "add-column-generated-or-serial"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    static const std::map<std::string, std::string> kSerialBase = {{"smallserial", "smallint"}, {"serial2", "smallint"},
                                                                   {"serial", "integer"},       {"serial4", "integer"},
                                                                   {"bigserial", "bigint"},     {"serial8", "bigint"}};
    if (c.type() != "AlterTableStmt") return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;
    std::string t = qualified(c.node()["relation"]);
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      if (cmd.str("subtype") != "AT_AddColumn") continue;
      Node def = cmd["def"]["ColumnDef"];
      std::string column = def.str("colname");
      Column type = column_type(def["typeName"]);
      std::string kind, base = describe_type(type), expression;
      if (auto serial = kSerialBase.find(type.type); serial != kSerialBase.end()) {
        kind = type.type;
        base = serial->second;
      }
      for (const Node& item_constraint : def["constraints"].list()) {
        Node con = item_constraint["Constraint"];
        if (con.str("contype") == "CONSTR_IDENTITY") kind = "an identity column";
        if (con.str("contype") == "CONSTR_GENERATED") {
          kind = "a stored generated column";
          expression = parenthesized_text(c, con);
        }
      }
      if (kind.empty()) continue;
      std::string what = kind.find(' ') == std::string::npos ? column + " " + kind : column + " as " + kind;
      out.push_back({"ADD COLUMN " + what + " computes a value for every existing row and takes " +
                         a_lock(lock_fact("add-column-generated"), table) + ".",
                     expression.empty() && kind.find("generated") != std::string::npos
                         ? "-- add it as a plain nullable column, fill new rows with a trigger and old rows in batches"
                         : fix(t, table, column, base, expression),
                     0, table});
    }
  }

 private:
  static std::string fix(const std::string& t, const std::string& table, const std::string& column, const std::string& type,
                         const std::string& expression) {
    std::string out = "ALTER TABLE " + t + " ADD COLUMN " + column + " " + type + ";\n";
    std::string value = expression;
    if (expression.empty()) {  // serial or identity: a sequence default fills new rows, a batched backfill the old ones
      std::string sequence = table + "_" + column + "_seq";
      value = "nextval('" + sequence + "')";
      out = "CREATE SEQUENCE " + sequence + " AS " + type + ";\n" + out + "ALTER TABLE " + t + " ALTER COLUMN " + column + " SET DEFAULT " +
            value + ";\nALTER SEQUENCE " + sequence + " OWNED BY " + t + "." + column + ";\n";
    } else {
      out += "-- a BEFORE INSERT OR UPDATE trigger setting NEW." + column + " := " + expression + " for new rows, then:\n";
    }
    return out + "-- backfill in batches, each its own transaction; repeat until it updates 0 rows:\nUPDATE " + t + " SET " + column +
           " = " + value + " WHERE ctid IN (SELECT ctid FROM " + t + " WHERE " + column + " IS NULL LIMIT 10000);";
  }
};

}  // namespace

std::unique_ptr<LintRule> make_add_column_generated_or_serial() { return std::make_unique<AddColumnGeneratedOrSerial>(); }

}  // namespace pgguard::lint
