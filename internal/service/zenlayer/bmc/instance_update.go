package bmc

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zentags"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// adoptedPaths are the arguments the API never reports: after an import
// (or a move) their configured values are adopted without a call, and a
// change of them never reinstalls the machine then.
var adoptedPaths = []path.Path{
	path.Root("password_wo_version"), path.Root("ssh_keys"), path.Root("key_id"), path.Root("user_data"),
	path.Root("release_on_destroy"), path.Root("timeouts"),
}

func (r *instanceResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	held := framework.HoldMarks(ctx, req) // the marks outlive a provider killed now
	defer held.Done()
	// After an import, the arguments the API never reports are adopted
	// from the configuration without a call.
	done, imported := framework.AdoptImported(ctx, req, resp, r.Identify, adoptedPaths...)
	if done {
		return
	}
	var plan, state instanceResourceModel
	var password types.String // write-only: only in the configuration
	conn, ctx, timeout, cancel := framework.Begin(ctx, &resp.Diagnostics, r.Client.ZenlayerClient, r.UpdateTimeout(&plan.Timeouts),
		framework.Get(req.Plan, &plan), framework.Get(req.State, &state), framework.GetAttribute(req.Config, path.Root("password_wo"), &password))
	defer cancel()
	if conn == nil {
		return
	}
	id := state.ID.ValueString()
	// A reinstall of these very arguments that an Update killed with its
	// provider had sent is waited for, not sent again.
	sent := framework.StepMarkOf(ctx, req.Private, stepReinstall, plan.installDigest())
	framework.ClearSent(ctx, resp.Private, &resp.Diagnostics)

	// If the create was interrupted while the machine was built (or
	// stopped after), finish it. What is true once it is built (running,
	// or stopped) is the baseline of the steps below.
	if !framework.FinishCreate(ctx, req, resp, "BMC instance", id,
		func() (*zenlayer.BMCInstance, error) { return waitInstanceCreated(ctx, conn, id, timeout) },
		func(inst *zenlayer.BMCInstance) bool { state.fromAPI(ctx, inst, &resp.Diagnostics); return true }) {
		return
	}

	// p.Cur is what is true in the cloud so far: each step that succeeds is
	// recorded in it, and it is saved when a later step fails.
	p := framework.NewPartial(ctx, resp, r.Identify, state)
	p.Cur.ReleaseOnDestroy, p.Cur.Timeouts = plan.ReleaseOnDestroy, plan.Timeouts
	reinstall := reinstallChanges(&plan, &state, imported)
	if len(reinstall) == 0 || imported {
		// Values the API never returns, adopted from the configuration
		// (after an import), or unchanged.
		p.Cur.SSHKeys, p.Cur.PasswordWOVersion, p.Cur.KeyID, p.Cur.UserData = plan.SSHKeys, plan.PasswordWOVersion, plan.KeyID, plan.UserData
	}

	if !zentags.UpdateShared(ctx, conn, "BMC instance", id, conn.RenameBMCInstances, plan.Shared, &p.Cur.Shared, p.Fail) {
		return
	}
	if len(reinstall) > 0 && !r.reinstall(ctx, conn, p, &plan, password, reinstall, timeout, held, sent, &resp.Diagnostics) {
		return
	}
	if !updateNetwork(ctx, conn, p, &plan, timeout, &resp.Diagnostics) {
		return
	}
	if want := plan.PowerState.ValueString(); want != p.Cur.PowerState.ValueString() {
		if err := powerInstance(ctx, conn, id, want, timeout); err != nil {
			p.Fail(fmt.Sprintf("changing the power state of BMC instance (%s) to %s", id, want), err)
			return
		}
		p.Cur.PowerState = plan.PowerState
	}

	inst, ok := framework.ReadBack(p, instanceFinder, conn, id)
	if !ok {
		return
	}
	planned := p.Cur
	p.Cur.fromAPI(ctx, inst, &resp.Diagnostics)
	// A PREPAID decrease takes effect at the next billing cycle: the
	// ordered value is kept until then (instance_network.go).
	keepOrdered(ctx, conn, planned, &p.Cur, &resp.Diagnostics)
	p.Cur.SetTags(inst.Tags, plan.Tags, r.Client)
	p.Save()
}

// stepReinstall names the reinstall among the steps an Update holds the
// mark of once it is sent (framework.Marks.Sent).
const stepReinstall = "reinstall"

