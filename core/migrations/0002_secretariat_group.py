"""The Secretariat group: add, change and view every content model (not users or groups)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_APPS = ["meetings", "recommendations"]
ACTIONS = ["add", "change", "view"]


def create_secretariat_group(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    for label in CONTENT_APPS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Secretariat")
    codenames = [
        f"{action}_{model._meta.model_name}"
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        for action in ACTIONS
    ]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=CONTENT_APPS, codename__in=codenames)
    )


def remove_secretariat_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Secretariat").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("dialogue_platform", "0001_initial"),
        ("meetings", "0002_data_version_triggers_and_full_text_search"),
        ("recommendations", "0002_data_version_triggers_and_full_text_search"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_secretariat_group, remove_secretariat_group)]
