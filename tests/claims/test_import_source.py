"""import_source: many files or URLs at once, each filed under the topics given."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sources.models import Source
from tests.factories import make_topic
from tests.sources.test_adding import WIRE

pytestmark = pytest.mark.django_db


def test_import_source_adds_many_files_and_reports_the_ones_it_cannot(tmp_path):
    good = tmp_path / "wire.txt"
    good.write_text(WIRE, encoding="utf-8")
    other = tmp_path / "other.md"
    other.write_text(
        "# Vetting\n\nThe Met changed its **vetting** rules in 2024.", encoding="utf-8"
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 of 3 could not be added"):
        call_command(
            "import_source",
            good,
            other,
            empty,
            outlet="PA",
            published="2025-09-30",
            stdout=out,
            stderr=err,
        )
    assert Source.objects.count() == 2
    assert f"{empty}: The text is empty." in err.getvalue()
    assert "2 added, 1 failed." in out.getvalue()


def test_import_source_refuses_an_unknown_topic(tmp_path):
    with pytest.raises(CommandError, match="Unknown topic: nowhere"):
        call_command("import_source", tmp_path / "x.txt", topic=["nowhere"], stdout=StringIO())


def test_import_source_files_each_source_under_the_topics_given(tmp_path):
    topic = make_topic("met-vetting")
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    out = StringIO()

    call_command(
        "import_source",
        path,
        outlet="PA",
        published="2025-09-30",
        topic=["met-vetting"],
        stdout=out,
    )

    source = Source.objects.get()
    assert list(source.topics.all()) == [topic]
    assert f"added {source.slug}" in out.getvalue()


def test_import_source_refuses_a_date_it_cannot_read_before_adding_anything(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    with pytest.raises(CommandError, match="Give a date as 2025-10-02"):
        call_command("import_source", path, published="30/09/2025", stdout=StringIO())
    assert not Source.objects.exists()
