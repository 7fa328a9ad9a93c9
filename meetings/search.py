"""Full-text search, shared by /search/ and the recommendations list's `q` filter.

Queries use web-search syntax: words (all must match), "quoted phrases", -excluded
words, and OR between alternatives.

- PostgreSQL: language-aware full-text search. Each searchable model has a weighted
  tsvector over its translated fields (english for `_en`, russian for `_ru`, simple for
  `_kk`, which PostgreSQL has no configuration for), stored in a generated column,
  `search_document`, with a GIN index (see `create_stored_document`), ranked with
  ts_rank. Stored, because ranking reads the tsvector of every match: recomputing it
  from the text made a word matching 30,000 recommendations take 0.6 s instead of 0.07 s.
  The column is not a model field (SQLite has no tsvector): queries name it through
  `StoredDocument`.
- SQLite: an FTS5 table per searchable model (unicode61 tokenizer, which folds the case
  of Cyrillic too), kept in step with the model's table by triggers; words match as
  prefixes. Results are ranked by whether the high-weight fields (titles) match, using a
  `casefold()` SQL function (registered in MeetingsConfig.ready) on the matched rows.
  A query of exclusions only cannot use FTS5 and scans with casefold() instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
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
from django.db.models.expressions import Col, Expression, RawSQL
from django.db.models.functions import Coalesce
from django.db.models.sql import Query
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
        """The weighted tsvector; PostgreSQL's stored `search_document` column is generated
        from this very expression."""
        parts = [SearchVector(c, config=config, weight=w) for c, config, w in self.columns()]
        vector = parts[0]
        for part in parts[1:]:
            vector = vector + part
        return vector


def create_sqlite_full_text(app_label: str, model_name: str, spec: SearchSpec) -> tuple:
    """RunPython functions creating the FTS5 table of `spec` and the triggers keeping it in
    step with the model's table (SQLite only; PostgreSQL has its GIN index)."""

    def forwards(apps, schema_editor) -> None:
        if schema_editor.connection.vendor != "sqlite":
            return
        table = apps.get_model(app_label, model_name)._meta.db_table
        fts = f"{table}_fts"
        columns = [column for column, _, _ in spec.columns()]
        names = ", ".join(f'"{c}"' for c in columns)
        new = ", ".join(f'new."{c}"' for c in columns)
        old = ", ".join(f'old."{c}"' for c in columns)
        schema_editor.execute(
            f'CREATE VIRTUAL TABLE "{fts}" USING fts5({names}, content="{table}", '
            "content_rowid=\"id\", tokenize='unicode61 remove_diacritics 2')"
        )
        remove = (
            f'INSERT INTO "{fts}" ("{fts}", rowid, {names}) VALUES (\'delete\', old.id, {old});'
        )
        add = f'INSERT INTO "{fts}" (rowid, {names}) VALUES (new.id, {new});'
        for event, body in (("INSERT", add), ("DELETE", remove), ("UPDATE", remove + " " + add)):
            schema_editor.execute(
                f'CREATE TRIGGER "{fts}_{event.lower()}" AFTER {event} ON "{table}" BEGIN {body} END'
            )
        schema_editor.execute(f'INSERT INTO "{fts}" ("{fts}") VALUES (\'rebuild\')')

    def backwards(apps, schema_editor) -> None:
        if schema_editor.connection.vendor != "sqlite":
            return
        table = apps.get_model(app_label, model_name)._meta.db_table
        for event in ("insert", "delete", "update"):
            schema_editor.execute(f'DROP TRIGGER IF EXISTS "{table}_fts_{event}"')
        schema_editor.execute(f'DROP TABLE IF EXISTS "{table}_fts"')

    return forwards, backwards


DOCUMENT_COLUMN = "search_document"


def create_stored_document(app_label: str, model_name: str, spec: SearchSpec) -> tuple:
    """RunPython functions replacing the GIN expression index of `spec` with a generated
    column holding the same tsvector, indexed (PostgreSQL only)."""

    def forwards(apps, schema_editor) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        model = apps.get_model(app_label, model_name)
        table = schema_editor.quote_name(model._meta.db_table)
        query = Query(model, alias_cols=False)  # columns unqualified, as the column needs
        compiler = query.get_compiler(connection=schema_editor.connection)
        sql, params = (
            spec.vector().resolve_expression(query).as_sql(compiler, schema_editor.connection)
        )
        expression = sql % tuple(map(schema_editor.quote_value, params))
        schema_editor.execute(f"DROP INDEX IF EXISTS {spec.index_name}")
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN {DOCUMENT_COLUMN} tsvector "
            f"GENERATED ALWAYS AS ({expression}) STORED"
        )
        schema_editor.execute(
            f"CREATE INDEX {spec.index_name} ON {table} USING gin ({DOCUMENT_COLUMN})"
        )

    def backwards(apps, schema_editor) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        model = apps.get_model(app_label, model_name)
        schema_editor.execute(f"DROP INDEX IF EXISTS {spec.index_name}")
        schema_editor.execute(
            f"ALTER TABLE {schema_editor.quote_name(model._meta.db_table)} "
            f"DROP COLUMN {DOCUMENT_COLUMN}"
        )
        schema_editor.add_index(model, GinIndex(spec.vector(), name=spec.index_name))

    return forwards, backwards


class StoredDocument(Expression):
    """The `search_document` column of the query's own table (PostgreSQL)."""

    output_field = SearchVectorField()

    def resolve_expression(self, query=None, *args, **kwargs) -> Col:
        column = SearchVectorField()
        column.set_attributes_from_name(DOCUMENT_COLUMN)
        column.model = query.model  # as if it were a field of the model, for Col's identity
        return Col(query.get_initial_alias(), column, self.output_field)


def create_search_index(app_label: str, model_name: str, spec: SearchSpec) -> tuple:
    """RunPython functions adding and dropping a GIN expression index of `spec` (PostgreSQL
    only): the first migrations' index, which create_stored_document replaces."""

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


def _postgres(queryset: QuerySet, spec: SearchSpec, query: str) -> QuerySet:
    search_query = None
    for config in dict.fromkeys(CONFIGS.values()):
        part = SearchQuery(query, config=config, search_type="websearch")
        search_query = part if search_query is None else search_query | part
    return (
        queryset.alias(document=StoredDocument())
        .filter(document=search_query)
        .annotate(rank=SearchRank(StoredDocument(), search_query))
    )


def fts5_query(clauses: list[Clause]) -> str:
    """The clauses in FTS5's query language: quoted terms, single words as prefixes."""

    def term(text: str) -> str:
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
