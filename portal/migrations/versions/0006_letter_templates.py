"""letter templates

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 03:50:35.859705
"""

from alembic import op
import sqlalchemy as sa
import portal.db


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('letter_templates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('controller_id', sa.Integer(), nullable=False),
    sa.Column('right_code', sa.String(length=16), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('updated_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['controller_id'], ['controllers.id'], name=op.f('fk_letter_templates_controller_id_controllers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letter_templates')),
    sa.UniqueConstraint('controller_id', 'right_code', 'locale', name=op.f('uq_letter_templates_controller_id'))
    )
    


def downgrade() -> None:
    
    op.drop_table('letter_templates')
    
