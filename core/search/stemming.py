"""The stem a query word is matched by, so that a word finds its other forms: a search
for «пытках» finds «пытки» and «пыткам», one for «ұсынымдардың» finds «ұсыным» and
«ұсынымдар». Only query words are stemmed; a stem is matched as a prefix of the stored
words (backends.py), so it finds every form that begins with it.

- English (Latin script): Snowball's English stemmer, less a final "i" (its y).
- Russian (Cyrillic without Kazakh letters): Snowball's Russian stemmer.
- Kazakh: neither snowballstemmer nor PostgreSQL has a Kazakh stemmer, and the one Kazakh
  analyser on PyPI (kazstem) is a new release with no record of use, so the word loses the
  case, possessive and plural endings that grammars of Kazakh list (KAZAKH_SLOTS), at
  most one of each, longest first. A word with a letter only Kazakh has (ә, ғ, қ, ң, ө, ұ, ү,
  һ, і) loses any of them. A word without one may be Russian («доллар», «гектар»): it is
  stemmed as Russian, and only if that finds no ending does it lose a Kazakh plural
  ending, keeping at least four letters («адамдар» → «адам»).

A stem is never shorter than MIN_STEM letters (a shorter one would match too much), and it
is cut back to what it shares with the word, should a stemmer have rewritten a letter (a
stored word begins with the letters the reader typed, not with a stemmer's spelling)."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

MIN_STEM = 3
KAZAKH_LETTERS = set("әғқңөұүһі")
WORD = re.compile(r"[^\W_]+")
LATIN = re.compile(r"[a-z]+")
CYRILLIC = re.compile(r"[а-яё" + "".join(sorted(KAZAKH_LETTERS)) + r"]+")

# The endings that follow a Kazakh noun, slot by slot from the end of the word: a case
# ending, then a third-person possessive, then a plural (the variants of each follow vowel
# harmony and the stem's last sound). The first and second persons' possessives («-ым»,
# «-ың») are left out: official texts hardly use them, and they would cut «ұсыным» to
# «ұсын», the root of «ұсыныс» (proposal) too.
KAZAKH_CASE = (
    "ның", "нің", "дың", "дің", "тың", "тің",  # genitive
    "ға", "ге", "қа", "ке", "на", "не",  # dative
    "ны", "ні", "ды", "ді", "ты", "ті",  # accusative
    "да", "де", "та", "те", "нда", "нде",  # locative
    "дан", "ден", "тан", "тен", "нан", "нен",  # ablative
    "мен", "бен", "пен",  # instrumental
    "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі", "ғы", "гі", "қы", "кі",  # attributive
)  # fmt: skip
KAZAKH_POSSESSIVE = ("сы", "сі")
KAZAKH_PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")
KAZAKH_PLURAL_POSSESSIVE = ("лары", "лері", "дары", "дері", "тары", "тері")
KAZAKH_SLOTS = (KAZAKH_CASE, KAZAKH_POSSESSIVE, KAZAKH_PLURAL + KAZAKH_PLURAL_POSSESSIVE)


@lru_cache(maxsize=4)
def snowball(language: str) -> snowballstemmer.Stemmer:
    return snowballstemmer.stemmer(language)


def strip_kazakh_endings(word: str, slots: tuple, shortest: int = MIN_STEM) -> str:
    """`word` without at most one ending of each slot, the longest that fits."""
    for suffixes in slots:
        for suffix in sorted(suffixes, key=len, reverse=True):
            if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
                word = word[: -len(suffix)]
                break
    return word


def stem(word: str) -> str:
    """The stem `word` (one case-folded word) is matched by; the word itself where no
    stemmer applies."""
    if LATIN.fullmatch(word):
        # Snowball writes a final y as i ("policy", "policies": "polici"); "polic" is the
        # stem both forms begin with.
        candidate = snowball("english").stemWord(word).removesuffix("i")
    elif CYRILLIC.fullmatch(word):
        if KAZAKH_LETTERS & set(word):
            candidate = strip_kazakh_endings(word, KAZAKH_SLOTS)
        else:
            russian = snowball("russian").stemWord(word)
            plural = strip_kazakh_endings(word, (KAZAKH_PLURAL,), shortest=4)
            candidate = russian if russian != word else plural
    else:
        return word
    pairs = zip(word, candidate, strict=False)
    shared = next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(word), len(candidate)))
    return word[:shared] if shared >= MIN_STEM else word


def is_word(term: str) -> bool:
    """Whether a query term is one word (not a phrase or a hyphenated reference)."""
    return WORD.fullmatch(term) is not None
