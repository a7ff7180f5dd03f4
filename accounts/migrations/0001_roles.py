"""The site's roles as groups (``accounts.roles`` says what each may do).

Permissions are made by ``post_migrate``, after every migration has run, so on a fresh database
they do not exist yet when this runs: it makes those of ``claims`` and ``sources`` itself first
(``create_permissions`` is what ``post_migrate`` calls; it skips those that exist).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = {
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
CURATOR = EDITOR | {
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
ROLES = {"Reader": set(), "Editor": EDITOR, "Curator": CURATOR, "Load test": set()}


def roles_create(apps, schema_editor):
    database = schema_editor.connection.alias
    for label in ("sources", "claims"):
        config = apps.get_app_config(label)
        config.models_module = True  # a historical app has none; create_permissions wants one
        create_permissions(config, verbosity=0, using=database, apps=apps)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ROLES.items():
        group, _ = Group.objects.using(database).get_or_create(name=name)
        permissions = []
        for dotted in sorted(wanted):
            app_label, codename = dotted.split(".")
            permissions.append(
                Permission.objects.using(database).get(
                    content_type__app_label=app_label, codename=codename
                )
            )
        group.permissions.set(permissions)


def roles_delete(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("claims", "0010_source_reading"),
        ("sources", "0007_source_agency_from_credits"),
    ]

    operations = [migrations.RunPython(roles_create, roles_delete)]
