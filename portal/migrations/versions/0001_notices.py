"""notices: controllers, registers, versions, renditions

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 02:45:24.330063
"""

from alembic import op
import sqlalchemy as sa
import portal.db


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('controllers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=64), nullable=False),
    sa.Column('name', sa.JSON(), nullable=False),
    sa.Column('address', sa.JSON(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('phone', sa.String(length=64), nullable=False),
    sa.Column('website', sa.String(length=500), nullable=False),
    sa.Column('dpo_email', sa.String(length=254), nullable=False),
    sa.Column('dpo_phone', sa.String(length=64), nullable=False),
    sa.Column('created_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_controllers')),
    sa.UniqueConstraint('slug', name=op.f('uq_controllers_slug'))
    )
    op.create_table('registers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('controller_id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=64), nullable=False),
    sa.Column('listed', sa.Boolean(), nullable=False),
    sa.Column('created_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['controller_id'], ['controllers.id'], name=op.f('fk_registers_controller_id_controllers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registers')),
    sa.UniqueConstraint('slug', name=op.f('uq_registers_slug'))
    )
    with op.batch_alter_table('registers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_registers_controller_id'), ['controller_id'], unique=False)

    op.create_table('notice_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('register_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('content', sa.JSON(), nullable=False),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('published_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['register_id'], ['registers.id'], name=op.f('fk_notice_versions_register_id_registers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notice_versions')),
    sa.UniqueConstraint('register_id', 'number', name=op.f('uq_notice_versions_register_id'))
    )
    with op.batch_alter_table('notice_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notice_versions_register_id'), ['register_id'], unique=False)

    op.create_table('notice_renditions',
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('build', sa.String(length=16), nullable=False),
    sa.Column('body', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['version_id'], ['notice_versions.id'], name=op.f('fk_notice_renditions_version_id_notice_versions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('version_id', 'locale', 'kind', 'build', name=op.f('pk_notice_renditions'))
    )
    


def downgrade() -> None:
    
    op.drop_table('notice_renditions')
    with op.batch_alter_table('notice_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notice_versions_register_id'))

    op.drop_table('notice_versions')
    with op.batch_alter_table('registers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_registers_controller_id'))

    op.drop_table('registers')
    op.drop_table('controllers')
    
