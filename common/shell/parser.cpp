#include "shell/parser.h"

#include <cctype>
#include <set>

#include "shell/expand.h"

namespace pgguard::shell {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool is_operator_char(char c) { return c == '|' || c == '&' || c == ';' || c == '(' || c == ')' || c == '<' || c == '>'; }
bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

const std::set<std::string, std::less<>> kDeclarations = {"declare", "typeset", "local", "export", "readonly"};
const std::set<std::string, std::less<>> kTerminatorWords = {"then", "else", "elif", "fi", "do", "done", "esac", "}"};

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x110000) {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Parser {
 public:
  Parser(std::string_view src, int max_depth) : src_(src), max_depth_(max_depth) {}

  ParseResult parse_all() {
    auto script = parse_list(End::Eof);
    if (error_.empty() && pos_ < src_.size()) fail("unexpected '" + std::string(1, src_[pos_]) + "'");
    if (error_.empty() && !pending_.empty()) fail("here-document delimited by end of input");
    return {script, error_};
  }

  Word parse_dquoted_text() {
    Word word;
    while (pos_ < src_.size() && error_.empty()) read_double_quoted_char(word, /*in_heredoc=*/true);
    word.source = std::string(src_);
    return word;
  }

 private:
  enum class End { Eof, CloseParen, Keyword, CaseArm };

  struct PendingHeredoc {
    std::shared_ptr<HeredocBody> body;
    std::string delimiter;
    bool strip_tabs;
  };

  std::string_view src_;
  size_t pos_ = 0;
  int depth_ = 0;
  int max_depth_;
  std::string error_;
  std::vector<PendingHeredoc> pending_;

  bool at_end() const { return pos_ >= src_.size(); }
  char peek(size_t ahead = 0) const { return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0'; }
  bool looking_at(std::string_view s) const { return src_.substr(pos_, s.size()) == s; }
  void fail(const std::string& message) {
    if (error_.empty()) error_ = message + " at offset " + std::to_string(pos_);
    pos_ = src_.size();
  }

  // Skips blanks, line continuations and comments; stops at a newline.
  void skip_blanks() {
    while (!at_end()) {
      if (is_blank(peek())) {
        ++pos_;
      } else if (peek() == '\\' && peek(1) == '\n') {
        pos_ += 2;
      } else if (peek() == '#') {
        while (!at_end() && peek() != '\n') ++pos_;
      } else {
        break;
      }
    }
  }

  // Consumes one newline and then the bodies of here-documents opened on the line it ends.
  void consume_newline() {
    ++pos_;
    for (auto& heredoc : pending_) read_heredoc_body(heredoc);
    pending_.clear();
  }

  void skip_newlines() {
    for (;;) {
      skip_blanks();
      if (peek() == '\n') {
        consume_newline();
      } else {
        return;
      }
    }
  }

  void read_heredoc_body(PendingHeredoc& heredoc) {
    std::string body;
    while (!at_end()) {
      size_t eol = src_.find('\n', pos_);
      std::string_view line = src_.substr(pos_, eol == std::string_view::npos ? std::string_view::npos : eol - pos_);
      pos_ = eol == std::string_view::npos ? src_.size() : eol + 1;
      std::string_view check = line;
      if (heredoc.strip_tabs)
        while (!check.empty() && check.front() == '\t') check.remove_prefix(1);
      if (check == heredoc.delimiter) {
        heredoc.body->text = body;
        finish_heredoc(heredoc);
        return;
      }
      body.append(heredoc.strip_tabs ? check : line);
      body += '\n';
    }
    heredoc.body->text = body;  // bash accepts end of input as the delimiter (with a warning)
    finish_heredoc(heredoc);
  }

  void finish_heredoc(PendingHeredoc& heredoc) {
    if (!heredoc.body->expands) return;
    Parser inner(heredoc.body->text, max_depth_ - depth_);
    heredoc.body->expanded = inner.parse_dquoted_text();
    if (!inner.error_.empty() && error_.empty()) error_ = "in here-document: " + inner.error_;
  }

  // Reads a bare reserved-word candidate at the cursor without consuming it.
  std::string peek_reserved() const {
    size_t p = pos_;
    std::string word;
    while (p < src_.size() && !is_blank(src_[p]) && src_[p] != '\n' && !is_operator_char(src_[p]) && src_[p] != '\'' &&
           src_[p] != '"' && src_[p] != '\\' && src_[p] != '$' && src_[p] != '`')
      word += src_[p++];
    return word;
  }

  bool at_terminator(End end) {
    skip_blanks();
    if (at_end()) return true;
    char c = peek();
    if (c == ')' && end != End::Eof) return true;
    if (end == End::CaseArm && (looking_at(";;") || looking_at(";&"))) return true;
    std::string reserved = peek_reserved();
    return (end == End::Keyword || end == End::CaseArm) && kTerminatorWords.count(reserved);
  }

  ScriptPtr parse_list(End end) {
    auto script = std::make_shared<Script>();
    if (++depth_ > max_depth_) {
      fail("nesting deeper than " + std::to_string(max_depth_));
      --depth_;
      return script;
    }
    for (;;) {
      skip_newlines();
      if (!error_.empty() || at_terminator(end)) break;
      if (peek() == ';' || peek() == '&' || peek() == '|') {
        fail("unexpected '" + std::string(1, peek()) + "'");
        break;
      }
      size_t before = pos_;
      AndOrList list = parse_and_or();
      if (pos_ == before && error_.empty()) fail("unexpected '" + std::string(1, peek()) + "'");
      skip_blanks();
      if (peek() == '&' && peek(1) != '&') {
        ++pos_;
        list.background = true;
      } else if (peek() == ';' && peek(1) != ';' && peek(1) != '&') {
        ++pos_;
      }
      script->lists.push_back(std::move(list));
      if (!error_.empty()) break;
    }
    --depth_;
    return script;
  }

  AndOrList parse_and_or() {
    AndOrList list;
    list.pipelines.push_back(parse_pipeline());
    for (;;) {
      skip_blanks();
      if (!error_.empty() || !(looking_at("&&") || looking_at("||"))) return list;
      bool after_or = looking_at("||");
      pos_ += 2;
      skip_newlines();
      list.pipelines.push_back(parse_pipeline());
      list.pipelines.back().after_or = after_or;
    }
  }

  Pipeline parse_pipeline() {
    Pipeline pipeline;
    skip_blanks();
    if (peek() == '!' && (is_blank(peek(1)) || peek(1) == '\n')) {
      ++pos_;
      pipeline.negated = true;
    }
    if (peek_reserved() == "time") {  // the `time` keyword; its -p option is skipped too
      pos_ += 4;
      skip_blanks();
      if (looking_at("-p ")) pos_ += 3;
    }
    pipeline.commands.push_back(parse_command());
    for (;;) {
      skip_blanks();
      if (!error_.empty() || peek() != '|' || peek(1) == '|') return pipeline;
      pos_ += peek(1) == '&' ? 2 : 1;
      skip_newlines();
      pipeline.commands.push_back(parse_command());
    }
  }

  void expect_keyword(const std::string& keyword) {
    skip_newlines();
    if (peek_reserved() != keyword) return fail("expected '" + keyword + "'");
    pos_ += keyword.size();
  }

  bool accept_keyword(const std::string& keyword) {
    skip_blanks();
    if (peek_reserved() != keyword) return false;
    pos_ += keyword.size();
    return true;
  }

  Command parse_command() {
    skip_blanks();
    Command command;
    if (at_end()) {
      fail("missing command");
      return command;
    }
    std::string reserved = peek_reserved();
    if (peek() == '(' && peek(1) == '(') {
      command.kind = Command::Kind::Unparsed;
      command.source = read_balanced("((", "))");
    } else if (peek() == '(') {
      ++pos_;
      command.kind = Command::Kind::Subshell;
      command.bodies.push_back(parse_list(End::CloseParen));
      if (peek() != ')') fail("expected ')'");
      else ++pos_;
    } else if (reserved == "{") {
      ++pos_;
      command.kind = Command::Kind::Group;
      command.bodies.push_back(parse_list(End::Keyword));
      expect_keyword("}");
    } else if (reserved == "[[") {
      command.kind = Command::Kind::Unparsed;
      command.source = read_balanced("[[", "]]");
    } else if (reserved == "if") {
      parse_if(command);
    } else if (reserved == "while" || reserved == "until") {
      pos_ += reserved.size();
      command.kind = Command::Kind::Loop;
      command.bodies.push_back(parse_list(End::Keyword));
      parse_do_done(command);
    } else if (reserved == "for") {
      parse_for(command);
    } else if (reserved == "case") {
      parse_case(command);
    } else if (reserved == "function") {
      pos_ += reserved.size();
      skip_blanks();
      command.name = peek_reserved();
      pos_ += command.name.size();
      skip_blanks();
      if (looking_at("()")) pos_ += 2;
      parse_function_body(command);
    } else {
      parse_simple(command);
      return command;
    }
    parse_redirects_after_compound(command);
    return command;
  }

  void parse_if(Command& command) {
    command.kind = Command::Kind::If;
    pos_ += 2;
    command.bodies.push_back(parse_list(End::Keyword));
    expect_keyword("then");
    command.bodies.push_back(parse_list(End::Keyword));
    for (;;) {
      skip_newlines();
      if (accept_keyword("elif")) {
        command.bodies.push_back(parse_list(End::Keyword));
        expect_keyword("then");
        command.bodies.push_back(parse_list(End::Keyword));
      } else if (accept_keyword("else")) {
        command.bodies.push_back(parse_list(End::Keyword));
      } else {
        expect_keyword("fi");
        return;
      }
      if (!error_.empty()) return;
    }
  }

  void parse_do_done(Command& command) {
    expect_keyword("do");
    command.bodies.push_back(parse_list(End::Keyword));
    expect_keyword("done");
  }

  void parse_for(Command& command) {
    pos_ += 3;
    command.kind = Command::Kind::For;
    skip_blanks();
    if (looking_at("((")) {  // arithmetic for: the header is opaque, the body is analysed
      read_balanced("((", "))");
      command.loop_over_arguments = true;
    } else {
      command.name = peek_reserved();
      pos_ += command.name.size();
      skip_newlines();
      if (accept_keyword("in")) {
        for (;;) {
          skip_blanks();
          if (at_end() || peek() == ';' || peek() == '\n') break;
          append_expanded(command.loop_values, read_word());
          if (!error_.empty()) return;
        }
      } else {
        command.loop_over_arguments = true;
      }
    }
    skip_blanks();
    if (peek() == ';') ++pos_;
    parse_do_done(command);
  }

  void parse_case(Command& command) {
    pos_ += 4;
    command.kind = Command::Kind::Case;
    skip_blanks();
    command.words.push_back(read_word());
    expect_keyword("in");
    for (;;) {
      skip_newlines();
      if (!error_.empty() || accept_keyword("esac")) return;
      if (at_end()) return fail("expected 'esac'");
      if (peek() == '(') ++pos_;
      while (!at_end() && peek() != ')') {  // patterns: pat1 | pat2 )
        skip_blanks();
        if (peek() == '|') {
          ++pos_;
          continue;
        }
        if (peek() == ')') break;
        read_word();
        if (!error_.empty()) return;
      }
      if (at_end()) return fail("expected ')' in case pattern");
      ++pos_;
      command.bodies.push_back(parse_list(End::CaseArm));
      skip_blanks();
      if (looking_at(";;&")) pos_ += 3;
      else if (looking_at(";;") || looking_at(";&")) pos_ += 2;
    }
  }

  void parse_function_body(Command& command) {
    command.kind = Command::Kind::FunctionDefinition;
    skip_newlines();
    Command body = parse_command();
    auto script = std::make_shared<Script>();
    AndOrList list;
    Pipeline pipeline;
    pipeline.commands.push_back(std::move(body));
    list.pipelines.push_back(std::move(pipeline));
    script->lists.push_back(std::move(list));
    command.bodies.push_back(script);
  }

  void parse_redirects_after_compound(Command& command) {
    for (;;) {
      skip_blanks();
      if (!error_.empty() || !at_redirect()) return;
      command.redirects.push_back(read_redirect());
    }
  }

  std::string read_balanced(std::string_view open, std::string_view close) {
    size_t start = pos_;
    pos_ += open.size();
    int level = 1;
    while (!at_end() && level > 0) {
      if (looking_at(close)) {
        --level;
        pos_ += close.size();
      } else if (looking_at(open)) {
        ++level;
        pos_ += open.size();
      } else {
        ++pos_;
      }
    }
    if (level > 0) fail("unterminated '" + std::string(open) + "'");
    return std::string(src_.substr(start, pos_ - start));
  }

  bool at_redirect() const {
    size_t p = pos_;
    while (p < src_.size() && std::isdigit(static_cast<unsigned char>(src_[p]))) ++p;
    if (p < src_.size() && (src_[p] == '<' || src_[p] == '>')) {
      return !(p + 1 < src_.size() && src_[p + 1] == '(');  // <( is process substitution
    }
    return p == pos_ && src_.substr(p, 2) == "&>";
  }

  Redirect read_redirect() {
    Redirect redirect;
    size_t digits = pos_;
    while (std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
    if (pos_ > digits) redirect.fd = std::stoi(std::string(src_.substr(digits, std::min<size_t>(pos_ - digits, 6))));
    static const char* kOps[] = {"<<<", "<<-", "&>>", "<<", ">>", ">|", "<>", "<&", ">&", "&>", "<", ">"};
    for (const char* op : kOps) {
      if (looking_at(op)) {
        redirect.op = op;
        pos_ += redirect.op.size();
        break;
      }
    }
    skip_blanks();
    if (at_end() || peek() == '\n' || (is_operator_char(peek()) && !(peek() == '<' || peek() == '>')))
      return fail("missing redirection target"), redirect;
    redirect.target = read_word();
    if (redirect.op == "<<" || redirect.op == "<<-") {
      redirect.heredoc = std::make_shared<HeredocBody>();
      bool quoted = false;
      std::string delimiter;
      for (const auto& part : redirect.target.parts) {
        quoted = quoted || part.quoted;
        delimiter += part.kind == WordPart::Kind::Literal ? part.text : part.text;
      }
      // The delimiter is the word after quote removal; `$` forms are kept as written.
      if (delimiter.empty()) delimiter = redirect.target.source;
      redirect.heredoc->expands = !quoted;
      pending_.push_back({redirect.heredoc, delimiter, redirect.op == "<<-"});
    }
    return redirect;
  }

  static bool is_assignment_source(std::string_view s) {
    if (s.empty() || !is_name_start(s[0])) return false;
    size_t i = 1;
    while (i < s.size() && is_name_char(s[i])) ++i;
    if (i < s.size() && s[i] == '+') ++i;
    return i < s.size() && s[i] == '=';
  }

  void parse_simple(Command& command) {
    for (;;) {
      skip_blanks();
      if (!error_.empty() || at_end() || peek() == '\n') return;
      if (at_redirect()) {
        command.redirects.push_back(read_redirect());
        continue;
      }
      char c = peek();
      if (is_operator_char(c) && !((c == '<' || c == '>') && peek(1) == '(')) {
        if (c == '(' && command.words.size() == 1 && command.assignments.empty()) {  // name() { ...; }
          ++pos_;
          skip_blanks();
          if (peek() != ')') return fail("expected ')' after function name");
          ++pos_;
          command.name = command.words.front().source;
          command.words.clear();
          parse_function_body(command);
        }
        return;
      }
      bool declaration = !command.words.empty() && kDeclarations.count(command.words.front().source);
      if ((command.words.empty() || declaration) && is_assignment_source(src_.substr(pos_))) {
        size_t eq = src_.find('=', pos_);
        if (command.words.empty() || (eq + 1 < src_.size() && src_[eq + 1] == '(')) {  // declare -a q=(...)
          command.assignments.push_back(read_assignment());
          continue;
        }
      }
      append_expanded(command.words, read_word());
    }
  }

  Assignment read_assignment() {
    Assignment assignment;
    while (is_name_char(peek())) assignment.name += src_[pos_++];
    if (peek() == '+') {
      assignment.append = true;
      ++pos_;
    }
    ++pos_;  // '='
    if (peek() == '(') {
      assignment.is_array = true;
      size_t start = pos_++;
      for (;;) {
        skip_newlines();
        if (at_end()) return fail("unterminated array assignment"), assignment;
        if (peek() == ')') break;
        append_expanded(assignment.elements, read_word());
        if (!error_.empty()) return assignment;
      }
      ++pos_;
      assignment.value.source = std::string(src_.substr(start, pos_ - start));
      return assignment;
    }
    if (at_end() || is_blank(peek()) || peek() == '\n' || (is_operator_char(peek()) && peek() != '<' && peek() != '>')) {
      WordPart empty;
      empty.quoted = true;
      assignment.value.parts.push_back(empty);
      return assignment;
    }
    assignment.value = read_word();
    return assignment;
  }

  // A command's words, loop values and array elements are brace-expanded; assignments and case
  // words are not.
  static void append_expanded(std::vector<Word>& words, const Word& word) {
    for (auto& expanded : expand_braces(word)) words.push_back(std::move(expanded));
  }

  static void add_literal(Word& word, const std::string& text, bool quoted) {
    if (!word.parts.empty() && word.parts.back().kind == WordPart::Kind::Literal && word.parts.back().quoted == quoted) {
      word.parts.back().text += text;
      return;
    }
    WordPart part;
    part.text = text;
    part.quoted = quoted;
    word.parts.push_back(std::move(part));
  }

  Word read_word() {
    Word word;
    size_t start = pos_;
    if ((peek() == '<' || peek() == '>') && peek(1) == '(') {
      pos_ += 2;
      WordPart part;
      part.kind = WordPart::Kind::ProcessSubstitution;
      part.script = parse_list(End::CloseParen);
      if (peek() != ')') fail("expected ')' closing process substitution");
      else ++pos_;
      part.text = std::string(src_.substr(start, pos_ - start));
      word.parts.push_back(std::move(part));
    }
    while (!at_end() && error_.empty()) {
      char c = peek();
      if ((c == '<' || c == '>') && peek(1) == '(' && !word.parts.empty()) {  // --file=<(...)
        size_t part_start = pos_;
        pos_ += 2;
        WordPart part;
        part.kind = WordPart::Kind::ProcessSubstitution;
        part.script = parse_list(End::CloseParen);
        if (peek() != ')') return fail("expected ')' closing process substitution"), word;
        ++pos_;
        part.text = std::string(src_.substr(part_start, pos_ - part_start));
        word.parts.push_back(std::move(part));
        continue;
      }
      if (is_blank(c) || c == '\n' || is_operator_char(c)) break;
      if (c == '\\') {
        if (peek(1) == '\n') {
          pos_ += 2;
        } else if (pos_ + 1 < src_.size()) {
          add_literal(word, std::string(1, src_[pos_ + 1]), true);
          pos_ += 2;
        } else {
          ++pos_;
        }
      } else if (c == '\'') {
        size_t close = src_.find('\'', pos_ + 1);
        if (close == std::string_view::npos) return fail("unterminated single quote"), word;
        add_literal(word, std::string(src_.substr(pos_ + 1, close - pos_ - 1)), true);
        pos_ = close + 1;
      } else if (c == '"') {
        ++pos_;
        read_double_quoted(word);
      } else if (c == '$' && peek(1) == '\'') {
        pos_ += 2;
        add_literal(word, read_ansi_c(), true);
      } else if (c == '$' && peek(1) == '"') {
        ++pos_;
      } else if (c == '$' || c == '`') {
        read_expansion(word, false);
      } else {
        add_literal(word, std::string(1, c), false);
        ++pos_;
      }
    }
    word.source = std::string(src_.substr(start, pos_ - start));
    if (pos_ == start && error_.empty()) fail(at_end() ? "missing word" : "unexpected '" + std::string(1, peek()) + "'");  // no progress: stop the caller's loop
    return word;
  }

  void read_double_quoted(Word& word) {
    while (error_.empty()) {
      if (at_end()) return fail("unterminated double quote");
      if (peek() == '"') {
        ++pos_;
        if (word.parts.empty()) add_literal(word, "", true);
        return;
      }
      read_double_quoted_char(word, false);
    }
  }

  void read_double_quoted_char(Word& word, bool in_heredoc) {
    char c = peek();
    if (c == '\\') {
      char next = peek(1);
      bool escapable = next == '$' || next == '`' || next == '\\' || next == '\n' || (!in_heredoc && next == '"');
      if (escapable) {
        if (next != '\n') add_literal(word, std::string(1, next), true);
        pos_ += 2;
      } else {
        add_literal(word, "\\", true);
        ++pos_;
      }
    } else if (c == '$' || c == '`') {
      read_expansion(word, true);
    } else {
      add_literal(word, std::string(1, c), true);
      ++pos_;
    }
  }

  void read_expansion(Word& word, bool quoted) {
    size_t start = pos_;
    WordPart part;
    part.quoted = quoted;
    if (peek() == '`') {
      ++pos_;
      std::string inner;
      while (!at_end() && peek() != '`') {
        if (peek() == '\\' && (peek(1) == '`' || peek(1) == '\\' || peek(1) == '$')) ++pos_;
        inner += src_[pos_++];
      }
      if (at_end()) return fail("unterminated backquote");
      ++pos_;
      part.kind = WordPart::Kind::CommandSubstitution;
      Parser inner_parser(inner, max_depth_ - depth_ - 1);
      auto result = inner_parser.parse_all();
      if (!result.error.empty()) return fail("in backquotes: " + result.error);
      part.script = result.script;
    } else if (looking_at("$((")) {
      part.kind = WordPart::Kind::Arithmetic;
      ++pos_;
      read_balanced("((", "))");
    } else if (looking_at("$(")) {
      pos_ += 2;
      part.kind = WordPart::Kind::CommandSubstitution;
      part.script = parse_list(End::CloseParen);
      if (peek() != ')') return fail("expected ')' closing command substitution");
      ++pos_;
    } else if (looking_at("${")) {
      read_braced_parameter(part);
    } else {
      ++pos_;
      char c = peek();
      part.kind = WordPart::Kind::Parameter;
      if (is_name_start(c)) {
        while (is_name_char(peek())) part.text += src_[pos_++];
      } else if (std::isdigit(static_cast<unsigned char>(c)) || std::string_view("@*#?$!-").find(c) != std::string_view::npos) {
        part.text = std::string(1, c);
        ++pos_;
      } else {
        add_literal(word, "$", quoted);  // a lone dollar is literal
        return;
      }
    }
    if (part.kind != WordPart::Kind::Parameter) part.text = std::string(src_.substr(start, pos_ - start));
    word.parts.push_back(std::move(part));
  }

  void read_braced_parameter(WordPart& part) {
    pos_ += 2;
    part.kind = WordPart::Kind::Parameter;
    size_t start = pos_;
    int level = 1;
    while (!at_end() && level > 0) {
      if (peek() == '\\') ++pos_;
      else if (peek() == '{') ++level;
      else if (peek() == '}') --level;
      if (level > 0) ++pos_;
    }
    if (at_end()) return fail("unterminated ${");
    std::string inside(src_.substr(start, pos_ - start));
    ++pos_;
    size_t i = 0;
    if (inside.size() > 1 && inside[0] == '#') {
      part.length = true;
      i = 1;
    }
    while (i < inside.size() && is_name_char(inside[i])) ++i;
    if (i == static_cast<size_t>(part.length) && i < inside.size() && std::string_view("@*#?$!-").find(inside[i]) != std::string_view::npos) ++i;
    part.text = inside.substr(part.length ? 1 : 0, i - (part.length ? 1 : 0));
    if (i < inside.size() && inside[i] == '[') {
      size_t close = inside.find(']', i);
      if (close == std::string::npos) return void(part.op = "?");
      part.index = inside.substr(i + 1, close - i - 1);
      i = close + 1;
    }
    std::string rest = inside.substr(i);
    if (rest.empty()) return;
    static const char* kOps[] = {":-", ":=", ":+", "^^", ",,", "##", "%%", "//", "-", "=", "+", "^", ",", "#", "%", "/"};
    for (const char* op : kOps) {
      if (!starts_with_op(rest, op)) continue;
      part.op = op;
      part.arg = rest.substr(std::string_view(op).size());
      if (part.arg.find_first_of("$`\\\"'") != std::string::npos) part.op = "?";  // a computed argument
      return;
    }
    part.op = "?";
  }

  static bool starts_with_op(const std::string& s, std::string_view op) { return s.compare(0, op.size(), op) == 0; }

  std::string read_ansi_c() {
    std::string out;
    while (!at_end() && peek() != '\'') {
      char c = src_[pos_++];
      if (c != '\\' || at_end()) {
        out += c;
        continue;
      }
      char e = src_[pos_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'e': case 'E': out += '\x1b'; break;
        case 'f': out += '\f'; break;
        case 'v': out += '\v'; break;
        case 'c': if (!at_end()) out += static_cast<char>(src_[pos_++] & 0x1f); break;
        case 'x': case 'u': case 'U': {
          size_t max_digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          unsigned long value = 0;
          size_t n = 0;
          while (n < max_digits && std::isxdigit(static_cast<unsigned char>(peek()))) {
            value = value * 16 + static_cast<unsigned long>(std::stoi(std::string(1, src_[pos_++]), nullptr, 16));
            ++n;
          }
          if (n == 0) out += std::string("\\") + e;
          else if (e == 'x') out += static_cast<char>(value);
          else append_utf8(out, value);
          break;
        }
        default:
          if (e >= '0' && e <= '7') {
            unsigned value = static_cast<unsigned>(e - '0');
            for (int n = 1; n < 3 && peek() >= '0' && peek() <= '7'; ++n) value = value * 8 + static_cast<unsigned>(src_[pos_++] - '0');
            out += static_cast<char>(value & 0xff);
          } else if (e == '\\' || e == '\'' || e == '"' || e == '?') {
            out += e;
          } else {
            out += '\\';
            out += e;
          }
      }
    }
    if (at_end()) fail("unterminated $'...'");
    else ++pos_;
    return out;
  }
};

}  // namespace

ParseResult parse(std::string_view source, int max_depth) {
  Parser parser(source, max_depth);
  return parser.parse_all();
}

Word parse_double_quoted(std::string_view text, int max_depth) {
  Parser parser(text, max_depth);
  return parser.parse_dquoted_text();
}

}  // namespace pgguard::shell
