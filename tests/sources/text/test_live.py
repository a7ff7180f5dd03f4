"""Splitting live pages into timestamped entries: the BBC seed and made-up formats."""

import itertools
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sources.text.live import split_live_page
from sources.text.normalise import normalise_text

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
BST = timezone(timedelta(hours=1))
LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


def text_of(path: Path) -> str:
    return normalise_text(path.read_text(encoding="utf-8"))


# The BBC seed: "Titlepublished at 14:14 BST 2 October", newest first, after a summary


@pytest.fixture(scope="module")
def bbc():
    text = text_of(ROOT / "seeds" / "articles" / "bbc-live-2025-10-02.txt")
    return text, split_live_page(text, published=date(2025, 10, 2))


def test_it_finds_the_twenty_entries_of_the_bbc_live_page(bbc):
    _, entries = bbc

    assert len(entries) == 20
    assert entries[0].published_at == datetime(2025, 10, 2, 14, 14, tzinfo=BST)
    assert entries[-1].published_at == datetime(2025, 10, 2, 8, 48, tzinfo=BST)
    assert all(entry.published_at.date() == date(2025, 10, 2) for entry in entries)
    assert all(entry.published_at.utcoffset() == timedelta(hours=1) for entry in entries)
    assert [entry.published_at.strftime("%H:%M") for entry in entries[:4]] == [
        "14:14",
        "14:08",
        "13:45",
        "13:25",
    ]


def test_it_gives_each_bbc_entry_its_heading_as_title(bbc):
    _, entries = bbc

    assert entries[0].title == (
        "Rowley criticises behaviour of Met officers, but defends his position as chief"
    )
    assert entries[18].title == "Are you going to resign? No, insists Rowley"


def test_it_spans_each_entry_from_its_heading_to_the_next(bbc):
    text, entries = bbc

    assert text[entries[0].start :].startswith("1. Rowley criticises behaviour")
    assert text[entries[0].start : entries[0].end].endswith(
        "it will be repeated at 21:00 BST tonight."
    )
    assert text[entries[1].start :].startswith("2. 'Islamophobia festers")
    for entry, following in itertools.pairwise(entries):
        assert entry.start < entry.end < following.start
        assert text[entry.end : following.start].strip() == ""
    assert text[entries[-1].start : entries[-1].end].endswith("express their opinions around.")
    assert entries[-1].end == len(text)


def test_it_leaves_the_summary_out_of_the_entries(bbc):
    text, entries = bbc
    summary = text[: entries[0].start]

    assert summary.startswith("Summary")
    # The summary mentions "21:00 on Thursday", which is not a heading.
    assert "at 21:00 on Thursday" in summary


# Made-up formats


def test_it_reads_dated_stamps_on_their_own_line():
    """Guardian-like: "Fri 3 Oct 2025 08.05 BST", then the entry's headline, oldest first."""
    text = text_of(FIXTURES / "live-dated-stamps.txt")
    entries = split_live_page(text, published=date(2025, 10, 3))

    assert [(entry.published_at, entry.title) for entry in entries] == [
        (datetime(2025, 10, 3, 8, 5, tzinfo=BST), "Amber warning issued for northern Scotland"),
        (datetime(2025, 10, 3, 9, 30, tzinfo=BST), "Ferries cancelled"),
        (datetime(2025, 10, 3, 17, 45, tzinfo=BST), "Tens of thousands without power"),
        (datetime(2025, 10, 4, 7, 10, tzinfo=BST), "Power restored to most homes"),
    ]
    assert text[entries[1].start : entries[1].end] == (
        "Fri 3 Oct 2025 09.30 BST\nFerries cancelled\n\n"
        'CalMac has cancelled 40 sailings on the west coast. "Safety comes first," a spokesperson '
        "said."
    )
    assert "Key events" in text[: entries[0].start]


def test_it_reads_american_stamps_across_new_year():
    """ "Jan. 1, 12:40 a.m. ET — Title", "Posted at 11:55 p.m. ET": the page began on
    31 December, so 1 January is the next year."""
    text = text_of(FIXTURES / "live-us-style.txt")
    entries = split_live_page(text, published=date(2025, 12, 31))

    assert [(entry.published_at, entry.title) for entry in entries] == [
        (datetime(2026, 1, 1, 0, 40, tzinfo=NEW_YORK), "The ball has dropped"),
        (datetime(2025, 12, 31, 23, 55, tzinfo=NEW_YORK), "Five minutes to go"),
        (datetime(2025, 12, 31, 18, 15, tzinfo=NEW_YORK), "Security is tight"),
    ]
    assert entries[0].published_at.astimezone(UTC) == datetime(2026, 1, 1, 5, 40, tzinfo=UTC)


def test_it_reads_bare_times_in_london_time():
    """ "9.05am: Title", "10.39am – Title", "12:30 – Title", "14:02" alone: no zone, so London
    time, which in November is GMT."""
    text = text_of(FIXTURES / "live-bare-times.txt")
    entries = split_live_page(text, published=datetime(2025, 11, 26, 8, 0, tzinfo=UTC))

    assert [(entry.published_at.strftime("%H:%M"), entry.title) for entry in entries] == [
        ("09:05", "Chancellor leaves Downing Street"),
        ("10:39", "Markets calm before the statement"),
        ("12:30", "Chancellor on her feet"),
        ("14:02", "Opposition reply"),
    ]
    assert all(entry.published_at.tzinfo == LONDON for entry in entries)
    assert entries[0].published_at.utcoffset() == timedelta(0)
    # "at 12:30 in the Commons" in the introduction is prose, not a heading.
    assert text[: entries[0].start].startswith("Budget day live")


