"""Give every attestation that names who said it ("attributed to the IOPC") its claimant: one
claimant per name as compared (case, spacing, punctuation and a leading "the" aside), named as
first written. Then recompute every claim's verdict and its count of origins, since both now
count a claimant once however many outlets repeat it (docs/verdicts.md). Curators merge claimants
that are one party afterwards (two spellings of one name are one already)."""

from django.db import migrations
from django.utils.text import slugify

from claims.rules.names import name_key
from claims.rules.values import DateValue, Precision, Qualifier, Quantity, TextValue
from claims.rules.verdicts import Statement, assess
from sources.services import free_slug


def _value(attestation):
    if attestation.value_number is not None:
        return Quantity(attestation.value_number, Qualifier(attestation.value_qualifier))
    if attestation.value_date is not None:
        return DateValue(
            attestation.value_date,
            Precision(attestation.value_date_precision),
            attestation.value_date_end,
        )
    if attestation.value_text:
        return TextValue(attestation.value_text)
    return None


def _statement(attestation):
    source = attestation.source
    return Statement(
        source=str(source.pk),
        outlet=source.outlet.name,
        published=source.published_on,
        as_of=attestation.as_of or source.published_on,
        value=_value(attestation),
        origin=str(source.copy_of_id or "") or (f"agency:{source.agency}" if source.agency else ""),
        claimant=attestation.claimant.name if attestation.claimant_id else "",
    )


def fill(apps, schema_editor):
    Attestation = apps.get_model("claims", "Attestation")
    Claim = apps.get_model("claims", "Claim")
    Claimant = apps.get_model("claims", "Claimant")
    ClaimantName = apps.get_model("claims", "ClaimantName")
    by_key = {}
    for attestation in Attestation.objects.exclude(attributed_to="").order_by("pk"):
        key = name_key(attestation.attributed_to)
        if not key:
            continue
        if key not in by_key:
            name = " ".join(attestation.attributed_to.split())[:200]
            slug = free_slug(Claimant.objects.all(), slugify(name)[:180] or "claimant")
            by_key[key] = Claimant.objects.create(name=name, slug=slug)
            ClaimantName.objects.create(claimant=by_key[key], name=name, key=key)
        attestation.claimant = by_key[key]
        attestation.save(update_fields=["claimant"])
    for claim in Claim.objects.all():  # every claim: its count of origins is new
        attestations = Attestation.objects.filter(claim=claim).select_related(
            "source__outlet", "claimant"
        )
        assessment = assess(
            [_statement(a) for a in attestations], changes_over_time=claim.changes_over_time
        )
        claim.verdict = assessment.verdict.value if assessment.verdict else ""
        claim.verdict_explanation = assessment.explanation
        claim.independent_count = assessment.independent
        claim.save(update_fields=["verdict", "verdict_explanation", "independent_count"])


class Migration(migrations.Migration):
    dependencies = [("claims", "0007_claimants"), ("sources", "0007_source_agency_from_credits")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
