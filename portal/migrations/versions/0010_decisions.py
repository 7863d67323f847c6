"""decisions

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 08:05:08.292758
"""

from alembic import op
import sqlalchemy as sa
import portal.db


revision = "0010"
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('decision_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('mimetype', sa.String(length=100), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['data_requests.id'], name=op.f('fk_decision_files_request_id_data_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision_files'))
    )
    with op.batch_alter_table('decision_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_files_request_id'), ['request_id'], unique=False)

    with op.batch_alter_table('controllers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('public_authority', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('remedy', sa.JSON(), nullable=False, server_default=sa.text("'{}'")))
        batch_op.add_column(sa.Column('remedy_texts', sa.JSON(), nullable=False, server_default=sa.text("'{}'")))

    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('outcome', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('diary_number', sa.String(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('prepared_decision', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('prepared_by', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('decided_late', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.create_foreign_key(batch_op.f('fk_data_requests_prepared_by_staff_users'), 'staff_users', ['prepared_by'], ['id'])

    with op.batch_alter_table('letter_templates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('outcome', sa.String(length=16), nullable=False, server_default='granted'))
        batch_op.drop_constraint(batch_op.f('uq_letter_templates_controller_id'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_letter_templates_controller_id'), ['controller_id', 'right_code', 'outcome', 'locale'])

    with op.batch_alter_table('purged_request_facts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('decided_late', sa.Boolean(), nullable=False, server_default=sa.false()))

    with op.batch_alter_table('request_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('codes', sa.JSON(), nullable=False, server_default=sa.text("'[]'")))

    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('decision_maker', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('title', sa.JSON(), nullable=False, server_default=sa.text("'{}'")))

    # Existing rows: outcomes of requests already closed, and DPOs as decision makers.
    op.execute("UPDATE data_requests SET outcome = 'granted' WHERE state = 'completed'")
    op.execute("UPDATE data_requests SET outcome = 'refused' WHERE state = 'refused'")
    op.execute("UPDATE staff_users SET decision_maker = true WHERE role = 'dpo'")


def downgrade() -> None:
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.drop_column('title')
        batch_op.drop_column('decision_maker')

    with op.batch_alter_table('request_events', schema=None) as batch_op:
        batch_op.drop_column('codes')

    with op.batch_alter_table('purged_request_facts', schema=None) as batch_op:
        batch_op.drop_column('decided_late')

    with op.batch_alter_table('letter_templates', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_letter_templates_controller_id'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_letter_templates_controller_id'), ['controller_id', 'right_code', 'locale'])
        batch_op.drop_column('outcome')

    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_data_requests_prepared_by_staff_users'), type_='foreignkey')
        batch_op.drop_column('decided_late')
        batch_op.drop_column('prepared_by')
        batch_op.drop_column('prepared_decision')
        batch_op.drop_column('diary_number')
        batch_op.drop_column('outcome')

    with op.batch_alter_table('controllers', schema=None) as batch_op:
        batch_op.drop_column('remedy_texts')
        batch_op.drop_column('remedy')
        batch_op.drop_column('public_authority')

    with op.batch_alter_table('decision_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_files_request_id'))

    op.drop_table('decision_files')
