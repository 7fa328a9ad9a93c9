"""The data-version trigger on every table of the plans app (see
dialogue_platform/core/data_version.py): any write to a plan, an activity, an outside
recommendation, a link or the SDG vocabulary changes the version, so no cached page or
count that shows them is ever stale.

The statements are written out, as install_triggers() would issue them for these tables,
so that this migration does not change when that function does."""

from django.db import migrations

TABLES = [
    "plans_actionplan",
    "plans_activity",
    "plans_activity_affected_groups",
    "plans_activity_topics",
    "plans_activityassessment",
    "plans_activitybody",
    "plans_link",
    "plans_outsiderecommendation",
    "plans_outsiderecommendation_affected_groups",
    "plans_outsiderecommendation_sdg_targets",
    "plans_outsiderecommendation_topics",
    "plans_sdggoal",
    "plans_sdgtarget",
    "plans_section",
    "plans_uprcycle",
]

POSTGRESQL = [
    "CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger AS $$ BEGIN INSERT INTO dialogue_platform_dataversion (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING; UPDATE dialogue_platform_dataversion SET version = floor(random() * 9e18)::bigint WHERE id = 1; RETURN NULL; END; $$ LANGUAGE plpgsql",
    'DROP TRIGGER IF EXISTS bump_data_version ON "plans_actionplan"',
    'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_actionplan" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
    'DROP TRIGGER IF EXISTS bump_data_version ON "plans_activity"',
    'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_activity" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
    'DROP TRIGGER IF EXISTS bump_data_version ON "plans_activity_affected_groups"',
    'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_activity_affected_groups" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
    'DROP TRIGGER IF EXISTS bump_data_version ON "plans_activity_topics"',
    'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_activity_topics" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
    'DROP TRIGGER IF EXISTS bump_data_version ON "plans_activityassessment"',
    'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_activityassessment" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
    'DROP TRIGGER IF EXISTS bump_data_version ON "plans_activitybody"',
    'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_activitybody" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
    'DROP TRIGGER IF EXISTS bump_data_version ON "plans_link"',
    'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_link" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
    'DROP TRIGGER IF EXISTS bump_data_version ON "plans_outsiderecommendation"',
    'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_outsiderecommendation" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
    'DROP TRIGGER IF EXISTS bump_data_version ON "plans_outsiderecommendation_affected_groups"',
    'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_outsiderecommendation_affected_groups" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
    'DROP TRIGGER IF EXISTS bump_data_version ON "plans_outsiderecommendation_sdg_targets"',
    'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_outsiderecommendation_sdg_targets" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
    'DROP TRIGGER IF EXISTS bump_data_version ON "plans_outsiderecommendation_topics"',
    'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_outsiderecommendation_topics" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
    'DROP TRIGGER IF EXISTS bump_data_version ON "plans_sdggoal"',
    'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_sdggoal" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
    'DROP TRIGGER IF EXISTS bump_data_version ON "plans_sdgtarget"',
    'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_sdgtarget" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
    'DROP TRIGGER IF EXISTS bump_data_version ON "plans_section"',
    'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_section" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
    'DROP TRIGGER IF EXISTS bump_data_version ON "plans_uprcycle"',
    'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_uprcycle" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
]

