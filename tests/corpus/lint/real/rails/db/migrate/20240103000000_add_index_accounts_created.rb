# lint-rules: concurrently-in-transaction
class AddIndexAccountsCreated < ActiveRecord::Migration[7.2]
  def up
    execute <<~SQL
      -- expect: concurrently-in-transaction
      CREATE INDEX CONCURRENTLY index_accounts_on_id_name ON accounts (id, name);
    SQL
  end
end
