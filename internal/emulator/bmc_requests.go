package emulator

// The parts of a BMC CreateInstances request that an instance keeps and
// DescribeInstances answers as given (SDK bmc20221120 RaidConfig,
// CustomRaid, Partition, Nic).

// bmcRaidConfig is the raidConfig of CreateInstances.
type bmcRaidConfig struct {
	RaidType    *int            `json:"raidType,omitempty"`
	CustomRaids []bmcCustomRaid `json:"customRaids,omitempty"`
}

// bmcCustomRaid is one custom RAID of a raidConfig.
type bmcCustomRaid struct {
	RaidType     *int  `json:"raidType"`
	DiskSequence []int `json:"diskSequence"`
}

// bmcPartition is one partition of CreateInstances.
type bmcPartition struct {
	FsPath *string `json:"fsPath"`
	FsType *string `json:"fsType"`
	Size   *int    `json:"size"`
}

// bmcNic is the nic of CreateInstances; InstanceInfo answers the names in effect.
type bmcNic struct {
	WanName *string `json:"wanName,omitempty"`
	LanName *string `json:"lanName,omitempty"`
}

// bmcRaidOf reads a raidConfig (nil when absent).
func bmcRaidOf(p params) *bmcRaidConfig {
	if p == nil {
		return nil
	}
	rc := &bmcRaidConfig{RaidType: p.integer("raidType")}
	for _, cr := range p.objs("customRaids") {
		rc.CustomRaids = append(rc.CustomRaids, bmcCustomRaid{RaidType: cr.integer("raidType"), DiskSequence: cr.ints("diskSequence")})
	}
	return rc
}

// bmcPartitionsOf reads the partitions of a request.
func bmcPartitionsOf(list []params) []bmcPartition {
	out := []bmcPartition{}
	for _, p := range list {
		out = append(out, bmcPartition{FsPath: p.str("fsPath"), FsType: p.str("fsType"), Size: p.integer("size")})
	}
	return out
}

// bmcNicOf reads a nic (nil when absent).
func bmcNicOf(p params) *bmcNic {
	if p == nil {
		return nil
	}
	return &bmcNic{WanName: p.str("wanName"), LanName: p.str("lanName")}
}
