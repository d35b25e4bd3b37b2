#!/usr/bin/env bash
# End to end against a real vCenter API (govmomi's simulator, built from
# Debian's source): create the layout's clusters, hosts and VMs in it, export
# the layout with `topology-designer export --to ansible`, run the playbook
# with ansible-playbook, read the clusters' rules and groups back with
# pyVmomi and compare them with what RULES.md "Exports" asks (expected.py
# derives that from the layout on its own); run the playbook again: it must
# report changed=0 and leave the same rules. The simulator is stopped on every
# exit. Fails (never skips) when a tool is missing: .ci/deps installs them.
#
#   e2e_vcsim.sh build OUTDIR               build OUTDIR/vcsim (when main.go is newer)
#   e2e_vcsim.sh run [--check-first] PROG VCSIM LAYOUT [MOVED]
#                                           --check-first: before the first run,
#                                           ansible-playbook --check must report
#                                           changes and change nothing
#                                           one case; with MOVED (the same
#                                           inventory, guests moved), then
#                                           export MOVED and run that playbook
#                                           on the same vCenter: the rules must
#                                           follow, and a further run change nothing
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
python=/usr/bin/python3 # Debian's, with python3-pyvmomi and python3-yaml
export PYTHONDONTWRITEBYTECODE=1 # no __pycache__ in the source tree

fail() { echo "FAIL: $*" >&2; exit 1; }

build() {
  local out
  out=$(mkdir -p "$1" && cd "$1" && pwd) # go wants absolute GOPATH entries
  command -v go >/dev/null || fail "go not found (Debian package golang-go; bash .ci/deps installs it)"
  [ -d /usr/share/gocode/src/github.com/vmware/govmomi/simulator ] \
    || fail "govmomi's simulator source not found (Debian package golang-github-vmware-govmomi-dev)"
  if [ -x "$out/vcsim" ] && [ "$out/vcsim" -nt "$here/main.go" ]; then
    echo "simulator up to date: $out/vcsim"
    return 0
  fi
  local start=$SECONDS
  (cd "$here" && GOPATH="$out/gopath:/usr/share/gocode" GO111MODULE=off GOFLAGS= \
    GOCACHE="$out/gocache" go build -o "$out/vcsim.tmp" main.go) || fail "the simulator does not build"
  mv "$out/vcsim.tmp" "$out/vcsim"
  echo "built $out/vcsim in $((SECONDS - start)) s"
}

