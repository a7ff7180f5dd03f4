"""A long source is read by the task worker: its review page shows how far the reading has
got, then the queue. A short one is read when its queue is first opened. Either way the
reading is kept in the database, for every app server, until the text changes."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from claims.finder.candidates import candidate_from_json, candidate_to_json
from claims.finder.find import find_claims
from claims.models import Reading
from claims.review import reading as reading_module
from sources.models import Source
from tests.claims.test_review import NEW_REPORT, new_source, queue_url

__all__ = ["new_source"]  # a fixture

# A report sentence about another story (AFP via Expatica, 16 October 2010), and a text of it
# far longer than is read while an editor waits.
SENTENCE = (
    "Police said Saturday 50,000 demonstrators had turned out in Paris to protest against "
    "pension reform plans, fewer than at a previous weekend rally two weeks ago, while the "
    "unions claimed 310,000."
)


def long_text(characters: int = 40_000) -> str:
    return "Pension protests\n\n" + "\n\n".join([SENTENCE] * (characters // len(SENTENCE) + 1))


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO())


def add_long_source(client) -> Source:
    response = client.post(
        reverse("claims:source_add"),
        {
            "text": long_text(),
            "outlet": "Expatica",
            "title": "Pension protests",
            "published": "2010-10-16",
        },
    )
    assert response.status_code == 302
    return Source.objects.get(title="Pension protests")


def test_a_candidate_is_kept_as_json_and_read_back_the_same():
    text = f"{NEW_REPORT}\n\n{SENTENCE}"
    found = find_claims(text, published=date(2025, 10, 3))
    assert len(found) >= 4
    stored = json.loads(json.dumps([candidate_to_json(c) for c in found]))
    assert [candidate_from_json(data) for data in stored] == found


def test_the_finder_tells_how_far_it_has_read():
    told: list[tuple[int, int]] = []
    find_claims(long_text(), published=date(2010, 10, 16), progress=lambda *at: told.append(at))
    sentences = told[0][1]
    assert sentences > 100
    assert [done for done, _ in told] == sorted(done for done, _ in told)
    assert told[-1][0] >= sentences * 0.9  # near the end by the last report
    assert len(told) <= 51  # about fifty reports, however long the text


# The worker closes its database connection when it is done, as a process of its own would:
# these tests commit, rather than run inside a transaction that closing would end.
@pytest.mark.django_db(transaction=True)
def test_a_long_source_shows_the_readings_progress_then_its_queue(editor_client, seeds):
    source = add_long_source(editor_client)
    # queued for the worker at once: a task row, and a reading waiting for it
    task = DBTaskResult.objects.get()
    assert task.task_path == "claims.review.reading.read_source"
    assert Reading.objects.get(source=source).state == Reading.State.QUEUED

    page = editor_client.get(queue_url(source)).content.decode()
    assert "Reading the text" in page and '<progress id="reading-bar" max="100" value="0">' in page
    assert '<li class="candidate"' not in page  # nothing read here: the page answers at once
    progress = editor_client.get(reverse("claims:review_progress", args=[source.slug])).json()
    assert progress["state"] == "queued" and progress["percent"] == 0

    run_worker()

    reading = Reading.objects.get(source=source)
    assert reading.state == Reading.State.DONE and reading.total > 100
    assert reading.done >= reading.total * 0.9  # the worker told how far it had got
    progress = editor_client.get(reverse("claims:review_progress", args=[source.slug])).json()
    assert progress["state"] == "done" and progress["percent"] == 100
    page = editor_client.get(queue_url(source)).content.decode()
    assert "Reading the text" not in page
    assert "<mark>50,000" in page  # the queue, with the text's figures
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.django_db
def test_a_short_source_is_read_when_its_queue_is_opened_and_kept(
    editor_client, new_source, django_assert_max_num_queries
):
    assert not Reading.objects.exists()
    page = editor_client.get(queue_url(new_source)).content.decode()
    assert "<mark>Nine officers" in page
    assert not DBTaskResult.objects.exists()  # no worker needed
    assert Reading.objects.get(source=new_source).state == Reading.State.DONE
    # a text that changes is read again: the kept reading was of the old one
    new_source.text = new_source.text.replace("Nine officers", "Ten officers")
    new_source.save()
    page = editor_client.get(queue_url(new_source)).content.decode()
    assert "<mark>Ten officers" in page and "<mark>Nine officers" not in page


@pytest.mark.django_db(transaction=True)
def test_a_reading_that_fails_says_so_and_can_be_queued_again(editor_client, seeds, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a sentence the finder cannot read")

    with monkeypatch.context() as patched:
        patched.setattr(reading_module, "find_claims", broken)
        source = add_long_source(editor_client)
        run_worker()
    reading = Reading.objects.get(source=source)
    assert reading.state == Reading.State.FAILED
    page = editor_client.get(queue_url(source)).content.decode()
    assert "The text could not be read" in page and "a sentence the finder cannot read" in page

    editor_client.post(reverse("claims:review_read_again", args=[source.slug]))
    assert Reading.objects.get(source=source).state == Reading.State.QUEUED
    run_worker()
    assert Reading.objects.get(source=source).state == Reading.State.DONE
    assert "<mark>50,000" in editor_client.get(queue_url(source)).content.decode()


@pytest.mark.django_db
def test_a_reader_cannot_see_the_progress_or_queue_a_reading(reader_client, new_source):
    progress = reader_client.get(reverse("claims:review_progress", args=[new_source.slug]))
    again = reader_client.post(reverse("claims:review_read_again", args=[new_source.slug]))
    assert progress.status_code == 403 and again.status_code == 403
    assert not DBTaskResult.objects.exists()
