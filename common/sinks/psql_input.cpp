#include "sinks/psql_input.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "util/text.h"

namespace pgguard::sinks {
namespace {

bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string quote_literal(const std::string& value) {
  std::string out = "'";
  for (char c : value) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string quote_identifier(const std::string& value) {
  std::string out = "\"";
  for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Splits meta-command arguments the way psql does: whitespace separated, '...' quoted.
// Backquoted arguments run a shell command, which the caller reports.
std::vector<std::string> split_meta_args(const std::string& text, bool& has_backquote) {
  std::vector<std::string> args;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size()) break;
    std::string arg;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) {
      if (text[i] == '\'') {
        ++i;
        while (i < text.size() && !(text[i] == '\'' && (i + 1 >= text.size() || text[i + 1] != '\''))) {
          if (text[i] == '\'' ) ++i;
          arg += text[i++];
        }
        ++i;
      } else {
        if (text[i] == '`') has_backquote = true;
        arg += text[i++];
      }
    }
    args.push_back(arg);
  }
  return args;
}

class Reader {
 public:
  Reader(PsqlInputContext& context, PsqlInput& out, int depth) : context_(context), out_(out), depth_(depth) {}

  void run(const std::string& text, const std::string& file_dir) {
    text_ = &text;
    file_dir_ = file_dir;
    size_t i = 0;
    while (i < text.size()) {
      char c = text[i];
      if (c == '\'' || c == '"') {
        i = copy_quoted(i, c);
      } else if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
        size_t eol = text.find('\n', i);
        i = eol == std::string::npos ? text.size() : eol;
      } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
        i = skip_block_comment(i);
      } else if (c == '$' && (i == 0 || !is_ident_char(text[i - 1]))) {
        i = copy_dollar_quoted(i);
      } else if (c == '\\') {
        i = meta_command(i);
      } else if (c == ':' && i + 1 < text.size() && (i == 0 || text[i - 1] != ':') && text[i + 1] != ':' &&
                 text[i + 1] != '=') {
        i = interpolate(i);
      } else {
        out_.sql += c;
        ++i;
      }
    }
  }

 private:
  PsqlInputContext& context_;
  PsqlInput& out_;
  int depth_;
  bool gset_ = false;
  const std::string* text_ = nullptr;
  std::string file_dir_;

  size_t copy_quoted(size_t i, char quote) {
    const std::string& text = *text_;
    size_t j = i + 1;
    while (j < text.size()) {
      if (text[j] == quote) {
        if (j + 1 < text.size() && text[j + 1] == quote) {
          j += 2;
          continue;
        }
        break;
      }
      if (quote == '\'' && text[j] == '\\' && i > 0 && (text[i - 1] == 'E' || text[i - 1] == 'e')) ++j;
      ++j;
    }
    size_t end = std::min(j + 1, text.size());
    out_.sql.append(text, i, end - i);
    return end;
  }

  size_t skip_block_comment(size_t i) {
    const std::string& text = *text_;
    int level = 0;
    size_t j = i;
    while (j < text.size()) {
      if (text.compare(j, 2, "/*") == 0) {
        ++level;
        j += 2;
      } else if (text.compare(j, 2, "*/") == 0) {
        j += 2;
        if (--level == 0) break;
      } else {
        ++j;
      }
    }
    out_.sql += ' ';  // a comment separates tokens
    return j;
  }

  size_t copy_dollar_quoted(size_t i) {
    const std::string& text = *text_;
    size_t j = i + 1;
    while (j < text.size() && is_ident_char(text[j]) && !std::isdigit(static_cast<unsigned char>(text[i + 1]))) ++j;
    if (j >= text.size() || text[j] != '$') {
      out_.sql += text[i];
      return i + 1;
    }
    std::string tag = text.substr(i, j - i + 1);
    size_t close = text.find(tag, j + 1);
    size_t end = close == std::string::npos ? text.size() : close + tag.size();
    out_.sql.append(text, i, end - i);
    return end;
  }

  size_t interpolate(size_t i) {
    const std::string& text = *text_;
    char form = text[i + 1];
    size_t name_start = (form == '\'' || form == '"') ? i + 2 : i + 1;
    size_t j = name_start;
    while (j < text.size() && is_ident_char(text[j])) ++j;
    std::string name = text.substr(name_start, j - name_start);
    bool closed = form != '\'' && form != '"' ? true : (j < text.size() && text[j] == form);
    if (name.empty() || !closed) {
      out_.sql += ':';
      return i + 1;
    }
    size_t end = (form == '\'' || form == '"') ? j + 1 : j;
    if (std::find(context_.opaque_variables.begin(), context_.opaque_variables.end(), name) != context_.opaque_variables.end()) {
      out_.events.push_back({PsqlEvent::Kind::Opaque, "psql variable :" + name + " holds a value the guard cannot read"});
      out_.sql += form == '\'' ? "'?'" : "pgguard_opaque";
      return end;
    }
    auto it = context_.variables.find(name);
    if (it == context_.variables.end() && gset_) {  // \gset set variables from a query result
      out_.events.push_back({PsqlEvent::Kind::Opaque, "psql variable :" + name + " may hold a value from a query result (\\gset)"});
      out_.sql += form == '\'' ? "'?'" : "pgguard_opaque";
      return end;
    }
    if (it == context_.variables.end()) {  // psql leaves unknown variables as written
      out_.sql.append(text, i, end - i);
      return end;
    }
    out_.sql += form == '\'' ? quote_literal(it->second) : form == '"' ? quote_identifier(it->second) : it->second;
    return end;
  }

  size_t meta_command(size_t i) {
    const std::string& text = *text_;
    size_t j = i + 1;
    if (j < text.size() && text[j] == '\\') {  // \\ separates meta-commands from SQL
      return j + 1;
    }
    if (j < text.size() && text[j] == ';') {  // \; sends a semicolon: the statement still runs
      out_.sql += ';';
      return j + 1;
    }
    std::string name;
    while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '!' || text[j] == '?' ||
                               text[j] == '_')) {
      name += text[j++];
      if (name == "!") break;
    }
    size_t eol = text.find('\n', j);
    size_t end = eol == std::string::npos ? text.size() : eol;
    size_t sep = text.find("\\\\", j);
    if (sep != std::string::npos && sep < end) end = sep;
    std::string rest = trim(text.substr(j, end - j));
    handle(name, rest);
    return end;
  }

  void event(PsqlEvent::Kind kind, const std::string& what) { out_.events.push_back({kind, shorten(what, 200)}); }

  void handle(const std::string& name, const std::string& rest) {
    bool backquote = false;
    auto args = split_meta_args(rest, backquote);
    std::string display = "\\" + name + (rest.empty() ? "" : " " + rest);
    if (backquote) event(PsqlEvent::Kind::ShellEscape, display + " (backquotes run a shell command)");
    std::string lower = to_lower(name);
    static const std::set<std::string> kSend = {"g", "gx", "gexec", "gset", "gdesc", "crosstabview", "watch"};
    if (kSend.count(lower)) out_.sql += ';';  // these send the query buffer like a semicolon
    if (lower == "gset") gset_ = true;
    if (lower == "!") {
      event(PsqlEvent::Kind::ShellEscape, display);
    } else if (lower == "copy") {
      std::string args_lower = to_lower(rest);
      if (args_lower.find(" program ") != std::string::npos || args_lower.find(" program'") != std::string::npos)
        event(PsqlEvent::Kind::ShellEscape, display);
      else if (args_lower.find(" from ") != std::string::npos && !args.empty() && args[0].find('(') == std::string::npos)
        out_.sql += "\n;COPY " + args[0] + " FROM STDIN;\n";  // a client-side load writes like COPY FROM STDIN
    } else if ((lower == "o" || lower == "out" || lower == "g" || lower == "gx" || lower == "w" || lower == "write") &&
               !rest.empty() && rest[0] == '|') {
      event(PsqlEvent::Kind::ShellEscape, display);
    } else if (lower == "gexec") {
      event(PsqlEvent::Kind::Opaque, "\\gexec runs every value of the query result as SQL");
    } else if (lower == "e" || lower == "edit" || lower == "ef" || lower == "ev") {
      event(PsqlEvent::Kind::Opaque, display + " opens an editor and runs what it returns");
    } else if (lower == "set" && !args.empty()) {
      std::string value;
      for (size_t k = 1; k < args.size(); ++k) value += args[k];
      context_.variables[args[0]] = value;
      if (backquote) context_.opaque_variables.push_back(args[0]);
    } else if (lower == "unset" && !args.empty()) {
      context_.variables.erase(args[0]);
    } else if (lower == "i" || lower == "include" || lower == "ir" || lower == "include_relative") {
      include(args.empty() ? "" : args[0], lower == "ir" || lower == "include_relative");
    } else if (lower == "c" || lower == "connect") {
      event(PsqlEvent::Kind::Connect, rest);
    }
    out_.sql += '\n';
  }

  void include(const std::string& path, bool relative) {
    if (path.empty()) return event(PsqlEvent::Kind::Opaque, "\\i without a file name");
    if (depth_ >= context_.max_include_depth) return event(PsqlEvent::Kind::Opaque, "\\i nested deeper than the guard follows: " + path);
    std::string base = relative && !file_dir_.empty() ? file_dir_ : context_.cwd;
    std::string full = path[0] == '/' ? path : (base.empty() ? path : base + "/" + path);
    auto content = context_.read_file(full);
    if (!content) return event(PsqlEvent::Kind::Opaque, "\\i " + path + " (the file cannot be read)");
    size_t slash = full.find_last_of('/');
    Reader nested(context_, out_, depth_ + 1);
    out_.sql += '\n';
    nested.run(*content, slash == std::string::npos ? "" : full.substr(0, slash));
    out_.sql += '\n';
  }
};

}  // namespace

PsqlInput read_psql_input(const std::string& text, PsqlInputContext& context, const std::string& file_dir) {
  PsqlInput out;
  Reader reader(context, out, 0);
  reader.run(text, file_dir);
  return out;
}

}  // namespace pgguard::sinks
