"""Markdown in notices is rendered, and anything hostile is removed before the public sees it."""

from html.parser import HTMLParser

from portal.text import heading_levels, plain_text, render_markdown


def test_markdown_becomes_html_with_headings_below_the_section_heading():
    html = str(render_markdown("# Otsikko\n\n**Tärkeää**\n\n- yksi\n- kaksi"))
    assert "<h3>Otsikko</h3>" in html
    assert "<strong>Tärkeää</strong>" in html and "<li>yksi</li>" in html


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attributes, self.hrefs = set(), set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)
        self.hrefs.extend(value for name, value in attrs if name == "href")


def test_raw_html_and_script_are_shown_as_text_never_as_markup():
    html = str(render_markdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">'))
    collector = TagCollector()
    collector.feed(html)
    assert collector.tags == {"p"} and not collector.attributes
    assert "&lt;script&gt;" in html


def test_dangerous_links_are_neutralised_and_safe_links_kept():
    html = str(render_markdown("[a](javascript:alert(1)) [b](https://tietosuoja.fi) "
                               "[c](mailto:x@example.fi) [d](data:text/html,hi)"))
    collector = TagCollector()
    collector.feed(html)
    assert collector.hrefs == ["https://tietosuoja.fi", "mailto:x@example.fi"]
    assert 'rel="noopener noreferrer"' in html


def test_plain_text_drops_markup():
    assert plain_text("**Hei** [linkki](https://x.fi)") == "Hei linkki"


def test_a_parts_first_heading_is_one_level_below_the_part_and_none_skips():
    html = str(render_markdown("#### Julkisuus\n\n###### Salassapito\n\n#### Luovutukset"))
    assert "<h3>Julkisuus</h3>" in html and "<h4>Salassapito</h4>" in html
    assert "<h3>Luovutukset</h3>" in html


def test_heading_levels_go_down_one_at_a_time_and_back_to_the_level_of_their_peer():
    assert heading_levels([4, 6, 5, 2, 3]) == [3, 4, 4, 3, 4]
    assert heading_levels([1, 1, 2], top=2) == [2, 2, 3]


def test_a_passage_in_another_language_keeps_its_lang():
    html = str(render_markdown("Museokortti ([Museikortet]{lang=sv}) ja [x]{lang=zz-qq}"))
    assert '<span lang="sv">Museikortet</span>' in html
    assert "zz-qq" not in html  # not a language tag Babel knows


def test_attribute_syntax_cannot_add_anything_but_a_language():
    html = str(render_markdown('[a]{lang=sv onclick="alert(1)" style="x" .c #i}'))
    collector = TagCollector()
    collector.feed(html)
    assert collector.attributes <= {"lang"}


def test_a_table_scrolls_in_its_own_region_named_by_its_headings():
    html = str(render_markdown("| Tieto | Säilytysaika |\n|---|---|\n| Nimi | 2 vuotta |"))
    assert html.startswith('<div class="table-scroll" role="region" tabindex="0" '
                           'aria-label="Tieto, Säilytysaika"><table>')
    assert '<th scope="col">Tieto</th>' in html and html.rstrip().endswith("</table></div>")
