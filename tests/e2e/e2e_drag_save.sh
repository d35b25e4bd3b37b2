#!/usr/bin/env bash
# End-to-end, as a user: start the real program on a layout file under a real
# X server, drag a CIC server from the palette onto a host with xdotool (real
# XDND drag and drop), save with Ctrl+S, and check that the saved file holds
# the new guest on that host. Run it under xvfb-run (ctest does).
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

layout="$work/site.topo.yaml"
"$prog" sample > "$layout"
before=$(grep -c "product: cic-server" "$layout")

"$prog" "$layout" > "$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do [ -s "$TD_AUTOMATION_INFO" ] && break; sleep 0.2; done
[ -s "$TD_AUTOMATION_INFO" ] || { echo "FAIL: the window did not come up"; cat "$work/app.log"; exit 1; }
sleep 0.5

read -r _ _ px py < <(grep '^palette guest:cic-server ' "$TD_AUTOMATION_INFO")
read -r _ host hx hy < <(grep '^host ' "$TD_AUTOMATION_INFO" | sed -n 3p)
echo "dragging from the palette ($px,$py) onto host $host ($hx,$hy)"

xdotool mousemove "$px" "$py"
sleep 0.3
xdotool mousedown 1
sleep 0.3
# Several small moves with short sleeps: XDND needs to see the motion.
for i in $(seq 1 20); do
  x=$(( px + (hx - px) * i / 20 ))
  y=$(( py + (hy - py) * i / 20 ))
  xdotool mousemove "$x" "$y"
  sleep 0.05
done
xdotool mousemove "$hx" "$hy"
sleep 0.4
xdotool mouseup 1
sleep 1

xdotool key --clearmodifiers ctrl+s
for _ in $(seq 1 50); do
  [ "$(grep -c "product: cic-server" "$layout")" -gt "$before" ] && break
  sleep 0.2
done

# The new guest: the cic-server block that is not in the sample.
block=$(awk '/^  - id: cic-server-1$/{on=1; print; next} on && /^  - id:/{on=0} on{print}' "$layout")
if [ -z "$block" ]; then
  echo "FAIL: the saved file has no new CIC server"
  tail -n 20 "$work/app.log"
  exit 1
fi
echo "$block"
if ! grep -q "^    host: $host\$" <<<"$block"; then
  echo "FAIL: the new CIC server is not on $host"
  exit 1
fi
"$prog" validate "$layout" --format json > "$work/findings.json" || true
grep -q '"file"' "$work/findings.json"
echo "PASS: dragged a CIC server onto $host and saved it"
