package emulator

import (
	"context"
	"io"
	"net/http"
)

// The hostile faults answer instead of the action with what no API
// documents: a cut-short JSON body, fields of the wrong types, a body too large
// to read, a status and a page of HTML.

// HugeBodyBytes is the size of a huge-body answer.
const HugeBodyBytes = 64 << 20

// Request ids of the hostile answers (Zenlayer in the body, Huawei in X-Request-Id).
const (
	FaultRequestIDMalformed  = "FAULT-MALFORMED-JSON"
	FaultRequestIDWrongTypes = "FAULT-WRONG-TYPES"
	FaultRequestIDHugeBody   = "FAULT-HUGE-BODY"
)

// writeHostile answers a malformed-json, wrong-types or unexpected-status fault.
func writeHostile(w http.ResponseWriter, kind FaultKind, zenlayerAPI bool) {
	var body, requestID string
	switch kind {
	case FaultMalformedJSON:
		requestID = FaultRequestIDMalformed
		body = `{"instances":[{"id":"` // cut short, as by a proxy that lost the rest
		if zenlayerAPI {
			body = `{"requestId":"` + requestID + `","response":{"requestId":"` + requestID + `","totalCount":1,"dataSet":[{"diskId":`
		}
	case FaultWrongTypes:
		requestID = FaultRequestIDWrongTypes
		// Every field a client reads of a listing, a status or a create, with a wrong type.
		body = `{"instance_id":42,"instances":"nope","count":"many","page_info":[],"state":7,"status":[],` +
			`"operation_state":false,"servers":"nope","token":"nope"}`
		if zenlayerAPI {
			body = `{"requestId":"` + requestID + `","response":{"requestId":7,"totalCount":"many","dataSet":"nope",` +
				`"diskIds":7,"instanceIdSet":{"0":"x"},"instances":"none","orderNumber":42,"failedDiskIds":"x","instanceIds":true}}`
		}
	default: // FaultUnexpectedStatus
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusTeapot)
		_, _ = io.WriteString(w, "<html><head><title>418 I'm a teapot</title></head><body><h1>I'm a teapot</h1>"+
			"<p>The emulator answers a status the API never documents (injected).</p></body></html>")
		return
	}
	if !zenlayerAPI {
		w.Header().Set("X-Request-Id", requestID)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	_, _ = io.WriteString(w, body)
}

// writeHuge streams a 200 JSON answer of HugeBodyBytes, a list padded with
// whitespace, until the client hangs up.
func writeHuge(ctx context.Context, w http.ResponseWriter, zenlayerAPI bool) {
	head, tail := `{"instances":[`, `],"count":0}`
	if zenlayerAPI {
		head = `{"requestId":"` + FaultRequestIDHugeBody + `","response":{"requestId":"` + FaultRequestIDHugeBody + `","totalCount":0,"dataSet":[`
		tail = `]}}`
	} else {
		w.Header().Set("X-Request-Id", FaultRequestIDHugeBody)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	if _, err := io.WriteString(w, head); err != nil {
		return
	}
	pad := make([]byte, 64<<10)
	for i := range pad {
		pad[i] = ' '
	}
	for left := HugeBodyBytes - len(head) - len(tail); left > 0 && ctx.Err() == nil; left -= len(pad) {
		if _, err := w.Write(pad[:min(left, len(pad))]); err != nil {
			return // the client stopped reading
		}
	}
	_, _ = io.WriteString(w, tail)
}
