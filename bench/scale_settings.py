"""The site's settings with the benchmark's URLconf (the site's plus the two-query baseline
views): DJANGO_SETTINGS_MODULE for bench.scale's servers only."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.scale_urls"
