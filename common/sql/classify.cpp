#include "sql/classify.h"

#include <pg_query.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <map>
#include <set>

#include "sql/mysqlisms.h"
#include "sql/split.h"
#include "util/text.h"

namespace pgguard::sql {
namespace {

using nlohmann::json;

std::optional<json> parse_tree(const std::string& sql, std::string& error) {
  PgQueryParseResult result = pg_query_parse(sql.c_str());
  std::optional<json> tree;
  if (result.error) {
    error = result.error->message ? result.error->message : "syntax error";
    if (result.error->cursorpos > 0) error += " at character " + std::to_string(result.error->cursorpos);
  } else {
    tree = json::parse(result.parse_tree, nullptr, false);
    if (tree->is_discarded()) tree.reset();
  }
  pg_query_free_parse_result(result);
  return tree;
}

// Each element of a list node ({"List": {"items": [...]}}, or a plain array).
const json& items_of(const json& node) {
  static const json empty = json::array();
  if (node.is_array()) return node;
  if (node.contains("List")) return node["List"].contains("items") ? node["List"]["items"] : empty;
  return empty;
}

std::string string_value(const json& node) {
  if (node.contains("String")) return node["String"].value("sval", "");
  return "";
}

std::string qualified_name(const json& names) {
  std::vector<std::string> parts;
  for (const auto& item : items_of(names)) parts.push_back(string_value(item));
  return join(parts, ".");
}

std::string relation_name(const json& range_var) {
  std::string name = range_var.value("relname", "?");
  if (range_var.contains("schemaname")) name = range_var["schemaname"].get<std::string>() + "." + name;
  return name;
}

// ---- constant-true predicates ----------------------------------------------------------------

enum class Tri { False, True, Unknown };

struct Constant {
  enum class Kind { None, Number, Text, Bool, Null } kind = Kind::None;
  double number = 0;
  std::string text;
  bool boolean = false;
};

Constant constant_of(const json& node) {
  Constant c;
  if (node.contains("TypeCast")) {
    Constant inner = constant_of(node["TypeCast"]["arg"]);
    std::string type = qualified_name(node["TypeCast"]["typeName"].value("names", json::array()));
    bool to_bool = type == "pg_catalog.bool" || type == "bool" || type == "boolean";
    if (to_bool && inner.kind == Constant::Kind::Number) return {Constant::Kind::Bool, 0, "", inner.number != 0};
    if (to_bool && inner.kind == Constant::Kind::Text) {
      std::string t = to_lower(inner.text);
      if (t == "t" || t == "true" || t == "yes" || t == "on" || t == "1" || t == "y") return {Constant::Kind::Bool, 0, "", true};
      if (t == "f" || t == "false" || t == "no" || t == "off" || t == "0" || t == "n") return {Constant::Kind::Bool, 0, "", false};
    }
    return inner;
  }
  if (!node.contains("A_Const")) return c;
  const json& k = node["A_Const"];
  if (k.value("isnull", false)) c.kind = Constant::Kind::Null;
  else if (k.contains("ival")) c = {Constant::Kind::Number, static_cast<double>(k["ival"].value("ival", 0)), "", false};
  else if (k.contains("fval")) c = {Constant::Kind::Number, std::strtod(k["fval"].value("fval", "0").c_str(), nullptr), "", false};
  else if (k.contains("boolval")) c = {Constant::Kind::Bool, 0, "", k["boolval"].value("boolval", false)};
  else if (k.contains("sval")) c = {Constant::Kind::Text, 0, k["sval"].value("sval", ""), false};
  return c;
}

json without_locations(const json& node) {
  if (node.is_object()) {
    json out = json::object();
    for (const auto& [key, value] : node.items())
      if (key != "location") out[key] = without_locations(value);
    return out;
  }
  if (node.is_array()) {
    json out = json::array();
    for (const auto& value : node) out.push_back(without_locations(value));
    return out;
  }
  return node;
}

Tri tri_not(Tri t) { return t == Tri::True ? Tri::False : t == Tri::False ? Tri::True : Tri::Unknown; }

Tri compare(const std::string& op, const Constant& l, const Constant& r) {
  int cmp;
  if (l.kind == Constant::Kind::Number && r.kind == Constant::Kind::Number) cmp = l.number < r.number ? -1 : l.number > r.number ? 1 : 0;
  else if (l.kind == Constant::Kind::Text && r.kind == Constant::Kind::Text) cmp = l.text.compare(r.text);
  else if (l.kind == Constant::Kind::Bool && r.kind == Constant::Kind::Bool) cmp = int(l.boolean) - int(r.boolean);
  else return Tri::Unknown;
  bool result = op == "=" ? cmp == 0 : (op == "<>" || op == "!=") ? cmp != 0 : op == "<" ? cmp < 0 : op == ">" ? cmp > 0
              : op == "<=" ? cmp <= 0 : op == ">=" ? cmp >= 0 : false;
  if (op != "=" && op != "<>" && op != "!=" && op != "<" && op != ">" && op != "<=" && op != ">=") return Tri::Unknown;
  return result ? Tri::True : Tri::False;
}

// Whether a WHERE expression is true for every row, regardless of the data.
Tri evaluate(const json& node, int depth = 0) {
  if (depth > 64 || !node.is_object()) return Tri::Unknown;
  Constant c = constant_of(node);
  if (c.kind == Constant::Kind::Bool) return c.boolean ? Tri::True : Tri::False;
  if (node.contains("BoolExpr")) {
    const json& b = node["BoolExpr"];
    std::string op = b.value("boolop", "");
    std::vector<Tri> args;
    for (const auto& arg : b.value("args", json::array())) args.push_back(evaluate(arg, depth + 1));
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
  if (node.contains("A_Expr")) {
    const json& e = node["A_Expr"];
    std::string kind = e.value("kind", "");
    std::string op = e.contains("name") ? string_value(items_of(e["name"]).empty() ? json() : items_of(e["name"]).back()) : "";
    if (kind == "AEXPR_OP" && e.contains("lexpr") && e.contains("rexpr")) {
      Tri t = compare(op, constant_of(e["lexpr"]), constant_of(e["rexpr"]));
      if (t != Tri::Unknown) return t;
      bool same = without_locations(e["lexpr"]) == without_locations(e["rexpr"]);
      if (same && (op == "=" || op == "<=" || op == ">=")) return Tri::True;  // x = x holds for every non-null x
    }
    if (kind == "AEXPR_IN" && e.contains("lexpr") && e.contains("rexpr")) {
      Constant l = constant_of(e["lexpr"]);
      for (const auto& item : items_of(e["rexpr"]))
        if (compare("=", l, constant_of(item)) == Tri::True) return op == "<>" ? Tri::False : Tri::True;
    }
    if (kind == "AEXPR_LIKE" && e.contains("rexpr")) {
      Constant r = constant_of(e["rexpr"]);
      if (r.kind == Constant::Kind::Text && !r.text.empty() && r.text.find_first_not_of('%') == std::string::npos)
        return op == "~~" ? Tri::True : Tri::Unknown;
    }
    return Tri::Unknown;
  }
  if (node.contains("NullTest")) {
    Constant arg = constant_of(node["NullTest"]["arg"]);
    bool not_null = node["NullTest"].value("nulltesttype", "") == "IS_NOT_NULL";
    if (arg.kind == Constant::Kind::None) return Tri::Unknown;
    bool is_null = arg.kind == Constant::Kind::Null;
    return (not_null ? !is_null : is_null) ? Tri::True : Tri::False;
  }
  if (node.contains("BooleanTest")) {
    Tri arg = evaluate(node["BooleanTest"]["arg"], depth + 1);
    std::string test = node["BooleanTest"].value("booltesttype", "");
    if (arg == Tri::Unknown) return Tri::Unknown;
    if (test == "IS_TRUE" || test == "IS_NOT_FALSE") return arg;
    if (test == "IS_FALSE" || test == "IS_NOT_TRUE") return tri_not(arg);
  }
  if (node.contains("SubLink") && node["SubLink"].value("subLinkType", "") == "EXISTS_SUBLINK") {
    const json& sub = node["SubLink"]["subselect"];
    if (sub.contains("SelectStmt") && !sub["SelectStmt"].contains("fromClause") && !sub["SelectStmt"].contains("whereClause"))
      return Tri::True;
  }
  return Tri::Unknown;
}

// ---- statement classification ----------------------------------------------------------------

class Classifier {
 public:
  Classifier(const ClassifyOptions& options, int depth) : options_(options), depth_(depth) {}

  std::vector<Statement> run(std::string_view sql) {
    std::vector<Statement> statements;
    std::string text(sql);
    if (text.find('\0') != std::string::npos) {
      statements.push_back({shorten(text), 1, {{FactKind::ParseError, "the SQL contains a NUL byte"}}});
      return statements;
    }
    std::string parse_error;
    if (auto tree = parse_tree(text, parse_error)) {
      for (const auto& raw : tree->value("stmts", json::array())) {
        size_t start = raw.value("stmt_location", 0);
        size_t length = raw.value("stmt_len", 0);
        size_t end = length == 0 ? text.size() : std::min(text.size(), start + length);
        while (start < end && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
        Statement statement{trim(text.substr(start, end - start)), 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(start), '\n')), {}};
        if (raw.contains("stmt")) classify_node(raw["stmt"], statement);
        if (statement.facts.empty()) statement.facts.push_back({FactKind::Read, "reads"});
        statements.push_back(std::move(statement));
      }
      return statements;
    }
    std::string error;
    auto ranges = split_statements(text, error);
    if (!error.empty()) statements.push_back({shorten(text), 1, {{FactKind::ParseError, error + mysql_hint(text)}}});
    for (auto [start, end] : ranges) {
      if (options_.budget && options_.budget->expired()) {
        statements.push_back({"", 1, {{FactKind::Opaque, "the SQL is too long to analyse within the time budget"}}});
        break;
      }
      end = std::min(end, text.size());
      while (start < end && std::isspace(static_cast<unsigned char>(text[start]))) ++start;  // the line of its first token
      std::string stmt_text = text.substr(start, end - start);
      if (stmt_text.empty()) continue;
      int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(start), '\n'));
      statements.push_back(classify_statement(stmt_text, line));
    }
    return statements;
  }

