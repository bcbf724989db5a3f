#!/usr/bin/env bash
# real_repos.sh: how pgguard lint fares on the migration folders of real projects.
#
#   bench/real_repos.sh ROOT[=MIGDIR[,MIGDIR...]] ...
#
#   ROOT      a project directory holding (at least) its migration folders and the files that name
#             its migration tool (package.json, diesel.toml, alembic.ini...)
#   MIGDIR    a migration folder relative to ROOT; default: the outermost folders below ROOT named
#             migrations, migration, migrate, drizzle, versions, deploy, revert or changelog
#   PGGUARD   the pgguard binary (default <repo>/build/pgguard)
#   SQUAWK    squawk binary for a time comparison on the same .sql files (default
#             /tmp/peers/node_modules/@squawk-cli/linux-x64/bin/squawk when present)
#
# Per project: candidate migration files (.sql .js .ts .py .rb .exs below the folders, without
# package markers and tool scaffolding), files linted by `pgguard lint` run in ROOT with no path and
# by `pgguard lint MIGDIR...`, the wall time and peak memory of the latter, squawk's wall time on the
# .sql files, then the 15 most frequent rule ids of whichever lint run linted more files.
# Exit status is 0 unless the arguments are wrong; results are reported, never judged.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
pgguard="${PGGUARD:-$here/build/pgguard}"
squawk="${SQUAWK:-/tmp/peers/node_modules/@squawk-cli/linux-x64/bin/squawk}"
[ $# -gt 0 ] || { sed -n '2,18p' "$0"; exit 2; }
[ -x "$pgguard" ] || { echo "no pgguard binary at $pgguard" >&2; exit 2; }

default_dirs() {
  (cd "$1" && find . -type d \( -name node_modules -o -name .git \) -prune -o -type d \
    \( -name migrations -o -name migration -o -name migrate -o -name drizzle -o -name versions \
       -o -name deploy -o -name revert -o -name changelog \) -print -prune | sed 's|^\./||' | sort)
}

candidates() {  # the migration-looking files below the given folders of a root
  local root=$1; shift
  (cd "$root" && find "$@" -type f \( -name '*.sql' -o -name '*.js' -o -name '*.ts' -o -name '*.mjs' \
    -o -name '*.cjs' -o -name '*.py' -o -name '*.rb' -o -name '*.exs' \) \
    ! -name '__init__.py' ! -name 'env.py' ! -name '*.d.ts' ! -path '*/meta/*' ! -path '*/verify/*')
}

linted() { sed -n 's/^\([0-9][0-9]*\) migration file(s) linted.*/\1/p' "$1" | tail -1; }

rule_counts() {  # top 15 "rule count" pairs of a JSON lint report
  python3 -c '
import collections, json, sys
try:
    findings = json.load(open(sys.argv[1])).get("findings", [])
except Exception:
    findings = []
counts = collections.Counter(f.get("rule", "?") for f in findings)
print(" ".join(f"{rule}={n}" for rule, n in counts.most_common(15)) or "-")' "$1"
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
rules_report=""
printf '%-14s %7s %9s %9s %9s %10s %9s  %s\n' project files "lint()" "lint dir" "wall s" "peak KB" "squawk s" "migration folders"
for arg in "$@"; do
  root="${arg%%=*}"
  [ -d "$root" ] || { echo "not a directory: $root" >&2; continue; }
  name="${root%%/*}"
  if [[ "$arg" == *=* ]]; then IFS=, read -r -a dirs <<<"${arg#*=}"; else mapfile -t dirs < <(default_dirs "$root"); fi
  [ ${#dirs[@]} -gt 0 ] || { printf '%-14s no migration folder found\n' "$name"; continue; }
  files=$(candidates "$root" "${dirs[@]}" | wc -l)

  (cd "$root" && "$pgguard" lint >/dev/null 2>"$tmp/all.err") || true
  (cd "$root" && /usr/bin/time -f "%e %M" -o "$tmp/time" "$pgguard" lint "${dirs[@]}" >/dev/null 2>"$tmp/dir.err") || true
  read -r wall rss < <(tail -1 "$tmp/time") || { wall="?"; rss="?"; }
  all_count="$(linted "$tmp/all.err")" dir_count="$(linted "$tmp/dir.err")"
  # the rule counts come from the run that linted more files
  if [ "${all_count:-0}" -gt "${dir_count:-0}" ]; then which=(); label="lint"; else which=("${dirs[@]}"); label="lint MIGDIR"; fi
  (cd "$root" && "$pgguard" lint --format json "${which[@]}" >"$tmp/rules.json" 2>/dev/null) || true

  squawk_wall="-"
  if [ -x "$squawk" ]; then
    candidates "$root" "${dirs[@]}" | grep '\.sql$' >"$tmp/sql" || true
    if [ -s "$tmp/sql" ]; then
      (cd "$root" && /usr/bin/time -f "%e" -o "$tmp/squawk_time" xargs -a "$tmp/sql" -d '\n' "$squawk" \
         >/dev/null 2>&1) || true
      squawk_wall="$(tail -1 "$tmp/squawk_time")"
    fi
  fi
  printf '%-14s %7s %9s %9s %9s %10s %9s  %s\n' "$name" "$files" "$all_count" "$dir_count" \
    "$wall" "$rss" "$squawk_wall" "${dirs[*]}"
  rules_report+="$name ($label): $(rule_counts "$tmp/rules.json")"$'\n'
done
printf '\nfindings per rule (top 15):\n%s' "$rules_report"
