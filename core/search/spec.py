"""What a model is searched on, and the tsvector PostgreSQL builds from it."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.postgres.search import SearchVector

# Text-search configurations by language: PostgreSQL has none for Kazakh.
CONFIGS = {"en": "english", "ru": "russian", "kk": "simple"}


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
