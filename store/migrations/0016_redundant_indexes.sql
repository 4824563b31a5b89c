-- Two indexes of dispatches lead with the same column as a covering index that serves every
-- query they served (dispatches_created_cover leads with created_at, dispatches_start_cover
-- with starts_at). Each was one more B-tree to update on every dispatch and one more sort of a
-- district's million dispatches when the demo load builds its indexes again.
DROP INDEX IF EXISTS dispatches_created;
DROP INDEX IF EXISTS dispatches_start;
