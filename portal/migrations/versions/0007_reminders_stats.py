"""reminders and statistics

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22 03:55:38.337936
"""

from alembic import op
import sqlalchemy as sa
import portal.db


revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('purged_request_facts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('controller_id', sa.Integer(), nullable=False),
    sa.Column('right_code', sa.String(length=16), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('extended', sa.Boolean(), nullable=False),
    sa.Column('days', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['controller_id'], ['controllers.id'], name=op.f('fk_purged_request_facts_controller_id_controllers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purged_request_facts'))
    )
    with op.batch_alter_table('purged_request_facts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_purged_request_facts_controller_id'), ['controller_id'], unique=False)

    op.create_table('reminder_log',
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_users.id'], name=op.f('fk_reminder_log_staff_id_staff_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('staff_id', 'day', name=op.f('pk_reminder_log'))
    )
    


def downgrade() -> None:
    
    op.drop_table('reminder_log')
    with op.batch_alter_table('purged_request_facts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purged_request_facts_controller_id'))

    op.drop_table('purged_request_facts')
    
