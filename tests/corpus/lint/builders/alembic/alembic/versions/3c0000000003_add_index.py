# lint-rules: create-index-non-concurrent, concurrently-in-transaction
"""add indexes"""
from alembic import op

revision = "3c0000000003"
down_revision = "2b0000000002"


def upgrade():
    # expect: create-index-non-concurrent
    op.create_index("ix_users_name", "users", ["name"])
    with op.get_context().autocommit_block():
        op.create_index(op.f("ix_users_score"), "users", ["score"], postgresql_concurrently=True)


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index(op.f("ix_users_score"), table_name="users", postgresql_concurrently=True)
    op.drop_index("ix_users_name", table_name="users")
