create table public.sessions (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null,
    expires_at timestamptz not null,
    deleted_at timestamptz
);
