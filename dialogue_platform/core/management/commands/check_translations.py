"""manage.py check_translations: fail when a project string lacks a Russian or Kazakh translation.

CI runs it (`make messages-check`). It never writes to the working tree:

1. It copies the sources to a temporary directory, runs makemessages there for every
   language but the default one (with --no-obsolete and the same ignores as `make
   messages`), and lists, per language, every msgid left untranslated or fuzzy: strings the
   code and templates use that the committed catalogue does not translate. It also lists
   committed entries the code no longer uses.
2. It checks the hand-kept catalogues that makemessages does not produce (the admin's
   JavaScript strings in Kazakh) for untranslated or fuzzy entries.
3. It compiles every committed .po with `msgfmt --check-format` and fails if the committed
   .mo is missing or says anything different: the site runs from the .mo files, which are
   committed so that a fresh machine needs no gettext tools.
4. It fails if a msgid that Django's own Kazakh admin, auth or contenttypes catalogue (or
   the admin's JavaScript one) leaves untranslated is not translated by the project (see
   dialogue_platform/core/admin_kk_strings.py), so a Django upgrade that adds admin strings is
   noticed.

Needs GNU gettext (xgettext, msgmerge, msgattrib, msgfmt), as makemessages does.
"""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import django
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# What makemessages must not read; the Makefile's `messages` target passes the same list.
IGNORED = [".venv", "bench", "tests", "staticfiles", "media"]
# The files makemessages reads (its default extensions), and the catalogues themselves.
SOURCE_SUFFIXES = {".py", ".html", ".txt", ".po"}
# Django's catalogues whose Kazakh gaps the project fills: (app directory, domain).
DJANGO_CATALOGUES = [
    ("contrib/admin", "django"),
    ("contrib/auth", "django"),
    ("contrib/contenttypes", "django"),
    ("contrib/admin", "djangojs"),
]
# Catalogues kept by hand rather than produced by makemessages: (language, domain).
HAND_KEPT = [("kk", "djangojs")]


@dataclass
class Entry:
    """One message of a .po file."""

    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values()) and not self.fuzzy

    def __str__(self) -> str:
        text = self.msgid if self.msgctxt is None else f"[{self.msgctxt}] {self.msgid}"
        return text.replace("\n", "\\n")


ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def unquote(text: str) -> str:
    """The value of one quoted .po string, e.g. `"a \\"b\\""` -> `a "b"`."""
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(0)), text.strip()[1:-1])


def parse_po(text: str) -> list[Entry]:
    """The entries of a .po file, the header (msgid "") included; obsolete (#~) ones left out."""
    entries: list[Entry] = []
    entry = Entry()
    started = False  # whether `entry` has had its msgid yet
    target: tuple[str, int] = ("msgid", 0)  # where a continuation line goes

    def finish() -> None:
        nonlocal entry, started
        if started:
            entries.append(entry)
        entry, started = Entry(), False

    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#~"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith("#"):
            if started:
                finish()
            if line.startswith("#,"):
                entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith('"'):
            name, index = target
            if name == "msgstr":
                entry.msgstr[index] += unquote(line)
            else:
                setattr(entry, name, (getattr(entry, name) or "") + unquote(line))
        elif keyword == "msgctxt":
            if started:
                finish()
            entry.msgctxt, target = unquote(rest), ("msgctxt", 0)
        elif keyword == "msgid":
            if started:
                finish()
            entry.msgid, started, target = unquote(rest), True, ("msgid", 0)
        elif keyword == "msgid_plural":
            entry.msgid_plural, target = unquote(rest), ("msgid_plural", 0)
        elif keyword.startswith("msgstr"):
            index = int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0
            entry.msgstr[index], target = unquote(rest), ("msgstr", index)
    finish()
    return entries


def read_po(path: Path) -> list[Entry]:
    return parse_po(path.read_text(encoding="utf-8"))


def untranslated(entries: list[Entry]) -> list[str]:
    """What a catalogue lacks: its untranslated and fuzzy messages, and a fuzzy header
    (which msgfmt would ignore, losing the plural forms)."""
    problems = []
    for entry in entries:
        if entry.msgid == "" and entry.msgctxt is None:
            if entry.fuzzy:
                problems.append("the header is marked fuzzy")
        elif entry.fuzzy:
            problems.append(f"fuzzy: {entry}")
        elif not entry.translated:
            problems.append(f"untranslated: {entry}")
    return problems


def compiled_catalogue(path: Path) -> dict:
    with path.open("rb") as mo:
        return gettext.GNUTranslations(mo)._catalog


