"""staff accounts, audit trail, due dates

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 03:25:30.844547
"""

from alembic import op
import sqlalchemy as sa
import portal.db
from portal.deadlines import due_date


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('staff_users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('totp_secret', sa.String(length=64), nullable=False),
    sa.Column('totp_last_step', sa.Integer(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', portal.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('session_token', sa.String(length=64), nullable=False),
    sa.Column('reset_token_hash', sa.String(length=64), nullable=True),
    sa.Column('reset_expires_at', portal.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("role IN ('dpo', 'handler', 'editor', 'admin')", name=op.f('ck_staff_users_role')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_users')),
    sa.UniqueConstraint('email', name=op.f('uq_staff_users_email')),
    sa.UniqueConstraint('reset_token_hash', name=op.f('uq_staff_users_reset_token_hash'))
    )
    op.create_table('audit_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('target', sa.String(length=64), nullable=False),
    sa.Column('controller_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.JSON(), nullable=False),
    sa.Column('after', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['staff_users.id'], name=op.f('fk_audit_entries_actor_id_staff_users')),
    sa.ForeignKeyConstraint(['controller_id'], ['controllers.id'], name=op.f('fk_audit_entries_controller_id_controllers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entries'))
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entries_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entries_controller_id'), ['controller_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entries_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entries_target'), ['target'], unique=False)

    op.create_table('staff_controllers',
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('controller_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['controller_id'], ['controllers.id'], name=op.f('fk_staff_controllers_controller_id_controllers')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_users.id'], name=op.f('fk_staff_controllers_staff_id_staff_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('staff_id', 'controller_id', name=op.f('pk_staff_controllers'))
    )
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('due_on', sa.Date(), nullable=True))
        batch_op.create_index('ix_data_requests_queue', ['controller_id', 'state', 'due_on', 'id'], unique=False)

    # Requests confirmed before this revision get their due date. No staff could pause or
    # extend a request before it, so the receipt time alone decides (GDPR Art. 12(3)).
    requests = sa.table("data_requests", sa.column("id", sa.Integer),
                        sa.column("received_at", portal.db.UTCDateTime()),
                        sa.column("state", sa.String), sa.column("due_on", sa.Date))
    bind = op.get_bind()
    confirmed = bind.execute(sa.select(requests.c.id, requests.c.received_at)
                             .where(requests.c.state != "unconfirmed")).all()
    for request_id, received_at in confirmed:
        bind.execute(requests.update().where(requests.c.id == request_id)
                     .values(due_on=due_date(received_at)))


def downgrade() -> None:
    
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.drop_index('ix_data_requests_queue')
        batch_op.drop_column('due_on')

    op.drop_table('staff_controllers')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entries_target'))
        batch_op.drop_index(batch_op.f('ix_audit_entries_created_at'))
        batch_op.drop_index(batch_op.f('ix_audit_entries_controller_id'))
        batch_op.drop_index(batch_op.f('ix_audit_entries_actor_id'))

    op.drop_table('audit_entries')
    op.drop_table('staff_users')
    
