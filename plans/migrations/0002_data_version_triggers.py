"""The data-version triggers on every table of the plans app, written out as they run
(core/data_version.py): every write to a plan, an activity, an outside
recommendation, a link or the SDG vocabulary draws a new data version, so nothing cached
that shows them is ever stale. PostgreSQL runs them once per statement (its function comes
with the version table); SQLite has row triggers only.

A table added to this app later needs its own trigger in its own migration."""

from django.db import migrations

DATA_VERSION_TRIGGERS = {
    "postgresql": [
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_actionplan" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_activity" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_activity_affected_groups" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_activity_topics" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_activityassessment" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_activitybody" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_link" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_outsiderecommendation" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_outsiderecommendation_affected_groups" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_outsiderecommendation_sdg_targets" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_outsiderecommendation_topics" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_sdggoal" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_sdgtarget" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_section" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans_uprcycle" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
    ],
    "sqlite": [
        'CREATE TRIGGER "bump_data_version_plans_actionplan_insert" AFTER INSERT ON "plans_actionplan" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_actionplan_update" AFTER UPDATE ON "plans_actionplan" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_actionplan_delete" AFTER DELETE ON "plans_actionplan" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_activity_insert" AFTER INSERT ON "plans_activity" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_activity_update" AFTER UPDATE ON "plans_activity" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_activity_delete" AFTER DELETE ON "plans_activity" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_activity_affected_groups_insert" AFTER INSERT ON "plans_activity_affected_groups" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_activity_affected_groups_update" AFTER UPDATE ON "plans_activity_affected_groups" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_activity_affected_groups_delete" AFTER DELETE ON "plans_activity_affected_groups" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_activity_topics_insert" AFTER INSERT ON "plans_activity_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_activity_topics_update" AFTER UPDATE ON "plans_activity_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_activity_topics_delete" AFTER DELETE ON "plans_activity_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_activityassessment_insert" AFTER INSERT ON "plans_activityassessment" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_activityassessment_update" AFTER UPDATE ON "plans_activityassessment" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_activityassessment_delete" AFTER DELETE ON "plans_activityassessment" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_activitybody_insert" AFTER INSERT ON "plans_activitybody" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_activitybody_update" AFTER UPDATE ON "plans_activitybody" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_activitybody_delete" AFTER DELETE ON "plans_activitybody" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_link_insert" AFTER INSERT ON "plans_link" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_link_update" AFTER UPDATE ON "plans_link" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_link_delete" AFTER DELETE ON "plans_link" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_insert" AFTER INSERT ON "plans_outsiderecommendation" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_update" AFTER UPDATE ON "plans_outsiderecommendation" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_delete" AFTER DELETE ON "plans_outsiderecommendation" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_affected_groups_insert" AFTER INSERT ON "plans_outsiderecommendation_affected_groups" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_affected_groups_update" AFTER UPDATE ON "plans_outsiderecommendation_affected_groups" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_affected_groups_delete" AFTER DELETE ON "plans_outsiderecommendation_affected_groups" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_sdg_targets_insert" AFTER INSERT ON "plans_outsiderecommendation_sdg_targets" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_sdg_targets_update" AFTER UPDATE ON "plans_outsiderecommendation_sdg_targets" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_sdg_targets_delete" AFTER DELETE ON "plans_outsiderecommendation_sdg_targets" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_topics_insert" AFTER INSERT ON "plans_outsiderecommendation_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_topics_update" AFTER UPDATE ON "plans_outsiderecommendation_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_outsiderecommendation_topics_delete" AFTER DELETE ON "plans_outsiderecommendation_topics" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_sdggoal_insert" AFTER INSERT ON "plans_sdggoal" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_sdggoal_update" AFTER UPDATE ON "plans_sdggoal" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_sdggoal_delete" AFTER DELETE ON "plans_sdggoal" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_sdgtarget_insert" AFTER INSERT ON "plans_sdgtarget" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_sdgtarget_update" AFTER UPDATE ON "plans_sdgtarget" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_sdgtarget_delete" AFTER DELETE ON "plans_sdgtarget" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_section_insert" AFTER INSERT ON "plans_section" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_section_update" AFTER UPDATE ON "plans_section" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_section_delete" AFTER DELETE ON "plans_section" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_uprcycle_insert" AFTER INSERT ON "plans_uprcycle" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_uprcycle_update" AFTER UPDATE ON "plans_uprcycle" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_plans_uprcycle_delete" AFTER DELETE ON "plans_uprcycle" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    ],
}
DROP_DATA_VERSION_TRIGGERS = {
    "postgresql": [
        'DROP TRIGGER bump_data_version ON "plans_actionplan"',
        'DROP TRIGGER bump_data_version ON "plans_activity"',
        'DROP TRIGGER bump_data_version ON "plans_activity_affected_groups"',
        'DROP TRIGGER bump_data_version ON "plans_activity_topics"',
        'DROP TRIGGER bump_data_version ON "plans_activityassessment"',
        'DROP TRIGGER bump_data_version ON "plans_activitybody"',
        'DROP TRIGGER bump_data_version ON "plans_link"',
        'DROP TRIGGER bump_data_version ON "plans_outsiderecommendation"',
        'DROP TRIGGER bump_data_version ON "plans_outsiderecommendation_affected_groups"',
        'DROP TRIGGER bump_data_version ON "plans_outsiderecommendation_sdg_targets"',
        'DROP TRIGGER bump_data_version ON "plans_outsiderecommendation_topics"',
        'DROP TRIGGER bump_data_version ON "plans_sdggoal"',
        'DROP TRIGGER bump_data_version ON "plans_sdgtarget"',
        'DROP TRIGGER bump_data_version ON "plans_section"',
        'DROP TRIGGER bump_data_version ON "plans_uprcycle"',
    ],
    "sqlite": [
        'DROP TRIGGER "bump_data_version_plans_actionplan_insert"',
        'DROP TRIGGER "bump_data_version_plans_actionplan_update"',
        'DROP TRIGGER "bump_data_version_plans_actionplan_delete"',
        'DROP TRIGGER "bump_data_version_plans_activity_insert"',
        'DROP TRIGGER "bump_data_version_plans_activity_update"',
        'DROP TRIGGER "bump_data_version_plans_activity_delete"',
        'DROP TRIGGER "bump_data_version_plans_activity_affected_groups_insert"',
        'DROP TRIGGER "bump_data_version_plans_activity_affected_groups_update"',
        'DROP TRIGGER "bump_data_version_plans_activity_affected_groups_delete"',
        'DROP TRIGGER "bump_data_version_plans_activity_topics_insert"',
        'DROP TRIGGER "bump_data_version_plans_activity_topics_update"',
        'DROP TRIGGER "bump_data_version_plans_activity_topics_delete"',
        'DROP TRIGGER "bump_data_version_plans_activityassessment_insert"',
        'DROP TRIGGER "bump_data_version_plans_activityassessment_update"',
        'DROP TRIGGER "bump_data_version_plans_activityassessment_delete"',
        'DROP TRIGGER "bump_data_version_plans_activitybody_insert"',
        'DROP TRIGGER "bump_data_version_plans_activitybody_update"',
        'DROP TRIGGER "bump_data_version_plans_activitybody_delete"',
        'DROP TRIGGER "bump_data_version_plans_link_insert"',
        'DROP TRIGGER "bump_data_version_plans_link_update"',
        'DROP TRIGGER "bump_data_version_plans_link_delete"',
        'DROP TRIGGER "bump_data_version_plans_outsiderecommendation_insert"',
        'DROP TRIGGER "bump_data_version_plans_outsiderecommendation_update"',
        'DROP TRIGGER "bump_data_version_plans_outsiderecommendation_delete"',
        'DROP TRIGGER "bump_data_version_plans_outsiderecommendation_affected_groups_insert"',
        'DROP TRIGGER "bump_data_version_plans_outsiderecommendation_affected_groups_update"',
        'DROP TRIGGER "bump_data_version_plans_outsiderecommendation_affected_groups_delete"',
        'DROP TRIGGER "bump_data_version_plans_outsiderecommendation_sdg_targets_insert"',
        'DROP TRIGGER "bump_data_version_plans_outsiderecommendation_sdg_targets_update"',
        'DROP TRIGGER "bump_data_version_plans_outsiderecommendation_sdg_targets_delete"',
        'DROP TRIGGER "bump_data_version_plans_outsiderecommendation_topics_insert"',
        'DROP TRIGGER "bump_data_version_plans_outsiderecommendation_topics_update"',
        'DROP TRIGGER "bump_data_version_plans_outsiderecommendation_topics_delete"',
        'DROP TRIGGER "bump_data_version_plans_sdggoal_insert"',
        'DROP TRIGGER "bump_data_version_plans_sdggoal_update"',
        'DROP TRIGGER "bump_data_version_plans_sdggoal_delete"',
        'DROP TRIGGER "bump_data_version_plans_sdgtarget_insert"',
        'DROP TRIGGER "bump_data_version_plans_sdgtarget_update"',
        'DROP TRIGGER "bump_data_version_plans_sdgtarget_delete"',
        'DROP TRIGGER "bump_data_version_plans_section_insert"',
        'DROP TRIGGER "bump_data_version_plans_section_update"',
        'DROP TRIGGER "bump_data_version_plans_section_delete"',
        'DROP TRIGGER "bump_data_version_plans_uprcycle_insert"',
        'DROP TRIGGER "bump_data_version_plans_uprcycle_update"',
        'DROP TRIGGER "bump_data_version_plans_uprcycle_delete"',
    ],
}


def run(statements: dict[str, list[str]]):
    """A RunPython function executing the statements written for the database's vendor."""

    def operation(apps, schema_editor) -> None:
        for statement in statements[schema_editor.connection.vendor]:
            schema_editor.execute(statement, params=None)

    return operation


class Migration(migrations.Migration):
    dependencies = [("dialogue_platform", "0001_initial"), ("plans", "0001_initial")]

    operations = [
        migrations.RunPython(run(DATA_VERSION_TRIGGERS), run(DROP_DATA_VERSION_TRIGGERS)),
    ]
