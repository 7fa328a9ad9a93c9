"""Web-search syntax: words (all must match), "quoted phrases", -excluded words, and OR
between alternatives. Parsed here for SQLite's FTS5 and for highlighting; PostgreSQL reads
the same syntax itself (websearch_to_tsquery)."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUERY_LENGTH = 200

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
