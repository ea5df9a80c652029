"""Comparing names across articles: keys, person-name parts, roles.

A *key* is a name without case, accents, punctuation or courtesy title, its
words joined by one space (« M. Jean-Marie Le Pen » → ``jean marie le pen``).
Keys are what the registry and the store compare; the display form is kept
elsewhere. Word lists come from ``data/fr/registry.toml``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .. import resources

_WORD = re.compile(r"[0-9a-z]+")


def fold(text: str) -> str:
    """Lower case, without accents (« Élysée » → ``elysee``)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    """The ASCII words of a text, folded (hyphens and apostrophes separate words)."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset, ...]:
    data = resources.load("registry")
    names, roles = data.get("names", {}), data.get("roles", {})

    def folded(items):
        return frozenset(" ".join(words(w)) for w in items if words(w))

    return (folded(names.get("honorifics", [])), folded(names.get("particles", [])),
            folded(roles.get("stopwords", [])), folded(roles.get("generic", [])),
            folded(names.get("titles", [])), folded(names.get("articles", [])))


@lru_cache(maxsize=200_000)
def key(name: str, drop_article: bool = False) -> str:
    """The comparison key of any name (honorifics dropped when a name remains;
    with ``drop_article``, a leading article too: « la France » → ``france``)."""
    toks = words(name)
    honorifics, articles = _lists()[0], _lists()[5]
    while len(toks) > 1 and (toks[0] in honorifics or (drop_article and toks[0] in articles)):
        toks = toks[1:]
    return " ".join(toks)


def thing_key(name: str) -> str:
    """The key of an organisation's or a place's name: without a leading article."""
    return key(name, drop_article=True)


def slug(text: str) -> str:
    """An identifier-friendly form of a name: ``vladimir-poutine``."""
    return "-".join(words(text)) or "x"


@dataclass(frozen=True)
class PersonName:
    """A person's name split into given names and surname (with its particles)."""

    given: tuple[str, ...]
    surname: tuple[str, ...]

    @property
    def last(self) -> str:
        return self.surname[-1] if self.surname else ""

    @property
    def key(self) -> str:
        return " ".join(self.given + self.surname)

    @property
    def specificity(self) -> tuple[int, int, int]:
        """More given names, fewer initials, more letters: more specific."""
        full = sum(1 for g in self.given if all(len(p) > 1 for p in g.split("-")))
        return (len(self.given), full, len(self.key))


_APOSTROPHES = re.compile(r"['’ʼ`]")
_NOT_NAME = re.compile(r"[^0-9a-z-]")


@lru_cache(maxsize=200_000)
def person(name: str) -> PersonName:
    """« Jean-Marie Le Pen » → given (jean-marie,), surname (le, pen).

    Hyphenated given names stay one word: « Jean-Marie » is not « Jean ». Courtesy
    titles and leading titles (« président », « Premier ministre ») are dropped.
    """
    toks = []
    for chunk in _APOSTROPHES.sub(" ", fold(name)).split():
        tok = _NOT_NAME.sub("", chunk).strip("-")
        if tok:
            toks.append(tok)
    honorifics, particles, titles, articles = _lists()[0], _lists()[1], _lists()[4], _lists()[5]

    def is_title(tok: str) -> bool:
        return tok in titles or all(p in titles for p in tok.split("-"))

    while len(toks) > 1 and (toks[0] in honorifics or is_title(toks[0])
                             or (toks[0] in articles and len(toks) > 2 and is_title(toks[1]))):
        toks = toks[1:]
    if not toks:
        return PersonName((), ())
    i = len(toks) - 1
    while i > 0 and toks[i - 1] in particles:
        i -= 1
    return PersonName(tuple(toks[:i]), tuple(toks[i:]))


def _given_match(short: str, long: str) -> bool:
    """« v » matches « vladimir », « j-m » matches « jean-marie »; « jean » not « jean-marie »."""
    if short == long:
        return True
    s, l = short.split("-"), long.split("-")
    return len(s) == len(l) and all(a == b or (len(a) == 1 and b.startswith(a)) for a, b in zip(s, l))


def subsumes(full: PersonName, short: PersonName) -> bool:
    """Whether ``short`` can be a shorter way of writing ``full``.

    Same last word of the surname (the shorter may drop particles); the shorter's
    given names, if any, start with the same first name (or its initial) and
    appear in order among the fuller's. « Poutine » and « V. Poutine » are
    subsumed by « Vladimir Poutine »; « Marine Le Pen » is not by « Jean-Marie Le Pen ».
    """
    if not full.last or full.last != short.last or full.key == short.key:
        return False
    if len(short.surname) > len(full.surname) or full.surname[-len(short.surname):] != short.surname:
        return False
    if not short.given:
        return bool(full.given) or len(full.surname) > len(short.surname)
    if not full.given or not _given_match(short.given[0], full.given[0]):
        return False
    j = 1
    for g in short.given[1:]:
        while j < len(full.given) and not _given_match(g, full.given[j]):
            j += 1
        if j == len(full.given):
            return False
        j += 1
    return full.specificity > short.specificity


@lru_cache(maxsize=100_000)
def role_key(role: str) -> str | None:
    """The key of a role that can identify someone, or None for a generic one.

    « le président russe » → ``president russe``; « le ministre » → None.
    """
    stop, generic = _lists()[2], _lists()[3]
    toks = [t for t in words(role) if t not in stop]
    if not toks:
        return None
    if all(t in generic for t in toks):
        return None
    return " ".join(toks)
