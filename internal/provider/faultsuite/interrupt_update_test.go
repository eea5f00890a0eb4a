package faultsuite_test

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
)

// Interrupted updates: what an update adopts or sends once must survive the
// end of the run that made it (the provider or terraform killed in the
// middle, Ctrl-C).

// An import adopts, never changes: the arguments the API never reports
// (the ZEC instance's user_data, the BMC machine's SSH keys, the CloudDC
// instance's password version) are taken from the configuration, by the
// mark the import leaves in the resource's private state. When the provider
// is killed in the middle of the first update after the import, Terraform
// keeps the object's prior value without any private state: the mark is
// lost with it. The next plan must still adopt those arguments, not replace
// the ZEC instance, reinstall the bare metal or reset the CloudDC password.
//
// The update (a rename of the ZEC and BMC instances, a power-off of the
// CloudDC one) is held at the server until the providers are killed.
func TestInterruptedUpdateAfterImport(t *testing.T) {
	skipIfReal(t)
	emu, err := emulator.Start(options(1))
	must(t, err)
	defer func() { _ = emu.Close() }()
	config := edited(t, mixedConfig(1),
		[2]string{`key_id        = "key-faults"`, `key_id        = "key-faults"` + "\n  user_data     = \"#!/bin/sh\\necho adopted\\n\""},
		[2]string{`password_wo        = var.clouddc_password`, `password_wo        = var.clouddc_password` + "\n  password_wo_version = 1"})
	w := newWorkspace(t, emu, config)
	w.until(2, "apply", "-auto-approve")

	// Out of the state and imported again: the state holds none of those
	// arguments now, and the import mark adopts them.
	machines := map[string]string{
		"cloudcompute_zenlayer_zec_instance.app[0]":       "app",
		"cloudcompute_zenlayer_bmc_instance.metal[0]":     "metal",
		"cloudcompute_huaweicloud_clouddc_instance.dc[0]": "dc",
	}
	for addr, name := range machines {
		ids := w.stateIDsWhere(func(n string) bool { return n == name })
		if len(ids) != 1 {
			t.Fatalf("%s: ids %v in the state", addr, ids)
		}
		for _, args := range [][]string{{"state", "rm", addr}, {"import", "-input=false", "-no-color", addr, ids[0]}} {
			if out, err := w.command(t.Context(), args...).CombinedOutput(); err != nil {
				t.Fatalf("terraform %v: %v\n%s", args, err, tail(string(out), 3000))
			}
		}
	}

	must(t, os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(edited(t, config,
		[2]string{`name          = "fault-app-${count.index}"`, `name          = "fault-app-renamed-${count.index}"`},
		[2]string{`name             = "fault-metal-${count.index}"`, `name             = "fault-metal-renamed-${count.index}"`},
		[2]string{`name               = "fault-dc-${count.index}"`, `name               = "fault-dc-${count.index}"` + "\n  power_state = \"stopped\""},
	)), 0o600))
	release, arrived := make(chan struct{}), make(chan string, 3)
	held := []string{"zec.ModifyInstancesAttribute", "bmc.ModifyInstancesAttribute", "clouddc.ChangeServerPowerState"}
	for _, action := range held {
		emu.OnceBefore(action, func() { arrived <- action; <-release })
	}
	apply := w.start(t, "apply")
	for range held {
		select {
		case <-arrived:
		case <-time.After(time.Minute):
			close(release)
			t.Fatalf("the updates did not all reach the server:\n%s", tail(apply.out.String(), 3000))
		}
	}
	out := apply.stop(t, w, "kill-provider")
	close(release)
	t.Logf("apply killed in the update:\n%s", tail(out, 1500))

	code, plan := w.run("plan", "-detailed-exitcode")
	for _, bad := range []string{"must be replaced", "forces replacement", "will be reinstalled"} {
		if strings.Contains(plan, bad) {
			t.Fatalf("after the killed update the plan says %q: it acts on what the import adopted\n%s", bad, tail(plan, 4000))
		}
	}
	if code != 2 {
		t.Fatalf("plan exit %d, want 2 (the adoption is still to be saved):\n%s", code, tail(plan, 3000))
	}
	w.until(2, "apply", "-auto-approve")
	for action, want := range map[string]int{"zec.CreateZecInstances": 1, "bmc.CreateInstances": 1, "clouddc.CreateInstance": 1,
		"zec.ReleaseInstances": 0, "bmc.ReinstallInstance": 0, "clouddc.ChangeInstancePassword": 0, "clouddc.ReinstallOs": 0} {
		if n := emu.CallCount(action); n != want {
			t.Errorf("%s carried out %d times, want %d", action, n, want)
		}
	}
	w.doneThenDestroyed(emu)
}

