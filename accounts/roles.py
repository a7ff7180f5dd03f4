"""Who may do what on the site, as data: Django groups with model permissions.

- **Reader**: signed in, nothing more than anyone may do (read everything).
- **Editor**: adds sources and reviews them: links and unlinks quotes, creates claims from the
  review queue, dismisses and restores suggestions. Editors use the site's own pages; they are
  not staff and do not use the admin.
- **Curator**: everything an Editor may do, and edits and deletes claims (their ratings too),
  corrects attestations and sources' metadata, manages topics and claimants, and reverts a
  claim to an earlier revision. Curators use the admin (``accounts.sites``) without being staff.
- **Load test**: no permission; its members' API tokens are throttled at the ``load`` rate
  (``accounts.limits``), for ``python -m bench.load``.

The groups are created by the migration ``accounts/0001_roles``, with these permissions; a
change here needs a migration too (``tests/accounts/test_roles.py`` compares the two).
"""

from __future__ import annotations

from typing import Any

READER = "Reader"
EDITOR = "Editor"
CURATOR = "Curator"
LOAD_TEST = "Load test"

EDITOR_PERMISSIONS = frozenset(
    {
        "sources.view_source",
        "sources.add_source",
        "sources.view_outlet",
        "claims.view_topic",
        "claims.view_claim",
        "claims.add_claim",
        "claims.view_attestation",
        "claims.add_attestation",
        "claims.delete_attestation",
        "claims.view_claimant",
        "claims.add_dismissedcandidate",
        "claims.delete_dismissedcandidate",
    }
)
CURATOR_PERMISSIONS = EDITOR_PERMISSIONS | {
    "sources.change_source",
    "sources.delete_source",
    "sources.add_outlet",
    "sources.change_outlet",
    "claims.add_topic",
    "claims.change_topic",
    "claims.delete_topic",
    "claims.change_claim",
    "claims.delete_claim",
    "claims.change_attestation",
    "claims.add_claimant",
    "claims.change_claimant",
    "claims.delete_claimant",
    "claims.view_claimantname",
    "claims.add_claimantname",
    "claims.change_claimantname",
    "claims.delete_claimantname",
    "claims.view_dismissedcandidate",
}

ROLES: dict[str, frozenset[str]] = {
    READER: frozenset(),
    EDITOR: EDITOR_PERMISSIONS,
    CURATOR: frozenset(CURATOR_PERMISSIONS),
    LOAD_TEST: frozenset(),
}

# What reverting a claim to a revision writes: the claim and its attestations, any of them.
REVERT_PERMISSIONS = (
    "claims.change_claim",
    "claims.add_attestation",
    "claims.change_attestation",
    "claims.delete_attestation",
)


def roles_apply(
    roles: dict[str, frozenset[str]], *, group_model: Any, permission_model: Any
) -> None:
    """Give each group in ``roles`` exactly its permissions ("app_label.codename"), creating the
    group if needed. Takes the models so that a migration can pass its historical ones."""
    for name, wanted in roles.items():
        group, _ = group_model.objects.get_or_create(name=name)
        permissions = []
        for dotted in sorted(wanted):
            app_label, codename = dotted.split(".")
            permissions.append(
                permission_model.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(permissions)


def group_permissions(group: Any) -> frozenset[str]:
    """A group's permissions as "app_label.codename"."""
    return frozenset(
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    )
