package emulator

import (
	"context"
	"testing"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// ResetInstance reinstalls a stopped instance (DEPLOYING → RUNNING). The
// new image and key pair are reported at once by default, and only once
// the reinstallation has ended with ZECResetImageAtEnd.
func TestZECResetInstance_imageReported(t *testing.T) {
	for _, atEnd := range []bool{false, true} {
		f := startZECFixture(t, Options{ZECResetImageAtEnd: atEnd})
		id := f.stopped()
		image := func() (string, string) {
			t.Helper()
			inst, err := f.c.FindZECInstance(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			return inst.ImageID, inst.KeyID
		}
		if err := f.c.ResetInstance(context.Background(), zenlayer.ResetInstanceRequest{InstanceID: id, ImageID: "ubuntu-24.04", KeyID: "key-two"}); err != nil {
			t.Fatal(err)
		}
		f.wantStatus(id, "DEPLOYING")
		want := "ubuntu-24.04 key-two"
		if atEnd {
			want = "ubuntu-22.04 key-test"
		}
		if img, key := image(); img+" "+key != want {
			t.Errorf("at end %v: while DEPLOYING the instance reports %s %s, want %s", atEnd, img, key, want)
		}
		f.clock.Advance(f.d.InstanceChange)
		f.wantStatus(id, "RUNNING")
		if img, key := image(); img != "ubuntu-24.04" || key != "key-two" {
			t.Errorf("at end %v: once RUNNING the instance reports %s %s, want ubuntu-24.04 key-two", atEnd, img, key)
		}
	}
}
