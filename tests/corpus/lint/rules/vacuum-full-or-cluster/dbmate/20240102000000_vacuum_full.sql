-- lint-rules: vacuum-full-or-cluster
-- migrate:up
-- also fails: VACUUM cannot run inside the transaction dbmate opens
-- expect: vacuum-full-or-cluster
VACUUM FULL orders;

-- migrate:down
