-- lint-rules: enum-value-ordering
-- appended: 'urgent' sorts after 'high', which may be intended, but 'minimal' sorts last too
-- expect: enum-value-ordering
ALTER TYPE priority ADD VALUE 'minimal';
-- expect: enum-value-ordering
ALTER TYPE priority ADD VALUE IF NOT EXISTS 'urgent';
