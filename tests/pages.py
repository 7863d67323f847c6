"""The public pages every locale must serve, shared by the web, HTML and browser tests."""

LANGS = ("fi", "sv", "en")
REGISTERS = ("kamu-asiakasrekisteri", "museokortti", "tietosuojaportaali",
             "honkalahti-oppilasrekisteri", "helmet-asiakasrekisteri")
PAGES = (
    "/{lang}/",
    "/{lang}/?q=Webropol",
    "/{lang}/?q=zzzz-nothing",
    "/{lang}/registers/kamu-asiakasrekisteri",
    "/{lang}/registers/museokortti",
    "/{lang}/registers/honkalahti-oppilasrekisteri",  # Finnish only: a note on sv and en
    "/{lang}/registers/varhaiskasvatus",
    "/{lang}/privacy",
    "/{lang}/accessibility",
    "/{lang}/requests/new",
    "/{lang}/requests/new?register=museokortti",
    "/{lang}/requests/documents",
    # Four cities as joint controllers of one register (issue 15).
    "/{lang}/registers/helmet-asiakasrekisteri",
    "/{lang}/requests/new?register=helmet-asiakasrekisteri",
    "/{lang}/requests/sent",
    "/{lang}/registers/museokortti/versions",
    "/{lang}/registers/museokortti/versions/1",
    "/{lang}/registers/museokortti/versions/compare?from=1&to=1",
)
NOT_FOUND = ("/{lang}/registers/no-such-register",)


def all_pages(include_errors: bool = True) -> list[str]:
    paths = PAGES + (NOT_FOUND if include_errors else ())
    return [path.format(lang=lang) for lang in LANGS for path in paths]
