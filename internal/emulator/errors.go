package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
)

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// errAPI is an error answer of an emulated action.
type errAPI struct {
	status  int
	code    string
	message string
}

func (e *errAPI) Error() string { return e.code + ": " + e.message }

func apiErr(status int, code, format string, args ...any) *errAPI {
	return &errAPI{status: status, code: code, message: fmt.Sprintf(format, args...)}
}
