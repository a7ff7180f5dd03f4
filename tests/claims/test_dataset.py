"""The dataset format: import, export, round trips and bad input (nothing written)."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from unittest.mock import patch

import pytest
from django.core.management import CommandError, call_command

from claims.dataset import dump_dataset, export_dataset
from claims.models import Attestation, Claim, Topic
from sources.models import Outlet, Source

pytestmark = pytest.mark.django_db

TEXT = "The IOPC said 11 officers were under investigation.\nNine officers were suspended."


def small_dataset(**changes) -> dict:
    data = {
        "format": "corroborate-dataset",
        "version": 1,
        "topics": [{"slug": "inquiry", "title": "The inquiry"}],
        "sources": [
            {
                "slug": "paper-2025-10-01",
                "outlet": "The Paper",
                "title": "Officers suspended",
                "authors": ["A. Writer"],
                "published": "2025-10-01",
                "text": TEXT,
            }
        ],
        "claims": [
            {
                "slug": "officers-investigated",
                "topic": "inquiry",
                "statement": "Eleven officers were under investigation",
                "kind": "quantity",
                "unit": "officers",
                "changes_over_time": True,
                "attestations": [
                    {
                        "source": "paper-2025-10-01",
                        "quote": "11 officers were under investigation",
                        "start": 14,
                        "value": {"number": 11},
                        "attributed_to": "the IOPC",
                    }
                ],
            }
        ],
    }
    data.update(changes)
    return data


def write(tmp_path: Path, data: dict | str, name: str = "data.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Topic, Outlet, Source, Claim, Attestation))


def test_it_imports_a_dataset_with_offsets_context_and_verdict(tmp_path):
    call_command("import_dataset", write(tmp_path, small_dataset()), stdout=StringIO())

    attestation = Attestation.objects.get()
    assert (attestation.start, attestation.end) == (14, 50)
    assert attestation.context_before == "The IOPC said "
    assert attestation.context_after == "."  # context stays within the line
    assert attestation.value_display == "11"
    claim = Claim.objects.get()
    assert claim.verdict == "single"
    assert "The Paper (1 October 2025)" in claim.verdict_explanation


def test_it_finds_the_offset_when_a_unique_quote_has_no_start(tmp_path):
    data = small_dataset()
    del data["claims"][0]["attestations"][0]["start"]
    call_command("import_dataset", write(tmp_path, data), stdout=StringIO())
    assert Attestation.objects.get().start == 14


def test_importing_twice_changes_nothing(tmp_path):
    path = write(tmp_path, small_dataset())
    call_command("import_dataset", path, stdout=StringIO())
    first = (counts(), list(Claim.objects.values("modified", "verdict")))
    out = StringIO()
    call_command("import_dataset", path, stdout=out)
    assert "nothing changed" in out.getvalue()
    assert (counts(), list(Claim.objects.values("modified", "verdict"))) == first


def test_reimporting_a_changed_value_updates_the_attestation_and_verdict(tmp_path):
    call_command("import_dataset", write(tmp_path, small_dataset()), stdout=StringIO())
    data = small_dataset()
    data["sources"].append(
        {
            "slug": "other-2025-10-02",
            "outlet": "Other News",
            "title": "More",
            "published": "2025-10-02",
            "text": "Ten officers were under investigation, the IOPC said.",
        }
    )
    data["claims"][0]["changes_over_time"] = False
    data["claims"][0]["attestations"].append(
        {"source": "other-2025-10-02", "quote": "Ten officers", "value": {"number": 10}}
    )
    call_command("import_dataset", write(tmp_path, data, "v2.json"), stdout=StringIO())

    claim = Claim.objects.get()
    assert claim.verdict == "differ"
    # the first source attributes its 11 to the IOPC; the second gives 10 on its own account
    assert claim.verdict_explanation == (
        "According to the IOPC, 11 (The Paper, 1 October 2025); "
        "Other News (2 October 2025) says 10."
    )


def test_reimport_replaces_a_claims_attestations_with_the_files(tmp_path):
    call_command("import_dataset", write(tmp_path, small_dataset()), stdout=StringIO())
    data = small_dataset()
    data["claims"][0]["attestations"] = []
    call_command("import_dataset", write(tmp_path, data, "v2.json"), stdout=StringIO())
    assert Attestation.objects.count() == 0
    assert Claim.objects.get().verdict == ""


def test_export_import_export_round_trip_is_identical(tmp_path):
    call_command("load_seeds", stdout=StringIO())
    first = StringIO()
    call_command("export_dataset", stdout=first)

    for model in (Attestation, Claim, Topic, Source, Outlet):
        model.objects.all().delete()
    exported = write(tmp_path, first.getvalue(), "export.json")
    call_command("import_dataset", exported, stdout=StringIO())
    second = StringIO()
    call_command("export_dataset", stdout=second)

    assert second.getvalue() == first.getvalue()
    assert len(json.loads(first.getvalue())["claims"]) == Claim.objects.count()


def test_export_writes_to_a_file_with_verdicts_and_datetimes(tmp_path):
    call_command("load_seeds", stdout=StringIO())
    target = tmp_path / "out.json"
    call_command("export_dataset", "-o", target)
    data = json.loads(target.read_text(encoding="utf-8"))

    bbc = next(s for s in data["sources"] if s["slug"] == "bbc-live-2025-10-02")
    assert bbc["published"] == "2025-10-02T08:48:00+01:00"
    assert bbc["kind"] == "live_page"
    verdicts = {c["slug"]: c["verdict"] for c in data["claims"]}
    assert verdicts["officers-suspended-2025"] == "agree"


def test_export_of_one_topic_has_only_its_claims_and_sources():
    call_command("load_seeds", stdout=StringIO())
    topic = Topic.objects.get(slug="panorama-charing-cross-custody")
    data = export_dataset(topic=topic)

    assert {c["topic"] for c in data["claims"]} == {topic.slug}
    assert {s["slug"] for s in data["sources"]} == {
        "independent-2025-09-30",
        "bbc-live-2025-10-02",
    }
    assert dump_dataset(data).endswith("}\n")


# Bad input: the error names the file and the place, and nothing is written.


def assert_rejected(path: Path, *fragments: str) -> None:
    before = counts()
    with pytest.raises(CommandError) as raised:
        call_command("import_dataset", path, stdout=StringIO())
    message = str(raised.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message
    assert "Nothing was imported" in message
    assert counts() == before


def test_it_rejects_malformed_json_naming_line_and_column(tmp_path):
    text = json.dumps(small_dataset(), indent=2)
    broken = text.replace('"title": "The inquiry"', '"title": "The inquiry",', 1)
    assert_rejected(write(tmp_path, broken), "line 8, column 5", "Expecting property name")


def test_it_rejects_a_quote_not_in_its_source(tmp_path):
    data = small_dataset()
    data["claims"][0]["attestations"][0]["quote"] = "12 officers were under investigation"
    assert_rejected(
        write(tmp_path, data),
        'claims[0] ("officers-investigated").attestations[0].quote',
        'not in source "paper-2025-10-01"',
    )


def test_it_rejects_a_quote_at_the_wrong_offset(tmp_path):
    data = small_dataset()
    data["claims"][0]["attestations"][0]["start"] = 3
    assert_rejected(write(tmp_path, data), "attestations[0].quote", "it occurs at 14")


def test_it_rejects_an_ambiguous_quote_without_start(tmp_path):
    data = small_dataset()
    attestation = data["claims"][0]["attestations"][0]
    del attestation["start"]
    attestation["quote"] = "officers"
    assert_rejected(write(tmp_path, data), "occurs 2 times", 'give "start"')


def test_it_rejects_an_unknown_source_slug(tmp_path):
    data = small_dataset()
    data["claims"][0]["attestations"][0]["source"] = "no-such-source"
    assert_rejected(
        write(tmp_path, data), "attestations[0].source", "unknown source 'no-such-source'"
    )


def test_it_rejects_an_unknown_topic(tmp_path):
    data = small_dataset()
    data["claims"][0]["topic"] = "elsewhere"
    assert_rejected(write(tmp_path, data), 'claims[0] ("officers-investigated").topic')


@pytest.mark.parametrize(
    ("field", "value"),
    [("published", "2022-02-30"), ("published", "30/04/2019"), ("updated", "2025-13-01")],
)
def test_it_rejects_an_impossible_source_date(tmp_path, field, value):
    data = small_dataset()
    data["sources"][0][field] = value
    assert_rejected(write(tmp_path, data), f'sources[0] ("paper-2025-10-01").{field}', value)


def test_it_rejects_an_impossible_as_of_date(tmp_path):
    data = small_dataset()
    data["claims"][0]["attestations"][0]["as_of"] = "2019-02-29"
    assert_rejected(write(tmp_path, data), "attestations[0].as_of", "not a valid date")


def test_it_rejects_an_impossible_date_value(tmp_path):
    data = small_dataset()
    claim = data["claims"][0]
    claim["kind"] = "date"
    claim["attestations"][0]["value"] = {"date": "2018-02-30"}
    assert_rejected(write(tmp_path, data), "attestations[0].value", "not a valid date")


def test_it_rejects_a_value_that_does_not_fit_the_claim_kind(tmp_path):
    data = small_dataset()
    data["claims"][0]["attestations"][0]["value"] = {"text": "eleven"}
    assert_rejected(write(tmp_path, data), "attestations[0].value", "quantity claim needs a number")


def test_an_error_late_in_the_file_writes_nothing_from_earlier_in_it(tmp_path):
    data = small_dataset()
    good = data["claims"][0]
    bad = json.loads(json.dumps(good))
    bad["slug"] = "second-claim"
    bad["attestations"][0]["source"] = "missing"
    data["claims"].append(bad)
    assert_rejected(write(tmp_path, data), 'claims[1] ("second-claim")')
    assert Topic.objects.count() == 0


def test_it_rejects_two_sources_with_the_same_text(tmp_path):
    data = small_dataset()
    twin = dict(
        data["sources"][0], slug="copy-2025-10-01", text="  " + TEXT.replace(" ", " \t") + "\n\n"
    )
    data["sources"].append(twin)
    assert_rejected(write(tmp_path, data), "sources[1]", 'same text as source "paper-2025-10-01"')


def test_it_rejects_a_text_file_outside_the_dataset_folder(tmp_path):
    (tmp_path / "secret.txt").write_text("secret")
    folder = tmp_path / "data"
    folder.mkdir()
    data = small_dataset()
    source = data["sources"][0]
    del source["text"]
    source["text_file"] = "../secret.txt"
    assert_rejected(write(folder, data), "text_file", "outside the dataset's folder")


def test_it_rejects_a_source_text_change_that_breaks_other_quotes(tmp_path):
    call_command("import_dataset", write(tmp_path, small_dataset()), stdout=StringIO())
    data = small_dataset(claims=[])
    data["sources"][0]["text"] = "Rewritten entirely."
    assert_rejected(
        write(tmp_path, data, "v2.json"), 'breaks the quote of claim "officers-investigated"'
    )
    assert Source.objects.get().text == TEXT


def test_it_rejects_unexpected_keys_so_typos_are_caught(tmp_path):
    data = small_dataset()
    data["claims"][0]["atestations"] = data["claims"][0].pop("attestations")
    assert_rejected(write(tmp_path, data), 'claims[0] ("officers-investigated")', "'atestations'")


def test_it_explains_a_missing_file():
    with pytest.raises(CommandError, match=r"no-such\.json: cannot read the file"):
        call_command("import_dataset", "no-such.json", stdout=StringIO())


def test_a_syndicated_copy_counts_once_in_the_verdict(tmp_path):
    data = small_dataset()
    data["sources"].append(
        {
            "slug": "copy-2025-10-01",
            "outlet": "Syndicator",
            "title": "Officers suspended (wire)",
            "published": "2025-10-01",
            "copy_of": "paper-2025-10-01",
            "text": "Syndicated: " + TEXT,
        }
    )
    data["claims"][0]["attestations"].append(
        {
            "source": "copy-2025-10-01",
            "quote": "11 officers were under investigation",
            "value": {"number": 11},
        }
    )
    call_command("import_dataset", write(tmp_path, data), stdout=StringIO())

    claim = Claim.objects.get()
    assert claim.verdict == "single"
    assert claim.verdict_explanation.endswith("(2 sources, 1 independent).")
    assert Source.objects.get(slug="copy-2025-10-01").copy_of.slug == "paper-2025-10-01"
    exported = export_dataset()
    assert [s["copy_of"] for s in exported["sources"]] == ["paper-2025-10-01", None]


def test_it_rejects_a_copy_of_an_unknown_source(tmp_path):
    data = small_dataset()
    data["sources"][0]["copy_of"] = "nowhere"
    assert_rejected(write(tmp_path, data), 'sources[0] ("paper-2025-10-01").copy_of', "'nowhere'")


def test_it_declares_and_exports_a_claims_parts(tmp_path):
    data = small_dataset()
    part = json.loads(json.dumps(data["claims"][0]))
    part.update(slug="part-claim", statement="A part", parts=[])
    data["claims"][0]["parts"] = ["part-claim"]
    data["claims"].append(part)
    call_command("import_dataset", write(tmp_path, data), stdout=StringIO())
    total = Claim.objects.get(slug="officers-investigated")
    assert [p.slug for p in total.parts.all()] == ["part-claim"]
    assert next(c for c in export_dataset()["claims"] if c["slug"] == total.slug)["parts"] == [
        "part-claim"
    ]


def test_it_rejects_an_unknown_part(tmp_path):
    data = small_dataset()
    data["claims"][0]["parts"] = ["missing-part"]
    assert_rejected(
        write(tmp_path, data), 'claims[0] ("officers-investigated").parts[0]', "unknown claim"
    )


def test_a_row_the_models_refuse_is_an_error_at_its_place(tmp_path):
    """Rows are written through the services, which ``full_clean`` them."""
    data = small_dataset()
    data["claims"][0]["statement"] = "Eleven officers " * 40
    assert_rejected(
        write(tmp_path, data),
        'claims[0] ("officers-investigated")',
        "statement: Ensure this value has at most 500 characters",
    )


def test_a_reimport_defers_verdicts_to_the_end_and_refreshes_each_claim_once(tmp_path):
    call_command("import_dataset", write(tmp_path, small_dataset()), stdout=StringIO())
    data = small_dataset()
    data["claims"][0]["attestations"][0]["value"] = {"number": 12}
    with patch.object(Claim, "refresh_verdict", autospec=True) as refresh:
        call_command("import_dataset", write(tmp_path, data, "v2.json"), stdout=StringIO())
    assert [call.args[0].slug for call in refresh.call_args_list] == ["officers-investigated"]
    assert Attestation.objects.get().value_number == 12


def test_an_as_of_on_the_sources_own_date_is_stored_as_following_it(tmp_path):
    data = small_dataset()
    data["claims"][0]["attestations"][0]["as_of"] = "2025-10-01"
    path = write(tmp_path, data)
    call_command("import_dataset", path, stdout=StringIO())
    assert Attestation.objects.get().as_of is None
    out = StringIO()
    call_command("import_dataset", path, stdout=out)
    assert "nothing changed" in out.getvalue()


def test_what_a_count_counts_is_imported_and_exported(tmp_path):
    data = small_dataset()
    data["claims"][0].update(
        unit="",
        entity="officers",
        predicate="under investigation",
        qualifiers=["Serving", "serving", "former"],
        event="first inquiry",
    )
    call_command("import_dataset", write(tmp_path, data), stdout=StringIO())
    claim = Claim.objects.get(slug="officers-investigated")
    assert (claim.entity, claim.predicate, claim.qualifiers, claim.event) == (
        "officers",
        "under investigation",
        "serving, former",
        "first inquiry",
    )
    exported = export_dataset()["claims"][0]
    assert exported["qualifiers"] == ["serving", "former"]
    assert (exported["entity"], exported["predicate"]) == ("officers", "under investigation")


def test_qualifiers_that_are_not_a_list_are_refused(tmp_path):
    data = small_dataset()
    data["claims"][0]["qualifiers"] = "serving"
    with pytest.raises(CommandError, match="qualifiers: must be a list"):
        call_command("import_dataset", write(tmp_path, data), stdout=StringIO())
    assert counts() == (0, 0, 0, 0, 0)
