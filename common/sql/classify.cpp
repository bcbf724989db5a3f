#include "sql/classify.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "pg/libpg_query.h"
#include "pg/mysqlisms.h"
#include "pg/node.h"
#include "pg/split.h"
#include "pg/tree.h"
#include "sql/predicate.h"
#include "util/text.h"

namespace pgguard::sql {
namespace {

using pg::Node;

// The parse tree of `sql`, held in `trees`; an invalid Node when it does not parse.
Node parse_tree(const std::string& sql, pg::Tree& trees, std::string& error) {
  pg::ParseResult result(sql);
  if (result.ok()) return trees.parse(result.json());
  error = result.error();
  if (result.cursor() > 0) error += " at character " + std::to_string(result.cursor());
  return {};
}

// The relation a RangeVar names, schema-qualified as written; "?" when it names none.
std::string relation_or_unknown(const Node& range_var) {
  std::string name = pg::qualified_name(range_var);
  return name.empty() ? "?" : name;
}

std::string text_or_unknown(const Node& node, std::string_view key) { return node.has(key) ? node.str(key) : "?"; }

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
    if (auto tree = parse_tree(text, trees_, parse_error)) {
      for (const Node& raw : tree["stmts"].list()) {
        size_t start = static_cast<size_t>(raw.integer("stmt_location", 0));
        size_t length = static_cast<size_t>(raw.integer("stmt_len", 0));
        size_t end = length == 0 ? text.size() : std::min(text.size(), start + length);
        while (start < end && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
        Statement statement{trim(text.substr(start, end - start)), 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(start), '\n')), {}};
        classify_top(raw["stmt"], statement);
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
  pg::Tree trees_;                 // the parse trees of the input, its bodies' and its EXECUTEs'
  std::set<std::string> created_;  // relations created earlier in the same input
  std::map<std::string, std::vector<Fact>> functions_;  // what functions created earlier in the input do
  bool runs_once_ = false;       // the top-level statement being classified evaluates its expressions once
  double waited_seconds_ = 0;    // short waits so far in the input

  static std::string mysql_hint(const std::string& sql) {
    std::string found = pg::describe_mysqlisms(sql);
    return found.empty() ? "" : "; MySQL syntax: " + found;
  }

  Statement classify_statement(const std::string& text, int line) {
    Statement statement{trim(text), line, {}};
    std::string error;
    auto tree = parse_tree(text, trees_, error);
    if (!tree) {
      statement.facts.push_back({FactKind::ParseError, error + mysql_hint(text)});
      return statement;
    }
    for (const Node& raw : tree["stmts"].list()) classify_top(raw["stmt"], statement);
    if (statement.facts.empty()) statement.facts.push_back({FactKind::Read, "reads"});
    return statement;
  }

  void add(Statement& s, FactKind kind, const std::string& what) {
    for (const auto& f : s.facts)
      if (f.kind == kind && f.what == what) return;
    s.facts.push_back({kind, what});
  }

  // A statement as written at the top level of the SQL.
  void classify_top(const Node& node, Statement& s) {
    runs_once_ = node.type() == "SelectStmt" && !reads_rows(node);
    classify_node(node, s);
    runs_once_ = false;
  }

  // Whether a query evaluates its expressions per row: some SELECT in it reads a FROM list.
  static bool reads_rows(const Node& node) {
    bool rows = false;
    node.walk([&](const Node& n) { rows = rows || (n.has("SelectStmt") && n["SelectStmt"].has("fromClause")); });
    return rows;
  }

  // A literal wait length in seconds (a number, or text such as '2', '1.5 seconds', '500 ms');
  // negative when it is not a literal the guard reads.
  static double literal_seconds(const Node& argument) {
    Constant c = constant_of(argument);
    if (c.kind == Constant::Kind::Number) return c.number;
    if (c.kind != Constant::Kind::Text) return -1;
    char* end = nullptr;
    double amount = std::strtod(c.text.c_str(), &end);
    if (end == c.text.c_str()) return -1;
    static const std::map<std::string, double> kUnits = {{"", 1}, {"s", 1}, {"sec", 1}, {"secs", 1}, {"second", 1}, {"seconds", 1},
                                                         {"ms", 0.001}, {"millisecond", 0.001}, {"milliseconds", 0.001},
                                                         {"min", 60}, {"mins", 60}, {"minute", 60}, {"minutes", 60}};
    auto unit = kUnits.find(to_lower(trim(end)));
    return unit == kUnits.end() ? -1 : amount * unit->second;
  }

  // A short wait in a statement that runs it once is a pause, not a side effect. Bodies of DO
  // blocks and functions may loop, so a wait there stays a side effect.
  bool short_wait(const Node& call, const std::string& name) {
    const auto& waits = options_.short_wait_functions;
    auto args = call["args"].list();
    if (!runs_once_ || depth_ > 0 || args.size() != 1 || std::find(waits.begin(), waits.end(), name) == waits.end()) return false;
    double seconds = literal_seconds(args[0]);
    if (seconds < 0) return false;
    waited_seconds_ += seconds;
    return waited_seconds_ <= options_.max_wait_seconds;
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
      for (const auto& fact : remember_function(n)) {  // a trigger fires it later, unasked
        // PostgreSQL resolves types the parser cannot (row-typed variables): a body it cannot
        // read is opaque, not SQL PostgreSQL rejects.
        bool unread = fact.kind == FactKind::ParseError;
        add(s, unread ? FactKind::Opaque : fact.kind,
            (unread ? "the guard cannot read the body of " : "") + fact.what + ", which runs later each time the function is called or its trigger fires");
      }
    } else if (type == "RuleStmt") {
      add(s, FactKind::SchemaChange, describe_ddl(type, n));
      classify_rule_actions(n, s);
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
    } else if (std::string why = reaches_every_row(n); !why.empty()) {
      add(s, FactKind::UnboundedWrite, target + " with " + why + " touches every row");
    } else {
      add(s, FactKind::BoundedWrite, target);
    }
    scan(n, s);
  }

