"""The API's documentation page: Swagger UI from drf-spectacular-sidecar's files, served
by the site itself (no CDN), under the site's Content-Security-Policy: its start-up script
is a file of its own (SpectacularSwaggerSplitView), its styles a stylesheet."""

from csp.decorators import csp_update
from drf_spectacular.views import SpectacularSwaggerSplitView

from core.http_caching import public_response

# Swagger UI's stylesheet draws its icons as data: URIs.
docs_view = csp_update({"img-src": ["data:"]})(
    public_response(
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema",
            template_name="api/docs.html",
            title="Dialogue Platform Records API",
        )
    )
)
