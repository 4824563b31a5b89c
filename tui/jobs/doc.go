// Package jobs is the Jobs screen: employers and jobs taken at the counter or on the phone,
// the lists of today's, upcoming and past jobs, and the edit, cancel and expire actions on them.
//
// The screen is a parent model (model.go, update.go, view.go) that routes between sub-models:
// the job list (list.go), the question asked over it before a job closes (prompt.go) and the
// job form (form.go with formkeys.go, formcheck.go, prefill.go, asked.go, rights.go and
// formview.go). Every store call is a command in load.go that answers with a message carrying
// the id of the request that asked, so a late answer never lands on the wrong state.
//
// It must not write SQL or decide the records' rules: the store validates and saves, and the
// form checks as typed only so that a problem shows at its field. View only renders.
package jobs
