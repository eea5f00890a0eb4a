package zec_test

import (
	"fmt"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// refreshCount instances make a refresh storm (8 reads within a second
// answered by one listing of the account, 1000 a page).
const refreshCount = 10

// A refresh whose listing skips the managed instances keeps them in the
// state: the plan stays empty. 1000 fixtures are placed before them in the
// listing's order, so that they open page 2; between pages 1 and 2 ten
// fixtures are deleted, and page-number paging skips what slides back onto
// page 1: every managed instance. The reads the listing answers confirm
// the miss by a lookup by id.
func TestAccZECInstance_refreshListingSkips(t *testing.T) {
	acctest.SkipIfReal(t, "seeds 1000 instances and deletes some between listing pages (emulator seeding, clock control)")
	clock := &steppedClock{}
	emu := acctest.StartEmulator(t, emulator.Options{Now: clock.Now})
	provider := acctest.ZenlayerProviderConfig(emu)
	var managed []string
	var skipped atomic.Bool
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			for _, id := range managed {
				if _, ok := emu.ZECInstance(id); ok {
					return fmt.Errorf("instance %s is still in the emulator", id)
				}
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(provider, instancesConfig()),
				Check: func(s *terraform.State) error {
					managed = nil
					for i := range refreshCount {
						rs, ok := s.RootModule().Resources[fmt.Sprintf("%s.%d", instanceResourceName, i)]
						if !ok {
							return fmt.Errorf("%s.%d not in state", instanceResourceName, i)
						}
						managed = append(managed, rs.Primary.ID)
					}
					slices.Sort(managed)
					return nil
				},
			},
			{
				PreConfig: func() {
					fixtures := placeBefore(t, emu, clock, managed[0], 1000)
					emu.OnceBeforePage("zec.DescribeInstances", 2, func() {
						for _, id := range fixtures[:refreshCount] {
							emu.DeleteZECInstance(id)
						}
						skipped.Store(true)
					})
				},
				Config:   acctest.ConfigCompose(provider, instancesConfig()),
				PlanOnly: true,
			},
		},
	})
	if !skipped.Load() {
		t.Error("no refresh listing reached its page 2: the test proves nothing")
	}
}

func instancesConfig() string {
	return fmt.Sprintf(`
resource "cloudcompute_zenlayer_zec_instance" "test" {
  count         = %[2]d
  zone_id       = %[1]q
  instance_type = "z2a.cpu.1"
  image_id      = "ubuntu-22.04"
  subnet_id     = "subnet-acc"
  name          = "tf-acc-refresh-${count.index}"
  key_id        = "key-acc"
  power_state   = "running"
}
`, testZone, refreshCount)
}

// placeBefore adds n fixture instances whose ids sort before first (the
// lowest id of the managed instances) and returns them, sorted. The
// emulator's ids begin with the low 32 bits of its clock's nanoseconds in
// hex, so the clock is stopped, for the fixtures, at the next moment whose
// low bits are first's less one.
func placeBefore(t *testing.T, emu *emulator.Server, clock *steppedClock, first string, n int) []string {
	t.Helper()
	low, err := strconv.ParseUint(first[len("zec-"):len("zec-")+8], 16, 32)
	if err != nil || low == 0 {
		t.Fatalf("instance id %q does not begin with the emulator's clock bits: %v", first, err)
	}
	clock.stopAt(uint32(low - 1))
	fixtures := make([]string, n)
	for i := range fixtures {
		fixtures[i] = emu.AddZECInstance(testZone, fmt.Sprintf("fixture-%d", i))
	}
	clock.start()
	slices.Sort(fixtures)
	all := emu.Inventory()["zec_instance"]
	if i := slices.Index(all, first); i != n {
		t.Fatalf("the first managed instance lists at %d of %d, want %d: the fixtures were not placed before it", i, len(all), n)
	}
	return fixtures
}

// steppedClock is the emulator's clock for a test that places ids: real
// time, moved forward (never back) by stopAt.
type steppedClock struct {
	mu      sync.Mutex
	ahead   time.Duration
	stopped *time.Time
}

func (c *steppedClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now()
}

func (c *steppedClock) now() time.Time {
	if c.stopped != nil {
		return *c.stopped
	}
	return time.Now().Add(c.ahead)
}

// stopAt stops the clock at the next moment (within 4.3 s) whose
// nanoseconds' low 32 bits are low.
func (c *steppedClock) stopAt(low uint32) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	at := now.Add(time.Duration(low - uint32(now.UnixNano())))
	c.stopped = &at
}

// start lets the clock run on from where it stopped.
func (c *steppedClock) start() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped != nil {
		c.ahead = time.Until(*c.stopped)
		c.stopped = nil
	}
}
