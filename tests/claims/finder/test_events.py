import pytest

from claims.finder.events import find_events, find_other_statements
from sources.text.tokens import tokenize


def events(text: str) -> list[tuple[str, str, str]]:
    return [(text[e.start : e.end], e.kind, e.value) for e in find_events(text, tokenize(text))]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("The head teacher has been suspended.", "status", "suspended"),
        ("The driver was sacked last year.", "status", "dismissed"),
        ("The chairman resigned in March.", "status", "resigned"),
        ("The chairman stepped down in March.", "status", "resigned"),
        ("The squad has since been disbanded.", "status", "disbanded"),
        (
            "Two nurses were removed from frontline duties.",
            "status",
            "removed from frontline duties",
        ),
        ("The officer is on restricted duties.", "status", "on restricted duties"),
        ("The manager was placed under investigation.", "status", "under investigation"),
        ("A man was arrested in Hull.", "event", "arrested"),
        ("She has been charged with fraud.", "event", "charged"),
        ("The company has apologised.", "event", "apologised"),
        ("The mayor put the chief constable on notice.", "event", "on notice"),
        ("The regulator has launched an investigation.", "event", "investigation launched"),
    ],
)
def test_it_finds_statuses_and_events_with_their_normalised_word(text, kind, value):
    found = events(text)
    assert [(k, v) for _, k, v in found] == [(kind, value)]


def test_the_span_takes_in_the_auxiliaries_before_the_word():
    assert events("The unit has since been disbanded.")[0][0] == "has since been disbanded"


def test_a_negated_status_says_so():
    assert [v for _, _, v in events("The minister insists she won't resign.")] == ["not resigned"]
    assert [v for _, _, v in events("He is not resigning.")] == ["not resigned"]


@pytest.mark.parametrize(
    "text",
    [
        "She was asked whether she intended to resign.",
        "Rumours of him resigning were false.",
        "He would have been dismissed had he stayed.",
        "There is still work to be done to remove them.",
    ],
)
def test_a_possibility_is_not_an_event(text):
    assert events(text) == []


def test_the_subject_is_the_clause_noun_phrase_or_the_verbs_object():
    (disbanded,) = find_events(t := "The entire cycling team has been disbanded.", tokenize(t))
    assert disbanded.subject == "entire cycling team disbanded"
    (suspended,) = find_events(t := "The club has suspended two coaches.", tokenize(t))
    assert suspended.subject == "coaches suspended"
    (left,) = find_events(t := "Officials in a county unit, now disbanded, met.", tokenize(t))
    assert left.subject == "county unit disbanded"


def others(sentence: str) -> list[tuple[str, str, str]]:
    found = find_other_statements(sentence, tokenize(sentence))
    return [(sentence[e.start : e.end], e.kind, e.subject) for e in found]


def test_it_finds_allegations_hedged_reports_and_proportions():
    assert others("The inquiry followed claims that staff had falsified records.") == [
        ("claims that staff had falsified records", "event", "allegation")
    ]
    assert others("Patients are said to have waited hours.") == [
        ("Patients are said to have waited hours", "other", "reported")
    ]
    assert others("Most of the wards were understaffed, inspectors found.") == [
        ("Most of the wards were understaffed", "other", "most of the wards")
    ]


def test_he_claims_that_is_reported_speech_not_an_allegation():
    text = "He claims that the count was wrong."
    assert find_other_statements(text, tokenize(text)) == []
