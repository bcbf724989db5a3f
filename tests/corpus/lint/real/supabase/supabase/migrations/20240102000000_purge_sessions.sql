-- lint-rules: mutation-without-where
-- the DELETE in the body runs when the function is called: still an unbounded delete
-- expect: mutation-without-where
create or replace function public.purge_sessions()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from public.sessions;
end;
$$;

create or replace function public.clear_sessions() returns void language sql as $fn$
  delete from public.sessions
$fn$;

-- the statement itself, outside a function, runs now
-- expect: mutation-without-where
delete from public.sessions;
