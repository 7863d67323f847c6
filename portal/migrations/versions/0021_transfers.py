"""transfer of a request to the competent authority (APA 434/2003 §21): the "transferred"
state and where each request went

Revision ID: 0021_transfers
Revises: 0020_openness_procedure
"""

from alembic import op
import sqlalchemy as sa
import portal.db


revision = "0021_transfers"
down_revision = "0020_openness_procedure"
branch_labels = None
depends_on = None


OLD_STATES = "('unconfirmed', 'received', 'info_requested', 'completed', 'refused', 'withdrawn')"
NEW_STATES = ("('unconfirmed', 'received', 'info_requested', 'completed', 'refused', 'withdrawn', "
              "'transferred')")


def _states(states: str) -> None:
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_data_requests_state'), type_='check')
        batch_op.create_check_constraint(op.f('ck_data_requests_state'), f"state IN {states}")


def upgrade() -> None:
    _states(NEW_STATES)
    op.create_table('request_transfers',
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('authority_name', sa.String(length=200), nullable=False),
    sa.Column('authority_email', sa.String(length=254), nullable=False),
    sa.Column('authority_address', sa.Text(), server_default='', nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('transferred_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('with_files', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['data_requests.id'], name=op.f('fk_request_transfers_request_id_data_requests'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_users.id'], name=op.f('fk_request_transfers_staff_id_staff_users')),
    sa.PrimaryKeyConstraint('request_id', name=op.f('pk_request_transfers'))
    )


def downgrade() -> None:
    op.drop_table('request_transfers')
    op.execute("UPDATE data_requests SET state = 'completed' WHERE state = 'transferred'")
    _states(OLD_STATES)
