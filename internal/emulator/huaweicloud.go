package emulator

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"
)

// Huawei Cloud test credentials and catalogue the emulator uses unless told
// otherwise (Options.Huawei). They are not secrets.
const (
	HuaweiRegion      = "cn-east-3"
	HuaweiProjectID   = "0f5e2a7c9b3d4e6f8a1b2c3d4e5f6a7b"
	HuaweiDomainID    = "7a1b2c3d4e5f60718293a4b5c6d7e8f9"
	HuaweiAccessKey   = "HWEMULATORAK00000001"
	HuaweiSecretKey   = "emulator-huawei-secret-key-0123456789abcd" // #nosec G101 -- a public test credential of the emulator
	HuaweiUserName    = "emulator-user"
	HuaweiPassword    = "Emulator-Passw0rd" // #nosec G101 -- a public test credential of the emulator
	HuaweiDomainName  = "emulator-account"
	HuaweiStaticToken = "MIIEmulatorStaticToken-0123456789abcdef" // #nosec G101 -- a public test credential of the emulator

	// Temporary AK/SK credentials (as IAM's CreateTemporaryAccessKeyByToken
	// or STS issue them): the access key, its secret key and the security
	// token every request signed with them must carry (X-Security-Token).
	// They are valid for 24 hours from the emulator's start.
	HuaweiTempAccessKey    = "HWEMULATORSTSAK00001"
	HuaweiTempSecretKey    = "emulator-huawei-temporary-secret-key-0123"             // #nosec G101 -- a public test credential of the emulator
	HuaweiSecurityToken    = "gQpjbi1lYXN0LTOEmulatorSecurityToken-0123456789abcdef" // #nosec G101 -- a public test credential of the emulator
	huaweiTempKeysLifetime = 24 * time.Hour

	// Images (private IMS images) of the catalogue.
	HuaweiImageID        = "8d2b4c6e-1f3a-4b5c-9d7e-0a1b2c3d4e5f" // Ubuntu 22.04 server, Linux
	HuaweiImageID2       = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b" // Huawei Cloud EulerOS 2.0, Linux
	HuaweiWindowsImageID = "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f" // Windows Server 2022, Windows

	// VPCs and subnets: HuaweiSubnetID 192.168.0.0/24 and HuaweiSubnetID2
	// 192.168.1.0/24 are in HuaweiVPCID; HuaweiSubnetID3 10.10.0.0/24 in HuaweiVPCID2.
	// Gateways are .1; allocated addresses start at .10.
	HuaweiVPCID     = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
	HuaweiVPCID2    = "6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c"
	HuaweiSubnetID  = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"
	HuaweiSubnetID2 = "4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a"
	HuaweiSubnetID3 = "7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e"

	// The default physical servers, all in manage_state ready.
	HuaweiServerID1 = "a1000000-0000-4000-8000-000000000001"
	HuaweiServerID2 = "a1000000-0000-4000-8000-000000000002"
	HuaweiServerID3 = "a1000000-0000-4000-8000-000000000003"
	HuaweiServerID4 = "a1000000-0000-4000-8000-000000000004"

	// huaweiMaxSdkDateSkew is how far X-Sdk-Date may be from the gateway's clock.
	huaweiMaxSdkDateSkew = 15 * time.Minute
	// huaweiAKLockAfter consecutive signature failures lock an access key for huaweiAKLockFor.
	huaweiAKLockAfter = 5
	huaweiAKLockFor   = 5 * time.Minute
)

// HuaweiOptions configure the emulated Huawei Cloud. Zero fields take the
// Huawei* defaults above.
type HuaweiOptions struct {
	// Region is the region, and the name of the account's one project.
	Region string
	// ProjectID is the id of that project; a request for another project is refused (403).
	ProjectID string
	// AccessKeys maps access keys to secret keys.
	AccessKeys map[string]string
	// Users are the IAM users that may obtain tokens.
	Users []HuaweiUser
	// Tokens are static tokens accepted as X-Auth-Token; they do not expire.
	Tokens []string
	// TemporaryKeys maps temporary access keys to their secret key and
	// security token (nil: HuaweiTempAccessKey, valid for 24 hours).
	TemporaryKeys map[string]HuaweiTemporaryKey
	// TokenLifetime is how long an IAM token is valid (default 24h, as IAM).
	TokenLifetime time.Duration
	// Servers is the catalogue of physical servers (nil: DefaultHuaweiServers;
	// an empty, non-nil slice: no server at all).
	Servers []HuaweiServer
}