run_case() {
  local check_first=""
  if [ "${1:-}" = --check-first ]; then
    check_first=1
    shift
  fi
  local prog=$1 vcsim=$2 layout=$3 moved=${4:-}
  [ -x "$prog" ] || fail "$prog not found"
  [ -x "$vcsim" ] || fail "$vcsim not found: the e2e_vcsim_build test builds it"
  command -v ansible-playbook >/dev/null || fail "ansible-playbook not found (Debian package ansible)"
  "$python" -c 'import pyVmomi, yaml' || fail "$python cannot import pyVmomi and yaml (python3-pyvmomi, python3-yaml)"

  work=$(mktemp -d)
  sim=""
  trap 'if [ -n "$sim" ]; then kill "$sim" 2>/dev/null; wait "$sim" 2>/dev/null; fi; rm -rf "$work"' EXIT
  local start=$SECONDS

  # Port 0: the simulator takes a free port and prints its URL.
  "$vcsim" -listen 127.0.0.1:0 > "$work/vcsim.url" 2> "$work/vcsim.log" &
  sim=$!
  for _ in $(seq 1 100); do
    [ -s "$work/vcsim.url" ] && break
    kill -0 "$sim" 2>/dev/null || { cat "$work/vcsim.log" >&2; fail "the simulator exited"; }
    sleep 0.1
  done
  local url hostport
  url=$(head -n 1 "$work/vcsim.url")
  [ -n "$url" ] || fail "the simulator printed no URL in 10 s"
  hostport=${url#*@}
  hostport=${hostport%%/*}
  echo "simulator: $url"

  "$python" "$here/inventory.py" "$url" "$layout" || fail "cannot create the layout's inventory"

  export_play() {
    "$prog" export "$1" --to ansible -o "$work/play.yml" 2> "$work/notes.txt" \
      || { cat "$work/notes.txt" >&2; fail "export --to ansible failed"; }
    echo "export notes:"
    sed 's/^/  /' "$work/notes.txt"
  }
  export_play "$layout"

  export ANSIBLE_CONFIG="$work/ansible.cfg" ANSIBLE_LOCAL_TEMP="$work/ansible-tmp" \
    ANSIBLE_REMOTE_TEMP="$work/ansible-tmp" ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0 \
    ANSIBLE_RETRY_FILES_ENABLED=0 ANSIBLE_LOCALHOST_WARNING=0 ANSIBLE_INVENTORY_UNPARSED_WARNING=0
  : > "$work/ansible.cfg"
  play() {
    ansible-playbook ${dry_run:+--check} -i localhost, -c local "$work/play.yml" \
      -e ansible_python_interpreter="$python" \
      -e vcenter_hostname="${hostport%:*}" -e vcenter_port="${hostport##*:}" \
      -e vcenter_username=user -e vcenter_password=pass \
      -e vcenter_validate_certs=false -e vcenter_datacenter=DC0 > "$work/run$1.log" 2>&1 \
      || { tail -n 40 "$work/run$1.log" >&2; fail "ansible-playbook run $1 failed"; }
    grep -A1 "PLAY RECAP" "$work/run$1.log" | tail -n 1
  }
  readback_and_check() {
    "$python" "$here/readback.py" "$url" "$layout" > "$work/readback$1.json" \
      || fail "cannot read the rules back"
    "$python" "$here/check.py" "$2" "$work/readback$1.json" \
      || { cat "$work/readback$1.json" >&2; fail "after run $1 the clusters do not hold what RULES.md asks"; }
  }

  # Runs the playbook twice: the first must leave what RULES.md asks for
  # $2, the second must change nothing.
  twice() {
    local first=$1 recap
    recap=$(play "$first")
    echo "run $first: $recap"
    readback_and_check "$first" "$2"
    recap=$(play $((first + 1)))
    echo "run $((first + 1)): $recap"
    [[ $recap =~ [[:space:]]changed=0[[:space:]] ]] \
      || { cat "$work/run$((first + 1)).log" >&2; fail "run $((first + 1)) changed something"; }
    readback_and_check $((first + 1)) "$2"
    cmp -s "$work/readback$first.json" "$work/readback$((first + 1)).json" \
      || fail "run $((first + 1)) changed the rules"
  }
  if [ -n "$check_first" ]; then
    "$python" "$here/readback.py" "$url" "$layout" > "$work/before.json" || fail "cannot read the rules back"
    local recap
    recap=$(dry_run=1 play 0)
    echo "run 0 (--check): $recap"
    [[ $recap =~ [[:space:]]changed=[1-9] ]] || fail "ansible-playbook --check reports no change on an empty vCenter"
    "$python" "$here/readback.py" "$url" "$layout" > "$work/after.json" || fail "cannot read the rules back"
    cmp -s "$work/before.json" "$work/after.json" || { cat "$work/after.json" >&2; fail "ansible-playbook --check changed the clusters"; }
  fi
  twice 1 "$layout"
  if [ -n "$moved" ]; then
    echo "moved: $(basename "$moved")"
    export_play "$moved"
    twice 3 "$moved"
  fi
  echo "PASS: $(basename "$layout") in $((SECONDS - start)) s"
}

case "${1:-}" in
  build) build "$2" ;;
  run) shift && run_case "$@" ;;
  *) fail "usage: $0 build OUTDIR | run [--check-first] PROG VCSIM LAYOUT [MOVED]" ;;
esac
