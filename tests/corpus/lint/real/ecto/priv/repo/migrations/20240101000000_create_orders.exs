defmodule Shop.Repo.Migrations.CreateOrders do
  use Ecto.Migration

  def change do
    execute(
      "CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL, deleted_at timestamptz)",
      "DROP TABLE orders"
    )
  end
end