 private:
  const ClassifyOptions& options_;
  int depth_;
  std::set<std::string> created_;  // relations created earlier in the same input
  std::map<std::string, std::vector<Fact>> functions_;  // what functions created earlier in the input do

  static std::string mysql_hint(const std::string& sql) {
    std::string found = describe_mysqlisms(sql);
    return found.empty() ? "" : "; MySQL syntax: " + found;
  }

  Statement classify_statement(const std::string& text, int line) {
    Statement statement{trim(text), line, {}};
    std::string error;
    auto tree = parse_tree(text, error);
    if (!tree) {
      statement.facts.push_back({FactKind::ParseError, error + mysql_hint(text)});
      return statement;
    }
    for (const auto& raw : tree->value("stmts", json::array()))
      if (raw.contains("stmt")) classify_node(raw["stmt"], statement);
    if (statement.facts.empty()) statement.facts.push_back({FactKind::Read, "reads"});
    return statement;
  }

  void add(Statement& s, FactKind kind, const std::string& what) {
    for (const auto& f : s.facts)
      if (f.kind == kind && f.what == what) return;
    s.facts.push_back({kind, what});
  }

  void classify_node(const json& node, Statement& s) {
    if (!node.is_object() || node.empty()) return;
    const std::string type = node.begin().key();
    const json& n = node.begin().value();
    if (type == "SelectStmt") {
      if (n.contains("intoClause")) add(s, FactKind::SchemaChange, "SELECT INTO creates the table " + relation_name(n["intoClause"]["rel"]));
      scan(n, s);
    } else if (type == "InsertStmt") {
      add(s, FactKind::BoundedWrite, "INSERT INTO " + relation_name(n["relation"]));
      scan(n, s);
    } else if (type == "UpdateStmt" || type == "DeleteStmt") {
      classify_update_delete(type, n, s);
    } else if (type == "MergeStmt") {
      classify_merge(n, s);
    } else if (type == "TruncateStmt") {
      std::vector<std::string> names;
      for (const auto& r : n.value("relations", json::array())) names.push_back(relation_name(r.value("RangeVar", json::object())));
      add(s, FactKind::Destructive, "TRUNCATE " + join(names, ", ") + (n.value("behavior", "") == "DROP_CASCADE" ? " CASCADE" : ""));
    } else if (type == "DropStmt") {
      classify_drop(n, s);
    } else if (type == "DropdbStmt") {
      add(s, FactKind::Destructive, "DROP DATABASE " + n.value("dbname", "?"));
    } else if (type == "DropOwnedStmt") {
      add(s, FactKind::Destructive, "DROP OWNED drops every object the role owns");
    } else if (type == "AlterTableStmt") {
      classify_alter_table(n, s);
    } else if (type == "CopyStmt") {
      classify_copy(n, s);
    } else if (type == "ExplainStmt") {
      bool analyze = false;
      for (const auto& opt : n.value("options", json::array())) {
        const json& d = opt.value("DefElem", json::object());
        if (d.value("defname", "") == "analyze") {
          analyze = !d.contains("arg") || to_lower(d["arg"].dump()).find("false") == std::string::npos;
        }
      }
      if (analyze) classify_node(n["query"], s);
      else add(s, FactKind::Read, "EXPLAIN");
    } else if (type == "DoStmt") {
      classify_do(n, s);
    } else if (type == "VacuumStmt") {
      bool full = false;
      for (const auto& opt : n.value("options", json::array()))
        full = full || opt.value("DefElem", json::object()).value("defname", "") == "full";
      if (full) add(s, FactKind::Maintenance, "VACUUM FULL rewrites each table under an ACCESS EXCLUSIVE lock");
      else add(s, FactKind::Read, n.value("is_vacuumcmd", false) ? "VACUUM" : "ANALYZE");
    } else if (type == "ClusterStmt") {
      add(s, FactKind::Maintenance, "CLUSTER rewrites the table under an ACCESS EXCLUSIVE lock");
    } else if (type == "ReindexStmt") {
      bool concurrently = n.dump().find("\"concurrently\"") != std::string::npos;
      if (concurrently) add(s, FactKind::Read, "REINDEX CONCURRENTLY rebuilds indexes online");
      else add(s, FactKind::Maintenance, "REINDEX blocks writes and reads that use the index");
    } else if (type == "RefreshMatViewStmt") {
      if (n.value("concurrent", false)) add(s, FactKind::Read, "REFRESH MATERIALIZED VIEW CONCURRENTLY keeps it readable");
      else add(s, FactKind::Maintenance, "REFRESH MATERIALIZED VIEW " + relation_name(n["relation"]) + " locks it ACCESS EXCLUSIVE");
    } else if (type == "LockStmt") {
      add(s, FactKind::Maintenance, "LOCK TABLE blocks other sessions until the transaction ends");
    } else if (type == "PrepareStmt" || type == "DeclareCursorStmt") {
      classify_node(n["query"], s);
    } else if (type == "CreateTableAsStmt") {
      const json& into = n.value("into", json::object());
      if (into.contains("rel")) created_.insert(relation_name(into["rel"]));
      add(s, FactKind::SchemaChange, "CREATE TABLE AS");
      scan(n.value("query", json::object()), s);
    } else if (type == "CreateStmt") {
      created_.insert(relation_name(n["relation"]));
      add(s, FactKind::SchemaChange, "CREATE TABLE " + relation_name(n["relation"]));
    } else if (is_session_statement(type)) {
      add(s, FactKind::Read, "session command");
    } else if (type == "CallStmt") {
      size_t before = s.facts.size();
      scan(json{{"FuncCall", n.value("funccall", json::object())}}, s);  // a procedure created earlier in the SQL is known
      if (s.facts.size() == before) add(s, FactKind::SchemaChange, "CALL runs a procedure with effects the guard cannot see");
    } else if (type == "CreateFunctionStmt") {
      add(s, FactKind::SchemaChange, describe_ddl(type, n));
      remember_function(n);
    } else {
      add(s, FactKind::SchemaChange, describe_ddl(type, n));
    }
  }

