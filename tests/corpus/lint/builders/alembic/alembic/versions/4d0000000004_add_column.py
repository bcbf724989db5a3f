# lint-rules: add-column-not-null-no-default, rename-column
"""add status"""
import sqlalchemy as sa
from alembic import op

revision = "4d0000000004"
down_revision = "3c0000000003"


def upgrade():
    # expect: add-column-not-null-no-default
    op.add_column("users", sa.Column("status", sa.String(length=20), nullable=False))
    op.add_column("users", sa.Column("tier", sa.String(length=20), nullable=False, server_default="basic"))
    # expect: rename-column
    op.alter_column("users", "name", new_column_name="full_name")


def downgrade():
    op.alter_column("users", "full_name", new_column_name="name")
    op.drop_column("users", "tier")
    op.drop_column("users", "status")
