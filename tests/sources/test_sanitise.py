"""Cleaning untrusted HTML with nh3: what is removed, what is kept, and the text read from it."""

import re

import pytest

from sources.ingest.sanitise import html_to_text, sanitise_html

EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)


def clean_text(html: str) -> str:
    return html_to_text(sanitise_html(html))


# What goes


@pytest.mark.parametrize(
    "script",
    [
        "<script>alert(1)</script>",
        "<SCRIPT type='text/javascript'>alert(1)</SCRIPT>",
        "<script src='https://evil.example/x.js'></script>",
        "<div><script>document.write('alert')</script></div>",
    ],
)
def test_it_removes_scripts_with_their_code(script):
    cleaned = sanitise_html(f"<p>Before.</p>{script}<p>After.</p>")

    assert "<script" not in cleaned.lower()
    assert "alert" not in cleaned
    assert "evil.example" not in cleaned
    assert html_to_text(cleaned) == "Before.\n\nAfter."


@pytest.mark.parametrize(
    "markup",
    [
        "<img src=x onerror=alert(1)>",
        "<p onclick='alert(1)'>Kept.</p>",
        "<a href='https://news.example/' onmouseover='alert(1)'>Kept.</a>",
        "<body onload='alert(1)'><p>Kept.</p></body>",
        "<td onfocus=alert(1) colspan=2>Kept.</td>",
    ],
)
def test_it_removes_event_handlers(markup):
    cleaned = sanitise_html(markup)

    assert not EVENT_HANDLER.search(cleaned)
    assert "alert" not in cleaned
    assert "<img" not in cleaned


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "javascript&#x3a;alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "ftp://files.example/report.pdf",
    ],
)
def test_it_drops_links_whose_scheme_is_not_allowed_and_keeps_their_text(url):
    cleaned = sanitise_html(f"<p><a href='{url}'>read more</a></p>")

    assert cleaned == "<p><a>read more</a></p>"


@pytest.mark.parametrize("control", ["&#x09;", "&#x0a;", "&#x01;"])
def test_it_defuses_a_scheme_split_by_a_control_character(control):
    # A browser would skip the tab; written as %09 it stays, and "java%09script:" is no scheme
    # but a harmless relative address.
    cleaned = sanitise_html(f"<a href='java{control}script:alert(1)'>read more</a>")

    assert re.fullmatch(r'<a href="java%0[19A]script:alert\(1\)">read more</a>', cleaned)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JAVA\tSCRIPT:alert(1)", "data:,x"])
def test_it_drops_a_quotation_source_whose_scheme_is_not_allowed(url):
    # nh3 leaves cite alone; the sanitiser's attribute filter checks it.
    cleaned = sanitise_html(f"<blockquote cite='{url}'>Quoted.</blockquote><q cite='{url}'>Q</q>")

    assert cleaned == "<blockquote>Quoted.</blockquote><q>Q</q>"


def test_it_removes_styles_with_their_rules():
    cleaned = sanitise_html(
        "<style>p { color: red }</style><p style='background: url(javascript:alert(1))'>"
        "Text.</p><div><style>.x { display: none }</style>More.</div>"
    )

    assert cleaned == "<p>Text.</p><div>More.</div>"


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- a note -->",
        "<!-- <script>alert(1)</script> -->",
        "<!--[if IE]><script>alert(1)</script><![endif]-->",
        "<p>Inside<!-- hidden note --> a paragraph.</p>",
    ],
)
def test_it_removes_comments(comment):
    cleaned = sanitise_html(f"<p>Text.</p>{comment}")

    assert "<!--" not in cleaned
    assert "note" not in cleaned
    assert "alert" not in cleaned
    assert "endif" not in cleaned


@pytest.mark.parametrize(
    "element",
    [
        "<noscript>Please enable JavaScript.</noscript>",
        "<template><p>A template.</p></template>",
        "<iframe src='https://ads.example/'>An advert.</iframe>",
        "<svg><text>A chart.</text></svg>",
        "<math><mi>x</mi></math>",
        "<textarea>A comment box.</textarea>",
        "<button>Share</button>",
        "<select><option>Choose an edition</option></select>",
        "<object data='x.swf'>A plugin.</object>",
        "<div hidden>A hidden message.</div>",
    ],
)
def test_it_removes_widgets_and_hidden_elements_with_their_content(element):
    assert clean_text(f"<p>Story.</p>{element}<p>End.</p>") == "Story.\n\nEnd."


@pytest.mark.parametrize(
    "attack",
    [
        # Mutation XSS: markup that means something else once it is parsed a second time.
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph>",
        "<svg></p><style><a id='</style><img src=1 onerror=alert(1)>'>",
        "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
        "<<script>script>alert(1)<</script>/script>",
        "<scr<script>ipt>alert(1)</script>",
    ],
)
def test_it_resists_markup_that_mutates_when_parsed_again(attack):
    cleaned = sanitise_html(f"<p>Story.</p>{attack}")

    assert "<img" not in cleaned
    assert "<script" not in cleaned.lower()
    assert not EVENT_HANDLER.search(cleaned)
    assert sanitise_html(cleaned) == cleaned


# What stays


