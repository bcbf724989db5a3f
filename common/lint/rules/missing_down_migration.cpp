#include <algorithm>
#include <optional>
#include <re2/re2.h>

#include "lint/rule.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

const RE2& irreversible_note() {
  static const RE2 note(R"(^--\s*irreversible:\s*\S.*$)");
  return note;
}

// Whether a down file holds SQL or an `-- irreversible: <why>` line (comments and blanks alone do not count).
bool down_file_satisfies(const std::string& text) {
  bool in_block_comment = false;
  for (const auto& raw : split_lines(text)) {
    std::string line = trim(raw);
    if (in_block_comment) {
      in_block_comment = line.find("*/") == std::string::npos;
      continue;
    }
    if (line.empty()) continue;
    if (starts_with(line, "/*")) {
      in_block_comment = line.find("*/") == std::string::npos;
      continue;
    }
    if (!starts_with(line, "--") || RE2::FullMatch(line, irreversible_note())) return true;
  }
  return false;
}

// Tools with a down convention (dbmate, goose, golang-migrate, diesel, sqlx, popx, sqitch) can only roll back what has a
// down; an intentionally irreversible migration says so with `-- irreversible: <why>`.
class MissingDownMigration : public LintRule {
 public:
  std::string_view id() const override { return "missing-down-migration"; }
  void finish(const FileContext& c, std::vector<RuleFinding>& out) const override {
    const MigrationFile& file = c.migration.file;
    if (!file.expects_down || file.is_down_file) return;
    if (std::string down = down_file_for(file); !down.empty()) {
      auto text = is_regular_file(down) ? read_file_bounded(down, 16 << 20) : std::nullopt;
      if (text && down_file_satisfies(*text)) return;
      out.push_back({text ? base_name(down) + " is empty: write the statements that undo this migration, or state why it cannot be undone."
                          : "This up migration has no " + base_name(down) + ", so it cannot be rolled back.",
                     "-- " + base_name(down) + ": the statements that undo this migration, or\n-- irreversible: <why it cannot be undone>", 0, ""});
      return;
    }
    if (file.tool != Tool::Dbmate && file.tool != Tool::Goose) return;
    std::string marker = file.tool == Tool::Dbmate ? "-- migrate:down" : "-- +goose Down";
    int down_line = 0;  // the line of an empty down marker
    for (size_t i = 0; i < file.sections.size(); ++i) {
      const Section& section = file.sections[i];
      if (section.direction != Direction::Down) continue;
      down_line = std::max(1, section.first_line - 1);
      for (const Statement& s : c.migration.statements)
        if (s.section == i) return;
      for (const Comment& comment : c.migration.comments)
        if (comment.offset >= section.offset && comment.offset < section.offset + section.sql.size() &&
            RE2::FullMatch(trim(comment.text), irreversible_note()))
          return;
    }
    out.push_back({down_line ? "The " + marker + " section is empty: write the statements that undo this migration, or state why it "
                              "cannot be undone."
                            : "This migration has no " + marker + " section, so it cannot be rolled back.",
                   marker + "\n-- the statements that undo the up section, or\n-- irreversible: <why it cannot be undone>", down_line, ""});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_missing_down_migration() { return std::make_unique<MissingDownMigration>(); }

}  // namespace pgguard::lint
