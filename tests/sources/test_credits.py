"""A news agency's credit, read from where credits stand: the dateline and the foot. Lines from
real wire stories as sites carried them."""

from __future__ import annotations

import pytest

from sources.text.credits import agency_credit


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        # KVIA, 20 December 2024
        (
            "KIGALI, Rwanda (AP) — The World Health Organization and the Rwandan government "
            "have declared the outbreak in Rwanda of the Ebola-like Marburg fever over.",
            "AP",
        ),
        # Shower Daily, carrying Reuters UK, September 2023
        (
            "By Alexander Cornwell and Ahmed Eljechtimi TINMEL, Morocco (Reuters) – Villagers "
            "in parts of Morocco devastated by the country's biggest earthquake in over a "
            "century camped outside for a fourth night on Monday.",
            "Reuters",
        ),
        # SOTT, January 2024, a Reuters story on floods in the Philippines, by its footer
        (
            "Two people were injured and approximately 10 were missing, Ednar Dayanghirang, "
            "director of the regional civil defence agency, told DZRH radio.\n"
            "Reporting by Neil Jerome Morales; Editing by Martin Petty",
            "Reuters",
        ),
        # new.poland.us, May 2011, an AFP story on the Joplin tornado, by its copyright line
        (
            "Officials Thursday said 232 people were still missing four days after a tornado "
            "tore through a Missouri town.\n© Copyright AFP Agence France-Presse GmbH - All "
            "rights reserved.",
            "AFP",
        ),
        # The National, 8 October 2023: an agency told something is a source, not the origin
        (
            "Mullah Janan Sayeeq, spokesman for the Taliban's Ministry of Disasters, told "
            "Reuters that 2,053 people were dead, 9,240 injured and 1,329 houses damaged or "
            "destroyed.",
            "",
        ),
    ],
)
def test_it_reads_the_agency_a_story_credits(text, agency):
    assert agency_credit(text) == agency


def test_a_credit_in_the_middle_of_a_long_text_is_not_the_storys():
    # the dateline of a quoted wire story deep inside a longer article
    body = "A paragraph of the outlet's own reporting. " * 40
    assert agency_credit(body + "KIGALI, Rwanda (AP) — a quoted wire line. " + body) == ""
