"""Staff sign-in rules: argon2id passwords, TOTP codes (RFC 6238), throttling, reset links.

Every failure is the same failure to the caller (wrong e-mail, password or code all read
"could not sign in"), so the form reveals neither which accounts exist nor which factor was
wrong. A TOTP code is accepted once: its time step must be newer than the last one used, and
the step is claimed by one conditional UPDATE, so parallel sign-ins cannot share a code.

Failures are counted per typed e-mail address and client address (ASVS 2.2.1), for unknown
addresses exactly as for real ones: the pair is locked after ``LOCK_AFTER`` failures, each lock
twice as long as the one before. Someone guessing from elsewhere slows only themselves; the
real user, from their own address, still signs in with the right password and code.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import datetime, timedelta

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..dsr.tokens import hash_token, new_token
from ..notices.models import Controller
from .models import ROLES, SignInThrottle, StaffUser, staff_controllers
from .passwords import is_common

ISSUER = "Tietosuojaportaali"
MIN_PASSWORD = 12
LOCK_AFTER = 5
LOCK_FOR = timedelta(minutes=15)
LONGEST_LOCK = timedelta(hours=24)
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
    """Too many failed attempts from this address for this e-mail address; wait a while."""


class WeakPassword(AccountError):
    """A password shorter than ``MIN_PASSWORD`` characters."""


class CommonPassword(WeakPassword):
    """A password on the list of common and breached passwords, or a trivial variant of one."""


class UnknownController(AccountError):
    """``--org`` names no controller."""


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise WeakPassword()
    if is_common(password):
        raise CommonPassword()


def create_staff(session: Session, *, email: str, password: str, role: str,
                 controller_slugs: list[str], name: str = "", locale: str = "fi",
                 decision_maker: bool | None = None) -> StaffUser:
    """A new account; a DPO decides by default, anyone else only when ``decision_maker``."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    check_password(password)
    controllers = list(session.scalars(
        select(Controller).where(Controller.slug.in_(controller_slugs))))
    if len(controllers) != len(set(controller_slugs)):
        raise UnknownController(", ".join(controller_slugs))
    user = StaffUser(email=email.strip().lower(), name=name, role=role, locale=locale,
                     password_hash=hasher.hash(password), totp_secret=pyotp.random_base32(),
                     controllers=controllers, session_token=secrets.token_hex(16),
                     decision_maker=role == "dpo" if decision_maker is None else decision_maker)
    session.add(user)
    session.flush()
    return user


def invite_staff(session: Session, *, email: str, role: str, controller_slugs: list[str],
                 name: str = "", locale: str = "fi", decision_maker: bool | None = None,
                 now: datetime) -> tuple[StaffUser, str]:
    """An account with no password yet and a link to set one and add the authenticator app.

    Nobody but the new staff member ever sees their password or TOTP secret: the admin who
    creates the account does not read them out (ASVS 2.3.1: initial secrets are not shared).
    """
    user = create_staff(session, email=email, password=secrets.token_urlsafe(MIN_PASSWORD),
                        role=role, controller_slugs=controller_slugs, name=name, locale=locale,
                        decision_maker=decision_maker)
    user.password_hash = ""  # no password matches until the link is used
    token, user.reset_token_hash = new_token()
    user.reset_expires_at = now + INVITE_VALID
    return user, token


def is_invited(user: StaffUser) -> bool:
    """Invited and not yet enrolled: the link also shows the authenticator key, once."""
    return not user.password_hash


def confirm_enrolment(session: Session, user: StaffUser, code: str, now: datetime) -> bool:
    """The invited person's app shows a valid code; that code cannot be used again."""
    return code_ok(session, user, code, now)


def provisioning_uri(user: StaffUser, secret: str | None = None) -> str:
    return pyotp.TOTP(secret or user.totp_secret).provisioning_uri(name=user.email,
                                                                    issuer_name=ISSUER)


def matching_step(secret: str, last_step: int, code: str, now: datetime) -> int | None:
    """The time step (now, or one either side for clock drift) whose code matches."""
    code = code.strip().replace(" ", "")
    if not code.isdigit() or len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    current = int(now.timestamp()) // TOTP_STEP
    for step in (current - 1, current, current + 1):
        if step > last_step and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def claim_step(session: Session, user: StaffUser, step: int) -> bool:
    """Record ``step`` as used unless a parallel sign-in already used it or a later one.

    One conditional UPDATE: the database lets only one of several racing transactions see
    ``totp_last_step < step`` (ASVS 2.8.4).
    """
    claimed = session.execute(
        update(StaffUser).where(StaffUser.id == user.id, StaffUser.totp_last_step < step)
        .values(totp_last_step=step).execution_options(synchronize_session=False))
    if claimed.rowcount != 1:
        return False
    session.refresh(user, ["totp_last_step"])
    return True


