"""Reading a reader's query (``claims.search.query``): the websearch syntax, and FTS5 MATCH
expressions that SQLite accepts whatever was typed."""

from __future__ import annotations

import random
import sqlite3

import pytest

from claims.search.query import MAX_TERMS, Term, parse


def test_words_phrases_or_and_minus():
    query = parse('"door plug" blew OR fell -Boeing')
    assert query.groups == ((Term("door plug", phrase=True),), (Term("blew"), Term("fell")))
    assert query.excluded == (Term("Boeing"),)
    assert query.websearch() == '"door plug" "blew" OR "fell" -"Boeing"'
    assert query.fts5() == '(("door plug") AND ("blew" OR "fell")) NOT ("Boeing")'


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ('"unclosed phrase', ((Term("unclosed phrase", phrase=True),),)),
        ("OR cladding OR", ((Term("cladding"),),)),
        ("OR", ()),
        ('"', ()),
        ("-cladding", ()),
        ("--", ()),
        ("   ", ()),
        ('say "no"', ((Term("say"),), (Term("no", phrase=True),))),
    ],
)
def test_stray_syntax_is_read_as_text_or_dropped(text, groups):
    assert parse(text).groups == groups


def test_a_query_with_no_word_to_find_is_false():
    assert not parse("-cladding")
    assert not parse("OR")
    assert parse("cladding")


def test_terms_past_the_limit_are_dropped():
    query = parse(" ".join(f"word{n}" for n in range(40)))
    assert len(query.terms()) == MAX_TERMS


def test_quotes_inside_a_term_are_escaped():
    query = parse('it"s "a" say"')
    assert '""' in query.fts5()  # doubled inside an FTS5 string
    assert query.websearch().count('"') % 2 == 0


def test_sqlite_accepts_the_expression_for_any_text():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='porter unicode61')")
    db.execute("INSERT INTO t VALUES ('The investigation into the door plug began')")
    alphabet = "ab \"-()*:^+~OR NEAR AND NOT{}[],.'\\%_é😀\u0301\ue000"
    rng = random.Random(13)
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(2000)]
    texts += ['"', "NEAR(a b)", "a:b", "^a", "a*", "(a", 'a" OR "b', "AND", "NOT a", "\u0301"]
    for text in texts:
        query = parse(text)
        if query:
            db.execute("SELECT count(*) FROM t WHERE t MATCH ?", [query.fts5()]).fetchone()
    found = db.execute("SELECT count(*) FROM t WHERE t MATCH ?", [parse("investigated").fts5()])
    assert found.fetchone() == (1,)
