#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang, ASan and UBSan, seeds them from the test
# corpora and runs each for a bounded time. Any crash, leak, undefined behaviour or input that
# takes over a second stops the run with the reproducer saved under build-fuzz/artifacts/.
#
#   bench/fuzz.sh [SECONDS_PER_TARGET]     (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
build=build-fuzz

CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPGGUARD_FUZZ=ON -DPGGUARD_SANITIZE=ON \
  -DPGGUARD_TESTS=OFF -DPGGUARD_WERROR=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" >/dev/null

seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{fuzz_hook_input,fuzz_shell_parser,fuzz_sql_classify,fuzz_lint,fuzz_config} "$build/artifacts"
python3 - "$seeds" <<'PY'
import json, os, sys, glob
seeds = sys.argv[1]
n = 0
def write(target, data):
    global n
    n += 1
    with open(os.path.join(seeds, target, f"seed{n:05d}"), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
for path in sorted(glob.glob("tests/corpus/guard/*.txt")):
    body, command = [], None
    for line in open(path, encoding="utf-8").read().split("\n") + ["=== end"]:
        if line.startswith("=== "):
            if command is not None:
                text = "\n".join(body).strip("\n")
                write("fuzz_shell_parser", text)
                write("fuzz_hook_input", json.dumps({"hook_event_name": "PreToolUse", "tool_name": "Bash", "cwd": "/nonexistent",
                                                     "tool_input": {"command": text}}))
            body, command = [], line
        elif command is not None:
            body.append(line)
for path in sorted(glob.glob("tests/fixtures/payloads/*/*.json") + glob.glob("tests/fixtures/payloads/*/post/*.json")):  # every client's payload shapes
    write("fuzz_hook_input", open(path, "rb").read().replace(b"@CWD@", b"/nonexistent"))
for path in sorted(glob.glob("tests/corpus/lint/**/*", recursive=True)):
    if os.path.isfile(path) and not path.endswith(".md"):
        data = open(path, "rb").read()
        write("fuzz_lint", b"\x00" + data)
        write("fuzz_sql_classify", data)
write("fuzz_config", '{"rules": {"sql-bounded-write": "ask"}, "production": {"patterns": ["(?i)acme"]}, "backup": {"max_age_hours": 12}}')
write("fuzz_config", '{"allow_read_only": true, "audit": {"all_decisions": true}, "side_effect_functions": ["x"]}')
write("fuzz_config", '{"postgres_version": 15, "audit": {"max_bytes": 4096}, "backup": {"max_age_hours": 1e3}}')
PY

echo "| target | seconds | runs | exec/s | result |"
echo "|---|---:|---:|---:|---|"
status=0
for target in fuzz_hook_input fuzz_shell_parser fuzz_sql_classify fuzz_lint fuzz_config; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  log="$build/$target.log"
  if ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp" UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
     "$build/$target" -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -print_final_stats=1 \
     -artifact_prefix="$build/artifacts/$target-" "$corpus" "$seeds/$target" >"$log" 2>&1; then
    result=ok
  else
    result="FAILED (see $log)"
    status=1
    { echo "--- $target: end of $log"; grep -v '^#\|^INFO\|NEW_FUNC\|pulse\|REDUCE\|NEW ' "$log" | tail -40; } >&2
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  echo "| $target | $seconds | $runs | $rate | $result |"
done
exit "$status"
