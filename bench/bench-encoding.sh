#!/bin/sh
# bench-encoding.sh - conversion cost against iconv(1) in the same run.
#
# Usage: bench/bench-encoding.sh [KANBAO] [MEGABYTES]
#
# Builds a GB18030 edition of about MEGABYTES (default 100) from the sample
# page, then times, best of 3 each:
#   iconv -f GB18030 -t UTF-8        conversion alone
#   kanbao --detect                  detection (reads a bounded sample)
#   kanbao --list  (GB18030 file)    detect + convert + load + segment
#   kanbao --list  (UTF-8 file)      the same without conversion
# and reports kanbao's conversion cost (GB18030 load minus UTF-8 load) as a
# ratio to iconv's time: the target is at most 1.5x.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
kanbao=${1:-$top/src/kanbao}
mb=${2:-100}
sample=$top/samples/000_5989cba5d6a3127f.txt
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kanbao-bench-enc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
export LC_ALL=C.UTF-8

# GB18030 is about 2/3 the size of UTF-8 for Chinese: size the UTF-8 side up.
copies=$(( mb * 1024 * 1024 * 3 / 2 / $(wc -c <"$sample") + 1 ))
i=0
while [ $i -lt "$copies" ]; do cat "$sample"; i=$((i + 1)); done >"$tmp/utf8.txt"
iconv -f UTF-8 -t GB18030 "$tmp/utf8.txt" >"$tmp/gb.txt"

# best SECONDS of 3 runs of a command (user + system CPU time).
best() {
	b=""
	for _ in 1 2 3; do
		/usr/bin/time -o "$tmp/time" -f '%U %S' "$@" >/dev/null 2>&1 || true
		t=$(awk '{ printf "%.3f", $1 + $2 }' "$tmp/time")
		if [ -z "$b" ] || awk -v a="$t" -v b="$b" 'BEGIN { exit !(a < b) }'; then
			b=$t
		fi
	done
	echo "$b"
}

t_iconv=$(best iconv -f GB18030 -t UTF-8 "$tmp/gb.txt")
t_detect=$(best "$kanbao" --detect "$tmp/gb.txt")
t_gb=$(best "$kanbao" --list "$tmp/gb.txt")
t_utf8=$(best "$kanbao" --list "$tmp/utf8.txt")
size=$(wc -c <"$tmp/gb.txt")

awk -v s="$size" -v i="$t_iconv" -v d="$t_detect" -v g="$t_gb" -v u="$t_utf8" 'BEGIN {
	conv = g - u; if (conv < 0) conv = 0
	printf "GB18030 edition: %.1f MB\n", s / 1048576
	printf "iconv -f GB18030 -t UTF-8   %7.3f s\n", i
	printf "kanbao --detect             %7.3f s\n", d
	printf "kanbao --list (GB18030)     %7.3f s\n", g
	printf "kanbao --list (UTF-8)       %7.3f s\n", u
	printf "conversion cost / iconv:    %7.2f (target <= 1.5)\n", (i > 0 ? conv / i : 0)
}'