// HuaweiTemporaryKey is a temporary access key's secret key and security
// token, and when they expire (zero: 24 hours after the emulator starts).
type HuaweiTemporaryKey struct {
	SecretKey, SecurityToken string
	ExpiresAt                time.Time
}

// HuaweiUser is an IAM user of the emulated account.
type HuaweiUser struct {
	Name, Password, Domain string
}

// HuaweiServer is a physical server of the CloudDC catalogue.
type HuaweiServer struct {
	ID   string
	Name string
	// ManageState is onboard, ready, in-use, frozen or offboarding; an
	// instance can be created only on a ready server.
	ManageState string
}

// DefaultHuaweiServers are four ready servers.
func DefaultHuaweiServers() []HuaweiServer {
	return []HuaweiServer{
		{ID: HuaweiServerID1, Name: "rack01-node01", ManageState: "ready"},
		{ID: HuaweiServerID2, Name: "rack01-node02", ManageState: "ready"},
		{ID: HuaweiServerID3, Name: "rack02-node01", ManageState: "ready"},
		{ID: HuaweiServerID4, Name: "rack02-node02", ManageState: "ready"},
	}
}

func (o HuaweiOptions) withDefaults() HuaweiOptions {
	if o.Region == "" {
		o.Region = HuaweiRegion
	}
	if o.ProjectID == "" {
		o.ProjectID = HuaweiProjectID
	}
	if o.AccessKeys == nil {
		o.AccessKeys = map[string]string{HuaweiAccessKey: HuaweiSecretKey}
	}
	if o.Users == nil {
		o.Users = []HuaweiUser{{Name: HuaweiUserName, Password: HuaweiPassword, Domain: HuaweiDomainName}}
	}
	if o.Tokens == nil {
		o.Tokens = []string{HuaweiStaticToken}
	}
	if o.TemporaryKeys == nil {
		o.TemporaryKeys = map[string]HuaweiTemporaryKey{HuaweiTempAccessKey: {SecretKey: HuaweiTempSecretKey, SecurityToken: HuaweiSecurityToken}}
	}
	if o.TokenLifetime <= 0 {
		o.TokenLifetime = 24 * time.Hour
	}
	if o.Servers == nil {
		o.Servers = DefaultHuaweiServers()
	}
	return o
}

func init() {
	registerBackend("huaweicloud", func(s *Server) backend { return newHuaweiState(s) })
}

// huaweiState is the emulated Huawei Cloud: IAM tokens, the gateway's
// authentication (huaweicloud_auth.go, huaweicloud_iam.go), and CloudDC
// (clouddc*.go).
type huaweiState struct {
	s    *Server
	opts HuaweiOptions

	tokens     map[string]*huaweiToken
	tempKeys   map[string]HuaweiTemporaryKey
	akFailures map[string]int
	akLocked   map[string]time.Time
	faults     map[string]*huaweiFault

	servers   map[string]*cdcServer
	images    map[string]cdcImage
	subnets   map[string]*cdcSubnet
	instances map[string]*cdcInstance
	created   int
}

type huaweiToken struct {
	expiresAt time.Time
	projectID string
	user      string
	static    bool
}

