"""workflow: assignee, status links, response documents

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 03:42:02.713123
"""

from alembic import op
import sqlalchemy as sa
import portal.db


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('response_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('created_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('mimetype', sa.String(length=100), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['data_requests.id'], name=op.f('fk_response_documents_request_id_data_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_response_documents'))
    )
    with op.batch_alter_table('response_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_response_documents_request_id'), ['request_id'], unique=False)

    op.create_table('status_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['data_requests.id'], name=op.f('fk_status_links_request_id_data_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_links')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_status_links_token_hash'))
    )
    with op.batch_alter_table('status_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_status_links_request_id'), ['request_id'], unique=False)

    # Existing status links move to their own table before the column goes.
    op.execute("INSERT INTO status_links (request_id, token_hash, created_at) "
               "SELECT id, status_token_hash, confirmed_at FROM data_requests "
               "WHERE status_token_hash IS NOT NULL")
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('assignee_id', sa.Integer(), nullable=True))
        batch_op.drop_constraint(batch_op.f('uq_data_requests_status_token_hash'), type_='unique')
        batch_op.create_index(batch_op.f('ix_data_requests_assignee_id'), ['assignee_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_data_requests_assignee_id_staff_users'), 'staff_users', ['assignee_id'], ['id'])
        batch_op.drop_column('status_token_hash')

    


def downgrade() -> None:
    
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status_token_hash', sa.VARCHAR(length=64), nullable=True))
        batch_op.drop_constraint(batch_op.f('fk_data_requests_assignee_id_staff_users'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_data_requests_assignee_id'))
        batch_op.create_unique_constraint(batch_op.f('uq_data_requests_status_token_hash'), ['status_token_hash'])
        batch_op.drop_column('assignee_id')
    op.execute("UPDATE data_requests SET status_token_hash = (SELECT min(token_hash) FROM "
               "status_links WHERE status_links.request_id = data_requests.id)")

    with op.batch_alter_table('status_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_status_links_request_id'))

    op.drop_table('status_links')
    with op.batch_alter_table('response_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_response_documents_request_id'))

    op.drop_table('response_documents')
    
