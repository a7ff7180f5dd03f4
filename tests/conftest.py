import pytest
from django.contrib.auth.models import Permission, User


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
