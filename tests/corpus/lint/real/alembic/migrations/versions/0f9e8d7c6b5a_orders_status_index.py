# lint-rules: concurrently-in-transaction, create-index-non-concurrent
"""index orders by status

Revision ID: 0f9e8d7c6b5a
Revises: a1b2c3d4e5f6
"""
from alembic import op

revision = "0f9e8d7c6b5a"
down_revision = "a1b2c3d4e5f6"


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status)")


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx")
