#!/usr/bin/env bash
# End-to-end, as a user: start the real program on a layout file under a real
# X server, drag a CIC server from the palette onto a host with xdotool (real
# XDND drag and drop), save with Ctrl+S, and check that the saved file holds
# the new guest on that host. Run it under xvfb-run (ctest does).
#
# Every wait is for a condition (the window's title, the file's content) with
# a timeout; the only fixed pauses are the pace of the simulated hand during
# the drag, which XDND needs to see as motion.
set -euo pipefail
prog=$1
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export TD_AUTOMATION_INFO="$work/targets.txt"
unset QT_QPA_PLATFORM

fail() {
  echo "FAIL: $*"
  tail -n 20 "$work/app.log" 2>/dev/null || true
  exit 1
}

# wait_for SECONDS DESCRIPTION COMMAND...: runs COMMAND every 0.1 s until it
# succeeds; fails the test after SECONDS.
wait_for() {
  local seconds=$1 what=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    [ $SECONDS -lt $deadline ] || fail "timed out after ${seconds}s waiting for $what"
    sleep 0.1
  done
}

# The ids defined in a layout file (every "- id:" line), sorted.
ids() { sed -n 's/^ *- id: *//p' "$1" | sort; }

layout="$work/site.topo.yaml"
"$prog" sample > "$layout"
ids "$layout" > "$work/ids.before"
cp "$layout" "$work/before.topo.yaml"

"$prog" "$layout" > "$work/app.log" 2>&1 &
pid=$!

targets_ready() {
  grep -q '^palette guest:cic-server ' "$TD_AUTOMATION_INFO" 2>/dev/null \
    && [ "$(grep -c '^host ' "$TD_AUTOMATION_INFO")" -ge 1 ]
}
wait_for 30 "the window's drag targets ($TD_AUTOMATION_INFO)" targets_ready
window=""
find_window() { window=$(xdotool search --onlyvisible --pid "$pid" --name 'Topology Designer' 2>/dev/null | head -n 1); [ -n "$window" ]; }
wait_for 30 "the main window to be visible" find_window
title() { xdotool getwindowname "$window"; }
modified() { title | grep -q '\* — '; }
unmodified() { ! modified; }
modified && fail "the window starts modified: $(title)"

read -r _ _ px py < <(grep '^palette guest:cic-server ' "$TD_AUTOMATION_INFO")
read -r _ host hx hy < <(grep '^host ' "$TD_AUTOMATION_INFO" | sed -n 1p)
echo "dragging from the palette ($px,$py) onto host $host ($hx,$hy)"

at() { local X Y SCREEN WINDOW; eval "$(xdotool getmouselocation --shell)"; [ "$X" -eq "$1" ] && [ "$Y" -eq "$2" ]; }
xdotool mousemove "$px" "$py"
wait_for 5 "the pointer on the palette entry" at "$px" "$py"
xdotool mousedown 1
# Several small moves at a hand's pace: XDND needs to see the motion.
for i in $(seq 1 20); do
  xdotool mousemove $((px + (hx - px) * i / 20)) $((py + (hy - py) * i / 20))
  sleep 0.05
done
xdotool mousemove "$hx" "$hy"
wait_for 5 "the pointer on host $host" at "$hx" "$hy"
sleep 0.2
xdotool mouseup 1
wait_for 30 "the drop to modify the document (title: $(title))" modified

xdotool key --clearmodifiers ctrl+s
wait_for 30 "Ctrl+S to save (title: $(title))" unmodified
ids "$layout" > "$work/ids.after"

# The new guest: the one id the saved file has and the sample had not.
new=$(comm -13 "$work/ids.before" "$work/ids.after")
[ -n "$new" ] || fail "the saved file has no new object"
[ "$(wc -l <<<"$new")" -eq 1 ] || fail "more than one new object: $new"
[ -z "$(comm -23 "$work/ids.before" "$work/ids.after")" ] || fail "objects lost: $(comm -23 "$work/ids.before" "$work/ids.after")"
block=$(awk -v id="$new" '$0 ~ "^  - id: " id "$" {on=1; print; next} on && /^  - id:/{on=0} on && /^[^ ]/{on=0} on{print}' "$layout")
echo "$block"
grep -q '^    product: cic-server$' <<<"$block" || fail "the new object $new is not a CIC server"
grep -q "^    host: $host\$" <<<"$block" || fail "the new CIC server $new is not on $host"

# The saved file loads, and the validator sees the new, unpaired CIC server.
set +e
"$prog" validate "$layout" --format json > "$work/findings.json" 2> "$work/validate.err"
code=$?
set -e
[ $code -eq 0 ] || [ $code -eq 1 ] || fail "validate exited with $code: $(cat "$work/validate.err")"
grep -q "{\"rule\": \"switchover-missing\", \"severity\": \"warning\", \"message\": \"[^\"]*\", \"subjects\": \[\"$new\"\]}" \
  "$work/findings.json" || fail "no switchover-missing finding for $new: $(cat "$work/findings.json")"
errors=$(sed -n 's/.*"summary": {"error": \([0-9]*\),.*/\1/p' "$work/findings.json")
[ -n "$errors" ] || fail "no summary in $(cat "$work/findings.json")"
[ $code -eq $((errors > 0 ? 1 : 0)) ] || fail "validate exited with $code for $errors error(s)"
echo "PASS: dragged a CIC server ($new) onto $host and saved it"
