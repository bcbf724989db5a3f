#pragma once
// Reads one JS/TS or Python call expression with literal arguments: enough of either language to
// see what a migration's schema-builder call asks for, bounded in depth and length, and never
// failing on arbitrary text (what it cannot read becomes an Unknown value).
#include <string>
#include <utility>
#include <vector>

namespace pgguard::lint::builders {

enum class Language { JavaScript, Python };

struct Value;
struct Named;

// One step of a chain: `.name` or `.name(args)`.
struct Link {
  std::string name;
  bool called = false;
  std::vector<Value> args;
  std::vector<Named> keywords;  // Python name=value arguments
  size_t offset = 0;
};

struct Value {
  enum class Kind { Unknown, String, Number, Bool, Null, Array, Object, Chain, Function };
  Kind kind = Kind::Unknown;
  std::string text;                                   // String contents, Number digits, "true"/"false"
  std::vector<Value> items;                           // Array items
  std::vector<Named> fields;          // Object fields; a spread or computed key is "" -> Unknown
  std::vector<Link> links;                            // Chain: knex.schema.createTable(...).then(...)
  bool is_new = false;                                // `new Table({...})`
  std::string param;                                  // Function: its first parameter
  std::vector<Value> body;                            // Function: the expression of each statement
  bool opaque_body = false;                           // Function: holds statements other than expressions
  size_t offset = 0;

  bool is(Kind k) const { return kind == k; }
  // An object field or nullptr.
  const Value* field(const std::string& name) const;
  // "Sequelize.DataTypes.STRING" for a chain of names, ignoring calls.
  std::string path() const;
  // Whether every part is a literal (no Unknown anywhere, nor a spread or computed key).
  bool literal() const;
};

// A Python keyword argument or an object field.
struct Named {
  std::string name;
  Value value;
};

// Reads the expression that starts at `offset`, taking at most `token_budget` tokens (what is left
// of it is written back); past the budget the text reads as if it ended there.
Value read_expression(const std::string& text, size_t offset, Language language, size_t& token_budget);

}  // namespace pgguard::lint::builders