  static bool is_session_statement(const std::string& type) {
    static const std::set<std::string> kSession = {
        "TransactionStmt", "VariableSetStmt", "VariableShowStmt", "DiscardStmt", "ListenStmt", "NotifyStmt", "UnlistenStmt",
        "CheckPointStmt", "DeallocateStmt", "ExecuteStmt", "ConstraintsSetStmt", "FetchStmt", "ClosePortalStmt"};
    return kSession.count(type) > 0;
  }

  static std::string describe_ddl(const std::string& type, const json& n) {
    std::string name = type.substr(0, type.size() - 4);  // CreateIndexStmt -> CreateIndex
    std::string words;
    for (size_t i = 0; i < name.size(); ++i) {
      if (i && std::isupper(static_cast<unsigned char>(name[i]))) words += ' ';
      words += static_cast<char>(std::toupper(static_cast<unsigned char>(name[i])));
    }
    if (n.contains("relation")) words += " " + relation_name(n["relation"]);
    return words;
  }

  void classify_update_delete(const std::string& type, const json& n, Statement& s) {
    std::string verb = type == "UpdateStmt" ? "UPDATE " : "DELETE FROM ";
    std::string target = verb + relation_name(n["relation"]);
    if (n.contains("whereClause") && n["whereClause"].contains("CurrentOfExpr")) {
      add(s, FactKind::BoundedWrite, target + " WHERE CURRENT OF");
    } else if (!n.contains("whereClause")) {
      add(s, FactKind::UnboundedWrite, target + " without WHERE touches every row");
    } else if (evaluate(n["whereClause"]) == Tri::True) {
      add(s, FactKind::UnboundedWrite, target + " with a WHERE that is always true touches every row");
    } else {
      add(s, FactKind::BoundedWrite, target);
    }
    scan(n, s);
  }

