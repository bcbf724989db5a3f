// Statements of newer majors than the parser's grammar, read by the scanner's tokens: kind, table,
// CONCURRENTLY, NOT VALID and the lock form.
#include <catch2/catch.hpp>

#include "lint/lock_facts.h"
#include "lint/token_forms.h"

using namespace pgguard::lint;

namespace {

std::string form_of(const TokenStatement& t) { return t.forms.empty() ? "" : t.forms[0].form + " on " + t.forms[0].relation; }

}  // namespace

TEST_CASE("the scanner's tokens tell the kind, table and lock form of syntax the parser cannot read", "[lint][newer-syntax]") {
  CHECK(parser_major() == 15);
  TokenStatement expression = read_tokens("ALTER TABLE ONLY public.\"Orders\" ALTER COLUMN total SET EXPRESSION AS (price * qty)");
  CHECK(expression.kind == "ALTER TABLE");
  CHECK(form_of(expression) == "set-expression on Orders");
  CHECK(form_of(read_tokens("alter table orders add column doubled int generated always as (qty * 2)")) == "add-column-virtual on orders");
  CHECK(form_of(read_tokens("ALTER TABLE orders ADD COLUMN doubled int GENERATED ALWAYS AS (qty * 2) STORED, ADD CHECK (qty > 0)")) ==
        "add-check on orders");
  TokenStatement not_null = read_tokens("ALTER TABLE IF EXISTS orders ADD CONSTRAINT orders_note_nn NOT NULL note NOT VALID");
  CHECK(not_null.not_valid);
  CHECK(form_of(not_null) == "add-not-null-not-valid on orders");
  TokenStatement index = read_tokens("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON ONLY orders (id) WHERE note = 'not valid'");
  CHECK(index.concurrently);
  CHECK_FALSE(index.not_valid);  // inside a string: not a token
  CHECK(form_of(index) == "create-index-concurrently on orders");
  CHECK(form_of(read_tokens("MERGE INTO orders o USING s ON o.id = s.id WHEN MATCHED THEN DELETE RETURNING o.id")) == "update on orders");
  TokenStatement select = read_tokens("SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a int PATH '$')) jt");
  CHECK(select.kind == "SELECT");
  CHECK(select.forms.empty());
  // Every form the tokens give has a lock fact.
  for (const char* sql : {"ALTER TABLE t ALTER COLUMN c SET EXPRESSION AS (1)", "ALTER TABLE t ADD COLUMN c int GENERATED ALWAYS AS (1)",
                          "ALTER TABLE t ADD CONSTRAINT c NOT NULL c NOT VALID"})
    for (const auto& f : read_tokens(sql).forms) CHECK_NOTHROW(lock_fact(f.form, 18));
}

TEST_CASE("a lock fact follows its major", "[lint][newer-syntax]") {
  CHECK(lock_fact("grant", 15).lock.empty());
  CHECK(lock_fact("grant", 17).lock.empty());
  CHECK(lock_fact("grant", 18).lock == "ACCESS SHARE");
  CHECK(lock_fact("grant", 19).lock == "ACCESS SHARE");
  CHECK(lock_fact("grant", 18).rewrite == lock_fact("grant", 15).rewrite);
}
