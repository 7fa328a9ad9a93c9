"""Full-text search over the record, on PostgreSQL and SQLite alike.

spec.py      what a model is searched on (SearchSpec)
schema.py    what the database holds for it: tsvector column, FTS5 tables and triggers
query.py     the web-search syntax, parsed
backends.py  search(): the PostgreSQL and SQLite ways of answering a query
snippets.py  a matched text's window, highlighted
"""

from .backends import register_casefold, search
from .query import MAX_QUERY_LENGTH, parse, positive_terms
from .snippets import snippet
from .spec import SearchSpec

__all__ = [
    "MAX_QUERY_LENGTH",
    "SearchSpec",
    "parse",
    "positive_terms",
    "register_casefold",
    "search",
    "snippet",
]
