"""business id of a controller

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-29 09:40:00
"""

from alembic import op
import sqlalchemy as sa


revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('controllers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('business_id', sa.String(length=9), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('controllers', schema=None) as batch_op:
        batch_op.drop_column('business_id')
