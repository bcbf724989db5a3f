#include "sql/predicate.h"

#include <cstdlib>
#include <set>
#include <vector>

#include "util/text.h"

namespace pgguard::sql {

using pg::Node;

std::string last_name(const Node& names) {
  auto parts = names.list();
  return parts.empty() ? "" : parts.back().sval();
}

Constant constant_of(const Node& node) {
  Constant c;
  if (node.has("TypeCast")) {
    Constant inner = constant_of(node["TypeCast"]["arg"]);
    std::string type = node["TypeCast"]["typeName"]["names"].names();
    bool to_bool = type == "pg_catalog.bool" || type == "bool" || type == "boolean";
    if (to_bool && inner.kind == Constant::Kind::Number) return {Constant::Kind::Bool, 0, "", inner.number != 0};
    if (to_bool && inner.kind == Constant::Kind::Text) {
      std::string t = to_lower(inner.text);
      if (t == "t" || t == "true" || t == "yes" || t == "on" || t == "1" || t == "y") return {Constant::Kind::Bool, 0, "", true};
      if (t == "f" || t == "false" || t == "no" || t == "off" || t == "0" || t == "n") return {Constant::Kind::Bool, 0, "", false};
    }
    return inner;
  }
  if (!node.has("A_Const")) return c;
  Node k = node["A_Const"];
  if (k.flag("isnull")) c.kind = Constant::Kind::Null;
  else if (k.has("ival")) c = {Constant::Kind::Number, static_cast<double>(k["ival"].integer("ival", 0)), "", false};
  else if (k.has("fval")) c = {Constant::Kind::Number, std::strtod(k["fval"].str("fval").c_str(), nullptr), "", false};
  else if (k.has("boolval")) c = {Constant::Kind::Bool, 0, "", k["boolval"].flag("boolval")};
  else if (k.has("sval")) c = {Constant::Kind::Text, 0, k["sval"].str("sval"), false};
  return c;
}

namespace {

enum class Tri { False, True, Unknown };

Tri tri_not(Tri t) { return t == Tri::True ? Tri::False : t == Tri::False ? Tri::True : Tri::Unknown; }

bool is_comparison(const std::string& op) {
  return op == "=" || op == "<>" || op == "!=" || op == "<" || op == ">" || op == "<=" || op == ">=";
}

Tri compare(const std::string& op, const Constant& l, const Constant& r) {
  int cmp;
  if (l.kind == Constant::Kind::Number && r.kind == Constant::Kind::Number) cmp = l.number < r.number ? -1 : l.number > r.number ? 1 : 0;
  else if (l.kind == Constant::Kind::Text && r.kind == Constant::Kind::Text) cmp = l.text.compare(r.text);
  else if (l.kind == Constant::Kind::Bool && r.kind == Constant::Kind::Bool) cmp = int(l.boolean) - int(r.boolean);
  else return Tri::Unknown;
  if (!is_comparison(op)) return Tri::Unknown;
  bool result = op == "=" ? cmp == 0 : (op == "<>" || op == "!=") ? cmp != 0 : op == "<" ? cmp < 0 : op == ">" ? cmp > 0
              : op == "<=" ? cmp <= 0 : cmp >= 0;
  return result ? Tri::True : Tri::False;
}

// x compared with itself: = <= >= and IS NOT DISTINCT FROM hold for every non-null x, <> < > and
// IS DISTINCT FROM for none.
Tri self_comparison(const Node& e, const std::string& kind, const std::string& op) {
  if (!e["lexpr"].same_tree(e["rexpr"], "location")) return Tri::Unknown;
  if (kind == "AEXPR_NOT_DISTINCT") return Tri::True;
  if (kind == "AEXPR_DISTINCT") return Tri::False;
  if (kind != "AEXPR_OP" || !is_comparison(op)) return Tri::Unknown;
  return op == "=" || op == "<=" || op == ">=" ? Tri::True : Tri::False;
}

// Whether a WHERE expression is true (or false) for every row, regardless of the data.
Tri evaluate(const Node& node, int depth = 0) {
  if (depth > 64 || !node.is_object()) return Tri::Unknown;
  Constant c = constant_of(node);
  if (c.kind == Constant::Kind::Bool) return c.boolean ? Tri::True : Tri::False;
  if (node.has("BoolExpr")) {
    Node b = node["BoolExpr"];
    std::string op = b.str("boolop");
    std::vector<Tri> args;
    for (const Node& arg : b["args"].list()) args.push_back(evaluate(arg, depth + 1));
    if (op == "NOT_EXPR") return args.empty() ? Tri::Unknown : tri_not(args[0]);
    bool is_and = op == "AND_EXPR";
    bool all = true;
    for (Tri t : args) {
      if (is_and && t == Tri::False) return Tri::False;
      if (!is_and && t == Tri::True) return Tri::True;
      all = all && t == (is_and ? Tri::True : Tri::False);
    }
    return all ? (is_and ? Tri::True : Tri::False) : Tri::Unknown;
  }
  if (node.has("A_Expr")) {
    Node e = node["A_Expr"];
    std::string kind = e.str("kind");
    std::string op = last_name(e["name"]);
    if (kind == "AEXPR_OP" && e.has("lexpr") && e.has("rexpr")) {
      Tri t = compare(op, constant_of(e["lexpr"]), constant_of(e["rexpr"]));
      if (t != Tri::Unknown) return t;
    }
    if (e.has("lexpr") && e.has("rexpr")) {
      Tri t = self_comparison(e, kind, op);
      if (t != Tri::Unknown) return t;
    }
    if (kind == "AEXPR_IN" && e.has("lexpr") && e.has("rexpr")) {
      Constant l = constant_of(e["lexpr"]);
      for (const Node& item : e["rexpr"].list())
        if (compare("=", l, constant_of(item)) == Tri::True) return op == "<>" ? Tri::False : Tri::True;
    }
    if (kind == "AEXPR_LIKE" && e.has("rexpr")) {
      Constant r = constant_of(e["rexpr"]);
      if (r.kind == Constant::Kind::Text && !r.text.empty() && r.text.find_first_not_of('%') == std::string::npos)
        return op == "~~" ? Tri::True : Tri::Unknown;
    }
    return Tri::Unknown;
  }
  if (node.has("NullTest")) {
    Constant arg = constant_of(node["NullTest"]["arg"]);
    bool not_null = node["NullTest"].str("nulltesttype") == "IS_NOT_NULL";
    if (arg.kind == Constant::Kind::None) return Tri::Unknown;
    bool is_null = arg.kind == Constant::Kind::Null;
    return (not_null ? !is_null : is_null) ? Tri::True : Tri::False;
  }
  if (node.has("BooleanTest")) {
    Tri arg = evaluate(node["BooleanTest"]["arg"], depth + 1);
    std::string test = node["BooleanTest"].str("booltesttype");
    if (arg == Tri::Unknown) return Tri::Unknown;
    if (test == "IS_TRUE" || test == "IS_NOT_FALSE") return arg;
    if (test == "IS_FALSE" || test == "IS_NOT_TRUE") return tri_not(arg);
  }
  return Tri::Unknown;
}

// ---- which rows a predicate can tell apart -----------------------------------------------------

// The names a statement's rows are known by: the target (relation name and alias) and the other
// tables it joins (UPDATE ... FROM, DELETE ... USING).
struct Scope {
  std::string relation;
  std::string schema;
  std::set<std::string> target;
  std::set<std::string> others;
};

// Relation names and aliases of every FROM item below a node (joins, subqueries, functions).
void bound_names(const Node& node, std::set<std::string>& names) {
  node.walk([&](const Node& n) {
    if (n.has("RangeVar")) names.insert(n["RangeVar"].str("relname"));
    for (const pg::Key& key : {pg::Key("RangeVar"), pg::Key("RangeSubselect"), pg::Key("RangeFunction"), pg::Key("JoinExpr")})
      if (n.has(key) && n[key].has("alias")) names.insert(n[key]["alias"].str("aliasname"));
  });
}

// The table a column reference names ("" when it names none): users.id -> users, s.id -> s.
std::string qualifier(const Node& column_ref) {
  auto fields = column_ref["fields"].list();
  return fields.size() < 2 ? "" : fields[fields.size() - 2].sval();
}

bool names_column(const Node& column_ref) {
  auto fields = column_ref["fields"].list();
  return !fields.empty() && !fields.back().has("A_Star");
}

bool reads_target(const Node& node, const Scope& scope, int depth = 0);

// Whether a subquery may read the outer row. It is known not to when every column it names is
// qualified by a table of its own: an unqualified name may be an outer column.
bool subquery_reads_target(const Node& select, const Scope& scope) {
  std::set<std::string> inner;
  bound_names(select, inner);
  bool outer = false;
  select.walk([&](const Node& n) {
    if (outer || !n.has("ColumnRef")) return;
    std::string table = qualifier(n["ColumnRef"]);
    if (table.empty()) outer = names_column(n["ColumnRef"]) || inner.empty();
    else outer = !inner.count(table) || scope.target.count(table) > 0;
  });
  return outer;
}

// Whether an expression reads a column of the target row; a column of another joined table does
// not, an unknown one may.
bool reads_target(const Node& node, const Scope& scope, int depth) {
  if (depth > 200) return true;
  if (node.has("ColumnRef")) {
    std::string table = qualifier(node["ColumnRef"]);
    return table.empty() || scope.target.count(table) || !scope.others.count(table);
  }
  if (node.has("SubLink")) {
    Node link = node["SubLink"];
    return reads_target(link["testexpr"], scope, depth + 1) || subquery_reads_target(link["subselect"], scope);
  }
  bool reads = false;
  if (node.is_array()) {
    for (const Node& item : node.list()) reads = reads || reads_target(item, scope, depth + 1);
  } else {
    node.for_each_member([&](std::string_view, const Node& value) { reads = reads || reads_target(value, scope, depth + 1); });
  }
  return reads;
}

bool same_relation(const Node& range_var, const Scope& scope) {
  std::string schema = range_var.str("schemaname");
  bool schema_matches = schema == scope.schema || (schema.empty() && scope.schema == "public") || (scope.schema.empty() && schema == "public");
  return range_var.str("relname") == scope.relation && schema_matches;
}

// `key IN (SELECT key FROM target)`: every row whose key is not null is in the list.
bool key_in_whole_table(const Node& node, const Scope& scope) {
  Node link = node["SubLink"];
  if (link.str("subLinkType") != "ANY_SUBLINK" || (link.has("operName") && last_name(link["operName"]) != "=")) return false;
  Node key = link["testexpr"]["ColumnRef"];
  std::string table = qualifier(key);
  if (!key || !names_column(key) || (!table.empty() && !scope.target.count(table))) return false;
  Node select = link["subselect"]["SelectStmt"];
  auto from = select["fromClause"].list();
  auto targets = select["targetList"].list();
  if (from.size() != 1 || targets.size() != 1 || !from[0].has("RangeVar") || !same_relation(from[0]["RangeVar"], scope)) return false;
  for (const pg::Key& narrowing :
       {pg::Key("whereClause"), pg::Key("havingClause"), pg::Key("limitCount"), pg::Key("limitOffset"), pg::Key("distinctClause")})
    if (select.has(narrowing)) return false;
  if (select.str("op") != "SETOP_NONE") return false;
  Node column = targets[0]["ResTarget"]["val"]["ColumnRef"];
  return column && last_name(column["fields"]) == last_name(key["fields"]);
}

// Why an expression holds for every row of the target, or "".
std::string every_row(const Node& node, const Scope& scope, int depth = 0) {
  if (depth > 64) return "";
  Tri value = evaluate(node);
  if (value == Tri::True) return "a WHERE that is always true";
  if (value == Tri::False) return "";
  if (!reads_target(node, scope)) return "a WHERE that reads no column of the row (it holds for every row or for none)";
  if (node.has("SubLink") && key_in_whole_table(node, scope)) return "a WHERE that looks a key up in the whole table itself";
  if (node.has("BoolExpr")) {
    Node b = node["BoolExpr"];
    std::string op = b.str("boolop");
    auto args = b["args"].list();
    if (op == "OR_EXPR") {
      for (const Node& arg : args)
        if (std::string why = every_row(arg, scope, depth + 1); !why.empty()) return why;
    } else if (op == "AND_EXPR" && !args.empty()) {
      std::string why;
      for (const Node& arg : args)
        if ((why = every_row(arg, scope, depth + 1)).empty()) return "";
      return why;
    }
  }
  return "";
}

}  // namespace

bool always_true(const Node& expression) { return evaluate(expression) == Tri::True; }

std::string reaches_every_row(const Node& statement) {
  Node relation = statement["relation"];
  Scope scope{relation.str("relname"), relation.str("schemaname"), {relation.str("relname")}, {}};
  if (relation.has("alias")) scope.target = {relation["alias"].str("aliasname")};  // an alias hides the name
  bound_names(statement["fromClause"], scope.others);
  bound_names(statement["usingClause"], scope.others);
  return every_row(statement["whereClause"], scope);
}

}  // namespace pgguard::sql
