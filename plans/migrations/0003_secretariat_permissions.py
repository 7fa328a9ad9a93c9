"""The Secretariat group keeps plans, activities, outside recommendations and links: every
permission on the plans app's records except deleting a plan, which is archived instead.
(An activity with a history, and an assessment, stay protected by their foreign keys and
by the admin, which shows past entries read-only.)"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = ["add", "change", "delete", "view"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    app_config = apps.get_app_config("plans")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Secretariat")
    codenames = {
        f"{action}_{model._meta.model_name}"
        for model in app_config.get_models()
        for action in ACTIONS
    } - {"delete_actionplan"}
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="plans", codename__in=codenames)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Secretariat"):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="plans"))


class Migration(migrations.Migration):
    dependencies = [
        ("dialogue_platform", "0002_secretariat_group"),
        ("plans", "0002_data_version_triggers"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