# SQLite has row triggers only: one per table and event.
SQLITE = [
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_actionplan_insert"',
    'CREATE TRIGGER "bump_data_version_plans_actionplan_insert" AFTER INSERT ON "plans_actionplan" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_actionplan_update"',
    'CREATE TRIGGER "bump_data_version_plans_actionplan_update" AFTER UPDATE ON "plans_actionplan" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_actionplan_delete"',
    'CREATE TRIGGER "bump_data_version_plans_actionplan_delete" AFTER DELETE ON "plans_actionplan" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_activity_insert"',
    'CREATE TRIGGER "bump_data_version_plans_activity_insert" AFTER INSERT ON "plans_activity" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_activity_update"',
    'CREATE TRIGGER "bump_data_version_plans_activity_update" AFTER UPDATE ON "plans_activity" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_activity_delete"',
    'CREATE TRIGGER "bump_data_version_plans_activity_delete" AFTER DELETE ON "plans_activity" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_activity_affected_groups_insert"',
    'CREATE TRIGGER "bump_data_version_plans_activity_affected_groups_insert" AFTER INSERT ON "plans_activity_affected_groups" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_activity_affected_groups_update"',
    'CREATE TRIGGER "bump_data_version_plans_activity_affected_groups_update" AFTER UPDATE ON "plans_activity_affected_groups" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_activity_affected_groups_delete"',
    'CREATE TRIGGER "bump_data_version_plans_activity_affected_groups_delete" AFTER DELETE ON "plans_activity_affected_groups" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_activity_topics_insert"',
    'CREATE TRIGGER "bump_data_version_plans_activity_topics_insert" AFTER INSERT ON "plans_activity_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_activity_topics_update"',
    'CREATE TRIGGER "bump_data_version_plans_activity_topics_update" AFTER UPDATE ON "plans_activity_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_activity_topics_delete"',
    'CREATE TRIGGER "bump_data_version_plans_activity_topics_delete" AFTER DELETE ON "plans_activity_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_activityassessment_insert"',
    'CREATE TRIGGER "bump_data_version_plans_activityassessment_insert" AFTER INSERT ON "plans_activityassessment" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_activityassessment_update"',
    'CREATE TRIGGER "bump_data_version_plans_activityassessment_update" AFTER UPDATE ON "plans_activityassessment" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_activityassessment_delete"',
    'CREATE TRIGGER "bump_data_version_plans_activityassessment_delete" AFTER DELETE ON "plans_activityassessment" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_activitybody_insert"',
    'CREATE TRIGGER "bump_data_version_plans_activitybody_insert" AFTER INSERT ON "plans_activitybody" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_activitybody_update"',
    'CREATE TRIGGER "bump_data_version_plans_activitybody_update" AFTER UPDATE ON "plans_activitybody" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_activitybody_delete"',
    'CREATE TRIGGER "bump_data_version_plans_activitybody_delete" AFTER DELETE ON "plans_activitybody" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_link_insert"',
    'CREATE TRIGGER "bump_data_version_plans_link_insert" AFTER INSERT ON "plans_link" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_link_update"',
    'CREATE TRIGGER "bump_data_version_plans_link_update" AFTER UPDATE ON "plans_link" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_link_delete"',
    'CREATE TRIGGER "bump_data_version_plans_link_delete" AFTER DELETE ON "plans_link" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_outsiderecommendation_insert"',
    'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_insert" AFTER INSERT ON "plans_outsiderecommendation" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_outsiderecommendation_update"',
    'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_update" AFTER UPDATE ON "plans_outsiderecommendation" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_outsiderecommendation_delete"',
    'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_delete" AFTER DELETE ON "plans_outsiderecommendation" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_outsiderecommendation_affected_groups_insert"',
    'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_affected_groups_insert" AFTER INSERT ON "plans_outsiderecommendation_affected_groups" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_outsiderecommendation_affected_groups_update"',
    'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_affected_groups_update" AFTER UPDATE ON "plans_outsiderecommendation_affected_groups" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_outsiderecommendation_affected_groups_delete"',
    'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_affected_groups_delete" AFTER DELETE ON "plans_outsiderecommendation_affected_groups" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_outsiderecommendation_sdg_targets_insert"',
    'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_sdg_targets_insert" AFTER INSERT ON "plans_outsiderecommendation_sdg_targets" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_outsiderecommendation_sdg_targets_update"',
    'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_sdg_targets_update" AFTER UPDATE ON "plans_outsiderecommendation_sdg_targets" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_outsiderecommendation_sdg_targets_delete"',
    'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_sdg_targets_delete" AFTER DELETE ON "plans_outsiderecommendation_sdg_targets" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_outsiderecommendation_topics_insert"',
    'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_topics_insert" AFTER INSERT ON "plans_outsiderecommendation_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_outsiderecommendation_topics_update"',
    'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_topics_update" AFTER UPDATE ON "plans_outsiderecommendation_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_outsiderecommendation_topics_delete"',
    'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_topics_delete" AFTER DELETE ON "plans_outsiderecommendation_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_sdggoal_insert"',
    'CREATE TRIGGER "bump_data_version_plans_sdggoal_insert" AFTER INSERT ON "plans_sdggoal" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_sdggoal_update"',
    'CREATE TRIGGER "bump_data_version_plans_sdggoal_update" AFTER UPDATE ON "plans_sdggoal" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_sdggoal_delete"',
    'CREATE TRIGGER "bump_data_version_plans_sdggoal_delete" AFTER DELETE ON "plans_sdggoal" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_sdgtarget_insert"',
    'CREATE TRIGGER "bump_data_version_plans_sdgtarget_insert" AFTER INSERT ON "plans_sdgtarget" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_sdgtarget_update"',
    'CREATE TRIGGER "bump_data_version_plans_sdgtarget_update" AFTER UPDATE ON "plans_sdgtarget" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_sdgtarget_delete"',
    'CREATE TRIGGER "bump_data_version_plans_sdgtarget_delete" AFTER DELETE ON "plans_sdgtarget" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_section_insert"',
    'CREATE TRIGGER "bump_data_version_plans_section_insert" AFTER INSERT ON "plans_section" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_section_update"',
    'CREATE TRIGGER "bump_data_version_plans_section_update" AFTER UPDATE ON "plans_section" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_section_delete"',
    'CREATE TRIGGER "bump_data_version_plans_section_delete" AFTER DELETE ON "plans_section" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_uprcycle_insert"',
    'CREATE TRIGGER "bump_data_version_plans_uprcycle_insert" AFTER INSERT ON "plans_uprcycle" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_uprcycle_update"',
    'CREATE TRIGGER "bump_data_version_plans_uprcycle_update" AFTER UPDATE ON "plans_uprcycle" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    'DROP TRIGGER IF EXISTS "bump_data_version_plans_uprcycle_delete"',
    'CREATE TRIGGER "bump_data_version_plans_uprcycle_delete" AFTER DELETE ON "plans_uprcycle" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
]

def install_triggers(apps, schema_editor):
    statements = {"postgresql": POSTGRESQL, "sqlite": SQLITE}[schema_editor.connection.vendor]
    for statement in statements:
        schema_editor.execute(statement)


def remove_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(f'DROP TRIGGER IF EXISTS bump_data_version ON "{table}"')
    else:
        for table in TABLES:
            for event in ("insert", "update", "delete"):
                schema_editor.execute(f'DROP TRIGGER IF EXISTS "bump_data_version_{table}_{event}"')


class Migration(migrations.Migration):
    dependencies = [
        ("dialogue_platform", "0003_data_version"),
        ("plans", "0001_initial"),
    ]

    operations = [migrations.RunPython(install_triggers, remove_triggers)]
