"""identity levels per register and right, delivery of answers, in-person verification,
lasting links to answers left for collection (issue 14)

Revision ID: 0019_identity_settings
Revises: 0018_rights_steps
"""

from alembic import op
import sqlalchemy as sa
import portal.db


revision = "0019_identity_settings"
down_revision = "0018_rights_steps"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('register_identification',
    sa.Column('register_id', sa.Integer(), nullable=False),
    sa.Column('levels', sa.JSON(), nullable=False),
    sa.Column('delivery', sa.String(length=16), server_default='attach', nullable=False),
    sa.Column('updated_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['register_id'], ['registers.id'], name=op.f('fk_register_identification_register_id_registers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('register_id', name=op.f('pk_register_identification'))
    )
    op.create_table('collection_codes',
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('expires_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['data_requests.id'], name=op.f('fk_collection_codes_request_id_data_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('request_id', name=op.f('pk_collection_codes'))
    )
    with op.batch_alter_table('request_identities') as batch:
        batch.add_column(sa.Column('verified_by', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('document_type', sa.String(length=32), server_default='', nullable=False))
        batch.create_foreign_key(op.f('fk_request_identities_verified_by_staff_users'), 'staff_users', ['verified_by'], ['id'])
    with op.batch_alter_table('status_links') as batch:
        batch.add_column(sa.Column('lasting', sa.Boolean(), server_default='0', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('status_links') as batch:
        batch.drop_column('lasting')
    with op.batch_alter_table('request_identities') as batch:
        batch.drop_constraint(op.f('fk_request_identities_verified_by_staff_users'), type_='foreignkey')
        batch.drop_column('document_type')
        batch.drop_column('verified_by')
    op.drop_table('collection_codes')
    op.drop_table('register_identification')
