#!/bin/sh
# The whole test suite, from a fresh clone: install the dependencies, build,
# run "make check" (unit tests, command-line and terminal tests, schema
# checks, hostile inputs, fuzz corpus replay), then all of it again under
# AddressSanitizer + UBSan, the unit tests and the fuzz corpora under
# valgrind, and "make distcheck".
# This is the command README.md gives and .ci/run runs.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
sh tools/deps-debian.sh
autoreconf -fi >/dev/null 2>&1 || autoreconf -fi
jobs=$(nproc 2>/dev/null || echo 2)

summary() {
	# Count results from an automake test-suite.log.
	awk '/^# PASS:/ { p += $3 } /^# FAIL:/ { f += $3 } /^# ERROR:/ { f += $3 }
	     END { print p + 0, f + 0 }' "$1"
}

run_check() {		# dir configure-flags...
	dir=$1; shift
	rm -rf "$dir"; mkdir -p "$dir"
	( cd "$dir" && "$top/configure" -q --enable-tests --enable-werror "$@" &&
	  make -s -j"$jobs" >/dev/null &&
	  make -s -j"$jobs" check ) || {
		echo "test-all: make check failed in $dir" >&2
		for log in "$dir"/tests/*.log; do
			grep -q -e '^FAIL' -e '^ERROR' "$log" 2>/dev/null &&
			    { echo "==> $log"; tail -60 "$log"; }
		done
		exit 1
	}
}

echo "== build and make check"
run_check _build
echo "== make check under AddressSanitizer + UBSan"
run_check _build-asan --enable-asan
echo "== unit tests and fuzz corpora under valgrind"
( cd _build && make -s check-valgrind && make -s check-fuzz-valgrind )
echo "== make distcheck"
( cd _build && make -s -j"$jobs" distcheck >/dev/null )

set -- $(summary _build/test-suite.log)
p1=$1 f1=$2
set -- $(summary _build-asan/test-suite.log)
echo "test-all: $((p1 + $1)) passed, $((f1 + $2)) failed"
