"""queue index by right

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22 05:25:48.667539
"""

from alembic import op
import sqlalchemy as sa
import portal.db


revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.create_index('ix_data_requests_queue_right', ['controller_id', 'state', 'right_code', 'due_on', 'id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.drop_index('ix_data_requests_queue_right')

