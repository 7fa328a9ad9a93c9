"""Full-text search, shared by /search/ and the lists' `q` filter: one function, two
backends.

- PostgreSQL: language-aware full-text search over each model's stored tsvector
  (schema.py: english for `_en`, russian for `_ru`, simple for `_kk`), ranked with ts_rank.
  A record matches the query read by the english or the russian configuration (each stems
  the query's words as it stemmed the text), or the query's words as prefixes of the simple
  configuration's words, each word cut to its stem first (stemming.py): PostgreSQL has no
  Kazakh stemmer, so «ұсынымдардың» finds «ұсыным» and «ұсынымдар» as the prefix «ұсыным».
  Stored, because ranking reads the tsvector of every match: recomputing it from the text
  made a word matching 30,000 recommendations take 0.6 s instead of 0.07 s.
- SQLite: the model's FTS5 table (schema.py), which stems nothing: each query word is cut
  to its stem (stemming.py: English, Russian, Kazakh) and matched as a prefix, so «пытках»
  finds «пытки» as «пытк*». Phrases match word for word. Results are ranked by whether the
  high-weight fields (titles) hold a stem, using a `casefold()` SQL function (registered on
  each connection by `register_casefold`) on the matched rows. A query of exclusions only
  cannot use FTS5 and scans with casefold() instead.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    Case,
    F,
    Func,
    IntegerField,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from .query import MAX_QUERY_LENGTH, Clause, parse
from .schema import StoredDocument
from .spec import CONFIGS, SearchSpec
from .stemming import WORD, is_word, stem


class Casefold(Func):
    """SQLite's casefold() (registered on each connection): Unicode-aware lower case."""

    function = "casefold"
    output_field = TextField()


def folded(columns: list[str]) -> Casefold:
    """The columns joined by spaces, case-folded (a flat `a || ' ' || b`: Django's Concat
    nests one level per column, which overflows SQLite's parser on wide specs)."""
    parts = [Coalesce(F(column), Value(""), output_field=TextField()) for column in columns]
    return Casefold(
        Func(
            *parts, template="(%(expressions)s)", arg_joiner=" || ' ' || ", output_field=TextField()
        )
    )


def nothing(queryset: QuerySet) -> QuerySet:
    """No results, but with the `rank` a caller may sort by."""
    return queryset.none().annotate(rank=Value(0, output_field=IntegerField()))


def search(queryset: QuerySet, spec: SearchSpec, query: str, *, rank: bool = True) -> QuerySet:
    """`queryset` narrowed to what matches `query`, annotated with `rank` (higher is better)
    and, if `rank`, ordered by it."""
    query = query.strip()[:MAX_QUERY_LENGTH]
    if not parse(query):
        return nothing(queryset)
    if connection.vendor == "postgresql":
        results = _postgres(queryset, spec, query)
    else:
        results = _fallback(queryset, spec, query)
    return results.order_by("-rank", "-pk") if rank else results


def prefix_tsquery(clauses: list[Clause]) -> str:
    """The clauses as a to_tsquery() expression: a word as its stem's prefix (`'stem':*`), a
    phrase word for word; "" when no positive clause has a word. Only runs of letters and
    digits reach the expression, each quoted, so no input can break its syntax."""

    def alternative(text: str) -> str:
        if is_word(text):
            return f"'{stem(text)}':*"
        return "(" + " <-> ".join(f"'{w}'" for w in WORD.findall(text)) + ")"

    groups = []
    for clause in clauses:
        usable = [alternative(t) for t in clause.alternatives if WORD.search(t)]
        if usable:
            groups.append(("!" if clause.negated else "") + "(" + " | ".join(usable) + ")")
    if all(g.startswith("!") for g in groups):
        return ""
    return " & ".join(groups)


def _postgres(queryset: QuerySet, spec: SearchSpec, query: str) -> QuerySet:
    search_query = None
    for config in ("english", "russian"):
        part = SearchQuery(query, config=config, search_type="websearch")
        search_query = part if search_query is None else search_query | part
    if prefixes := prefix_tsquery(parse(query)):
        search_query |= SearchQuery(prefixes, config=CONFIGS["kk"], search_type="raw")
    else:
        search_query |= SearchQuery(query, config=CONFIGS["kk"], search_type="websearch")
    return (
        queryset.alias(document=StoredDocument())
        .filter(document=search_query)
        .annotate(rank=SearchRank(StoredDocument(), search_query))
    )


def fts5_query(clauses: list[Clause]) -> str:
    """The clauses in FTS5's query language: quoted terms, single words as their stems'
    prefixes."""

    def term(text: str) -> str:
        if is_word(text):
            return '"' + stem(text) + '"*'
        quoted = '"' + text.replace('"', '""') + '"'
        return quoted if " " in text else quoted + "*"

    def group(clause: Clause) -> str:
        usable = [t for t in clause.alternatives if any(ch.isalnum() for ch in t)]
        return "(" + " OR ".join(term(t) for t in usable) + ")" if usable else ""

    positive = [g for c in clauses if not c.negated and (g := group(c))]
    negative = [g for c in clauses if c.negated and (g := group(c))]
    if not positive:
        return ""
    return " AND ".join(positive) + "".join(f" NOT {g}" for g in negative)


def _fallback(queryset: QuerySet, spec: SearchSpec, query: str) -> QuerySet:
    clauses = parse(query)
    queryset = queryset.alias(
        document=folded([column for column, _, _ in spec.columns()]),
        heading=folded([column for column, _, _ in spec.columns("A")]),
    )
    match = fts5_query(clauses)
    if match:
        fts = f"{queryset.model._meta.db_table}_fts"
        matching = RawSQL(f'SELECT rowid FROM "{fts}" WHERE "{fts}" MATCH %s', [match])
        condition = Q(pk__in=matching)
    elif any(not c.negated for c in clauses):
        return nothing(queryset)  # only punctuation to look for
    else:
        # Exclusions only: FTS5 cannot express that; scan, comparing case-folded text.
        condition = Q()
        for clause in clauses:
            alternatives = Q()
            for text in clause.alternatives:
                alternatives |= Q(document__contains=text)
            condition &= ~alternatives
    in_heading = Q()
    for clause in clauses:
        if not clause.negated:
            any_term = Q()
            for term in clause.alternatives:
                any_term |= Q(heading__contains=stem(term) if is_word(term) else term)
            in_heading &= any_term
    if not in_heading:  # only exclusions: nothing to rank by
        return queryset.filter(condition).annotate(rank=Value(1, output_field=IntegerField()))
    return queryset.filter(condition).annotate(
        rank=Case(When(in_heading, then=Value(2)), default=Value(1), output_field=IntegerField())
    )


def register_casefold(sender, connection, **kwargs) -> None:
    """connection_created receiver: give SQLite a Unicode-aware casefold()."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "casefold", 1, lambda s: s.casefold() if isinstance(s, str) else s, deterministic=True
        )
