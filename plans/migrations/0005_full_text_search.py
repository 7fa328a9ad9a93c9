"""Full-text search over action plans, their activities and outside recommendations
(core/search/), written out as it runs, for the SearchSpec each model had
then: a change to the live code never changes what a fresh database gets.

- PostgreSQL: a stored generated column `search_document` holding the weighted tsvector of
  each model's spec, with a GIN index.
- SQLite: an FTS5 table per model kept in step by triggers, filled from the rows already
  there ('rebuild').

The data-version triggers these tables carry come from 0002."""

from django.db import migrations

FULL_TEXT_SEARCH = {
    "postgresql": [
        """ALTER TABLE "plans_actionplan" ADD COLUMN search_document tsvector GENERATED ALWAYS AS ((setweight(to_tsvector('english'::regconfig, COALESCE("title_en", '')), 'A') || setweight(to_tsvector('russian'::regconfig, COALESCE("title_ru", '')), 'A') || setweight(to_tsvector('simple'::regconfig, COALESCE("title_kk", '')), 'A') || setweight(to_tsvector('english'::regconfig, COALESCE("description_en", '')), 'B') || setweight(to_tsvector('russian'::regconfig, COALESCE("description_ru", '')), 'B') || setweight(to_tsvector('simple'::regconfig, COALESCE("description_kk", '')), 'B'))) STORED""",
        'CREATE INDEX actionplan_search_idx ON "plans_actionplan" USING gin (search_document)',
        """ALTER TABLE "plans_activity" ADD COLUMN search_document tsvector GENERATED ALWAYS AS ((setweight(to_tsvector('simple'::regconfig, COALESCE("number", '')), 'A') || setweight(to_tsvector('english'::regconfig, COALESCE("title_en", '')), 'A') || setweight(to_tsvector('russian'::regconfig, COALESCE("title_ru", '')), 'A') || setweight(to_tsvector('simple'::regconfig, COALESCE("title_kk", '')), 'A') || setweight(to_tsvector('english'::regconfig, COALESCE("expected_outcome_en", '')), 'B') || setweight(to_tsvector('russian'::regconfig, COALESCE("expected_outcome_ru", '')), 'B') || setweight(to_tsvector('simple'::regconfig, COALESCE("expected_outcome_kk", '')), 'B'))) STORED""",
        'CREATE INDEX activity_search_idx ON "plans_activity" USING gin (search_document)',
        """ALTER TABLE "plans_outsiderecommendation" ADD COLUMN search_document tsvector GENERATED ALWAYS AS ((setweight(to_tsvector('simple'::regconfig, COALESCE("document_symbol", '')), 'A') || setweight(to_tsvector('simple'::regconfig, COALESCE("paragraph", '')), 'A') || setweight(to_tsvector('english'::regconfig, COALESCE("text_en", '')), 'B') || setweight(to_tsvector('russian'::regconfig, COALESCE("text_ru", '')), 'B') || setweight(to_tsvector('simple'::regconfig, COALESCE("text_kk", '')), 'B') || setweight(to_tsvector('english'::regconfig, COALESCE("recommending_state_en", '')), 'C') || setweight(to_tsvector('russian'::regconfig, COALESCE("recommending_state_ru", '')), 'C') || setweight(to_tsvector('simple'::regconfig, COALESCE("recommending_state_kk", '')), 'C'))) STORED""",
        'CREATE INDEX outsiderecommendation_search_idx ON "plans_outsiderecommendation" USING gin (search_document)',
    ],
    "sqlite": [
        """CREATE VIRTUAL TABLE "plans_actionplan_fts" USING fts5("title_en", "title_ru", "title_kk", "description_en", "description_ru", "description_kk", content="plans_actionplan", content_rowid="id", tokenize='unicode61 remove_diacritics 2')""",
        'CREATE TRIGGER "plans_actionplan_fts_insert" AFTER INSERT ON "plans_actionplan" BEGIN INSERT INTO "plans_actionplan_fts" (rowid, "title_en", "title_ru", "title_kk", "description_en", "description_ru", "description_kk") VALUES (new.id, new."title_en", new."title_ru", new."title_kk", new."description_en", new."description_ru", new."description_kk"); END',
        """CREATE TRIGGER "plans_actionplan_fts_delete" AFTER DELETE ON "plans_actionplan" BEGIN INSERT INTO "plans_actionplan_fts" ("plans_actionplan_fts", rowid, "title_en", "title_ru", "title_kk", "description_en", "description_ru", "description_kk") VALUES ('delete', old.id, old."title_en", old."title_ru", old."title_kk", old."description_en", old."description_ru", old."description_kk"); END""",
        """CREATE TRIGGER "plans_actionplan_fts_update" AFTER UPDATE ON "plans_actionplan" BEGIN INSERT INTO "plans_actionplan_fts" ("plans_actionplan_fts", rowid, "title_en", "title_ru", "title_kk", "description_en", "description_ru", "description_kk") VALUES ('delete', old.id, old."title_en", old."title_ru", old."title_kk", old."description_en", old."description_ru", old."description_kk"); INSERT INTO "plans_actionplan_fts" (rowid, "title_en", "title_ru", "title_kk", "description_en", "description_ru", "description_kk") VALUES (new.id, new."title_en", new."title_ru", new."title_kk", new."description_en", new."description_ru", new."description_kk"); END""",
        """INSERT INTO "plans_actionplan_fts" ("plans_actionplan_fts") VALUES ('rebuild')""",
        """CREATE VIRTUAL TABLE "plans_activity_fts" USING fts5("number", "title_en", "title_ru", "title_kk", "expected_outcome_en", "expected_outcome_ru", "expected_outcome_kk", content="plans_activity", content_rowid="id", tokenize='unicode61 remove_diacritics 2')""",
        'CREATE TRIGGER "plans_activity_fts_insert" AFTER INSERT ON "plans_activity" BEGIN INSERT INTO "plans_activity_fts" (rowid, "number", "title_en", "title_ru", "title_kk", "expected_outcome_en", "expected_outcome_ru", "expected_outcome_kk") VALUES (new.id, new."number", new."title_en", new."title_ru", new."title_kk", new."expected_outcome_en", new."expected_outcome_ru", new."expected_outcome_kk"); END',
        """CREATE TRIGGER "plans_activity_fts_delete" AFTER DELETE ON "plans_activity" BEGIN INSERT INTO "plans_activity_fts" ("plans_activity_fts", rowid, "number", "title_en", "title_ru", "title_kk", "expected_outcome_en", "expected_outcome_ru", "expected_outcome_kk") VALUES ('delete', old.id, old."number", old."title_en", old."title_ru", old."title_kk", old."expected_outcome_en", old."expected_outcome_ru", old."expected_outcome_kk"); END""",
        """CREATE TRIGGER "plans_activity_fts_update" AFTER UPDATE ON "plans_activity" BEGIN INSERT INTO "plans_activity_fts" ("plans_activity_fts", rowid, "number", "title_en", "title_ru", "title_kk", "expected_outcome_en", "expected_outcome_ru", "expected_outcome_kk") VALUES ('delete', old.id, old."number", old."title_en", old."title_ru", old."title_kk", old."expected_outcome_en", old."expected_outcome_ru", old."expected_outcome_kk"); INSERT INTO "plans_activity_fts" (rowid, "number", "title_en", "title_ru", "title_kk", "expected_outcome_en", "expected_outcome_ru", "expected_outcome_kk") VALUES (new.id, new."number", new."title_en", new."title_ru", new."title_kk", new."expected_outcome_en", new."expected_outcome_ru", new."expected_outcome_kk"); END""",
        """INSERT INTO "plans_activity_fts" ("plans_activity_fts") VALUES ('rebuild')""",
        """CREATE VIRTUAL TABLE "plans_outsiderecommendation_fts" USING fts5("document_symbol", "paragraph", "text_en", "text_ru", "text_kk", "recommending_state_en", "recommending_state_ru", "recommending_state_kk", content="plans_outsiderecommendation", content_rowid="id", tokenize='unicode61 remove_diacritics 2')""",
        'CREATE TRIGGER "plans_outsiderecommendation_fts_insert" AFTER INSERT ON "plans_outsiderecommendation" BEGIN INSERT INTO "plans_outsiderecommendation_fts" (rowid, "document_symbol", "paragraph", "text_en", "text_ru", "text_kk", "recommending_state_en", "recommending_state_ru", "recommending_state_kk") VALUES (new.id, new."document_symbol", new."paragraph", new."text_en", new."text_ru", new."text_kk", new."recommending_state_en", new."recommending_state_ru", new."recommending_state_kk"); END',
        """CREATE TRIGGER "plans_outsiderecommendation_fts_delete" AFTER DELETE ON "plans_outsiderecommendation" BEGIN INSERT INTO "plans_outsiderecommendation_fts" ("plans_outsiderecommendation_fts", rowid, "document_symbol", "paragraph", "text_en", "text_ru", "text_kk", "recommending_state_en", "recommending_state_ru", "recommending_state_kk") VALUES ('delete', old.id, old."document_symbol", old."paragraph", old."text_en", old."text_ru", old."text_kk", old."recommending_state_en", old."recommending_state_ru", old."recommending_state_kk"); END""",
        """CREATE TRIGGER "plans_outsiderecommendation_fts_update" AFTER UPDATE ON "plans_outsiderecommendation" BEGIN INSERT INTO "plans_outsiderecommendation_fts" ("plans_outsiderecommendation_fts", rowid, "document_symbol", "paragraph", "text_en", "text_ru", "text_kk", "recommending_state_en", "recommending_state_ru", "recommending_state_kk") VALUES ('delete', old.id, old."document_symbol", old."paragraph", old."text_en", old."text_ru", old."text_kk", old."recommending_state_en", old."recommending_state_ru", old."recommending_state_kk"); INSERT INTO "plans_outsiderecommendation_fts" (rowid, "document_symbol", "paragraph", "text_en", "text_ru", "text_kk", "recommending_state_en", "recommending_state_ru", "recommending_state_kk") VALUES (new.id, new."document_symbol", new."paragraph", new."text_en", new."text_ru", new."text_kk", new."recommending_state_en", new."recommending_state_ru", new."recommending_state_kk"); END""",
        """INSERT INTO "plans_outsiderecommendation_fts" ("plans_outsiderecommendation_fts") VALUES ('rebuild')""",
    ],
}
DROP_FULL_TEXT_SEARCH = {
    "postgresql": [
        'DROP INDEX actionplan_search_idx',
        'ALTER TABLE "plans_actionplan" DROP COLUMN search_document',
        'DROP INDEX activity_search_idx',
        'ALTER TABLE "plans_activity" DROP COLUMN search_document',
        'DROP INDEX outsiderecommendation_search_idx',
        'ALTER TABLE "plans_outsiderecommendation" DROP COLUMN search_document',
    ],
    "sqlite": [
        'DROP TRIGGER "plans_actionplan_fts_insert"',
        'DROP TRIGGER "plans_actionplan_fts_delete"',
        'DROP TRIGGER "plans_actionplan_fts_update"',
        'DROP TABLE "plans_actionplan_fts"',
        'DROP TRIGGER "plans_activity_fts_insert"',
        'DROP TRIGGER "plans_activity_fts_delete"',
        'DROP TRIGGER "plans_activity_fts_update"',
        'DROP TABLE "plans_activity_fts"',
        'DROP TRIGGER "plans_outsiderecommendation_fts_insert"',
        'DROP TRIGGER "plans_outsiderecommendation_fts_delete"',
        'DROP TRIGGER "plans_outsiderecommendation_fts_update"',
        'DROP TABLE "plans_outsiderecommendation_fts"',
    ],
}


def run(statements: dict[str, list[str]]):
    """A RunPython function executing the statements written for the database's vendor."""

    def operation(apps, schema_editor) -> None:
        for statement in statements[schema_editor.connection.vendor]:
            schema_editor.execute(statement, params=None)

    return operation


class Migration(migrations.Migration):
    dependencies = [("plans", "0004_assessment_origin")]

    operations = [migrations.RunPython(run(FULL_TEXT_SEARCH), run(DROP_FULL_TEXT_SEARCH))]
