"""Claimants: who a figure is attributed to, curated with every name sources give them, counted
once in a verdict however many outlets repeat them. Figures from reports on Kenya's 2024
Finance Bill protests."""

from __future__ import annotations

import importlib
import re
from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from claims import services
from claims.models import Claim, Claimant
from claims.rules.values import Quantity
from tests.factories import attest, make_claim, make_source

pytestmark = pytest.mark.django_db

fill = importlib.import_module("claims.migrations.0008_claimants_from_attribution").fill

KNCHR = "Kenya National Commission on Human Rights"


def toll_claim() -> Claim:
    return make_claim(
        statement="People killed in the protests against the Finance Bill",
        entity="people",
        predicate="died",
        changes_over_time=False,
    )


def link(claim, source, quote, number, attributed_to=""):
    start = source.text.index(quote)
    return services.attestation_link(
        source=source,
        claim=claim,
        start=start,
        end=start + len(quote),
        value=Quantity(number),
        attributed_to=attributed_to,
    )


def test_a_claimant_is_found_by_any_of_its_names_however_written():
    commission = services.claimant_create(name=KNCHR, aliases=["KNCHR"])

    assert services.claimant_for(name="the KNCHR") == commission
    assert services.claimant_for(name=f"The {KNCHR}.") == commission
    assert services.claimant_for(name="  ") is None
    ruto = services.claimant_for(name="President William Ruto")
    assert ruto != commission and ruto.slug == "president-william-ruto"


def test_a_name_belongs_to_one_claimant():
    services.claimant_create(name=KNCHR, aliases=["KNCHR"])
    rights_group = services.claimant_create(name="Kenya Human Rights Commission")

    with pytest.raises(ValidationError, match=f"“KNCHR” already names {KNCHR}"):
        services.claimant_name_add(claimant=rights_group, name="KNCHR")


def test_a_claimant_quoted_by_two_outlets_is_one_origin_and_another_claimant_differs():
    claim = toll_claim()
    voi = make_source(
        f"The {KNCHR} (KNCHR) says 39 people have been killed.",
        outlet="VOI",
        published=date(2024, 7, 2),
    )
    star = make_source(
        "The KNCHR said 39 people had died in the protests.",
        outlet="The Star",
        published=date(2024, 7, 3),
    )
    services.claimant_create(name=KNCHR, aliases=["KNCHR"])
    link(claim, voi, "39 people", 39, attributed_to=f"The {KNCHR}")
    link(claim, star, "39 people", 39, attributed_to="The KNCHR")

    claim.refresh_from_db()
    assert claim.verdict == "single"
    # named as curated, whatever words each report uses
    assert claim.verdict_explanation.startswith(f"Only from {KNCHR}, as reported by VOI")
    assert Claimant.objects.get().attestations.count() == 2
    listed = Claim.objects.for_list().get(pk=claim.pk)
    assert (listed.source_count, listed.independent_count) == (2, 1)

    ruto = make_source(
        "President William Ruto said 19 people had died.",
        outlet="Capital FM",
        published=date(2024, 6, 30),
    )
    link(claim, ruto, "19 people", 19, attributed_to="President William Ruto")
    claim.refresh_from_db()
    assert claim.verdict == "differ"
    assert claim.verdict_explanation.startswith(
        "According to President William Ruto, 19 (Capital FM, 30 June 2024); according to "
        f"{KNCHR}, 39 (VOI, 2 July 2024)"
    )


def test_merging_two_claimants_that_are_one_party_makes_their_figures_one_origin():
    claim = toll_claim()
    voi = make_source(f"The {KNCHR} says 39 people have been killed.", outlet="VOI")
    star = make_source("The KNCHR said 39 people had died.", outlet="The Star")
    link(claim, voi, "39 people", 39, attributed_to=KNCHR)
    link(claim, star, "39 people", 39, attributed_to="The KNCHR")
    claim.refresh_from_db()
    assert claim.verdict == "agree"  # two claimants, as far as the ledger knows

    keep, drop = Claimant.objects.get(name=KNCHR), Claimant.objects.get(name="The KNCHR")
    services.claimant_merge(keep=keep, drop=drop)

    claim.refresh_from_db()
    assert claim.verdict == "single"
    assert services.claimant_for(name="KNCHR") == keep
    assert not Claimant.objects.filter(pk=drop.pk).exists()


