#!/usr/bin/env bash
# End-to-end crash recovery with the real program under a real X server:
# a crashed session's autosave (files as a dead process leaves them) is
# offered at start and recovered with the default button; the program is then
# killed (SIGKILL, no clean-up at all) and the next start offers the recovered
# work again; when the file changed on disk since, the default button keeps
# the autosave and leaves the document as it is on disk. Run it under
# xvfb-run (ctest does).
set -euo pipefail
prog=$1
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset QT_QPA_PLATFORM TD_AUTOMATION_INFO
rec="$XDG_DATA_HOME/Topology Designer/Topology Designer"
mkdir -p "$rec"

fail() { echo "FAIL: $*"; [ -f "$work/app.log" ] && tail -n 20 "$work/app.log"; exit 1; }
# Waits until a visible window's name matches the regex; prints its id.
wait_window() {
  for _ in $(seq 1 150); do
    id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n 1) && [ -n "$id" ] && { echo "$id"; return 0; }
    sleep 0.2
  done
  return 1
}
wait_gone() {
  for _ in $(seq 1 150); do
    xdotool search --onlyvisible --name "$1" >/dev/null 2>&1 || return 0
    sleep 0.2
  done
  return 1
}
press() { xdotool windowfocus --sync "$1" && xdotool key --clearmodifiers "$2"; }
start() { "$prog" "$layout" >> "$work/app.log" 2>&1 & pid=$!; }
crash() { kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

layout="$work/site.topo.yaml"
"$prog" sample > "$layout"
grep -q '^name: ' "$layout" || fail "the sample has no top-level name"

# The files a crashed session leaves: its autosave (the sample, renamed),
# metadata naming site.topo.yaml as it was then, and a lock of a dead process.
sed 's/^name: .*/name: Recovered by e2e/' "$layout" > "$rec/session-e2e-1.topo.yaml"
cat > "$rec/session-e2e-1.json" <<EOF
{"format": 1, "pid": 999999999, "original": "$layout", "written": "2026-01-02T03:04:05.000Z",
 "baseline": {"exists": true, "size": $(stat -c %s "$layout"), "modified": "",
              "sha256": "$(sha256sum "$layout" | cut -d' ' -f1)"}}
EOF
printf '999999999\ntopology-designer\n%s\n' "$(hostname)" > "$rec/session-e2e-1.lock"

# 1. Offered at start; Return (the default) recovers it: modified, unsaved.
start
dialog=$(wait_window "^Recover Unsaved Work$") || fail "no recovery dialog at start"
press "$dialog" Return
wait_gone "^Recover Unsaved Work$" || fail "the recovery dialog stayed open"
wait_window 'site\.topo\.yaml\*.*Topology Designer' > /dev/null || fail "the recovered layout is not shown as modified"
[ ! -e "$rec/session-e2e-1.topo.yaml" ] || fail "the recovered autosave is still offered as another session's"
own=$(grep -l '^name: Recovered by e2e$' "$rec"/session-*.topo.yaml) || fail "the recovered work is not this session's autosave"
echo "recovered; now this session's autosave: $(basename "$own")"

# 2. A real crash: the next start offers the recovered work again. Escape
#    keeps it for later.
crash
start
dialog=$(wait_window "^Recover Unsaved Work$") || fail "the work recovered before the crash is not offered"
press "$dialog" Escape
wait_gone "^Recover Unsaved Work$" || fail "the recovery dialog stayed open"
[ -e "$own" ] || fail "Keep for later removed the autosave"
crash

# 3. The file changed on disk since that session read it: Return now keeps
#    the autosave, and the document stays as it is on disk (not modified).
echo "# changed by someone else" >> "$layout"
start
dialog=$(wait_window "^Recover Unsaved Work$") || fail "the autosave is not offered after the file changed"
press "$dialog" Return
wait_gone "^Recover Unsaved Work$" || fail "the recovery dialog stayed open"
main=$(wait_window 'site\.topo\.yaml.*Topology Designer') || fail "no main window"
name=$(xdotool getwindowname "$main")
case "$name" in
  'site.topo.yaml*'*) fail "the default button recovered over a newer file: '$name'" ;;
  site.topo.yaml*) ;;
  *) fail "unexpected window: '$name'" ;;
esac
[ -e "$own" ] || fail "the autosave was removed"
crash
echo "PASS: recovered after a crash, offered again after SIGKILL, kept by default when the file is newer"
