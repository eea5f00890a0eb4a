// Package huaweicloud is a typed client for the Huawei Cloud REST APIs the
// provider uses: CloudDC (iMetal bare-metal instances on customer servers)
// and the IAM token endpoint. Requests are JSON; errors are
// {error_code, error_msg}; authentication is a static token
// (X-Auth-Token), an IAM token obtained with a user name and password
// (cached and renewed), or AK/SK request signing (SDK-HMAC-SHA256), with a
// security token (X-Security-Token, signed) for temporary AK/SK.
//
// It owns the Huawei Cloud wire format and every rule about its APIs:
//   - client.go: Config, New, credentials and the one call path (retries
//     through internal/transport, one renewal of a refused IAM token);
//   - signer.go: the SDK-HMAC-SHA256 signature;
//   - iam.go: IAM tokens, obtained, cached and renewed;
//   - errors.go: APIError, the codes, NotFoundError, decoding of answers;
//   - clouddc.go: the CloudDC instance actions and the create token;
//   - servers.go: the physical servers (ListServers, ShowServer,
//     ChangeServerPowerState);
//   - marker.go: the one loop of the marker-paged listings (ListInstances,
//     ListServers);
//   - tags.go: the tags of physical servers (BatchCreateTags, BatchDeleteTags).
//
// It imports of the project only internal/transport and internal/wait:
// never terraform-plugin-framework, a service package (internal/service/...),
// internal/framework or the emulator. Resources use it; it knows nothing of them.
package huaweicloud
