-- lint-rules: duplicate-column
-- expect: duplicate-column
COPY orders (id, status, status) FROM STDIN;
-- expect: duplicate-column
MERGE INTO orders o USING (SELECT gen_random_uuid() AS id) s ON o.id = s.id
  WHEN MATCHED THEN UPDATE SET note = 'merged', note = 'twice';
MERGE INTO orders o USING (SELECT gen_random_uuid() AS id) s ON o.id = s.id
  WHEN MATCHED THEN UPDATE SET note = 'merged'
  WHEN NOT MATCHED THEN INSERT (id, status) VALUES (s.id, 'new');
