"""manage.py check_translations: fail when a string lacks a Russian or Kazakh translation.

CI runs it (`make messages-check`). It never writes to the working tree. The catalogues are
the two LOCALE_PATHS entries (README, "Translations"): the project's own strings in the first
(locale/, which makemessages keeps), and in the second (locale_django/, kept by hand) the
strings of Django and of the admin's apps that their own Kazakh lacks or their Russian gets
wrong.

1. It copies the sources to a temporary directory, runs makemessages there for every
   language but the default one (with --no-obsolete and the same ignores as `make
   messages`), and lists, per language, every msgid left untranslated or fuzzy: strings the
   code and templates use that the committed catalogue does not translate. It also lists
   committed entries the code no longer uses.
2. It lists untranslated or fuzzy entries of the hand-kept catalogues, and entries there
   that the project's own catalogue also translates (which would never be shown).
3. It compiles every committed .po with `msgfmt --check-format` and fails if the committed
   .mo is missing or says anything different: the site runs from the .mo files, which are
   committed so that a fresh machine needs no gettext tools.
4. It fails if a msgid that Django's own Kazakh admin, auth or contenttypes catalogue (or
   the admin's JavaScript one) leaves untranslated is translated by neither project
   catalogue, so a Django upgrade that adds admin strings is noticed.
5. It fails if a translation misses a glossary term its English uses (docs/glossary.md;
   core/glossary.py), in the catalogues and in the vocabularies.

Needs GNU gettext (xgettext, msgmerge, msgattrib, msgfmt), as makemessages does.
"""

from __future__ import annotations

import gettext
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import django
import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core import glossary

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

Key = tuple[str | None, str]


def key(entry: polib.POEntry) -> Key:
    return (entry.msgctxt, entry.msgid)


def describe(entry: polib.POEntry) -> str:
    text = entry.msgid if entry.msgctxt is None else f"[{entry.msgctxt}] {entry.msgid}"
    return text.replace("\n", "\\n")


def read_po(path: Path) -> polib.POFile:
    """A catalogue's live entries (polib keeps obsolete #~ ones apart, and the header in
    its metadata)."""
    return polib.pofile(str(path), wrapwidth=0)


def translated(entry: polib.POEntry) -> bool:
    """Whether every form of the entry has a translation that is not marked fuzzy."""
    if entry.fuzzy or entry.obsolete:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def translated_keys(path: Path) -> set[Key]:
    return {key(e) for e in read_po(path) if translated(e)} if path.exists() else set()


def untranslated(catalogue: polib.POFile) -> list[str]:
    """What a catalogue lacks: its untranslated and fuzzy messages, and a fuzzy header
    (which msgfmt would ignore, losing the plural forms)."""
    problems = []
    if "fuzzy" in (catalogue.metadata_is_fuzzy or []):
        problems.append("the header is marked fuzzy")
    for entry in catalogue:
        if entry.obsolete:
            continue
        if entry.fuzzy:
            problems.append(f"fuzzy: {describe(entry)}")
        elif not translated(entry):
            problems.append(f"untranslated: {describe(entry)}")
    return problems


def compiled_catalogue(path: Path) -> dict:
    with path.open("rb") as mo:
        return gettext.GNUTranslations(mo)._catalog


