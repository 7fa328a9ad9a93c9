"""What drf-spectacular cannot see in the views: the error answers every operation may
give (SPECTACULAR_SETTINGS' POSTPROCESSING_HOOKS), so clients and schemathesis know them,
and the longest value a text filter takes. Loaded when the app is (api/apps.py), so that
the filter extension is registered before any schema is generated."""

from __future__ import annotations

from typing import Any

from drf_spectacular.contrib.django_filters import DjangoFilterExtension

DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
PROBLEMS = {
    "type": "object",
    "description": "Each problem of the query, by parameter: its messages. (A NUL byte in the "
    "address: `detail`.)",
    "additionalProperties": {
        "oneOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string"}]
    },
}
ERRORS = {
    "400": ("A bad query parameter, or one the endpoint does not take.", PROBLEMS),
    "404": ("No such published record, or a page past the last.", DETAIL),
    "429": ("Too many requests from this address: see Retry-After.", DETAIL),
}


def error_responses(result: dict, generator: Any, request: Any, public: bool) -> dict:
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for status, (description, schema) in ERRORS.items():
                operation["responses"].setdefault(
                    status,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": schema}},
                    },
                )
    return result


class FilterExtension(DjangoFilterExtension):
    """django-filter's parameters as drf-spectacular gives them, with a text filter's
    `max_length` (`q`'s words) as maxLength, which it leaves out: a longer value is a 400."""

    priority = 1  # chosen over drf-spectacular's own

    def resolve_filter_field(
        self, auto_schema, model, filterset_class, field_name, filter_field
    ) -> list[dict]:
        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        if max_length := filter_field.extra.get("max_length"):
            for parameter in parameters:
                parameter["schema"]["maxLength"] = max_length
        return parameters
