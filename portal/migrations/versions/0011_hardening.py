"""hardening: audit entries per organisation, sign-in throttles, pending authenticator,
outbox template, search texts

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29 08:40:00
"""

from alembic import op
import sqlalchemy as sa
import portal.db


revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _fill_search_texts() -> None:
    """Index the versions published before this revision, as publishing now does."""
    from portal.notices.search import search_texts

    connection = op.get_bind()
    versions = sa.table("notice_versions", sa.column("id", sa.Integer),
                        sa.column("content", sa.JSON))
    texts = sa.table("notice_search_texts", sa.column("version_id", sa.Integer),
                     sa.column("locale", sa.String), sa.column("text", sa.Text))
    rows = [{"version_id": version_id, "locale": locale, "text": text}
            for version_id, content in connection.execute(sa.select(versions.c.id,
                                                                    versions.c.content))
            for locale, text in search_texts(content).items()]
    if rows:
        connection.execute(texts.insert(), rows)


def _link_staff_entries() -> None:
    """Give every existing staff.* entry the organisations its staff member serves now."""
    op.execute(
        "INSERT INTO audit_entry_controllers (entry_id, controller_id) "
        "SELECT a.id, sc.controller_id FROM audit_entries a "
        "JOIN staff_controllers sc ON a.target = 'staff:' || CAST(sc.staff_id AS VARCHAR(20)) "
        "WHERE a.action LIKE 'staff.%'")


def upgrade() -> None:
    op.create_table('audit_entry_controllers',
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('controller_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['controller_id'], ['controllers.id'], name=op.f('fk_audit_entry_controllers_controller_id_controllers')),
    sa.ForeignKeyConstraint(['entry_id'], ['audit_entries.id'], name=op.f('fk_audit_entry_controllers_entry_id_audit_entries')),
    sa.PrimaryKeyConstraint('entry_id', 'controller_id', name=op.f('pk_audit_entry_controllers'))
    )
    with op.batch_alter_table('audit_entry_controllers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_controllers_controller_id'), ['controller_id'], unique=False)
    _link_staff_entries()

    op.create_table('sign_in_throttles',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('lockouts', sa.Integer(), nullable=False),
    sa.Column('locked_until', portal.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('updated_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_sign_in_throttles'))
    )
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('totp_pending_secret', sa.String(length=64), nullable=True))
        batch_op.drop_column('failed_logins')
        batch_op.drop_column('locked_until')

    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('template', sa.String(length=32), nullable=False, server_default=''))
        batch_op.create_index(batch_op.f('ix_outbox_template'), ['template'], unique=False)

    op.create_table('notice_search_texts',
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['version_id'], ['notice_versions.id'], name=op.f('fk_notice_search_texts_version_id_notice_versions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('version_id', 'locale', name=op.f('pk_notice_search_texts'))
    )
    _fill_search_texts()


def downgrade() -> None:
    op.drop_table('notice_search_texts')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_template'))
        batch_op.drop_column('template')
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('locked_until', portal.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('failed_logins', sa.Integer(), nullable=False, server_default='0'))
        batch_op.drop_column('totp_pending_secret')
    op.drop_table('sign_in_throttles')
    with op.batch_alter_table('audit_entry_controllers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_controllers_controller_id'))
    op.drop_table('audit_entry_controllers')
