#!/usr/bin/python3
"""Compares what the simulator's clusters hold after the playbook ran
(readback.py's JSON) with what RULES.md asks for the layout (expected.py):
exactly those anti-affinity sets (enabled, not mandatory), those should-run-on
VM-Host rules (enabled, not mandatory) with those host and VM groups, no other
rule or group, and names that start with td-, are unique per cluster and at
most 80 characters. Prints every difference; exit 1 if any.

usage: check.py LAYOUT READBACK.json"""

import json
import sys

import expected as expectedmod
import vcsimlib


def normalize(cluster, held, problems):
    """readback.py's view of one cluster in expected.py's shape; rule and
    group states that RULES.md fixes are checked on the way."""
    groups = {g["name"]: g for g in held["groups"]}
    result = {"apart": [], "pins": [], "host_groups": [], "vm_groups": [],
              "drs_overrides": held["drs_overrides"]}
    for kind in ("rules", "groups"):
        names = [item["name"] for item in held[kind]]
        for name in names:
            if not name.startswith("td-") or len(name) > 80:
                problems.append(f"{cluster}: {kind[:-1]} name {name!r} does not start with td- or is longer than 80")
            if names.count(name) > 1:
                problems.append(f"{cluster}: {kind[:-1]} name {name!r} is used twice")
    for rule in held["rules"]:
        where = f"{cluster}: rule {rule['name']!r}"
        if not rule["enabled"] or rule["mandatory"]:
            problems.append(f"{where}: enabled={rule['enabled']} mandatory={rule['mandatory']}, "
                            "expected enabled and not mandatory")
        if rule["type"] == "vm-vm-anti-affinity":
            result["apart"].append(rule["vms"])
        elif rule["type"] == "vm-host":
            vm_group = groups.get(rule["vm_group"])
            host_group = groups.get(rule["affine_host_group"])
            if rule["anti_affine_host_group"] or not host_group or host_group["type"] != "host":
                problems.append(f"{where}: not a should-run-on rule to an existing host group")
                continue
            if not vm_group or vm_group["type"] != "vm":
                problems.append(f"{where}: its VM group {rule['vm_group']!r} does not exist")
                continue
            for vm in vm_group["members"]:
                result["pins"].append({"vm": vm, "hosts": host_group["members"]})
        else:
            problems.append(f"{where}: unexpected rule type {rule['type']}")
    for group in held["groups"]:
        key = "host_groups" if group["type"] == "host" else "vm_groups"
        result[key].append(group["members"])
    for key in ("apart", "host_groups", "vm_groups"):
        result[key].sort()
    result["pins"].sort(key=lambda p: (p["vm"], p["hosts"]))
    return result


def compare(wanted, held):
    """Every difference between expected.py's wanted and readback.py's held."""
    problems = []
    for cluster, want in wanted.items():
        if cluster not in held:
            problems.append(f"{cluster}: not read back")
            continue
        got = normalize(cluster, held[cluster], problems)
        for key in want:
            missing = [x for x in want[key] if x not in got[key]]
            extra = [x for x in got[key] if x not in want[key]]
            if got[key] != want[key]:  # both sorted: equal as multisets
                problems.append(f"{cluster}: {key}: missing {json.dumps(missing, ensure_ascii=False)}, "
                                f"unexpected {json.dumps(extra, ensure_ascii=False)}, "
                                f"{len(got[key])} held, {len(want[key])} expected")
    return problems


def main():
    if len(sys.argv) != 3:
        vcsimlib.fail(__doc__)
    wanted = expectedmod.derive(vcsimlib.load_layout(sys.argv[1]))
    with open(sys.argv[2], encoding="utf-8") as f:
        held = json.load(f)
    problems = compare(wanted, held)
    for problem in problems:
        print(f"FAIL: {problem}")
    if problems:
        sys.exit(1)
    print(f"ok: {len(wanted)} clusters, "
          f"{sum(len(w['apart']) for w in wanted.values())} anti-affinity rules, "
          f"{sum(len(w['pins']) for w in wanted.values())} VM-Host rules, "
          f"{sum(len(w['host_groups']) + len(w['vm_groups']) for w in wanted.values())} groups as RULES.md asks")


if __name__ == "__main__":
    main()
