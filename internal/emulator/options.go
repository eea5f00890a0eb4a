package emulator

import (
	"fmt"
	"reflect"
	"time"
)

// Test credentials the emulator accepts unless told otherwise. They are not secrets.
const (
	DefaultAccessKeyID       = "EMULATORKEYID0001"
	DefaultAccessKeyPassword = "emulator-access-key-password"
)

// ReleaseMode says what a release does to an object.
type ReleaseMode string

const (
	// ReleaseImmediate frees the object at once (DELETING → gone).
	ReleaseImmediate ReleaseMode = "immediate"
	// ReleaseRecycle moves the object to the recycle bin first
	// (RECYCLING → RECYCLED / RECYCLE); a second release frees it.
	ReleaseRecycle ReleaseMode = "recycle"
)

// Durations are how long each asynchronous transition takes. A zero field
// takes its value from FastDurations.
type Durations struct {
	DiskCreate  time.Duration
	DiskAttach  time.Duration
	DiskDetach  time.Duration
	DiskResize  time.Duration
	DiskRelease time.Duration
	// DiskRecycle is RECYCLING → RECYCLED.
	DiskRecycle time.Duration

	// ZEC instances: InstanceCreate is PENDING → DEPLOYING → RUNNING (whole),
	// InstanceStart STARTING → RUNNING, InstanceStop STOPPING → STOPPED,
	// InstanceRelease RELEASING → gone, InstanceRecycle RECYCLING → RECYCLE,
	// InstanceChange any other in-operation status (resize, reset).
	InstanceCreate  time.Duration
	InstanceStart   time.Duration
	InstanceStop    time.Duration
	InstanceRelease time.Duration
	InstanceRecycle time.Duration
	InstanceChange  time.Duration

	// BMC instances: BMCCreate is PENDING → CREATING → INSTALLING (whole),
	// BMCInstall INSTALLING → RUNNING, BMCStart BOOTING → RUNNING,
	// BMCStop STOPPING → STOPPED. TerminateInstance and ReleaseInstances
	// take no time: the API's status enum has neither RECYCLING nor
	// RELEASING, so an instance is RECYCLE at once, and gone at once.
	BMCCreate  time.Duration
	BMCInstall time.Duration
	BMCStart   time.Duration
	BMCStop    time.Duration

	// Huawei CloudDC: CloudDCCreate pending → running, CloudDCStop
	// stopping → stopped, CloudDCReinstall reinstalling → running,
	// CloudDCDelete shutting-down → terminated, CloudDCTerminatedVisible how
	// long a terminated instance is still listed before it answers 404.
	CloudDCCreate            time.Duration
	CloudDCStop              time.Duration
	CloudDCReinstall         time.Duration
	CloudDCDelete            time.Duration
	CloudDCTerminatedVisible time.Duration
}

// FastDurations keep tests quick while still making every wait wait.
func FastDurations() Durations {
	const ms = time.Millisecond
	return Durations{
		DiskCreate: 300 * ms, DiskAttach: 200 * ms, DiskDetach: 200 * ms,
		DiskResize: 200 * ms, DiskRelease: 200 * ms, DiskRecycle: 200 * ms,
		InstanceCreate: 500 * ms, InstanceStart: 300 * ms, InstanceStop: 300 * ms,
		InstanceRelease: 300 * ms, InstanceRecycle: 300 * ms, InstanceChange: 300 * ms,
		BMCCreate: 300 * ms, BMCInstall: 300 * ms, BMCStart: 300 * ms, BMCStop: 300 * ms,
		CloudDCCreate: 500 * ms, CloudDCStop: 300 * ms, CloudDCReinstall: 300 * ms,
		CloudDCDelete: 300 * ms, CloudDCTerminatedVisible: 2 * time.Second,
	}
}

// withDefaults fills every zero field of d from def.
func (d Durations) withDefaults(def Durations) Durations {
	v := reflect.ValueOf(&d).Elem()
	dv := reflect.ValueOf(def)
	for i := range v.NumField() {
		if v.Field(i).Int() == 0 {
			v.Field(i).Set(dv.Field(i))
		}
	}
	return d
}

