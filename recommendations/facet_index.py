"""An in-memory count of the published recommendations by facet value: how RecommendationResults
(selectors.py) counts the list's results and facets without asking SQL once per facet.

Each facet value (a status, a year, a topic, an affected group, a responsible body; the
vocabularies by their row's primary key, so renaming a slug changes nothing here) holds the
primary keys of the published recommendations it applies to as a compressed bitmap
(pyroaring). A count is the size of an intersection: well under 1 ms where SQL evaluates
the filter again for each facet (about 45 ms at 100,000 recommendations on SQLite). The
index only counts: every page, its order and the export come from SQL (filters.py), and
with FACET_INDEX off the same counts come from SQL, identically (tests/test_facet_index.py).

Kept current incrementally, not rebuilt after each write. Row triggers on the
recommendation table and its topic, group and body links (migration
0004_recommendation_change_log) write each changed recommendation's id with the database's
clock to RecommendationChange. When the data version changes, a worker re-reads, in four
queries, only the recommendations logged since its copy's last reading minus WINDOW (the
stamp is taken when the row is written, and on PostgreSQL a long transaction can commit a
row stamped minutes earlier, after a reading that could not see it yet): their status,
year, published flag and links. Re-applying a change is idempotent, so reading one twice is
harmless. A timestamp window was chosen over PostgreSQL's transaction snapshots
(pg_current_snapshot) because it works the same on SQLite, in plain SQL, at the cost of
re-reading the last few minutes' changes, a handful of rows in normal editing.

A copy is rebuilt in full (four streamed queries, about 0.5 s at 100,000 recommendations)
only when it cannot be brought forward: in a fresh worker with no usable copy in the shared
cache, when more changed than a rebuild would read (a bulk import: the rebuilt copy goes to
the cache, one worker builds and the others load it), or when the log no longer covers the
copy's age (its rows older than RETENTION are pruned by a trigger) or has been emptied
behind its back (a restore, a truncation; the copy then finds the log row it last saw gone).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest
from pyroaring import BitMap

from core.caching import key, version

from .models import Recommendation, RecommendationChange

# Facets of vocabularies: the filter's name, and the many-to-many field it follows.
VOCABULARY_FACETS = {"topic": "topics", "group": "affected_groups", "body": "responsible_bodies"}
FACETS = ("status", "year", *VOCABULARY_FACETS)
CHUNK_SIZE = 10_000  # rows fetched at a time while reading
# The longest a transaction writing recommendations plausibly stays open (the import of
# 100,000 rows takes about 12 s): changes stamped this long before a reading are read again.
WINDOW = 10 * 60  # seconds
# How long the change log keeps its rows (the migration's trigger prunes older ones): a
# copy last brought forward longer ago than this, less WINDOW, is rebuilt instead.
RETENTION = 24 * 60 * 60  # seconds
# Above this many changed recommendations, re-reading them costs about what a rebuild
# does, and a rebuild is shared through the cache.
MAX_CHANGES = 10_000
# A worker puts its copy in the shared cache at most this often, for fresh workers to
# start from rather than rebuild.
SHARE_EVERY = 10 * 60  # seconds
CACHE_KEY = key("facet-index", 2)  # not per data version: a copy carries its own reading

# The database's clock in seconds since 1970, as the change log's triggers stamp rows.
NOW = {
    "sqlite": "(julianday('now') - 2440587.5) * 86400.0",
    "postgresql": "extract(epoch from clock_timestamp())::float8",
}


@dataclass(frozen=True)
class Reading:
    """When a copy last read the database, and the newest change-log row it saw then
    (which must still be there for the log to be the one the copy was read from)."""

    at: float  # the database's clock
    last_change: tuple[int, float] | None  # (id, stamp)
    shared_at: float = 0.0  # `at` of the copy this worker last put in the cache


@dataclass(frozen=True)
class FacetIndex:
    """Never changed once built: bringing it forward makes a new copy (bitmaps that did
    not change are shared), so a request counting on the old one is undisturbed."""

    published: BitMap  # every published recommendation's primary key
    values: dict[str, dict[object, BitMap]]  # facet -> value (status, year, vocabulary pk)
    reading: Reading
    data_version: int = 0

    @classmethod
    def build(cls) -> FacetIndex:
        """Read in four streamed queries, so that memory holds the index, not the rows."""
        values: dict[str, dict] = {facet: defaultdict(BitMap) for facet in FACETS}
        published = BitMap()
        reading, rows = read_recommendations(since=None, previous=None)
        for pk, status, year, is_published in rows:
            if is_published:
                published.add(pk)
                values["status"][status].add(pk)
                values["year"][year].add(pk)
        for facet, pk, value in read_links(since=None):
            if pk in published:  # links of unpublished recommendations are left out
                values[facet][value].add(pk)
        values = {facet: dict(members) for facet, members in values.items()}
        return cls(published, values, reading)

    def brought_forward(self) -> FacetIndex | None:
        """This copy with every change logged since it last read the database, or None when
        the log cannot bring it forward (see the module's docstring)."""
        reading = self.reading
        if time.time() - reading.at > RETENTION - 2 * WINDOW:
            return None  # the log may have pruned changes this copy has not seen
        since = reading.at - WINDOW
        now, rows = read_recommendations(since=since, previous=reading.last_change)
        if now is None:
            return None
        changed, state = BitMap(), {}
        for pk, status, year, is_published in rows:
            if pk is None:
                return None  # a truncation: nothing logged before it can be trusted
            changed.add(pk)
            if is_published:
                state[pk] = (status, year)
            if len(changed) > MAX_CHANGES:
                return None
        published = (self.published - changed) | BitMap(state)
        reading = replace(now, shared_at=reading.shared_at)
        if not changed:
            return replace(self, reading=reading)
        added: dict[str, dict[object, BitMap]] = {facet: defaultdict(BitMap) for facet in FACETS}
        for pk, (status, year) in state.items():
            added["status"][status].add(pk)
            added["year"][year].add(pk)
        for facet, pk, value in read_links(since=since):
            if pk in state:  # read with its recommendation (a later change waits its turn)
                added[facet][value].add(pk)
        values = {}
        for facet, members in self.values.items():
            values[facet] = {
                value: ids - changed if ids.intersect(changed) else ids
                for value, ids in members.items()
            }
            for value, ids in added[facet].items():
                values[facet][value] = values[facet].get(value, BitMap()) | ids
            values[facet] = {value: ids for value, ids in values[facet].items() if ids}
        return replace(self, published=published, values=values, reading=reading)

    def any_of(self, facet: str, chosen: Iterable[object]) -> BitMap:
        """The recommendations with any of the chosen values of a facet."""
        return BitMap.union(
            BitMap(), *(self.values[facet].get(value, BitMap()) for value in chosen)
        )

    def results(self, matches: dict[str, BitMap], without: str = "") -> BitMap:
        """The published recommendations every filter in `matches` (name -> what it lets
        through) lets through, leaving out the filter named `without`."""
        kept = [members for name, members in matches.items() if name != without]
        return BitMap.intersection(self.published, *kept)

    def counts(self, facet: str, within: BitMap) -> dict[object, int]:
        """How many of the recommendations in `within` each value of a facet applies to
        (values that apply to none are left out)."""
        counts = {}
        for value, members in self.values[facet].items():
            if count := members.intersection_cardinality(within):
                counts[value] = count
        return counts


def read_recommendations(
    *, since: float | None, previous: tuple[int, float] | None
) -> tuple[Reading | None, Iterator[tuple]]:
    """The reading (the database's clock and newest change-log row), and (pk, status, year,
    is_published) of every published recommendation (`since` None) or of at most
    MAX_CHANGES + 1 of those logged since `since` (a deleted one with NULLs), in one query.
    The reading is None when the log cannot bring a copy forward: the `previous` newest
    row is gone, or a truncation was logged (a change without a recommendation)."""
    log = RecommendationChange._meta.db_table
    table = Recommendation._meta.db_table
    if since is None:
        rows = f"SELECT 1, id, status, year, is_published FROM {table} WHERE is_published = %s"
        params: list = [True]
    else:
        rows = (
            f"SELECT 1, c.recommendation_id, rec.status, rec.year, rec.is_published FROM "
            f"(SELECT DISTINCT recommendation_id FROM {log} WHERE stamp > %s LIMIT %s) c "
            f"LEFT JOIN {table} rec ON rec.id = c.recommendation_id"
        )
        params = [since, MAX_CHANGES + 1]
    previous_id, previous_stamp = previous or (None, None)
    # The reading rides on every row (and on one row of NULLs when nothing changed), so
    # that it costs no query of its own.
    sql = (
        f"SELECT h.now, h.last_id, h.last_stamp, h.anchored, r.* FROM "
        f"(SELECT {NOW[connection.vendor]} AS now, "
        f"(SELECT MAX(id) FROM {log}) AS last_id, "
        f"(SELECT stamp FROM {log} WHERE id = (SELECT MAX(id) FROM {log})) AS last_stamp, "
        f"CASE WHEN %s IS NULL OR EXISTS (SELECT 1 FROM {log} WHERE id = %s AND stamp = %s) "
        f"THEN 1 ELSE 0 END AS anchored) h "
        f"LEFT JOIN ({rows}) r ON 1 = 1"
    )
    params = [previous_id, previous_id, previous_stamp, *params]
    cursor = connection.chunked_cursor()
    cursor.execute(sql, params)
    first = cursor.fetchone()
    now, last_id, last_stamp, anchored = first[:4]
    reading = Reading(now, (last_id, last_stamp) if last_id is not None else None)

    def rows_read() -> Iterator[tuple]:
        try:
            for row in [first]:
                if row[4] is not None:
                    yield row[5:]
            while chunk := cursor.fetchmany(CHUNK_SIZE):
                for row in chunk:
                    yield row[5:]
        finally:
            cursor.close()

    if since is not None and not anchored:
        cursor.close()
        return None, iter(())
    return reading, rows_read()


def read_links(*, since: float | None) -> Iterator[tuple[str, int, int]]:
    """(facet, recommendation pk, vocabulary pk) of every link, or of the links of the
    recommendations logged since `since`: one streamed query per vocabulary."""
    changed = RecommendationChange.objects.filter(stamp__gt=since or 0).values("recommendation_id")
    for facet, name in VOCABULARY_FACETS.items():
        relation = Recommendation._meta.get_field(name)
        links = relation.remote_field.through.objects.all()
        if since is not None:
            links = links.filter(recommendation_id__in=changed)
        links = links.values_list("recommendation_id", f"{relation.m2m_reverse_field_name()}_id")
        for pk, value in links.iterator(chunk_size=CHUNK_SIZE):
            yield facet, pk, value


_latest: FacetIndex | None = None


def current(request: HttpRequest) -> FacetIndex | None:
    """The index for the request's data version, or None when FACET_INDEX is off. Each
    process keeps its latest copy and brings it forward after writes; a fresh worker starts
    from the copy in the shared cache, and only with none usable builds one."""
    global _latest
    if not settings.FACET_INDEX:
        return None
    data_version = version(request)
    if _latest is not None and _latest.data_version == data_version:
        return _latest
    index = _latest.brought_forward() if _latest is not None else None
    if index is None:
        shared = cache.get(CACHE_KEY)
        if shared is not None and shared.data_version == data_version:
            index = shared
        elif shared is not None:
            index = shared.brought_forward()
    if index is None:
        index = FacetIndex.build()
    index = replace(index, data_version=data_version)
    if index.reading.at - index.reading.shared_at > SHARE_EVERY:
        index = replace(index, reading=replace(index.reading, shared_at=index.reading.at))
        cache.set(CACHE_KEY, index, RETENTION)
    _latest = index
    return index
