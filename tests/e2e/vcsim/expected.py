#!/usr/bin/python3
"""What RULES.md "Exports" asks a VMware export to create for a layout,
derived here from the layout file on its own (never through the code under
test), per cluster name:

  apart:         one VM-VM anti-affinity set per group with at least two
                 members placed on the cluster's hosts (exactly those members)
  pins:          per member of a switchover pair placed in the cluster on
                 hosts in two different racks: should run on the cluster's
                 hosts in its own rack
  host_groups:   one per rack used by those pins (the cluster's hosts there)
  vm_groups:     one per pinned member (that VM alone)
  drs_overrides: none (the Ansible collection has no DRS override module:
                 the exporter writes them as notes)

usage: expected.py LAYOUT  (prints the expected JSON)"""

import json
import sys

import vcsimlib


def derive(layout):
    hosts = {h["id"]: h for h in layout["hosts"]}
    guests = {g["id"]: g for g in layout["guests"]}

    def cluster_of(guest):
        host = hosts.get(guest.get("host"))
        return host.get("cluster") if host else None

    expected = {}
    for cluster in layout["clusters"]:
        cid = cluster["id"]
        apart, pins, racks_used = [], [], set()
        for group in layout["groups"]:
            here = [guests[m] for m in group["members"] if cluster_of(guests[m]) == cid]
            if len(here) >= 2:
                apart.append(sorted(g["name"] for g in here))
            if group["kind"] == "switchover" and len(here) == 2:
                racks = [hosts[g["host"]].get("rack") for g in here]
                if racks[0] and racks[1] and racks[0] != racks[1]:
                    for guest, rack in zip(here, racks):
                        pins.append((guest["name"], rack))
                        racks_used.add(rack)

        def rack_hosts(rack, cid=cid):
            return sorted(h["name"] for h in layout["hosts"]
                          if h.get("cluster") == cid and h.get("rack") == rack)

        expected[cluster["name"]] = {
            "apart": sorted(apart),
            "pins": sorted(({"vm": vm, "hosts": rack_hosts(rack)} for vm, rack in pins),
                           key=lambda p: (p["vm"], p["hosts"])),
            "host_groups": sorted(rack_hosts(rack) for rack in racks_used),
            "vm_groups": sorted([vm] for vm, _ in pins),
            "drs_overrides": [],
        }
    return expected


def main():
    if len(sys.argv) != 2:
        vcsimlib.fail(__doc__)
    json.dump(derive(vcsimlib.load_layout(sys.argv[1])), sys.stdout, indent=2,
              sort_keys=True, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
