"""Search on PostgreSQL: full-text search (the ``english`` configuration: stemmed, stop words
dropped) through GIN expression indexes made by migration 0013, and trigram similarity
(pg_trgm) for names.

Each document expression here must stay the very expression its index was made on, or the
planner falls back to reading every row (``tests/claims/test_search_postgres.py`` checks
EXPLAIN). A source's text is indexed up to ``TEXT_INDEXED`` characters: a tsvector holds at
most 1 MB, which a 5 MB live page (or a few hundred KB of unusual words) would overflow, and
parsing megabytes again to mark each match would be slow; words past that point are not
found. A source's tsvector is stored (``_SourceVector``); a claim's and a quote's are short
enough to compute again for the matches."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connections, transaction
from django.db.models import (
    BooleanField,
    Expression,
    F,
    FloatField,
    Func,
    Q,
    QuerySet,
    TextField,
    Value,
)
from django.db.models.expressions import Col

from claims.claimants import Claimant, ClaimantName
from claims.models import Attestation, Claim, Topic
from claims.search.marks import START, STOP
from claims.search.query import SearchQuery
from sources.models import Outlet, Source

TEXT_INDEXED = 200_000  # characters of a source's text; the migration's index says the same
# Sources ranked for one search, the newest that match: a word in a third of the sources
# would otherwise have each of their vectors read to rank it (186 ms at 35,000 sources; 30
# with the bound), and the page offers the first 500 at most (claims.search.MAX_PAGE).
RANKED_AT_MOST = 1_000
# word_similarity above which a name is a match: "Guardain" is 0.56 of "The Guardian".
NAME_SIMILARITY = 0.5

_HEADLINE_ALL = f"StartSel={START}, StopSel={STOP}, HighlightAll=true"
_HEADLINE_FRAGMENTS = (
    f"StartSel={START}, StopSel={STOP}, MaxWords=30, MinWords=12, MaxFragments=2, "
    'FragmentDelimiter=" … "'
)


class _Document(Func):
    """``to_tsvector('english', …)`` of a column or of several joined by spaces."""

    template = "to_tsvector('english'::regconfig, %(expressions)s)"
    arg_joiner = " || ' ' || "
    output_field = TextField()  # a tsvector; only compared and ranked here, never loaded


class _Prefix(Func):
    template = f"left(%(expressions)s, {TEXT_INDEXED})"
    output_field = TextField()


def claim_document() -> Func:
    return _Document(F("statement"), F("subject"))


def quote_document() -> Func:
    return _Document(F("quote"))


def source_text() -> Func:
    return _Prefix(F("text"))


class _SourceVector(Expression):
    """A source's ``search_vector``: a stored generated column (migration 0013) that Django
    does not know of, holding ``to_tsvector`` of the title and the indexed part of the text.
    Stored, because ranking and phrase rechecks read it for every matching source: parsing
    each text again made a common word's search take seconds."""

    output_field = TextField()

    def __init__(self, alias: str | None = None) -> None:
        super().__init__()
        self.alias = alias

    def resolve_expression(self, query: Any = None, *args: Any, **kwargs: Any) -> _SourceVector:
        # the source table's alias in this query, as its primary key column has it
        column = F("pk").resolve_expression(query, *args, **kwargs)
        assert isinstance(column, Col)
        return _SourceVector(column.alias)

    def relabeled_clone(self, change_map: Mapping[str, str]) -> _SourceVector:
        assert self.alias is not None
        return _SourceVector(change_map.get(self.alias, self.alias))

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple[Any, ...]]:
        assert self.alias is not None
        return f"{compiler.quote_name(self.alias)}.search_vector", ()


def source_document() -> Expression:
    return _SourceVector()


class _TsQuery(Func):
    template = "websearch_to_tsquery('english'::regconfig, %(expressions)s)"
    output_field = TextField()


class _Matches(Func):
    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()


class _Rank(Func):
    function = "ts_rank"
    output_field = FloatField()


class _Headline(Func):
    template = "ts_headline('english'::regconfig, %(expressions)s)"
    output_field = TextField()


def _tsquery(query: SearchQuery) -> Func:
    return _TsQuery(Value(query.websearch()))


def claim_ids(query: SearchQuery) -> QuerySet[Any]:
    """The ids of claims whose statement or subject, or one of whose quotes, matches."""
    tsquery = _tsquery(query)
    stated = Claim.objects.filter(_Matches(claim_document(), tsquery)).values("pk")
    quoted = Attestation.objects.filter(_Matches(quote_document(), tsquery)).values("claim_id")
    return stated.order_by().union(quoted.order_by())


class _AnyOf(Func):
    """``column = ANY(ARRAY(…))``"""

    template = "%(expressions)s)"
    arg_joiner = " = ANY("
    output_field = BooleanField()


