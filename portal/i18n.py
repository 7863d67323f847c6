"""Languages: the URL prefix decides, Accept-Language only picks where ``/`` redirects.

The portal serves Finnish, Swedish and English, the two national languages first (Language Act
423/2003 §23 obliges bilingual municipalities to serve both). Native names are shown in the
switcher so that a reader finds their own language without knowing the current one.
"""

from __future__ import annotations

from flask import Blueprint, Flask, abort, g, request, url_for
from flask_babel import get_locale
from flask_login import current_user
from markupsafe import Markup, escape

from . import dates
from .assets import TRANSLATIONS
from .extensions import babel
from .law.citations import capitalised, cite_gdpr_list, parse_gdpr

#: Locale code -> the language's own name.
LOCALES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}
DEFAULT_LOCALE = "fi"


def best_locale() -> str:
    """The Accept-Language choice among our locales, Finnish when nothing matches."""
    return request.accept_languages.best_match(LOCALES, default=DEFAULT_LOCALE)


def select_locale() -> str:
    """Flask-Babel's selector: the URL's language; on the staff side the staff member's own
    language (or ``?lang=`` on the sign-in pages); else the browser's preference."""
    if g.get("lang_code"):
        return g.lang_code
    if request and request.args.get("lang") in LOCALES:
        return request.args["lang"]
    if current_user and current_user.is_authenticated:
        return current_user.locale
    return best_locale()


def current_locale() -> str:
    return str(get_locale())


def translated(texts: dict | None, lang: str | None = None) -> str:
    """Pick ``lang`` from a ``{"fi": ..., "sv": ..., "en": ...}`` mapping, never failing."""
    if not texts:
        return ""
    lang = lang or current_locale()
    return texts.get(lang) or texts.get(DEFAULT_LOCALE) or next(iter(texts.values()), "")


def localized_blueprint(name: str, import_name: str) -> Blueprint:
    """A blueprint whose URLs start with ``/<lang>``; any other first segment is a 404."""
    bp = Blueprint(name, import_name, url_prefix="/<lang_code>")

    @bp.url_value_preprocessor
    def _pull_lang(_endpoint, values):
        lang = (values or {}).pop("lang_code", None)
        if lang not in LOCALES:
            abort(404)
        g.lang_code = lang

    @bp.url_defaults
    def _add_lang(_endpoint, values):
        values.setdefault("lang_code", current_locale())

    return bp


def alternate_urls(*, external: bool = False) -> dict[str, str]:
    """This page in each language (for the switcher and ``hreflang``), query string kept.

    Pages outside the language-prefixed URLs, such as a 404 for an unknown language, point to
    each language's front page instead.
    """
    rule = request.url_rule
    if rule is None or "lang_code" not in rule.arguments:
        return {code: url_for("notices.index", lang_code=code, _external=external)
                for code in LOCALES}
    args = {**request.args.to_dict(flat=False), **(request.view_args or {})}
    return {code: url_for(request.endpoint, **args, lang_code=code, _external=external)
            for code in LOCALES}


def language_name(code: str) -> Markup:
    """A language's own name marked with its language, so that a screen reader says "Svenska"
    in Swedish on a Finnish page (WCAG 3.1.2)."""
    return Markup('<span lang="{0}">{1}</span>').format(code, escape(LOCALES[code]))


def gdpr_cited(notation: str, lang: str | None = None) -> str:
    """GDPR provisions in the rules' notation ("13(1)(a), 14(1)(a)") cited the way a lawyer of
    the reader's language writes them, so that no page mixes citation styles."""
    return cite_gdpr_list(parse_gdpr(notation), lang or current_locale())


def init_app(app: Flask) -> None:
    babel.init_app(
        app,
        locale_selector=select_locale,
        default_locale=DEFAULT_LOCALE,
        default_timezone="Europe/Helsinki",
        default_translation_directories=str(TRANSLATIONS),
    )
    dates.init_app(app)
    app.jinja_env.globals["LOCALES"] = LOCALES
    app.jinja_env.globals["language_name"] = language_name
    app.jinja_env.filters["tr"] = translated
    app.jinja_env.filters["gdpr_cited"] = gdpr_cited
    app.jinja_env.filters["capitalised"] = capitalised
    app.jinja_env.globals["alternate_urls"] = alternate_urls
    app.jinja_env.globals["current_locale"] = current_locale