  void classify_merge(const json& n, Statement& s) {
    std::string target = "MERGE INTO " + relation_name(n["relation"]);
    bool deletes = n.dump().find("CMD_DELETE") != std::string::npos;
    if (deletes && (!n.contains("joinCondition") || evaluate(n["joinCondition"]) == Tri::True))
      add(s, FactKind::UnboundedWrite, target + " deletes rows with a join condition that is always true");
    else
      add(s, FactKind::BoundedWrite, target);
    scan(n, s);
  }

  void classify_drop(const json& n, Statement& s) {
    static const std::map<std::string, std::string> kDestructive = {
        {"OBJECT_TABLE", "TABLE"}, {"OBJECT_SCHEMA", "SCHEMA"}, {"OBJECT_SEQUENCE", "SEQUENCE"},
        {"OBJECT_MATVIEW", "MATERIALIZED VIEW"}, {"OBJECT_FOREIGN_TABLE", "FOREIGN TABLE"}};
    std::string remove = n.value("removeType", "");
    bool cascade = n.value("behavior", "") == "DROP_CASCADE";
    std::vector<std::string> names;
    bool all_created = true;
    for (const auto& object : n.value("objects", json::array())) {
      std::string name = object.contains("List") ? qualified_name(object) : object.contains("String") ? string_value(object)
                                                                                                       : std::string("?");
      names.push_back(name);
      all_created = all_created && created_.count(name);
    }
    std::string kind = remove.substr(remove.find('_') + 1);
    std::replace(kind.begin(), kind.end(), '_', ' ');
    auto it = kDestructive.find(remove);
    std::string what = "DROP " + (it != kDestructive.end() ? it->second : kind) + " " + join(names, ", ") + (cascade ? " CASCADE" : "");
    if (all_created && !names.empty() && !cascade) {
      add(s, FactKind::SchemaChange, what + " (created earlier in the same SQL)");
    } else if (it != kDestructive.end() || cascade) {
      add(s, FactKind::Destructive, what);
    } else {
      add(s, FactKind::SchemaChange, what);
    }
  }

