// Package register is the counter's Register screen: walk-in workers, one search box with
// today's sign-ins under it, the registration form and its duplicate check, a worker's page
// (details, history, status, training wishes and rights cases) and service visits.
//
// The Model routes between one sub-model per view (search.go, form.go, dup.go, card.go,
// page.go, visit.go, rights.go); every store call is a command in load.go. It must not write
// SQL or read the store from View, and it keeps no state outside the Model.
package register
