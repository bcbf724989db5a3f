#include "sql/classify.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "pg/libpg_query.h"
#include "pg/mysqlisms.h"
#include "pg/node.h"
#include "pg/split.h"
#include "util/text.h"

namespace pgguard::sql {
namespace {

using pg::Node;

// libpg_query's JSON for a parse tree; the Nodes point into the document.
std::unique_ptr<rapidjson::Document> parse_tree(const std::string& sql, std::string& error) {
  pg::ParseResult result(sql);
  std::unique_ptr<rapidjson::Document> tree;
  if (!result.ok()) {
    error = result.error();
    if (result.cursor() > 0) error += " at character " + std::to_string(result.cursor());
  } else {
    tree = std::make_unique<rapidjson::Document>();
    if (tree->Parse(result.json()).HasParseError()) tree.reset();
  }
  return tree;
}

// The relation a RangeVar names, schema-qualified as written; "?" when it names none.
std::string relation_or_unknown(const Node& range_var) {
  std::string name = pg::qualified_name(range_var);
  return name.empty() ? "?" : name;
}

std::string text_or_unknown(const Node& node, std::string_view key) { return node.has(key) ? node.str(key) : "?"; }

// The last name of a dotted list (the function or operator name), lower case.
std::string last_name(const Node& names) {
  auto parts = names.list();
  return parts.empty() ? "" : parts.back().sval();
}

// ---- constant-true predicates ----------------------------------------------------------------

enum class Tri { False, True, Unknown };

struct Constant {
  enum class Kind { None, Number, Text, Bool, Null } kind = Kind::None;
  double number = 0;
  std::string text;
  bool boolean = false;
};

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
      bool same = e["lexpr"].same_tree(e["rexpr"], "location");
      if (same && (op == "=" || op == "<=" || op == ">=")) return Tri::True;  // x = x holds for every non-null x
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
  if (node.has("SubLink") && node["SubLink"].str("subLinkType") == "EXISTS_SUBLINK") {
    Node sub = node["SubLink"]["subselect"];
    if (sub.has("SelectStmt") && !sub["SelectStmt"].has("fromClause") && !sub["SelectStmt"].has("whereClause"))
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
      for (const Node& raw : Node(*tree)["stmts"].list()) {
        size_t start = static_cast<size_t>(raw.integer("stmt_location", 0));
        size_t length = static_cast<size_t>(raw.integer("stmt_len", 0));
        size_t end = length == 0 ? text.size() : std::min(text.size(), start + length);
        while (start < end && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
        Statement statement{trim(text.substr(start, end - start)), 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(start), '\n')), {}};
        classify_node(raw["stmt"], statement);
        if (statement.facts.empty()) statement.facts.push_back({FactKind::Read, "reads"});
        statements.push_back(std::move(statement));
      }
      return statements;
    }
    std::string error;
    auto ranges = pg::split_statements(text, error);
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
    std::string found = pg::describe_mysqlisms(sql);
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
    for (const Node& raw : Node(*tree)["stmts"].list()) classify_node(raw["stmt"], statement);
    if (statement.facts.empty()) statement.facts.push_back({FactKind::Read, "reads"});
    return statement;
  }

  void add(Statement& s, FactKind kind, const std::string& what) {
    for (const auto& f : s.facts)
      if (f.kind == kind && f.what == what) return;
    s.facts.push_back({kind, what});
  }

  // A statement node: {"UpdateStmt": {...}}.
  void classify_node(const Node& node, Statement& s) {
    if (!node.is_object() || node.type().empty()) return;
    classify_typed(std::string(node.type()), node.body(), s);
  }

  void classify_typed(const std::string& type, const Node& n, Statement& s) {
    if (type == "SelectStmt") {
      if (n.has("intoClause")) add(s, FactKind::SchemaChange, "SELECT INTO creates the table " + relation_or_unknown(n["intoClause"]["rel"]));
      scan(n, s);
    } else if (type == "InsertStmt") {
      add(s, FactKind::BoundedWrite, "INSERT INTO " + relation_or_unknown(n["relation"]));
      scan(n, s);
    } else if (type == "UpdateStmt" || type == "DeleteStmt") {
      classify_update_delete(type, n, s);
    } else if (type == "MergeStmt") {
      classify_merge(n, s);
    } else if (type == "TruncateStmt") {
      std::vector<std::string> names;
      for (const Node& r : n["relations"].list()) names.push_back(relation_or_unknown(r["RangeVar"]));
      add(s, FactKind::Destructive, "TRUNCATE " + join(names, ", ") + (n.str("behavior") == "DROP_CASCADE" ? " CASCADE" : ""));
    } else if (type == "DropStmt") {
      classify_drop(n, s);
    } else if (type == "DropdbStmt") {
      add(s, FactKind::Destructive, "DROP DATABASE " + text_or_unknown(n, "dbname"));
    } else if (type == "DropOwnedStmt") {
      add(s, FactKind::Destructive, "DROP OWNED drops every object the role owns");
    } else if (type == "AlterTableStmt") {
      classify_alter_table(n, s);
    } else if (type == "CopyStmt") {
      classify_copy(n, s);
    } else if (type == "ExplainStmt") {
      bool analyze = false;
      for (const Node& opt : n["options"].list()) {
        Node d = opt["DefElem"];
        if (d.str("defname") == "analyze") analyze = !d.has("arg") || to_lower(d["arg"].dump()).find("false") == std::string::npos;
      }
      if (analyze) classify_node(n["query"], s);
      else add(s, FactKind::Read, "EXPLAIN");
    } else if (type == "DoStmt") {
      classify_do(n, s);
    } else if (type == "VacuumStmt") {
      bool full = false;
      for (const Node& opt : n["options"].list()) full = full || opt["DefElem"].str("defname") == "full";
      if (full) add(s, FactKind::Maintenance, "VACUUM FULL rewrites each table under an ACCESS EXCLUSIVE lock");
      else add(s, FactKind::Read, n.flag("is_vacuumcmd") ? "VACUUM" : "ANALYZE");
    } else if (type == "ClusterStmt") {
      add(s, FactKind::Maintenance, "CLUSTER rewrites the table under an ACCESS EXCLUSIVE lock");
    } else if (type == "ReindexStmt") {
      bool concurrently = n.dump().find("\"concurrently\"") != std::string::npos;
      if (concurrently) add(s, FactKind::Read, "REINDEX CONCURRENTLY rebuilds indexes online");
      else add(s, FactKind::Maintenance, "REINDEX blocks writes and reads that use the index");
    } else if (type == "RefreshMatViewStmt") {
      if (n.flag("concurrent")) add(s, FactKind::Read, "REFRESH MATERIALIZED VIEW CONCURRENTLY keeps it readable");
      else add(s, FactKind::Maintenance, "REFRESH MATERIALIZED VIEW " + relation_or_unknown(n["relation"]) + " locks it ACCESS EXCLUSIVE");
    } else if (type == "LockStmt") {
      add(s, FactKind::Maintenance, "LOCK TABLE blocks other sessions until the transaction ends");
    } else if (type == "PrepareStmt" || type == "DeclareCursorStmt") {
      classify_node(n["query"], s);
    } else if (type == "CreateTableAsStmt") {
      if (n["into"].has("rel")) created_.insert(relation_or_unknown(n["into"]["rel"]));
      add(s, FactKind::SchemaChange, "CREATE TABLE AS");
      scan(n["query"], s);
    } else if (type == "CreateStmt") {
      created_.insert(relation_or_unknown(n["relation"]));
      add(s, FactKind::SchemaChange, "CREATE TABLE " + relation_or_unknown(n["relation"]));
    } else if (is_session_statement(type)) {
      add(s, FactKind::Read, "session command");
    } else if (type == "CallStmt") {
      size_t before = s.facts.size();
      function_call(n["funccall"], s);  // a procedure created earlier in the SQL is known
      scan(n["funccall"], s);
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

  static std::string describe_ddl(const std::string& type, const Node& n) {
    std::string name = type.substr(0, type.size() - 4);  // CreateIndexStmt -> CreateIndex
    std::string words;
    for (size_t i = 0; i < name.size(); ++i) {
      if (i && std::isupper(static_cast<unsigned char>(name[i]))) words += ' ';
      words += static_cast<char>(std::toupper(static_cast<unsigned char>(name[i])));
    }
    if (n.has("relation")) words += " " + relation_or_unknown(n["relation"]);
    return words;
  }

  void classify_update_delete(const std::string& type, const Node& n, Statement& s) {
    std::string verb = type == "UpdateStmt" ? "UPDATE " : "DELETE FROM ";
    std::string target = verb + relation_or_unknown(n["relation"]);
    if (n["whereClause"].has("CurrentOfExpr")) {
      add(s, FactKind::BoundedWrite, target + " WHERE CURRENT OF");
    } else if (!n.has("whereClause")) {
      add(s, FactKind::UnboundedWrite, target + " without WHERE touches every row");
    } else if (evaluate(n["whereClause"]) == Tri::True) {
      add(s, FactKind::UnboundedWrite, target + " with a WHERE that is always true touches every row");
    } else {
      add(s, FactKind::BoundedWrite, target);
    }
    scan(n, s);
  }

  void classify_merge(const Node& n, Statement& s) {
    std::string target = "MERGE INTO " + relation_or_unknown(n["relation"]);
    bool deletes = n.dump().find("CMD_DELETE") != std::string::npos;
    if (deletes && (!n.has("joinCondition") || evaluate(n["joinCondition"]) == Tri::True))
      add(s, FactKind::UnboundedWrite, target + " deletes rows with a join condition that is always true");
    else
      add(s, FactKind::BoundedWrite, target);
    scan(n, s);
  }

  void classify_drop(const Node& n, Statement& s) {
    static const std::map<std::string, std::string> kDestructive = {
        {"OBJECT_TABLE", "TABLE"}, {"OBJECT_SCHEMA", "SCHEMA"}, {"OBJECT_SEQUENCE", "SEQUENCE"},
        {"OBJECT_MATVIEW", "MATERIALIZED VIEW"}, {"OBJECT_FOREIGN_TABLE", "FOREIGN TABLE"}};
    std::string remove = n.str("removeType");
    bool cascade = n.str("behavior") == "DROP_CASCADE";
    std::vector<std::string> names;
    bool all_created = true;
    for (const Node& object : n["objects"].list()) {
      std::string name = object.has("List") ? object.names() : object.has("String") ? object.sval() : std::string("?");
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

  void classify_alter_table(const Node& n, Statement& s) {
    std::string table = relation_or_unknown(n["relation"]);
    bool destructive = false;
    for (const Node& item : n["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      std::string subtype = cmd.str("subtype");
      if (subtype == "AT_DropColumn" && !created_.count(table)) {
        add(s, FactKind::Destructive, "ALTER TABLE " + table + " DROP COLUMN " + text_or_unknown(cmd, "name"));
        destructive = true;
      } else if (cmd.str("behavior") == "DROP_CASCADE") {
        add(s, FactKind::Destructive, "ALTER TABLE " + table + " ... CASCADE");
        destructive = true;
      }
    }
    if (!destructive) add(s, FactKind::SchemaChange, "ALTER TABLE " + table);
  }

  void classify_copy(const Node& n, Statement& s) {
    std::string target = n.has("relation") ? relation_or_unknown(n["relation"]) : "(query)";
    bool from = n.flag("is_from");
    if (n.flag("is_program")) {
      add(s, FactKind::ShellEscape, "COPY " + target + (from ? " FROM" : " TO") + " PROGRAM '" + n.str("filename") + "' runs a shell command on the database server");
    } else if (n.has("filename")) {
      add(s, FactKind::ShellEscape, "COPY " + target + (from ? " FROM" : " TO") + " '" + n.str("filename") + "' accesses a file on the database server");
    } else if (from) {
      add(s, FactKind::BoundedWrite, "COPY " + target + " FROM STDIN");
    } else {
      add(s, FactKind::Read, "COPY TO STDOUT");
    }
    if (n.has("query")) classify_node(n["query"], s);
  }

  // A FuncCall node's body: side-effect functions, and functions created earlier in the SQL.
  void function_call(const Node& call, Statement& s) {
    std::string name = to_lower(last_name(call["funcname"]));
    std::string qualified = call.has("funcname") ? to_lower(call["funcname"].names()) : name;
    const auto& fns = options_.side_effect_functions;
    if (std::find(fns.begin(), fns.end(), name) != fns.end() || std::find(fns.begin(), fns.end(), qualified) != fns.end())
      add(s, FactKind::SideEffect, qualified + "()");
    if (auto f = functions_.find(name); f != functions_.end())
      for (const auto& fact : f->second) add(s, fact.kind, "calls " + name + "(), which " + fact.what);
  }

  // Walks a statement for side-effect function calls and nested data-modifying statements
  // (CTEs); does not descend into statements that are only defined, not run.
  void scan(const Node& node, Statement& s, int level = 0) {
    if (level > 200) return;
    if (node.is_array()) {
      for (const Node& item : node.list()) scan(item, s, level + 1);
      return;
    }
    node.for_each_member([&](std::string_view key, const Node& value) {
      if (key == "FuncCall") function_call(value, s);
      if (key == "CommonTableExpr" && value.has("ctequery")) {
        Node query = value["ctequery"];
        if (!query.type().empty() && query.type() != "SelectStmt") return classify_node(query, s);
      }
      if (key == "InsertStmt" || key == "UpdateStmt" || key == "DeleteStmt" || key == "MergeStmt") return classify_typed(std::string(key), value, s);
      scan(value, s, level + 1);
    });
  }

  // Keeps what a function or procedure created in this SQL does, for when it is called.
  void remember_function(const Node& n) {
    std::string name = to_lower(last_name(n["funcname"]));
    if (name.empty()) return;
    Statement body{"", 1, {}};
    std::string language = "sql", source;
    for (const Node& option : n["options"].list()) {
      Node d = option["DefElem"];
      if (d.str("defname") == "language") language = to_lower(d["arg"].sval());
      if (d.str("defname") == "as") {
        Node arg = d["arg"];
        auto parts = arg.list();
        source = arg.has("String") ? arg.sval() : parts.empty() ? "" : parts[0].sval();
      }
    }
    if (n.has("sql_body")) scan(n["sql_body"], body);  // BEGIN ATOMIC ... END
    else if (language == "plpgsql") classify_plpgsql_body(source, body, name + "()");
    else if (language == "sql") classify_embedded(source, body, name + "()");
    else add(body, FactKind::Opaque, "is written in " + language);
    std::vector<Fact> effects;
    for (const auto& fact : body.facts)
      if (fact.kind != FactKind::Read) effects.push_back(fact);
    functions_[name] = effects;
  }

  // ---- PL/pgSQL ------------------------------------------------------------------------------

  void classify_do(const Node& n, Statement& s) {
    std::string body, language = "plpgsql";
    for (const Node& arg : n["args"].list()) {
      Node d = arg["DefElem"];
      if (d.str("defname") == "as") body = d["arg"].sval();
      if (d.str("defname") == "language") language = to_lower(d["arg"].sval());
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
    pg::PlpgsqlParseResult result(body);
    if (!result.ok()) {
      add(s, FactKind::ParseError, where + ": " + result.error());
    } else {
      rapidjson::Document funcs;
      if (!funcs.Parse(result.json()).HasParseError()) walk_plpgsql(Node(funcs), s, where);
    }
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
      auto stmts = Node(*tree)["stmts"].list();
      auto targets = stmts.empty() ? std::vector<Node>{} : stmts[0]["stmt"]["SelectStmt"]["targetList"].list();
      if (targets.size() == 1) {
        Constant c = constant_of(targets[0]["ResTarget"]["val"]);
        if (c.kind == Constant::Kind::Text) return classify_embedded(c.text, s, where + " EXECUTE");
      }
    }
    add(s, FactKind::Opaque, where + ": EXECUTE " + shorten(expression, 80) + " builds SQL the guard cannot read");
  }

  void walk_plpgsql(const Node& node, Statement& s, const std::string& where, int level = 0) {
    if (level > 200) return;
    if (node.is_array()) {
      for (const Node& item : node.list()) walk_plpgsql(item, s, where, level + 1);
      return;
    }
    node.for_each_member([&](std::string_view key, const Node& value) {
      if (key == "PLpgSQL_stmt_execsql" && value.has("sqlstmt"))
        return classify_embedded(value["sqlstmt"]["PLpgSQL_expr"].str("query"), s, where);
      if ((key == "PLpgSQL_stmt_dynexecute" || key == "PLpgSQL_stmt_dynfors") && value.has("query")) {
        classify_dynamic(value["query"]["PLpgSQL_expr"].str("query"), s, where);
        return walk_plpgsql(value, s, where, level + 1);
      }
      if ((key == "PLpgSQL_stmt_return_query" || key == "PLpgSQL_stmt_open") && value.has("dynquery"))
        return classify_dynamic(value["dynquery"]["PLpgSQL_expr"].str("query"), s, where);
      if (key == "PLpgSQL_expr") {
        std::string query = value.str("query");
        std::string error;
        return classify_embedded(parse_tree(query, error) ? query : "SELECT " + query, s, where);
      }
      walk_plpgsql(value, s, where, level + 1);
    });
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
