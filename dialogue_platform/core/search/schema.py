"""What the database holds for search, beside each searchable model's table.

- PostgreSQL: a stored generated column, `search_document`, holding the weighted tsvector
  of `SearchSpec.vector()`, with a GIN index. It is not a model field (SQLite has no
  tsvector): queries name it through `StoredDocument`.
- SQLite: an FTS5 table per searchable model (`<table>_fts`, unicode61 tokenizer), kept
  in step with the model's table by triggers.

The functions below write that schema for a model's spec; migrations that use them
freeze the spec they were written for."""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db.models.expressions import Col, Expression
from django.db.models.sql import Query

from .spec import SearchSpec

DOCUMENT_COLUMN = "search_document"


class StoredDocument(Expression):
    """The `search_document` column of the query's own table (PostgreSQL)."""

    output_field = SearchVectorField()

    def resolve_expression(self, query=None, *args, **kwargs) -> Col:
        column = SearchVectorField()
        column.set_attributes_from_name(DOCUMENT_COLUMN)
        column.model = query.model  # as if it were a field of the model, for Col's identity
        return Col(query.get_initial_alias(), column, self.output_field)


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
        schema_editor.execute(
            f'CREATE VIRTUAL TABLE "{fts}" USING fts5({names}, content="{table}", '
            "content_rowid=\"id\", tokenize='unicode61 remove_diacritics 2')"
        )
        create_sqlite_full_text_triggers(schema_editor, table, spec)

    def backwards(apps, schema_editor) -> None:
        if schema_editor.connection.vendor != "sqlite":
            return
        table = apps.get_model(app_label, model_name)._meta.db_table
        for event in ("insert", "delete", "update"):
            schema_editor.execute(f'DROP TRIGGER IF EXISTS "{table}_fts_{event}"')
        schema_editor.execute(f'DROP TABLE IF EXISTS "{table}_fts"')

    return forwards, backwards


def create_sqlite_full_text_triggers(schema_editor, table: str, spec: SearchSpec) -> None:
    """(Re)create the triggers keeping `table`'s FTS5 table in step, and rebuild its index.
    A migration that makes SQLite rebuild the table (a changed CHECK constraint) drops
    them, and must call this again."""
    fts = f"{table}_fts"
    columns = [column for column, _, _ in spec.columns()]
    names = ", ".join(f'"{c}"' for c in columns)
    new = ", ".join(f'new."{c}"' for c in columns)
    old = ", ".join(f'old."{c}"' for c in columns)
    remove = f'INSERT INTO "{fts}" ("{fts}", rowid, {names}) VALUES (\'delete\', old.id, {old});'
    add = f'INSERT INTO "{fts}" (rowid, {names}) VALUES (new.id, {new});'
    for event, body in (("INSERT", add), ("DELETE", remove), ("UPDATE", remove + " " + add)):
        schema_editor.execute(f'DROP TRIGGER IF EXISTS "{fts}_{event.lower()}"')
        schema_editor.execute(
            f'CREATE TRIGGER "{fts}_{event.lower()}" AFTER {event} ON "{table}" BEGIN {body} END'
        )
    schema_editor.execute(f'INSERT INTO "{fts}" ("{fts}") VALUES (\'rebuild\')')


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
