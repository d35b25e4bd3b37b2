// A vCenter API for the end-to-end export test: govmomi's simulator (Debian's
// golang-github-vmware-govmomi-dev), one datacenter with one standalone host
// (for the datastore) and nothing else; the test creates the layout's
// clusters, hosts and VMs itself. Prints the SDK URL on standard output, then
// serves until SIGTERM or SIGINT, its parent's exit, or -lifetime.
//
// Build in GOPATH mode:
//
//	GOPATH=<dir>:/usr/share/gocode GO111MODULE=off go build -o vcsim main.go
//
// Two adaptations make it answer as a real vCenter does where
// community.vmware's rule modules depend on it. A real vCenter mirrors a
// cluster's DRS rules and VM overrides in the deprecated
// ClusterComputeResource.configuration, which vmware_vm_vm_drs_rule and
// vmware_vm_host_drs_rule read to find an existing rule; this simulator keeps
// them only in configurationEx: mirror copies them over whenever a task on a
// cluster completes. vmware_vm_vm_drs_rule edits an existing rule with the
// deprecated ReconfigureCluster_Task, which this simulator lacks:
// deprecatedReconfigure serves it as ReconfigureComputeResource_Task.
package main

import (
	"bytes"
	"crypto/tls"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"regexp"
	"syscall"
	"time"

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

// deprecatedReconfigure serves the deprecated ReconfigureCluster_Task,
// which community.vmware's vmware_vm_vm_drs_rule calls to edit an existing
// rule (a real vCenter still has it; this simulator does not), as the
// ReconfigureComputeResource_Task it is a subset of: the same spec fields
// (rulesSpec, drsConfig, dasConfig, dasVmConfigSpec, drsVmConfigSpec) as a
// ClusterConfigSpecEx. Every other request passes through untouched.
func deprecatedReconfigure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			body, err := io.ReadAll(r.Body)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			if bytes.Contains(body, []byte("<ReconfigureCluster_Task")) {
				body = rewriteReconfigureCluster(body)
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			r.ContentLength = int64(len(body))
		}
		next.ServeHTTP(w, r)
	})
}

var reconfigureCluster = regexp.MustCompile(`(?s)<ReconfigureCluster_Task\b([^>]*)>(.*?)<spec\b([^>]*)>(.*)</ReconfigureCluster_Task>`)

func rewriteReconfigureCluster(body []byte) []byte {
	return reconfigureCluster.ReplaceAll(body, []byte(
		`<ReconfigureComputeResource_Task$1>$2<spec$3 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="ClusterConfigSpecEx">$4</ReconfigureComputeResource_Task>`))
}

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "address to serve on (port 0: any free port)")
	lifetime := flag.Duration("lifetime", 30*time.Minute, "exit after this long whatever happens")
	flag.Parse()

	// Never outlive the test that started it: exit with the parent process
	// (a test killed on its timeout cannot stop it) and after lifetime.
	parent := os.Getppid()
	if _, _, errno := syscall.RawSyscall(syscall.SYS_PRCTL, syscall.PR_SET_PDEATHSIG, uintptr(syscall.SIGTERM), 0); errno != 0 {
		log.Printf("vcsim: cannot ask to exit with the parent: %v", errno)
	}
	if os.Getppid() != parent {
		return
	}

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
	// Set before the URL is printed, so before any request.
	server.Config.Handler = deprecatedReconfigure(server.Config.Handler)

	fmt.Println(server.URL.String())
	os.Stdout.Sync()

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	select {
	case <-stop:
	case <-time.After(*lifetime):
		log.Printf("vcsim: %v passed, exiting", *lifetime)
	}
}
