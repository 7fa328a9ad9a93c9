"""The workspace's pages: what is addressed to a focal point's organisations, and their
reports."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .account_views import signed_in


@signed_in
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "workspace/home.html")
