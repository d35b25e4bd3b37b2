#!/usr/bin/env bash
# Checks JUnit XML reports as their consumers read them: xmllint against the
# Jenkins xUnit plugin's JUnit schema (schemas/junit-10.xsd), and the counts
# Jenkins and GitLab show (testsuite tests/failures == its test cases).
#
#   validate-junit.sh FILE.xml...
#   validate-junit.sh --program TOPOLOGY-DESIGNER [--sample] [LAYOUT...]
#       runs `TOPOLOGY-DESIGNER validate LAYOUT --format junit` on each layout.
#   --expect-invalid   passes only if every input is rejected.
#
# Exit codes: 0 passed, 1 failed, 2 could not check.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
schema="$here/schemas/junit-10.xsd"
command -v xmllint >/dev/null || { echo "validate-junit: xmllint is missing (Debian: libxml2-utils; .ci/deps installs it)" >&2; exit 2; }

program=""
expect_invalid=0
sample=0
inputs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --program) program="$2"; shift 2 ;;
    --expect-invalid) expect_invalid=1; shift ;;
    --sample) sample=1; shift ;;
    *) inputs+=("$1"); shift ;;
  esac
done
if [ ${#inputs[@]} -eq 0 ] && [ $sample -eq 0 ]; then
  echo "usage: validate-junit.sh [--expect-invalid] (FILE.xml... | --program PROGRAM [--sample] [LAYOUT...])" >&2
  exit 2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Prints the problems of one report (nothing when it is valid).
problems() {
  local file="$1"
  if ! xmllint --noout --schema "$schema" "$file" >"$tmp/lint" 2>&1; then
    cat "$tmp/lint"
    return
  fi
  local n
  n=$(xmllint --xpath 'count(//testsuite)' "$file")
  for ((i = 1; i <= n; ++i)); do
    local suite="(//testsuite)[$i]"
    local tests cases failures failed
    tests=$(xmllint --xpath "string($suite/@tests)" "$file")
    cases=$(xmllint --xpath "count($suite/testcase)" "$file")
    failures=$(xmllint --xpath "string($suite/@failures)" "$file")
    failed=$(xmllint --xpath "count($suite/testcase[failure])" "$file")
    [ "$tests" = "$cases" ] || echo "testsuite $i: tests=\"$tests\" but $cases test cases"
    [ "$failures" = "$failed" ] || echo "testsuite $i: failures=\"$failures\" but $failed failed test cases"
  done
  local unnamed
  unnamed=$(xmllint --xpath 'count(//testcase[not(@classname) or @classname=""])' "$file")
  [ "$unnamed" = "0" ] || echo "$unnamed test case(s) without a classname (GitLab shows it as the suite)"
}

reports=()
names=()
if [ -n "$program" ]; then
  layouts=()
  [ $sample -eq 1 ] && layouts+=("--sample")
  layouts+=("${inputs[@]}")
  for layout in "${layouts[@]}"; do
    out="$tmp/report-${#reports[@]}.xml"
    "$program" validate "$layout" --format junit >"$out" 2>"$tmp/err"
    code=$?
    if [ $code -ne 0 ] && [ $code -ne 1 ]; then
      echo "validate-junit: $program validate $layout exited with $code: $(cat "$tmp/err")" >&2
      exit 2
    fi
    reports+=("$out")
    names+=("$layout")
  done
else
  for f in "${inputs[@]}"; do
    [ -r "$f" ] || { echo "validate-junit: cannot read $f" >&2; exit 2; }
    reports+=("$f")
    names+=("$f")
  done
fi

status=0
for i in "${!reports[@]}"; do
  found="$(problems "${reports[$i]}")"
  if [ $expect_invalid -eq 1 ]; then
    if [ -z "$found" ]; then
      echo "FAIL ${names[$i]}: expected to be rejected, it passed"
      status=1
    else
      echo "ok   ${names[$i]}: rejected as expected ($(echo "$found" | head -n 1))"
    fi
  elif [ -n "$found" ]; then
    echo "FAIL ${names[$i]}:"
    echo "$found" | sed 's/^/  /'
    status=1
  else
    echo "ok   ${names[$i]}: valid JUnit (xUnit junit-10.xsd)"
  fi
done
exit $status
