"""letters to post to a requester who has no e-mail address, with their enclosures

Revision ID: 0022_postal_letters
Revises: 0021_transfers
"""

from alembic import op
import sqlalchemy as sa
import portal.db


revision = "0022_postal_letters"
down_revision = "0021_transfers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('postal_letters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('created_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('template', sa.String(length=32), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('posted_on', sa.Date(), nullable=True),
    sa.Column('posted_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['posted_by'], ['staff_users.id'], name=op.f('fk_postal_letters_posted_by_staff_users')),
    sa.ForeignKeyConstraint(['request_id'], ['data_requests.id'], name=op.f('fk_postal_letters_request_id_data_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_postal_letters'))
    )
    with op.batch_alter_table('postal_letters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_postal_letters_request_id'), ['request_id'], unique=False)
    op.create_table('postal_enclosures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('letter_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('mimetype', sa.String(length=100), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['letter_id'], ['postal_letters.id'], name=op.f('fk_postal_enclosures_letter_id_postal_letters'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_postal_enclosures'))
    )
    with op.batch_alter_table('postal_enclosures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_postal_enclosures_letter_id'), ['letter_id'], unique=False)


def downgrade() -> None:
    op.drop_table('postal_enclosures')
    op.drop_table('postal_letters')
