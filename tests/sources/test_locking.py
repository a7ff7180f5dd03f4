"""Two editors and one source (#12, lost updates): a save from a version of the source that is
no longer the stored one is refused, saying who changed it and when, in the services, in the
admin and, on PostgreSQL, between two real transactions at once."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.urls import reverse

from sources.models import Source, StaleEdit
from sources.services import source_delete, source_save
from tests.factories import make_source

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite lets one writer in at a time: two transactions cannot race",
)
ROUNDS = 12


class _FormFields(HTMLParser):
    """What a browser sends for the page's form ``form_id``: its named inputs, textareas and
    selected options (checkboxes only when checked)."""

    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id, self.inside = form_id, False
        self.data: dict[str, list[str]] = {}
        self._text: str | None = None
        self._select: str | None = None
        self._textareas: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside:
            return
        name = a.get("name", "")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") not in ("checkbox", "radio"):
                self.data.setdefault(name, []).append(a.get("value", ""))
            elif "checked" in a:
                self.data.setdefault(name, []).append(a.get("value", "on"))
        elif tag == "textarea" and name:
            self._text = name
            self.data[name] = [""]
            self._textareas.add(name)
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select].append(a.get("value", ""))

    def handle_data(self, data: str) -> None:
        if self._text:
            self.data[self._text][0] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._text = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self.inside = False


def form_data(page, form_id: str) -> dict[str, list[str]]:
    """The form of an admin page as its Save button would send it."""
    parser = _FormFields(form_id)
    parser.feed(page.content.decode())
    for name in parser._textareas:  # a newline just after <textarea> is not in its value
        parser.data[name] = [parser.data[name][0].removeprefix("\n")]
    return parser.data


def curator(username: str, like: User) -> User:
    """Another user with the same permissions as ``like``."""
    user = User.objects.create_user(username, password="pw", is_staff=True)
    user.user_permissions.set(like.user_permissions.all())
    return user


def saved_by(user: User, source: Source, **fields) -> Source:
    """``source`` as ``user`` saves it through the service, with ``fields`` changed."""
    for name, value in fields.items():
        setattr(source, name, value)
    source._history_user = user  # who django-simple-history records, as a request would
    return source_save(source=source)


# The service.


def test_a_save_from_an_old_version_is_refused_naming_who_changed_it(editor):
    source = make_source("Nine officers were suspended.", title="Nine suspended")
    mine, theirs = Source.objects.get(pk=source.pk), Source.objects.get(pk=source.pk)
    saved_by(editor, theirs, title="Nine Met officers suspended")

    mine.url = "https://example.com/nine"
    with pytest.raises(StaleEdit) as refused:
        source_save(source=mine)

    assert refused.value.summary.startswith("This source was changed by editor at ")
    assert refused.value.summary.endswith(": review and resubmit.")
    assert ("title", "Nine Met officers suspended") in refused.value.changes
    stored = Source.objects.get(pk=source.pk)
    assert (stored.title, stored.url, stored.version) == ("Nine Met officers suspended", "", 2)


def test_deleting_a_source_changed_since_it_was_loaded_is_refused(editor):
    source = make_source()
    saved_by(editor, Source.objects.get(pk=source.pk), title="Corrected")
    with pytest.raises(StaleEdit):
        source_delete(source=source)
    assert Source.objects.filter(pk=source.pk).exists()


# The admin.


def test_the_later_of_two_admin_saves_is_refused_and_keeps_what_was_typed(editor, client):
    alice = curator("alice", like=editor)
    source = make_source("Nine officers were suspended.", title="Nine suspended")
    url = reverse("admin:sources_source_change", args=[source.pk])
    client.force_login(editor)
    mine = form_data(client.get(url), "source_form")
    client.force_login(alice)
    theirs = form_data(client.get(url), "source_form")

    theirs["title"] = ["Nine Met officers suspended"]
    assert client.post(url, theirs).status_code == 302
    client.force_login(editor)
    mine["url"] = ["https://example.com/nine"]
    refused = client.post(url, mine)

    assert refused.status_code == 200
    page = refused.content.decode()
    assert "This source was changed by alice at " in page
    assert "review and resubmit" in page
    again = form_data(refused, "source_form")
    assert again["url"] == ["https://example.com/nine"]  # what the editor typed
    assert again["title"] == ["Nine Met officers suspended"]  # what alice changed, now
    assert Source.objects.get(pk=source.pk).url == ""

    assert client.post(url, again).status_code == 302  # sent again, after a look
    stored = Source.objects.get(pk=source.pk)
    assert (stored.title, stored.url) == ("Nine Met officers suspended", "https://example.com/nine")


# Two real transactions at once.


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_of_two_concurrent_saves_one_wins_and_the_other_is_told(editor):
    source = make_source("Nine officers were suspended.", published=date(2025, 10, 1))
    for round_ in range(ROUNDS):
        both_loaded = threading.Barrier(2)

        def save(fields: dict[str, str], barrier: threading.Barrier = both_loaded) -> str:
            try:
                loaded = Source.objects.get(pk=source.pk)
                barrier.wait(timeout=30)  # both have read before either writes
                for name, value in fields.items():
                    setattr(loaded, name, value)
                source_save(source=loaded)
                return "saved"
            except StaleEdit:
                return "stale"
            finally:
                connection.close()  # each thread has its own connection

        edits = [{"title": f"Title {round_}"}, {"url": f"https://example.com/{round_}"}]
        with ThreadPoolExecutor(2) as pool:
            outcomes = list(pool.map(save, edits))

        assert sorted(outcomes) == ["saved", "stale"], round_
        stored = Source.objects.get(pk=source.pk)
        won = edits[outcomes.index("saved")]
        assert all(getattr(stored, name) == value for name, value in won.items()), round_
        assert stored.version == round_ + 2
