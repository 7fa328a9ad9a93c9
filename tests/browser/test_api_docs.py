"""A researcher reads the API docs: Swagger UI, served from the site's own files, renders
every endpoint of the schema under the site's Content-Security-Policy, without a single
violation or request to another origin."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_api_docs_render_under_the_sites_policy(page: Page, live_server, record):
    page.add_init_script(
        "window.violations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    elsewhere: list[str] = []
    page.on(
        "request",
        lambda request: (
            elsewhere.append(request.url)
            if not request.url.startswith((live_server.url, "data:"))
            else None
        ),
    )

    response = page.goto("/api/v1/docs/")
    assert response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    for endpoint in ("/api/v1/recommendations/", "/api/v1/meetings/{slug}/", "/api/v1/topics/"):
        expect(page.get_by_text(endpoint, exact=True).first).to_be_visible()

    assert page.evaluate("window.violations") == []
    assert errors == []
    assert elsewhere == []