class Command(BaseCommand):
    help = "Fail when a project string lacks a translation or a compiled catalogue is stale."

    def handle(self, *args: object, **options: object) -> None:
        missing = [
            tool
            for tool in ("xgettext", "msgmerge", "msgattrib", "msgfmt")
            if not shutil.which(tool)
        ]
        if missing:
            raise CommandError(f"GNU gettext is needed ({', '.join(missing)} not found).")
        base = Path(settings.BASE_DIR)
        locale_dir = Path(settings.LOCALE_PATHS[0])
        languages = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]

        failures: dict[str, list[str]] = {}
        with tempfile.TemporaryDirectory() as tmp:
            regenerated = self.makemessages(base, locale_dir, languages, Path(tmp) / "src")
            for language in languages:
                committed_po = locale_dir / language / "LC_MESSAGES" / "django.po"
                entries = regenerated[language]
                problems = untranslated(entries)
                if committed_po.exists():
                    in_use = {entry.key for entry in entries}
                    problems += [
                        f"no longer used (run `make messages`): {entry}"
                        for entry in read_po(committed_po)
                        if entry.msgid and entry.key not in in_use
                    ]
                failures[f"{language}/django.po"] = problems
            for language, domain in HAND_KEPT:
                path = locale_dir / language / "LC_MESSAGES" / f"{domain}.po"
                failures[f"{language}/{domain}.po"] = (
                    untranslated(read_po(path)) if path.exists() else ["missing"]
                )
            failures["compiled catalogues"] = self.stale_mo_files(locale_dir, Path(tmp) / "mo")
        failures["Django's Kazakh gaps"] = self.uncovered_django_gaps(
            locale_dir / "kk" / "LC_MESSAGES"
        )

        failed = {name: problems for name, problems in failures.items() if problems}
        for name, problems in failed.items():
            self.stderr.write(f"{name}: {len(problems)} problem(s)")
            for problem in problems:
                self.stderr.write(f"  {problem}")
        if failed:
            raise CommandError(
                "Translations are incomplete or out of date: translate the entries above in "
                'locale/<language>/LC_MESSAGES/*.po, then run `make messages` (README, "Translations").'
            )
        counts = ", ".join(f"{language} {len(regenerated[language]) - 1}" for language in languages)
        self.stdout.write(
            f"Every project string is translated ({counts} messages); compiled catalogues are up to date."
        )

    def makemessages(
        self, base: Path, locale_dir: Path, languages: list[str], copy: Path
    ) -> dict[str, list[Entry]]:
        """Run makemessages on a copy of the sources and return each language's new catalogue."""

        def skipped(directory: str, names: list[str]) -> set[str]:
            top = Path(directory) == base
            return {
                name
                for name in names
                if name.startswith(".")
                or name == "__pycache__"
                or name.endswith(".egg-info")
                or (top and name in IGNORED)
                or ((Path(directory) / name).is_file() and Path(name).suffix not in SOURCE_SUFFIXES)
            }

        shutil.copytree(base, copy, ignore=skipped)
        # makemessages writes to the `locale` directory it finds in the tree it walks.
        copied_locale = copy / locale_dir.relative_to(base)
        command = [sys.executable, "manage.py", "makemessages", "--no-obsolete", "--verbosity=0"]
        command += [f"--locale={language}" for language in languages]
        command += [f"--ignore={name}" for name in IGNORED]
        result = subprocess.run(command, cwd=copy, capture_output=True, text=True)
        if result.returncode:
            raise CommandError(f"makemessages failed:\n{result.stderr}")
        return {
            language: read_po(copied_locale / language / "LC_MESSAGES" / "django.po")
            for language in languages
        }

    def stale_mo_files(self, locale_dir: Path, scratch: Path) -> list[str]:
        """Every .po whose committed .mo is missing or differs from what msgfmt makes of it."""
        scratch.mkdir()
        problems = []
        for po in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
            name = po.relative_to(locale_dir)
            fresh = scratch / f"{po.parent.parent.name}-{po.stem}.mo"
            # The options compilemessages uses.
            result = subprocess.run(
                ["msgfmt", "--check-format", "-o", fresh, po], capture_output=True, text=True
            )
            committed = po.with_suffix(".mo")
            if result.returncode:
                problems.append(f"{name} does not compile:\n{result.stderr}")
            elif not committed.exists():
                problems.append(
                    f"{committed.relative_to(locale_dir)} is missing (run `make messages`)"
                )
            elif compiled_catalogue(committed) != compiled_catalogue(fresh):
                problems.append(
                    f"{committed.relative_to(locale_dir)} is out of date (run `make messages`)"
                )
        return problems

    def uncovered_django_gaps(self, kk_dir: Path) -> list[str]:
        """Msgids Django's Kazakh catalogues leave untranslated that the project does not supply."""
        django_dir = Path(django.__file__).parent
        problems = []
        for app, domain in DJANGO_CATALOGUES:
            english = django_dir / app / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
            if not english.exists():
                self.stderr.write(
                    f"Skipped {app} ({domain}): this Django has no {english.name} to compare with."
                )
                continue
            kazakh = django_dir / app / "locale" / "kk" / "LC_MESSAGES" / f"{domain}.po"
            django_has = (
                {e.key for e in read_po(kazakh) if e.translated} if kazakh.exists() else set()
            )
            project = kk_dir / f"{domain}.po"
            project_has = (
                {e.key for e in read_po(project) if e.translated} if project.exists() else set()
            )
            problems += [
                f"{app} ({domain}): {entry}"
                for entry in read_po(english)
                if entry.msgid and entry.key not in django_has and entry.key not in project_has
            ]
        return problems
