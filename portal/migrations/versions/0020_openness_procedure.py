"""openness_procedure: the official's answer and the written decision (Openness Act §14(3))

Revision ID: 0020_openness_procedure
Revises: 0019_identity_settings
Create Date: 2026-11-29 15:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = "0020_openness_procedure"
down_revision = "0019_identity_settings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('openness_step', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('openness_asked_on', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.drop_column('openness_asked_on')
        batch_op.drop_column('openness_step')
