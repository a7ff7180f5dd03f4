from django.apps import AppConfig
from django.contrib.admin import apps as admin


class AccountsConfig(AppConfig):
    default = True  # of the two configs in this module, the one for "accounts"
    name = "accounts"
    verbose_name = "Accounts"


class CuratorsAdminConfig(admin.AdminConfig):
    """Django's admin, on a site that Curators may use without being staff
    (``accounts.sites``). It takes the place of "django.contrib.admin" in INSTALLED_APPS."""

    default = False
    default_site = "accounts.sites.CuratorsAdminSite"
