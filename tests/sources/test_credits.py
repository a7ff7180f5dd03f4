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
        # Hürriyet Daily News, 12 June 2012, an AFP story on a march in Moscow: its dateline
        (
            "MOSCOW - Agence France-Presse\n\nAbout 10,000 Russians joined a march Tuesday "
            "against President Vladimir Putin's third Kremlin term, city police said.",
            "AFP",
        ),
        # Expatica, 16 October 2010, an AFP story on a pension protest in Paris: its foot
        (
            "Police said Saturday 50,000 demonstrators had turned out in Paris to protest "
            "against pension reform plans, while the unions claimed 310,000.\n\n© 2010 AFP",
            "AFP",
        ),
        # NewsBreak, an AFP story on a storm in the Philippines, signed "© Agence France-Presse"
        (
            "The death toll from a storm that battered the Philippines in recent days has risen "
            "to 98, the national disaster agency said Monday.\n\nrbl/amj/mca\n\n"
            "© Agence France-Presse",
            "AFP",
        ),
        # Eagle News, January 2017, carrying AFP on the women's marches: its foot
        (
            "The Chicago Tribune reported that 150,000 rallied in the city, although the figure "
            "was not confirmed by police.\nburs-ec/dw\n© 1994-2017 Agence France-Presse",
            "AFP",
        ),
        # an AFP story datelined with bars, as a site carrying AFP (an archive page) printed it
        (
            "Cape Town, South Africa | AFP | South Africans were facing political uncertainty "
            "on Wednesday after the ruling ANC party cancelled a meeting.",
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
