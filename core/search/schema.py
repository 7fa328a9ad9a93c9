"""What the database holds for search, beside each searchable model's table.

- PostgreSQL: a stored generated column, `search_document`, holding the weighted tsvector
  of `SearchSpec.vector()`, with a GIN index. It is not a model field (SQLite has no
  tsvector): queries name it through `StoredDocument`.
- SQLite: an FTS5 table per searchable model (`<table>_fts`, unicode61 tokenizer), kept
  in step with the model's table by triggers.

The migrations write that schema out as SQL, for the spec each model had then
(meetings and recommendations 0002, plans 0004): a change to a model's SearchSpec needs a migration
that rewrites its column and FTS5 table."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db.models.expressions import Col, Expression

DOCUMENT_COLUMN = "search_document"


class StoredDocument(Expression):
    """The `search_document` column of the query's own table (PostgreSQL)."""

    output_field = SearchVectorField()

    def resolve_expression(self, query=None, *args, **kwargs) -> Col:
        column = SearchVectorField()
        column.set_attributes_from_name(DOCUMENT_COLUMN)
        column.model = query.model  # as if it were a field of the model, for Col's identity
        return Col(query.get_initial_alias(), column, self.output_field)
