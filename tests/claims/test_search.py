"""Search on whichever database the tests run on (SQLite by default; PostgreSQL with
DATABASE_URL): the search page, the claim list's and the API's ``q``. The sentences are from
reports of the Grenfell Tower inquiry, the Post Office Horizon scandal and the Alaska Airlines
door plug blowout."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection
from django.urls import reverse
from django.utils.html import escape

from claims.claimants import Claimant
from claims.models import Claim
from claims.services import claim_delete
from tests.factories import attest, make_claim, make_source, make_topic

pytestmark = pytest.mark.django_db

POSTGRES = connection.vendor == "postgresql"

GRENFELL = (
    "The Metropolitan Police said its criminal investigation into the Grenfell Tower fire, "
    "which killed 72 people, was one of the largest it had ever carried out. "
    "Detectives have interviewed 58 people under caution."
)
HORIZON = (
    "More than 900 sub-postmasters were prosecuted after faulty Horizon accounting software "
    "made it look as though money was missing from their branches."
)
DOOR_PLUG = (
    "A door plug blew out of Alaska Airlines flight 1282 shortly after take-off from Portland, "
    "leaving a gaping hole in the side of the Boeing 737 Max 9."
)
PLUG_APART = (
    "The cabin door was closed and a plug in the galley drain was replaced before the flight."
)


@pytest.fixture
def ledger() -> dict[str, Claim]:
    grenfell_topic = make_topic("grenfell", title="Grenfell Tower fire")
    horizon_topic = make_topic("horizon", title="Post Office Horizon scandal")
    plug_topic = make_topic("door-plug", title="Alaska Airlines door plug")
    grenfell = make_source(GRENFELL, outlet="The Guardian", title="Grenfell inquiry report")
    horizon = make_source(HORIZON, outlet="BBC News", title="Horizon: the scandal explained")
    plug = make_source(DOOR_PLUG, outlet="Reuters", title="Door plug blows out mid-air")
    make_source(PLUG_APART, outlet="Reuters", title="Maintenance log")
    deaths = make_claim(grenfell_topic, statement="The Grenfell Tower fire killed 72 people")
    attest(deaths, grenfell, "which killed 72 people")
    interviews = make_claim(grenfell_topic, statement="58 people were interviewed under caution")
    attest(interviews, grenfell, "Detectives have interviewed 58 people under caution")
    prosecuted = make_claim(horizon_topic, statement="More than 900 sub-postmasters prosecuted")
    attest(prosecuted, horizon, "More than 900 sub-postmasters were prosecuted")
    blowout = make_claim(plug_topic, statement="The door plug blew out after take-off")
    attest(blowout, plug, "A door plug blew out of Alaska Airlines flight 1282")
    return {
        "deaths": deaths,
        "interviews": interviews,
        "prosecuted": prosecuted,
        "blowout": blowout,
    }


def page(client, q: str, **params) -> str:
    response = client.get(reverse("claims:search"), {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, heading: str, *, marks: bool = False) -> str:
    """The part of the search page under one heading ("Claims", "Sources", "Names"), without
    its highlights unless ``marks``."""
    start = html.find(f'-heading">{heading}</h2>')
    part = html[start : html.find("</section>", start)] if start >= 0 else ""
    return part if marks else part.replace("<mark>", "").replace("</mark>", "")


def listed(client, q: str) -> set[str]:
    response = client.get(reverse("claims:list"), {"q": q})
    assert response.status_code == 200
    claims = response.content.decode().split('<ul class="claims">')[1].split("</ul>")[0]
    return {claim.slug for claim in Claim.objects.all() if claim.get_absolute_url() in claims}


def from_api(client, q: str) -> set[str]:
    response = client.get("/api/claims/", {"q": q})
    assert response.status_code == 200
    return {claim["slug"] for claim in response.json()["results"]}


def test_a_word_finds_other_forms_of_it_in_claims_quotes_and_sources(client, ledger):
    # "investigated" is in no text; "investigation" (the Grenfell report) and "interviewed"
    # are other words
    html = page(client, "investigated")
    assert "Grenfell inquiry report" in section(html, "Sources")
    assert "Horizon" not in section(html, "Sources")
    assert {ledger["interviews"].slug} == listed(client, "interviewing")
    assert listed(client, "prosecution") == {ledger["prosecuted"].slug}


def test_a_claim_is_found_by_a_quote_of_one_of_its_sources(client, ledger):
    # "Detectives" is only in the quote, not in the claim's statement
    assert listed(client, "detectives") == {ledger["interviews"].slug}
    claims = section(page(client, "detectives"), "Claims", marks=True)
    assert ledger["interviews"].get_absolute_url() in claims
    assert "<mark>Detectives</mark>" in claims


def test_quotes_make_a_phrase(client, ledger):
    sources = section(page(client, '"door plug"'), "Sources")
    assert "Door plug blows out" in sources
    assert "Maintenance log" not in sources  # "door" and "plug", but apart
    assert "Maintenance log" in section(page(client, "door plug"), "Sources")


def test_or_finds_either_and_a_minus_leaves_a_word_out(client, ledger):
    assert listed(client, "prosecuted OR interviewed") == {
        ledger["prosecuted"].slug,
        ledger["interviews"].slug,
    }
    assert listed(client, "people -caution") == {ledger["deaths"].slug}
    sources = section(page(client, "plug -Alaska"), "Sources")
    assert "Maintenance log" in sources
    assert "Door plug blows out" not in sources


def test_the_claim_list_and_the_api_find_the_same_claims(client, ledger):
    for q in ("killed", '"under caution"', "sub-postmasters OR plug", "people -Grenfell"):
        assert listed(client, q) == from_api(client, q), q
    assert from_api(client, "plug") == {ledger["blowout"].slug}


@pytest.mark.parametrize(
    "q",
    [
        '"',
        "OR",
        "-",
        '-"',
        '"unclosed phrase',
        "NEAR(",
        "a AND",
        "*",
        "title:plug",
        "^x",
        "(((",
        "'",
        "OR OR OR",
        "plug OR",
        "-plug",
        '""',
        "😀",
        "%_\\",
    ],
)
def test_any_query_gives_a_page_never_an_error(client, ledger, q):
    html = page(client, q)
    assert f'value="{escape(q.strip())}"' in html
    assert "Nothing" in html or '-heading">' in html
    assert client.get(reverse("claims:list"), {"q": q}).status_code == 200
    assert client.get("/api/claims/", {"q": q}).status_code == 200


def test_a_stray_quote_or_or_alone_is_a_plain_empty_result(client, ledger):
    assert "Nothing to look for" in page(client, "OR")
    assert "Nothing to look for" in page(client, "-plug")  # only a word to leave out
    assert "Door plug blows out" in section(page(client, '"door plug'), "Sources")
    assert listed(client, '"') == set()


def test_nothing_found_says_so_and_keeps_the_query_in_the_box(client, ledger):
    html = page(client, "hurricane")
    assert "Nothing matches" in html
    assert 'value="hurricane"' in html


def test_a_snippet_escapes_the_source_text_and_marks_only_the_match(client, db):
    make_source(
        "The inquiry found <script>alert('x')</script> cladding was the principal reason "
        "the fire spread, and <b>nothing</b> else.",
        outlet="The Guardian",
        title="Cladding <img src=x onerror=alert(1)>",
    )
    html = page(client, "cladding")
    sources = section(html, "Sources", marks=True)
    assert "<script" not in html
    assert "<img" not in html
    assert "<b>" not in sources
    assert "<mark>cladding</mark>" in sources.lower()
    if not POSTGRES:  # PostgreSQL's parser leaves tags out of a snippet altogether
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in sources
        assert "&lt;b&gt;nothing&lt;/b&gt;" in sources


def test_marker_characters_in_a_source_cannot_open_markup(client, db):
    make_source("Cladding \ue000<em>burned</em>\ue001 quickly & brightly.", title="Markers")
    sources = section(page(client, "cladding"), "Sources")
    assert "<em>" not in sources
    assert "quickly &amp; brightly" in sources


@pytest.mark.skipif(not POSTGRES, reason="trigram similarity is PostgreSQL's")
def test_a_misspelt_name_finds_the_outlet_claimant_or_topic(client, ledger):
    Claimant.objects.create(name="Metropolitan Police Service", slug="met")
    names = section(page(client, "Guardain"), "Names")
    assert "The Guardian" in names
    assert "Metropolitan Police Service" in section(page(client, "Metropolitin"), "Names")
    assert "Grenfell Tower fire" in section(page(client, "Grenfel"), "Names")


@pytest.mark.skipif(POSTGRES, reason="SQLite matches names by the start of a word")
def test_the_start_of_a_word_finds_the_outlet_claimant_or_topic(client, ledger):
    Claimant.objects.create(name="Metropolitan Police Service", slug="met")
    assert "The Guardian" in section(page(client, "guard"), "Names")
    assert "Metropolitan Police Service" in section(page(client, "metro"), "Names")
    assert "Grenfell Tower fire" in section(page(client, "grenf"), "Names")
    assert section(page(client, "uardian"), "Names") == ""


def test_the_index_follows_edits_and_deletions(client, ledger):
    blowout = ledger["blowout"]
    blowout.statement = "The fuselage panel detached over Oregon"
    blowout.save()
    assert listed(client, "fuselage") == {blowout.slug}
    assert blowout.slug not in listed(client, "take-off")
    claim_delete(claim=Claim.objects.get(pk=ledger["prosecuted"].pk))
    assert listed(client, "prosecuted") == set()


def test_results_come_a_page_at_a_time(client, db):
    topic = make_topic(title="Post Office Horizon scandal")
    for n in range(1, 26):
        make_claim(topic, statement=f"Sub-postmaster {n} had a conviction quashed")
    first = section(page(client, "quashed"), "Claims")
    assert first.count("<li>") == 10
    assert "in=claims" in first
    one = page(client, "quashed", **{"in": "claims"})
    assert section(one, "Claims").count("<li>") == 20
    assert 'rel="next"' in one
    two = page(client, "quashed", **{"in": "claims", "page": "2"})
    assert section(two, "Claims").count("<li>") == 5
    assert 'rel="next"' not in two
    shown = "".join(
        section(page(client, "quashed", **{"in": "claims", "page": str(n)}), "Claims")
        for n in (1, 2)
    )
    assert len(set(re.findall(r'href="(/claims/[^"]+/)"', shown))) == 25


def test_the_search_page_makes_a_fixed_number_of_queries(
    client, ledger, django_assert_max_num_queries
):
    for n in range(30):
        source = make_source(f"Report {n}: the fire spread through the cladding.", outlet=f"O{n}")
        claim = make_claim(statement=f"Cladding claim {n}")
        attest(claim, source, "the fire spread through the cladding")
    with django_assert_max_num_queries(12):
        html = page(client, "cladding")
    assert section(html, "Claims").count("<li>") == 10
    assert section(html, "Sources").count("<li>") == 10


def test_the_header_search_box_leads_to_the_search_page(client, db):
    html = client.get(reverse("claims:home")).content.decode()
    assert f'action="{reverse("claims:search")}"' in html
    assert 'name="q"' in html


def test_the_search_page_without_a_query_shows_only_the_box(client, db):
    html = page(client, "")
    assert 'id="search-q"' in html
    assert "Nothing" not in html


def test_old_dates_are_fine(client, db):
    make_source("Horizon evidence in 1999.", published=date(1999, 1, 1))
    assert "1999" in section(page(client, "evidence"), "Sources")


@pytest.mark.skipif(POSTGRES, reason="SQLite rebuilds a table to alter it; PostgreSQL does not")
@pytest.mark.django_db(transaction=True)
def test_search_keeps_up_after_a_migration_rebuilds_a_table(client):
    from django.db.models import CharField

    from claims.search import install_after_migrate

    topic = make_topic(title="Grenfell Tower inquiry")
    make_claim(topic, statement="Cladding was the principal reason the fire spread")
    statement = Claim._meta.get_field("statement")
    longer = CharField(max_length=600)
    longer.set_attributes_from_name("statement")
    longer.model = Claim
    with connection.schema_editor() as editor:  # as a migration altering a column would
        editor.alter_field(Claim, statement, longer)
    try:
        make_claim(topic, statement="Cladding panels were sold as safe")
        install_after_migrate(using=connection.alias)  # what migrate's post_migrate does
        assert len(listed(client, "cladding")) == 2
        Claim.objects.filter(statement__startswith="Cladding panels").update(
            statement="The insulation was sold as safe"
        )
        assert len(listed(client, "cladding")) == 1
        assert len(listed(client, "insulation")) == 1
    finally:
        with connection.schema_editor() as editor:
            editor.alter_field(Claim, longer, statement)
        install_after_migrate(using=connection.alias)
