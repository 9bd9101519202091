# tui-lib.sh - shell helpers for the end-to-end tests of the reader.
#
# Sourced by tests/tui.test, tests/bookmarks.test and tests/searchtui.test.
# The real binary runs in a detached tmux session on a PRIVATE server
# socket (never the user's tmux), keys are sent with send-keys and the
# screen is read back with capture-pane.  Tests poll for the text they expect (up to TUI_WAIT
# tenths of a second) instead of sleeping a fixed time, so they are fast on
# a fast machine and still pass on a slow one.
#
# Environment (set by make check): KANBAO, TMUX_BIN (empty: skip),
# top_srcdir, LC_ALL=C.UTF-8.
#
# Bookmarks, reading positions and the library index (XDG_DATA_HOME,
# XDG_STATE_HOME, XDG_CACHE_HOME) never touch the user's: they go to a private folder that is emptied before
# each start, so every start opens an edition at its beginning.  A test
# of the saved state itself calls tui_state_dir to keep it across starts.

# Tenths of a second to wait for expected text before failing.
TUI_WAIT=${TUI_WAIT:-50}

tui_failed=0
tui_session=kanbao

# Start: skip when tmux is missing, make a scratch directory, set up the
# private server and its clean-up.
tui_init()
{
	if [ -z "$TMUX_BIN" ] || ! command -v "$TMUX_BIN" >/dev/null 2>&1; then
		echo "SKIP: tmux not found"
		exit 77
	fi
	if [ -z "$KANBAO" ] || [ ! -x "$KANBAO" ]; then
		echo "FAIL: KANBAO is not set to the kanbao binary"
		exit 1
	fi
	tui_socket=kanbao-test-$$
	tui_dir=$(mktemp -d "${TMPDIR:-/tmp}/kanbao-tui.XXXXXX") || exit 1
	trap 'tui_cleanup' EXIT
	trap 'exit 1' INT TERM HUP
	# tmux reads no configuration and inherits no $TMUX of its own.
	unset TMUX
	# Under ASan: when newterm() fails (unknown TERM) ncurses itself loses
	# its "prescreen" (libtinfo new_prescr); no API frees it.  Not ours.
	echo "leak:new_prescr" >"$tui_dir/lsan.supp"
	LSAN_OPTIONS="suppressions=$tui_dir/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
	export LSAN_OPTIONS
	tui_state=$tui_dir/xdg
	tui_fresh_state=1
	tui_own_state=
	tui_set_xdg
}

# Point XDG_DATA_HOME, XDG_STATE_HOME and XDG_CACHE_HOME into $tui_state.
tui_set_xdg()
{
	XDG_DATA_HOME=$tui_state/data
	XDG_STATE_HOME=$tui_state/state
	XDG_CACHE_HOME=$tui_state/cache
	export XDG_DATA_HOME XDG_STATE_HOME XDG_CACHE_HOME
}

# tui_state_dir DIR: keep bookmarks and positions in DIR (made now,
# removed at exit) and keep them across starts.
tui_state_dir()
{
	mkdir -p "$1" || exit 1
	tui_state=$1
	tui_own_state=$1
	tui_fresh_state=0
	tui_set_xdg
}

# Kill the private server and remove the scratch directory.
tui_cleanup()
{
	"$TMUX_BIN" -L "$tui_socket" kill-server >/dev/null 2>&1
	rm -rf "$tui_dir"
	if [ -n "$tui_own_state" ]; then
		rm -rf "$tui_own_state"
	fi
}

# Run tmux on the private server.
tui_tmux()
{
	"$TMUX_BIN" -L "$tui_socket" -f /dev/null "$@"
}

# tui_new_session COLS ROWS SHELL-COMMAND: kill the private server and
# start a fresh session running the command.  A server that is still
# shutting down makes new-session fail ("server exited unexpectedly"):
# try again a few times.
tui_new_session()
{
	tui_tmux kill-server >/dev/null 2>&1
	_try=0
	until tui_tmux new-session -d -s "$tui_session" -x "$1" -y "$2" \
	    "$3" 2>"$tui_dir/tmux.err"
	do
		_try=$((_try + 1))
		if [ "$_try" -ge 10 ]; then
			cat "$tui_dir/tmux.err"
			return 1
		fi
		sleep 0.2
	done
}

# tui_start COLS ROWS SHELL-COMMAND: start a fresh session running the
# command; its exit status lands in $tui_dir/status.
tui_start()
{
	rm -f "$tui_dir/status" "$tui_dir/stderr"
	tui_new_session "$1" "$2" \
	    "$3 2>$tui_dir/stderr; echo \$? >$tui_dir/status"
}

