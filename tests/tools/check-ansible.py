#!/usr/bin/env python3
"""Checks Ansible playbooks as Ansible reads them.

  check-ansible.py PLAYBOOK.yml [--names NAMES.json] [--expect-invalid]

- `ansible-playbook --syntax-check` and `ansible-lint --offline --strict`
  (Debian's ansible and ansible-lint) accept the playbook;
- parsed with PyYAML, every layout value the modules take (cluster_name, the
  vms and hosts lists) is tagged !unsafe, so that Ansible never templates it,
  and every expected name comes back verbatim; no other value holds "{{" or
  "{%" except the playbook's own vcenter_* variables.
--expect-invalid passes only when every playbook is rejected.
Exit codes: 0 passed, 1 failed, 2 could not check (tools missing).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    print("check-ansible: python3-yaml is not installed", file=sys.stderr)
    sys.exit(2)


class Unsafe(str):
    pass


class Loader(yaml.SafeLoader):
    pass


Loader.add_constructor("!unsafe", lambda loader, node: Unsafe(loader.construct_scalar(node)))

LAYOUT_KEYS = {"cluster_name"}
LAYOUT_LISTS = {"vms", "hosts"}
OWN_TEMPLATES = {
    '{{ vcenter_hostname }}', '{{ vcenter_port | default(443) }}', '{{ vcenter_username }}',
    '{{ vcenter_password }}', '{{ vcenter_validate_certs | default(true) }}', '{{ vcenter_datacenter }}',
}


# The prune tasks' own templates: registered results and loop items only.
OWN_PATTERNS = [
    re.compile(r"^\{\{ item\.(rule_name|group_name) \}\}$"),
    re.compile(r"^\{\{ \(td_(rules|groups)_[0-9]+\.drs_(rule|group)_info \| default\(\{\}\)\)\.values\(\) "
               r"\| first \| default\(\[\]\)[a-z_ |(),'^\-]* \| list \}\}$"),
]


def own_template(value):
    return value in OWN_TEMPLATES or any(p.match(value) for p in OWN_PATTERNS)


def tools_check(paths):
    """Runs both tools once over PATHS (each copied to a folder of its own)."""
    problems = []
    for tool in ("ansible-playbook", "ansible-lint"):
        if not shutil.which(tool):
            print(f"check-ansible: {tool} is not installed (bash .ci/deps installs ansible and ansible-lint)",
                  file=sys.stderr)
            sys.exit(2)
    with tempfile.TemporaryDirectory() as tmp:
        # A folder of their own: ansible-lint looks at the project around the files.
        plays = []
        for i, path in enumerate(paths):
            plays.append(os.path.join(tmp, f"play{i}.yml"))
            shutil.copyfile(path, plays[-1])
        env = dict(os.environ, ANSIBLE_LOCAL_TEMP=os.path.join(tmp, "tmp"), HOME=os.environ.get("HOME", tmp),
                   ANSIBLE_NOCOLOR="1", NO_COLOR="1")
        for path, play in zip(paths, plays):
            r = subprocess.run(["ansible-playbook", "--syntax-check", play], cwd=tmp, env=env,
                               capture_output=True, text=True)
            if r.returncode != 0:
                problems.append(f"{path}: ansible-playbook --syntax-check: "
                                + (r.stderr.strip() or r.stdout.strip())[:2000])
        r = subprocess.run(["ansible-lint", "--offline", "--strict", "--nocolor", "-p"] + plays, cwd=tmp, env=env,
                           capture_output=True, text=True)
        if r.returncode != 0:
            problems.append("ansible-lint --offline --strict: " + (r.stdout.strip() + " " + r.stderr.strip())[:2000])
    return problems


def walk(value, key, problems, found):
    if isinstance(value, dict):
        for k, v in value.items():
            walk(v, k, problems, found)
    elif isinstance(value, list):
        for v in value:
            walk(v, key, problems, found)
    elif isinstance(value, str):
        layout_value = key in LAYOUT_KEYS or key in LAYOUT_LISTS
        if layout_value:
            if not isinstance(value, Unsafe):
                problems.append(f"{key}: {value!r} is not !unsafe")
            found.add(str(value))
        elif not isinstance(value, Unsafe) and ("{{" in value or "{%" in value) and not own_template(value.replace("\n", " ")):
            problems.append(f"{key}: {value!r} would be templated")


def check(path, names, lint=True):
    problems = tools_check([path]) if lint else []
    try:
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=Loader)
    except yaml.YAMLError as e:
        return problems + [f"does not parse: {e}"]
    found = set()
    for play in doc or []:
        walk(play.get("tasks", []), None, problems, found)
    for n in names:
        if n not in found:
            problems.append(f"name not found verbatim: {n!r}")
    return problems


def main():
    args = sys.argv[1:]
    expect_invalid = "--expect-invalid" in args
    names = []
    files = []
    i = 0
    while i < len(args):
        if args[i] == "--names":
            with open(args[i + 1], encoding="utf-8") as f:
                names = json.load(f)
            i += 2
            continue
        if args[i] != "--expect-invalid":
            files.append(args[i])
        i += 1
    if not files:
        print("check-ansible: no playbook given", file=sys.stderr)
        return 2
    failed = False
    if not expect_invalid:
        # One run of the tools for all (ansible-lint takes seconds to start).
        for p in tools_check(files):
            print(p, file=sys.stderr)
            failed = True
    for path in files:
        problems = check(path, names, lint=expect_invalid)
        if expect_invalid:
            if problems:
                print(f"{path}: rejected as expected ({problems[0][:200]})")
            else:
                print(f"{path}: accepted, but it should have been rejected", file=sys.stderr)
                failed = True
        elif problems:
            for p in problems[:20]:
                print(f"{path}: {p}", file=sys.stderr)
            failed = True
        else:
            print(f"{path}: ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
