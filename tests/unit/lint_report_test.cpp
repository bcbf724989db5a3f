// The JSON report is written without a DOM per finding; it must be the document nlohmann writes.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "lint/report.h"

using namespace pgguard::lint;

TEST_CASE("lint report: JSON findings are the document a JSON library writes", "[lint]") {
  std::vector<LintFinding> findings = {
      {"alter-column-type", Severity::Error, "db/001 \"x\".sql", 3, 7, "takes a lock \\ on \"t\"\tnow", "ALTER TABLE t\n  ALTER c", "fix:\r\n\x01\x1f done"},
      {"parse-error", Severity::Info, "db/\xc3\xa9t\xc3\xa9.sql", 1, 1, "caf\xc3\xa9 \xe2\x9c\x93", "", ""},
      {"unused-ignore", Severity::Warning, "bad\xff\xfe.sql", 2, 1, "cut \xe2\x9c", "", "x"},  // bytes that are not UTF-8
  };
  nlohmann::json expected = {{"findings", nlohmann::json::array()}};
  for (const auto& f : findings)
    expected["findings"].push_back({{"rule", f.rule}, {"severity", severity_name(f.severity)}, {"file", f.file}, {"line", f.line},
                                    {"column", f.column}, {"message", f.message}, {"statement", f.statement}, {"fix", f.fix}});
  CHECK(render(findings, Format::Json, false) == expected.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  CHECK(render({}, Format::Json, false) == "{\n  \"findings\": []\n}\n");
}

TEST_CASE("lint report: every byte that needs escaping is found wherever it falls in a word", "[lint]") {
  // The writer skips plain text eight bytes at a time: put each byte at each offset around a word.
  std::vector<LintFinding> findings;
  for (int byte = 1; byte < 0x100; ++byte)
    for (size_t at = 0; at < 18; ++at) {
      std::string text(20, 'a');
      text[at] = static_cast<char>(byte);
      if (byte >= 0x80 && at + 1 < text.size()) text[at + 1] = static_cast<char>(0x80 | (byte & 0x3f));  // a lead byte gets its continuation
      findings.push_back({"rule", Severity::Info, "f.sql", 1, 1, text, "", ""});
    }
  nlohmann::json expected = {{"findings", nlohmann::json::array()}};
  for (const auto& f : findings)
    expected["findings"].push_back({{"rule", f.rule}, {"severity", severity_name(f.severity)}, {"file", f.file}, {"line", f.line},
                                    {"column", f.column}, {"message", f.message}, {"statement", f.statement}, {"fix", f.fix}});
  CHECK(render(findings, Format::Json, false) == expected.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}
