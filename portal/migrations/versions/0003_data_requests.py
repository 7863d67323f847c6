"""data requests

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 03:05:10.188020
"""

from alembic import op
import sqlalchemy as sa
import portal.db


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('data_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('controller_id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=80), nullable=True),
    sa.Column('right_code', sa.String(length=16), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=False),
    sa.Column('received_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('confirmed_at', portal.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('confirm_token_hash', sa.String(length=64), nullable=True),
    sa.Column('confirm_expires_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('status_token_hash', sa.String(length=64), nullable=True),
    sa.Column('submission_key', sa.String(length=64), nullable=False),
    sa.Column('extension_notified_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("right_code IN ('access', 'rectification', 'erasure', 'restriction', 'objection', 'portability')", name=op.f('ck_data_requests_right_code')),
    sa.CheckConstraint("state IN ('unconfirmed', 'received', 'info_requested', 'completed', 'refused', 'withdrawn')", name=op.f('ck_data_requests_state')),
    sa.ForeignKeyConstraint(['controller_id'], ['controllers.id'], name=op.f('fk_data_requests_controller_id_controllers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_data_requests')),
    sa.UniqueConstraint('confirm_token_hash', name=op.f('uq_data_requests_confirm_token_hash')),
    sa.UniqueConstraint('reference', name=op.f('uq_data_requests_reference')),
    sa.UniqueConstraint('status_token_hash', name=op.f('uq_data_requests_status_token_hash')),
    sa.UniqueConstraint('submission_key', name=op.f('uq_data_requests_submission_key'))
    )
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_data_requests_controller_id'), ['controller_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_data_requests_state'), ['state'], unique=False)

    op.create_table('reference_counters',
    sa.Column('controller_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['controller_id'], ['controllers.id'], name=op.f('fk_reference_counters_controller_id_controllers')),
    sa.PrimaryKeyConstraint('controller_id', 'year', name=op.f('pk_reference_counters'))
    )
    op.create_table('request_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('created_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('public', sa.Boolean(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['data_requests.id'], name=op.f('fk_request_events_request_id_data_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_request_events'))
    )
    with op.batch_alter_table('request_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_request_events_request_id'), ['request_id'], unique=False)

    op.create_table('request_registers',
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('register_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['register_id'], ['registers.id'], name=op.f('fk_request_registers_register_id_registers')),
    sa.ForeignKeyConstraint(['request_id'], ['data_requests.id'], name=op.f('fk_request_registers_request_id_data_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('request_id', 'register_id', name=op.f('pk_request_registers'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('request_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_outbox_request_id'), ['request_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_outbox_request_id_data_requests'), 'data_requests', ['request_id'], ['id'], ondelete='CASCADE')

    


def downgrade() -> None:
    
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_outbox_request_id_data_requests'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_outbox_request_id'))
        batch_op.drop_column('request_id')

    op.drop_table('request_registers')
    with op.batch_alter_table('request_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_request_events_request_id'))

    op.drop_table('request_events')
    op.drop_table('reference_counters')
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_data_requests_state'))
        batch_op.drop_index(batch_op.f('ix_data_requests_controller_id'))

    op.drop_table('data_requests')
    
