#!/bin/sh
#
# Usage: bench/bench-load.sh [KANBAO] [MEGABYTES]
#
# bench-load.sh - how fast and how lean kanbao loads a large edition.
#
# Builds a large raw-text input (the bundled sample doubled until it is at
# least MEGABYTES, default 100) in a temporary directory, then runs
# "wc -m" on it (LC_ALL=C.UTF-8: a pass that decodes every character, the
# floor for anything that reads UTF-8) and "kanbao --list" (read, detect,
# decode, segment, finish, print one line per article), RUNS times each,
# alternating.  Reports the median CPU time (user + system, which other
# processes on a shared machine disturb far less than wall time) of each,
# their ratio (the target is at most 1.2), the peak resident set of kanbao
# and its ratio to the file size (the target is at most 3).  KANBAO
# defaults to src/kanbao (run from the build directory).  The input is
# deleted on exit.

KANBAO=${1:-src/kanbao}
MEGABYTES=${2:-100}

# Runs of each command; the median CPU time is kept.
RUNS=5

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

# How to measure peak RSS (KiB): GNU time's %M, else polling VmHWM.
if /usr/bin/time -f %M -o "$tmp/rss" true 2>/dev/null; then
	rss_method=gnutime
elif [ -r /proc/self/status ]; then
	rss_method=proc
else
	rss_method=none
fi

# child_cpu and median
. "$(dirname "$0")/cpu.sh"

# Run "$@" once with stdout discarded; sets $cpu (seconds) and $rss (KiB,
# or empty).  Returns the command's exit status.
measure() {
	rss=
	child_cpu
	before=$now_cpu
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
	child_cpu
	cpu=$(awk -v a="$before" -v b="$now_cpu" \
	    'BEGIN { printf "%.3f\n", b - a }')
	return "$status"
}

LC_ALL=C.UTF-8
export LC_ALL

# Alternate the two commands so that a change in the machine's load
# falls on both alike.
: >"$tmp/wc"
: >"$tmp/kb"
peak=
i=0
while [ "$i" -lt "$RUNS" ]; do
	if ! measure wc -m "$input"; then
		echo "bench-load.sh: wc -m failed (exit $status)" >&2
		exit 1
	fi
	echo "$cpu" >>"$tmp/wc"
	if ! measure "$KANBAO" --list "$input"; then
		echo "bench-load.sh: $KANBAO --list failed (exit $status)" >&2
		exit 1
	fi
	echo "$cpu" >>"$tmp/kb"
	if [ -n "$rss" ] && { [ -z "$peak" ] || [ "$rss" -gt "$peak" ]; }; then
		peak=$rss
	fi
	i=$((i + 1))
done
wc_time=$(median "$tmp/wc")
kb_time=$(median "$tmp/kb")
kb_rss=$peak

awk -v size="$size" -v copies="$copies" \
    -v wc="$wc_time" -v kb="$kb_time" -v rss="$kb_rss" \
    -v method="$rss_method" -v runs="$RUNS" 'BEGIN {
	mb = 1000000
	printf "input:            %.1f MB (%d copies of the sample)\n",
	    size / mb, copies
	printf "wc -m:            %.2f s CPU (median of %d)\n", wc, runs
	printf "kanbao --list:    %.2f s CPU (median of %d)\n", kb, runs
	if (wc > 0)
		printf "CPU kanbao/wc:    %.2f (target <= 1.2)\n", kb / wc
	if (rss != "") {
		printf "peak RSS kanbao:  %.1f MB (%s)\n", rss * 1024 / mb,
		    method == "gnutime" ? "/usr/bin/time %M" : "/proc VmHWM"
		printf "RSS / file size:  %.2f (target <= 3)\n", rss * 1024 / size
	} else
		printf "peak RSS kanbao:  not measured (no GNU time, no /proc)\n"
}'
