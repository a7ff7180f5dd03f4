"""A dismissal's span ends after it starts: the database and model validation refuse one
whose start is at or after its end (issue 12), whatever path writes it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from claims.models import DismissedCandidate
from tests.factories import make_source

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("start", "end"), [(12, 5), (7, 7)])
def test_the_database_refuses_a_dismissal_that_ends_before_it_starts(start, end):
    source = make_source("Nine officers were suspended on Tuesday.")
    with pytest.raises(IntegrityError), transaction.atomic():
        DismissedCandidate.objects.create(source=source, start=start, end=end, quote="")
    assert not DismissedCandidate.objects.exists()


def test_validation_says_why_a_reversed_span_is_refused():
    source = make_source("Nine officers were suspended on Tuesday.")
    dismissal = DismissedCandidate(source=source, start=12, end=5, quote="")
    with pytest.raises(ValidationError, match="must end after it starts"):
        dismissal.full_clean()
