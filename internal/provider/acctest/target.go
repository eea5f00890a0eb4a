package acctest

import (
	"os"
	"strings"
	"testing"

	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/sweep"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// Where the acceptance tests run. By default every test starts an emulator
// of its own, in process. With CLOUDCOMPUTE_ACC_TARGET=real they run
// against the cloud the environment points at, as a user's provider
// would: the credentials and endpoints are the provider's own variables
// (ZENLAYERCLOUD_*, HW_*), the ids of things the tests do not create
// (zones, images, subnets, key pairs) are CLOUDCOMPUTE_ACC_* variables, and
// every object a test makes is named with ResourcePrefix, so that the
// sweepers (internal/sweep) find what a failed run leaves behind.
const (
	EnvTarget  = "CLOUDCOMPUTE_ACC_TARGET"
	TargetReal = "real"
	// ResourcePrefix starts the name of every object the tests make.
	ResourcePrefix = sweep.Prefix
)

// IsReal reports whether the acceptance tests run against a real cloud.
func IsReal() bool { return os.Getenv(EnvTarget) == TargetReal }

// SkipIfReal skips t against a real cloud, saying why: the test needs a
// power only the emulator has (fault injection, clock control, forcing a
// status, seeding objects outside Terraform, an account setting).
func SkipIfReal(t testing.TB, why string) {
	t.Helper()
	if IsReal() {
		t.Skipf("skipped against a real cloud (%s=%s): %s", EnvTarget, TargetReal, why)
	}
}

// RandomName is a name for an object a test makes: ResourcePrefix, eight
// random letters and digits, and suffix ("tf-acc-k3j9x2ab-basic").
func RandomName(suffix string) string {
	return ResourcePrefix + sdkacctest.RandStringFromCharSet(8, sdkacctest.CharSetAlphaNum) + "-" + suffix
}

// Target is where one test's objects live: its own emulator, or the real
// cloud (Emu is nil then).
type Target struct {
	Emu *emulator.Server
	t   testing.TB
}

// NewTarget starts an emulator with opts for t, or, against a real cloud,
// returns a target without one (opts are the emulator's and unused then).
func NewTarget(t testing.TB, opts emulator.Options) *Target {
	t.Helper()
	if IsReal() {
		return &Target{t: t}
	}
	return &Target{Emu: StartEmulator(t, opts), t: t}
}

// Real reports whether the target is a real cloud.
func (tg *Target) Real() bool { return tg.Emu == nil }

// realProvider is the provider block against a real cloud: everything
// comes from the environment, as for a user.
const realProvider = "\nprovider \"" + ProviderName + "\" {}\n"

// ZenlayerProviderConfig points the provider at the emulator, or, against
// a real cloud, leaves it to the environment (skipping t when it holds no
// Zenlayer Cloud credentials).
func (tg *Target) ZenlayerProviderConfig() string {
	tg.t.Helper()
	if !tg.Real() {
		return ZenlayerProviderConfig(tg.Emu)
	}
	if _, err := zenlayerConfigFromEnv(); err != nil {
		tg.t.Skipf("skipped against a real cloud: %v", err)
	}
	return realProvider
}

// ZenlayerProviderConfigWith is a zenlayer block with the credentials c
// (for example a wrong one), at the emulator or at the environment's
// endpoint (ZENLAYERCLOUD_DOMAIN and _SCHEME, else the provider's default).
func (tg *Target) ZenlayerProviderConfigWith(c Credentials) string {
	if !tg.Real() {
		return ZenlayerProviderConfigWith(tg.Emu, c)
	}
	var attrs [][2]string
	for _, a := range [][2]string{{"domain", os.Getenv(provider.EnvZenlayerDomain)}, {"scheme", os.Getenv(provider.EnvZenlayerScheme)},
		{"access_key_id", c.AccessKeyID}, {"access_key_password", c.AccessKeyPassword}} {
		if a[1] != "" {
			attrs = append(attrs, attr(a[0], a[1]))
		}
	}
	return zenlayerProvider(attrs...)
}

// HuaweiProviderConfig points the provider at the emulator with the test
// credentials of method, or, against a real cloud, leaves it to the
// environment, whatever its method (skipping t without Huawei Cloud
// credentials).
func (tg *Target) HuaweiProviderConfig(method huaweicloud.AuthMethod) string {
	tg.t.Helper()
	if !tg.Real() {
		return HuaweiProviderConfig(tg.Emu, method)
	}
	if _, err := HuaweiMethodFromEnv(); err != nil {
		tg.t.Skipf("skipped against a real cloud: %v", err)
	}
	return realProvider
}

// Known is want against the emulator, whose answers the tests know, and
// only "known" (not null) against a real cloud, whose values (addresses,
// categories, sizes of an instance type) depend on the account.
func (tg *Target) Known(want knownvalue.Check) knownvalue.Check {
	if tg.Real() {
		return knownvalue.NotNull()
	}
	return want
}

// ID is the id of something the test uses but does not make: the
// emulator's fixture, or, against a real cloud, the environment variable
// env (skipping t, naming the variable, when it is unset).
func (tg *Target) ID(env, fixture string) string {
	tg.t.Helper()
	if !tg.Real() {
		return fixture
	}
	v := strings.TrimSpace(os.Getenv(env))
	if v == "" {
		tg.t.Skipf("skipped against a real cloud: set %s (%s)", env, idEnvDoc[env])
	}
	return v
}

// The ids the tests take from the environment against a real cloud.
const (
	EnvZECZoneID       = "CLOUDCOMPUTE_ACC_ZEC_ZONE_ID"
	EnvZECImageID      = "CLOUDCOMPUTE_ACC_ZEC_IMAGE_ID"
	EnvZECInstanceType = "CLOUDCOMPUTE_ACC_ZEC_INSTANCE_TYPE"
	EnvZECSubnetID     = "CLOUDCOMPUTE_ACC_ZEC_SUBNET_ID"
	EnvZECKeyID        = "CLOUDCOMPUTE_ACC_ZEC_KEY_ID"

	EnvBMCZoneID         = "CLOUDCOMPUTE_ACC_BMC_ZONE_ID"
	EnvBMCInstanceTypeID = "CLOUDCOMPUTE_ACC_BMC_INSTANCE_TYPE_ID"
	EnvBMCImageID        = "CLOUDCOMPUTE_ACC_BMC_IMAGE_ID"
	EnvBMCKeyID          = "CLOUDCOMPUTE_ACC_BMC_KEY_ID"

	EnvCloudDCImageID   = "CLOUDCOMPUTE_ACC_CLOUDDC_IMAGE_ID"
	EnvCloudDCImageID2  = "CLOUDCOMPUTE_ACC_CLOUDDC_IMAGE_ID_2"
	EnvCloudDCVPCID     = "CLOUDCOMPUTE_ACC_CLOUDDC_VPC_ID"
	EnvCloudDCVPCID2    = "CLOUDCOMPUTE_ACC_CLOUDDC_VPC_ID_2"
	EnvCloudDCSubnetID  = "CLOUDCOMPUTE_ACC_CLOUDDC_SUBNET_ID"
	EnvCloudDCSubnetID2 = "CLOUDCOMPUTE_ACC_CLOUDDC_SUBNET_ID_2"
	EnvCloudDCSubnetID3 = "CLOUDCOMPUTE_ACC_CLOUDDC_SUBNET_ID_3"
	// EnvCloudDCSubnet2Address is a free address of the second subnet.
	EnvCloudDCSubnet2Address = "CLOUDCOMPUTE_ACC_CLOUDDC_SUBNET_2_ADDRESS"
)

// idEnvDoc says what each id variable holds (README lists them too).
var idEnvDoc = map[string]string{
	EnvZECZoneID:             "a ZEC zone, for example asia-east-1a",
	EnvZECImageID:            "a Linux image of that zone",
	EnvZECInstanceType:       "an instance type of that zone",
	EnvZECSubnetID:           "a subnet of that zone",
	EnvZECKeyID:              "an SSH key pair of the account",
	EnvBMCZoneID:             "a BMC zone, for example SEL-A",
	EnvBMCInstanceTypeID:     "an instance type on sale in that zone",
	EnvBMCImageID:            "a Linux image for that instance type",
	EnvBMCKeyID:              "an SSH key pair of the account",
	EnvCloudDCImageID:        "a CloudDC Linux image",
	EnvCloudDCImageID2:       "a second image, to reinstall with",
	EnvCloudDCVPCID:          "a VPC of the project",
	EnvCloudDCVPCID2:         "a second VPC",
	EnvCloudDCSubnetID:       "a subnet of the first VPC",
	EnvCloudDCSubnetID2:      "a second subnet of the first VPC",
	EnvCloudDCSubnetID3:      "a subnet of the second VPC",
	EnvCloudDCSubnet2Address: "a free IPv4 address of the second subnet",
}

// ZECIDs are what a ZEC instance test needs.
type ZECIDs struct{ Zone, Image, InstanceType, Subnet, KeyID string }

// ZEC returns the ZEC ids: the emulator's fixtures, or the environment's.
func (tg *Target) ZEC() ZECIDs {
	tg.t.Helper()
	return ZECIDs{
		Zone: tg.ID(EnvZECZoneID, "asia-east-1a"), Image: tg.ID(EnvZECImageID, "ubuntu-22.04"),
		InstanceType: tg.ID(EnvZECInstanceType, "z2a.cpu.1"), Subnet: tg.ID(EnvZECSubnetID, "subnet-acc"), KeyID: tg.ID(EnvZECKeyID, "key-acc"),
	}
}

// BMCIDs are what a BMC instance test needs.
type BMCIDs struct{ Zone, InstanceType, Image string }

// BMC returns the BMC ids: the emulator's fixtures, or the environment's.
func (tg *Target) BMC() BMCIDs {
	tg.t.Helper()
	return BMCIDs{Zone: tg.ID(EnvBMCZoneID, "SEL-A"), InstanceType: tg.ID(EnvBMCInstanceTypeID, "S9I"), Image: tg.ID(EnvBMCImageID, "img-ubuntu-2204")}
}

// CloudDCIDs are what a CloudDC instance test needs.
type CloudDCIDs struct{ Image, VPC, Subnet string }

// CloudDC returns the CloudDC ids: the emulator's fixtures, or the environment's.
func (tg *Target) CloudDC() CloudDCIDs {
	tg.t.Helper()
	return CloudDCIDs{Image: tg.ID(EnvCloudDCImageID, emulator.HuaweiImageID), VPC: tg.ID(EnvCloudDCVPCID, emulator.HuaweiVPCID),
		Subnet: tg.ID(EnvCloudDCSubnetID, emulator.HuaweiSubnetID)}
}

// ZenlayerClient is a client of the target's Zenlayer API, for checks and
// changes behind Terraform's back.
func (tg *Target) ZenlayerClient() (*zenlayer.Client, error) {
	if tg.Real() {
		return ZenlayerClientFromEnv()
	}
	return zenlayer.New(zenlayer.Config{AccessKeyID: emulator.DefaultAccessKeyID, AccessKeyPassword: emulator.DefaultAccessKeyPassword,
		Domain: tg.Emu.Endpoint(), Scheme: "http"})
}

// HuaweiClient is a client of the target's CloudDC API, for checks and
// changes behind Terraform's back.
func (tg *Target) HuaweiClient() (*huaweicloud.Client, error) {
	if tg.Real() {
		return HuaweiClientFromEnv("")
	}
	return huaweicloud.New(huaweicloud.Config{Region: emulator.HuaweiRegion, ProjectID: emulator.HuaweiProjectID,
		CloudDCEndpoint: tg.Emu.URL(), Credentials: huaweicloud.Credentials{Token: emulator.HuaweiStaticToken}})
}

// MustZenlayerClient is ZenlayerClient, failing t on an error.
func (tg *Target) MustZenlayerClient() *zenlayer.Client {
	tg.t.Helper()
	c, err := tg.ZenlayerClient()
	if err != nil {
		tg.t.Fatalf("Zenlayer client: %v", err)
	}
	return c
}
