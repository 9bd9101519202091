#!/bin/sh
#
# Usage: bench/bench-pdf.sh [KANBAO] [PAGES]
#
# bench-pdf.sh - how fast kanbao opens an edition of page PDFs, against
# pdftotext on the same files.
#
# Builds a directory of PAGES (default 20) one-page PDFs in a temporary
# directory: the corpus pages tools/corpus/out/*.pdf when they were made
# (make corpus), else the PDF fixtures of the tests (tests/data/pdf/*.pdf)
# copied round until there are PAGES, and the same pages united into one
# PDF (pdfunite).  Then measures, RUNS times each, alternating:
#   pdftotext -enc UTF-8 PAGE -    on every page, one after the other
#                                  (what a reader of the text edition runs
#                                  before kanbao can read it)
#   kanbao --dump DIR              read every page, rebuild its articles,
#                                  print them as text
#   pdftotext -enc UTF-8 ALL -     the united PDF: one process, so the
#   kanbao --dump ALL              start-up of 20 processes does not count
# and reports the median CPU time (user + system; each measurement runs
# the command REPEAT times, as a run takes about the 10 ms the clock
# resolves) and the ratio of each pair; the target is at most 1.5.
# KANBAO defaults to src/kanbao (run from the build directory).  Needs
# pdftotext and pdfunite (poppler-utils) and a kanbao built with PDF
# support.  The files are deleted on exit.

KANBAO=${1:-src/kanbao}
PAGES=${2:-20}

# Runs of each command; the median CPU time is kept.
RUNS=5
# Times a command runs in one measurement.
REPEAT=3

case $1 in
-h | --help)
	sed -n 3p "$0"
	exit 0 ;;
esac
if [ ! -x "$KANBAO" ]; then
	echo "bench-pdf.sh: $KANBAO: not an executable (build it first)" >&2
	sed -n 3p "$0" >&2
	exit 1
fi
case $PAGES in
'' | *[!0-9]* | 0)
	echo "bench-pdf.sh: PAGES must be a positive number" >&2
	exit 1 ;;
esac
if ! command -v pdftotext >/dev/null 2>&1 ||
    ! command -v pdfunite >/dev/null 2>&1; then
	echo "bench-pdf.sh: pdftotext or pdfunite not found (install" \
	    "poppler-utils)" >&2
	exit 1
fi

here=$(cd "$(dirname "$0")" && pwd)
top=$here/..
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-pdf.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' 0
trap 'exit 1' HUP INT TERM

# The pages: corpus pages if there are any, else the test fixtures (the
# two-page fixture aside: an edition of page PDFs has one page a file).
set -- "$top"/tools/corpus/out/*.pdf
if [ ! -e "$1" ]; then
	set --
	for f in "$top"/tests/data/pdf/*.pdf; do
		case $f in
		*/two-pages.pdf) ;;
		*) set -- "$@" "$f" ;;
		esac
	done
	from="tests/data/pdf (copied round)"
else
	from="tools/corpus/out"
fi
if [ $# -eq 0 ] || [ ! -e "$1" ]; then
	echo "bench-pdf.sh: no page PDFs in tools/corpus/out or" \
	    "tests/data/pdf" >&2
	exit 1
fi
mkdir "$tmp/edition"
n=0
while [ "$n" -lt "$PAGES" ]; do
	for f in "$@"; do
		[ "$n" -lt "$PAGES" ] || break
		n=$((n + 1))
		cp "$f" "$tmp/edition/$(printf 'page-%02d.pdf' "$n")"
	done
done
size=$(cat "$tmp"/edition/*.pdf | wc -c)
if ! pdfunite "$tmp"/edition/*.pdf "$tmp/all.pdf"; then
	echo "bench-pdf.sh: pdfunite failed" >&2
	exit 1
fi

if ! "$KANBAO" --dump "$tmp/edition" >/dev/null 2>"$tmp/err"; then
	# Built without PDF support, or the pages are broken.
	echo "bench-pdf.sh: $KANBAO cannot open the pages:" >&2
	cat "$tmp/err" >&2
	exit 1
fi

# child_cpu and median
. "$(dirname "$0")/cpu.sh"

# pdftotext on every page, as one would to read them as text.
pdftotext_all() {
	for p in "$tmp"/edition/*.pdf; do
		pdftotext -enc UTF-8 "$p" - || return 1
	done
}

# Run "$@" REPEAT times with stdout discarded; sets $cpu (seconds).
measure() {
	child_cpu
	before=$now_cpu
	r=0
	status=0
	while [ "$r" -lt "$REPEAT" ] && [ "$status" -eq 0 ]; do
		"$@" >/dev/null 2>&1
		status=$?
		r=$((r + 1))
	done
	child_cpu
	cpu=$(awk -v a="$before" -v b="$now_cpu" \
	    'BEGIN { printf "%.3f\n", b - a }')
	return "$status"
}

LC_ALL=C.UTF-8
export LC_ALL

# Alternate the commands so that a change in the machine's load falls on
# all alike.  Each file gets the median of its command's times.
run() {
	if ! measure "$@"; then
		echo "bench-pdf.sh: '$*' failed (exit $status)" >&2
		exit 1
	fi
}
: >"$tmp/pt"
: >"$tmp/kb"
: >"$tmp/pt1"
: >"$tmp/kb1"
i=0
while [ "$i" -lt "$RUNS" ]; do
	run pdftotext_all
	echo "$cpu" >>"$tmp/pt"
	run "$KANBAO" --dump "$tmp/edition"
	echo "$cpu" >>"$tmp/kb"
	run pdftotext -enc UTF-8 "$tmp/all.pdf" -
	echo "$cpu" >>"$tmp/pt1"
	run "$KANBAO" --dump "$tmp/all.pdf"
	echo "$cpu" >>"$tmp/kb1"
	i=$((i + 1))
done

awk -v pages="$PAGES" -v size="$size" -v from="$from" -v runs="$RUNS" \
    -v rep="$REPEAT" -v pt="$(median "$tmp/pt")" \
    -v kb="$(median "$tmp/kb")" -v pt1="$(median "$tmp/pt1")" \
    -v kb1="$(median "$tmp/kb1")" 'BEGIN {
	printf "edition:             %d page PDFs, %.1f MB, from %s\n",
	    pages, size / 1000000, from
	printf "CPU s per opening, median of %d (each measured %d times):\n",
	    runs, rep
	r = pt > 0 ? kb / pt : 0
	printf "  page files:  pdftotext each %.3f, kanbao --dump DIR %.3f: " \
	    "%.2f\n", pt / rep, kb / rep, r
	r = pt1 > 0 ? kb1 / pt1 : 0
	printf "  united PDF:  pdftotext %.3f, kanbao --dump PDF %.3f: " \
	    "%.2f\n", pt1 / rep, kb1 / rep, r
	printf "target: ratio <= 1.5\n"
}'
