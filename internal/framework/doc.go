// Package framework holds what every resource of the provider shares on the
// terraform-plugin-framework side: how a create that an interrupt cut short
// is finished by the next apply instead of being replaced, and the other
// pieces each resource would otherwise write again.
//
// It may import the framework, internal/conns and internal/wait; it must
// not import a cloud's API client (internal/zenlayer, internal/huaweicloud)
// or a service package.
package framework
