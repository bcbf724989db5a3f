# lint-rules: missing-soft-delete-column, create-index-non-concurrent
class CreateAccounts < ActiveRecord::Migration[7.2]
  def up
    execute <<~SQL
      CREATE TABLE accounts (
        id         uuid PRIMARY KEY,
        name       text NOT NULL,
        is_deleted boolean NOT NULL DEFAULT false
      );
    SQL
  end

  def down
    execute "DROP TABLE accounts;"
  end
end