def test_the_migration_gives_attributed_attestations_claimants_and_recomputes_verdicts():
    claim = toll_claim()
    voi = make_source("The KNCHR says 39 people have been killed.", outlet="VOI")
    star = make_source("The KNCHR said 39 people had died.", outlet="The Star")
    attest(claim, voi, "39 people", Quantity(39), attributed_to="The KNCHR")
    attest(claim, star, "39 people", Quantity(39), attributed_to="the KNCHR ")
    claim.refresh_from_db()
    assert claim.verdict == "agree"  # before: two outlets

    fill(apps, None)

    claim.refresh_from_db()
    assert Claimant.objects.get().name == "The KNCHR"  # one name, as first written
    assert claim.verdict == "single"


def test_curators_name_claimants_in_the_admin_and_a_name_of_another_is_refused(editor_client):
    services.claimant_create(name=KNCHR, aliases=["KNCHR"])
    url = reverse("admin:claims_claimant_add")
    form = {
        "name": "Kenya Police Service",
        "slug": "kenya-police-service",
        "names-TOTAL_FORMS": "1",
        "names-INITIAL_FORMS": "0",
        "names-MIN_NUM_FORMS": "0",
        "names-MAX_NUM_FORMS": "1000",
        "names-0-name": "the police",
    }

    response = editor_client.post(url, form)

    assert response.status_code == 302
    police = Claimant.objects.get(slug="kenya-police-service")
    assert services.claimant_for(name="Police") == police
    assert services.claimant_for(name="Kenya Police Service") == police

    refused = editor_client.post(url, form | {"name": "KNCHR", "slug": "knchr"})
    assert refused.status_code == 200
    assert f"already names {KNCHR}" in refused.content.decode()


def test_a_dataset_carries_claimants_with_their_names_and_names_them_on_attestations(tmp_path):
    from claims.dataset import DatasetError, export_dataset
    from claims.dataset.reader import parse_dataset
    from claims.dataset.writer import import_dataset

    claim = toll_claim()
    voi = make_source(f"The {KNCHR} says 39 people have been killed.", outlet="VOI")
    commission = services.claimant_create(name=KNCHR, aliases=["KNCHR"])
    link(claim, voi, "39 people", 39, attributed_to=f"The {KNCHR}")

    exported = export_dataset()

    assert exported["claimants"] == [{"slug": commission.slug, "name": KNCHR, "names": ["KNCHR"]}]
    (attestation,) = exported["claims"][0]["attestations"]
    assert attestation["claimant"] == commission.slug
    # a file names the claimant of a figure whose words name nobody it knows
    attestation.update(attributed_to="rights monitors", claimant=commission.slug)
    exported["claimants"][0]["names"].append("the commission")
    import_dataset(parse_dataset(exported))
    assert claim.attestations.get().claimant == commission
    assert services.claimant_for(name="the commission") == commission
    # an unknown claimant is an error that names the place
    attestation["claimant"] = "nobody"
    exported["claimants"] = []
    with pytest.raises(DatasetError, match="unknown claimant 'nobody'"):
        import_dataset(parse_dataset(exported))


def test_the_claim_list_filters_by_who_says_it(client):
    toll = toll_claim()
    injured = make_claim(statement="People injured in the protests", entity="people")
    voi = make_source("The KNCHR says 39 people have been killed and 361 injured.", outlet="VOI")
    link(toll, voi, "39 people", 39, attributed_to="The KNCHR")
    link(injured, voi, "361", 361)  # the report's own words for the injured
    commission = Claimant.objects.get()

    page = client.get(reverse("claims:list"), {"claimant": commission.slug}).content.decode()

    assert toll.statement in page and injured.statement not in page
    assert "Who says it" in page


def test_the_review_queue_shows_who_says_a_figure_and_the_editor_can_correct_it(editor_client):
    toll = toll_claim()
    source = make_source(
        "Kenya's human rights commission said on Monday that 39 people had been killed.",
        outlet="VOI",
    )
    queue = editor_client.get(reverse("claims:review", args=[source.slug])).content.decode()
    assert 'name="attributed_to"' in queue and "Who says it" in queue

    start = source.text.index("39 people")
    response = editor_client.post(
        reverse("claims:review_link", args=[source.slug]),
        {
            "start": start,
            "end": start + len("39 people"),
            "claim": toll.slug,
            "value": "39",
            "attributed_to": "the KNCHR",  # typed by the editor
        },
    )

    assert response.status_code == 302
    assert toll.attestations.get().claimant.name == "the KNCHR"


