package zenlayer

import (
	"context"
	"reflect"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

// MaxIDsPerCall is the most ids one Describe or batch action takes.
const MaxIDsPerCall = 100

// maxPageSize is the page size the client asks for when it lists everything.
const maxPageSize = 100

// maxPages bounds the pages one listing follows, in case an answer's
// totalCount never comes true.
const maxPages = 10000

// Paging is the page a paged Describe asks for. describePaged sets it:
// maxPageSize objects a page unless PageSize says otherwise.
type Paging struct {
	PageSize int `json:"pageSize,omitempty"`
	PageNum  int `json:"pageNum,omitempty"`
}

// page is one page of a paged Describe answer.
type page[T any] struct {
	TotalCount int `json:"totalCount"`
	DataSet    []T `json:"dataSet"`
}

// describeAll is every paged Describe of the client (DescribeDisks,
// DescribeInstances, DescribeInstancesStatus, BMC DescribeInstances): more
// than MaxIDsPerCall ids are asked for in several calls, and each call
// follows the pages until it has totalCount objects or a page is empty.
// request builds the input of one call from its ids (all of them, or a
// part) and its page number.
func describeAll[T any](ctx context.Context, c *Client, svc Service, action string, ids []string, request func(ids []string, pageNum int) any) ([]T, error) {
	if len(ids) > MaxIDsPerCall {
		return transport.Chunked(ids, MaxIDsPerCall, func(part []string) ([]T, error) {
			return describeAll[T](ctx, c, svc, action, part, request)
		})
	}
	var all []T
	for n := 1; ; n++ {
		var out page[T]
		if err := c.Call(ctx, svc, action, request(ids, n), &out); err != nil {
			return nil, err
		}
		all = append(all, out.DataSet...)
		if len(out.DataSet) == 0 || len(all) >= out.TotalCount || n > maxPages {
			return all, nil
		}
	}
}

// describePaged is describeAll of a request that carries its own ids and
// page fields (in points at the request, the others at its fields): it is
// sent as it is, maxPageSize objects a page unless it says otherwise, with
// the ids of each call and the number of each page.
func describePaged[T any](ctx context.Context, c *Client, svc Service, action string, in any, ids *[]string, pageSize, pageNum *int) ([]T, error) {
	if *pageSize <= 0 {
		*pageSize = maxPageSize
	}
	return describeAll[T](ctx, c, svc, action, *ids, func(part []string, n int) any {
		*ids, *pageNum = part, n
		return in
	})
}

// describeList is a call whose answer is one list, under the name field
// (the catalogue lookups: zoneSet, images, ...). The answer is decoded into
// struct{ List *[]T `json:"<field>"` } pointing at the list, as a struct
// of each call's own would be: other fields are ignored, a missing or null
// list is nil, and a decoding error names the field.
func describeList[T any](ctx context.Context, c *Client, svc Service, action, field string, in any) ([]T, error) {
	var list []T
	answer := reflect.New(reflect.StructOf([]reflect.StructField{
		{Name: "List", Type: reflect.TypeFor[*[]T](), Tag: reflect.StructTag(`json:"` + field + `"`)},
	}))
	answer.Elem().Field(0).Set(reflect.ValueOf(&list))
	if err := c.Call(ctx, svc, action, in, answer.Interface()); err != nil {
		return nil, err
	}
	return list, nil
}
