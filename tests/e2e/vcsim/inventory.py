#!/usr/bin/python3
"""Creates in the simulator what a layout names: every cluster (by its name),
every host (AddHost_Task with the layout's name, in its cluster or standalone)
and every guest (CreateVM_Task on its host; an unplaced guest on the
simulator's own standalone host, outside every cluster of the layout).

usage: inventory.py URL LAYOUT"""

import sys

from pyVmomi import vim

import vcsimlib


def main():
    if len(sys.argv) != 3:
        vcsimlib.fail(__doc__)
    url, path = sys.argv[1], sys.argv[2]
    layout = vcsimlib.load_layout(path)
    si = vcsimlib.connect_url(url)
    dc = vcsimlib.datacenter(si)

    # The simulator's own standalone host holds the datastore and the
    # unplaced guests; its name is not one of the layout's.
    standalone = [cr for cr in dc.hostFolder.childEntity
                  if isinstance(cr, vim.ComputeResource)
                  and not isinstance(cr, vim.ClusterComputeResource)]
    if not standalone:
        vcsimlib.fail("the simulator has no standalone host")
    spare = standalone[0]
    datastore = dc.datastore[0]
    datastore_path = datastore.info.url

    clusters = {}
    for cluster in layout["clusters"]:
        clusters[cluster["id"]] = dc.hostFolder.CreateClusterEx(
            name=cluster["name"], spec=vim.cluster.ConfigSpecEx())

    hosts = {}  # id -> (HostSystem, resource pool)
    for host in layout["hosts"]:
        spec = vim.host.ConnectSpec(hostName=host["name"], force=True)
        if host.get("cluster"):
            cluster = clusters[host["cluster"]]
            ref = vcsimlib.wait(cluster.AddHost_Task(spec=spec, asConnected=True),
                                f"AddHost_Task {host['name']!r}")
            hosts[host["id"]] = (ref, cluster.resourcePool)
        else:
            added = vcsimlib.wait(dc.hostFolder.AddStandaloneHost_Task(
                spec=spec, addConnected=True), f"AddStandaloneHost_Task {host['name']!r}")
            # vCenter answers with the new ComputeResource, the simulator
            # with its HostSystem.
            cr = added.parent if isinstance(added, vim.HostSystem) else added
            hosts[host["id"]] = (cr.host[0], cr.resourcePool)
        # A new host sees the simulator's one datastore, as the hosts of a
        # cluster share their storage.
        hosts[host["id"]][0].configManager.datastoreSystem.CreateLocalDatastore(
            name=datastore.name, path=datastore_path)

    for n, guest in enumerate(layout["guests"]):
        if guest.get("host"):
            host, pool = hosts[guest["host"]]
        else:
            host, pool = spare.host[0], spare.resourcePool
        # The VM's files get a plain directory name: the VM's own name may
        # hold '/' or '..', which a real vCenter escapes in file names.
        config = vim.vm.ConfigSpec(
            name=guest["name"], guestId="otherGuest",
            files=vim.vm.FileInfo(vmPathName=f"[{datastore.name}] td-e2e-{n}/td-e2e-{n}.vmx"))
        vcsimlib.wait(dc.vmFolder.CreateVM_Task(config=config, pool=pool, host=host),
                      f"CreateVM_Task {guest['name']!r}")

    # What the simulator holds now must be exactly the layout's names.
    for kind, wanted in ((vim.ClusterComputeResource, [c["name"] for c in layout["clusters"]]),
                         (vim.HostSystem, [h["name"] for h in layout["hosts"]]),
                         (vim.VirtualMachine, [g["name"] for g in layout["guests"]])):
        held = vcsimlib.objects(si, kind)
        missing = [name for name in wanted if name not in held]
        if missing:
            vcsimlib.fail(f"the simulator does not hold these {kind.__name__} names verbatim: {missing!r}")
    print(f"created {len(clusters)} clusters, {len(hosts)} hosts, {len(layout['guests'])} VMs")


if __name__ == "__main__":
    main()
