"""strong identification of requesters

Revision ID: 0015
Revises: 0014
"""

from alembic import op
import sqlalchemy as sa
import portal.db


revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('request_identities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('eidas_level', sa.String(length=16), nullable=False),
    sa.Column('issuer', sa.String(length=200), nullable=False),
    sa.Column('identified_name', sa.String(length=200), nullable=False),
    sa.Column('birthdate', sa.String(length=10), nullable=False),
    sa.Column('code_encrypted', sa.LargeBinary(), nullable=True),
    sa.Column('identified_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['data_requests.id'], name=op.f('fk_request_identities_request_id_data_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_request_identities')),
    sa.UniqueConstraint('request_id', name=op.f('uq_request_identities_request_id'))
    )


def downgrade() -> None:
    op.drop_table('request_identities')