// Scale multiplies every duration by f (the benchmark's "realistic" durations).
func (d Durations) Scale(f float64) Durations {
	v := reflect.ValueOf(&d).Elem()
	for i := range v.NumField() {
		v.Field(i).SetInt(int64(float64(v.Field(i).Int()) * f))
	}
	return d
}

// Options configure a Server.
type Options struct {
	// Addr to listen on (default 127.0.0.1:0, a free loopback port).
	Addr string
	// Credentials maps access key ids to their passwords (default: the test pair).
	Credentials map[string]string
	// BearerTokens are accepted as "Authorization: Bearer <token>".
	BearerTokens []string
	Durations    Durations
	// ZECReleaseMode chooses what ReleaseDisk does (default immediate).
	ZECReleaseMode ReleaseMode
	// ZECStartingStatus is the status of a ZEC instance that StartInstances
	// starts: BOOTING (the default, the DescribeInstances enum) or STARTING
	// (the StartInstances document's word).
	ZECStartingStatus string
	// ZECResetImageAtEnd makes a ZEC instance report the image and key
	// pair that ResetInstance installs only once the reinstallation has
	// ended (RUNNING), as CloudDC reports its ReinstallOs image; by
	// default they are reported as soon as the call is accepted. The
	// documents do not say which the API does: the provider must be
	// right with either.
	ZECResetImageAtEnd bool
	// MaxClockSkew is how far a request timestamp may be from now (default 5m).
	MaxClockSkew time.Duration
	// RateLimit is the sustained requests per second allowed per key
	// (0: unlimited); RateBurst is the bucket size (default 2*RateLimit).
	RateLimit float64
	RateBurst int
	// CreateFailRate is the share (0..1) of instance creates that end in a
	// failure status (CREATE_FAILED, INSTALL_FAILED, failed).
	CreateFailRate float64
	// Huawei configures the emulated Huawei Cloud (CloudDC and IAM): the
	// credentials it accepts (AK/SK pairs, IAM users, static tokens), the
	// IAM token lifetime and the catalogue of physical servers. Zero fields
	// take the Huawei* test defaults of huaweicloud.go.
	Huawei HuaweiOptions
	// Seed makes every random choice of the emulator repeatable (0: 1).
	Seed uint64
	// Faults are injected into a share of the requests (see faults_rules.go).
	Faults []FaultRule
	// Now is the emulator's clock (default time.Now).
	Now func() time.Time
	// Logf, if set, receives one line per request.
	Logf func(format string, args ...any)
}

// withDefaults fills the zero fields of o and checks the release mode.
func (o Options) withDefaults() (Options, error) {
	if o.Addr == "" {
		o.Addr = "127.0.0.1:0"
	}
	if o.Credentials == nil {
		o.Credentials = map[string]string{DefaultAccessKeyID: DefaultAccessKeyPassword}
	}
	o.Durations = o.Durations.withDefaults(FastDurations())
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.ZECReleaseMode == "" {
		o.ZECReleaseMode = ReleaseImmediate
	}
	if o.ZECReleaseMode != ReleaseImmediate && o.ZECReleaseMode != ReleaseRecycle {
		return o, fmt.Errorf("emulator: unknown release mode %q", o.ZECReleaseMode)
	}
	switch o.ZECStartingStatus {
	case "":
		o.ZECStartingStatus = instStatusBooting
	case instStatusBooting, instStatusStarting:
	default:
		return o, fmt.Errorf("emulator: ZECStartingStatus must be %s or %s, got %q", instStatusBooting, instStatusStarting, o.ZECStartingStatus)
	}
	if o.MaxClockSkew <= 0 {
		o.MaxClockSkew = 5 * time.Minute
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.RateLimit > 0 && o.RateBurst <= 0 {
		o.RateBurst = max(1, int(2*o.RateLimit))
	}
	return o, nil
}
