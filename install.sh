#!/usr/bin/env bash
# Installs pgguard's build dependencies, builds it and installs the executables.
#   ./install.sh [--prefix DIR]   build (Release) and install under DIR (default ~/.local)
#   ./install.sh --test           build and run the whole test suite (Release, ASan/UBSan), fuzz, benchmark
set -euo pipefail
cd "$(dirname "$0")"

prefix="${HOME}/.local"
mode=install
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --test) mode=test; shift ;;
    -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

packages=(cmake make g++ pkg-config git nlohmann-json3-dev libpg-query-dev libre2-dev catch2 rapidjson-dev libprotobuf-c-dev
          libpq-dev postgresql postgresql-client)
# The test suite also fuzzes with clang's libFuzzer, and its benchmarks time runs with GNU time.
[ "$mode" = test ] && packages+=(clang libclang-rt-14-dev python3 time)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install.sh: installing ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    apt_get=(apt-get)
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    apt_get=(sudo apt-get)
  else
    echo "install.sh: missing packages: ${missing[*]}" >&2
    echo "install.sh: run as root, or install them first: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${apt_get[@]}" update -qq
  "${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

jobs="$(nproc 2>/dev/null || echo 2)"
build() {  # build DIR CMAKE_ARGS...
  local dir="$1"; shift
  cmake -S . -B "$dir" -DPGGUARD_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
}

if [ "$mode" = test ]; then
  build build -DCMAKE_BUILD_TYPE=Release -DPGGUARD_TESTS=ON
  # The lock model is checked on PostgreSQL 15 (Debian's) and on 16, 17 and 18, installed once with
  # npm (its cache keeps the packages; an installed major is not fetched again). A major that cannot
  # be installed is skipped by the tests, which say why.
  build/pgguard server install 16 17 18 || echo "install.sh: not every PostgreSQL major could be installed (see above)"
  # ctest prints each test's duration, the multi-version lock-model test's among them.
  ctest --test-dir build --output-on-failure -j "$jobs"
  echo "install.sh: the test suite again under AddressSanitizer and UndefinedBehaviorSanitizer"
  build build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPGGUARD_SANITIZE=ON -DPGGUARD_TESTS=ON
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp" UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-sanitize --output-on-failure -j "$jobs"
  echo "install.sh: fuzzing each target for ${PGGUARD_FUZZ_SECONDS:-60} s"
  bench/fuzz.sh "${PGGUARD_FUZZ_SECONDS:-60}"
  echo "install.sh: benchmarks, short mode (figures only)"
  PGGUARD_DIR="$PWD/build" bench/run.sh --quick || echo "install.sh: the benchmark could not run (see above); the tests passed"
  exit 0
fi

build build -DCMAKE_BUILD_TYPE=Release -DPGGUARD_TESTS=OFF
cmake --install build --prefix "$prefix" >/dev/null
bin="$prefix/bin"
echo "pgguard installed in $bin"
echo
echo "Add to .claude/settings.json (or merge into its \"hooks\"):"
sed -e "s#@BIN@#$bin#g" config/settings.example.json