// reinstall reinstalls the machine with the plan's installation arguments
// (ReinstallInstance, sent once: a lost answer is confirmed by reading the
// machine, never re-sent; held tells a run after this provider is killed
// that it was going out, then that it was accepted), waits until it is
// RUNNING again, and records them. A reinstall that a killed Update had
// sent (sent.Accepted), or whose answer it never read and which the
// machine shows (reinstallShown), is only waited for. The power state is
// restored by the Update afterwards.
func (r *instanceResource) reinstall(ctx context.Context, conn *zenlayer.Client, p *framework.Partial[instanceResourceModel], plan *instanceResourceModel,
	password types.String, changed []string, timeout time.Duration, held *framework.Marks, sent framework.StepMark, diags *diag.Diagnostics) bool {
	id := p.Cur.ID.ValueString()
	in := plan.reinstallRequest(ctx, id, password, diags)
	if diags.HasError() {
		return false
	}
	resumed := sent.Accepted
	if sent.Unanswered {
		var err error
		if resumed, err = reinstallShown(ctx, conn, id, sent.Before); err != nil {
			framework.KeepStepMark(ctx, p.Private(), stepReinstall, plan.installDigest(), sent, diags) // for the next apply to read it
			p.Fail(fmt.Sprintf("reading BMC instance (%s) to learn whether it took the reinstall a killed run was sending", id), err)
			return false
		}
	}
	switch {
	case resumed:
		tflog.Warn(ctx, "BMC instance: a reinstall of these arguments was sent by a run whose provider was killed; waiting for it, not sending it again",
			map[string]any{"id": id, "changed": fmt.Sprint(changed), "answer_read": sent.Accepted})
	default:
		// Let a transition in progress (booting, stopping) end first.
		settled, err := waitInstancePowerSettled(ctx, conn, id, timeout)
		if err != nil {
			p.Fail(fmt.Sprintf("reinstalling BMC instance (%s)", id), err)
			return false
		}
		tflog.Warn(ctx, "reinstalling BMC instance: its disks are wiped", map[string]any{
			"id": id, "action": "ReinstallInstance", "image_id": in.ImageID, "changed": fmt.Sprint(changed),
		})
		held.Sending(stepReinstall, plan.installDigest(), installShown(settled))
		if err := conn.ReinstallBMCInstance(ctx, in); err != nil {
			p.Fail(fmt.Sprintf("reinstalling BMC instance (%s)", id), err)
			return false
		}
		held.Sent(stepReinstall, plan.installDigest())
	}
	// The reinstall took effect: what it installs is true from now on.
	c := &p.Cur
	c.ImageID, c.Hostname, c.RaidType, c.CustomRaids, c.Partitions = plan.ImageID, plan.Hostname, plan.RaidType, plan.CustomRaids, plan.Partitions
	c.NicWanName, c.NicLanName, c.UserData = plan.NicWanName, plan.NicLanName, plan.UserData
	c.PasswordWOVersion, c.KeyID, c.SSHKeys = plan.PasswordWOVersion, plan.KeyID, plan.SSHKeys
	wait := waitInstanceReinstalled
	if resumed {
		wait = waitInstanceResumedInstall // it may well have ended
	}
	inst, err := wait(ctx, conn, id, timeout)
	if inst != nil {
		c.Status = types.StringValue(inst.InstanceStatus)
	}
	if err != nil {
		p.Fail(fmt.Sprintf("waiting for BMC instance (%s) to be reinstalled", id), err)
		return false
	}
	c.PowerState = types.StringValue(PowerRunning)
	if inst.InstanceStatus == zenlayer.BMCStatusStopped {
		c.PowerState = types.StringValue(PowerStopped)
	}
	return true
}

// installShown is what DescribeInstances shows of an instance's
// installation (its image, hostname, RAID, partitions and key pair).
func installShown(inst *zenlayer.BMCInstance) string {
	b, _ := json.Marshal([]any{inst.ImageID, inst.IpxeURL, inst.Hostname, inst.RaidConfig, inst.Partitions, inst.KeyID})
	return string(b)
}

// reinstallShown reports whether the machine shows a reinstall that a run
// whose provider was killed sent without reading the answer: it is
// installing (or failed to), or shows an installation other than the one
// it showed before the call (before). A machine that shows neither did not
// take it, as far as can be told: the reinstall is sent (a reinstall that
// changes only what the API never reports, such as the SSH keys, and that
// has ended, cannot be told from one never made; sending it again wipes
// the disks twice, where not sending it would leave the machine without
// the keys the state records). A machine that cannot be read is an error:
// nothing is sent.
func reinstallShown(ctx context.Context, conn *zenlayer.Client, id, before string) (bool, error) {
	inst, err := conn.FindBMCInstance(ctx, id)
	if err != nil {
		return false, err
	}
	shown := inst.InstanceStatus == zenlayer.BMCStatusInstalling || inst.InstanceStatus == zenlayer.BMCStatusInstallFailed || installShown(inst) != before
	tflog.Info(ctx, "BMC instance: a run whose provider was killed was sending a reinstall of these arguments; reading the machine to learn whether it took it",
		map[string]any{"id": id, "status": inst.InstanceStatus, "shown": shown})
	return shown, nil
}
