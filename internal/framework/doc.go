// Package framework holds what every resource and data source of the
// provider shares on the terraform-plugin-framework side, written once:
//
//   - base.go: ResourceBase and DataSourceBase (type name, Configure with
//     the provider's clients and a clear error on a wrong type),
//     WithImportByID (import by id or by identity, refusing an empty id;
//     part of ResourceBase) and Resource, the interfaces every resource
//     implements, which NewResource checks at compile time;
//   - identity.go: resource identity (Terraform 1.12+), once for every
//     resource: ResourceBase's IdentitySchema ("id" and the resource's
//     IdentityAttributes, from WithIdentity) and Identify, the Identifier
//     that GuardedCreate/SaveCreated, ReadResource and Partial.Save call,
//     which refuses an identity the provider's configuration cannot reach;
//   - listable.go: Listable, what the two listings of a resource type
//     (its Listing and its ListResource) take from the resource, once:
//     its constructor, client, Finder (name, id, display name, gone) and
//     model conversion;
//   - list.go: ListResource, every list resource of terraform query
//     (Terraform 1.14+): Listing's idea for queries, its filters and one
//     paged API call, each result the identity made by the resource's
//     Identify and, with include_resource, the resource object made by its
//     Read conversion, so that generated configuration plans no change;
//   - update.go: Partial, the partial-update helper that saves what has
//     succeeded when a later step of an Update fails, and ReadBack, the
//     last step of an Update (the object read back);
//   - convert.go: conversions between API values and framework values, and
//     the sorted conversion of listing data sources;
//   - schema.go: builders of the attribute literals the resource schemas
//     repeat most (ReportedString, KeptString, KeptStrings, ReplacedString,
//     DefaultBool, TimeoutsAttribute);
//   - validators.go: StringCheck, a plan-time validator from a rule function,
//     and PasswordKinds, the kinds of characters a password policy counts;
//   - listing.go: Listing, every listing data source: filters, one API
//     call, and items that are the resource's own attributes (its schema,
//     computed, and its model conversion), so that a field added to a
//     resource is in its data source too; lookup_columns.go: Column, an
//     attribute of a lookup's items (Lookup), its schema and its value
//     written once;
//   - filter.go: Filter and Filters, the filter arguments of a listing data
//     source and of a list block, written once for both;
//   - read.go: Finder (how a resource's object is read back, by its Read
//     and its waits) and ReadResource, the one Read of every resource;
//   - wait.go: a Finder's waits (Refresh, Object) and its status for a
//     message (Current);
//   - delete.go: Destroyer, how every Zenlayer destroy starts (wait until the
//     object takes the first call; an error or an object already gone
//     ends it) before the resource's own steps;
//   - move.go: MoveStateFrom, the MoveState of a resource that takes over
//     another provider's objects (moved blocks): the source state read
//     from its JSON, unknown attributes logged and ignored, no API call;
//     Mover (made by MovesFrom), which a resource embeds to have it;
//   - crud.go: how every Create, Update and Delete starts (Begin: Load
//     reads the request's plan, state or configuration and gets the API
//     client, and ctx is bounded by the operation's timeout, the
//     resource's default from ResourceBase unless its timeouts attribute
//     sets one), Delete (the whole Delete of a resource whose destroy
//     needs only its id and release_on_destroy), RemoveGone (Read of an
//     object that is gone: warn and remove it from the state) and
//     Deletable (the first step of a destroy: an error, or already gone);
//   - create.go: GuardedCreate, the create of every resource through the one
//     create guard (internal/journal), which saves the id, the timeouts and
//     what Delete needs in the state the moment the id is known;
//   - resource_marks.go: the marks an operation leaves in the resource's
//     private state for the next plan and Update. The import mark (set by
//     WithImportByID) and AdoptImported, with which the first Update after
//     an import adopts the arguments the API never reports without calling
//     it; and how a create that Ctrl-C cut short is finished in place
//     by the next apply instead of being replaced: CreateWaitFailed ends a
//     Create whose wait failed (kept untainted with the mark after Ctrl-C,
//     else an error, and tainted), FinishCreate starts the Update that
//     finishes it; and the mark of a destroy cut short with its object in
//     the recycle bin (set by Delete): Read keeps such an object in the
//     state (Finder.InBin) instead of dropping it as gone, and
//     Finder.PlanFinishDestroy makes the next plan replace it (PlanReplace,
//     which every replacement through status uses), so that it is
//     released from the bin as release_on_destroy asks;
//     HoldMarks starts every Update by holding the marks of its request in
//     the journal until it returns, and Read puts back the marks of an
//     Update whose provider process died (Terraform then keeps no private
//     state);
//   - step_marks.go: Marks.Sending, Marks.Sent and StepMarkOf, so that a
//     step that must not be sent twice (a BMC reinstall) and that such an
//     Update had sent is waited for, not sent again, and one whose answer
//     it never read is sent only if the object shows no sign of it;
//   - action.go: what every action (terraform apply -invoke, a resource's
//     action_trigger; Terraform 1.14+) shares: ActionBase (type name,
//     clients, default timeout), BeginInvoke (configuration, client, the
//     invoke deadline of timeouts.invoke, and a ctx whose waits report
//     every status change as the action's progress), Invocation (progress
//     messages and the error of an action cut short);
//   - action_power.go: PowerAction, the instance power action of every
//     cloud (start, stop, reboot) from its PowerSpec: schema, force,
//     the first read, progress and errors written once, the cloud's
//     operations its own; RebootWait and RebootBegun (a reboot seen to
//     begin, or a warning).
//
// It may import the framework, internal/conns, internal/journal and
// internal/wait; it must not import a cloud's API client
// (internal/zenlayer, internal/huaweicloud) or a service package.
package framework
