#!/bin/sh
#
# Usage: bench/bench-load.sh [KANBAO] [MEGABYTES]
#
# bench-load.sh - how fast and how lean kanbao loads a large edition.
#
# Builds a large raw-text input (the bundled sample doubled until it is at
# least MEGABYTES, default 100) in a temporary directory, then times
# "wc -m" on it (LC_ALL=C.UTF-8: a pass that decodes every character, the
# floor for anything that reads UTF-8) and "kanbao --list" (read, detect,
# decode, segment, finish, print one line per article), best of 3 runs
# each.  Reports the ratio of the two times, the peak resident set of
# kanbao and its ratio to the file size.  KANBAO defaults to src/kanbao
# (run from the build directory).  The input is deleted on exit.

KANBAO=${1:-src/kanbao}
MEGABYTES=${2:-100}

# Runs of each command; the best (smallest) wall time is kept, which
# filters out noise from other processes better than the mean.
RUNS=3

case $1 in
-h | --help)
	sed -n 3p "$0"
	exit 0 ;;
esac
if [ ! -x "$KANBAO" ]; then
	echo "bench-load.sh: $KANBAO: not an executable (build it first)" >&2
	sed -n 3p "$0" >&2
	exit 1
fi
case $MEGABYTES in
'' | *[!0-9]* | 0)
	echo "bench-load.sh: MEGABYTES must be a positive number" >&2
	exit 1 ;;
esac

here=$(cd "$(dirname "$0")" && pwd)
sample=$here/../samples/000_5989cba5d6a3127f.txt
if [ ! -r "$sample" ]; then
	echo "bench-load.sh: cannot read $sample" >&2
	exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-load.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' 0
trap 'exit 1' HUP INT TERM

# Build the input by doubling a growing file.  Megabytes are decimal
# (10^6 bytes), so the default 100 is 4096 copies of the 24 KB sample.
target=$((MEGABYTES * 1000000))
input=$tmp/edition.txt
cp "$sample" "$input"
copies=1
while [ "$(wc -c <"$input")" -lt "$target" ]; do
	if ! cat "$input" "$input" >"$tmp/next.txt" ||
	    ! mv "$tmp/next.txt" "$input"; then
		exit 1
	fi
	copies=$((copies * 2))
done
size=$(wc -c <"$input")

# Nanosecond clock if date has one (GNU, busybox), else whole seconds.
if [ "$(date +%N)" != "%N" ] && [ "$(date +%N)" != "N" ]; then
	now() { date +%s%N; }
	unit=1000000000
else
	now() { date +%s; }
	unit=1
fi

# How to measure peak RSS (KiB): GNU time's %M, else polling VmHWM.
if /usr/bin/time -f %M -o "$tmp/rss" true 2>/dev/null; then
	rss_method=gnutime
elif [ -r /proc/self/status ]; then
	rss_method=proc
else
	rss_method=none
fi

# Run "$@" once with stdout discarded; sets $elapsed (clock units) and
# $rss (KiB, or empty).  Returns the command's exit status.
measure() {
	rss=
	start=$(now)
	case $rss_method in
	gnutime)
		/usr/bin/time -f %M -o "$tmp/rss" "$@" >/dev/null
		status=$?
		rss=$(tail -n 1 "$tmp/rss") ;;
	proc)
		# VmHWM is the peak so far; the last reading before exit is
		# close to the true peak for a process that runs > 0.1 s.
		"$@" >/dev/null &
		pid=$!
		while kill -0 "$pid" 2>/dev/null; do
			hwm=$(awk '/^VmHWM:/ { print $2 }' \
			    "/proc/$pid/status" 2>/dev/null)
			[ -n "$hwm" ] && rss=$hwm
			sleep 0.05 2>/dev/null || sleep 1
		done
		wait "$pid"
		status=$? ;;
	*)
		"$@" >/dev/null
		status=$? ;;
	esac
	elapsed=$(($(now) - start))
	return "$status"
}

# Run "$@" RUNS times; sets $best (clock units) and $peak (KiB or empty).
best_of() {
	best=
	peak=
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		if ! measure "$@"; then
			echo "bench-load.sh: '$*' failed (exit $status)" >&2
			exit 1
		fi
		if [ -z "$best" ] || [ "$elapsed" -lt "$best" ]; then
			best=$elapsed
		fi
		if [ -n "$rss" ] && { [ -z "$peak" ] || [ "$rss" -gt "$peak" ]; }
		then
			peak=$rss
		fi
		i=$((i + 1))
	done
}

LC_ALL=C.UTF-8
export LC_ALL

best_of wc -m "$input"
wc_time=$best
best_of "$KANBAO" --list "$input"
kb_time=$best
kb_rss=$peak

awk -v size="$size" -v copies="$copies" -v unit="$unit" \
    -v wc="$wc_time" -v kb="$kb_time" -v rss="$kb_rss" \
    -v method="$rss_method" -v runs="$RUNS" 'BEGIN {
	mb = 1000000
	printf "input:            %.1f MB (%d copies of the sample)\n",
	    size / mb, copies
	printf "wc -m:            %.3f s (best of %d)\n", wc / unit, runs
	printf "kanbao --list:    %.3f s (best of %d)\n", kb / unit, runs
	if (wc > 0)
		printf "time kanbao/wc:   %.1f\n", kb / wc
	if (rss != "") {
		printf "peak RSS kanbao:  %.1f MB (%s)\n", rss * 1024 / mb,
		    method == "gnutime" ? "/usr/bin/time %M" : "/proc VmHWM"
		printf "RSS / file size:  %.2f\n", rss * 1024 / size
	} else
		printf "peak RSS kanbao:  not measured (no GNU time, no /proc)\n"
}'
