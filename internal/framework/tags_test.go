package framework_test

import (
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
)

func TestTagsFromAPI(t *testing.T) {
	defaults := map[string]string{"env": "prod", "team": "infra"}
	api := map[string]string{"env": "prod", "team": "web", "app": "shop", "cloudcompute-create-token": "tok"}
	for _, tc := range []struct {
		name  string
		prior types.Map
		want  types.Map
	}{
		// A default carried with its own value is tags_all only; a default
		// key with another value, and a key of the object's own, are tags.
		{"no prior", types.MapNull(types.StringType), framework.StringMap(map[string]string{"team": "web", "app": "shop"})},
		// A key the configuration sets stays in tags even when it equals the default.
		{"configured default", framework.StringMap(map[string]string{"env": "prod"}), framework.StringMap(map[string]string{"env": "prod", "team": "web", "app": "shop"})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tags, all := framework.TagsFromAPI(api, tc.prior, defaults, "cloudcompute-create-token")
			if !tags.Equal(tc.want) {
				t.Errorf("tags %v, want %v", tags, tc.want)
			}
			if want := framework.StringMap(map[string]string{"env": "prod", "team": "web", "app": "shop"}); !all.Equal(want) {
				t.Errorf("tags_all %v, want %v (the create token hidden)", all, want)
			}
		})
	}
	// Only defaults on the object, tags unset: tags stays null (no diff).
	tags, _ := framework.TagsFromAPI(map[string]string{"env": "prod"}, types.MapNull(types.StringType), defaults)
	if !tags.IsNull() {
		t.Errorf("tags %v, want null", tags)
	}
}

func TestMergeTagsAndChanges(t *testing.T) {
	all := framework.MergeTags(map[string]string{"env": "prod", "team": "infra"}, map[string]string{"team": "web"})
	if want := map[string]string{"env": "prod", "team": "web"}; !reflect.DeepEqual(all, want) {
		t.Errorf("merged %v, want %v", all, want)
	}
	set, remove := framework.TagChanges(map[string]string{"a": "1", "b": "2", "c": "3"}, map[string]string{"a": "1", "b": "20", "d": "4"})
	if want := map[string]string{"b": "20", "d": "4"}; !reflect.DeepEqual(set, want) || !reflect.DeepEqual(remove, []string{"c"}) {
		t.Errorf("set %v remove %v", set, remove)
	}
}
