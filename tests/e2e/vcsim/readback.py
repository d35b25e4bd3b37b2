#!/usr/bin/python3
"""Reads back, with pyVmomi, the DRS rules, groups and per-VM overrides of
every cluster a layout names (configurationEx.rule, .group, .drsVmConfig)
and prints them as canonical JSON: clusters, rules and groups sorted by name,
members sorted, names verbatim.

usage: readback.py URL LAYOUT"""

import json
import sys

from pyVmomi import vim

import vcsimlib


def rule_json(rule):
    kinds = {vim.cluster.AntiAffinityRuleSpec: "vm-vm-anti-affinity",
             vim.cluster.AffinityRuleSpec: "vm-vm-affinity",
             vim.cluster.VmHostRuleInfo: "vm-host"}
    entry = {"name": rule.name, "type": kinds.get(type(rule), type(rule).__name__),
             "enabled": bool(rule.enabled), "mandatory": bool(rule.mandatory)}
    if isinstance(rule, vim.cluster.VmHostRuleInfo):
        entry["vm_group"] = rule.vmGroupName
        entry["affine_host_group"] = rule.affineHostGroupName
        entry["anti_affine_host_group"] = rule.antiAffineHostGroupName
    else:
        entry["vms"] = sorted(vm.name for vm in (rule.vm or []))
    return entry


def group_json(group):
    if isinstance(group, vim.cluster.VmGroup):
        return {"name": group.name, "type": "vm", "members": sorted(vm.name for vm in (group.vm or []))}
    if isinstance(group, vim.cluster.HostGroup):
        return {"name": group.name, "type": "host",
                "members": sorted(host.name for host in (group.host or []))}
    return {"name": group.name, "type": type(group).__name__, "members": []}


def main():
    if len(sys.argv) != 3:
        vcsimlib.fail(__doc__)
    layout = vcsimlib.load_layout(sys.argv[2])
    si = vcsimlib.connect_url(sys.argv[1])
    held = vcsimlib.objects(si, vim.ClusterComputeResource)
    result = {}
    for cluster in layout["clusters"]:
        obj = held.get(cluster["name"])
        if obj is None:
            vcsimlib.fail(f"no cluster named {cluster['name']!r} in the simulator")
        config = obj.configurationEx
        result[cluster["name"]] = {
            "rules": sorted((rule_json(r) for r in (config.rule or [])), key=lambda r: r["name"]),
            "groups": sorted((group_json(g) for g in (config.group or [])), key=lambda g: g["name"]),
            "drs_overrides": sorted(
                ({"vm": o.key.name, "enabled": o.enabled, "behavior": o.behavior}
                 for o in (config.drsVmConfig or [])), key=lambda o: o["vm"]),
        }
    json.dump(result, sys.stdout, indent=2, sort_keys=True, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
