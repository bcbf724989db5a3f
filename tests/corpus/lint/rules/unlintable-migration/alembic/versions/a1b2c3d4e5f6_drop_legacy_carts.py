# lint-rules: unlintable-migration, drop-table, drop-column
"""drop legacy carts

Revision ID: a1b2c3d4e5f6
"""
from alembic import op

revision = "a1b2c3d4e5f6"
down_revision = None


def upgrade():
    # expect: drop-table
    op.execute("DROP TABLE legacy_carts")
    op.execute("ALTER TABLE orders ADD COLUMN cart_snapshot jsonb")


def downgrade():
    op.execute("ALTER TABLE orders DROP COLUMN cart_snapshot")
    op.execute("CREATE TABLE legacy_carts (id uuid PRIMARY KEY)")