# tui_kanbao COLS ROWS [ENV=VALUE...] -- ARGS: start kanbao itself.
tui_kanbao()
{
	_cols=$1 _rows=$2
	shift 2
	_env="TERM=${TUI_TERM:-tmux-256color}"
	_env="$_env XDG_DATA_HOME='$XDG_DATA_HOME'"
	_env="$_env XDG_STATE_HOME='$XDG_STATE_HOME'"
	_env="$_env XDG_CACHE_HOME='$XDG_CACHE_HOME'"
	if [ "$tui_fresh_state" = 1 ]; then
		rm -rf "$tui_state"
	fi
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		_env="$_env $1"
		shift
	done
	[ "$1" = "--" ] && shift
	tui_start "$_cols" "$_rows" "env $_env '$KANBAO' $*"
}

# Print the process id of the program in the pane (started by tui_kanbao:
# env execs it, so it is the pane shell's child).
tui_pid()
{
	_pane=$(tui_tmux display-message -p -t "$tui_session" '#{pane_pid}')
	ps -o pid= --ppid "$_pane" | head -n 1 | tr -d ' '
}

# Print the screen as text.
tui_capture()
{
	tui_tmux capture-pane -p -t "$tui_session" 2>/dev/null
}

# Send keys (tmux key names: Enter, Space, Escape, C-l, ...).
tui_keys()
{
	tui_tmux send-keys -t "$tui_session" "$@"
}

# tui_wait TEXT: wait until TEXT (fixed string) is on the screen.
tui_wait()
{
	_n=0
	while [ "$_n" -lt "$TUI_WAIT" ]; do
		if tui_capture | grep -F -q -- "$1"; then
			return 0
		fi
		sleep 0.1
		_n=$((_n + 1))
	done
	return 1
}

# tui_wait_line N REGEX: wait until screen line N matches REGEX (grep).
tui_wait_line()
{
	_n=0
	while [ "$_n" -lt "$TUI_WAIT" ]; do
		if tui_capture | sed -n "${1}p" | grep -q -- "$2"; then
			return 0
		fi
		sleep 0.1
		_n=$((_n + 1))
	done
	return 1
}

# tui_wait_gone TEXT: wait until TEXT is no longer on the screen.
tui_wait_gone()
{
	_n=0
	while [ "$_n" -lt "$TUI_WAIT" ]; do
		if ! tui_capture | grep -F -q -- "$1"; then
			return 0
		fi
		sleep 0.1
		_n=$((_n + 1))
	done
	return 1
}

# tui_wait_exit: wait until the command in the pane has exited; print its
# exit status.
tui_wait_exit()
{
	_n=0
	while [ "$_n" -lt "$TUI_WAIT" ]; do
		if [ -s "$tui_dir/status" ]; then
			cat "$tui_dir/status"
			return 0
		fi
		sleep 0.1
		_n=$((_n + 1))
	done
	return 1
}

# tui_line N: line N (1-based) of the screen.
tui_line()
{
	tui_capture | sed -n "${1}p"
}

# tui_max_width: the display width (CJK = 2) of the widest screen line.
# GNU wc -L measures with wcwidth() in the UTF-8 locale.
tui_max_width()
{
	tui_capture | wc -L
}

# tui_clean_text: true when the screen is valid UTF-8 without U+FFFD
# (a wide character cut in half shows up as one or the other).
tui_clean_text()
{
	tui_capture >"$tui_dir/screen" || return 1
	iconv -f UTF-8 -t UTF-8 "$tui_dir/screen" >/dev/null 2>&1 || return 1
	! grep -q "$(printf '\357\277\275')" "$tui_dir/screen"
}

# tui_ok NAME / tui_fail NAME [DETAIL]: report one case.
tui_ok()
{
	echo "ok - $1"
}

tui_fail()
{
	echo "FAIL - $1"
	[ -n "$2" ] && echo "  $2"
	echo "  screen:"
	tui_capture | sed 's/^/  | /'
	if [ -s "$tui_dir/stderr" ]; then
		echo "  stderr:"
		sed 's/^/  | /' "$tui_dir/stderr"
	fi
	tui_failed=1
}

# tui_check NAME COMMAND...: ok when the command succeeds, else FAIL.
tui_check()
{
	_name=$1
	shift
	if "$@"; then
		tui_ok "$_name"
	else
		tui_fail "$_name" "failed: $*"
	fi
}

# Exit status of the whole script: 1 when any case failed.
tui_done()
{
	if [ "$tui_failed" -ne 0 ]; then
		echo "some terminal UI tests FAILED"
		exit 1
	fi
	exit 0
}

# Print the screen with its attributes as escape sequences (-e).
tui_capture_attrs()
{
	tui_tmux capture-pane -p -e -t "$tui_session" 2>/dev/null
}

# tui_wait_reverse TEXT: wait until TEXT is drawn in reverse video: an SGR
# sequence whose last parameter is 7 right before it, as tmux -e prints.
tui_wait_reverse()
{
	_esc=$(printf '\033')
	_n=0
	while [ "$_n" -lt "$TUI_WAIT" ]; do
		if tui_capture_attrs |
		    grep -E -q -- "${_esc}\\[([0-9]+;)*7m$1"; then
			return 0
		fi
		sleep 0.1
		_n=$((_n + 1))
	done
	return 1
}