def matching(query: SearchQuery) -> Expression:
    """A filter for the claims ``claim_ids`` finds. As ``pk IN (…)`` the planner counts the
    ids of both halves of the union, takes them for a large share of the claims, and reads
    every claim to join them (at 100,000 claims, 36 ms of a word's 64); as an array made
    first, it looks each id up by the primary key."""
    return _AnyOf(F("pk"), ArraySubquery(claim_ids(query).order_by()))


def ranked_claims(query: SearchQuery, offset: int, limit: int) -> list[tuple[int, str | None]]:
    """(id, statement with its matches marked) for one page of matching claims, best first."""
    tsquery = _tsquery(query)
    rows = (
        Claim.objects.filter(matching(query))
        .annotate(
            rank=_Rank(claim_document(), tsquery),
            marked=_Headline(F("statement"), tsquery, Value(_HEADLINE_ALL)),
        )
        .order_by("-rank", "pk")
        .values_list("pk", "marked")
    )
    return list(rows[offset : offset + limit])


def quote_snippets(query: SearchQuery, claim_pks: list[int]) -> dict[int, str]:
    """For each of ``claim_pks`` stated in a matching quote, the first such quote, marked."""
    tsquery = _tsquery(query)
    rows = (
        Attestation.objects.filter(claim_id__in=claim_pks)
        .filter(_Matches(quote_document(), tsquery))
        .annotate(marked=_Headline(F("quote"), tsquery, Value(_HEADLINE_FRAGMENTS)))
        .order_by("claim_id", "pk")
        .values_list("claim_id", "marked")
    )
    found: dict[int, str] = {}
    for claim_pk, marked in rows:
        found.setdefault(claim_pk, marked)
    return found


def source_matches(query: SearchQuery) -> QuerySet[Source]:
    """Sources whose title or text matches, through the index's expression, in no order."""
    return Source.objects.filter(_Matches(source_document(), _tsquery(query))).order_by()


def matching_sources(query: SearchQuery) -> QuerySet[Source]:
    """Sources whose title or text matches, best first: of the ``RANKED_AT_MOST`` newest.
    (The planner finds the newest through the index on publication for a common word, and
    through the text's for a rare one.)"""
    tsquery = _tsquery(query)
    newest = source_matches(query).order_by("-published_on", "-pk").values("pk")[:RANKED_AT_MOST]
    return (
        Source.objects.filter(_AnyOf(F("pk"), ArraySubquery(newest)))
        .annotate(rank=_Rank(source_document(), tsquery))
        .order_by("-rank", "-published_on", "pk")
    )


def ranked_sources(query: SearchQuery, offset: int, limit: int) -> list[tuple[int, str, str]]:
    """(id, title marked, a snippet of the text marked) for one page of matching sources."""
    tsquery = _tsquery(query)
    page = list(matching_sources(query).values_list("pk", flat=True)[offset : offset + limit])
    # Marked in a second query, for this page only: ts_headline parses the text again.
    marked = dict(
        (pk, (title, snippet))
        for pk, title, snippet in Source.objects.filter(pk__in=page)
        .annotate(
            marked_title=_Headline(F("title"), tsquery, Value(_HEADLINE_ALL)),
            snippet=_Headline(source_text(), tsquery, Value(_HEADLINE_FRAGMENTS)),
        )
        .values_list("pk", "marked_title", "snippet")
    )
    return [(pk, *marked[pk]) for pk in page if pk in marked]


def _similar(field: str, text: str) -> Expression:
    return TrigramWordSimilar(F(field), Value(text))


def _by_similarity(rows: QuerySet[Any], field: str, text: str) -> QuerySet[Any]:
    return rows.annotate(similarity=TrigramWordSimilarity(text, F(field))).order_by(
        "-similarity", field
    )


def names(text: str, limit: int) -> tuple[list[Outlet], list[Claimant], list[Topic]]:
    """Outlets, claimants and topics whose name is like ``text``, spelling slips allowed."""
    using = Outlet.objects.db
    with transaction.atomic(using=using):
        # pg_trgm's %> uses this threshold, and its GIN index with it; for this transaction.
        with connections[using].cursor() as cursor:
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)",
                [str(NAME_SIMILARITY)],
            )
        outlets = Outlet.objects.filter(_similar("name", text))
        other_names = ClaimantName.objects.filter(_similar("name", text)).values("claimant_id")
        claimants = Claimant.objects.filter(Q(_similar("name", text)) | Q(pk__in=other_names))
        topics = Topic.objects.filter(_similar("title", text))
        return (
            list(_by_similarity(outlets, "name", text)[:limit]),
            list(_by_similarity(claimants, "name", text)[:limit]),
            list(_by_similarity(topics, "title", text)[:limit]),
        )
