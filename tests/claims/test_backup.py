"""Full backup and restore (docs/backup.md): ``manage.py backup`` then ``manage.py restore``
into a freshly migrated database gives back every row of every table (users, password hashes,
tokens, sessions, groups, dismissals, topic filings, history, the task queue), and revision
permalinks show what they showed. The public dataset carries no secrets."""

from __future__ import annotations

import gzip
import json
import re
import stat
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.core import serializers
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.http import HttpRequest
from django.urls import reverse
from rest_framework.authtoken.models import Token

from claims import backup, services
from claims.backup import SEARCH_INDEX_TABLES, backup_models
from claims.dataset import dump_dataset, export_dataset
from claims.history import latest_revisions
from claims.models import Claim, DismissedCandidate, Reading, Topic
from claims.review.reading import read_source
from claims.search import matching_claims
from sources.models import Source
from tests.conftest import load_seed_dump

pytestmark = pytest.mark.django_db


def every_table() -> dict[str, int]:
    """Row counts of every table in the database, as the database itself lists them, but a
    database cache's (SHARED_CACHE=true): rate-limit counters are no data to restore; and
    SQLite's search index, kept by triggers in its own layout (searched after a restore
    instead)."""
    caches = {cache.get("LOCATION") for cache in settings.CACHES.values()}
    counts = {}
    with connection.cursor() as cursor:
        for table in set(connection.introspection.table_names(cursor)) - caches:
            if table.startswith(SEARCH_INDEX_TABLES):
                continue
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def every_row() -> dict[str, list[dict]]:
    """Every row of every model, field by field (links included), in key order."""
    return {
        model._meta.label: serializers.serialize("python", model._base_manager.order_by("pk"))
        for model in backup_models()
    }


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    # the CSRF token and any CSP nonce differ from one request to the next
    return re.sub(r'(csrfmiddlewaretoken" value|nonce)="[^"]*"', "", response.content.decode())


@pytest.fixture
def ledger(seed_dump, client):
    """A savepoint at the freshly migrated database, then a working ledger: the seeds with
    their history, a staff user with groups, permissions, a password, an API token and a
    session, a dismissal, a topic filing, an edit (a new revision), an admin log entry, a
    reading and a queued task. Rolling back to the savepoint empties the database again."""
    fresh = transaction.savepoint_create()
    load_seed_dump(seed_dump)
    user = User.objects.create_user("curator", "c@example.org", "s3cret", is_staff=True)
    user.groups.add(Group.objects.get_or_create(name="Night desk")[0])
    user.user_permissions.add(Permission.objects.get(codename="change_claim"))
    token = Token.objects.create(user=user)
    client.force_login(user)
    source = Source.objects.order_by("pk").first()
    services.candidate_dismiss(source=source, start=0, end=12, user=user, reason="Headline")
    claim = Claim.objects.get(slug="officers-suspended-2025")
    claim.topic.sources.add(*Source.objects.exclude(topics=claim.topic)[:1])
    services.claim_update(claim=claim, rating="Accurate", rating_explanation="Two outlets.")
    LogEntry.objects.log_actions(
        user.pk, [claim], CHANGE, change_message="Rated", single_object=True
    )
    Reading.objects.create(source=source, version="1:test", state=Reading.State.DONE)
    read_source.enqueue(source.pk, "1:test")
    return {"fresh": fresh, "user": user, "token": token.key, "claim": claim}


def test_a_restore_into_an_empty_database_gives_back_every_row_of_every_table(
    ledger, client, tmp_path
):
    claim = ledger["claim"]
    latest = latest_revisions({claim.pk})[claim.pk].number
    assert latest >= 3  # the seeds' revisions and the edit
    permalinks = [reverse("claims:revision", args=[claim.slug, n]) for n in (1, latest)]
    shown = [page(client, url) for url in permalinks]
    assert "Accurate" in shown[1] and "Accurate" not in shown[0]
    counts, rows = every_table(), every_row()
    assert all(counts[Model._meta.db_table] for Model in (DismissedCandidate, Token, Reading))
    assert counts[Topic.sources.through._meta.db_table]  # topic filings

    path = tmp_path / "corroborate.jsonl.gz"
    call_command("backup", path, stdout=StringIO())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # it holds password hashes and tokens
    transaction.savepoint_rollback(ledger["fresh"])  # a freshly migrated database
    assert not Claim.objects.exists() and not User.objects.exists()
    out = StringIO()
    call_command("restore", path, stdout=out)

    assert "every table holds as many rows as in the backup" in out.getvalue()
    assert every_table() == counts
    assert every_row() == rows  # to the microsecond
    assert [page(client, url) for url in permalinks] == shown  # the session holds too
    assert client.login(request=HttpRequest(), username="curator", password="s3cret")
    api = client.get("/api/claims/", HTTP_AUTHORIZATION=f"Token {ledger['token']}")
    assert api.status_code == 200
    assert Claim.objects.create(topic=claim.topic, slug="new-after-restore", statement="New")


def test_a_restore_refuses_a_database_that_is_not_empty_unless_told_to_replace_it(ledger, tmp_path):
    path = tmp_path / "corroborate.jsonl.gz"
    call_command("backup", path, stdout=StringIO())
    counts = every_table()
    services.candidate_restore(dismissal=DismissedCandidate.objects.get())
    changed = every_table()

    with pytest.raises(CommandError, match=r"not empty: it has rows in .*claims_claim"):
        call_command("restore", path, stdout=StringIO())
    assert every_table() == changed
    call_command("restore", path, replace=True, stdout=StringIO())
    assert every_table() == counts
    word = max(re.findall(r"[a-z]+", Claim.objects.first().statement), key=len)
    assert matching_claims(Claim.objects.all(), word).exists()  # the search index follows


def test_a_restore_refuses_a_backup_made_with_other_migrations(ledger, tmp_path):
    path = tmp_path / "corroborate.jsonl.gz"
    call_command("backup", path, stdout=StringIO())
    with gzip.open(path, "rt", encoding="utf-8") as f:
        header, *rows = f.read().splitlines(keepends=True)
    older = json.loads(header)
    dropped = older["migrations"].pop()
    older_path = tmp_path / "older.jsonl.gz"
    with gzip.open(older_path, "wt", encoding="utf-8") as f:
        f.write(json.dumps(older) + "\n" + "".join(rows))
    transaction.savepoint_rollback(ledger["fresh"])

    with pytest.raises(CommandError, match=f"Not in the backup: {re.escape(dropped)}"):
        call_command("restore", older_path, stdout=StringIO())
    assert not Claim.objects.exists()


def test_the_public_dataset_carries_no_password_hash_token_or_user(ledger):
    """The dataset format is for sharing the ledger; the backup is the only file with secrets."""
    text = dump_dataset(export_dataset())
    user = ledger["user"]
    assert user.password not in text
    assert ledger["token"] not in text
    assert "curator" not in text and "c@example.org" not in text
    assert json.loads(text)["claims"]  # the ledger is there


def test_a_backup_that_fails_half_way_leaves_no_file(ledger, tmp_path, monkeypatch):
    def rows_then_a_crash(models, using):
        yield Claim.objects.first()
        raise OSError("No space left on device")

    monkeypatch.setattr(backup, "_rows", rows_then_a_crash)
    with pytest.raises(CommandError, match="No space left"):
        call_command("backup", tmp_path / "corroborate.jsonl.gz", stdout=StringIO())
    assert list(tmp_path.iterdir()) == []