// A reinstall wipes a machine's disks: it is sent once. The run is
// interrupted while the apply waits for a reinstall: of the BMC machine,
// for a new SSH key (an argument the API never reports), and of the CloudDC
// instance, for a new image (which the API reports once the reinstall has
// ended). Ctrl-C saves what the reinstall did in the state. A killed
// provider or terraform saves nothing: the state still holds the old key
// or image, and the next apply would reinstall the machine a second time.
// It must wait for the first reinstall instead: the BMC one by the mark of
// the reinstall sent (held beside the create journal, put back by the next
// refresh), the CloudDC one by reading the image once the instance has
// settled. So is the ZEC one (ResetInstance, for a new image), whose
// instance here also reports its new image only once it is reinstalled
// (emulator.Options.ZECResetImageAtEnd): the next plan says it waits, and
// the apply sends nothing once the instance runs the planned image; before,
// each of the three runs wiped it twice.
func TestInterruptedReinstall(t *testing.T) {
	skipIfReal(t)
	for _, how := range interruptions {
		t.Run(how, func(t *testing.T) {
			t.Parallel()
			opts := options(1)
			opts.Durations = emulator.Durations{BMCCreate: time.Second, BMCInstall: 15 * time.Second, CloudDCCreate: time.Second,
				CloudDCReinstall: 15 * time.Second, InstanceCreate: time.Second, InstanceChange: 15 * time.Second}
			// The ZEC instance reports its new image only once it is
			// reinstalled, as the CloudDC instance does.
			opts.ZECResetImageAtEnd = true
			emu, err := emulator.Start(opts)
			must(t, err)
			defer func() { _ = emu.Close() }()
			w := newWorkspace(t, emu, reinstallConfig("AAAAC3NzaC1lZDI1NTE5AAAAIFaultSuiteKeyOnly", emulator.HuaweiImageID, "ubuntu-22.04"))
			w.until(2, "apply", "-auto-approve")

			must(t, os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(reinstallConfig("AAAAC3NzaC1lZDI1NTE5AAAAIFaultSuiteKeyTwo", emulator.HuaweiImageID2, "ubuntu-24.04")), 0o600))
			apply := w.start(t, "apply")
			waitFor(t, "the reinstalls to be sent", func() bool {
				return emu.CallCount("bmc.ReinstallInstance") == 1 && emu.CallCount("clouddc.ReinstallOs") == 1 &&
					emu.CallCount("zec.ResetInstance") == 1
			})
			time.Sleep(time.Second) // accepted, and the apply waits for them
			apply.stop(t, w, how)
			// (A provider whose terraform was killed may live on; the next
			// run does not wait for it.)

			code, plan := w.run("plan", "-detailed-exitcode")
			if strings.Contains(plan, "will be reinstalled: its disks are wiped") {
				t.Fatalf("after the interrupted reinstall the plan reinstalls the BMC machine again (exit %d):\n%s", code, tail(plan, 4000))
			}
			if strings.Contains(plan, "ZEC instance will be reinstalled") {
				t.Fatalf("after the interrupted reinstall the plan reinstalls the ZEC instance again (exit %d):\n%s", code, tail(plan, 4000))
			}
			if how != "sigint-terraform" && !strings.Contains(plan, "is not sent again") {
				t.Errorf("the plan does not say the BMC reinstall sent is waited for (exit %d):\n%s", code, tail(plan, 4000))
			}
			w.until(2, "apply", "-auto-approve")
			for _, action := range []string{"bmc.ReinstallInstance", "clouddc.ReinstallOs", "zec.ResetInstance"} {
				if n := emu.CallCount(action); n != 1 {
					t.Errorf("%s sent %d times, want once", action, n)
				}
			}
			w.doneThenDestroyed(emu)
		})
	}
}