def code_ok(session: Session, user: StaffUser, code: str, now: datetime) -> bool:
    """A current code of the user's authenticator, spent by this call."""
    step = matching_step(user.totp_secret, user.totp_last_step, code, now)
    return step is not None and claim_step(session, user, step)


def _password_ok(user: StaffUser | None, password: str) -> bool:
    try:
        return hasher.verify(user.password_hash if user else _DUMMY_HASH, password) and bool(user)
    except (VerificationError, InvalidHashError):
        return False


def by_email(session: Session, email: str) -> StaffUser | None:
    return session.scalar(select(StaffUser).where(
        func.lower(StaffUser.email) == email.strip().lower()))


def throttle_key(email: str, address: str) -> str:
    """The hashed (typed e-mail address, client address) pair: neither is stored readable."""
    return hash_token(f"{email.strip().lower()}\n{address}")


def _count_failure(session: Session, key: str, now: datetime) -> None:
    """One more failure for the pair; lock it, for twice as long each time, after a series."""
    if session.get(SignInThrottle, key) is None:
        try:
            with session.begin_nested():
                session.add(SignInThrottle(key=key, updated_at=now))
        except IntegrityError:
            pass  # a parallel failure made the row first
    session.execute(update(SignInThrottle).where(SignInThrottle.key == key).values(
        failures=SignInThrottle.failures + 1, updated_at=now))
    row = session.get(SignInThrottle, key, populate_existing=True)
    if row.failures >= LOCK_AFTER:
        row.lockouts += 1
        row.locked_until = now + min(LOCK_FOR * 2 ** (row.lockouts - 1), LONGEST_LOCK)
        row.failures = 0


def authenticate(session: Session, email: str, password: str, code: str, *,
                 now: datetime, address: str) -> StaffUser:
    """Check all three factors; throttle failures per e-mail and client address.

    The caller commits even when this raises, so that failures are counted.
    """
    key = throttle_key(email, address)
    throttle = session.get(SignInThrottle, key)
    if throttle is not None and throttle.locked_until is not None and throttle.locked_until > now:
        raise AccountLocked()
    user = by_email(session, email)
    password_ok = _password_ok(user, password)
    if user is None or not user.active or not password_ok or not code_ok(session, user, code,
                                                                           now):
        _count_failure(session, key, now)
        raise SignInFailed()
    session.execute(delete(SignInThrottle).where(SignInThrottle.key == key))
    user.session_token = secrets.token_hex(16)
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
    return user


def forget_throttles(session: Session, *, now: datetime) -> int:
    """Delete the failure counts no lock depends on any more (run with retention)."""
    return session.execute(delete(SignInThrottle).where(
        SignInThrottle.updated_at < now - LONGEST_LOCK,
        (SignInThrottle.locked_until.is_(None)) | (SignInThrottle.locked_until < now),
    )).rowcount


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
    sign_out(user)


def colleagues(session: Session, controller_id: int) -> list[StaffUser]:
    """The active staff of a controller who can be assigned its requests.

    Editors keep notices and never see requests (GDPR Art. 5(1)(c)), so they are not offered.
    """
    return list(session.scalars(
        select(StaffUser).join(staff_controllers)
        .where(staff_controllers.c.controller_id == controller_id, StaffUser.active.is_(True),
               StaffUser.role != "editor")
        .order_by(StaffUser.name, StaffUser.email)))


def start_replacement(session: Session, user: StaffUser, password: str, code: str, *,
                      now: datetime, address: str) -> str:
    """After the password and a current code again, a new authenticator secret to enrol.

    Holding a session is not enough to read or change the second factor (ASVS 2.8.x, 3.7.1):
    the secret is shown once, here, and replaces the old one only after its first code.
    """
    key = throttle_key(user.email, address)
    throttle = session.get(SignInThrottle, key)
    if throttle is not None and throttle.locked_until is not None and throttle.locked_until > now:
        raise AccountLocked()
    if not _password_ok(user, password) or not code_ok(session, user, code, now):
        _count_failure(session, key, now)
        raise SignInFailed()
    user.totp_pending_secret = pyotp.random_base32()
    return user.totp_pending_secret


def finish_replacement(user: StaffUser, code: str, *, now: datetime) -> None:
    """Switch to the new authenticator if ``code`` comes from it; otherwise forget it."""
    pending, user.totp_pending_secret = user.totp_pending_secret, None
    step = matching_step(pending, 0, code, now) if pending else None
    if step is None:
        raise SignInFailed()
    user.totp_secret = pending
    user.totp_last_step = max(user.totp_last_step, step)
