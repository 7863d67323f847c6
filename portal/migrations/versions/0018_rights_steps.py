"""each right's steps: restriction of processing from a day until lifted (GDPR Art. 18);
withdrawal of consent (Art. 7(3)) as a seventh kind of request; the requester asks to be told
the recipients (Art. 19)

Revision ID: 0018_rights_steps
Revises: 0017_openness
"""

from alembic import op
import sqlalchemy as sa


revision = "0018_rights_steps"
down_revision = "0017_openness"
branch_labels = None
depends_on = None


OLD_RIGHTS = "('access', 'rectification', 'erasure', 'restriction', 'objection', 'portability')"
NEW_RIGHTS = ("('access', 'rectification', 'erasure', 'restriction', 'objection', 'portability', "
              "'consent')")


def _rights(codes: str) -> None:
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_data_requests_right_code'), type_='check')
        batch_op.create_check_constraint(op.f('ck_data_requests_right_code'), f"right_code IN {codes}")


def upgrade() -> None:
    _rights(NEW_RIGHTS)
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('restricted_since', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('restriction_told_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('restriction_lifted_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('wants_recipients', sa.Boolean(), server_default='0',
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.drop_column('wants_recipients')
        batch_op.drop_column('restriction_lifted_on')
        batch_op.drop_column('restriction_told_on')
        batch_op.drop_column('restricted_since')
    _rights(OLD_RIGHTS)