// reinstallConfig is one BMC machine with the SSH key key, one CloudDC
// instance of image and one ZEC instance of zecImage.
func reinstallConfig(key, image, zecImage string) string {
	return configHeader + fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "metal" {
  zone_id          = "SEL-A"
  instance_type_id = "S9I"
  image_id         = "img-ubuntu-2204"
  name             = "fault-reinstall"
  ssh_keys         = ["ssh-ed25519 %[1]s faults@example"]
  timeouts         = { create = "20s", update = "2m" }
}

resource "cloudcompute_huaweicloud_clouddc_instance" "dc" {
  name               = "fault-reinstall"
  image_id           = %[2]q
  vpc_id             = %[3]q
  network_interfaces = [{ subnet_id = %[4]q }]
  password_wo        = var.clouddc_password
  timeouts           = { create = "20s", update = "2m" }
}

resource "cloudcompute_zenlayer_zec_instance" "vm" {
  zone_id       = "asia-east-1a"
  instance_type = "z2a.cpu.1"
  image_id      = %[5]q
  subnet_id     = "subnet-faults"
  name          = "fault-reinstall"
  key_id        = "key-faults"
  timeouts      = { create = "20s", update = "2m" }
}
`, key, image, emulator.HuaweiVPCID, emulator.HuaweiSubnetID, zecImage)
}

// A ZEC instance type change (ModifyInstanceType, a change of what the
// account pays for) is interrupted while the apply waits for it
// (RESIZING): the instance reports its new type only once the change has
// ended, so the next plan asks for it again. The next apply waits for the
// instance to settle, finds it of the planned type, and sends nothing;
// before, it sent the change a second time, which the API refuses (the
// instance is of that type already), and the apply failed.
func TestInterruptedResize(t *testing.T) {
	backgroundChange{action: "zec.ModifyInstanceType", before: resizeConfig("z2a.cpu.1"), after: resizeConfig("z2a.cpu.2"),
		durations: emulator.Durations{InstanceCreate: time.Second, InstanceStop: time.Second, InstanceStart: time.Second,
			InstanceChange: 15 * time.Second}}.interruptEach(t)
}

// resizeConfig is one ZEC instance of type instanceType.
func resizeConfig(instanceType string) string {
	return configHeader + fmt.Sprintf(`
resource "cloudcompute_zenlayer_zec_instance" "vm" {
  zone_id       = "asia-east-1a"
  instance_type = %q
  image_id      = "ubuntu-22.04"
  subnet_id     = "subnet-faults"
  name          = "fault-resize"
  key_id        = "key-faults"
  timeouts      = { create = "20s", update = "2m" }
}
`, instanceType)
}

// The provider is killed while its BMC reinstall is in flight, so the run
// leaves no mark that it was accepted. The next apply must neither wipe
// the machine a second time nor drop the reinstall. The Update holds a
// mark before the call goes out; the next one reads the machine, and waits
// for the installation it finds (the machine still installing, or, once
// that has ended, showing the new image), or sends the reinstall when the
// machine shows no sign of it (the server held the call, and dropped it
// when the provider died).
// Before, the next plan asked for the reinstall again (the SSH keys, which
// the API never reports, still differed) and the apply sent it a second
// time.
func TestInterruptedReinstallUnanswered(t *testing.T) {
	skipIfReal(t)
	for _, tc := range []struct {
		name    string
		install time.Duration
		cut     bool // the server holds the call and drops it when the provider dies
	}{{"installing", 20 * time.Second, false}, {"installed", time.Second, false}, {"never-taken", time.Second, true}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			opts := options(1)
			opts.Durations = emulator.Durations{BMCCreate: time.Second, BMCInstall: tc.install}
			emu, err := emulator.Start(opts)
			must(t, err)
			defer func() { _ = emu.Close() }()
			w := newWorkspace(t, emu, bmcReinstallConfig("AAAAC3NzaC1lZDI1NTE5AAAAIFaultSuiteKeyOnly", "img-ubuntu-2204"))
			w.until(2, "apply", "-auto-approve")
			id := w.stateIDs()[0]

			must(t, os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(bmcReinstallConfig("AAAAC3NzaC1lZDI1NTE5AAAAIFaultSuiteKeyTwo", "img-debian-12")), 0o600))
			killed := make(chan int, 1)
			if tc.cut {
				emu.SetFaults([]emulator.FaultRule{{Kind: emulator.FaultLatency, Latency: time.Minute, Rate: 1, Max: 1, Actions: []string{"bmc.ReinstallInstance"}}})
			} else {
				emu.OnceBefore("bmc.ReinstallInstance", func() { killed <- killProviders(w.dir) })
			}
			apply := w.start(t, "apply")
			if tc.cut {
				waitFor(t, "the reinstall to be held", func() bool { return emu.FaultCounts()[emulator.FaultLatency] == 1 })
				killed <- killProviders(w.dir)
			}
			<-apply.ended
			if n := <-killed; n == 0 || apply.cmd.ProcessState.ExitCode() == 0 {
				t.Fatalf("no provider killed (%d) or the apply succeeded:\n%s", n, tail(apply.out.String(), 2000))
			}
			if !tc.cut {
				waitFor(t, "the reinstall to be carried out", func() bool { return emu.CallCount("bmc.ReinstallInstance") == 1 })
			}
			if tc.name == "installed" {
				waitFor(t, "the installation to end", func() bool { i, _ := emu.BMCInstance(id); return i.Status == "RUNNING" })
			}

			code, plan := w.run("plan", "-detailed-exitcode")
			if strings.Contains(plan, "will be reinstalled: its disks are wiped") || !strings.Contains(plan, "may have been sent already") {
				t.Errorf("the plan after the unanswered reinstall does not say the apply reads the machine first (exit %d):\n%s", code, tail(plan, 4000))
			}
			// One apply: a second one would send a reinstall that the first
			// wrongly took as made.
			if code, out := w.run("apply", "-auto-approve"); code != 0 {
				t.Fatalf("the apply after the unanswered reinstall failed (exit %d):\n%s", code, tail(out, 3000))
			}
			if i, _ := emu.BMCInstance(id); emu.CallCount("bmc.ReinstallInstance") != 1 || i.Reinstalls != 1 || i.ImageID != "img-debian-12" {
				t.Errorf("ReinstallInstance carried out %d times, %d took effect, image %s; want once, the new image",
					emu.CallCount("bmc.ReinstallInstance"), i.Reinstalls, i.ImageID)
			}
			w.doneThenDestroyed(emu)
		})
	}
}

// bmcReinstallConfig is one BMC machine of image with the SSH key key.
func bmcReinstallConfig(key, image string) string {
	return bmcConfig(image, fmt.Sprintf(`ssh_keys = ["ssh-ed25519 %s faults@example"]`, key), "")
}

// A BMC machine's move into a subnet (AssociateSubnetInstances, which the
// API carries out in the background: the instance shows the subnet when
// it is done) is interrupted while the apply waits for it. The next apply
// must not fail because the first move is still under way or done: the
// API refuses a second one then (the instance is being associated, or is
// in the subnet already).
func TestInterruptedSubnetJoin(t *testing.T) {
	backgroundChange{action: "bmc.AssociateSubnetInstances", before: bmcKeyed(""), after: bmcKeyed(`subnet_id = "subnet-sel-a-1"`),
		durations: emulator.Durations{BMCCreate: time.Second, BMCInstall: time.Second, BMCStart: 15 * time.Second}}.interruptEach(t)
}

// The same of a BMC machine's bandwidth (ModifyInstanceBandwidth, made in
// the background: the internet status says Processing meanwhile, and the
// API refuses another change, "Bandwidth is being modified").
func TestInterruptedBandwidthChange(t *testing.T) {
	backgroundChange{action: "bmc.ModifyInstanceBandwidth", before: bmcKeyed(`internet_max_bandwidth_out = 20`),
		after:     bmcKeyed(`internet_max_bandwidth_out = 50`),
		durations: emulator.Durations{BMCCreate: time.Second, BMCInstall: time.Second, BMCStart: 15 * time.Second}}.interruptEach(t)
}

// bmcKeyed is one BMC machine of the suite's image and key pair, with the
// extra arguments.
func bmcKeyed(extra string) string {
	return bmcConfig("img-ubuntu-2204", `key_id = "key-faults"`, extra)
}

// bmcConfig is one BMC machine of image, with the login and extra
// arguments.
func bmcConfig(image, login, extra string) string {
	return configHeader + fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "metal" {
  zone_id          = "SEL-A"
  instance_type_id = "S9I"
  image_id         = %q
  name             = "fault-bmc"
  timeouts         = { create = "2m", update = "2m" }
  %s
  %s
}
`, image, login, extra)
}

