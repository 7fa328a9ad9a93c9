"""Journey 1: the secretariat logs a whole meeting in the back office, publishes it, and the
public sees everything that was logged."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from tests import factories

from .admin import log_in_as_secretariat

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def write_tiny_pdf(path: Path, text: str) -> Path:
    """A one-page PDF that any reader opens: objects, a cross-reference table with the real
    byte offsets, and a trailer."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, content)
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(body)
    return path


def in_english(label: str) -> re.Pattern:
    """A field's label, with or without the [en] marking the English one of a translated field."""
    return re.compile(rf"^{re.escape(label)}( \[en\])?:$")


def choose_in_autocomplete(field: Locator, search: str, option: str) -> None:
    """Pick an option of one of the admin's autocomplete fields, as a user does: open it, type,
    choose among the suggestions."""
    field.click()
    field.page.locator(".select2-container--open .select2-search__field").fill(search)
    field.page.get_by_role("option", name=option).click()


def test_a_secretariat_user_logs_and_publishes_a_meeting_that_the_public_then_sees_in_full(
    page: Page, settings, tmp_path: Path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    factories.organisation(
        name="Kazakhstan International Bureau for Human Rights and Rule of Law",
        short_name="KIBHR",
        slug="kibhr",
        kind="ngo",
    )
    pdf = write_tiny_pdf(tmp_path / "shadow-report.pdf", "Shadow report on detention")

    log_in_as_secretariat(page, next_path="/admin/meetings/meeting/add/")
    # The meeting's own fields (the inline forms' empty templates are hidden, so roles are unique).
    page.get_by_role("textbox", name=in_english("Title")).fill(
        "Regular meeting on the rights of persons in detention"
    )
    page.get_by_role("textbox", name="Slug:").fill("2024-03-01-detention")
    page.get_by_role("textbox", name="Date:").fill("2024-03-01")
    page.get_by_role("combobox", name="Format:").select_option(label="Hybrid")
    page.get_by_role("textbox", name=in_english("Location")).fill("Astana")

    page.get_by_role("button", name="Add another Agenda item").click()
    page.get_by_role("button", name="Add another Agenda item").click()
    for index, title in enumerate(
        ["National preventive mechanism", "Access to a lawyer from detention"]
    ):
        item = page.locator(f"#agenda_items-{index}")
        item.get_by_label("Order:").fill(str(index + 1))
        item.get_by_label(in_english("Title")).fill(title)

    page.get_by_role("button", name="Add another Participant").click()
    participant = page.locator("#participants-0")
    participant.get_by_role("combobox", name="Role").select_option(label="Speaker")
    choose_in_autocomplete(
        participant.get_by_role("combobox", name="Organisation"),
        "KIBHR",
        "Kazakhstan International Bureau for Human Rights and Rule of Law",
    )

    page.get_by_role("button", name="Add another Document").click()
    document = page.locator("#documents-0")
    document.get_by_label(in_english("Title")).fill("Shadow report on places of detention")
    document.get_by_label("Kind:").select_option(label="Analytical report")
    document.get_by_label("Language:").select_option(label="English")
    document.get_by_label("File:").set_input_files(pdf)
    document.get_by_label("Published").check()

    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    # Saved as a draft: not public yet.
    response = page.goto("/meetings/2024-03-01-detention/")
    assert response.status == 404

    page.goto("/admin/meetings/meeting/")
    page.get_by_role("row", name=re.compile("Regular meeting on the rights")).get_by_role(
        "checkbox"
    ).check()
    page.get_by_label("Action:").select_option(label="Publish selected meetings")
    page.get_by_role("button", name="Go").click()
    expect(page.locator(".messagelist")).to_contain_text(re.compile(r"\b1\b.* published"))

    page.goto("/meetings/")
    page.get_by_role("link", name="Regular meeting on the rights of persons in detention").click()
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(
        "Regular meeting on the rights of persons in detention"
    )
    expect(main).to_contain_text("Hybrid")
    expect(main).to_contain_text("Astana")
    agenda = page.locator(".agenda > li")
    expect(agenda).to_have_text(
        [re.compile("National preventive mechanism"), re.compile("Access to a lawyer")]
    )
    participants = page.get_by_role("region", name="Participants")
    expect(
        participants.get_by_role(
            "link", name="Kazakhstan International Bureau for Human Rights and Rule of Law"
        )
    ).to_be_visible()
    expect(participants).to_contain_text("(speaker)")

    documents = page.get_by_role("region", name="Documents")
    expect(documents).to_contain_text("Analytical report")
    documents.get_by_role("link", name="Shadow report on places of detention").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the file").click()
    downloaded = Path(download.value.path()).read_bytes()
    assert downloaded == pdf.read_bytes()
    assert download.value.suggested_filename.endswith(".pdf")
