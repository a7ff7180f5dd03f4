"""Fill the counted entity, predicate and qualifiers of existing quantity claims from what they
already said: a count's unit is its counted entity ("officers"), and its subject, without that
noun and any note in brackets, says what happened to them ("officers suspended (2025)" →
"suspended"). Measures (years, minutes, percent) keep their unit. Curators refine the rest."""

import re

from django.db import migrations

# Units that measure rather than count; a claim in one of them keeps its unit.
MEASURES = set(
    """
    second seconds minute minutes hour hours day days week weeks month months year years decade
    decades percent per cent % percentage points pound pounds pence dollar dollars euro euros £ $
    € metre metres meter meters kilometre kilometres km mile miles tonne tonnes kg
    """.split()
)
# Role and status words that make a count another claim.
QUALIFIERS = ["serving", "former", "current", "confirmed", "estimated", "probable", "suspected"]


def fill(apps, schema_editor):
    Claim = apps.get_model("claims", "Claim")
    for claim in Claim.objects.filter(kind="quantity", entity=""):
        unit = claim.unit.strip()
        if not unit or unit.casefold() in MEASURES:
            continue
        subject = re.sub(r"\([^)]*\)", " ", claim.subject)
        words = subject.split()
        lowered = [w.casefold() for w in words]
        qualifiers = [q for q in QUALIFIERS if q in lowered]
        head = unit.split()[-1].casefold()
        if head in lowered:
            at = lowered.index(head)
            rest = [w for w in words[at + 1 :] if w.casefold() not in QUALIFIERS]
            claim.predicate = " ".join(rest)[:100]
        claim.entity, claim.unit = unit, ""
        claim.qualifiers = ", ".join(qualifiers)
        claim.save(update_fields=["entity", "unit", "predicate", "qualifiers"])


class Migration(migrations.Migration):
    dependencies = [("claims", "0005_claim_counted")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
