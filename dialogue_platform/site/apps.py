from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The site-wide layer: pages that draw on every app, and the commands that span them
    (the demo's load_demo and remove_demo). No models."""

    name = "dialogue_platform.site"
    label = "site"
