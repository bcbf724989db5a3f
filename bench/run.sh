#!/usr/bin/env bash
# All of pgguard's benchmarks in one run: hook latency against cc-safety-net and a no-op floor,
# the hook's scaling with input size, lint throughput against squawk, and pgguard trace on a
# throwaway server.
#
#   bench/run.sh [--quick]        (--quick: fewer calls and sizes, for CI)
#
# Environment: PGGUARD_DIR, the build directory with the executables (default build-release, built
# when missing). Figures only: nothing here asserts on time.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=""
[ "${1:-}" = "--quick" ] && quick="--quick"
build="${PGGUARD_DIR:-$PWD/build-release}"
if [ ! -x "$build/pgguard-pre-tool-use" ] || [ ! -x "$build/pgguard" ] || [ ! -x "$build/pgguard-post-tool-use" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DPGGUARD_TESTS=OFF >/dev/null
  cmake --build "$build" -j "$(nproc)" >/dev/null
fi

PGGUARD_BIN="$build/pgguard-pre-tool-use" bench/hook_bench.sh $quick

echo
echo "## PreToolUse scaling: a psql heredoc of N statements"
echo
tmp="$(mktemp -d "${TMPDIR:-/tmp}/bench.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
cc -O2 -Wall -Wextra -o "$tmp/spawn_timer" bench/spawn_timer.c
calls=$([ -n "$quick" ] && echo 30 || echo 100)
echo "| statements | bytes | p50 ms | p95 ms | peak RSS MB |"
echo "|---:|---:|---:|---:|---:|"
for n in 20 80 320; do
  python3 - "$n" >"$tmp/payload.json" <<'PY'
import json, sys
n = int(sys.argv[1])
kinds = ["SELECT id, status FROM orders WHERE id = {i};", "UPDATE orders SET status = 'paid' WHERE id = {i};",
         "INSERT INTO events (order_id, kind) VALUES ({i}, 'paid');", "CREATE INDEX CONCURRENTLY idx_t{i}_a ON t{i} (a);"]
sql = "\n".join(kinds[i % 4].format(i=i) for i in range(n))
print(json.dumps({"session_id": "bench", "cwd": "/tmp", "hook_event_name": "PreToolUse", "tool_name": "Bash",
                  "tool_input": {"command": "psql \"$DATABASE_URL\" <<'SQL'\n" + sql + "\nSQL"}}))
PY
  bytes=$(wc -c <"$tmp/payload.json")
  env -i PATH=/usr/bin:/bin HOME="$tmp" "$tmp/spawn_timer" -n "$calls" -w 3 -C "$tmp" -i "$tmp/payload.json" -- "$build/pgguard-pre-tool-use" \
    | sort -n | awk -v n="$calls" -v s="$n" -v b="$bytes" '{t[NR] = $1; m = $2 > m ? $2 : m}
      END {printf "| %d | %d | %.2f | %.2f | %.1f |\n", s, b, t[int((n + 1) / 2)] / 1000, t[int(n * 0.95 + 0.999)] / 1000, m / 1024}'
done
echo

PGGUARD_DIR="$build" bench/lint_bench.sh $quick

echo
PGGUARD_DIR="$build" bench/trace_bench.sh $quick
