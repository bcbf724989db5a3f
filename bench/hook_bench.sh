#!/usr/bin/env bash
# hook_bench.sh: per-invocation cost of the pgguard PreToolUse hook, next to a no-op floor and
# cc-safety-net's hook, for three realistic Bash payloads, two MCP tool calls, and a non-database
# shell command in each other client's payload shape (--client gemini|codex|cursor|copilot); and of
# the after-tool hook (pgguard-post-tool-use) for a non-database shell command and a filesystem MCP
# write of a source file, for each client whose hook file init wires an after-tool event to.
#
#   bench/hook_bench.sh [--calls N] [--quick]
#
#   --calls N      timed calls per (payload, executable) pair; default 200 (env HOOK_BENCH_CALLS)
#   --quick        50 calls per pair, for CI
#   PGGUARD_BIN    hook binary (default <repo>/build-release/pgguard-pre-tool-use, built if missing);
#                  the after-tool hook is pgguard-post-tool-use beside it
#
# Every call is a fresh process with the payload on stdin, spawned and timed by bench/spawn_timer.c
# (compiled into a temp dir at run time). Wall time is spawn-to-reap; peak RSS is the child's
# ru_maxrss from wait4, maximum over the calls. Percentiles are nearest-rank. The no-op floor,
# pgguard and cc-safety-net take turns in rounds of calls.
# Exit status is 0 unless something is broken; timing targets are reported, never enforced.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(cd "$script_dir/.." && pwd)
default_bin="$repo_dir/build-release/pgguard-pre-tool-use"

calls=${HOOK_BENCH_CALLS:-200}
while (($#)); do
  case $1 in
    --calls) calls=${2:?--calls needs a number}; shift 2 ;;
    --calls=*) calls=${1#--calls=}; shift ;;
    --quick) calls=50; shift ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "hook_bench: unknown argument: $1" >&2; exit 2 ;;
  esac
done
[[ $calls =~ ^[1-9][0-9]*$ ]] || { echo "hook_bench: --calls must be a positive integer" >&2; exit 2; }
# The executables take turns, in rounds, so that drift on a shared machine (other load, CPU
# frequency) reaches the floor and the hooks alike.
rounds=4
per_round=$(( (calls + rounds - 1) / rounds ))

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hook_bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# --- executables -----------------------------------------------------------------------------

pgguard=${PGGUARD_BIN:-$default_bin}
pgguard_post=$(dirname "$pgguard")/pgguard-post-tool-use
if [[ ! -x $pgguard || ! -x $pgguard_post ]]; then
  if [[ $pgguard != "$default_bin" ]]; then
    echo "hook_bench: $pgguard and $pgguard_post must both be executables" >&2; exit 1
  fi
  echo "# building $pgguard and $pgguard_post ..." >&2
  cmake -S "$repo_dir" -B "$repo_dir/build-release" -DCMAKE_BUILD_TYPE=Release -DPGGUARD_TESTS=OFF >&2
  make -C "$repo_dir/build-release" -j2 pgguard-pre-tool-use pgguard-post-tool-use >&2
fi

cc -O2 -Wall -Wextra -o "$tmp/spawn_timer" "$script_dir/spawn_timer.c"
cat >"$tmp/noop.c" <<'C'
#include <unistd.h>
int main(void) { char b[65536]; while (read(0, b, sizeof b) > 0) {} return 0; }
C
cc -O2 -o "$tmp/noop" "$tmp/noop.c"

