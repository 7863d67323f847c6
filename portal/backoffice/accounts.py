"""Staff sign-in rules: argon2id passwords, TOTP codes (RFC 6238), lockout, reset links.

Every failure is the same failure to the caller (wrong e-mail, password or code all read
"could not sign in"), so the form reveals neither which accounts exist nor which factor was
wrong. A TOTP code is accepted once: its time step must be newer than the last one used.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import datetime, timedelta

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..dsr.tokens import hash_token, new_token
from ..notices.models import Controller
from .models import ROLES, StaffUser, staff_controllers

ISSUER = "Tietosuojaportaali"
MIN_PASSWORD = 12
LOCK_AFTER = 5
LOCK_FOR = timedelta(minutes=15)
RESET_VALID = timedelta(hours=1)
#: An invitation waits longer than a reset: a new colleague may start after a weekend.
INVITE_VALID = timedelta(days=7)
TOTP_STEP = 30

hasher = PasswordHasher()
_DUMMY_HASH = hasher.hash(secrets.token_hex(16))


class AccountError(Exception):
    """Base of the staff account errors."""


class SignInFailed(AccountError):
    """Wrong e-mail, password or code: the caller is not told which."""


class AccountLocked(AccountError):
    """Too many failed attempts; the account opens again after ``LOCK_FOR``."""


class WeakPassword(AccountError):
    """A password shorter than ``MIN_PASSWORD`` characters."""


class UnknownController(AccountError):
    """``--org`` names no controller."""


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise WeakPassword()


def create_staff(session: Session, *, email: str, password: str, role: str,
                 controller_slugs: list[str], name: str = "", locale: str = "fi") -> StaffUser:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    check_password(password)
    controllers = list(session.scalars(
        select(Controller).where(Controller.slug.in_(controller_slugs))))
    if len(controllers) != len(set(controller_slugs)):
        raise UnknownController(", ".join(controller_slugs))
    user = StaffUser(email=email.strip().lower(), name=name, role=role, locale=locale,
                     password_hash=hasher.hash(password), totp_secret=pyotp.random_base32(),
                     controllers=controllers, session_token=secrets.token_hex(16))
    session.add(user)
    session.flush()
    return user


def invite_staff(session: Session, *, email: str, role: str, controller_slugs: list[str],
                 name: str = "", locale: str = "fi", now: datetime) -> tuple[StaffUser, str]:
    """An account with no password yet and a link to set one and add the authenticator app.

    Nobody but the new staff member ever sees their password or TOTP secret: the admin who
    creates the account does not read them out (ASVS 2.3.1: initial secrets are not shared).
    """
    user = create_staff(session, email=email, password=secrets.token_urlsafe(MIN_PASSWORD),
                        role=role, controller_slugs=controller_slugs, name=name, locale=locale)
    user.password_hash = ""  # no password matches until the link is used
    token, user.reset_token_hash = new_token()
    user.reset_expires_at = now + INVITE_VALID
    return user, token


def is_invited(user: StaffUser) -> bool:
    """Invited and not yet enrolled: the link also shows the authenticator key, once."""
    return not user.password_hash


def confirm_enrolment(user: StaffUser, code: str, now: datetime) -> bool:
    """The invited person's app shows a valid code; that code cannot be used again."""
    step = _matching_step(user, code, now)
    if step is None:
        return False
    user.totp_last_step = step
    return True


def provisioning_uri(user: StaffUser) -> str:
    return pyotp.TOTP(user.totp_secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def _matching_step(user: StaffUser, code: str, now: datetime) -> int | None:
    """The time step (now, or one either side for clock drift) whose code matches."""
    code = code.strip().replace(" ", "")
    if not code.isdigit() or len(code) != 6:
        return None
    totp = pyotp.TOTP(user.totp_secret)
    current = int(now.timestamp()) // TOTP_STEP
    for step in (current - 1, current, current + 1):
        if step > user.totp_last_step and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _password_ok(user: StaffUser | None, password: str) -> bool:
    try:
        return hasher.verify(user.password_hash if user else _DUMMY_HASH, password) and bool(user)
    except (VerificationError, InvalidHashError):
        return False


def by_email(session: Session, email: str) -> StaffUser | None:
    return session.scalar(select(StaffUser).where(
        func.lower(StaffUser.email) == email.strip().lower()))


def authenticate(session: Session, email: str, password: str, code: str, *,
                 now: datetime) -> StaffUser:
    """Check all three factors; count failures and lock the account after ``LOCK_AFTER``.

    The caller commits even when this raises, so that failures are counted.
    """
    user = by_email(session, email)
    if user is not None and user.locked_until is not None and user.locked_until > now:
        raise AccountLocked()
    password_ok = _password_ok(user, password)
    step = _matching_step(user, code, now) if user is not None else None
    if user is None or not user.active or not password_ok or step is None:
        if user is not None:
            user.failed_logins += 1
            if user.failed_logins >= LOCK_AFTER:
                user.locked_until, user.failed_logins = now + LOCK_FOR, 0
        raise SignInFailed()
    user.failed_logins, user.locked_until, user.totp_last_step = 0, None, step
    user.session_token = secrets.token_hex(16)
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
    return user


def sign_out(user: StaffUser) -> None:
    """Invalidate every session cookie of this user."""
    user.session_token = secrets.token_hex(16)


def start_reset(session: Session, email: str, *, now: datetime) -> tuple[StaffUser, str] | None:
    """A single-use reset token for an active account; None when there is no such account."""
    user = by_email(session, email)
    if user is None or not user.active:
        return None
    token, user.reset_token_hash = new_token()
    user.reset_expires_at = now + RESET_VALID
    return user, token


def user_for_reset(session: Session, token: str, *, now: datetime) -> StaffUser:
    user = session.scalar(select(StaffUser).where(StaffUser.reset_token_hash == hash_token(token)))
    if user is None or user.reset_expires_at is None or user.reset_expires_at < now:
        raise SignInFailed()
    return user


def finish_reset(user: StaffUser, password: str) -> None:
    check_password(password)
    user.password_hash = hasher.hash(password)
    user.reset_token_hash = user.reset_expires_at = None
    user.failed_logins, user.locked_until = 0, None
    sign_out(user)


def colleagues(session: Session, controller_id: int) -> list[StaffUser]:
    """The active staff of a controller, who can be assigned its requests."""
    return list(session.scalars(
        select(StaffUser).join(staff_controllers)
        .where(staff_controllers.c.controller_id == controller_id, StaffUser.active.is_(True))
        .order_by(StaffUser.name, StaffUser.email)))
