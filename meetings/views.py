"""Public pages of meetings and documents."""

from django.db.models import Prefetch
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from core.caching import cached_page
from core.pagination import paginate, valid_query

from .filters import DocumentFilter, MeetingFilter
from .models import PARTICIPANT_GROUPS, Document, Meeting, Participant, Topic
from .uploads import content_type

MEETINGS_PER_PAGE = 20
DOCUMENTS_PER_PAGE = 25


@cached_page(query=(MeetingFilter, "page"))
def meeting_list(request: HttpRequest) -> HttpResponse:
    meetings = Meeting.objects.published()
    years = [d.year for d in meetings.dates("date", "year", order="DESC")]
    filterset = MeetingFilter(request.GET or None, queryset=meetings, years=years)
    page = paginate(
        request,
        filterset.qs.prefetch_related(
            Prefetch("agenda_items__topics", queryset=Topic.objects.only("name", "slug"))
        ),
        MEETINGS_PER_PAGE,
    )
    for meeting in page.object_list:
        # Each topic once, however many agenda items share it.
        meeting.topic_list = list(
            {t.pk: t for item in meeting.agenda_items.all() for t in item.topics.all()}.values()
        )
    context = {
        "filter": filterset,
        "page": page,
        "query": valid_query(request, filterset.form, page),
    }
    return render(request, "meetings/meeting_list.html", context)


def group_participants(participants: list[Participant]) -> list[tuple[str, list[Participant]]]:
    """Participants other than the chair, in labelled groups by kind of organisation."""
    groups = []
    for label, kinds in PARTICIPANT_GROUPS:
        members = [
            p for p in participants if (p.organisation.kind if p.organisation else "other") in kinds
        ]
        if members:
            groups.append((label, members))
    return groups


def meeting_context(slug: str) -> dict:
    """One published meeting and what its page shows of this app's records. The page itself
    is served by the site layer (dialogue_platform/site/views.py), which adds the
    recommendations adopted at it: the apps above this one are not this app's to read."""
    meeting = get_object_or_404(Meeting.objects.published(), slug=slug)
    participants = list(meeting.participants.select_related("organisation", "person"))
    chairs = [
        p for p in participants if p.role in (Participant.Role.CHAIR, Participant.Role.CO_CHAIR)
    ]
    others = [p for p in participants if p not in chairs]
    return {
        "meeting": meeting,
        "agenda": meeting.agenda_items.prefetch_related("topics"),
        "chairs": chairs,
        "participant_groups": group_participants(others),
        "documents": meeting.documents.published()
        .select_related("agenda_item")
        .prefetch_related("authors"),
    }


@cached_page(query=(DocumentFilter, "page"))
def document_list(request: HttpRequest) -> HttpResponse:
    filterset = DocumentFilter(request.GET or None, queryset=Document.objects.published())
    documents = filterset.qs.select_related("meeting").prefetch_related("authors")
    page = paginate(request, documents, DOCUMENTS_PER_PAGE)
    context = {
        "filter": filterset,
        "page": page,
        "query": valid_query(request, filterset.form, page),
    }
    return render(request, "meetings/document_list.html", context)


@cached_page
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(
        Document.objects.published().select_related("meeting", "agenda_item"), pk=pk
    )
    context = {
        "document": document,
        "authors": document.authors.all(),
        "topics": document.topics.all(),
    }
    return render(request, "meetings/document_detail.html", context)


def document_download(request: HttpRequest, pk: int) -> FileResponse:
    """The uploaded file of a published document, always as a download.

    The file comes from the configured storage, the local disk or a private bucket, through
    this view alone, which is what refuses unpublished documents."""
    document = get_object_or_404(Document.objects.published().exclude(file=""), pk=pk)
    return stored_file_download(document.file, document.download_name)


def stored_file_download(file: FieldFile, filename: str) -> FileResponse:
    """An uploaded file from the configured storage, as a download named `filename`; a
    file missing from the storage is a 404. The caller decides who may have it."""
    try:
        handle = file.open("rb")
    except FileNotFoundError as missing:
        raise Http404("The file is missing.") from missing
    # Opening it again reads an object from the bucket now (django-storages fetches it on
    # first use; a local file is merely rewound), before the headers go: a bucket or server
    # failing meanwhile gives an error the proxy can retry, never a download cut short.
    handle.open("rb")
    return FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type(file.name)
    )
