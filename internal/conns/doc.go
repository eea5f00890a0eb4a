// Package conns holds what the provider hands to its resources and data
// sources: the configured API clients (Client), with the reason a cloud is
// not configured, and the accessors that turn a missing one into an error
// that says which attribute and variable to set.
//
// It imports only the API clients (internal/zenlayer, internal/huaweicloud,
// and internal/transport, which they share) and the framework's diag: no
// service package, no internal/framework, no internal/provider.
package conns
