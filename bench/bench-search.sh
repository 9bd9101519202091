#!/bin/sh
#
# bench-search.sh - how fast is kanbao --search, compared with grep?
#
# Builds a ~100 MB edition by repeating the bundled sample, then times,
# best of 3 each, in the same run:
#
#   load     kanbao --list FILE            (loading only)
#   rare     kanbao --search=RARE FILE     (a word in few articles)
#   common   kanbao --search=COMMON FILE   (a word in most articles)
#   latin    kanbao --search=LATIN FILE    (an ASCII word: another path)
#   grep     grep -c -F WORD FILE          (the same words)
#
# The search itself is search minus load.  It prints that against grep
# as a ratio (the target is 2.0 or less); absolute times depend on the
# machine, ratios much less.  Usage:
#
#   bench/bench-search.sh [KANBAO [MB]]
#
# KANBAO defaults to src/kanbao in the current (build) directory, MB to
# 100.  RARE, COMMON and LATIN can be set in the environment.  The machine
# may be noisy: the load is subtracted, so run it twice and compare.

KANBAO=${1:-./src/kanbao}
MB=${2:-100}
RARE=${RARE:-蝶湖公园}
COMMON=${COMMON:-社区}
LATIN=${LATIN:-AI}
here=$(cd "$(dirname "$0")" && pwd)
sample=$here/../samples/000_5989cba5d6a3127f.txt
LC_ALL=C.UTF-8
export LC_ALL

if [ ! -x "$KANBAO" ]; then
	echo "bench-search: $KANBAO is not built" >&2
	exit 1
fi
if ! "$KANBAO" --help 2>&1 | grep -q -e '--search'; then
	echo "bench-search: $KANBAO has no --search" >&2
	exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-search.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# Repeat the sample to MB megabytes: double a chunk, then append chunks.
big=$tmp/edition.txt
cp "$sample" "$tmp/chunk"
while [ "$(wc -c <"$tmp/chunk")" -lt 1048576 ]; do
	cat "$tmp/chunk" "$tmp/chunk" >"$tmp/chunk2"
	mv "$tmp/chunk2" "$tmp/chunk"
done
: >"$big"
while [ "$(wc -c <"$big")" -lt $((MB * 1048576)) ]; do
	cat "$tmp/chunk" >>"$big"
done
echo "edition: $(($(wc -c <"$big") / 1048576)) MB of $(basename "$sample")"

# now: seconds since the epoch with nanoseconds (GNU date).
now() {
	date +%s.%N
}

# best CMD...: the best wall time of 3 runs.
best() {
	b=
	for i in 1 2 3; do
		t0=$(now)
		"$@" >"$tmp/out" 2>&1	# not /dev/null: grep would stop early
		t1=$(now)
		b=$(echo "$t0 $t1 ${b:-999999}" |
		    awk '{ d = $2 - $1; print (d < $3) ? d : $3 }')
	done
	echo "$b"
}

cat "$big" >/dev/null		# warm the page cache for everyone
load=$(best "$KANBAO" --list "$big")
rare=$(best "$KANBAO" --search="$RARE" "$big")
common=$(best "$KANBAO" --search="$COMMON" "$big")
latin=$(best "$KANBAO" --search="$LATIN" "$big")
grep_rare=$(best grep -c -F "$RARE" "$big")
grep_common=$(best grep -c -F "$COMMON" "$big")
grep_latin=$(best grep -c -F "$LATIN" "$big")

echo "$load $rare $common $grep_rare $grep_common $latin $grep_latin" |
    awk -v r="$RARE" -v c="$COMMON" -v l="$LATIN" '{
	sr = $2 - $1; sc = $3 - $1; sl = $6 - $1
	if (sr < 0) sr = 0
	if (sc < 0) sc = 0
	if (sl < 0) sl = 0
	printf "load (kanbao --list): %.3f s\n", $1
	printf "rare   %-12s search %.3f s, grep %.3f s, ratio %.2f\n", \
	    r, sr, $4, sr / ($4 > 0 ? $4 : 0.001)
	printf "common %-12s search %.3f s, grep %.3f s, ratio %.2f\n", \
	    c, sc, $5, sc / ($5 > 0 ? $5 : 0.001)
	printf "latin  %-12s search %.3f s, grep %.3f s, ratio %.2f\n", \
	    l, sl, $7, sl / ($7 > 0 ? $7 : 0.001)
	printf "(target: ratio 2.00 or less; search = --search minus --list)\n"
}'
