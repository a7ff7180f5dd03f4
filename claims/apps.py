from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ClaimsConfig(AppConfig):
    name = "claims"

    def ready(self) -> None:
        from claims import receivers  # noqa: F401  (connects the receivers)
        from claims.match_store import build_after_migrate
        from claims.search import install_after_migrate

        # SQLite drops a table's search triggers when a migration rebuilds the table.
        post_migrate.connect(install_after_migrate, sender=self)
        post_migrate.connect(build_after_migrate, sender=self)
