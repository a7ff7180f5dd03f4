"""Read each stored source's news-agency credit from its text (sources/text/credits.py)."""

from django.db import migrations

from sources.text.credits import agency_credit


def fill(apps, schema_editor):
    Source = apps.get_model("sources", "Source")
    for source in Source.objects.only("pk", "text").iterator():
        if agency := agency_credit(source.text):
            Source.objects.filter(pk=source.pk).update(agency=agency)


class Migration(migrations.Migration):
    dependencies = [("sources", "0006_source_agency")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
