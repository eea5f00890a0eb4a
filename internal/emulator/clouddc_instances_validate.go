package emulator

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Validation of the instance operations' parameters, as the CloudDC
// documents state them.

// checkCDCName: 1 to 63 Chinese characters, letters, digits, "_", "-" and ".".
func checkCDCName(name string) *errAPI {
	n := utf8.RuneCountInString(name)
	if n < 1 || n > 63 {
		return invalidParam("name must be 1 to 63 characters, got %d", n)
	}
	for _, r := range name {
		if !cdcNameRune(r) {
			return invalidParam("name %q may contain only Chinese characters, letters, digits, '_', '-' and '.'", name)
		}
	}
	return nil
}

func cdcNameRune(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r))) || r == '_' || r == '-' || r == '.'
}

func cdcMetadataKeyRune(r rune) bool {
	return (r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r))) || strings.ContainsRune("-_: .", r)
}

// checkCDCPassword is the documented policy of CreateInstance and
// ReinstallOs: 8 to 26 characters, at least three of upper case, lower
// case, digits and !@$%^-_=+[{}]:,./?, and neither the administrator's
// name (root, Administrator) nor its reverse.
func checkCDCPassword(pw string) *errAPI {
	if n := len(pw); n < 8 || n > 26 {
		return invalidParam("password must be 8 to 26 characters")
	}
	classes, clean := passwordKinds(pw, cdcPasswordSpecial)
	if !clean {
		return invalidParam("password may contain only letters, digits and %s", cdcPasswordSpecial)
	}
	if classes < 3 {
		return invalidParam("password must contain at least three of: upper-case letters, lower-case letters, digits, special characters %s", cdcPasswordSpecial)
	}
	l := strings.ToLower(pw)
	for _, name := range []string{"root", "toor", "administrator", "rotartsinimda"} {
		if strings.Contains(l, name) {
			return invalidParam("password must not contain the administrator's user name or its reverse")
		}
	}
	return nil
}

func checkCDCMetadata(md map[string]string) *errAPI {
	if len(md) > cdcMaxMetadata {
		return invalidParam("metadata may hold at most %d pairs, got %d", cdcMaxMetadata, len(md))
	}
	for k, v := range md {
		if len(k) < 1 || len(k) > 255 || strings.IndexFunc(k, func(r rune) bool { return !cdcMetadataKeyRune(r) }) >= 0 {
			return invalidParam("metadata key %q must be 1 to 255 letters, digits, '-', '_', ':', ' ' and '.'", k)
		}
		if utf8.RuneCountInString(v) > 255 {
			return invalidParam("metadata value of %q is longer than 255 characters", k)
		}
	}
	return nil
}

// cdcCreate is a checked CreateInstance request.
type cdcCreate struct {
	nics        []cdcNIC
	description string
	server      *cdcServer
}

// checkCreate enforces every documented constraint of CreateInstance,
// allocates the addresses not given and picks the server.
func (h *huaweiState) checkCreate(in *cdcCreateReq) (*cdcCreate, *errAPI) {
	var missing []string
	for name, v := range map[string]*string{"name": in.Name, "image_id": in.ImageID, "vpc_id": in.VpcID, "password": in.Password} {
		if v == nil || *v == "" {
			missing = append(missing, name)
		}
	}
	if len(in.NetworkInterfaces) == 0 {
		missing = append(missing, "network_interfaces")
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, missingParams(missing...)
	}
	if e := checkCDCName(*in.Name); e != nil {
		return nil, e
	}
	if e := h.checkImage(*in.ImageID); e != nil {
		return nil, e
	}
	if !h.vpcExists(*in.VpcID) {
		return nil, invalidParam("vpc_id %s does not exist", *in.VpcID)
	}
	nics := make([]cdcNIC, 0, len(in.NetworkInterfaces))
	for _, n := range in.NetworkInterfaces {
		nics = append(nics, cdcNIC{SubnetID: n.SubnetID, IPv4Address: n.IPv4Address})
	}
	nics, e := h.resolveNICs(*in.VpcID, nics, "")
	if e != nil {
		return nil, e
	}
	if e := checkCDCPassword(*in.Password); e != nil {
		return nil, e
	}
	if e := checkCDCMetadata(in.Metadata); e != nil {
		return nil, e
	}
	desc := valueOr(in.Description, "")
	if utf8.RuneCountInString(desc) > cdcMaxDescription {
		return nil, invalidParam("description is longer than %d characters", cdcMaxDescription)
	}
	server, e := h.pickServer(in.Placement)
	if e != nil {
		return nil, e
	}
	return &cdcCreate{nics: nics, description: desc, server: server}, nil
}

func (r *cdcDeleteReq) instanceSet() []string    { return r.IDs }
func (r *cdcReinstallReq) instanceSet() []string { return r.IDs }
func (r *cdcPasswordReq) instanceSet() []string  { return r.IDs }

// The body of DeleteInstances is instance_id_set alone: nothing else to
// require or check.
func (*cdcDeleteReq) missing() *errAPI             { return nil }
func (*cdcDeleteReq) invalid(*huaweiState) *errAPI { return nil }

func (r *cdcReinstallReq) missing() *errAPI { return requiredString("password", r.Password) }

// invalid: an image_id must be a known image (without one the instance
// keeps its own), and the password follows the create's policy.
func (r *cdcReinstallReq) invalid(h *huaweiState) *errAPI {
	if r.ImageID != nil && *r.ImageID != "" {
		if e := h.checkImage(*r.ImageID); e != nil {
			return e
		}
	}
	return checkCDCPassword(*r.Password)
}

func (r *cdcPasswordReq) missing() *errAPI { return requiredString("new_password", r.NewPassword) }

// invalid: nothing of the new password is checked (the API does no
// complexity check in ChangeInstancePassword).
func (*cdcPasswordReq) invalid(*huaweiState) *errAPI { return nil }
