"""Who a figure is attributed to: a curated claimant (police, a ministry, a union, a named
spokesperson, a study), with every name sources give it ("the Met", "Metropolitan Police" and
"Scotland Yard" are one). The names are data, curated in the admin, the review queue and the
API; none is written in code."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from simple_history.models import HistoricalRecords

from claims.rules.names import name_key


class ClaimantQuerySet(models.QuerySet["Claimant"]):
    def named(self, text: str) -> ClaimantQuerySet:
        """The claimant one of whose names ``text`` is (at most one: names are unique)."""
        return self.filter(names__key=name_key(text))

    def with_attestation_count(self) -> ClaimantQuerySet:
        """Counted for each row read (a subquery on the attestations' claimant index), so a
        page of claimants counts only its own."""
        # claims.models imports this module: its Attestation is reached by the relation
        attestations = self.model._meta.get_field("attestations").related_model
        assert attestations is not None
        rows = (
            attestations._default_manager.filter(claimant=models.OuterRef("pk"))
            .order_by()
            .values("claimant")
        )
        counted = models.Subquery(rows.annotate(n=models.Count("pk")).values("n"))
        return self.annotate(attestation_count=Coalesce(counted, 0))


class Claimant(models.Model):
    """A party figures are attributed to. Its ``name`` is how the ledger shows it; its
    ``names`` are every way sources write it, the name included."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    objects = ClaimantQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["modified"])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ClaimantName(models.Model):
    """One way sources name a claimant: "the Met" for the Metropolitan Police."""

    claimant = models.ForeignKey(Claimant, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=200)
    # the name as compared (``name_key``): one claimant per name
    key = models.CharField(max_length=200, unique=True, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.key = name_key(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self) -> None:
        self.key = name_key(self.name)
        if not self.key:
            raise ValidationError({"name": "A name needs a letter or a digit."})
        taken = ClaimantName.objects.filter(key=self.key).exclude(pk=self.pk)
        if other := taken.select_related("claimant").first():
            raise ValidationError({"name": f"“{self.name}” already names {other.claimant}."})
