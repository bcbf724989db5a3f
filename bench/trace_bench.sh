#!/usr/bin/env bash
# pgguard trace: wall time of tracing a 20-statement migration on an empty schema, throwaway
# cluster start included, with the cluster start and the statements reported separately; and the
# same migration against 10k seeded rows per table.
#
#   bench/trace_bench.sh [--quick]      (--quick: 3 runs instead of 10)
#
# Environment: PGGUARD_DIR, the build directory holding pgguard. Figures only: no assertions.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=10
[ "${1:-}" = "--quick" ] && runs=3
pgguard="${PGGUARD_DIR:-$PWD/build-release}/pgguard"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/trace-bench.XXXXXX")"
chmod 711 "$tmp"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/db/migrations"
cat >"$tmp/db/migrations/001_schema.sql" <<'SQL'
CREATE TABLE customers (id bigserial PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE orders (id uuid PRIMARY KEY, customer_id bigint, status text, amount numeric(10,2), note varchar(40));
SQL
python3 - "$tmp/db/migrations/002_twenty.sql" <<'PY'
import sys
statements = ["SET lock_timeout = '2s'"]
for i in range(4):
    statements += [f"ALTER TABLE orders ADD COLUMN c{i} text",
                   f"CREATE INDEX idx_orders_c{i} ON orders (c{i})",
                   f"ALTER TABLE orders ALTER COLUMN c{i} SET DEFAULT 'x'",
                   f"COMMENT ON COLUMN orders.c{i} IS 'c{i}'"]
statements += ["ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID",
               "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk",
               "ALTER TABLE orders ALTER COLUMN note TYPE varchar(200)"]
assert len(statements) == 20
open(sys.argv[1], "w").write(";\n".join(statements) + ";\n")
PY

run() {  # run LABEL ARGS...: prints one table row from $runs traces
  local label="$1"; shift
  : >"$tmp/times"
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    (cd "$tmp" && "$pgguard" trace db/migrations/002_twenty.sql --format json "$@" >"$tmp/out.json") || true
    end=$(date +%s%N)
    python3 - "$tmp/out.json" "$(( (end - start) / 1000 ))" >>"$tmp/times" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(int(sys.argv[2]) / 1000, d["start_ms"], d["setup_ms"], sum(s["duration_ms"] for s in d["statements"]), len(d["statements"]))
PY
  done
  sort -n "$tmp/times" | awk -v label="$label" '{w[NR] = $1; c[NR] = $2; s[NR] = $3; t[NR] = $4; n = $5}
    END {m = int((NR + 1) / 2); printf "| %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f |\n", label, n, w[m], w[NR], c[m], s[m], t[m]
         printf "%.0f\n", c[m] >>ENVIRON["starts"]}'
}

echo "## pgguard trace: a 20-statement migration (median of $runs runs)"
echo
echo "| schema | statements | wall ms (p50) | wall ms (max) | cluster start ms | setup ms | statements ms |"
echo "|---|---:|---:|---:|---:|---:|---:|"
export starts="$tmp/starts"
run "empty (history replayed)"
run "10k rows per table (--seed-rows)" --seed-rows 10000
echo
awk '{m = $1 > m ? $1 : m} END {printf "Target: the throwaway cluster starts in <= 400 ms p50: %d ms (the slower row): %s\n", m, m <= 400 ? "met" : "not met"}' "$starts"