// Changes the API carries out in the background, each interrupted while
// the apply waits for it: a ZEC disk detached from one instance (to be
// attached to another), then attached, grown, and a ZEC instance started.
// The next apply must finish the change, neither failing on a refusal of
// the same call sent again (the disk is DETACHING, ATTACHING, CHANGING;
// the instance is STARTING) nor making it twice.
func TestInterruptedBackgroundChanges(t *testing.T) {
	long, short := 8*time.Second, time.Second
	base := emulator.Durations{InstanceCreate: short, DiskCreate: short, InstanceStop: short, InstanceStart: short, DiskAttach: short,
		DiskRelease: short, InstanceRelease: short}
	with := func(set func(*emulator.Durations)) emulator.Durations { d := base; set(&d); return d }
	onA, onB := `instance_id = cloudcompute_zenlayer_zec_instance.a.id`, `instance_id = cloudcompute_zenlayer_zec_instance.b.id`
	for name, c := range map[string]backgroundChange{
		"detach": {action: "zec.DetachDisks", before: backgroundConfig(onA), after: backgroundConfig(onB),
			durations: with(func(d *emulator.Durations) { d.DiskDetach = long })},
		"attach": {action: "zec.AttachDisks", before: backgroundConfig(onA), after: backgroundConfig(onB),
			durations: with(func(d *emulator.Durations) { d.DiskAttach = long })},
		"grow": {action: "zec.ResizeDisk", before: backgroundConfig(`size = 20`), after: backgroundConfig(`size = 40`),
			durations: with(func(d *emulator.Durations) { d.DiskResize = long })},
		"start": {action: "zec.StartInstances", before: backgroundConfig(`power_state = "stopped"`), after: backgroundConfig(`power_state = "running"`),
			durations: with(func(d *emulator.Durations) { d.InstanceStart = long })},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c.interruptEach(t)
		})
	}
}

