"""A page's address made around its slug (``sources.slugs.slug_address``) is the address
``reverse()`` gives, under whatever prefix the site is served from."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from sources.slugs import slug_address

NAMES = ["claims:detail", "claims:source", "claims:topic"]


@pytest.fixture
def prefix():
    yield set_script_prefix
    set_script_prefix("/")


@pytest.mark.parametrize("name", NAMES)
def test_the_address_is_reverses(name):
    for slug in ["grenfell-tower-fire-72-deaths", "bbc-news-2017_06_14", "c1"]:
        assert slug_address(name, slug) == reverse(name, args=[slug])


def test_a_site_served_under_a_prefix_links_under_it(prefix):
    assert slug_address("claims:detail", "c1") == "/claims/c1/"
    prefix("/ledger/")
    assert slug_address("claims:detail", "c1") == "/ledger/claims/c1/"
    prefix("/")
    assert slug_address("claims:detail", "c1") == "/claims/c1/"


def test_a_slug_no_address_can_hold_is_refused_as_reverse_refuses_it():
    with pytest.raises(NoReverseMatch):
        slug_address("claims:detail", "no spaces/here")