  void classify_alter_table(const json& n, Statement& s) {
    std::string table = relation_name(n["relation"]);
    bool destructive = false;
    for (const auto& item : n.value("cmds", json::array())) {
      const json& cmd = item.value("AlterTableCmd", json::object());
      std::string subtype = cmd.value("subtype", "");
      if (subtype == "AT_DropColumn" && !created_.count(table)) {
        add(s, FactKind::Destructive, "ALTER TABLE " + table + " DROP COLUMN " + cmd.value("name", "?"));
        destructive = true;
      } else if (cmd.value("behavior", "") == "DROP_CASCADE") {
        add(s, FactKind::Destructive, "ALTER TABLE " + table + " ... CASCADE");
        destructive = true;
      }
    }
    if (!destructive) add(s, FactKind::SchemaChange, "ALTER TABLE " + table);
  }

  void classify_copy(const json& n, Statement& s) {
    std::string target = n.contains("relation") ? relation_name(n["relation"]) : "(query)";
    bool from = n.value("is_from", false);
    if (n.value("is_program", false)) {
      add(s, FactKind::ShellEscape, "COPY " + target + (from ? " FROM" : " TO") + " PROGRAM '" + n.value("filename", "") + "' runs a shell command on the database server");
    } else if (n.contains("filename")) {
      add(s, FactKind::ShellEscape, "COPY " + target + (from ? " FROM" : " TO") + " '" + n.value("filename", "") + "' accesses a file on the database server");
    } else if (from) {
      add(s, FactKind::BoundedWrite, "COPY " + target + " FROM STDIN");
    } else {
      add(s, FactKind::Read, "COPY TO STDOUT");
    }
    if (n.contains("query")) classify_node(n["query"], s);
  }

