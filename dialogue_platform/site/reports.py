"""What the public sees of the reporting app beyond the history entries publishing writes:
a published report's document, where its body made it public. Everything else of a report
(drafts, returned and withdrawn reports, the reviewer's note, a document kept internal)
is the workspace's and the admin's, never a public page's."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from django.db.models import Q
from django.urls import reverse

from recommendations.models import Assessment, AssessmentBase
from reporting.models import Report, ReportQuerySet


def with_public_document() -> ReportQuerySet:
    """Published reports on published items whose document is public and uploaded."""
    return (
        Report.objects.published()
        .filter(document_is_public=True)
        .filter(Q(recommendation__is_published=True) | Q(activity__plan__is_published=True))
        .exclude(document="")
    )


def download_name(report: Report) -> str:
    """A file name for the download: the report's number and the stored file's extension
    (not the name it was uploaded under, which is the body's own)."""
    return f"report-{report.pk}{Path(report.document.name).suffix.lower()}"


def with_report_documents(history: Sequence[AssessmentBase]) -> None:
    """Set `public_document_url` on each entry of `history` that a report with a public
    document was published as (None on the others), for the history block to link; one
    query, none for an empty history."""
    for entry in history:
        entry.public_document_url = None
    if not history:
        return
    field = (
        "recommendation_assessment" if isinstance(history[0], Assessment) else "activity_assessment"
    )
    entries = {entry.pk: entry for entry in history}
    found = with_public_document().filter(**{f"{field}__in": list(entries)})
    for entry_pk, pk in found.values_list(f"{field}_id", "pk"):
        entries[entry_pk].public_document_url = reverse("reports:document", args=[pk])
