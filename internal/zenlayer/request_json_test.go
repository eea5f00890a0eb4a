package zenlayer

import (
	"encoding/json"
	"testing"
)

// TestDescribeRequestJSON pins the bytes each Describe request puts on the
// wire with every field set: the filters and paging they share are embedded
// structs, whose fields must stay where each request had them.
func TestDescribeRequestJSON(t *testing.T) {
	tags := []Tag{{Key: "k", Value: "v"}}
	for name, tc := range map[string]struct {
		in   any
		want string
	}{
		"DescribeDisks": {DescribeDisksRequest{
			DiskIDs: []string{"d"}, DiskName: "n", DiskStatus: "s", DiskType: "t", DiskCategory: "c", InstanceID: "i",
			ZoneID: "z", ResourceGroupID: "g", TagFilters: TagFilters{TagKeys: []string{"k"}, Tags: tags}, Paging: Paging{PageSize: 10, PageNum: 2},
		}, `{"diskIds":["d"],"diskName":"n","diskStatus":"s","diskType":"t","diskCategory":"c","instanceId":"i","zoneId":"z","resourceGroupId":"g","tagKeys":["k"],"tags":[{"key":"k","value":"v"}],"pageSize":10,"pageNum":2}`},
		"DescribeInstances": {DescribeInstancesRequest{
			InstanceIDs: []string{"i"}, ZoneID: "z", ImageID: "m", IPv4Address: "a", Status: "s", Name: "n",
			ResourceGroupID: "g", TagFilters: TagFilters{TagKeys: []string{"k"}, Tags: tags}, Paging: Paging{PageSize: 10, PageNum: 2},
		}, `{"instanceIds":["i"],"zoneId":"z","imageId":"m","ipv4Address":"a","status":"s","name":"n","resourceGroupId":"g","tagKeys":["k"],"tags":[{"key":"k","value":"v"}],"pageSize":10,"pageNum":2}`},
		"DescribeBMCInstances": {DescribeBMCInstancesRequest{
			InstanceIDs: []string{"i"}, ZoneID: "z", ResourceGroupID: "g", InstanceTypeID: "t", InternetChargeType: "c",
			ImageID: "m", SubnetID: "s", InstanceStatus: "st", InstanceName: "n", Hostname: "h",
			PublicIPAddresses: []string{"p"}, PrivateIPAddresses: []string{"q"}, TagFilters: TagFilters{TagKeys: []string{"k"}, Tags: tags}, PageNum: 2, PageSize: 10,
		}, `{"instanceIds":["i"],"zoneId":"z","resourceGroupId":"g","instanceTypeId":"t","internetChargeType":"c","imageId":"m","subnetId":"s","instanceStatus":"st","instanceName":"n","hostname":"h","publicIpAddresses":["p"],"privateIpAddresses":["q"],"tagKeys":["k"],"tags":[{"key":"k","value":"v"}],"pageNum":2,"pageSize":10}`},
		"DescribeZECImages": {DescribeZECImagesRequest{
			ZoneID: "z", ImageIDs: []string{"m"}, ImageName: "n", Category: "c", ImageType: "t", ImageSource: "s",
			OSType: "o", ImageStatus: "st", TagFilters: TagFilters{TagKeys: []string{"k"}, Tags: tags}, Paging: Paging{PageSize: 10, PageNum: 2},
		}, `{"zoneId":"z","imageIds":["m"],"imageName":"n","category":"c","imageType":"t","imageSource":"s","osType":"o","imageStatus":"st","tagKeys":["k"],"tags":[{"key":"k","value":"v"}],"pageSize":10,"pageNum":2}`},
		"DescribeKeyPairs":           {DescribeKeyPairsRequest{KeyIDs: []string{"k"}, KeyName: "n", Paging: Paging{PageSize: 10, PageNum: 2}}, `{"keyIds":["k"],"keyName":"n","pageSize":10,"pageNum":2}`},
		"empty DescribeDisks":        {DescribeDisksRequest{}, `{}`},
		"empty DescribeInstances":    {DescribeInstancesRequest{}, `{}`},
		"empty DescribeBMCInstances": {DescribeBMCInstancesRequest{}, `{}`},
		"empty DescribeZECImages":    {DescribeZECImagesRequest{}, `{"zoneId":""}`},
		"empty DescribeKeyPairs":     {DescribeKeyPairsRequest{}, `{}`},
	} {
		b, err := json.Marshal(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", name, b, tc.want)
		}
	}
}
