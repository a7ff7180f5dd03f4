from datetime import date

from claims.finder.attribution import (
    Names,
    Utterance,
    find_names,
    find_quotations,
    find_roles,
    find_statements,
)
from claims.finder.find import find_claims
from sources.text.sentences import split_sentences


def statements(text: str) -> list[tuple[str, str, bool]]:
    found = find_statements(text, split_sentences(text))
    return [(text[s.start : s.end], s.speaker, s.direct) for s in found]


def speaker_of(text: str, words: str) -> str:
    found: list[Utterance] = find_statements(text, split_sentences(text))
    position = text.index(words)
    matches = [s for s in found if s.start <= position < s.end]
    assert matches, f"no statement holds {words!r}"
    return matches[-1].speaker


# Names


def test_it_finds_names_with_and_without_titles_but_not_places_or_institutions():
    text = (
        "Chief Constable Sir John Hale met Mr Grant and Ruth McAllister at Westminster City Hall."
    )
    names = [(n.honorific, n.words) for n in find_names(text)]
    assert names == [("Sir", ("John", "Hale")), ("Mr", ("Grant",)), ("", ("Ruth", "McAllister"))]


def test_a_short_form_is_the_full_name_the_text_gives():
    names = Names("Transport Secretary Dame Ruth Kelly spoke. Later Ms Kelly and Dame Ruth left.")
    assert names.canonical("Ms", ["Kelly"]) == "Dame Ruth Kelly"
    assert names.canonical("Dame", ["Ruth"]) == "Dame Ruth Kelly"
    assert names.canonical("", ["Kelly"]) == "Dame Ruth Kelly"
    assert names.canonical("Mr", ["Jones"]) == "Jones"


# Quotations


def test_it_finds_curly_straight_and_mixed_quotation_marks():
    text = "He said “it is over” and “we lost,\" then 'fine' and ‘done’."
    found = [text[q.start : q.end] for q in find_quotations(text)]
    assert found == ["it is over", "we lost,", "fine", "done"]


def test_apostrophes_are_not_quotation_marks():
    assert find_quotations("The council's plan won't pass, the officers’ union said.") == []


def test_a_quotation_left_open_runs_to_the_end_of_its_line():
    text = "She said: “First paragraph.\n“Second paragraph.”"
    quotations = find_quotations(text)
    assert [(text[q.start : q.end], q.closed) for q in quotations] == [
        ("First paragraph.", False),
        ("Second paragraph.", True),
    ]


# Speakers


def test_a_quotation_after_said_colon_is_the_speakers():
    text = (
        "Chief Constable Sir John Hale spoke on Monday.\n\n"
        "Sir John said: “We will not tolerate this behaviour.”"
    )
    assert speaker_of(text, "We will not") == "Sir John Hale"


def test_a_quotation_followed_by_said_and_a_name_is_that_persons():
    text = "Ruth Kelly chairs the board.\n\n“The figures speak for themselves,” said Ms Kelly."
    assert speaker_of(text, "The figures") == "Ruth Kelly"


def test_a_title_with_a_full_stop_does_not_end_the_attribution():
    text = "“She is the right person at the right time,” said Sen. Tom Reed, a Democrat."
    assert speaker_of(text, "She is the right") == "Tom Reed"


def test_an_institution_with_the_is_not_a_person():
    text = "The White House said the vote showed broad confidence in her record."
    assert statements(text) == [
        ("the vote showed broad confidence in her record", "the White House", False)
    ]


def test_a_quotation_followed_by_a_noun_phrase_and_said_is_its():
    text = "“We are reviewing the decision,” a spokesperson for the council said on Friday."
    assert speaker_of(text, "We are reviewing") == "a spokesperson for the council"


def test_a_reported_clause_is_a_statement_of_the_subject():
    text = "The regulator said the company had breached its licence twice."
    assert statements(text) == [
        ("the company had breached its licence twice", "the regulator", False)
    ]


def test_an_acronym_in_brackets_names_an_organisation():
    text = (
        "On Monday, the Health and Safety Executive (HSE), which opened an inquiry in May, "
        "said that three workers had been injured."
    )
    assert speaker_of(text, "three workers") == "the HSE"


def test_according_to_attributes_the_rest_of_the_sentence():
    text = "The bridge will stay shut until June, according to the county council."
    assert statements(text) == [
        ("The bridge will stay shut until June", "the county council", False)
    ]


