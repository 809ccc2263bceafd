"""agenda items of each case with the days they apply (formgen.register.dues)

Revision ID: 0004
Revises: 0003

The rows are derived from each case's newest revision; a register migrated
from 0003 gets them worked out here, so ``formgen agenda`` answers as before.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("from_day", sa.Date(), nullable=True),
        sa.Column("until_day", sa.Date(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("clause", sa.String(length=50), nullable=False),
        sa.Column("holder", sa.Text(), nullable=False),
        sa.Column("certificate", sa.String(length=100), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("dues", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dues_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dues_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_dues_until_day"), ["until_day"], unique=False)

    from formgen.register.dues import rebuild_dues

    rebuild_dues(Session(bind=op.get_bind()))


def downgrade() -> None:
    with op.batch_alter_table("dues", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dues_until_day"))
        batch_op.drop_index(batch_op.f("ix_dues_date"))
        batch_op.drop_index(batch_op.f("ix_dues_case_id"))
    op.drop_table("dues")
