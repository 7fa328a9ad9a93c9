"""What drf-spectacular cannot see in the views: the error answers every operation may
give (SPECTACULAR_SETTINGS' POSTPROCESSING_HOOKS), so clients and schemathesis know them."""

from __future__ import annotations

from typing import Any

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
