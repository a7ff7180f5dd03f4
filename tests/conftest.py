from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor(db) -> User:
    """A curator: staff, allowed to change claims, attestations, sources, topics and
    claimants."""
    user = User.objects.create_user("editor", password="pw", is_staff=True)
    codenames = [
        f"{action}_{model}"
        for action in ("view", "add", "change", "delete")
        for model in (
            "claim",
            "attestation",
            "source",
            "topic",
            "outlet",
            "claimant",
            "claimantname",
        )
    ]
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def reader(db) -> User:
    """Logged in, staff, but with no permission to change anything."""
    return User.objects.create_user("reader", password="pw", is_staff=True)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture(scope="session")
def seed_dump(django_db_setup, django_db_blocker, tmp_path_factory) -> Path:
    """The seed corpus as ``load_seeds`` leaves it, history and all, dumped once a session:
    loading the dump takes a fraction of replaying the seeds source by source."""
    dump = tmp_path_factory.mktemp("seeds") / "seeds.json"
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_seeds", stdout=StringIO())
        call_command("dumpdata", "sources", "claims", output=str(dump), stdout=StringIO())
        transaction.set_rollback(True)
    return dump


def load_seed_dump(dump: Path) -> None:
    call_command("loaddata", str(dump), stdout=StringIO())


@pytest.fixture
def seeds(db, seed_dump) -> None:
    """The seed corpus, loaded (tests of ``load_seeds`` itself call the command)."""
    load_seed_dump(seed_dump)
