package emulator

// The versions of the API 2.0 services and the shape of each action in
// each: its request and answer (see zenlayer_fields.go for the notation).
// The specs are written from the SDK's models, file by file
// (zenlayercloud-sdk-go v0.2.40, the version terraform-provider-zenlayercloud
// v0.2.28 requires); contract_test.go holds them against a fixture
// generated from that SDK.

// apiShape is an action's request and answer in one version.
type apiShape struct {
	request, response fieldSet
}

// apiVersion maps each action a version serves to its shape.
type apiVersion map[string]apiShape

// shapes builds an apiVersion from action → {request spec, response spec},
// of one table or of several (the actions two versions share, then those
// of one).
func shapes(tables ...map[string][2]string) apiVersion {
	v := apiVersion{}
	for _, specs := range tables {
		for action, s := range specs {
			v[action] = apiShape{request: fields(s[0]), response: fields(s[1])}
		}
	}
	return v
}

// Fragments the models of several actions share.
const (
	// specTagAssociation is TagAssociation: the tags of a create and of an answer.
	specTagAssociation = ` tags{tags[{key value}]} `
	// specTagFilter is the tagKeys and tags filters of a Describe.
	specTagFilter = ` tagKeys[] tags[{key value}] `
	// specMarketing is MarketingInfo.
	specMarketing = ` marketingOptions{discountCode usePocVoucher:b} `
	// specIDs is the answer of a batch action that lists the ids that failed.
	specFailedIDs = `requestId instanceIds[]`
	specRequestID = `requestId`
)

// zenlayerExtensions are the request fields the emulator takes although the
// SDK's model lacks them, each with its reason; the contract tests allow
// exactly these.
var zenlayerExtensions = map[string]string{
	"zec ReleaseInstances dependResource:boolean": "the client sends dependResource=false so that the instance's data " +
		"disks, which Terraform manages as their own resources, outlive it (the API notes, /work/shared/api/zenlayer.md, " +
		"give it with default true); neither SDK model nor CLI spec of ReleaseInstances has it: to be verified on a real account",
}
