#!/bin/sh
#
# bench-index.sh - the full-text index against grep, in the same run.
#
# Builds a library of MB megabytes (default 1024) under $TMPDIR from the
# corpus text (tests/data/pages/*/*.txt and samples/*.txt), copied into
# edition folders LIB/PAPER/YYYY-MM-DD/ of 10 pages each, three papers,
# one date per edition.  Then, in the same run:
#
#   build    kanbao --index LIB (fresh index)  against  wc -m on the text
#   size     the index file                    against  the text (bytes)
#   query    kanbao --cached --search=Q LIB    against  grep -r -l -F Q LIB
#            for 20 queries drawn from the corpus: 4 each of 1, 2, 3 and
#            6 characters and 4 two-word ANDs (grep: files with both,
#            grep -l A | xargs grep -l B).  Each is the best of 3; the
#            ratio reported is the median over the 20 queries of
#            kanbao's time / grep's time.  --search without --cached
#            (which first checks every file of the library for changes)
#            is timed once as well, for the record.
#
# Targets (issue 15): query median <= 0.05, build <= 3x wc -m, size <=
# 1.5x the text.  Usage:
#
#   bench/bench-index.sh [KANBAO [MB]]
#
# KANBAO defaults to src/kanbao in the current (build) directory.  The
# library and its index are deleted at the end.  Absolute times depend on
# the machine, ratios much less; a busy machine makes both sides slower.

KANBAO=${1:-./src/kanbao}
MB=${2:-1024}
here=$(cd "$(dirname "$0")" && pwd)
top=$here/..
LC_ALL=C.UTF-8
export LC_ALL

if [ ! -x "$KANBAO" ]; then
	echo "bench-index: $KANBAO is not built" >&2
	exit 1
fi
if ! "$KANBAO" --help 2>&1 | grep -q -e '--index'; then
	echo "bench-index: $KANBAO has no --index" >&2
	exit 1
fi
KANBAO=$(cd "$(dirname "$KANBAO")" && pwd)/$(basename "$KANBAO")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-index.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
lib=$tmp/lib
XDG_CACHE_HOME=$tmp/cache
export XDG_CACHE_HOME

# now: seconds since the epoch with nanoseconds (GNU date).
now() {
	date +%s.%N
}

# best CMD...: the best wall time of 3 runs (output to a file: grep
# would stop early on /dev/null).
best() {
	b=
	for i in 1 2 3; do
		t0=$(now)
		"$@" >"$tmp/out" 2>"$tmp/err"
		t1=$(now)
		b=$(echo "$t0 $t1 ${b:-999999}" |
		    awk '{ d = $2 - $1; print (d < $3) ? d : $3 }')
	done
	echo "$b"
}

# time1 CMD...: the wall time of one run.
time1() {
	t0=$(now)
	"$@" >"$tmp/out" 2>"$tmp/err"
	t1=$(now)
	echo "$t0 $t1" | awk '{ print $2 - $1 }'
}

# The corpus: every page text, in a fixed order.
ls "$top"/tests/data/pages/*/*.txt "$top"/samples/*.txt >"$tmp/corpus"
npages=$(wc -l <"$tmp/corpus")

# Fill the library: editions of 10 pages, dates counting up from
# 2000-01-01, papers in turn, until MB megabytes are written.
echo "building a library of $MB MB from $npages corpus pages..."
python3 - "$tmp/corpus" "$lib" "$MB" <<'EOF'
import datetime, os, sys
pages = [l.strip() for l in open(sys.argv[1]) if l.strip()]
texts = [open(p, 'rb').read() for p in pages]
lib, limit = sys.argv[2], int(sys.argv[3]) * 1048576
papers = ['甲报', '乙报', '丙报']
day = datetime.date(2000, 1, 1)
total = k = e = 0
while total < limit:
    d = os.path.join(lib, papers[e % 3], (day + datetime.timedelta(
        days=e // 3)).isoformat())
    os.makedirs(d)
    for j in range(10):
        with open(os.path.join(d, 'page%02d.txt' % j), 'wb') as f:
            f.write(texts[k % len(texts)])
        total += len(texts[k % len(texts)])
        k += 1
    e += 1
print('%d editions, %d files' % (e, k))
EOF
# alltext: every file of the library on stdout (too many for one glob).
alltext() {
	find "$lib" -type f -print0 | xargs -0 cat
}

bytes=$(alltext | wc -c)
echo "library: $((bytes / 1048576)) MB of text"

# Queries: substrings of the corpus's Han text at fixed places.
python3 - "$tmp/corpus" >"$tmp/queries" <<'EOF'
import random, re, sys
pages = [l.strip() for l in open(sys.argv[1]) if l.strip()]
han = re.compile('[\u4e00-\u9fff]+')
runs = [r for p in pages for r in han.findall(open(p, encoding='utf-8',
    errors='replace').read()) if len(r) >= 6]
rng = random.Random(15)
def piece(n):
    r = rng.choice(runs)
    i = rng.randrange(len(r) - n + 1)
    return r[i:i + n]
for n in (1, 2, 3, 6):
    for _ in range(4):
        print(piece(n))
for _ in range(4):
    print(piece(2) + ' ' + piece(2))
EOF

alltext >/dev/null		# warm the page cache for everyone

wcm=$(best sh -c "find '$lib' -type f -print0 | xargs -0 cat | wc -m")
build=$(time1 "$KANBAO" --index "$lib")
echo "index: $(cat "$tmp/out")"
isize=$(du -k -c "$XDG_CACHE_HOME"/kanbao/index.sqlite* | tail -1 |
    awk '{ print $1 * 1024 }')
echo "$build $wcm" | awk '{ printf "build: %.2f s, wc -m %.2f s: %.2fx (target <= 3)\n", $1, $2, $1 / $2 }'
echo "$isize $bytes" | awk '{ printf "size: index %.0f MB, text %.0f MB: %.2fx (target <= 1.5)\n", $1 / 1048576, $2 / 1048576, $1 / $2 }'

# grep for a query: one word, or files holding both words.
grepq() {
	case $1 in
	*" "*)
		grep -r -l -F -e "${1% *}" "$lib" | tr '\n' '\0' |
		    xargs -0 grep -l -F -e "${1#* }"
		;;
	*)
		grep -r -l -F -e "$1" "$lib"
		;;
	esac
}

printf '%-16s %8s %8s %8s %8s %7s\n' query matches kanbao grep ratio \
    checked
: >"$tmp/ratios"
while IFS= read -r q; do
	k=$(best "$KANBAO" --cached --search="$q" "$lib")
	n=$(grep -c '^[^ ]' "$tmp/out")
	g=$(best grepq "$q")
	c=$(time1 "$KANBAO" --search="$q" "$lib")
	r=$(echo "$k $g" | awk '{ printf "%.4f", $1 / $2 }')
	echo "$r" >>"$tmp/ratios"
	printf '%-16s %8d %8.3f %8.3f %8.4f %7.3f\n' "$q" "$n" "$k" "$g" \
	    "$r" "$c"
done <"$tmp/queries"
sort -n "$tmp/ratios" | awk '{ v[NR] = $1 } END {
	m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
	printf "query: median kanbao/grep %.4f (target <= 0.05)\n", m }'
