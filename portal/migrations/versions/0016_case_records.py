"""representatives, fees, retention per controller, legal holds and archive export of cases

Revision ID: 0016_case_records
Revises: 0015
"""

from alembic import op
import sqlalchemy as sa
import portal.db


revision = "0016_case_records"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('controllers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('retention', sa.JSON(), nullable=False, server_default=sa.text("'{}'")))
        batch_op.add_column(sa.Column('fee_texts', sa.JSON(), nullable=False, server_default=sa.text("'{}'")))
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('represented_name', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('authority', sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column('authority_verified_at', portal.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('authority_verified_by', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('authority_note', sa.Text(), nullable=False, server_default=''))
        batch_op.create_foreign_key(batch_op.f('fk_data_requests_authority_verified_by_staff_users'), 'staff_users', ['authority_verified_by'], ['id'])
        batch_op.add_column(sa.Column('fee_ground', sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column('fee_cents', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('fee_reasons', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('legal_hold', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('legal_hold_note', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('exported_at', portal.db.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.drop_column('exported_at')
        batch_op.drop_column('legal_hold_note')
        batch_op.drop_column('legal_hold')
        batch_op.drop_column('fee_reasons')
        batch_op.drop_column('fee_cents')
        batch_op.drop_column('fee_ground')
        batch_op.drop_constraint(batch_op.f('fk_data_requests_authority_verified_by_staff_users'), type_='foreignkey')
        batch_op.drop_column('authority_note')
        batch_op.drop_column('authority_verified_by')
        batch_op.drop_column('authority_verified_at')
        batch_op.drop_column('authority')
        batch_op.drop_column('represented_name')
    with op.batch_alter_table('controllers', schema=None) as batch_op:
        batch_op.drop_column('fee_texts')
        batch_op.drop_column('retention')
