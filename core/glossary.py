"""The glossary's terms held against the translations (`manage.py check_translations`).

docs/glossary.md is the one glossary of the product; its last table says, line by line, which
English words call for which Russian and Kazakh renderings. A translation passes a line if
it has the beginnings of the words of one rendering, in that order: Russian and Kazakh
inflect, so «заседан» matches «заседании» and «отырыс» matches «отырыстарының».
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import polib
from django.conf import settings

GLOSSARY = "docs/glossary.md"
MATCHING_HEADING = "## What `make messages-check` holds the catalogues to"
LANGUAGES = ("ru", "kk")
# The vocabularies named in three languages (slug, name, name_ru, name_kk), loaded into the
# database by the apps (meetings.seed, recommendations.demo): read here as files, never
# imported, since the foundations import no app.
VOCABULARIES = ("meetings/data/topics.csv", "recommendations/data/affected_groups.csv")

# The entries that rightly do without a term: (language or "*", English msgid or vocabulary
# name, the line's English) -> why.
EXCEPTIONS: dict[tuple[str, str, str], str] = {
    (
        "*",
        "Sign-in from your address is locked for %(minutes)s minutes: too many sign-in "
        "attempts from it have failed, for several accounts.",
        "minutes",
    ): "minutes of time, not the record of a meeting",
    (
        "*",
        "This account is locked for %(minutes)s minutes: it has had %(failure_limit)s failed "
        "sign-in attempts from your address.",
        "minutes",
    ): "minutes of time, not the record of a meeting",
    (
        "*",
        "Wait %(minutes)s minutes, then sign in again with the correct password. Each attempt "
        "made from your address while it is locked starts the %(minutes)s minutes again.",
        "minutes",
    ): "minutes of time, not the record of a meeting",
    (
        "*",
        "Wait %(minutes)s minutes, then sign in again with the correct password. Each attempt "
        "made while the account is locked starts the %(minutes)s minutes again.",
        "minutes",
    ): "minutes of time, not the record of a meeting",
    ("*", "%(num)d minutes", "minutes"): "minutes of time (Django's timesince)",
    (
        "*",
        "No copy of this document has been published online.",
        "online",
    ): "on the internet, not a meeting's format",
    (
        "*",
        "State bodies, members of parliament, the Commissioner for Human Rights, NGOs and "
        "international partners meet here to discuss human rights and adopt recommendations. "
        "This is the record of those meetings and of how each recommendation is being "
        "implemented.",
        "member",
    ): "members of parliament are депутаты / депутаттар, not members of the Platform",
}

# What is not words of the language: placeholders (%(name)s, %s, {name}), markup, paths and
# file names such as /recommendations/export.csv, and identifiers such as
# import_recommendations or last_assessment_date, which stay English in every language.
NOT_WORDS = re.compile(
    r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|%[-#0 +]*\d*(?:\.\d+)?[sdfr]|\{[^{}]*\}"
    r"|<[^>]*>|&\w+;|(?:/[\w.-]+)+/?|\b[\w-]+\.(?:csv|json|ics|xml)\b|\b\w*_\w*\b"
)


def words(text: str) -> list[str]:
    """The words of a text, in lower case, ё written е, hyphenated words apart."""
    text = NOT_WORDS.sub(" ", text).lower().replace("ё", "е")
    return re.findall(r"[^\W_]+", text)


def has_phrase(text_words: list[str], beginnings: list[str]) -> bool:
    """Whether consecutive words of the text begin with `beginnings`, in order."""
    n = len(beginnings)
    return any(
        all(text_words[i + j].startswith(beginnings[j]) for j in range(n))
        for i in range(len(text_words) - n + 1)
    )


@dataclass(frozen=True)
class Term:
    """One line of the glossary's matching table."""

    row: str
    english: tuple[tuple[str, ...], ...]
    renderings: dict[str, tuple[tuple[str, ...], ...]]

    @property
    def name(self) -> str:
        return " / ".join(" ".join(phrase) for phrase in self.english)

    def used_in(self, english_words: list[str]) -> bool:
        return any(has_phrase(english_words, list(phrase)) for phrase in self.english)

    def rendered_in(self, language: str, translation_words: list[str]) -> bool:
        return any(
            has_phrase(translation_words, list(phrase)) for phrase in self.renderings[language]
        )