def test_a_surname_alone_is_the_person_named_in_full_earlier():
    text = "Home Secretary Priya Patel visited the site.\n\nPatel says the funding is secure."
    assert speaker_of(text, "the funding") == "Priya Patel"


def test_he_is_the_last_person_who_spoke_and_tells_skips_its_object():
    text = (
        "Council leader Amir Shah says the budget is balanced.\n\n"
        "He tells the BBC that no libraries will close."
    )
    assert statements(text)[-1] == ("no libraries will close", "Amir Shah", False)


def test_a_date_between_the_verb_and_that_is_not_part_of_the_clause():
    text = "Schools minister Cath Hughes told MPs on Tuesday that no decision had been taken."
    assert statements(text) == [("no decision had been taken", "Cath Hughes", False)]


def test_a_line_ending_said_colon_introduces_the_next_lines_quotation():
    text = "Mayor Ann Ford visited the depot.\n\nShe said:\n\n“The drivers deserve better.”"
    assert speaker_of(text, "The drivers") == "Ann Ford"


def test_a_quotation_continued_over_paragraphs_keeps_its_speaker():
    text = (
        "Union official Mark Byrne said: “Pay has fallen for a decade.\n\n"
        "“Members have had enough.\n\n"
        "“We will ballot again.”"
    )
    assert speaker_of(text, "Members have") == "Mark Byrne"
    assert speaker_of(text, "We will ballot") == "Mark Byrne"


def test_a_spokesperson_for_someone_is_not_that_person():
    text = (
        "Mayor Ann Ford was not at the meeting. A spokesperson for Ms Ford said the plan "
        "was still under review."
    )
    assert speaker_of(text, "the plan") == "a spokesperson for Ann Ford"


def test_a_relative_clause_speaker_is_its_antecedent():
    text = "The plan was backed by Mayor Ann Ford, who said it would cut waiting times."
    assert speaker_of(text, "it would cut") == "Ann Ford"


def test_saying_belongs_to_the_sentences_subject():
    text = "Transport Secretary Dame Ruth Kelly defended the cuts, saying fares had to rise."
    assert speaker_of(text, "fares had") == "Dame Ruth Kelly"


def test_an_inverted_attribution_after_a_comma_covers_the_clause_before_it():
    text = "Up to 600 more staff could join the strike next month, the union warned."
    assert statements(text) == [
        ("Up to 600 more staff could join the strike next month", "the union", False)
    ]


def test_a_passive_report_is_attributed_to_its_agent():
    text = "The row began after details of the contract were revealed by the auditor last week."
    assert statements(text) == [("details of the contract", "the auditor", False)]


def test_evidence_verbs_report_what_a_report_found():
    text = "A 2023 review found staff had been under pressure for years."
    assert statements(text) == [("staff had been under pressure for years", "a 2023 review", False)]


def test_passive_and_infinitive_speech_verbs_report_nothing():
    assert statements("The closure was announced by the trust. He hit back to say no.") == []


# Roles


def test_it_finds_a_title_before_a_name_once_per_person():
    text = (
        "The union’s Regional Secretary, Jane Holloway, spoke first. Council leader Amir Shah "
        "replied. Later Jane Holloway left."
    )
    names = Names(text)
    roles = [(r.person, r.title, text[r.start : r.end]) for r in find_roles(text, names)]
    assert roles == [
        ("Jane Holloway", "regional secretary", "Regional Secretary, Jane Holloway"),
        ("Amir Shah", "leader", "leader Amir Shah"),
    ]


def test_it_finds_a_title_in_apposition_after_a_name():
    text = "Paula Reyes, chief executive of the trust, said the ward would reopen."
    roles = find_roles(text, Names(text))
    assert [(r.person, r.title) for r in roles] == [("Paula Reyes", "chief executive")]


def test_according_to_a_pronoun_names_nobody_and_the_figure_is_still_read():
    """New Telegraph (Nigeria), on an attack in Kaduna State."""
    text = (
        "The survivor vowed never to return to the village, saying he escaped from the attack "
        "through a bush path. According to him, the bandits were believed by the villagers to "
        "be responsible for the killing of over 20 people at Dogon Dawa village."
    )
    found = [c for c in find_claims(text, published=date(2022, 1, 1)) if c.kind == "quantity"]
    assert [(c.quote, c.entity) for c in found] == [("over 20 people", "people")]
