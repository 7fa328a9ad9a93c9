"""JSON with the characters HTML gives meaning to written as escapes (as Django's
json_script does): the same JSON to a parser, but a value echoed back (a 400 naming a bad
filter value) can never read as markup to anything that sniffs or embeds it."""

from rest_framework.renderers import JSONRenderer

HTML_ESCAPES = ((b"<", b"\\u003c"), (b">", b"\\u003e"), (b"&", b"\\u0026"))


class EscapedJSONRenderer(JSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        rendered = super().render(data, accepted_media_type, renderer_context)
        for character, escape in HTML_ESCAPES:
            rendered = rendered.replace(character, escape)
        return rendered