def test_it_uses_london_summer_time_when_no_zone_is_given():
    text = "Intro\n\n09:05\nFirst\nBody one.\n\n10:15\nSecond\nBody two."
    entries = split_live_page(text, published=date(2025, 7, 1))

    assert entries[0].published_at == datetime(2025, 7, 1, 9, 5, tzinfo=LONDON)
    assert entries[0].published_at.utcoffset() == timedelta(hours=1)


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("Posted at 09:05", datetime(2025, 10, 2, 9, 5, tzinfo=LONDON)),
        ("10:39 BST", datetime(2025, 10, 2, 10, 39, tzinfo=BST)),
        ("10:39 GMT", datetime(2025, 10, 2, 10, 39, tzinfo=UTC)),
        ("10:39 UTC", datetime(2025, 10, 2, 10, 39, tzinfo=UTC)),
        ("10:39 CET", datetime(2025, 10, 2, 10, 39, tzinfo=timezone(timedelta(hours=1)))),
        ("10:39 CEST", datetime(2025, 10, 2, 10, 39, tzinfo=timezone(timedelta(hours=2)))),
        ("10:39 UTC+3", datetime(2025, 10, 2, 10, 39, tzinfo=timezone(timedelta(hours=3)))),
        ("9.05am", datetime(2025, 10, 2, 9, 5, tzinfo=LONDON)),
        ("9.05pm", datetime(2025, 10, 2, 21, 5, tzinfo=LONDON)),
        ("12.15am", datetime(2025, 10, 2, 0, 15, tzinfo=LONDON)),
        ("12.15pm", datetime(2025, 10, 2, 12, 15, tzinfo=LONDON)),
        ("9am", datetime(2025, 10, 2, 9, 0, tzinfo=LONDON)),
        ("2 October 2025, 14:14", datetime(2025, 10, 2, 14, 14, tzinfo=LONDON)),
        ("Thursday 2 October 2025 at 14:14", datetime(2025, 10, 2, 14, 14, tzinfo=LONDON)),
        ("1 October, 22:10 BST", datetime(2025, 10, 1, 22, 10, tzinfo=BST)),
        ("October 1, 2025 10:10 p.m.", datetime(2025, 10, 1, 22, 10, tzinfo=LONDON)),
        ("2025-10-01 22:10", datetime(2025, 10, 1, 22, 10, tzinfo=LONDON)),
        ("01/10/2025 22:10", datetime(2025, 10, 1, 22, 10, tzinfo=LONDON)),
        ("Updated 14:14 BST 2 October", datetime(2025, 10, 2, 14, 14, tzinfo=BST)),
    ],
)
def test_it_reads_many_ways_of_writing_a_stamp(stamp, expected):
    text = f"{stamp}\nFirst entry\nBody.\n\n{stamp}\nSecond entry\nBody."
    entries = split_live_page(text, published=date(2025, 10, 2))

    assert [entry.published_at for entry in entries] == [expected, expected]
    assert entries[0].title == "First entry"


def test_it_puts_a_late_december_entry_in_the_year_before():
    text = "31 December 23:50\nCountdown\n\n1 January 00:05\nFireworks"
    entries = split_live_page(text, published=date(2026, 1, 1))

    assert [entry.published_at.date() for entry in entries] == [
        date(2025, 12, 31),
        date(2026, 1, 1),
    ]


def test_it_puts_a_date_months_after_the_source_in_the_year_before():
    text = "2 October 09:00\nOne\n\n3 October 10:00\nTwo"
    entries = split_live_page(text, published=date(2026, 5, 1))

    assert [entry.published_at.date() for entry in entries] == [
        date(2025, 10, 2),
        date(2025, 10, 3),
    ]


def test_it_takes_the_year_from_a_datetime_source():
    text = "10:00 BST\nOne\n\n11:00 BST\nTwo"
    entries = split_live_page(text, published=datetime(2024, 6, 3, 9, 0, tzinfo=BST))

    assert entries[1].published_at == datetime(2024, 6, 3, 11, 0, tzinfo=BST)


# Not live pages


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Nine officers were suspended.",
        "Published at 14:14 BST 2 October\n\nNine officers were suspended on Thursday.",
        # Times inside sentences are not headings.
        "The programme airs at 21:00 on Thursday.\nIt will be repeated at 21:00 BST tonight.\n"
        "Officers arrived at 9.05am and left at 10:39.",
        # Prose that opens with a bare time, and a price on its own line.
        "10:39 was when the first officer arrived at the scene on the night.\n"
        "11:02 is the time the second officer gave in his statement to the inquiry.\n"
        "12.50\n13.99",
    ],
    ids=["empty", "no-times", "one-heading", "times-in-sentences", "prose-and-prices"],
)
def test_it_returns_no_entries_for_a_page_that_is_not_live(text):
    assert split_live_page(text, published=date(2025, 10, 2)) == []


def test_it_counts_offsets_in_code_points():
    text = "Résumé “live” 🚓\n\n10:00 BST – Première\nÉté.\n\n11:00 BST – Deuxième\nFin."
    entries = split_live_page(text, published=date(2025, 7, 1))

    assert text[entries[0].start : entries[0].end] == "10:00 BST – Première\nÉté."
    assert text[entries[1].start : entries[1].end] == "11:00 BST – Deuxième\nFin."
    assert entries[0].title == "Première"