def phrases(cell: str) -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(words(alternative)) for alternative in cell.split(" / ") if words(alternative)
    )


def parse_terms(markdown: str) -> list[Term]:
    """The lines of the glossary's matching table (the table after MATCHING_HEADING)."""
    _, found, rest = markdown.partition(MATCHING_HEADING)
    if not found:
        raise ValueError(f"The glossary has no section {MATCHING_HEADING!r}.")
    terms = []
    for line in rest.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not cells[0].isdigit():
            continue  # prose, the header row, the separator row
        row, english, russian, kazakh = cells
        terms.append(Term(row, phrases(english), {"ru": phrases(russian), "kk": phrases(kazakh)}))
    if not terms:
        raise ValueError("The glossary's matching table is empty.")
    return terms


def load_terms(path: Path | None = None) -> list[Term]:
    path = path or Path(settings.BASE_DIR) / GLOSSARY
    return parse_terms(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Miss:
    """A translation that lacks a term its English uses."""

    where: str
    language: str
    english: str
    translation: str
    term: Term

    def __str__(self) -> str:
        english = self.english.replace("\n", "\\n")
        return (
            f"{self.where}: «{english}» has “{self.term.name}” (glossary row {self.term.row}), "
            f"but the {self.language} «{self.translation}» has none of "
            f"{' / '.join(' '.join(p) for p in self.term.renderings[self.language])}"
        )


def misses(
    where: str,
    language: str,
    pairs: Iterable[tuple[str, str]],
    terms: list[Term],
    exceptions: dict[tuple[str, str, str], str] = EXCEPTIONS,
) -> Iterator[Miss]:
    """The (English, translation) pairs whose translation lacks a term the English uses."""
    for english, translation in pairs:
        english_words, translation_words = words(english), words(translation)
        for term in terms:
            if not term.used_in(english_words) or term.rendered_in(language, translation_words):
                continue
            if any((who, english, term.name) in exceptions for who in (language, "*")):
                continue
            yield Miss(where, language, english, translation, term)


def catalogue_pairs(catalogue: polib.POFile) -> Iterator[tuple[str, str]]:
    """(English, translation) for every translated form of every entry."""
    for entry in catalogue:
        if entry.obsolete or entry.fuzzy:
            continue
        if entry.msgid_plural:
            for index, text in sorted(entry.msgstr_plural.items()):
                if text:
                    yield (entry.msgid if index == 0 else entry.msgid_plural), text
        elif entry.msgstr:
            yield entry.msgid, entry.msgstr


def check_catalogues(locale_dirs: Iterable[Path], terms: list[Term] | None = None) -> list[Miss]:
    """Every Russian and Kazakh catalogue entry that lacks a glossary term of its English."""
    terms = terms if terms is not None else load_terms()
    found: list[Miss] = []
    for locale_dir in locale_dirs:
        for language in LANGUAGES:
            for path in sorted((Path(locale_dir) / language / "LC_MESSAGES").glob("*.po")):
                where = f"{Path(locale_dir).name}/{language}/{path.name}"
                catalogue = polib.pofile(str(path), wrapwidth=0)
                found += misses(where, language, catalogue_pairs(catalogue), terms)
    return found


def check_vocabularies(terms: list[Term] | None = None) -> list[Miss]:
    """Every Russian and Kazakh vocabulary name that lacks a glossary term of its English."""
    terms = terms if terms is not None else load_terms()
    found: list[Miss] = []
    for vocabulary in VOCABULARIES:
        with (Path(settings.BASE_DIR) / vocabulary).open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        for language in LANGUAGES:
            pairs = [(row["name"], row[f"name_{language}"]) for row in rows]
            found += misses(vocabulary, language, pairs, terms)
    return found
