package acctest

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// The API clients of the tests' checks and of the sweepers read the
// provider's own environment variables, with the provider's defaults, so
// that they reach what the provider reaches.

// zenlayerConfigFromEnv is the Zenlayer client configuration of the
// environment, or why there is none.
func zenlayerConfigFromEnv() (zenlayer.Config, error) {
	cfg := zenlayer.Config{
		AccessKeyID: os.Getenv(provider.EnvZenlayerAccessKeyID), AccessKeyPassword: os.Getenv(provider.EnvZenlayerAccessKeyPassword),
		Domain: os.Getenv(provider.EnvZenlayerDomain), Scheme: os.Getenv(provider.EnvZenlayerScheme),
	}
	if cfg.AccessKeyID == "" || cfg.AccessKeyPassword == "" {
		return cfg, errors.New("no Zenlayer Cloud credentials: set " + provider.EnvZenlayerAccessKeyID + " and " + provider.EnvZenlayerAccessKeyPassword)
	}
	cfg.InsecureSkipVerify = envBool(provider.EnvZenlayerInsecure)
	cfg.Timeout = envSeconds(provider.EnvZenlayerClientTimeout)
	return cfg, nil
}

// ZenlayerClientFromEnv is a Zenlayer client configured as the provider
// would be from the environment alone.
func ZenlayerClientFromEnv() (*zenlayer.Client, error) {
	cfg, err := zenlayerConfigFromEnv()
	if err != nil {
		return nil, err
	}
	return zenlayer.New(cfg)
}

// huaweiConfigFromEnv is the Huawei Cloud client configuration of the
// environment; region, if not empty, replaces HW_REGION_NAME.
func huaweiConfigFromEnv(region string) huaweicloud.Config {
	if region == "" {
		region = os.Getenv(provider.EnvHuaweiRegion)
	}
	return huaweicloud.Config{
		Region: region, ProjectID: os.Getenv(provider.EnvHuaweiProjectID),
		CloudDCEndpoint: os.Getenv(provider.EnvHuaweiCloudDCEndpoint), IAMEndpoint: os.Getenv(provider.EnvHuaweiAuthURL),
		Credentials: huaweicloud.Credentials{
			Token: os.Getenv(provider.EnvHuaweiToken), AccessKey: os.Getenv(provider.EnvHuaweiAccessKey), SecretKey: os.Getenv(provider.EnvHuaweiSecretKey),
			SecurityToken: os.Getenv(provider.EnvHuaweiSecurityToken),
			UserName:      os.Getenv(provider.EnvHuaweiUserName), Password: os.Getenv(provider.EnvHuaweiPassword), DomainName: os.Getenv(provider.EnvHuaweiDomainName),
		},
		HTTPConfig: transport.HTTPConfig{InsecureSkipVerify: envBool(provider.EnvHuaweiInsecure), Timeout: envSeconds(provider.EnvHuaweiClientTimeout)},
	}
}

// HuaweiMethodFromEnv is the authentication method of the environment's
// Huawei Cloud credentials, or why they are missing or unusable.
func HuaweiMethodFromEnv() (huaweicloud.AuthMethod, error) {
	cfg := huaweiConfigFromEnv("")
	m, err := cfg.Credentials.Method()
	if err != nil {
		return "", errors.New("no usable Huawei Cloud credentials (set " + provider.EnvHuaweiAccessKey + " and " + provider.EnvHuaweiSecretKey +
			", or " + provider.EnvHuaweiUserName + ", " + provider.EnvHuaweiPassword + " and " + provider.EnvHuaweiDomainName + ", or " +
			provider.EnvHuaweiToken + ", with " + provider.EnvHuaweiRegion + " and " + provider.EnvHuaweiProjectID + "): " + err.Error())
	}
	if cfg.Region == "" && cfg.CloudDCEndpoint == "" {
		return "", errors.New("no Huawei Cloud region: set " + provider.EnvHuaweiRegion)
	}
	return m, nil
}

// HuaweiClientFromEnv is a CloudDC client configured as the provider would
// be from the environment alone; region, if not empty, replaces HW_REGION_NAME.
func HuaweiClientFromEnv(region string) (*huaweicloud.Client, error) {
	if _, err := HuaweiMethodFromEnv(); err != nil {
		return nil, err
	}
	return huaweicloud.New(huaweiConfigFromEnv(region))
}

// envBool reads a true/false variable as the provider does (1 and 0 too).
func envBool(name string) bool {
	v, err := strconv.ParseBool(strings.TrimSpace(os.Getenv(name)))
	return err == nil && v
}

// envSeconds reads a count of seconds, 0 (the client's default) when unset or bad.
func envSeconds(name string) time.Duration {
	n, err := strconv.Atoi(strings.TrimSpace(os.Getenv(name)))
	if err != nil || n <= 0 {
		return 0
	}
	return time.Duration(n) * time.Second
}