  void classify_merge(const Node& n, Statement& s) {
    std::string target = "MERGE INTO " + relation_or_unknown(n["relation"]);
    bool deletes = n.dump().find("CMD_DELETE") != std::string::npos;
    if (deletes && (!n.has("joinCondition") || always_true(n["joinCondition"])))
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
    bool listed = std::find(fns.begin(), fns.end(), name) != fns.end() || std::find(fns.begin(), fns.end(), qualified) != fns.end();
    if (listed && !short_wait(call, qualified)) add(s, FactKind::SideEffect, qualified + "()");
    if (auto f = functions_.find(name); f != functions_.end())
      for (const auto& fact : f->second) add(s, fact.kind, "calls " + name + "(): " + fact.what);
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

  // A trigger function's body as the block of one that declares NEW and OLD, which PL/pgSQL knows
  // only in trigger functions (the body is parsed as that of a plain function). libpg_query takes
  // RECORD for a row type only in upper case; the newline keeps a trailing comment from hiding the end.
  static std::string with_trigger_records(const std::string& body) {
    std::string block = trim(body);
    if (!block.empty() && block.back() == ';') block.pop_back();
    return "DECLARE new RECORD; old RECORD; BEGIN " + block + "\n; END";
  }

  // What a rule's actions do each time a statement on its table fires them.
  void classify_rule_actions(const Node& n, Statement& s) {
    std::string rule = "rule " + text_or_unknown(n, "rulename") + " on " + relation_or_unknown(n["relation"]);
    for (const Node& action : n["actions"].list()) {
      Statement effects{"", 1, {}};
      classify_node(action, effects);
      for (const auto& fact : effects.facts)
        if (fact.kind != FactKind::Read) add(s, fact.kind, rule + ": " + fact.what + ", which runs later with each statement the rule rewrites");
    }
  }

  // Keeps what a function or procedure created in this SQL does, for when it is called, and
  // returns it.
  std::vector<Fact> remember_function(const Node& n) {
    std::string name = to_lower(last_name(n["funcname"]));
    if (name.empty()) return {};
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
    bool trigger = to_lower(last_name(n["returnType"]["names"])) == "trigger";
    if (n.has("sql_body")) scan(n["sql_body"], body);  // BEGIN ATOMIC ... END
    else if (language == "plpgsql") classify_plpgsql_body(trigger ? with_trigger_records(source) : source, body, name + "()");
    else if (language == "sql") classify_embedded(source, body, name + "()");
    else add(body, FactKind::Opaque, name + "() is written in " + language + ", which the guard cannot read");
    std::vector<Fact> effects;
    for (const auto& fact : body.facts)
      if (fact.kind != FactKind::Read) effects.push_back(fact);
    functions_[name] = effects;
    return effects;
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
      if (Node funcs = trees_.parse(result.json())) walk_plpgsql(funcs, s, where);
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
    auto tree = parse_tree("SELECT " + expression, trees_, error);
    if (tree) {
      pg::NodeList targets = tree["stmts"].list()[0]["stmt"]["SelectStmt"]["targetList"].list();  // none without a statement
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
      if (key == "PLpgSQL_stmt_assign" && value.has("expr")) {  // "target := value": only the value runs as SQL
        std::string assignment = value["expr"]["PLpgSQL_expr"].str("query");
        size_t op = assignment.find(":=");
        size_t start = op != std::string::npos ? op + 2 : assignment.find('=') + 1;  // npos + 1 = 0: all of it
        return classify_embedded("SELECT " + assignment.substr(start), s, where);
      }
      if (key == "PLpgSQL_expr") {
        std::string query = value.str("query");
        return classify_embedded(pg::ParseResult(query).ok() ? query : "SELECT " + query, s, where);
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
