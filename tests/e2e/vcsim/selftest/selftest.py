#!/usr/bin/python3
"""Proves that check.py can fail: the sample's clusters as the simulator held
them after the exported playbook ran (sample-readback.json, read back once
and reviewed by hand) pass, and each mutation of them, one thing RULES.md
asks broken at a time, fails. Also pins expected.py's derivation for the
sample to a hand-written expectation (sample-expected.json).

usage: selftest.py SAMPLE_LAYOUT"""

import copy
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(here))
import check  # noqa: E402
import expected  # noqa: E402
import vcsimlib  # noqa: E402


def rule(data, name):
    return next(r for r in data["PROD-CL01"]["rules"] if r["name"] == name)


def group(data, name):
    return next(g for g in data["PROD-CL01"]["groups"] if g["name"] == name)


MUTATIONS = {
    "an anti-affinity rule missing":
        lambda d: d["PROD-CL01"]["rules"].remove(rule(d, "td-apart-sql-ag")),
    "an anti-affinity rule mandatory":
        lambda d: rule(d, "td-apart-cic-pair").update(mandatory=True),
    "an anti-affinity rule disabled":
        lambda d: rule(d, "td-apart-media-pool").update(enabled=False),
    "an anti-affinity rule with one member less":
        lambda d: rule(d, "td-apart-media-pool")["vms"].pop(),
    "an anti-affinity rule with a VM too many":
        lambda d: rule(d, "td-apart-ssm-pool")["vms"].append("MON1"),
    "an affinity rule instead of anti-affinity":
        lambda d: rule(d, "td-apart-rcs-pool").update(type="vm-vm-affinity"),
    "a VM-Host rule mandatory (a must rule)":
        lambda d: rule(d, "td-pin-ic1").update(mandatory=True),
    "a VM-Host rule disabled":
        lambda d: rule(d, "td-pin-ccs2").update(enabled=False),
    "a VM-Host rule to the wrong rack":
        lambda d: rule(d, "td-pin-ic2").update(affine_host_group="td-rack-rack-3"),
    "a VM-Host rule anti-affine":
        lambda d: rule(d, "td-pin-ic1").update(affine_host_group=None, anti_affine_host_group="td-rack-rack-1"),
    "a VM-Host rule missing":
        lambda d: d["PROD-CL01"]["rules"].remove(rule(d, "td-pin-ccs1")),
    "a host group without one of its rack's hosts":
        lambda d: group(d, "td-rack-rack-1")["members"].pop(),
    "a VM group with both members of a pair":
        lambda d: group(d, "td-vm-ic1")["members"].append("IC2"),
    "an extra group":
        lambda d: d["PROD-CL01"]["groups"].append({"name": "td-extra", "type": "vm", "members": ["MON1"]}),
    "a rule name without td-":
        lambda d: rule(d, "td-apart-sql-ag").update(name="apart-sql-ag"),
    "a rule name longer than 80":
        lambda d: rule(d, "td-apart-sql-ag").update(name="td-" + "x" * 78),
    "a DRS override":
        lambda d: d["PROD-CL01"]["drs_overrides"].append({"vm": "IC1", "enabled": True, "behavior": "partiallyAutomated"}),
}


def main():
    layout = sys.argv[1]
    failures = []
    wanted = expected.derive(vcsimlib.load_layout(layout))
    with open(os.path.join(here, "sample-expected.json"), encoding="utf-8") as f:
        if wanted != json.load(f):
            failures.append("expected.py does not derive sample-expected.json from the sample")
    with open(os.path.join(here, "sample-readback.json"), encoding="utf-8") as f:
        good = json.load(f)
    problems = check.compare(wanted, good)
    if problems:
        failures.append(f"the good readback fails: {problems}")
    for what, mutate in MUTATIONS.items():
        bad = copy.deepcopy(good)
        mutate(bad)
        problems = check.compare(wanted, bad)
        if not problems:
            failures.append(f"not caught: {what}")
        else:
            print(f"caught: {what}: {problems[0]}")
    for failure in failures:
        print(f"FAIL: {failure}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
