package emulator

import (
	"strings"
)

// The key pair backend: Zenlayer API 2.0 service "ccs", version 2025-09-01
// (zenlayercloud-sdk-go v0.2.40 zenlayercloud/ccs20250901: client.go
// SERVICE "ccs", APIVersion "2025-09-01"; models.go DescribeKeyPairsRequest
// {keyIds[], keyName, pageSize, pageNum} → {totalCount, dataSet[] of
// KeyPair {keyId, keyName, publicKey, keyDescription, createTime}}). The
// key pairs a ZEC instance's keyId names live there: zec20250901 has no
// DescribeKeyPairs of its own (its CreateZecInstancesRequest.KeyId says to
// call DescribeKeyPairs), and the official provider's
// zenlayercloud_key_pairs reads them through ccs20250901
// (terraform-provider-zenlayercloud zenlayercloud/services/keypair). The
// key pairs are a fixed catalogue (ZECKeyPairs); creates do not check a
// keyId against it.
func init() {
	registerBackend("ccs", func(*Server) backend {
		return objectless{name: "ccs", versions: ccsVersions, actions: map[string]zenlayerAction{"DescribeKeyPairs": describeKeyPairs}}
	})
}

// ccsVersions are the versions of service ccs and the shape of its actions.
var ccsVersions = map[string]apiVersion{
	"2025-09-01": shapes(map[string][2]string{
		"DescribeKeyPairs": {`keyIds[] keyName pageSize:i pageNum:i`,
			`requestId totalCount:i dataSet[{keyId keyName publicKey keyDescription createTime}]`},
	}),
}

// ZECKeyPair is one key pair of the account.
type ZECKeyPair struct {
	Name, PublicKey, Description, CreateTime string
}

// ZECKeyPairs are the account's key pairs, by keyId: those the tests,
// examples, demo and benchmark name.
var ZECKeyPairs = map[string]ZECKeyPair{
	"key-acc":     {"acceptance", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEmulatorAcceptanceKey0000000000000000 acc", "The acceptance tests' key.", "2025-01-06T08:00:00Z"},
	"key-demo":    {"demo", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEmulatorDemoKey00000000000000000000000 demo", "The demo's key.", "2025-02-03T08:00:00Z"},
	"key-example": {"example", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQEmulatorExampleKey000000000000000000000 example", "", "2025-03-03T08:00:00Z"},
	"key-bench":   {"bench", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEmulatorBenchKey0000000000000000000000 bench", "The benchmark's key.", "2025-04-07T08:00:00Z"},
}

// describeKeyPairs answers the key pairs, by id, filtered by keyIds and by
// keyName, a fuzzy (case-insensitive substring) match.
func describeKeyPairs(req *call) (any, []string, error) {
	name := strings.ToLower(stringOr(req.str("keyName"), ""))
	type entry struct {
		id string
		kp ZECKeyPair
	}
	all := make(map[string]entry, len(ZECKeyPairs))
	for id, kp := range ZECKeyPairs {
		all[id] = entry{id, kp}
	}
	return describeObjects(req, "keyIds", all, func(e entry) string { return e.id }, func(entry) []Tag { return nil },
		func(e entry) bool { return strings.Contains(strings.ToLower(e.kp.Name), name) },
		func(e entry) map[string]any {
			return map[string]any{"keyId": e.id, "keyName": e.kp.Name, "publicKey": e.kp.PublicKey,
				"keyDescription": nilIfEmpty(e.kp.Description), "createTime": e.kp.CreateTime}
		})
}
