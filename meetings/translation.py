"""Content fields kept in Kazakh, Russian and English (django-modeltranslation adds
`<field>_en`, `_ru` and `_kk` columns; the plain field reads the active language,
falling back to the others), and the audit history of the records that carry them."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import AgendaItem, Document, Meeting, Organisation, Person, Topic


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "short_name")
    # An acronym belongs to its language (OSCE, ОБСЕ, ЕҚЫҰ): where a language has none
    # established, its empty short name stands, and pages show the full name rather than
    # another language's acronym.
    fallback_undefined = {"short_name": None}


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "position")


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "summary", "location")


@register(AgendaItem)
class AgendaItemTranslation(TranslationOptions):
    fields = ("title", "description", "outcome")


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title", "description")


# Audit history (django-simple-history) is attached here, after the translated fields
# exist, so every language's version is kept in each historical record.
for model in (Meeting, AgendaItem, Document):
    simple_history.register(model)