func newHuaweiState(s *Server) *huaweiState {
	h := &huaweiState{
		s: s, opts: s.opts.Huawei.withDefaults(),
		tokens: map[string]*huaweiToken{}, akFailures: map[string]int{}, akLocked: map[string]time.Time{},
		faults: map[string]*huaweiFault{}, instances: map[string]*cdcInstance{},
	}
	h.tempKeys = map[string]HuaweiTemporaryKey{}
	for ak, k := range h.opts.TemporaryKeys {
		if k.ExpiresAt.IsZero() {
			k.ExpiresAt = s.now().Add(huaweiTempKeysLifetime)
		}
		h.tempKeys[ak] = k
	}
	for _, t := range h.opts.Tokens {
		h.tokens[t] = &huaweiToken{projectID: h.opts.ProjectID, user: "static-token", static: true}
	}
	h.initCatalogue()
	return h
}

func (s *Server) huawei() *huaweiState {
	return backendOf[*huaweiState](s, "huaweicloud")
}

// advance applies due transitions. Called with s.mu held.
func (h *huaweiState) advance(now time.Time) {
	advanceEach(h.instances, now)
}

// inventory lists the instances that are not terminated. Called with s.mu held.
func (h *huaweiState) inventory(inv map[string][]string) {
	for id, i := range h.instances {
		if i.State != cdcStateTerminated {
			inv["clouddc_instance"] = append(inv["clouddc_instance"], id)
		}
	}
}

func (h *huaweiState) routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /v3/auth/tokens", h.serveCreateToken)
	// The CloudDC operations: method, path below /v1/{project_id}, and the
	// operation's name, which the log, the hooks and the faults know it by.
	for _, op := range []struct {
		method, path, name string
		fn                 cdcHandler
	}{
		{"POST", "/instances", "CreateInstance", h.createInstance},
		{"GET", "/instances", "ListInstances", h.listInstances},
		{"GET", "/instances/{id}/status", "ShowInstanceStatus", h.showInstanceStatus},
		{"DELETE", "/instances/{id}", "DeleteInstance", h.deleteInstance},
		{"POST", "/instances/batch-delete", "DeleteInstances", h.deleteInstances},
		{"PUT", "/instances/{id}/ip", "ModifyInstanceIp", h.modifyInstanceIP},
		{"PUT", "/instances/reinstall", "ReinstallOs", h.reinstallOS},
		{"PUT", "/instances/password", "ChangeInstancePassword", h.changeInstancePassword},
		{"GET", "/physicalservers", "ListServers", h.listServers},
		{"GET", "/physicalservers/{id}", "ShowServer", h.showServer},
		{"PUT", "/physicalservers/power-state", "ChangeServerPowerState", h.changeServerPowerState},
		{"POST", "/{resource_type}/{resource_id}/tags/create", "BatchCreateTags", h.batchCreateTags},
		{"POST", "/{resource_type}/{resource_id}/tags/delete", "BatchDeleteTags", h.batchDeleteTags},
	} {
		mux.HandleFunc(op.method+" /v1/{project_id}"+op.path, h.handle(op.name, op.fn))
	}
	mux.HandleFunc("/v1/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", h.requestID())
		writeJSON(w, http.StatusNotFound, map[string]any{"error_code": "APIGW.0101", "error_msg": "The API does not exist or has not been published in the environment"})
	})
}

func (h *huaweiState) requestID() string {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.seq++
	return fmt.Sprintf("%08x%08x%016x", uint32(h.s.now().UnixNano()), uint32(h.s.seq), h.s.rand.Uint64())
}

// writeHuaweiError writes {error_code, error_msg} (gateway errors add
// request_id); a 429 without a code has no body, as the API documents.
func writeHuaweiError(w http.ResponseWriter, e *errAPI, requestID string) {
	if e.code == "" {
		w.WriteHeader(e.status)
		return
	}
	body := map[string]any{"error_code": e.code, "error_msg": e.message}
	if strings.HasPrefix(e.code, "APIGW.") {
		body["request_id"] = requestID
	}
	writeJSON(w, e.status, body)
}

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// newUUID returns a repeatable random UUID (version 4 shape). Called with s.mu held.
func (h *huaweiState) newUUID() string {
	a, b := h.s.rand.Uint64(), h.s.rand.Uint64()
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", uint32(a>>32), uint16(a>>16), uint16(a)&0xfff, (uint16(b>>48)&0x3fff)|0x8000, b&0xffffffffffff)
}
