"""Root URLs; the public URL map is part of the specification (DESIGN.md)."""

from django.contrib import admin
from django.urls import path

urlpatterns = [
    path("admin/", admin.site.urls),
]
