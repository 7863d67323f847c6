"""Identification pages: start, the provider's return, the result, and the portal's JWKS.

The browser's session keeps only the one-time ``state``, ``nonce`` and PKCE verifier while it
is away, and on return who was identified and how strongly, the identity code only encrypted
with the key from the settings (the cookie is signed, not secret).
Every refusal clears the identification from the session and names its reason.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta

from flask import (
    abort,
    current_app,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from ..db import get_session, utcnow
from ..dsr.pauses import IDENTITY
from ..dsr.service import LinkInvalid, by_status_token, open_question
from ..extensions import limiter
from . import bp, client, collection, root_bp, service, tokens
from .keys import PortalKeys

PENDING = "oidc_pending"
IDENTIFIED = "identified"


def _settings():
    settings = current_app.config["PORTAL"]
    if not settings.identification_enabled:
        abort(404)
    return settings


def _keys(settings) -> PortalKeys:
    keys = current_app.extensions.get("portal_keys")
    if keys is None:
        keys = PortalKeys.load(settings.oidc_signing_keys, settings.oidc_encryption_keys)
        current_app.extensions["portal_keys"] = keys
    return keys


def _redirect_uri(settings) -> str:
    return f"{settings.base_url}{url_for('identity_root.callback')}"


@root_bp.get("/.well-known/jwks.json")
def jwks():
    """The portal's public keys, for the provider to check request objects and client
    assertions and to encrypt ID tokens."""
    settings = _settings()
    response = jsonify(_keys(settings).public_jwks())
    response.cache_control.max_age = 3600
    return response


@bp.get("/identify")
def start_page():
    settings = _settings()
    return render_template("identity/start.html", level=settings.oidc_level,
                           identified=session.get(IDENTIFIED))


@bp.get("/identify/start")
@limiter.limit("20 per hour")
def start():
    return _leave()


@bp.get("/requests/status/<token>/identify")
@limiter.limit("20 per hour")
def start_for_request(token: str):
    """Identify for a request already filed (its status page offers this while the request
    is at e-mail level); the status link proves the browser may act on the request."""
    try:
        request_by_status_token(token)
    except LinkInvalid:
        abort(404)
    return _leave(status_token=token)


def request_by_status_token(token: str):
    days = current_app.config["PORTAL"].status_link_days
    return by_status_token(get_session(), token[:200], now=utcnow(),
                           valid_after_closing=timedelta(days=days))


def _leave(**extra):
    settings = _settings()
    try:
        metadata = client.discover(settings.oidc_issuer)
    except client.ProviderError:
        return render_template("identity/refused.html", reason="provider"), 502
    url, pending = client.authorization_url(
        metadata, client_id=settings.oidc_client_id, keys=_keys(settings),
        redirect_uri=_redirect_uri(settings), scope=settings.oidc_scope,
        level=settings.oidc_level, locale=g.lang_code)
    session.pop(IDENTIFIED, None)
    session[PENDING] = {**asdict(pending), "lang": g.lang_code, **extra}
    return redirect(url, code=303)


@root_bp.get("/identify/callback")
@limiter.limit("20 per hour")
def callback():
    settings = _settings()
    pending = session.pop(PENDING, None)
    session.pop(IDENTIFIED, None)
    lang = (pending or {}).get("lang", "fi")
    g.lang_code = lang
    try:
        if not pending or request.args.get("state") != pending["state"]:
            raise tokens.Refused("state")
        if "error" in request.args or "code" not in request.args:
            raise tokens.Refused("cancelled")
        metadata = client.discover(settings.oidc_issuer)
        identity = client.exchange(
            metadata, client_id=settings.oidc_client_id, keys=_keys(settings),
            code=request.args["code"], redirect_uri=_redirect_uri(settings),
            pending=client.Pending(pending["state"], pending["nonce"], pending["code_verifier"]),
            level=settings.oidc_level)
    except tokens.Refused as refusal:
        current_app.logger.warning("identification refused: %s", refusal.reason)
        return render_template("identity/refused.html", reason=refusal.reason), 403
    except client.ProviderError:
        return render_template("identity/refused.html", reason="provider"), 502
    session[IDENTIFIED] = service.for_session(identity, settings.identity_code_key)
    token = pending.get("status_token")
    if token is None:
        return redirect(url_for("identity.start_page", lang_code=lang), code=303)
    try:
        data_request = request_by_status_token(token)
    except LinkInvalid:
        return render_template("identity/refused.html", reason="state"), 403
    db_session = get_session()
    row = service.of_request(db_session, data_request.id)
    if row is None:
        service.attach(db_session, data_request, session[IDENTIFIED])
    elif not service.same_person(row, session[IDENTIFIED], settings.identity_code_key):
        session.pop(IDENTIFIED, None)
        return render_template("identity/refused.html", reason="person"), 403
    collection.grant(data_request.id)
    db_session.commit()
    return redirect(url_for("dsr.status", token=token, lang_code=lang), code=303)


def attach_browser_identification(db_session, data_request) -> None:
    """The request form calls this: a request filed in a browser that identified strongly
    carries that identification (its level, provider, name and encrypted code)."""
    identified = session.get(IDENTIFIED)
    if identified and current_app.config["PORTAL"].identification_enabled:
        service.attach(db_session, data_request, identified)


@bp.app_template_global("browser_identification")
def browser_identification() -> dict | None:
    """For the request form: None when the feature is off, else what this browser holds."""
    if not current_app.config["PORTAL"].identification_enabled:
        return None
    return session.get(IDENTIFIED) or {}


@bp.app_template_global("status_identification")
def status_identification(data_request) -> dict | None:
    """For the status page: whether to offer strong identification (the request is open, at
    e-mail level, and its registers need strong identification for its right, or the handler
    asked the requester to identify)."""
    if not current_app.config["PORTAL"].identification_enabled:
        return None
    level, required = service.levels(get_session(), data_request, enabled=True)
    question = open_question(data_request)
    asked = question is not None and question.reason == IDENTITY
    return {"identified": level != "email", "needed": required == "strong" or asked}
