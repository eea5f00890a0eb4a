package emulator

import (
	"net/http"
	"slices"
)

// The parts every Describe and batch action of API 2.0 shares (ZEC and BMC):
// page-number paging, the id filters and batches and their limits, the
// {"totalCount", "dataSet"} answer, the lookup of one object by its id and
// the renaming of a batch.

// The limits the ZEC and BMC documents give alike.
const (
	maxIDsPerCall   = 100 // an id filter or a batch action's ids
	defaultPageSize = 20
	maxPageSize     = 1000
)

// paging checks pageSize/pageNum and applies the defaults.
func paging(size, num *int) (int, int, *errAPI) {
	pageSize, pageNum := valueOr(size, defaultPageSize), valueOr(num, 1)
	if pageSize < 1 || pageSize > maxPageSize {
		return 0, 0, apiErr(http.StatusBadRequest, codeInvalidValue, "pageSize must be between 1 and %d, got %d.", maxPageSize, pageSize)
	}
	if pageNum < 1 {
		return 0, 0, apiErr(http.StatusBadRequest, codeInvalidValue, "pageNum must be at least 1, got %d.", pageNum)
	}
	return pageSize, pageNum, nil
}

// checkDescribe checks what the ZEC Describe actions share, in the order
// the API does: the id filter (idField), the tag filters and the paging,
// whose size and number it returns.
func checkDescribe(idField string, ids, tagKeys []string, tags []Tag, size, num *int) (int, int, *errAPI) {
	if e := checkIDFilter(idField, ids); e != nil {
		return 0, 0, e
	}
	if e := checkTagFilters(tagKeys, tags); e != nil {
		return 0, 0, e
	}
	return paging(size, num)
}

// describeObjects answers a Describe: it checks the id filter (idField),
// the tag filters and the paging, and answers the page of the objects, in
// the order of their ids, that have an id asked for (when ids are), every
// tag asked for, and pass keep (the action's own filters).
func describeObjects[O any](req *call, idField string, objects map[string]O, idOf func(O) string, tagsOf func(O) []Tag,
	keep func(O) bool, wire func(O) map[string]any,
) (any, []string, error) {
	ids, keys, tags := req.strs(idField), req.strs("tagKeys"), req.tags("tags")
	pageSize, pageNum, e := checkDescribe(idField, ids, keys, tags, req.integer("pageSize"), req.integer("pageNum"))
	if e != nil {
		return nil, nil, e
	}
	match := filterSorted(objects, func(o O) bool {
		return (len(ids) == 0 || slices.Contains(ids, idOf(o))) && hasTags(tagsOf(o), keys, tags) && keep(o)
	})
	return describeAnswer(match, pageSize, pageNum, wire), ids, nil
}

// pageOf is page num of all, size a page.
func pageOf[T any](all []T, size, num int) []T {
	start := (num - 1) * size
	if start >= len(all) {
		return nil
	}
	return all[start:min(len(all), start+size)]
}

// describeAnswer is the answer of a Describe: how many objects match, and
// the page asked for, each object in its wire form.
func describeAnswer[O, W any](match []O, size, num int, wire func(O) W) map[string]any {
	page := pageOf(match, size, num)
	data := make([]W, 0, len(page))
	for _, o := range page {
		data = append(data, wire(o))
	}
	return map[string]any{"totalCount": len(match), "dataSet": data}
}

func tooManyIDs(field string, n, most int) *errAPI {
	return apiErr(http.StatusBadRequest, codeInvalidValue, "%s may hold at most %d ids, got %d.", field, most, n)
}

// checkIDFilter refuses an id filter of more than maxIDsPerCall ids.
func checkIDFilter(field string, ids []string) *errAPI {
	if len(ids) > maxIDsPerCall {
		return tooManyIDs(field, len(ids), maxIDsPerCall)
	}
	return nil
}

// checkBatchIDs refuses a batch action without ids or with more than most.
func checkBatchIDs(field string, ids []string, most int) *errAPI {
	if len(ids) == 0 {
		return errMissing(field)
	}
	if len(ids) > most {
		return tooManyIDs(field, len(ids), most)
	}
	return nil
}

// oneOf is the object named by the id field of an action on one object,
// and that id for the log (none if the field is missing).
func oneOf[O any](req *call, field string, find func(id string) (O, *errAPI)) (O, []string, *errAPI) {
	id, e := req.required(field)
	if e != nil {
		var none O
		return none, nil, e
	}
	o, e := find(id)
	return o, []string{id}, e
}

// onOne is an action on one object that answers nothing but its
// requestId: the object is named by the id field of the request (found by
// find), then act checks the rest of the request against it and changes
// it. The id is logged whatever the outcome.
func onOne[O any](field string, find func(id string) (O, *errAPI), act func(req *call, o O) *errAPI) zenlayerAction {
	return func(req *call) (any, []string, error) {
		o, ids, e := oneOf(req, field, find)
		if e == nil {
			e = act(req, o)
		}
		if e != nil {
			return nil, ids, e
		}
		return nil, ids, nil
	}
}

// batchOf checks the ids of an all-or-nothing lookup (1 to maxIDsPerCall
// ids, each found by find) and returns their objects, once each, in the
// order asked.
func batchOf[O comparable](field string, ids []string, find func(id string) (O, *errAPI)) ([]O, *errAPI) {
	if e := checkBatchIDs(field, ids, maxIDsPerCall); e != nil {
		return nil, e
	}
	var out []O
	for _, id := range ids {
		o, e := find(id)
		if e != nil {
			return nil, e
		}
		if !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	return out, nil
}

// renaming is an action that renames a batch of objects
// (ModifyInstancesAttribute of ZEC and BMC, ModifyDisksAttributes): every id
// must be known, the name given and valid, and every object ready, or
// nothing is renamed.
type renaming[O comparable] struct {
	ids, name string // the request's fields
	find      func(id string) (O, *errAPI)
	check     func(name string) *errAPI
	// ready says why an object cannot be renamed now (nil: every object can).
	ready func(O) *errAPI
	set   func(o O, name string)
}

func (r renaming[O]) run(req *call) (any, []string, error) {
	ids := req.strs(r.ids)
	list, e := batchOf(r.ids, ids, r.find)
	if e != nil {
		return nil, ids, e
	}
	name := req.str(r.name)
	if name == nil {
		return nil, ids, errMissing(r.name)
	}
	if e := r.check(*name); e != nil {
		return nil, ids, e
	}
	for _, o := range list {
		if r.ready != nil {
			if e := r.ready(o); e != nil {
				return nil, ids, e
			}
		}
	}
	for _, o := range list {
		r.set(o, *name)
	}
	return nil, ids, nil
}
