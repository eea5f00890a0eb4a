package zenlayer

import (
	"context"
	"slices"
)

// objectKind is one kind of object the client creates, and finds by id, by
// create token and in a listing of the account (see snapshot.go): a ZEC
// disk, a ZEC instance or a BMC instance. Each is the same lookups over its
// own Describe.
type objectKind[T any] struct {
	// name names the kind in errors ("ZEC disk").
	name string
	// describe is the kind's Describe (DescribeDisks, ...) for q.
	describe   func(ctx context.Context, c *Client, q describeQuery) ([]T, error)
	id, status func(*T) string
	// find is the kind's FindX: the object with id, or a *NotFoundError.
	find func(c *Client, ctx context.Context, id string) (*T, error)
	// released are the statuses of an object released since its create:
	// found by its create token, it is not an object to adopt.
	released []string
}

// describeQuery is what the lookups of an objectKind ask its Describe for:
// the objects with ids, those tagged with tags, or (zero) every object;
// pageSize objects a page (0: maxPageSize).
type describeQuery struct {
	ids      []string
	tags     TagFilters
	pageSize int
}

// findByCreateToken is the lookup by create token (see CreateTokenTagKey):
// the ids of the objects tagged with token, less those released since the
// create.
func (k *objectKind[T]) findByCreateToken(ctx context.Context, c *Client, token string) ([]string, error) {
	list, err := k.describe(ctx, c, describeQuery{tags: TagFilters{Tags: CreateTokenTags(token).Tags}})
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(list))
	for i := range list {
		if !slices.Contains(k.released, k.status(&list[i])) {
			ids = append(ids, k.id(&list[i]))
		}
	}
	return ids, nil
}

// The kinds of object the client finds: each one's Describe, and what it
// needs to know of an object's id and status.
var (
	diskKind = objectKind[Disk]{
		name: "ZEC disk", id: diskID, status: diskStatus, find: (*Client).FindDisk,
		released: []string{DiskStatusDeleting, DiskStatusRecycling, DiskStatusRecycled},
		describe: func(ctx context.Context, c *Client, q describeQuery) ([]Disk, error) {
			return c.DescribeDisks(ctx, DescribeDisksRequest{DiskIDs: q.ids, TagFilters: q.tags, Paging: Paging{PageSize: q.pageSize}})
		},
	}
	zecInstanceKind = objectKind[Instance]{
		name: "ZEC instance", id: zecInstanceID, status: zecInstanceStatus, find: (*Client).FindZECInstance,
		released: []string{InstanceStatusReleasing, InstanceStatusRecycling, InstanceStatusRecycle},
		describe: func(ctx context.Context, c *Client, q describeQuery) ([]Instance, error) {
			return c.DescribeInstances(ctx, DescribeInstancesRequest{InstanceIDs: q.ids, TagFilters: q.tags, Paging: Paging{PageSize: q.pageSize}})
		},
	}
	bmcInstanceKind = objectKind[BMCInstance]{
		name: "BMC instance", id: bmcInstanceID, status: bmcInstanceStatus, find: (*Client).FindBMCInstance,
		released: []string{BMCStatusRecycle, BMCStatusRecycling, BMCStatusReleasing},
		describe: func(ctx context.Context, c *Client, q describeQuery) ([]BMCInstance, error) {
			return c.DescribeBMCInstances(ctx, DescribeBMCInstancesRequest{InstanceIDs: q.ids, TagFilters: q.tags, PageSize: q.pageSize})
		},
	}
)

func diskID(d *Disk) string                   { return d.DiskID }
func diskStatus(d *Disk) string               { return d.DiskStatus }
func zecInstanceID(i *Instance) string        { return i.InstanceID }
func zecInstanceStatus(i *Instance) string    { return i.Status }
func bmcInstanceID(i *BMCInstance) string     { return i.InstanceID }
func bmcInstanceStatus(i *BMCInstance) string { return i.InstanceStatus }

// DescribeDisks lists every disk matching in, following the pages and
// splitting more than 100 ids over several calls.
func (c *Client) DescribeDisks(ctx context.Context, in DescribeDisksRequest) ([]Disk, error) {
	return describePaged[Disk](ctx, c, ZEC, "DescribeDisks", &in, &in.DiskIDs, &in.PageSize, &in.PageNum)
}

// DescribeInstances lists every instance matching in, following the pages
// and splitting more than 100 ids over several calls.
func (c *Client) DescribeInstances(ctx context.Context, in DescribeInstancesRequest) ([]Instance, error) {
	return describePaged[Instance](ctx, c, ZEC, "DescribeInstances", &in, &in.InstanceIDs, &in.PageSize, &in.PageNum)
}

// DescribeBMCInstances lists every instance matching in: more than 100 ids
// are asked for in several calls, and the pages are followed.
func (c *Client) DescribeBMCInstances(ctx context.Context, in DescribeBMCInstancesRequest) ([]BMCInstance, error) {
	return describePaged[BMCInstance](ctx, c, BMC, "DescribeInstances", &in, &in.InstanceIDs, &in.PageSize, &in.PageNum)
}

// FindDisksByCreateToken returns the ids of the disks tagged with a create token.
func (c *Client) FindDisksByCreateToken(ctx context.Context, token string) ([]string, error) {
	return diskKind.findByCreateToken(ctx, c, token)
}

// FindZECInstancesByCreateToken returns the ids of the instances tagged with a create token.
func (c *Client) FindZECInstancesByCreateToken(ctx context.Context, token string) ([]string, error) {
	return zecInstanceKind.findByCreateToken(ctx, c, token)
}

// FindBMCInstancesByCreateToken returns the ids of the instances tagged with
// a create token (DescribeInstances filtered by the tag, API 2022-11-20 SDK
// bmc20221120 DescribeInstancesRequest.Tags) that are still usable: not in
// the recycle bin.
func (c *Client) FindBMCInstancesByCreateToken(ctx context.Context, token string) ([]string, error) {
	return bmcInstanceKind.findByCreateToken(ctx, c, token)
}

// FindDisk returns the disk with id, or a *NotFoundError.
// Concurrent finds are sent as one DescribeDisks (see Config.BatchWindow).
func (c *Client) FindDisk(ctx context.Context, id string) (*Disk, error) {
	return c.diskLookup.Do(ctx, id)
}

// FindZECInstance returns the instance with id, or a *NotFoundError.
func (c *Client) FindZECInstance(ctx context.Context, id string) (*Instance, error) {
	return c.zecInstanceLookup.Do(ctx, id)
}

// FindBMCInstance returns the instance with id, or a *NotFoundError.
// Concurrent finds are sent as one DescribeInstances (see Config.BatchWindow).
func (c *Client) FindBMCInstance(ctx context.Context, id string) (*BMCInstance, error) {
	return c.bmcInstanceLookup.Do(ctx, id)
}