  // Walks a statement for side-effect function calls and nested data-modifying statements
  // (CTEs); does not descend into statements that are only defined, not run.
  void scan(const json& node, Statement& s, int level = 0) {
    if (level > 200) return;
    if (node.is_array()) {
      for (const auto& item : node) scan(item, s, level + 1);
      return;
    }
    if (!node.is_object()) return;
    for (const auto& [key, value] : node.items()) {
      if (key == "FuncCall") {
        std::string name = value.contains("funcname") && !items_of(value["funcname"]).empty()
                               ? to_lower(string_value(items_of(value["funcname"]).back()))
                               : "";
        std::string qualified = value.contains("funcname") ? to_lower(qualified_name(value["funcname"])) : name;
        const auto& fns = options_.side_effect_functions;
        if (std::find(fns.begin(), fns.end(), name) != fns.end() || std::find(fns.begin(), fns.end(), qualified) != fns.end())
          add(s, FactKind::SideEffect, qualified + "()");
        if (auto f = functions_.find(name); f != functions_.end())
          for (const auto& fact : f->second) add(s, fact.kind, "calls " + name + "(), which " + fact.what);
      }
      if (key == "CommonTableExpr" && value.contains("ctequery")) {
        const json& query = value["ctequery"];
        if (!query.empty() && query.is_object() && query.begin().key() != "SelectStmt") {
          classify_node(query, s);
          continue;
        }
      }
      if (key == "InsertStmt" || key == "UpdateStmt" || key == "DeleteStmt" || key == "MergeStmt") {
        classify_node(json{{key, value}}, s);
        continue;
      }
      scan(value, s, level + 1);
    }
  }

  // Keeps what a function or procedure created in this SQL does, for when it is called.
  void remember_function(const json& n) {
    std::string name = n.contains("funcname") && !items_of(n["funcname"]).empty() ? to_lower(string_value(items_of(n["funcname"]).back())) : "";
    if (name.empty()) return;
    Statement body{"", 1, {}};
    std::string language = "sql", source;
    for (const auto& option : n.value("options", json::array())) {
      const json& d = option.value("DefElem", json::object());
      if (d.value("defname", "") == "language") language = to_lower(string_value(d.value("arg", json::object())));
      if (d.value("defname", "") == "as") {
        const json& arg = d.value("arg", json::object());
        source = arg.contains("String") ? string_value(arg) : items_of(arg).empty() ? "" : string_value(items_of(arg)[0]);
      }
    }
    if (n.contains("sql_body")) scan(n["sql_body"], body);  // BEGIN ATOMIC ... END
    else if (language == "plpgsql") classify_plpgsql_body(source, body, name + "()");
    else if (language == "sql") classify_embedded(source, body, name + "()");
    else add(body, FactKind::Opaque, "is written in " + language);
    std::vector<Fact> effects;
    for (const auto& fact : body.facts)
      if (fact.kind != FactKind::Read) effects.push_back(fact);
    functions_[name] = effects;
  }

  // ---- PL/pgSQL ------------------------------------------------------------------------------

  void classify_do(const json& n, Statement& s) {
    std::string body, language = "plpgsql";
    for (const auto& arg : n.value("args", json::array())) {
      const json& d = arg.value("DefElem", json::object());
      if (d.value("defname", "") == "as") body = string_value(d.value("arg", json::object()));
      if (d.value("defname", "") == "language") language = to_lower(string_value(d.value("arg", json::object())));
    }
    if (language != "plpgsql") {
      add(s, FactKind::Opaque, "DO block in " + language + ", which the guard cannot read");
      return;
    }
    classify_plpgsql_body(body, s, "DO block");
  }

