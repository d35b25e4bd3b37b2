// A vCenter API for the end-to-end export test: govmomi's simulator (Debian's
// golang-github-vmware-govmomi-dev), one datacenter with one standalone host
// (for the datastore) and nothing else; the test creates the layout's
// clusters, hosts and VMs itself. Prints the SDK URL on standard output, then
// serves until SIGTERM or SIGINT.
//
// Build in GOPATH mode:
//
//	GOPATH=<dir>:/usr/share/gocode GO111MODULE=off go build -o vcsim main.go
//
// The one adaptation: a real vCenter mirrors a cluster's DRS rules and VM
// overrides in the deprecated ClusterComputeResource.configuration, which
// community.vmware's vmware_vm_vm_drs_rule and vmware_vm_host_drs_rule read to
// find an existing rule; this simulator keeps them only in configurationEx.
// mirror copies them over whenever a task on a cluster completes.
package main

import (
	"crypto/tls"
	"flag"
	"fmt"
	"log"
	"net/url"
	"os"
	"os/signal"
	"syscall"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// mirror is a handler on the simulator's registry: when a task on a cluster
// succeeds (ReconfigureComputeResource_Task), it copies the cluster's
// configurationEx.rule and .drsVmConfig into configuration. The task runs in
// the request that holds the cluster's lock, so the cluster is written here
// without taking it again.
type mirror struct{}

func (mirror) Reference() types.ManagedObjectReference {
	return types.ManagedObjectReference{Type: "TdConfigurationMirror", Value: "td-configuration-mirror"}
}

func (mirror) PutObject(mo.Reference) {}

func (mirror) RemoveObject(types.ManagedObjectReference) {}

func (mirror) UpdateObject(obj mo.Reference, changes []types.PropertyChange) {
	task, ok := obj.(*mo.Task)
	if !ok || task.Info.Entity == nil || task.Info.Entity.Type != "ClusterComputeResource" {
		return
	}
	finished := false
	for _, change := range changes {
		finished = finished || change.Name == "info.state"
	}
	if !finished || task.Info.State != types.TaskInfoStateSuccess {
		return
	}
	cluster, ok := simulator.Map.Get(*task.Info.Entity).(*simulator.ClusterComputeResource)
	if !ok {
		return
	}
	ex, ok := cluster.ConfigurationEx.(*types.ClusterConfigInfoEx)
	if !ok {
		return
	}
	cluster.Configuration.Rule = append([]types.BaseClusterRuleInfo(nil), ex.Rule...)
	cluster.Configuration.DrsVmConfig = append([]types.ClusterDrsVmConfigInfo(nil), ex.DrsVmConfig...)
	cluster.Configuration.DrsConfig = ex.DrsConfig
}

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "address to serve on (port 0: any free port)")
	flag.Parse()

	model := simulator.VPX()
	model.Datacenter = 1
	model.Host = 1 // holds the datastore LocalDS_0
	model.Cluster = 0
	model.ClusterHost = 0
	model.Machine = 0
	model.Portgroup = 0
	model.Autostart = false
	defer model.Remove()

	if err := model.Create(); err != nil {
		log.Fatalf("vcsim: cannot create the inventory: %v", err)
	}
	simulator.Map.AddHandler(mirror{})

	model.Service.TLS = new(tls.Config)
	model.Service.Listen = &url.URL{Host: *listen}
	server := model.Service.NewServer()
	defer server.Close()

	fmt.Println(server.URL.String())
	os.Stdout.Sync()

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	<-stop
}
