"""Highlights in the reader: overlapping and nested spans, escaping, and labels beyond colour."""

from __future__ import annotations

from html.parser import HTMLParser

from claims.display.highlight import Highlight, render_highlighted, segments


class LinkDepth(HTMLParser):
    """The deepest nesting of <a> elements in a piece of HTML, and the text it reads as."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.depth = self.deepest = 0
        self.text = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag):
        if tag == "a":
            self.depth -= 1

    def handle_data(self, data):
        self.text += data


TEXT = "Nine officers and one staff member had been suspended, the Met said."


def hl(start: int, end: int, claim: str = "c", verdict: str = "agree") -> Highlight:
    return Highlight(
        anchor=f"att-{claim}-{start}",
        start=start,
        end=end,
        verdict=verdict,
        href=f"/claims/{claim}/",
        claim=claim,
        statement=f"Claim {claim}",
    )


def test_it_cuts_the_text_at_every_boundary_and_loses_nothing():
    parts = segments(TEXT, [hl(0, 13, "a"), hl(0, 53, "b")])
    assert "".join(p.text for p in parts) == TEXT
    assert [(p.start, p.end) for p in parts] == [(0, 13), (13, 53), (53, len(TEXT))]


def test_a_nested_span_links_its_own_words_to_the_inner_claim():
    inner, outer = hl(0, 13, "nine-officers"), hl(0, 53, "suspensions", "differ")
    first, second, _ = segments(TEXT, [outer, inner])
    assert first.covering == (inner, outer)
    assert second.covering == (outer,)
    html = render_highlighted(TEXT, [outer, inner])
    assert 'href="/claims/nine-officers/"' in html
    assert 'href="/claims/suspensions/"' in html
    assert html.index("nine-officers") < html.index("suspensions")


def test_overlapping_spans_render_as_flat_links_never_nested():
    html = render_highlighted(TEXT, [hl(0, 30, "a"), hl(18, 53, "b", "single")])
    assert html.count("<a ") == 3  # before the overlap, the overlap, after it
    parsed = LinkDepth(html)
    assert parsed.deepest == 1  # no link opens inside another
    assert (
        parsed.text.replace("(one source only) ", "")
        .replace("(sources agree) ", "")
        .replace("✓", "")
        .replace("•", "")
        == TEXT
    )
    assert html.count("hl-overlap") == 1


def test_each_highlight_starts_with_an_anchor_a_symbol_and_a_spoken_label():
    html = render_highlighted(TEXT, [hl(0, 13, "a", "differ")])
    assert '<span class="anchor" id="att-a-0"></span>' in html
    assert '<span class="hl-icon" aria-hidden="true">✗</span>' in html
    assert '<span class="visually-hidden">(sources differ) </span>' in html
    assert 'data-verdict="differ"' in html


def test_a_quote_attesting_two_claims_says_so_in_its_title():
    html = render_highlighted(TEXT, [hl(0, 53, "officers"), hl(0, 53, "staff")])
    assert "(and 1 more claim here)" in html
    assert html.count('class="anchor"') == 2


def test_source_text_is_escaped_inside_and_outside_highlights():
    text = 'Before <script>alert(1)</script> and "><img src=x onerror=alert(1)> after'
    html = render_highlighted(text, [hl(7, 32)])
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html


def test_a_statement_with_markup_is_escaped_in_the_title():
    bad = Highlight("att-1", 0, 4, "agree", "/claims/x/", "x", 'Nine "><b>bold</b>')
    assert 'title="Nine &quot;&gt;&lt;b&gt;bold&lt;/b&gt;"' in render_highlighted(TEXT, [bad])


def test_spans_outside_the_text_are_ignored():
    assert render_highlighted("Short.", [hl(3, 99)]) == "Short."


def test_a_marked_place_gets_a_target_without_changing_the_text_or_the_links():
    marks = {0: "entry-1", 20: "entry-2", 999: "entry-3"}
    html = render_highlighted(TEXT, [hl(7, 32)], marks)

    assert html.startswith('<span class="place" id="entry-1"></span>')
    assert html.count('class="place"') == 2  # the place past the end of the text is ignored
    assert '<span class="place" id="entry-2"></span>' in html
    assert LinkDepth(html).text == LinkDepth(render_highlighted(TEXT, [hl(7, 32)])).text
    # The mark splits the highlight in two pieces, both links to the same claim.
    assert html.count('data-claim="c"') == 2