def test_the_reader_says_who_is_speaking_at_each_highlight(client):
    toll = toll_claim()
    source = make_source("The KNCHR says 39 people have been killed.", outlet="VOI")
    link(toll, source, "39 people", 39, attributed_to="The KNCHR")

    page = client.get(reverse("claims:source", args=[source.slug])).content.decode()

    assert f'title="{toll.statement} — according to The KNCHR"' in page
    assert "; according to The KNCHR)" in page  # read out before the highlight
    assert '<span class="meta">according to <bdi>The KNCHR</bdi></span>' in page  # claims listed


def test_one_agency_story_carried_by_two_sites_is_one_origin():
    # the AP story of 3 October 2024 as Local News 8 carried it, and under another site's
    # headline: the same wire, one origin, though neither names the other as its copy
    wire = (
        "KIGALI, Rwanda (AP) — Marburg hemorrhagic fever has killed 11 people in Rwanda, "
        "health authorities said, as the East African country continues to investigate the "
        "source of an outbreak first traced among patients in health facilities."
    )
    deaths = make_claim(statement="People killed by Marburg fever in Rwanda", entity="people")
    local = make_source(wire, outlet="Local News 8", published=date(2024, 10, 3))
    other = make_source(
        "Marburg fever deaths rise in Rwanda\n\n" + wire,
        outlet="Another Site",
        published=date(2024, 10, 3),
    )
    assert (local.agency, other.agency) == ("AP", "AP")
    link(deaths, local, "11 people", 11)
    link(deaths, other, "11 people", 11)

    deaths.refresh_from_db()
    assert (deaths.verdict, deaths.independent_count) == ("single", 1)
    assert deaths.verdict_explanation.endswith("(2 sources, 1 independent).")


def three_tolls(claim: Claim) -> Claim:
    """The President's 19 (Capital FM, 30 June 2024), the KNCHR's 39 (VOI, 2 July; The Star,
    3 July), linked to ``claim`` with their claimants."""
    services.claimant_create(name=KNCHR, aliases=["KNCHR"])
    for text, outlet, day, number, who in [
        (
            "President William Ruto said 19 people had died.",
            "Capital FM",
            date(2024, 6, 30),
            19,
            "President William Ruto",
        ),
        (
            f"The {KNCHR} (KNCHR) says 39 people have been killed.",
            "VOI",
            date(2024, 7, 2),
            39,
            f"The {KNCHR}",
        ),
        (
            "The KNCHR said 39 people had died in the protests.",
            "The Star",
            date(2024, 7, 3),
            39,
            "The KNCHR",
        ),
    ]:
        source = make_source(text, outlet=outlet, published=day)
        link(claim, source, f"{number} people", number, attributed_to=who)
    return claim


def test_the_claim_page_groups_quotes_and_timeline_lanes_by_who_says_it(client):
    claim = toll_claim()
    claim.changes_over_time = True
    claim.save()
    three_tolls(claim)

    page = client.get(claim.get_absolute_url()).content.decode()

    chart, listing = page.split("<h2>What each source says</h2>")
    # A label too long for a phone's line goes on in a <tspan>: the label is all its text.
    lanes = re.findall(r'<text class="timeline-lane-label"[^>]*>(.*?)</text>', chart)
    assert [re.sub(r"<[^>]+>", "", lane) for lane in lanes] == [
        "According to President William Ruto",
        f"According to {KNCHR}",
    ]
    ruto, commission = (v.split("</section>")[0] for v in listing.split("<h3")[1:3])
    assert "Capital FM" in ruto and "VOI" not in ruto
    assert "VOI" in commission and "The Star" in commission and "Capital FM" not in commission


def test_renaming_a_claimant_in_the_admin_renames_it_in_the_verdicts(editor_client):
    claim = toll_claim()
    voi = make_source(
        f"The {KNCHR} (KNCHR) says 39 people have been killed.",
        outlet="VOI",
        published=date(2024, 7, 2),
    )
    link(claim, voi, "39 people", 39, attributed_to="The KNCHR")
    commission = Claimant.objects.get()
    names = list(commission.names.all())
    form = {
        "name": KNCHR,
        "slug": commission.slug,
        "names-TOTAL_FORMS": str(len(names)),
        "names-INITIAL_FORMS": str(len(names)),
        "names-MIN_NUM_FORMS": "0",
        "names-MAX_NUM_FORMS": "1000",
    }
    for n, entry in enumerate(names):
        form |= {f"names-{n}-id": str(entry.pk), f"names-{n}-name": entry.name}

    url = reverse("admin:claims_claimant_change", args=[commission.pk])
    assert editor_client.post(url, form).status_code == 302

    claim.refresh_from_db()
    assert claim.verdict_explanation.startswith(f"Only from {KNCHR}, as reported by VOI")