# cc-safety-net: installed fresh into the temp dir, never vendored. On failure: a "not available" row.
ccsn_cmd=() ccsn_reason="" ccsn_version=""
install_ccsn() {
  local node npm log="$tmp/npm-install.log"
  node=$(command -v node) || { ccsn_reason="node not found"; return; }
  npm=$(command -v npm) || { ccsn_reason="npm not found"; return; }
  if ! timeout 180 "$npm" install --prefix "$tmp/ccsn" --no-audit --no-fund --loglevel=error \
       cc-safety-net >"$log" 2>&1; then
    ccsn_reason="npm install failed: $(grep -v '^npm warn' "$log" | grep -m1 -iE 'err|fail|timed' || tail -n1 "$log")"
    [[ $ccsn_reason != *": " ]] || ccsn_reason+="timeout or no output"
    return
  fi
  local pkg="$tmp/ccsn/node_modules/cc-safety-net"
  # Resolve the bin entry from package.json ("bin" is a string or a name -> path map).
  local rel
  rel=$("$node" -e '
    const p = require(process.argv[1]);
    const b = typeof p.bin === "string" ? p.bin : (p.bin["cc-safety-net"] || Object.values(p.bin)[0]);
    process.stdout.write(b + "\n" + p.version);' "$pkg/package.json") || { ccsn_reason="cannot read its package.json bin"; return; }
  ccsn_version=${rel#*$'\n'}
  ccsn_cmd=("$node" "$pkg/${rel%%$'\n'*}" hook --coding-cli)
}
install_ccsn

# --- payloads --------------------------------------------------------------------------------

project="$tmp/project"
mkdir -p "$project/src" "$tmp/home"
echo 'export const x = 1;' >"$project/src/index.ts"
cat >"$project/package.json" <<'JSON'
{
  "name": "bench-app",
  "private": true,
  "type": "module",
  "scripts": {
    "dev": "next dev",
    "build": "next build",
    "lint": "eslint .",
    "db:generate": "drizzle-kit generate",
    "db:migrate": "drizzle-kit migrate",
    "db:studio": "drizzle-kit studio"
  },
  "dependencies": { "drizzle-orm": "^0.36.0", "postgres": "^3.4.5" },
  "devDependencies": { "drizzle-kit": "^0.28.0" }
}
JSON

cmd_a='ls -la src && git status'

cmd_b=$(cat <<'CMD'
psql "$DATABASE_URL" -v ON_ERROR_STOP=1 <<'SQL'
SELECT id, email, created_at FROM users WHERE created_at > now() - interval '7 days' ORDER BY created_at DESC LIMIT 50;
SELECT count(*) FROM orders WHERE status = 'pending';
INSERT INTO audit_log (actor, action, created_at) VALUES ('backfill-bot', 'backfill-start', now());
UPDATE orders SET status = 'cancelled', updated_at = now() WHERE status = 'pending' AND created_at < now() - interval '30 days';
CREATE INDEX IF NOT EXISTS idx_orders_customer_created ON orders (customer_id, created_at DESC);
SELECT o.id, o.total_cents, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.total_cents > 10000 ORDER BY o.total_cents DESC LIMIT 20;
INSERT INTO customers (name, email) VALUES ('Ada Lovelace', 'ada@example.com') ON CONFLICT (email) DO NOTHING;
UPDATE customers SET email = lower(email) WHERE email <> lower(email);
CREATE INDEX IF NOT EXISTS idx_customers_email_lower ON customers (lower(email));
SELECT customer_id, sum(total_cents) AS revenue FROM orders WHERE created_at >= date_trunc('month', now()) GROUP BY customer_id HAVING sum(total_cents) > 50000;
INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents) SELECT o.id, 42, 1, 1999 FROM orders o WHERE o.id = 1001;
UPDATE products SET stock = stock - 1 WHERE id = 42 AND stock > 0;
WITH recent AS (SELECT id FROM orders WHERE created_at > now() - interval '1 day') SELECT count(*) FROM recent;
CREATE INDEX IF NOT EXISTS idx_order_items_product ON order_items (product_id) WHERE quantity > 0;
INSERT INTO audit_log (actor, action, payload) VALUES ('backfill-bot', 'reprice', '{"pct": 5}'::jsonb);
UPDATE products SET price_cents = round(price_cents * 1.05) WHERE category = 'accessories';
SELECT id, name, price_cents FROM products WHERE category = 'accessories' ORDER BY price_cents;
SELECT pg_size_pretty(pg_total_relation_size('orders'));
UPDATE audit_log SET payload = payload || '{"done": true}'::jsonb WHERE action = 'backfill-start' AND actor = 'backfill-bot';
SELECT action, count(*) FROM audit_log GROUP BY action ORDER BY 2 DESC;
SQL
CMD
)

cmd_c='pnpm db:migrate'

json_string() {  # JSON string literal for $1 (enough for the text above: \ " newline tab)
  local s=$1
  s=${s//\\/\\\\}; s=${s//\"/\\\"}; s=${s//$'\n'/\\n}; s=${s//$'\t'/\\t}
  printf '"%s"' "$s"
}
write_payload() {  # write_payload FILE COMMAND DESCRIPTION
  printf '{"session_id":"0b7d3c52-9a41-4e8f-b6c2-5d1e2f3a4b5c","transcript_path":"%s","cwd":%s,"permission_mode":"default","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":%s,"description":%s},"tool_use_id":"toolu_bench"}\n' \
    "$tmp/home/transcript.jsonl" "$(json_string "$project")" "$(json_string "$2")" "$(json_string "$3")" >"$1"
}
write_payload "$tmp/a.json" "$cmd_a" "List sources and show git status"
write_payload "$tmp/b.json" "$cmd_b" "Run the backfill SQL"
write_payload "$tmp/c.json" "$cmd_c" "Apply pending migrations"

project_json=$(json_string "$project")
printf '{"session_id":"s","cwd":%s,"hook_event_name":"PreToolUse","tool_name":"mcp__github__search_issues","tool_input":{"query":"drop table in migration","perPage":20}}\n' "$project_json" >"$tmp/d.json"
printf '{"session_id":"s","cwd":%s,"hook_event_name":"PreToolUse","tool_name":"mcp__supabase__execute_sql","tool_input":{"project_id":"abcdefghijklmnop","query":"DROP TABLE orders"}}\n' "$project_json" >"$tmp/e.json"
printf '{"session_id":"s","cwd":%s,"hook_event_name":"BeforeTool","timestamp":"2026-12-05T07:00:00Z","tool_name":"run_shell_command","tool_input":{"command":"%s"}}\n' "$project_json" "$cmd_a" >"$tmp/f.json"
printf '{"session_id":"s","turn_id":"t","cwd":%s,"hook_event_name":"PreToolUse","model":"gpt-5","tool_name":"Bash","tool_input":{"command":"%s"},"tool_use_id":"c"}\n' "$project_json" "$cmd_a" >"$tmp/g.json"
printf '{"conversation_id":"k","generation_id":"g","workspace_roots":[%s],"hook_event_name":"beforeShellExecution","command":"%s","cwd":%s}\n' "$project_json" "$cmd_a" "$project_json" >"$tmp/h.json"
printf '{"sessionId":"c","timestamp":1764918000000,"cwd":%s,"toolName":"bash","toolArgs":"{\\"command\\":\\"%s\\"}"}\n' "$project_json" "$cmd_a" >"$tmp/i.json"

# After the tool: what init wires there is a shell command (a) and a filesystem MCP server's
# write_file (here of a source file, which is not a migration) for every client but Cursor.
listing=$(json_string $'total 4\n-rw-r--r-- 1 dev dev 20 index.ts\nOn branch main\nnothing to commit, working tree clean')
source_file=$(json_string "$project/src/index.ts")
new_source=$(json_string $'export const x = 2;\n')
printf '{"session_id":"s","transcript_path":"%s","cwd":%s,"permission_mode":"default","hook_event_name":"PostToolUse","tool_name":"Bash","tool_input":{"command":"%s","description":"List sources and show git status"},"tool_response":{"stdout":%s,"stderr":"","interrupted":false,"isImage":false},"tool_use_id":"toolu_bench","duration_ms":40}\n' "$tmp/home/transcript.jsonl" "$project_json" "$cmd_a" "$listing" >"$tmp/j.json"
printf '{"session_id":"s","cwd":%s,"hook_event_name":"PostToolUse","tool_name":"mcp__filesystem__write_file","tool_input":{"path":%s,"content":%s},"tool_response":[{"type":"text","text":"Successfully wrote"}]}\n' "$project_json" "$source_file" "$new_source" >"$tmp/k.json"
printf '{"session_id":"s","cwd":%s,"hook_event_name":"AfterTool","timestamp":"2026-12-05T07:00:00Z","tool_name":"run_shell_command","tool_input":{"command":"%s"},"tool_response":{"llmContent":%s,"returnDisplay":%s}}\n' "$project_json" "$cmd_a" "$listing" "$listing" >"$tmp/l.json"
printf '{"session_id":"s","cwd":%s,"hook_event_name":"AfterTool","timestamp":"2026-12-05T07:00:00Z","tool_name":"mcp_filesystem_write_file","tool_input":{"path":%s,"content":%s},"tool_response":{"llmContent":[{"text":"Successfully wrote"}],"returnDisplay":"Successfully wrote"}}\n' "$project_json" "$source_file" "$new_source" >"$tmp/m.json"
printf '{"session_id":"s","turn_id":"t","cwd":%s,"hook_event_name":"PostToolUse","model":"gpt-5","tool_name":"Bash","tool_input":{"command":"%s"},"tool_response":%s,"tool_use_id":"c"}\n' "$project_json" "$cmd_a" "$listing" >"$tmp/n.json"
printf '{"session_id":"s","turn_id":"t","cwd":%s,"hook_event_name":"PostToolUse","model":"gpt-5","tool_name":"mcp__filesystem__write_file","tool_input":{"path":%s,"content":%s},"tool_response":{"content":[{"type":"text","text":"Successfully wrote"}]},"tool_use_id":"c"}\n' "$project_json" "$source_file" "$new_source" >"$tmp/o.json"
printf '{"sessionId":"c","timestamp":1764918000000,"cwd":%s,"toolName":"bash","toolArgs":"{\\"command\\":\\"%s\\"}","toolResult":{"resultType":"success","textResultForLlm":%s}}\n' "$project_json" "$cmd_a" "$listing" >"$tmp/p.json"
printf '{"sessionId":"c","timestamp":1764918000000,"cwd":%s,"toolName":"filesystem-write_file","toolArgs":"{\\"path\\":\\"%s\\",\\"content\\":\\"export const x = 2;\\\\n\\"}","toolResult":{"resultType":"success","textResultForLlm":"Successfully wrote"}}\n' "$project_json" "$project/src/index.ts" >"$tmp/q.json"

# Each client's after-tool rows follow its pre-tool rows.
payload_ids=(a b c d e j k f l m g n o h i p q)
declare -A payload_name=(
  [a]="(a) ls -la src && git status"
  [b]="(b) psql heredoc, 20 statements"
  [c]="(c) pnpm db:migrate (package.json)"
  [d]="(d) MCP: mcp__github__search_issues"
  [e]="(e) MCP: mcp__supabase__execute_sql DROP TABLE"
  [f]="(f) Gemini CLI: run_shell_command (a)"
  [g]="(g) Codex: Bash (a)"
  [h]="(h) Cursor: beforeShellExecution (a)"
  [i]="(i) Copilot CLI: bash (a)"
  [j]="(j) after: Bash (a)"
  [k]="(k) after: MCP filesystem write_file src/index.ts"
  [l]="(l) Gemini CLI after: run_shell_command (a)"
  [m]="(m) Gemini CLI after: MCP write_file (k)"
  [n]="(n) Codex after: Bash (a)"
  [o]="(o) Codex after: MCP write_file (k)"
  [p]="(p) Copilot CLI after: bash (a)"
  [q]="(q) Copilot CLI after: MCP write_file (k)"
)
# The client each payload is written for (none: Claude Code). cc-safety-net runs the Bash payloads.
declare -A payload_client=([f]=gemini [g]=codex [h]=cursor [i]=copilot [l]=gemini [m]=gemini [n]=codex [o]=codex [p]=copilot [q]=copilot)
post_ids=" j k l m n o p q "
ccsn_ids=" a b c "
pgguard_cmd() {  # pgguard_cmd PAYLOAD_ID -> the hook's command line, one word a line
  if [[ $post_ids == *" $1 "* ]]; then printf '%s\n' "$pgguard_post"; else printf '%s\n' "$pgguard"; fi
  if [[ -n ${payload_client[$1]:-} ]]; then printf '%s\n' --client "${payload_client[$1]}"; fi
}

# Every hook runs in the project dir with a small fixed environment: no DATABASE_URL/PG* or
# CLAUDE_* leaking in from the caller, and HOME in the temp dir (cc-safety-net writes audit logs
# under ~/.cc-safety-net).
hook_env=(env -i "PATH=$PATH" "HOME=$tmp/home" "LANG=C.UTF-8" "TMPDIR=${TMPDIR:-/tmp}")

run_hook_once() {  # run_hook_once PAYLOAD_ID CMD... -> the hook's stdout
  local id=$1; shift
  (cd "$project" && "${hook_env[@]}" "$@" <"$tmp/$id.json")
}
describe_decision() {  # stdin: a hook's output -> "none (no output)" / "ask rule-a, rule-b"
  local out decision rules
  out=$(cat)
  if [[ -z ${out//[[:space:]]/} ]]; then echo "none (no output)"; return; fi
  decision=$(grep -o '"permissionDecision" *: *"[a-z]*"' <<<"$out" | head -n1 | sed 's/.*"\([a-z]*\)"$/\1/')
  # pgguard names rules as "[rule-id]", cc-safety-net as "Rule: id".
  rules=$( { grep -oE '\[[a-z][a-z-]+\]' <<<"$out" | tr -d '[]'; grep -oE 'Rule: [A-Za-z0-9._-]+' <<<"$out" | sed 's/^Rule: //'; } |
           awk '!seen[$0]++' | paste -sd, - | sed 's/,/, /g')
  echo "${decision:-unrecognised output}${rules:+ $rules}"
}

# --- what each hook answers (once, before timing) ---------------------------------------------

declare -A expected=([a]="none (no output)" [b]="ask sql-schema-change" [c]="ask migration-run" [d]="none (no output)"
                     [e]="deny sql-destructive" [f]="none (no output)" [g]="none (no output)" [h]="none (no output)" [i]="none (no output)")
for id in $post_ids; do expected[$id]="none (no output)"; done
unexpected=0
echo "## pgguard hook benchmark"
echo
echo "- pgguard: \`$pgguard\`, after the tool \`$pgguard_post\`"
if ((${#ccsn_cmd[@]})); then echo "- cc-safety-net: v$ccsn_version, \`${ccsn_cmd[*]}\`"; else echo "- cc-safety-net: not available ($ccsn_reason)"; fi
echo "- $((per_round * rounds)) timed calls per row in $rounds alternating rounds (+2 warm-up each), $(nproc) CPUs, $(uname -sr), node $(node --version 2>/dev/null || echo n/a), load average $(cut -d" " -f1-3 /proc/loadavg)"
echo
echo "Decisions (one call each, before timing):"
echo
for id in "${payload_ids[@]}"; do
  mapfile -t cmd < <(pgguard_cmd "$id")
  got=$(run_hook_once "$id" "${cmd[@]}" | describe_decision)
  mark=""
  if [[ $got != "${expected[$id]}" ]]; then mark="  <-- UNEXPECTED (expected: ${expected[$id]})"; unexpected=1; fi
  echo "- (${id}) pgguard decision: $got$mark"
  if ((${#ccsn_cmd[@]})) && [[ $ccsn_ids == *" $id "* ]]; then
    echo "- (${id}) cc-safety-net decision: $(run_hook_once "$id" "${ccsn_cmd[@]}" | describe_decision)"
  fi
done
echo

# --- timing ----------------------------------------------------------------------------------

declare -A p50 p95 rss
sample() {  # sample PAYLOAD_ID EXE_KEY CMD...: one round of calls, appended to the key's times
  local id=$1 key=$2; shift 2
  "${hook_env[@]}" "$tmp/spawn_timer" -n "$per_round" -w 2 -C "$project" -i "$tmp/$id.json" -- "$@" >>"$tmp/times.$id.$key"
}
summarize() {  # summarize PAYLOAD_ID EXE_KEY: nearest-rank percentiles of wall time (µs), max ru_maxrss (KiB)
  local id=$1 key=$2 stats
  stats=$(sort -n -k1,1 "$tmp/times.$id.$key" | awk '
    { t[NR] = $1; if ($2 > m) m = $2 }
    END {
      i50 = int(NR * 0.50); if (i50 < NR * 0.50) i50++
      i95 = int(NR * 0.95); if (i95 < NR * 0.95) i95++
      printf "%.3f %.3f %.1f", t[i50] / 1000, t[i95] / 1000, m / 1024
    }')
  read -r "p50[$id.$key]" "p95[$id.$key]" "rss[$id.$key]" <<<"$stats"
}

for id in "${payload_ids[@]}"; do
  echo "# timing payload ($id) ..." >&2
  for ((round = 0; round < rounds; round++)); do
    sample "$id" floor "$tmp/noop"
    mapfile -t cmd < <(pgguard_cmd "$id")
    sample "$id" pgguard "${cmd[@]}"
    if ((${#ccsn_cmd[@]})) && [[ $ccsn_ids == *" $id "* ]]; then sample "$id" ccsn "${ccsn_cmd[@]}"; fi
  done
  summarize "$id" floor
  summarize "$id" pgguard
  if ((${#ccsn_cmd[@]})) && [[ $ccsn_ids == *" $id "* ]]; then summarize "$id" ccsn; fi
done

declare -A exe_label=([pgguard]="pgguard-pre-tool-use" [floor]="no-op (floor)" [ccsn]="cc-safety-net")
echo "| payload | executable | p50 ms | p95 ms | peak RSS MB |"
echo "|---|---|---:|---:|---:|"
for id in "${payload_ids[@]}"; do
  for key in pgguard floor ccsn; do
    if [[ -n ${p50[$id.$key]:-} ]]; then
      label=${exe_label[$key]}
      if [[ $key == pgguard && $post_ids == *" $id "* ]]; then label=pgguard-post-tool-use; fi
      printf '| %s | %s | %.2f | %.2f | %.1f |\n' "${payload_name[$id]}" "$label" \
        "${p50[$id.$key]}" "${p95[$id.$key]}" "${rss[$id.$key]}"
    elif [[ $key == ccsn && $ccsn_ids != *" $id "* ]]; then
      continue
    else
      printf '| %s | %s | – | – | – |\n' "${payload_name[$id]}" "cc-safety-net: not available ($ccsn_reason)"
    fi
  done
done
echo

# --- against the targets -----------------------------------------------------------------------

verdict() { if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "NOT met"; fi; }
echo "Against the targets (p50 unless noted; MB = MiB):"
echo
for spec in "a 1" "b 3" "c -" "d 1" "e -" "j -" "k -" "f 1" "l -" "m -" "g 1" "n -" "o -" "h 1" "i 1" "p -" "q -"; do
  read -r id limit <<<"$spec"
  d50=$(awk -v x="${p50[$id.pgguard]}" -v y="${p50[$id.floor]}" 'BEGIN { printf "%.2f", x - y }')
  d95=$(awk -v x="${p95[$id.pgguard]}" -v y="${p95[$id.floor]}" 'BEGIN { printf "%.2f", x - y }')
  if [[ $limit == - ]]; then
    echo "- ($id) pgguard − floor: $d50 ms (p95: $d95 ms) — no target, for reference"
  else
    echo "- ($id) pgguard − floor: $d50 ms (p95: $d95 ms) — target: within $limit ms of the floor: $(verdict "$d50 <= $limit")"
  fi
done
for id in $ccsn_ids; do
  if [[ -n ${p50[$id.ccsn]:-} ]]; then
    ratio=$(awk -v x="${p50[$id.ccsn]}" -v y="${p50[$id.pgguard]}" 'BEGIN { printf "%.1f", x / y }')
    echo "- ($id) cc-safety-net / pgguard p50: ${ratio}× — target: ≥ 30× faster: $(verdict "$ratio >= 30")"
  else
    echo "- ($id) cc-safety-net / pgguard p50: n/a — cc-safety-net not available ($ccsn_reason)"
  fi
done
max_rss=$(for id in "${payload_ids[@]}"; do echo "${rss[$id.pgguard]}"; done | sort -g | tail -n1)
echo "- pgguard peak RSS (max over all calls): $max_rss MB — target: < 10 MB: $(verdict "$max_rss < 10")"

if ((unexpected)); then
  echo
  echo "hook_bench: pgguard's decision differed from the expected one above; the timings may not measure the intended path" >&2
  exit 1
fi
