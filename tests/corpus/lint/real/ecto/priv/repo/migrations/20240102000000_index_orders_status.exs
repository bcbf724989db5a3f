# lint-rules: concurrently-in-transaction, create-index-non-concurrent
defmodule Shop.Repo.Migrations.IndexOrdersStatus do
  use Ecto.Migration

  @disable_ddl_transaction true
  @disable_migration_lock true

  def up do
    execute("""
    CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_index
    ON public.orders (status)
    """)
  end

  def down do
    execute("DROP INDEX CONCURRENTLY IF EXISTS public.orders_status_index")
  end
end
