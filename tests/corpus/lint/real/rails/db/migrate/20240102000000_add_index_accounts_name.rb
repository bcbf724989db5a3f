# lint-rules: concurrently-in-transaction, create-index-non-concurrent
class AddIndexAccountsName < ActiveRecord::Migration[7.2]
  disable_ddl_transaction!

  def up
    execute <<~SQL
      CREATE INDEX CONCURRENTLY IF NOT EXISTS index_accounts_on_name ON accounts (name);
    SQL
  end

  def down
    execute "DROP INDEX CONCURRENTLY IF EXISTS index_accounts_on_name;"
  end
end
