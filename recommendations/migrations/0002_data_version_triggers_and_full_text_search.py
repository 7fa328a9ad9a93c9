"""The SQL the models cannot express, for the recommendations tables, written out as it runs: a change
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
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recommendations_affectedgroup" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recommendations_assessment" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recommendations_recommendation" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recommendations_recommendation_affected_groups" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recommendations_recommendation_proposed_by" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recommendations_recommendation_responsible_bodies" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recommendations_recommendation_topics" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
    ],
    "sqlite": [
        'CREATE TRIGGER "bump_data_version_recommendations_affectedgroup_insert" AFTER INSERT ON "recommendations_affectedgroup" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_affectedgroup_update" AFTER UPDATE ON "recommendations_affectedgroup" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_affectedgroup_delete" AFTER DELETE ON "recommendations_affectedgroup" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_assessment_insert" AFTER INSERT ON "recommendations_assessment" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_assessment_update" AFTER UPDATE ON "recommendations_assessment" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_assessment_delete" AFTER DELETE ON "recommendations_assessment" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_recommendation_insert" AFTER INSERT ON "recommendations_recommendation" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_recommendation_update" AFTER UPDATE ON "recommendations_recommendation" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_recommendation_delete" AFTER DELETE ON "recommendations_recommendation" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_recommendation_affected_groups_insert" AFTER INSERT ON "recommendations_recommendation_affected_groups" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_recommendation_affected_groups_update" AFTER UPDATE ON "recommendations_recommendation_affected_groups" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_recommendation_affected_groups_delete" AFTER DELETE ON "recommendations_recommendation_affected_groups" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_recommendation_proposed_by_insert" AFTER INSERT ON "recommendations_recommendation_proposed_by" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_recommendation_proposed_by_update" AFTER UPDATE ON "recommendations_recommendation_proposed_by" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_recommendation_proposed_by_delete" AFTER DELETE ON "recommendations_recommendation_proposed_by" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_recommendation_responsible_bodies_insert" AFTER INSERT ON "recommendations_recommendation_responsible_bodies" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_recommendation_responsible_bodies_update" AFTER UPDATE ON "recommendations_recommendation_responsible_bodies" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_recommendation_responsible_bodies_delete" AFTER DELETE ON "recommendations_recommendation_responsible_bodies" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_recommendation_topics_insert" AFTER INSERT ON "recommendations_recommendation_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_recommendation_topics_update" AFTER UPDATE ON "recommendations_recommendation_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_recommendations_recommendation_topics_delete" AFTER DELETE ON "recommendations_recommendation_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    ],
}
DROP_DATA_VERSION_TRIGGERS = {
    "postgresql": [
        'DROP TRIGGER bump_data_version ON "recommendations_affectedgroup"',
        'DROP TRIGGER bump_data_version ON "recommendations_assessment"',
        'DROP TRIGGER bump_data_version ON "recommendations_recommendation"',
        'DROP TRIGGER bump_data_version ON "recommendations_recommendation_affected_groups"',
        'DROP TRIGGER bump_data_version ON "recommendations_recommendation_proposed_by"',
        'DROP TRIGGER bump_data_version ON "recommendations_recommendation_responsible_bodies"',
        'DROP TRIGGER bump_data_version ON "recommendations_recommendation_topics"',
    ],
    "sqlite": [
        'DROP TRIGGER "bump_data_version_recommendations_affectedgroup_insert"',
        'DROP TRIGGER "bump_data_version_recommendations_affectedgroup_update"',
        'DROP TRIGGER "bump_data_version_recommendations_affectedgroup_delete"',
        'DROP TRIGGER "bump_data_version_recommendations_assessment_insert"',
        'DROP TRIGGER "bump_data_version_recommendations_assessment_update"',
        'DROP TRIGGER "bump_data_version_recommendations_assessment_delete"',
        'DROP TRIGGER "bump_data_version_recommendations_recommendation_insert"',
        'DROP TRIGGER "bump_data_version_recommendations_recommendation_update"',
        'DROP TRIGGER "bump_data_version_recommendations_recommendation_delete"',
        'DROP TRIGGER "bump_data_version_recommendations_recommendation_affected_groups_insert"',
        'DROP TRIGGER "bump_data_version_recommendations_recommendation_affected_groups_update"',
        'DROP TRIGGER "bump_data_version_recommendations_recommendation_affected_groups_delete"',
        'DROP TRIGGER "bump_data_version_recommendations_recommendation_proposed_by_insert"',
        'DROP TRIGGER "bump_data_version_recommendations_recommendation_proposed_by_update"',
        'DROP TRIGGER "bump_data_version_recommendations_recommendation_proposed_by_delete"',
        'DROP TRIGGER "bump_data_version_recommendations_recommendation_responsible_bodies_insert"',
        'DROP TRIGGER "bump_data_version_recommendations_recommendation_responsible_bodies_update"',
        'DROP TRIGGER "bump_data_version_recommendations_recommendation_responsible_bodies_delete"',
        'DROP TRIGGER "bump_data_version_recommendations_recommendation_topics_insert"',
        'DROP TRIGGER "bump_data_version_recommendations_recommendation_topics_update"',
        'DROP TRIGGER "bump_data_version_recommendations_recommendation_topics_delete"',
    ],
}

FULL_TEXT_SEARCH = {
    "postgresql": [
        """ALTER TABLE "recommendations_recommendation" ADD COLUMN search_document tsvector GENERATED ALWAYS AS ((((setweight(to_tsvector('simple'::regconfig, COALESCE("reference", '')), 'A') || setweight(to_tsvector('english'::regconfig, COALESCE("text_en", '')), 'B')) || setweight(to_tsvector('russian'::regconfig, COALESCE("text_ru", '')), 'B')) || setweight(to_tsvector('simple'::regconfig, COALESCE("text_kk", '')), 'B'))) STORED""",
        'CREATE INDEX recommendation_search_idx ON "recommendations_recommendation" USING gin (search_document)',
    ],
    "sqlite": [
        """CREATE VIRTUAL TABLE "recommendations_recommendation_fts" USING fts5("reference", "text_en", "text_ru", "text_kk", content="recommendations_recommendation", content_rowid="id", tokenize='unicode61 remove_diacritics 2')""",
        'CREATE TRIGGER "recommendations_recommendation_fts_insert" AFTER INSERT ON "recommendations_recommendation" BEGIN INSERT INTO "recommendations_recommendation_fts" (rowid, "reference", "text_en", "text_ru", "text_kk") VALUES (new.id, new."reference", new."text_en", new."text_ru", new."text_kk"); END',
        """CREATE TRIGGER "recommendations_recommendation_fts_delete" AFTER DELETE ON "recommendations_recommendation" BEGIN INSERT INTO "recommendations_recommendation_fts" ("recommendations_recommendation_fts", rowid, "reference", "text_en", "text_ru", "text_kk") VALUES ('delete', old.id, old."reference", old."text_en", old."text_ru", old."text_kk"); END""",
        """CREATE TRIGGER "recommendations_recommendation_fts_update" AFTER UPDATE ON "recommendations_recommendation" BEGIN INSERT INTO "recommendations_recommendation_fts" ("recommendations_recommendation_fts", rowid, "reference", "text_en", "text_ru", "text_kk") VALUES ('delete', old.id, old."reference", old."text_en", old."text_ru", old."text_kk"); INSERT INTO "recommendations_recommendation_fts" (rowid, "reference", "text_en", "text_ru", "text_kk") VALUES (new.id, new."reference", new."text_en", new."text_ru", new."text_kk"); END""",
    ],
}
DROP_FULL_TEXT_SEARCH = {
    "postgresql": [
        "DROP INDEX recommendation_search_idx",
        'ALTER TABLE "recommendations_recommendation" DROP COLUMN search_document',
    ],
    "sqlite": [
        'DROP TRIGGER "recommendations_recommendation_fts_insert"',
        'DROP TRIGGER "recommendations_recommendation_fts_delete"',
        'DROP TRIGGER "recommendations_recommendation_fts_update"',
        'DROP TABLE "recommendations_recommendation_fts"',
    ],
}


def run(statements: dict[str, list[str]]):
    """A RunPython function executing the statements written for the database's vendor."""

    def operation(apps, schema_editor) -> None:
        for statement in statements[schema_editor.connection.vendor]:
            schema_editor.execute(statement, params=None)

    return operation


class Migration(migrations.Migration):
    dependencies = [("dialogue_platform", "0001_initial"), ("recommendations", "0001_initial")]

    operations = [
        migrations.RunPython(run(DATA_VERSION_TRIGGERS), run(DROP_DATA_VERSION_TRIGGERS)),
        migrations.RunPython(run(FULL_TEXT_SEARCH), run(DROP_FULL_TEXT_SEARCH)),
    ]
