from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.db import transaction

from accounts.roles import ROLES, roles_apply


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_match_index():
    """Each test's database is rolled back afterwards: no process index outlives it."""
    from claims import match_store

    match_store.forget()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Nothing kept from another test (a list's estimated total). Rate limits count in the
    database (accounts.RateCount), rolled back or flushed with each test's rows."""
    from django.core.cache import cache

    cache.clear()
    yield


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


@pytest.fixture
def member(db):
    """``member("Editor")``: a new account in that role's group (``accounts.roles``), not staff.
    The group is made as the migration makes it if a flushed database lost it."""

    def make(role: str, username: str | None = None) -> User:
        if not Group.objects.filter(name=role).exists():
            roles_apply({role: ROLES[role]}, group_model=Group, permission_model=Permission)
        name = username or f"{role.lower().replace(' ', '-')}-member"
        user = User.objects.create_user(name, password="pw")
        user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def site_reader(member) -> User:
    return member("Reader")


@pytest.fixture
def site_editor(member) -> User:
    return member("Editor")


@pytest.fixture
def site_curator(member) -> User:
    return member("Curator")


@pytest.fixture(scope="session")
def seed_dump(django_db_setup, django_db_blocker, tmp_path_factory) -> Path:
    """The seed corpus as ``load_seeds`` leaves it, history and all, dumped once a session:
    loading the dump takes a fraction of replaying the seeds source by source."""
    dump = tmp_path_factory.mktemp("seeds") / "seeds.json"
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_seeds", stdout=StringIO())
        call_command(
            "dumpdata",
            "sources",
            "claims",
            exclude=["claims.matchentry", "claims.matchledger"],  # derived: rebuilt on loading
            output=str(dump),
            stdout=StringIO(),
        )
        transaction.set_rollback(True)
    return dump


def load_seed_dump(dump: Path) -> None:
    from claims import match_store

    call_command("loaddata", str(dump), stdout=StringIO())
    match_store.rebuild()  # loaddata writes rows around the services


@pytest.fixture
def seeds(db, seed_dump) -> None:
    """The seed corpus, loaded (tests of ``load_seeds`` itself call the command)."""
    load_seed_dump(seed_dump)