class Command(BaseCommand):
    help = "Fail when a string lacks a translation, a glossary term or an up-to-date .mo file."

    def handle(self, *args: object, **options: object) -> None:
        missing = [
            tool
            for tool in ("xgettext", "msgmerge", "msgattrib", "msgfmt")
            if not shutil.which(tool)
        ]
        if missing:
            raise CommandError(f"GNU gettext is needed ({', '.join(missing)} not found).")
        base = Path(settings.BASE_DIR)
        project_dir, hand_kept_dir = (Path(path) for path in settings.LOCALE_PATHS)
        languages = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]

        failures: dict[str, list[str]] = {}
        with tempfile.TemporaryDirectory() as tmp:
            regenerated = self.makemessages(base, project_dir, languages, Path(tmp) / "src")
            for language in languages:
                committed_po = project_dir / language / "LC_MESSAGES" / "django.po"
                catalogue = regenerated[language]
                problems = untranslated(catalogue)
                if committed_po.exists():
                    in_use = {key(entry) for entry in catalogue}
                    problems += [
                        f"no longer used (run `make messages`): {describe(entry)}"
                        for entry in read_po(committed_po)
                        if key(entry) not in in_use
                    ]
                failures[f"{project_dir.name}/{language}/django.po"] = problems
            for path in sorted(hand_kept_dir.glob("*/LC_MESSAGES/*.po")):
                project_po = project_dir / path.relative_to(hand_kept_dir)
                shadowed = translated_keys(project_po)
                catalogue = read_po(path)
                failures[str(path.relative_to(base))] = untranslated(catalogue) + [
                    f"never shown, {project_po.relative_to(base)} translates it: {describe(e)}"
                    for e in catalogue
                    if key(e) in shadowed
                ]
            failures["compiled catalogues"] = self.stale_mo_files(
                [project_dir, hand_kept_dir], base, Path(tmp) / "mo"
            )
        failures["Django's Kazakh gaps"] = self.uncovered_django_gaps(
            [project_dir / "kk" / "LC_MESSAGES", hand_kept_dir / "kk" / "LC_MESSAGES"]
        )
        failures["glossary"] = [
            str(miss) for miss in glossary.check_catalogues([project_dir, hand_kept_dir])
        ] + [str(miss) for miss in glossary.check_vocabularies()]

        failed = {name: problems for name, problems in failures.items() if problems}
        for name, problems in failed.items():
            self.stderr.write(f"{name}: {len(problems)} problem(s)")
            for problem in problems:
                self.stderr.write(f"  {problem}")
        if failed:
            raise CommandError(
                "Translations are incomplete or out of date: see the entries above, and "
                'README, "Translations".'
            )
        counts = ", ".join(f"{language} {len(regenerated[language])}" for language in languages)
        self.stdout.write(
            f"Every project string is translated ({counts} messages), with the glossary's "
            "terms; compiled catalogues are up to date."
        )

    def makemessages(
        self, base: Path, locale_dir: Path, languages: list[str], copy: Path
    ) -> dict[str, polib.POFile]:
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

    def stale_mo_files(self, locale_dirs: list[Path], base: Path, scratch: Path) -> list[str]:
        """Every .po whose committed .mo is missing or differs from what msgfmt makes of it."""
        scratch.mkdir()
        problems = []
        for po in sorted(po for directory in locale_dirs for po in directory.glob("*/*/*.po")):
            name = po.relative_to(base)
            fresh = scratch / f"{po.parent.parent.parent.name}-{po.parent.parent.name}-{po.stem}.mo"
            # The options compilemessages uses.
            result = subprocess.run(
                ["msgfmt", "--check-format", "-o", fresh, po], capture_output=True, text=True
            )
            committed = po.with_suffix(".mo")
            if result.returncode:
                problems.append(f"{name} does not compile:\n{result.stderr}")
            elif not committed.exists():
                problems.append(f"{committed.relative_to(base)} is missing (run `make messages`)")
            elif compiled_catalogue(committed) != compiled_catalogue(fresh):
                problems.append(
                    f"{committed.relative_to(base)} is out of date (run `make messages`)"
                )
        return problems

    def uncovered_django_gaps(self, kk_dirs: list[Path]) -> list[str]:
        """Msgids Django's Kazakh catalogues leave untranslated that no project catalogue
        supplies."""
        django_dir = Path(django.__file__).parent
        # At run time a domain's catalogues are merged: whichever of them translates a msgid
        # covers it.
        covered: dict[str, set[Key]] = {}
        for app, domain in DJANGO_CATALOGUES:
            kazakh = django_dir / app / "locale" / "kk" / "LC_MESSAGES" / f"{domain}.po"
            covered.setdefault(domain, set()).update(translated_keys(kazakh))
        for domain, keys in covered.items():
            for kk_dir in kk_dirs:
                keys.update(translated_keys(kk_dir / f"{domain}.po"))
        problems = []
        for app, domain in DJANGO_CATALOGUES:
            english = django_dir / app / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
            if not english.exists():
                self.stderr.write(
                    f"Skipped {app} ({domain}): this Django has no {english.name} to compare with."
                )
                continue
            problems += [
                f"{app} ({domain}): {describe(entry)}"
                for entry in read_po(english)
                if key(entry) not in covered[domain]
            ]
        return problems
