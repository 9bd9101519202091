# cpu.sh - CPU-time helpers shared by the bench scripts (sourced, not run).

# Set $now_cpu to the CPU seconds (user + system) of the waited-for
# children so far, from the shell's "times" (POSIX; its second line is the
# children's).  times runs in this shell, not in a command substitution,
# whose subshell has no children of its own.
child_cpu() {
	times >"$tmp/times"
	now_cpu=$(awk 'NR == 2 {
		gsub(/s/, "")
		t = 0
		for (i = 1; i <= NF; i++) {
			split($i, f, "m")
			t += f[1] * 60 + f[2]
		}
		printf "%.3f\n", t
	}' "$tmp/times")
}

# Median of the numbers in file $1, one a line.
median() {
	sort -n "$1" | awk '{ v[NR] = $1 } END {
		if (NR % 2) print v[(NR + 1) / 2]
		else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2
	}'
}
