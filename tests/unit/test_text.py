"""Markdown in notices is rendered, and anything hostile is removed before the public sees it."""

from html.parser import HTMLParser

from portal.text import plain_text, render_markdown


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
