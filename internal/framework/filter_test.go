package framework

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestFiltersRenderOneTableForBothSchemas(t *testing.T) {
	fs := Filters{
		"zone_id": StringFilter("Only disks in this zone."),
		"status":  OneOfFilter("Only disks in this status", "A", "B"),
	}.With(TagFilters("disks", 20, 64))

	ds := fs.DataSource()
	if got := ds["status"].GetMarkdownDescription(); got != "Only disks in this status: one of `A`, `B`." {
		t.Errorf("status description = %q", got)
	}
	if s, ok := ds["status"].(dschema.StringAttribute); !ok || !s.Optional || len(s.Validators) != 1 {
		t.Errorf("status = %#v, want an optional string with its one-of validator", ds["status"])
	}
	if m, ok := ds["tags"].(dschema.MapAttribute); !ok || m.ElementType != types.StringType || len(m.Validators) != 2 {
		t.Errorf("tags = %#v, want a map of strings with two validators", ds["tags"])
	}

	lb := fs.List()
	if len(lb) != len(ds) {
		t.Fatalf("list block has %d filters, data source %d", len(lb), len(ds))
	}
	for name, a := range lb {
		if a.GetMarkdownDescription() != ds[name].GetMarkdownDescription() {
			t.Errorf("%s: list block description %q, data source %q", name, a.GetMarkdownDescription(), ds[name].GetMarkdownDescription())
		}
	}
	if l, ok := lb["tag_keys"].(listschema.ListAttribute); !ok || !l.Optional || len(l.Validators) != 3 {
		t.Errorf("tag_keys = %#v, want an optional list with three validators", lb["tag_keys"])
	}
}

func TestFilterKinds(t *testing.T) {
	ds := Filters{
		"zone_id": RequiredFilter("Zone."),
		"min":     Int64Filter("At least."),
		"ha":      BoolFilter("HA."),
		"raids":   Int64sFilter("RAIDs."),
		"ids":     IDsFilter("Image", 100).Note("Unknown ids are left out."),
		"name":    StringFilter("Name.", stringvalidator.LengthAtLeast(1)),
	}.DataSource()
	if s := ds["zone_id"].(dschema.StringAttribute); !s.Required || s.Optional {
		t.Errorf("zone_id = %#v, want required", s)
	}
	if _, ok := ds["min"].(dschema.Int64Attribute); !ok {
		t.Errorf("min = %#v, want a number", ds["min"])
	}
	if _, ok := ds["ha"].(dschema.BoolAttribute); !ok {
		t.Errorf("ha = %#v, want a boolean", ds["ha"])
	}
	if l := ds["raids"].(dschema.ListAttribute); l.ElementType != types.Int64Type {
		t.Errorf("raids = %#v, want a list of numbers", l)
	}
	if got := ds["ids"].GetMarkdownDescription(); got != "Image ids to look up (at most 100). Unknown ids are left out." {
		t.Errorf("ids description = %q", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("a number filter in a list block did not panic")
		}
	}()
	Filters{"min": Int64Filter("At least.")}.List()
}

func TestTagFilterValues(t *testing.T) {
	ctx := context.Background()
	tags, keys, err := TagFilterValues(ctx, types.MapValueMust(types.StringType, map[string]attr.Value{"env": types.StringValue("prod")}),
		types.ListNull(types.StringType))
	if err != nil || tags["env"] != "prod" || keys != nil {
		t.Errorf("TagFilterValues = %v, %v, %v", tags, keys, err)
	}
}

type zone struct {
	ID    string
	Cores int
	Tags  map[string]string
	Raids []int
}

func TestColumns(t *testing.T) {
	columns := []Column[zone]{
		StringColumn("id", "Zone id.", func(z *zone) string { return z.ID }),
		Int64Column("cores", "Cores.", func(z *zone) int { return z.Cores }),
		StringMapColumn("tags", "Tags.", func(z *zone) map[string]string { return z.Tags }),
		Int64sColumn("raids", "RAIDs.", func(z *zone) []int { return z.Raids }),
	}
	attrs := columnAttributes(columns)
	if a, ok := attrs["cores"].(dschema.Int64Attribute); !ok || !a.Computed || a.MarkdownDescription != "Cores." {
		t.Errorf("cores = %#v", attrs["cores"])
	}
	values := columnValues(columns, &zone{ID: "z1", Cores: 4})
	if values["id"] != types.StringValue("z1") || values["cores"] != types.Int64Value(4) {
		t.Errorf("values = %v", values)
	}
	// None is an empty map or list, not null, as the items always were.
	if m := values["tags"].(types.Map); m.IsNull() || len(m.Elements()) != 0 {
		t.Errorf("tags = %v, want an empty map", m)
	}
	if l := values["raids"].(types.List); l.IsNull() || len(l.Elements()) != 0 {
		t.Errorf("raids = %v, want an empty list", l)
	}
}