// backgroundChange is a change of a configuration (before to after) that
// the API carries out in the background after it takes action, with the
// emulator's durations.
type backgroundChange struct {
	action, before, after string
	durations             emulator.Durations
}

// interruptEach applies c.before, then c.after, interrupting that apply
// in each of the interruptions once the emulator has taken c.action; the
// next apply must succeed with c.action taken once in all.
func (c backgroundChange) interruptEach(t *testing.T) {
	skipIfReal(t)
	for _, how := range interruptions {
		t.Run(how, func(t *testing.T) {
			t.Parallel()
			opts := options(1)
			opts.Durations = c.durations
			emu, err := emulator.Start(opts)
			must(t, err)
			defer func() { _ = emu.Close() }()
			w := newWorkspace(t, emu, c.before)
			w.until(2, "apply", "-auto-approve")

			must(t, os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(c.after), 0o600))
			before := taken(emu, c.action)
			apply := w.start(t, "apply")
			waitFor(t, c.action+" to be taken", func() bool { return taken(emu, c.action) > before })
			time.Sleep(time.Second) // and the apply waits for the change
			apply.stop(t, w, how)

			if code, out := w.run("apply", "-auto-approve"); code != 0 {
				t.Fatalf("the apply after the interrupted %s failed (exit %d):\n%s", c.action, code, tail(out, 4000))
			}
			if n := taken(emu, c.action) - before; n != 1 {
				t.Errorf("%s taken %d times by the change, want once", c.action, n)
			}
			w.doneThenDestroyed(emu)
		})
	}
}

// taken counts the calls of action ("zec.AttachDisks") the emulator took.
func taken(emu *emulator.Server, action string) int {
	n := 0
	for _, e := range emu.Log() {
		if e.API+"."+e.Action == action && e.Status == http.StatusOK {
			n++
		}
	}
	return n
}

// backgroundConfig is two ZEC instances (the first one's power state, and
// the disk's instance and size, set by the line change) and a data disk.
func backgroundConfig(change string) string {
	power, instance, size := `power_state = "stopped"`, `instance_id = cloudcompute_zenlayer_zec_instance.a.id`, `size = 20`
	switch {
	case strings.HasPrefix(change, "power_state"):
		power = change
	case strings.HasPrefix(change, "instance_id"):
		instance = change
	case strings.HasPrefix(change, "size"):
		size = change
	}
	vm := func(name, extra string) string {
		return fmt.Sprintf(`
resource "cloudcompute_zenlayer_zec_instance" %[1]q {
  zone_id       = "asia-east-1a"
  instance_type = "z2a.cpu.1"
  image_id      = "ubuntu-22.04"
  subnet_id     = "subnet-faults"
  name          = "fault-bg-%[1]s"
  key_id        = "key-faults"
  %[2]s
  timeouts      = { create = "1m", update = "2m" }
}
`, name, extra)
	}
	return configHeader + vm("a", power) + vm("b", "") + fmt.Sprintf(`
resource "cloudcompute_zenlayer_zec_disk" "data" {
  zone_id      = "asia-east-1a"
  name         = "fault-bg-data"
  %s
  %s
  force_detach = true
  timeouts     = { create = "1m", update = "2m" }
}
`, size, instance)
}
