"""Full-text search, shared by /search/ and the recommendations list's `q` filter.

Queries use web-search syntax: words (all must match), "quoted phrases", -excluded
words, and OR between alternatives.

- PostgreSQL: language-aware full-text search. Each searchable model has a weighted
  tsvector over its translated fields (english for `_en`, russian for `_ru`, simple for
  `_kk`, which PostgreSQL has no configuration for), backed by a GIN expression index
  built from the same expression (see `create_search_index`), ranked with ts_rank.
- SQLite: case-folded substring matching. SQLite's LIKE folds ASCII only, so a
  `casefold()` SQL function (registered in MeetingsConfig.ready) folds Cyrillic too;
  results are ranked by whether the high-weight fields (titles) match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
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
from django.db.models.functions import Coalesce
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

CONFIGS = {"en": "english", "ru": "russian", "kk": "simple"}
MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class SearchSpec:
    """What a model is searched on: (field, weight A–D, translated?) triples."""

    index_name: str
    fields: tuple[tuple[str, str, bool], ...]

    def columns(self, weight: str | None = None) -> list[tuple[str, str, str]]:
        """(column, text-search configuration, weight), optionally of one weight only."""
        return [
            (column, config, w)
            for field, w, translated in self.fields
            if weight in (None, w)
            for column, config in (
                [(f"{field}_{code}", config) for code, config in CONFIGS.items()]
                if translated
                else [(field, "simple")]
            )
        ]

    def vector(self) -> SearchVector:
        """The weighted tsvector; the GIN index is built from this very expression."""
        parts = [SearchVector(c, config=config, weight=w) for c, config, w in self.columns()]
        vector = parts[0]
        for part in parts[1:]:
            vector = vector + part
        return vector


def create_search_index(app_label: str, model_name: str, spec: SearchSpec) -> tuple:
    """RunPython functions adding and dropping the GIN index of `spec` (PostgreSQL only;
    SQLite searches without an index)."""

    def forwards(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            model = apps.get_model(app_label, model_name)
            schema_editor.add_index(model, GinIndex(spec.vector(), name=spec.index_name))

    def backwards(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {spec.index_name}")

    return forwards, backwards


# --- parsing (for the SQLite fallback and for highlighting) -------------------------

TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')


@dataclass
class Clause:
    """One AND-ed clause: any of `alternatives` matches, or none if `negated`."""

    alternatives: list[str]
    negated: bool = False


def parse(query: str) -> list[Clause]:
    """Web-search syntax: words, "phrases", -exclusions and OR (binding neighbours)."""
    clauses: list[Clause] = []
    join_next = False
    for minus, phrase, word in TOKEN.findall(query[:MAX_QUERY_LENGTH]):
        if word == "OR":
            join_next = bool(clauses)
            continue
        if word:
            negated = word.startswith("-") and len(word) > 1
            term = word[1:] if negated else word
        else:
            negated, term = bool(minus), phrase
        term = term.strip().casefold()
        if not term:
            continue
        if join_next and not negated and not clauses[-1].negated:
            clauses[-1].alternatives.append(term)
        else:
            clauses.append(Clause([term], negated))
        join_next = False
    return clauses


def positive_terms(query: str) -> list[str]:
    return [t for c in parse(query) if not c.negated for t in c.alternatives]


# --- searching ---------------------------------------------------------------------


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


def search(queryset: QuerySet, spec: SearchSpec, query: str, *, rank: bool = True) -> QuerySet:
    """`queryset` narrowed to what matches `query`, annotated with `rank` (higher is better)
    and, if `rank`, ordered by it."""
    query = query.strip()[:MAX_QUERY_LENGTH]
    if not parse(query):
        return queryset.none()
    if connection.vendor == "postgresql":
        results = _postgres(queryset, spec, query)
    else:
        results = _fallback(queryset, spec, query)
    return results.order_by("-rank", "-pk") if rank else results


def _postgres(queryset: QuerySet, spec: SearchSpec, query: str) -> QuerySet:
    search_query = None
    for config in dict.fromkeys(CONFIGS.values()):
        part = SearchQuery(query, config=config, search_type="websearch")
        search_query = part if search_query is None else search_query | part
    vector = spec.vector()
    return (
        queryset.alias(document=vector)
        .filter(document=search_query)
        .annotate(rank=SearchRank(vector, search_query))
    )


def _fallback(queryset: QuerySet, spec: SearchSpec, query: str) -> QuerySet:
    clauses = parse(query)
    queryset = queryset.alias(
        document=folded([column for column, _, _ in spec.columns()]),
        heading=folded([column for column, _, _ in spec.columns("A")]),
    )
    condition = Q()
    for clause in clauses:
        alternatives = Q()
        for term in clause.alternatives:
            alternatives |= Q(document__contains=term)
        condition &= ~alternatives if clause.negated else alternatives
    in_heading = Q()
    for clause in clauses:
        if not clause.negated:
            any_term = Q()
            for term in clause.alternatives:
                any_term |= Q(heading__contains=term)
            in_heading &= any_term
    if not in_heading:  # only exclusions: nothing to rank by
        return queryset.filter(condition).annotate(rank=Value(1, output_field=IntegerField()))
    return queryset.filter(condition).annotate(
        rank=Case(When(in_heading, then=Value(2)), default=Value(1), output_field=IntegerField())
    )


# --- snippets ----------------------------------------------------------------------


def snippet(text: str, query: str, width: int = 220) -> SafeString:
    """A window of `text` around the first matched word, escaped, with matches in <mark>."""
    terms = sorted(set(positive_terms(query)), key=len, reverse=True)
    folded_text = text.casefold()
    starts = [i for i in (folded_text.find(t) for t in terms) if i >= 0]
    start = max(0, min(starts) - width // 3) if starts else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    window = text[start : start + width]
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(text) else ""
    if not terms:
        return mark_safe(escape(prefix + window + suffix))
    # casefold() can change lengths for a few characters; fall back to no highlighting then.
    if len(window.casefold()) != len(window):
        return mark_safe(escape(prefix + window + suffix))
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    out, last = [], 0
    for match in pattern.finditer(window):
        out += [escape(window[last : match.start()]), "<mark>", escape(match.group()), "</mark>"]
        last = match.end()
    out.append(escape(window[last:]))
    return mark_safe(escape(prefix) + "".join(out) + escape(suffix))


def register_casefold(sender, connection, **kwargs) -> None:
    """connection_created receiver: give SQLite a Unicode-aware casefold()."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "casefold", 1, lambda s: s.casefold() if isinstance(s, str) else s, deterministic=True
        )
