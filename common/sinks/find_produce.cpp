// What a command prints, for the commands whose output the guard can compute.
#include <algorithm>

#include "sinks/finder.h"
#include "sinks/pg_services.h"
#include "sinks/producers.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::sinks::finder {

// Output of the commands whose output the guard can compute; everything else is opaque.
Stream Finder::produce(const std::string& program, Exec& exec, Scope& scope) {
  Args& a = exec.args;
  for (size_t i = 1; i < a.size(); ++i)  // grep/cut/cat of .env.production feed exports and prefixes
    if (a[i].text && is_dotenv_name(*a[i].text) && program != "cat")
      scope.signals.push_back({TargetSignal::Kind::DotenvFile, "dotenv file read by " + program, *a[i].text});
  for (size_t i = 1; i < a.size(); ++i)  // grep/cut/awk of ~/.pgpass pick the host of a later -h "$(...)"
    if (a[i].text && is_password_file(*a[i].text))
      if (auto text = read_file(*a[i].text, scope))
        for (const auto& host : password_file_hosts(*text))
          scope.signals.push_back({TargetSignal::Kind::Connection, "host in " + *a[i].text + " read by " + program, host});
  std::vector<std::string> words;
  bool known = true;
  for (size_t i = 1; i < a.size(); ++i) {
    if (a[i].text) words.push_back(*a[i].text);
    else known = false;
  }
  if (program == "echo" || program == "printf") {
    if (!known) return Stream::opaque(program + " of values the guard cannot read");
    auto out = program == "echo" ? echo_output(words) : printf_output(words);
    return out ? Stream::literal(*out) : Stream::opaque(program + " with unsupported formatting");
  }
  if (program == "cat" || program == "tee") {
    std::vector<std::string> files;
    for (const auto& w : words)
      if (w != "-" && !starts_with(w, "-")) files.push_back(w);
    if (program == "tee") {
      for (const auto& f : files) scope.files[resolve_path(scope.cwd, f)] = exec.input.kind == Stream::Kind::Literal ? MaybeText(exec.input.text) : std::nullopt;
      return exec.input;
    }
    if (files.empty()) return exec.input;
    if (!known) return Stream::opaque("cat of files the guard cannot name");
    std::string content;
    for (const auto& f : files) {
      if (is_dotenv_name(f)) scope.signals.push_back({TargetSignal::Kind::DotenvFile, "dotenv file read", f});
      auto text = read_file(f, scope);
      if (!text) return Stream::opaque("the file " + f);
      content += *text;
    }
    return Stream::literal(content);
  }
  auto has = [&](std::initializer_list<const char*> flags) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
      return std::any_of(flags.begin(), flags.end(), [&](const char* f) { return w == f; });
    });
  };
  bool base64 = (program == "base64" && has({"-d", "--decode", "-D", "-di"})) ||
                (program == "openssl" && has({"base64", "enc"}) && has({"-d"}) && (has({"base64"}) || has({"-base64", "-a"})));
  bool hex = program == "xxd" && has({"-r"}) && has({"-p", "-ps", "-plain"});
  if (base64 || hex) {
    if (exec.input.kind != Stream::Kind::Literal) return Stream::opaque(program + " decoding data the guard cannot read");
    auto decoded = base64 ? base64_decode(exec.input.text) : hex_decode(exec.input.text);
    bool text = decoded && is_valid_utf8(*decoded) && std::none_of(decoded->begin(), decoded->end(), [](char c) {
                  return static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r';
                });
    return text ? Stream::literal(*decoded) : Stream::opaque("base64 -d of binary data");
  }
  if (program == "yes") return Stream::literal((words.empty() ? std::string("y") : words[0]) + "\n");
  if (program == "which" || program == "command" || program == "type") {
    std::string out;
    for (const auto& w : words)
      if (!starts_with(w, "-")) out += (w.find('/') == std::string::npos ? "/usr/bin/" + w : w) + "\n";
    return Stream::literal(out);
  }
  if (program == "curl" || program == "wget") {
    for (size_t i = 1; i + 1 < a.size(); ++i) {
      const std::string t = a[i].text.value_or("");
      if ((t == "-o" || t == "-O" || t == "--output" || t == "--output-document") && a[i + 1].text && *a[i + 1].text != "-")
        scope.files[resolve_path(scope.cwd, *a[i + 1].text)] = std::nullopt;  // downloaded: unknown content
    }
    return Stream::opaque("a download by " + program);
  }
  if (program == "pg_dump" || program == "pg_dumpall") {
    bool to_file = std::any_of(words.begin(), words.end(), [](const std::string& w) {
      return w == "-f" || starts_with(w, "--file") || (starts_with(w, "-f") && w.size() > 2);
    });
    if (to_file) return {};
    bool clean = std::any_of(words.begin(), words.end(), [](const std::string& w) { return w == "-c" || w == "--clean"; });
    return {Stream::Kind::Dump, display(a), clean, {}};
  }
  return Stream::opaque("output of " + program);
}

}  // namespace pgguard::sinks::finder
