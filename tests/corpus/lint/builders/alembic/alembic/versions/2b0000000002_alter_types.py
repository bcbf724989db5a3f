# lint-rules: alter-column-type
"""alter types"""
import sqlalchemy as sa
from alembic import op

revision = "2b0000000002"
down_revision = "1a0000000001"


def upgrade():
    # VARCHAR(100) to TEXT only touches the catalog: the replayed schema knows the old type
    op.alter_column("users", "name", type_=sa.Text(), existing_nullable=True)
    # expect: alter-column-type
    op.alter_column("users", "score", type_=sa.BigInteger(), existing_nullable=True)


def downgrade():
    # expect: alter-column-type
    op.alter_column("users", "score", type_=sa.Integer())
    # narrowing TEXT back to VARCHAR(100) checks every row
    # expect: alter-column-type
    op.alter_column("users", "name", type_=sa.String(length=100))
