"""openness: the law a request is made under (GDPR or the Openness Act 621/1999)

Revision ID: 0017_openness
Revises: 0016_case_records
Create Date: 2026-11-29 11:30:00
"""

from alembic import op
import sqlalchemy as sa


revision = "0017_openness"
down_revision = "0016_case_records"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('law', sa.String(length=16), server_default='gdpr', nullable=False))
        batch_op.create_check_constraint(op.f('ck_data_requests_law'), "law IN ('gdpr', 'openness')")


def downgrade() -> None:
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_data_requests_law'), type_='check')
        batch_op.drop_column('law')
