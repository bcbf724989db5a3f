#include "sinks/producers.h"

#include <cctype>

#include "util/text.h"

namespace pgguard::sinks {
namespace {

// Backslash escapes of `echo -e` and printf's format and %b arguments.
std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    char e = s[++i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case '\\': out += '\\'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case 'e': out += '\x1b'; break;
      case 'x': {
        int value = 0, n = 0;
        while (n < 2 && i + 1 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1]))) {
          char h = s[++i];
          value = value * 16 + (std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
          ++n;
        }
        out += static_cast<char>(value);
        break;
      }
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int value = e - '0', n = 1;
        while (n < 4 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7') {
          value = value * 8 + (s[++i] - '0');
          ++n;
        }
        out += static_cast<char>(value & 0xff);
        break;
      }
      default:
        out += '\\';
        out += e;
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> echo_output(const std::vector<std::string>& args) {
  bool newline = true, escapes = false;
  size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.size() < 2 || a[0] != '-' || a.find_first_not_of("neE", 1) != std::string::npos) break;
    for (char c : a.substr(1)) {
      if (c == 'n') newline = false;
      if (c == 'e') escapes = true;
      if (c == 'E') escapes = false;
    }
  }
  std::string out;
  for (size_t k = i; k < args.size(); ++k) {
    if (k > i) out += ' ';
    out += escapes ? unescape(args[k]) : args[k];
  }
  if (newline) out += '\n';
  return out;
}

std::optional<std::string> printf_output(const std::vector<std::string>& args) {
  size_t start = !args.empty() && args[0] == "--" ? 1 : 0;
  if (start >= args.size()) return std::nullopt;
  const std::string& format = args[start];
  std::vector<std::string> values(args.begin() + static_cast<long>(start) + 1, args.end());
  std::string out;
  size_t next = 0;
  do {
    for (size_t i = 0; i < format.size(); ++i) {
      char c = format[i];
      if (c == '\\') {
        size_t j = i + 1;
        if (j < format.size() && (format[j] == 'x' || (format[j] >= '0' && format[j] <= '7'))) {
          while (j + 1 < format.size() && j - i < 4 && std::isxdigit(static_cast<unsigned char>(format[j + 1]))) ++j;
        }
        out += unescape(format.substr(i, j - i + 1));
        i = j;
      } else if (c == '%' && i + 1 < format.size()) {
        char conv = format[++i];
        if (conv == '%') {
          out += '%';
        } else if (conv == 's' || conv == 'b' || conv == 'd' || conv == 'i' || conv == 'q') {
          std::string value = next < values.size() ? values[next] : "";
          ++next;
          out += conv == 'b' ? unescape(value) : conv == 'q' ? shell_quote(value) : value;
        } else {
          return std::nullopt;
        }
      } else {
        out += c;
      }
    }
  } while (next < values.size() && next > 0);
  return out;
}

std::optional<std::string> base64_decode(const std::string& text) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    int value;
    if (c >= 'A' && c <= 'Z') value = c - 'A';
    else if (c >= 'a' && c <= 'z') value = c - 'a' + 26;
    else if (c >= '0' && c <= '9') value = c - '0' + 52;
    else if (c == '+' || c == '-') value = 62;
    else if (c == '/' || c == '_') value = 63;
    else if (c == '=' || std::isspace(static_cast<unsigned char>(c))) continue;
    else return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return out;
}

std::optional<std::string> hex_decode(const std::string& text) {
  std::string out;
  int high = -1;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
    int value = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(c) - 'a' + 10;
    if (high < 0) {
      high = value;
    } else {
      out += static_cast<char>(high * 16 + value);
      high = -1;
    }
  }
  return out;
}

}  // namespace pgguard::sinks
