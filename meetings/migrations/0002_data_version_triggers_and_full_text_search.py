"""The SQL the models cannot express, for the meetings tables, written out as it runs: a change
to the live code never changes what a fresh database gets.

- Data-version triggers (core/data_version.py): every write to each of
  these tables draws a new data version, so nothing cached is ever stale. PostgreSQL runs
  them once per statement (its function comes with the version table, in
  dialogue_platform 0001); SQLite has row triggers only.
- Full-text search (core/search/): on PostgreSQL, a stored generated
  column `search_document` holding the weighted tsvector of each searchable model, with a
  GIN index; on SQLite, an FTS5 table per searchable model kept in step by triggers.

A table added to this app later needs its own trigger in its own migration;
`manage.py check --database default` reports one that lacks it."""

from django.db import migrations

DATA_VERSION_TRIGGERS = {
    "postgresql": [
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "meetings_agendaitem" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "meetings_agendaitem_topics" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "meetings_document" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "meetings_document_authors" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "meetings_document_topics" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "meetings_meeting" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "meetings_organisation" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "meetings_participant" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "meetings_person" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "meetings_topic" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
    ],
    "sqlite": [
        'CREATE TRIGGER "bump_data_version_meetings_agendaitem_insert" AFTER INSERT ON "meetings_agendaitem" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_agendaitem_update" AFTER UPDATE ON "meetings_agendaitem" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_agendaitem_delete" AFTER DELETE ON "meetings_agendaitem" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_agendaitem_topics_insert" AFTER INSERT ON "meetings_agendaitem_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_agendaitem_topics_update" AFTER UPDATE ON "meetings_agendaitem_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_agendaitem_topics_delete" AFTER DELETE ON "meetings_agendaitem_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_document_insert" AFTER INSERT ON "meetings_document" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_document_update" AFTER UPDATE ON "meetings_document" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_document_delete" AFTER DELETE ON "meetings_document" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_document_authors_insert" AFTER INSERT ON "meetings_document_authors" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_document_authors_update" AFTER UPDATE ON "meetings_document_authors" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_document_authors_delete" AFTER DELETE ON "meetings_document_authors" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_document_topics_insert" AFTER INSERT ON "meetings_document_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_document_topics_update" AFTER UPDATE ON "meetings_document_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_document_topics_delete" AFTER DELETE ON "meetings_document_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_meeting_insert" AFTER INSERT ON "meetings_meeting" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_meeting_update" AFTER UPDATE ON "meetings_meeting" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_meeting_delete" AFTER DELETE ON "meetings_meeting" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_organisation_insert" AFTER INSERT ON "meetings_organisation" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_organisation_update" AFTER UPDATE ON "meetings_organisation" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_organisation_delete" AFTER DELETE ON "meetings_organisation" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_participant_insert" AFTER INSERT ON "meetings_participant" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_participant_update" AFTER UPDATE ON "meetings_participant" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_participant_delete" AFTER DELETE ON "meetings_participant" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_person_insert" AFTER INSERT ON "meetings_person" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_person_update" AFTER UPDATE ON "meetings_person" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_person_delete" AFTER DELETE ON "meetings_person" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_topic_insert" AFTER INSERT ON "meetings_topic" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_topic_update" AFTER UPDATE ON "meetings_topic" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_meetings_topic_delete" AFTER DELETE ON "meetings_topic" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    ],
}
DROP_DATA_VERSION_TRIGGERS = {
    "postgresql": [
        'DROP TRIGGER bump_data_version ON "meetings_agendaitem"',
        'DROP TRIGGER bump_data_version ON "meetings_agendaitem_topics"',
        'DROP TRIGGER bump_data_version ON "meetings_document"',
        'DROP TRIGGER bump_data_version ON "meetings_document_authors"',
        'DROP TRIGGER bump_data_version ON "meetings_document_topics"',
        'DROP TRIGGER bump_data_version ON "meetings_meeting"',
        'DROP TRIGGER bump_data_version ON "meetings_organisation"',
        'DROP TRIGGER bump_data_version ON "meetings_participant"',
        'DROP TRIGGER bump_data_version ON "meetings_person"',
        'DROP TRIGGER bump_data_version ON "meetings_topic"',
    ],
    "sqlite": [
        'DROP TRIGGER "bump_data_version_meetings_agendaitem_insert"',
        'DROP TRIGGER "bump_data_version_meetings_agendaitem_update"',
        'DROP TRIGGER "bump_data_version_meetings_agendaitem_delete"',
        'DROP TRIGGER "bump_data_version_meetings_agendaitem_topics_insert"',
        'DROP TRIGGER "bump_data_version_meetings_agendaitem_topics_update"',
        'DROP TRIGGER "bump_data_version_meetings_agendaitem_topics_delete"',
        'DROP TRIGGER "bump_data_version_meetings_document_insert"',
        'DROP TRIGGER "bump_data_version_meetings_document_update"',
        'DROP TRIGGER "bump_data_version_meetings_document_delete"',
        'DROP TRIGGER "bump_data_version_meetings_document_authors_insert"',
        'DROP TRIGGER "bump_data_version_meetings_document_authors_update"',
        'DROP TRIGGER "bump_data_version_meetings_document_authors_delete"',
        'DROP TRIGGER "bump_data_version_meetings_document_topics_insert"',
        'DROP TRIGGER "bump_data_version_meetings_document_topics_update"',
        'DROP TRIGGER "bump_data_version_meetings_document_topics_delete"',
        'DROP TRIGGER "bump_data_version_meetings_meeting_insert"',
        'DROP TRIGGER "bump_data_version_meetings_meeting_update"',
        'DROP TRIGGER "bump_data_version_meetings_meeting_delete"',
        'DROP TRIGGER "bump_data_version_meetings_organisation_insert"',
        'DROP TRIGGER "bump_data_version_meetings_organisation_update"',
        'DROP TRIGGER "bump_data_version_meetings_organisation_delete"',
        'DROP TRIGGER "bump_data_version_meetings_participant_insert"',
        'DROP TRIGGER "bump_data_version_meetings_participant_update"',
        'DROP TRIGGER "bump_data_version_meetings_participant_delete"',
        'DROP TRIGGER "bump_data_version_meetings_person_insert"',
        'DROP TRIGGER "bump_data_version_meetings_person_update"',
        'DROP TRIGGER "bump_data_version_meetings_person_delete"',
        'DROP TRIGGER "bump_data_version_meetings_topic_insert"',
        'DROP TRIGGER "bump_data_version_meetings_topic_update"',
        'DROP TRIGGER "bump_data_version_meetings_topic_delete"',
    ],
}

FULL_TEXT_SEARCH = {
    "postgresql": [
        """ALTER TABLE "meetings_meeting" ADD COLUMN search_document tsvector GENERATED ALWAYS AS (((((((((setweight(to_tsvector('english'::regconfig, COALESCE("title_en", '')), 'A') || setweight(to_tsvector('russian'::regconfig, COALESCE("title_ru", '')), 'A')) || setweight(to_tsvector('simple'::regconfig, COALESCE("title_kk", '')), 'A')) || setweight(to_tsvector('english'::regconfig, COALESCE("summary_en", '')), 'B')) || setweight(to_tsvector('russian'::regconfig, COALESCE("summary_ru", '')), 'B')) || setweight(to_tsvector('simple'::regconfig, COALESCE("summary_kk", '')), 'B')) || setweight(to_tsvector('english'::regconfig, COALESCE("location_en", '')), 'C')) || setweight(to_tsvector('russian'::regconfig, COALESCE("location_ru", '')), 'C')) || setweight(to_tsvector('simple'::regconfig, COALESCE("location_kk", '')), 'C'))) STORED""",
        'CREATE INDEX meeting_search_idx ON "meetings_meeting" USING gin (search_document)',
        """ALTER TABLE "meetings_agendaitem" ADD COLUMN search_document tsvector GENERATED ALWAYS AS (((((((((setweight(to_tsvector('english'::regconfig, COALESCE("title_en", '')), 'A') || setweight(to_tsvector('russian'::regconfig, COALESCE("title_ru", '')), 'A')) || setweight(to_tsvector('simple'::regconfig, COALESCE("title_kk", '')), 'A')) || setweight(to_tsvector('english'::regconfig, COALESCE("description_en", '')), 'B')) || setweight(to_tsvector('russian'::regconfig, COALESCE("description_ru", '')), 'B')) || setweight(to_tsvector('simple'::regconfig, COALESCE("description_kk", '')), 'B')) || setweight(to_tsvector('english'::regconfig, COALESCE("outcome_en", '')), 'B')) || setweight(to_tsvector('russian'::regconfig, COALESCE("outcome_ru", '')), 'B')) || setweight(to_tsvector('simple'::regconfig, COALESCE("outcome_kk", '')), 'B'))) STORED""",
        'CREATE INDEX agendaitem_search_idx ON "meetings_agendaitem" USING gin (search_document)',
        """ALTER TABLE "meetings_document" ADD COLUMN search_document tsvector GENERATED ALWAYS AS ((((((setweight(to_tsvector('english'::regconfig, COALESCE("title_en", '')), 'A') || setweight(to_tsvector('russian'::regconfig, COALESCE("title_ru", '')), 'A')) || setweight(to_tsvector('simple'::regconfig, COALESCE("title_kk", '')), 'A')) || setweight(to_tsvector('english'::regconfig, COALESCE("description_en", '')), 'B')) || setweight(to_tsvector('russian'::regconfig, COALESCE("description_ru", '')), 'B')) || setweight(to_tsvector('simple'::regconfig, COALESCE("description_kk", '')), 'B'))) STORED""",
        'CREATE INDEX document_search_idx ON "meetings_document" USING gin (search_document)',
    ],
    "sqlite": [
        """CREATE VIRTUAL TABLE "meetings_meeting_fts" USING fts5("title_en", "title_ru", "title_kk", "summary_en", "summary_ru", "summary_kk", "location_en", "location_ru", "location_kk", content="meetings_meeting", content_rowid="id", tokenize='unicode61 remove_diacritics 2')""",
        'CREATE TRIGGER "meetings_meeting_fts_insert" AFTER INSERT ON "meetings_meeting" BEGIN INSERT INTO "meetings_meeting_fts" (rowid, "title_en", "title_ru", "title_kk", "summary_en", "summary_ru", "summary_kk", "location_en", "location_ru", "location_kk") VALUES (new.id, new."title_en", new."title_ru", new."title_kk", new."summary_en", new."summary_ru", new."summary_kk", new."location_en", new."location_ru", new."location_kk"); END',
        """CREATE TRIGGER "meetings_meeting_fts_delete" AFTER DELETE ON "meetings_meeting" BEGIN INSERT INTO "meetings_meeting_fts" ("meetings_meeting_fts", rowid, "title_en", "title_ru", "title_kk", "summary_en", "summary_ru", "summary_kk", "location_en", "location_ru", "location_kk") VALUES ('delete', old.id, old."title_en", old."title_ru", old."title_kk", old."summary_en", old."summary_ru", old."summary_kk", old."location_en", old."location_ru", old."location_kk"); END""",
        """CREATE TRIGGER "meetings_meeting_fts_update" AFTER UPDATE ON "meetings_meeting" BEGIN INSERT INTO "meetings_meeting_fts" ("meetings_meeting_fts", rowid, "title_en", "title_ru", "title_kk", "summary_en", "summary_ru", "summary_kk", "location_en", "location_ru", "location_kk") VALUES ('delete', old.id, old."title_en", old."title_ru", old."title_kk", old."summary_en", old."summary_ru", old."summary_kk", old."location_en", old."location_ru", old."location_kk"); INSERT INTO "meetings_meeting_fts" (rowid, "title_en", "title_ru", "title_kk", "summary_en", "summary_ru", "summary_kk", "location_en", "location_ru", "location_kk") VALUES (new.id, new."title_en", new."title_ru", new."title_kk", new."summary_en", new."summary_ru", new."summary_kk", new."location_en", new."location_ru", new."location_kk"); END""",
        """CREATE VIRTUAL TABLE "meetings_agendaitem_fts" USING fts5("title_en", "title_ru", "title_kk", "description_en", "description_ru", "description_kk", "outcome_en", "outcome_ru", "outcome_kk", content="meetings_agendaitem", content_rowid="id", tokenize='unicode61 remove_diacritics 2')""",
        'CREATE TRIGGER "meetings_agendaitem_fts_insert" AFTER INSERT ON "meetings_agendaitem" BEGIN INSERT INTO "meetings_agendaitem_fts" (rowid, "title_en", "title_ru", "title_kk", "description_en", "description_ru", "description_kk", "outcome_en", "outcome_ru", "outcome_kk") VALUES (new.id, new."title_en", new."title_ru", new."title_kk", new."description_en", new."description_ru", new."description_kk", new."outcome_en", new."outcome_ru", new."outcome_kk"); END',
        """CREATE TRIGGER "meetings_agendaitem_fts_delete" AFTER DELETE ON "meetings_agendaitem" BEGIN INSERT INTO "meetings_agendaitem_fts" ("meetings_agendaitem_fts", rowid, "title_en", "title_ru", "title_kk", "description_en", "description_ru", "description_kk", "outcome_en", "outcome_ru", "outcome_kk") VALUES ('delete', old.id, old."title_en", old."title_ru", old."title_kk", old."description_en", old."description_ru", old."description_kk", old."outcome_en", old."outcome_ru", old."outcome_kk"); END""",
        """CREATE TRIGGER "meetings_agendaitem_fts_update" AFTER UPDATE ON "meetings_agendaitem" BEGIN INSERT INTO "meetings_agendaitem_fts" ("meetings_agendaitem_fts", rowid, "title_en", "title_ru", "title_kk", "description_en", "description_ru", "description_kk", "outcome_en", "outcome_ru", "outcome_kk") VALUES ('delete', old.id, old."title_en", old."title_ru", old."title_kk", old."description_en", old."description_ru", old."description_kk", old."outcome_en", old."outcome_ru", old."outcome_kk"); INSERT INTO "meetings_agendaitem_fts" (rowid, "title_en", "title_ru", "title_kk", "description_en", "description_ru", "description_kk", "outcome_en", "outcome_ru", "outcome_kk") VALUES (new.id, new."title_en", new."title_ru", new."title_kk", new."description_en", new."description_ru", new."description_kk", new."outcome_en", new."outcome_ru", new."outcome_kk"); END""",
        """CREATE VIRTUAL TABLE "meetings_document_fts" USING fts5("title_en", "title_ru", "title_kk", "description_en", "description_ru", "description_kk", content="meetings_document", content_rowid="id", tokenize='unicode61 remove_diacritics 2')""",
        'CREATE TRIGGER "meetings_document_fts_insert" AFTER INSERT ON "meetings_document" BEGIN INSERT INTO "meetings_document_fts" (rowid, "title_en", "title_ru", "title_kk", "description_en", "description_ru", "description_kk") VALUES (new.id, new."title_en", new."title_ru", new."title_kk", new."description_en", new."description_ru", new."description_kk"); END',
        """CREATE TRIGGER "meetings_document_fts_delete" AFTER DELETE ON "meetings_document" BEGIN INSERT INTO "meetings_document_fts" ("meetings_document_fts", rowid, "title_en", "title_ru", "title_kk", "description_en", "description_ru", "description_kk") VALUES ('delete', old.id, old."title_en", old."title_ru", old."title_kk", old."description_en", old."description_ru", old."description_kk"); END""",
        """CREATE TRIGGER "meetings_document_fts_update" AFTER UPDATE ON "meetings_document" BEGIN INSERT INTO "meetings_document_fts" ("meetings_document_fts", rowid, "title_en", "title_ru", "title_kk", "description_en", "description_ru", "description_kk") VALUES ('delete', old.id, old."title_en", old."title_ru", old."title_kk", old."description_en", old."description_ru", old."description_kk"); INSERT INTO "meetings_document_fts" (rowid, "title_en", "title_ru", "title_kk", "description_en", "description_ru", "description_kk") VALUES (new.id, new."title_en", new."title_ru", new."title_kk", new."description_en", new."description_ru", new."description_kk"); END""",
    ],
}
DROP_FULL_TEXT_SEARCH = {
    "postgresql": [
        "DROP INDEX meeting_search_idx",
        'ALTER TABLE "meetings_meeting" DROP COLUMN search_document',
        "DROP INDEX agendaitem_search_idx",
        'ALTER TABLE "meetings_agendaitem" DROP COLUMN search_document',
        "DROP INDEX document_search_idx",
        'ALTER TABLE "meetings_document" DROP COLUMN search_document',
    ],
    "sqlite": [
        'DROP TRIGGER "meetings_meeting_fts_insert"',
        'DROP TRIGGER "meetings_meeting_fts_delete"',
        'DROP TRIGGER "meetings_meeting_fts_update"',
        'DROP TABLE "meetings_meeting_fts"',
        'DROP TRIGGER "meetings_agendaitem_fts_insert"',
        'DROP TRIGGER "meetings_agendaitem_fts_delete"',
        'DROP TRIGGER "meetings_agendaitem_fts_update"',
        'DROP TABLE "meetings_agendaitem_fts"',
        'DROP TRIGGER "meetings_document_fts_insert"',
        'DROP TRIGGER "meetings_document_fts_delete"',
        'DROP TRIGGER "meetings_document_fts_update"',
        'DROP TABLE "meetings_document_fts"',
    ],
}


def run(statements: dict[str, list[str]]):
    """A RunPython function executing the statements written for the database's vendor."""

    def operation(apps, schema_editor) -> None:
        for statement in statements[schema_editor.connection.vendor]:
            schema_editor.execute(statement, params=None)

    return operation


class Migration(migrations.Migration):
    dependencies = [("dialogue_platform", "0001_initial"), ("meetings", "0001_initial")]

    operations = [
        migrations.RunPython(run(DATA_VERSION_TRIGGERS), run(DROP_DATA_VERSION_TRIGGERS)),
        migrations.RunPython(run(FULL_TEXT_SEARCH), run(DROP_FULL_TEXT_SEARCH)),
    ]
