#!/bin/sh
# bench-tty.sh - bytes written to the terminal while paging, next to less.
#
# Usage: bench/bench-tty.sh [KANBAO] [COLSxROWS]
#
# Over a slow SSH link what matters is how much a reader writes to the
# terminal.  This opens the longest article of the sample in kanbao and the
# same text (kanbao --dump) in less, both in a tmux pane of the same size,
# records everything each program writes with pipe-pane while paging to
# the end with Space, and prints both byte counts and their ratio
# (target: kanbao writes no more than less).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
kanbao=${1:-$top/src/kanbao}
size=${2:-80x24}
cols=${size%x*}
rows=${size#*x}
sample=$top/samples/000_5989cba5d6a3127f.txt
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kanbao-bench-tty.XXXXXX")
trap 'for s in kanbao less; do tmux -L "kanbao-bench-$$-$s" kill-server 2>/dev/null; done; rm -rf "$tmp"' EXIT INT TERM
export LC_ALL=C.UTF-8 XDG_DATA_HOME="$tmp" XDG_STATE_HOME="$tmp"
command -v less >/dev/null || { echo "less is not installed"; exit 1; }

# The longest article: the largest length in --list.
# A row: the read/bookmark flags (maybe none), the number, section/index
# (1/2), the title, ..., the length.
n=$("$kanbao" --list "$sample" |
    awk '{ for (i = 1; i < NF; i++) if ($i ~ /^[0-9]+$/) break }
        i < NF && $(i + 1) ~ /^[0-9]+\/[0-9]+$/ &&
        $NF + 0 > max { max = $NF + 0; n = $i } END { print n }')
"$kanbao" --dump="$n" --width=$((cols - 1)) "$sample" >"$tmp/article.txt"
pages=$(( $(wc -l <"$tmp/article.txt") / (rows - 1) + 2 ))

# run NAME COMMAND KEYS-TO-OPEN: bytes written while paging to the end.
run() {
	# A server of its own per run: a killed one may still be exiting.
	sock=kanbao-bench-$$-$1
	tmux -L "$sock" -f /dev/null new-session -d -x "$cols" -y "$rows" "$2"
	sleep 1
	for k in $3; do tmux -L "$sock" send-keys "$k"; sleep 0.2; done
	sleep 0.5
	tmux -L "$sock" pipe-pane -o "cat >>$tmp/$1.bytes"
	: >"$tmp/$1.bytes"
	i=0
	while [ $i -lt "$pages" ]; do
		tmux -L "$sock" send-keys Space
		sleep 0.15
		i=$((i + 1))
	done
	sleep 0.5
	tmux -L "$sock" pipe-pane
	tmux -L "$sock" kill-server
	wc -c <"$tmp/$1.bytes"
}

# In kanbao: move down to article n in the list and open it.
keys=""
i=1
while [ $i -lt "$n" ]; do keys="$keys j"; i=$((i + 1)); done
k=$(run kanbao "$kanbao --restart '$sample'" "$keys Enter")
l=$(run less "less '$tmp/article.txt'" "")
echo "article $n, ${cols}x${rows}, $pages pages of Space"
echo "kanbao: $k bytes"
echo "less:   $l bytes"
awk -v k="$k" -v l="$l" 'BEGIN { printf "ratio kanbao/less: %.2f (target <= 1)\n", (l > 0 ? k / l : 0) }'
