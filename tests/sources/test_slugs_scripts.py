"""Slugs for names in any script (#11): an outlet, a source, a topic or a claim named in Arabic,
Hebrew, Chinese, Cyrillic or emoji gets a Latin slug of its own, stable for the same name; the
second such outlet no longer collides with the first on the empty slug."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from sources.ingest.extract import extract_plain
from sources.models import Outlet, Source
from sources.services import source_create, unique_slug
from sources.slugs import name_slug

SLUG = re.compile(r"^[-a-z0-9]+$")

# An outlet and a headline in each script, as an editor would paste them.
SCRIPTS = {
    "arabic": ("الجزيرة", "وقف إطلاق النار في غزة يدخل يومه الثالث"),
    "hebrew": ("הארץ", "הכנסת אישרה את התקציב בקריאה שנייה"),
    "chinese": ("人民日报", "国务院召开常务会议部署经济工作"),
    "cyrillic": ("Коммерсантъ", "Центробанк сохранил ключевую ставку"),
    "emoji": ("📰🔥", "🚨🚨🚨"),
}
TEXTS = {
    "arabic": "قالت وزارة الصحة إن 12 شخصا قتلوا في القصف.",
    "hebrew": "הכנסת אישרה את התקציב ברוב של 61 חברי כנסת.",
    "chinese": "国务院常务会议指出，前三季度经济增长百分之五点二。",
    "cyrillic": "Банк России сохранил ключевую ставку на уровне 16 процентов.",
    "emoji": "Breaking: 3 trains cancelled 🚨 after the storm.",
}


def add(outlet: str, title: str, text: str, published: date = date(2025, 10, 2)) -> Source:
    source, _ = source_create(
        extracted=extract_plain(text), outlet=outlet, title=title, published=published
    )
    return source


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("kind", ["outlet", "source", "topic", "claim"])
def test_a_name_in_any_script_gets_a_latin_slug_the_same_every_time(script, kind):
    for name in SCRIPTS[script]:
        slug = name_slug(name, kind=kind)
        assert SLUG.match(slug), slug
        assert slug.startswith(f"{kind}-")
        assert name_slug(name, kind=kind) == slug
        assert name_slug(f"  {name} ", kind=kind) == slug  # stray spaces are the same name


def test_different_names_in_one_script_get_different_slugs():
    slugs = {name_slug(name, kind="outlet") for name in ["الجزيرة", "العربية", "الشرق الأوسط"]}
    assert len(slugs) == 3


def test_latin_names_keep_their_words():
    assert name_slug("BBC News", kind="outlet") == "bbc-news"
    assert name_slug("Süddeutsche Zeitung", kind="outlet") == "suddeutsche-zeitung"
    assert name_slug("1843", kind="outlet") == "1843"


def test_a_name_left_with_only_digits_is_not_slugged_as_its_digits():
    assert name_slug("Новости 24", kind="outlet") != name_slug("Известия 24", kind="outlet")
    assert name_slug("Новости 24", kind="outlet").startswith("outlet-")


@pytest.mark.django_db
@pytest.mark.parametrize("script", SCRIPTS)
def test_an_outlet_and_its_source_in_any_script_are_stored_with_latin_slugs(script):
    outlet, title = SCRIPTS[script]
    source = add(outlet, title, TEXTS[script])
    assert source.outlet.name == outlet
    assert SLUG.match(source.outlet.slug) and SLUG.match(source.slug)
    assert source.outlet.slug == name_slug(outlet, kind="outlet")
    assert source.slug.startswith("2025-10-02")


@pytest.mark.django_db
def test_two_non_latin_outlets_in_a_row_get_two_outlets():
    first = add("الجزيرة", "وقف إطلاق النار في غزة يدخل يومه الثالث", TEXTS["arabic"])
    second = add("人民日报", "国务院召开常务会议部署经济工作", TEXTS["chinese"])
    assert first.outlet != second.outlet
    assert first.outlet.slug != second.outlet.slug
    assert first.slug != second.slug
    assert Outlet.objects.count() == 2


@pytest.mark.django_db
def test_two_headlines_of_one_outlet_and_day_in_another_script_get_two_slugs():
    first = add("הארץ", "הכנסת אישרה את התקציב בקריאה שנייה", TEXTS["hebrew"])
    second = add("הארץ", "הממשלה אישרה את התוכנית", "הממשלה אישרה את התוכנית ברוב קולות.")
    assert first.outlet == second.outlet
    assert first.slug != second.slug
    assert not second.slug.endswith("-2")  # its own title's hash, not a number after the first


@pytest.mark.django_db
def test_outlets_whose_names_slug_alike_get_two_slugs():
    assert Outlet.for_name("BBC News").slug == "bbc-news"
    assert Outlet.for_name("BBC  news").slug == "bbc-news-2"
    assert Outlet.for_name("BBC News").slug == "bbc-news"  # found again, not made again


@pytest.mark.django_db
def test_a_source_slug_tells_titles_in_another_script_apart_and_stays_the_same():
    outlet, title = SCRIPTS["chinese"]
    slug = unique_slug(outlet, date(2025, 10, 2), title)
    assert SLUG.match(slug)
    assert unique_slug(outlet, date(2025, 10, 2), title) == slug
    assert unique_slug(outlet, date(2025, 10, 2), "国务院发布新规") != slug


@pytest.mark.django_db
def test_the_add_form_takes_a_second_non_latin_outlet_in_a_row(editor_client):
    url = reverse("claims:source_add")
    for script in ("arabic", "cyrillic"):
        outlet, title = SCRIPTS[script]
        response = editor_client.post(
            url,
            {"text": TEXTS[script], "outlet": outlet, "title": title, "published": "2025-10-02"},
        )
        assert response.status_code == 302, response.content[:500]
    assert set(Outlet.objects.values_list("name", flat=True)) == {"الجزيرة", "Коммерсантъ"}
    assert Source.objects.count() == 2


@pytest.mark.django_db
def test_a_refused_submit_shows_the_form_again_with_what_was_typed(editor_client):
    """The reported journey: a second Arabic outlet, refused once (a date the form cannot
    read), shown again as typed, then added when corrected."""
    url = reverse("claims:source_add")
    add(*SCRIPTS["arabic"], TEXTS["arabic"])
    typed = {
        "text": "قالت الحكومة إن المعبر سيفتح صباح الغد أمام الشاحنات.",
        "outlet": "العربية",
        "title": "فتح المعبر أمام الشاحنات",
        "published": "yesterday",
    }
    refused = editor_client.post(url, typed)
    assert refused.status_code == 200
    page = refused.content.decode()
    assert all(value in page for value in typed.values())
    assert Source.objects.count() == 1
    added = editor_client.post(url, {**typed, "published": "2025-10-02"})
    assert added.status_code == 302
    assert Source.objects.filter(outlet__name="العربية").exists()