def test_it_keeps_the_allowed_attributes_only():
    cleaned = sanitise_html(
        "<p class='lead' id='p1' lang='en' title='Lead' style='color: red'>"
        "<a href='https://news.example/a?b=1&amp;c=2' title='Source' target='_blank' "
        "rel='nofollow'>link</a> <abbr title='Metropolitan Police'>Met</abbr> "
        "<time datetime='2025-10-02T08:48' class='date'>2 October</time></p>"
        "<ol start='3' type='a'><li>Third</li></ol>"
        "<table><tr><th scope='col' width='10'>H</th><td colspan='2' rowspan='1' "
        "align='left'>D</td></tr></table>"
    )

    assert cleaned == (
        '<p><a href="https://news.example/a?b=1&amp;c=2" title="Source">link</a> '
        '<abbr title="Metropolitan Police">Met</abbr> '
        '<time datetime="2025-10-02T08:48">2 October</time></p>'
        '<ol start="3"><li>Third</li></ol>'
        '<table><tbody><tr><th scope="col">H</th><td colspan="2" rowspan="1">D</td></tr>'
        "</tbody></table>"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example/uk/1",
        "http://news.example/uk/1",
        "mailto:desk@news.example",
        "/uk/2",
        "#section-2",
    ],
)
def test_it_keeps_links_with_an_allowed_scheme_or_none_and_adds_no_rel(url):
    cleaned = sanitise_html(f"<a href='{url}'>link</a><blockquote cite='{url}'>Q</blockquote>")

    assert cleaned == f'<a href="{url}">link</a><blockquote cite="{url}">Q</blockquote>'


def test_it_strips_other_tags_but_keeps_their_text():
    cleaned = sanitise_html(
        "<p><font color='red'>Red</font> <custom-widget>custom</custom-widget> "
        "<img src='x.png' alt='a photo'>text</p>"
    )

    assert cleaned == "<p>Red custom text</p>"


def test_it_keeps_words_apart_where_a_stripped_block_stood():
    text = clean_text(
        "<label>Name</label><form>Subscribe</form><details><summary>More</summary>Details"
        "</details><address>Newsroom</address><fieldset>Fields</fieldset><hgroup>Group</hgroup>"
    )

    assert text == "Name Subscribe MoreDetails Newsroom Fields Group"


def test_it_keeps_words_apart_where_a_stripped_block_follows_the_first_text():
    # bleach glued these ("IntroSign up"): it put no line break after a page's first text.
    assert clean_text("Intro<form>Sign up</form>") == "Intro Sign up"


def test_it_keeps_escaped_markup_at_the_start_of_the_body_as_text():
    # bleach read the body's first text unescaped: the tag became markup and was stripped.
    cleaned = sanitise_html(
        "&lt;script&gt;alert(1)&lt;/script&gt; is what he typed.<p>Use &lt;b&gt;.</p>"
    )

    assert cleaned == "&lt;script&gt;alert(1)&lt;/script&gt; is what he typed.<p>Use &lt;b&gt;.</p>"
    assert html_to_text(cleaned) == "<script>alert(1)</script> is what he typed.\n\nUse <b>."


@pytest.mark.parametrize(
    "element",
    [
        "<xmp><b>bold</b> <script>x</script></xmp>",
        "<plaintext><b>bold</b> <script>x</script>",  # which never ends
    ],
)
def test_it_shows_the_raw_text_of_obsolete_elements_once_escaped(element):
    cleaned = sanitise_html(f"<p>Example:</p>{element}")

    assert cleaned == "<p>Example:</p>&lt;b&gt;bold&lt;/b&gt; &lt;script&gt;x&lt;/script&gt;"
    assert html_to_text(cleaned) == "Example:\n\n<b>bold</b> <script>x</script>"


def test_it_keeps_non_breaking_spaces_as_characters_and_trims_them_at_the_edges():
    cleaned = sanitise_html("&nbsp;<p>10&nbsp;km &amp; 5&#160;kg &lt;tag&gt;</p>&nbsp;")

    assert cleaned == "<p>10\xa0km &amp; 5\xa0kg &lt;tag&gt;</p>"


def test_it_keeps_text_misplaced_inside_a_table():
    # As a browser does (HTML's "foster parenting"); bleach lost an allowed element's text here.
    text = clean_text("<table><b>Correction:</b><tr><td>Figures</td></tr></table>")

    assert text == "Correction:\n\nFigures"


def test_it_keeps_the_articles_structure_and_text():
    page = (
        "<html><head><title>Page</title><meta charset='utf-8'></head><body>"
        "<nav><a href='/'>Home</a></nav><main><article><header><h1>Headline</h1></header>"
        "<p>First <em>point</em>.</p><ul><li>One</li><li>Two</li></ul>"
        "<blockquote><p>Quoted.</p></blockquote><pre>  code\n  block</pre></article></main>"
        "</body></html>"
    )

    cleaned = sanitise_html(page)

    assert cleaned == (
        '<nav><a href="/">Home</a></nav><main><article><header><h1>Headline</h1></header>'
        "<p>First <em>point</em>.</p><ul><li>One</li><li>Two</li></ul>"
        "<blockquote><p>Quoted.</p></blockquote><pre>  code\n  block</pre></article></main>"
    )
    assert html_to_text(cleaned, page_only=True) == (
        "Headline\n\nFirst point.\n\n• One\n• Two\n\nQuoted.\n\ncode\nblock"
    )


@pytest.mark.parametrize("html", ["", "   ", "<!-- only a comment -->", "<script>x</script>"])
def test_it_returns_nothing_for_a_page_with_nothing_to_keep(html):
    assert sanitise_html(html) == ""
