"""create orders

Revision ID: a1b2c3d4e5f6
Revises:
"""
from alembic import op

revision = "a1b2c3d4e5f6"
down_revision = None


def upgrade() -> None:
    op.execute("CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL, deleted_at timestamptz)")


def downgrade() -> None:
    op.execute("DROP TABLE orders")
