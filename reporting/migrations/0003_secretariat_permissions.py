"""The Secretariat group reviews reports (view them, publish or return them), opens
rounds and keeps memberships. It adds no reports (bodies write them) and deletes none
(a report is withdrawn, a membership ended); obligations are written by opening a round."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = {
    "view_report",
    "review_report",
    "add_reportinground",
    "change_reportinground",
    "view_reportinground",
    "view_obligation",
    "add_membership",
    "change_membership",
    "view_membership",
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    app_config = apps.get_app_config("reporting")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Secretariat")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="reporting", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Secretariat"):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="reporting"))


class Migration(migrations.Migration):
    dependencies = [
        ("dialogue_platform", "0002_secretariat_group"),
        ("reporting", "0002_data_version_triggers"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
