#pragma once
#include <memory>
#include <string>
#include <vector>

namespace pgguard::shell {

struct Script;
using ScriptPtr = std::shared_ptr<const Script>;

struct WordPart {
  // Unexpanded: a brace expansion giving more words than the guard follows (their values are
  // unknown).
  enum class Kind { Literal, Parameter, CommandSubstitution, ProcessSubstitution, Arithmetic, Unexpanded };
  Kind kind = Kind::Literal;
  std::string text;     // Literal: the text; Parameter: the name; others: the source
  bool quoted = false;  // quoted text is not split or globbed
  ScriptPtr script;     // the parsed body of a command or process substitution
  // ${name<op><arg>}: op is one of :- - := = :+ + ^^ ,, ^ , # ## % %% / // ; "?" when the
  // expansion is one the guard does not model. arg is literal text.
  std::string op;
  std::string arg;
  std::string index;  // ${name[index]}: "@", "*" or a number
  bool length = false;  // ${#name}
};

struct Word {
  std::vector<WordPart> parts;
  std::string source;  // as written in the command
};

struct HeredocBody {
  std::string text;
  bool expands = false;  // unquoted delimiter: $VAR and $(...) are expanded in the body
  Word expanded;         // the body parsed as a double-quoted word when `expands`
};

struct Redirect {
  int fd = -1;     // explicit descriptor number, -1 when absent
  std::string op;  // < > >> >| <> << <<- <<< <& >& &> &>>
  Word target;     // file, descriptor or heredoc delimiter
  std::shared_ptr<HeredocBody> heredoc;
};

struct Assignment {
  std::string name;
  Word value;
  bool append = false;           // name+=value
  bool is_array = false;         // name=(...)
  std::vector<Word> elements;    // the array's words
};

struct Command {
  enum class Kind { Simple, Subshell, Group, If, Loop, For, Case, FunctionDefinition, Unparsed };
  Kind kind = Kind::Simple;
  std::vector<Assignment> assignments;
  std::vector<Word> words;
  std::vector<Redirect> redirects;
  std::vector<ScriptPtr> bodies;  // subshell, group, branches, loop parts, case arms, function body
  std::string name;               // for-loop variable or function name
  std::vector<Word> loop_values;  // `for x in ...` values
  bool loop_over_arguments = false;  // `for x; do` iterates "$@"
  std::string source;                // Unparsed: `[[ ... ]]` and `(( ... ))` text
};

struct Pipeline {
  std::vector<Command> commands;
  bool negated = false;
  bool after_or = false;  // joined to the pipeline before it by || (else by && or first)
};

struct AndOrList {
  std::vector<Pipeline> pipelines;
  bool background = false;
};

struct Script {
  std::vector<AndOrList> lists;
};

}  // namespace pgguard::shell