  void classify_plpgsql_body(const std::string& body, Statement& s, const std::string& where) {
    if (depth_ >= options_.max_depth) {
      add(s, FactKind::Opaque, where + " nested deeper than the guard follows");
      return;
    }
    std::string tag = "$pgguard$";
    for (int i = 0; body.find(tag) != std::string::npos && i < 100; ++i) tag = "$pgguard" + std::to_string(i) + "$";
    std::string function = "CREATE FUNCTION pgguard_body() RETURNS void LANGUAGE plpgsql AS " + tag + body + tag;
    PgQueryPlpgsqlParseResult result = pg_query_parse_plpgsql(function.c_str());
    if (result.error) {
      add(s, FactKind::ParseError, where + ": " + std::string(result.error->message ? result.error->message : "syntax error"));
    } else {
      json funcs = json::parse(result.plpgsql_funcs, nullptr, false);
      if (!funcs.is_discarded()) walk_plpgsql(funcs, s, where);
    }
    pg_query_free_plpgsql_parse_result(result);
  }

  void classify_embedded(const std::string& sql, Statement& s, const std::string& where) {
    Classifier inner(options_, depth_ + 1);
    inner.created_ = created_;
    for (const auto& stmt : inner.run(sql))
      for (const auto& fact : stmt.facts)
        if (fact.kind != FactKind::Read) add(s, fact.kind, where + ": " + fact.what);
  }

  // EXECUTE of a single string literal runs that literal; anything else is opaque.
  void classify_dynamic(const std::string& expression, Statement& s, const std::string& where) {
    std::string error;
    auto tree = parse_tree("SELECT " + expression, error);
    if (tree) {
      const json& stmts = (*tree)["stmts"];
      const json& targets = stmts.empty() ? json() : stmts[0]["stmt"]["SelectStmt"].value("targetList", json::array());
      if (targets.size() == 1) {
        Constant c = constant_of(targets[0]["ResTarget"]["val"]);
        if (c.kind == Constant::Kind::Text) return classify_embedded(c.text, s, where + " EXECUTE");
      }
    }
    add(s, FactKind::Opaque, where + ": EXECUTE " + shorten(expression, 80) + " builds SQL the guard cannot read");
  }

  void walk_plpgsql(const json& node, Statement& s, const std::string& where, int level = 0) {
    if (level > 200) return;
    if (node.is_array()) {
      for (const auto& item : node) walk_plpgsql(item, s, where, level + 1);
      return;
    }
    if (!node.is_object()) return;
    for (const auto& [key, value] : node.items()) {
      if (key == "PLpgSQL_stmt_execsql" && value.contains("sqlstmt")) {
        classify_embedded(value["sqlstmt"]["PLpgSQL_expr"].value("query", ""), s, where);
        continue;
      }
      if ((key == "PLpgSQL_stmt_dynexecute" || key == "PLpgSQL_stmt_dynfors") && value.contains("query")) {
        classify_dynamic(value["query"]["PLpgSQL_expr"].value("query", ""), s, where);
        walk_plpgsql(value, s, where, level + 1);
        continue;
      }
      if ((key == "PLpgSQL_stmt_return_query" || key == "PLpgSQL_stmt_open") && value.contains("dynquery")) {
        classify_dynamic(value["dynquery"]["PLpgSQL_expr"].value("query", ""), s, where);
        continue;
      }
      if (key == "PLpgSQL_expr") {
        std::string query = value.value("query", "");
        std::string error;
        classify_embedded(parse_tree(query, error) ? query : "SELECT " + query, s, where);
        continue;
      }
      walk_plpgsql(value, s, where, level + 1);
    }
  }
};

}  // namespace

std::vector<Statement> classify(std::string_view sql, const ClassifyOptions& options) {
  Classifier classifier(options, 0);
  return classifier.run(sql);
}

bool has_fact(const Statement& statement, FactKind kind) {
  return std::any_of(statement.facts.begin(), statement.facts.end(), [&](const Fact& f) { return f.kind == kind; });
}

}  // namespace pgguard::sql
