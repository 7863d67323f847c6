"""notice drafts

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22 04:46:31.393414
"""

from alembic import op
import sqlalchemy as sa
import portal.db


revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('notice_drafts',
    sa.Column('register_id', sa.Integer(), nullable=False),
    sa.Column('content', sa.JSON(), nullable=False),
    sa.Column('based_on', sa.Integer(), nullable=True),
    sa.Column('updated_by', sa.Integer(), nullable=True),
    sa.Column('updated_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('lock', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['register_id'], ['registers.id'], name=op.f('fk_notice_drafts_register_id_registers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by'], ['staff_users.id'], name=op.f('fk_notice_drafts_updated_by_staff_users')),
    sa.PrimaryKeyConstraint('register_id', name=op.f('pk_notice_drafts'))
    )
    with op.batch_alter_table('notice_versions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('published_by', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_notice_versions_published_by_staff_users'), 'staff_users', ['published_by'], ['id'])



def downgrade() -> None:
    with op.batch_alter_table('notice_versions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_notice_versions_published_by_staff_users'), type_='foreignkey')
        batch_op.drop_column('published_by')

    op.drop_table('notice_drafts')
