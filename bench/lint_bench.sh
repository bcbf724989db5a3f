#!/usr/bin/env bash
# Lint throughput of `pgguard lint` side by side with squawk's native binary, on generated
# migrations at 1x, 4x and 16x size, on a project-shaped mix of small and large files and on one
# 10 MB file; then the PostToolUse hook's latency on
# a 30-statement migration with 300 earlier migrations in its directory.
#
#   bench/lint_bench.sh [--quick]     (--quick: 60 and 600 files, 20 hook calls)
#
# Environment: PGGUARD_DIR (default build-release, built when missing).
# No timing assertion: the script prints figures and ratios and exits 0 unless something broke.
set -euo pipefail

script_dir="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$script_dir/.." && pwd)"
quick=0
[ "${1:-}" = "--quick" ] && quick=1

build="${PGGUARD_DIR:-$root/build-release}"
if [ ! -x "$build/pgguard" ] || [ ! -x "$build/pgguard-post-tool-use" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DPGGUARD_TESTS=OFF >/dev/null
  cmake --build "$build" -j "$(nproc)" --target pgguard pgguard-post-tool-use >/dev/null
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/lint_bench.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

squawk=""
if timeout 180 npm install --silent --prefix "$tmp/squawk" squawk-cli >/dev/null 2>"$tmp/npm.err"; then
  squawk="$tmp/squawk/node_modules/@squawk-cli/linux-x64/bin/squawk"
  [ -x "$squawk" ] || squawk=""
fi
squawk_version="$([ -n "$squawk" ] && "$squawk" --version 2>/dev/null || echo "not available ($(head -c 120 "$tmp/npm.err" | tr '\n' ' '))")"

# Migrations as an ORM would write them: DDL, constraints, indexes, backfills, comments.
python3 - "$tmp" "$quick" <<'PY'
import os, sys, random
tmp, quick = sys.argv[1], sys.argv[2] == "1"
random.seed(7)
def statement(i):
    t = f"t{i % 97}"
    return random.choice([
        f"CREATE TABLE tbl_{i} (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL, amount numeric(12,2), created_at timestamptz NOT NULL DEFAULT now(), deleted_at timestamptz);",
        f"ALTER TABLE {t} ADD COLUMN c_{i} integer;",
        f"CREATE INDEX idx_{t}_c_{i} ON {t} (c_{i});",
        f"CREATE INDEX CONCURRENTLY idx_{t}_n_{i} ON {t} (name, created_at);",
        f"UPDATE {t} SET c_{i} = 0 WHERE id = '00000000-0000-0000-0000-{i:012d}';",
        f"ALTER TABLE {t} ADD CONSTRAINT fk_{t}_{i} FOREIGN KEY (parent_id) REFERENCES t0 (id) NOT VALID;",
        f"ALTER TABLE {t} VALIDATE CONSTRAINT fk_{t}_{i};",
        f"ALTER TABLE {t} ALTER COLUMN c_{i} SET NOT NULL;",
        f"INSERT INTO {t} (id, name) VALUES (gen_random_uuid(), 'row {i}');",
        f"COMMENT ON COLUMN {t}.c_{i} IS 'counter number {i} kept for reports';",
        f"ALTER TABLE {t} ALTER COLUMN name TYPE varchar(200);",
        f"DO $$ BEGIN ALTER TABLE {t} ADD CONSTRAINT fk2_{i} FOREIGN KEY (owner_id) REFERENCES owners (id); EXCEPTION WHEN duplicate_object THEN null; END $$;",
    ])
base_files, per_file = (60, 50) if quick else (120, 60)
scales = [1, 10] if quick else [1, 4, 16]
counter = 0
for scale in scales:
    d = os.path.join(tmp, f"corpus_{scale}x")
    os.makedirs(d)
    for f in range(base_files * scale):
        with open(os.path.join(d, f"{f:06d}_m.sql"), "w") as out:
            for _ in range(per_file):
                out.write(statement(counter) + "\n")
                counter += 1
# Shaped like a real project: many small migrations and a few large ones (a squashed baseline, a
# data migration), about 2.5 MB in all
d = os.path.join(tmp, "mixed")
os.makedirs(d)
for f in range(603):
    n = 12000 if f in (0, 300, 602) else random.randint(2, 15)
    with open(os.path.join(d, f"{f:06d}_m.sql"), "w") as out:
        for _ in range(n):
            out.write(statement(counter) + "\n")
            counter += 1
size = 0
with open(os.path.join(tmp, "big.sql"), "w") as out:
    while size < 10 * 1024 * 1024:
        line = statement(counter) + "\n"
        counter += 1
        out.write(line)
        size += len(line)
# Histories of small migrations: replay cost per file must not grow with the history's length
for n in (12, 120, 1200):
    d = os.path.join(tmp, f"history_{n}", "db", "migrations")
    os.makedirs(d)
    for f in range(n):
        with open(os.path.join(d, f"{f:05d}_step.sql"), "w") as out:
            out.write(f"CREATE TABLE h_{f} (id uuid PRIMARY KEY, v text, created_at timestamptz);\n"
                      f"CREATE INDEX idx_h_{f}_v ON h_{f} (v);\n"
                      f"ALTER TABLE h_{max(f - 1, 0)} ADD COLUMN extra_{f} text;\n")
# 300 earlier migrations and a 30-statement one for the PostToolUse latency
mig = os.path.join(tmp, "project", "db", "migrations")
os.makedirs(mig)
for f in range(300):
    with open(os.path.join(mig, f"{f:04d}_step.sql"), "w") as out:
        out.write(f"CREATE TABLE step_{f} (id uuid PRIMARY KEY, v text, created_at timestamptz);\nCREATE INDEX idx_step_{f}_v ON step_{f} (v);\n")
with open(os.path.join(mig, "0300_target.sql"), "w") as out:
    for k in range(30):
        out.write(f"ALTER TABLE step_{k} ADD COLUMN extra_{k} text;\n")
PY

measure() {  # measure OUT_PREFIX COMMAND...: wall seconds, peak RSS (KB) and CPU seconds (user + system) via GNU time
  local prefix="$1"; shift
  /usr/bin/time -f "%e %M %U %S" -o "$prefix.time" "$@" >"$prefix.out" 2>/dev/null || true
  # GNU time puts "Command exited with non-zero status N" first when findings make the linter exit 1.
  read -r secs kb user sys < <(tail -n 1 "$prefix.time")
  echo "$secs $kb $(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')"
}

count_statements() { grep -c ';$' "$@" | awk -F: '{s += $NF} END {print s}'; }

echo "## pgguard lint throughput"
echo
echo "- pgguard: $("$build/pgguard" --version), \`pgguard lint --format json\` (history replay on: each file is linted against the schema of the files before it; squawk has no replay)"
echo "- squawk: $squawk_version, \`squawk --reporter json\`"
echo "- $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
# CPU seconds beside the wall time: on a machine shared with other work the wall time of both tools
# stretches with the load, their CPU time much less (pgguard's counts every thread it runs).
echo "| input | MB | statements | pgguard s | pgguard s per MB | pgguard CPU s | pgguard RSS MB | squawk s | squawk CPU s | squawk RSS MB | throughput vs squawk | RSS vs squawk |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
export ratios="$tmp/ratios"
: >"$ratios"
inputs=()
for d in $(ls -d "$tmp"/corpus_*x | sort -V); do inputs+=("$d"); done
inputs+=("$tmp/mixed")
inputs+=("$tmp/big.sql")
for input in "${inputs[@]}"; do
  if [ -d "$input" ]; then files=("$input"/*.sql); label="$(basename "$input") ($(ls "$input" | wc -l) files)"; else files=("$input"); label="one 10 MB file"; fi
  [ "$(basename "$input")" = mixed ] && label="mixed: $(( ${#files[@]} - 3 )) small files and 3 of 12,000 statements"
  bytes=$(cat "${files[@]}" | wc -c)
  mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}')
  statements=$(count_statements "${files[@]}")
  read -r p_secs p_kb p_cpu < <(measure "$tmp/p" "$build/pgguard" lint --format json "${files[@]}")
  found=$(grep -c '"rule"' "$tmp/p.out" || true)
  if [ -n "$squawk" ]; then
    read -r s_secs s_kb s_cpu < <(measure "$tmp/s" "$squawk" --reporter json "${files[@]}")
  else
    s_secs="n/a"; s_kb=0; s_cpu="n/a"
  fi
  awk -v l="$label" -v mb="$mb" -v n="$statements" -v ps="$p_secs" -v pk="$p_kb" -v pc="$p_cpu" -v ss="$s_secs" -v sk="$s_kb" -v sc="$s_cpu" 'BEGIN {
    per_mb = mb > 0 ? ps / mb : 0
    speed = (ss != "n/a" && ps > 0) ? sprintf("%.2fx", ss / ps) : "n/a"
    memory = (ss != "n/a" && sk > 0) ? sprintf("%.2fx", pk / sk) : "n/a"
    printf "| %s | %s | %d | %.2f | %.3f | %s | %.1f | %s | %s | %.1f | %s | %s |\n", l, mb, n, ps, per_mb, pc, pk / 1024, ss, sc, sk / 1024, speed, memory
    if (ss != "n/a" && ps > 0 && sk > 0) printf "%s %s %.4f %.4f %.4f\n", (l ~ /10 MB/ ? "big" : l ~ /^mixed/ ? "mixed" : "corpus"), mb, ss / ps, pk / sk, per_mb >> ENVIRON["ratios"]
  }'
  echo "  (pgguard reported $found findings)" >&2
done

echo
echo "## History replay: a directory of N small migrations, each linted against the schema of those before it"
echo
echo "| files | pgguard s | pgguard ms per file | pgguard RSS MB | squawk s | squawk ms per file |"
echo "|---:|---:|---:|---:|---:|---:|"
for d in "$tmp"/history_*; do
  n=$(ls "$d/db/migrations" | wc -l)
  read -r p_secs p_kb _ < <(measure "$tmp/p" "$build/pgguard" lint --format json "$d/db/migrations")
  if [ -n "$squawk" ]; then read -r s_secs s_kb _ < <(measure "$tmp/s" "$squawk" --reporter json "$d"/db/migrations/*.sql); else s_secs="n/a"; fi
  awk -v n="$n" -v ps="$p_secs" -v pk="$p_kb" -v ss="$s_secs" 'BEGIN {
    sper = ss != "n/a" ? sprintf("%.3f", ss * 1000 / n) : "n/a"
    printf "| %d | %.2f | %.3f | %.1f | %s | %s |\n", n, ps, ps * 1000 / n, pk / 1024, ss, sper
    printf "history %d %.4f\n", n, ps * 1000 / n >> ENVIRON["ratios"]
  }'
done

echo
echo "## PostToolUse latency: 30-statement migration, 300 earlier migrations replayed"
echo
payload="$tmp/post.json"
target="$tmp/project/db/migrations/0300_target.sql"
printf '{"session_id":"bench","cwd":"%s","hook_event_name":"PostToolUse","tool_name":"Write","tool_input":{"file_path":"%s","content":""},"tool_response":{"type":"update","filePath":"%s"}}' \
  "$tmp/project" "$target" "$target" >"$payload"
cc -O2 -Wall -Wextra -o "$tmp/spawn_timer" "$script_dir/spawn_timer.c"
calls=$([ "$quick" = 1 ] && echo 20 || echo 100)
# A migration unchanged for 3 s enters the history cache key by its stat data, unread, as an
# earlier migration in a real project has long been: let the generated history settle first.
sleep 3
echo "| history cache | calls | p50 ms | p95 ms | peak RSS MB |"
echo "|---|---:|---:|---:|---:|"
for cache in off on; do
  # off: no cache directory at all (no XDG_CACHE_HOME, HOME missing); on: warmed by the first calls
  if [ "$cache" = on ]; then cache_env=(XDG_CACHE_HOME="$tmp/cache" HOME="$tmp"); else cache_env=(XDG_CACHE_HOME= HOME=/nonexistent); fi
  env "${cache_env[@]}" "$tmp/spawn_timer" -n "$calls" -w 3 -C "$tmp/project" -i "$payload" -- "$build/pgguard-post-tool-use" >"$tmp/post.times"
  sort -n "$tmp/post.times" | awk -v n="$calls" -v c="$cache" '{t[NR] = $1; m = $2 > m ? $2 : m}
    END {p50 = t[int((n + 1) / 2)]; p95 = t[int(n * 0.95 + 0.999)];
         printf "| %s | %d | %.2f | %.2f | %.1f |\n", c, n, p50 / 1000, p95 / 1000, m / 1024
         if (c == "on") printf "post %.3f\n", p50 / 1000 >> ENVIRON["ratios"]}'
done
echo
echo "## Targets"
echo
# Each target against this run's figures. Corpora of 2 MB or more and the project-shaped mix count
# for throughput (the smallest corpus is mostly process start); growth compares the time per MB of the largest corpus with
# that of the smallest of 2 MB or more; replay compares ms per file at 1,200 files with 120.
awk '
  function verdict(ok) { return ok ? "met" : "not met" }
  ($1 == "corpus" || $1 == "mixed") && $2 >= 2 { n++; if (!n_speed || $3 < speed) speed = $3; if ($4 > rss) rss = $4; n_speed = 1 }
  $1 == "corpus" && $2 >= 2 { sizes++; if (!small_mb || $2 < small_mb) { small_mb = $2; small = $5 } if ($2 > large_mb) { large_mb = $2; large = $5 } }
  $1 == "big" { big_speed = $3; big_rss = $4; has_big = 1 }
  $1 == "history" { per_file[$2] = $3 }
  $1 == "post" { post = $2; has_post = 1 }
  END {
    print "| target | this run | |"
    print "|---|---:|---|"
    if (n) printf "| many files (corpora of >= 2 MB and the project-shaped mix): >= 3x squawk throughput | %.2fx (lowest) | %s |\n", speed, verdict(speed >= 3)
    if (n) printf "| many files: peak RSS <= squawk | %.2fx (highest) | %s |\n", rss, verdict(rss <= 1)
    if (has_big) printf "| one 10 MB file: >= 2x squawk throughput | %.2fx | %s |\n", big_speed, verdict(big_speed >= 2)
    if (has_big) printf "| one 10 MB file: peak RSS <= squawk | %.2fx | %s |\n", big_rss, verdict(big_rss <= 1)
    if (sizes > 1) printf "| linear growth: s per MB at %.1f MB <= 1.25x that at %.1f MB | %.2fx | %s |\n", large_mb, small_mb, large / small, verdict(large <= 1.25 * small)
    if ((1200 in per_file) && (120 in per_file))
      printf "| history replay linear: ms per file at 1,200 files <= at 120 | %.3f vs %.3f | %s |\n", per_file[1200], per_file[120], verdict(per_file[1200] <= per_file[120])
    if (has_post) printf "| PostToolUse p50 with the cache <= 5 ms | %.2f ms | %s |\n", post, verdict(post <= 5)
  }' "$ratios"
