"""What the event component needs from the other components, in one place.

The actors, dates and quotations are other components' work (``nlp/actors.py``,
``nlp/timex``, ``nlp/quotes``). Each thing taken from them goes through one
small function here, which uses their public API when it is there and a plain
reading of the ``Doc._`` model objects otherwise:

- ``participant(doc, tokens)``: the actor a noun phrase stands for;
- ``timex_date(timex)``: the event date (``YYYY-MM-DD``/``YYYY-MM``/``YYYY``) of a timex;
- ``quote_at(doc, start, end)``: the quotation that carries a piece of text;
- ``paragraph_of(doc, char)``: the paragraph around a character;
- ``country_of_demonym(word)``: « russe » → « Russie », when the actors'
  resources have it.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ... import resources
from ...errors import ResourceError
from ...model import Participant, Quote, Timex
from .. import actors as _actors
from .lexicon import fold

try:  # the timex component's helper, when it is there
    from ..timex import event_date as _timex_event_date  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on the branch state
    _timex_event_date = None

_api_participant = getattr(_actors, "participant", None)

DETERMINER_POS = ("DET", "NUM", "ADP", "PUNCT", "CCONJ")


# ------------------------------------------------------------ participants

def participant(doc: Doc, tokens: list[Token], actor: bool = True) -> Participant | None:
    """The participant (entity, or description of an unnamed actor) that the
    noun phrase ``tokens`` stands for, or None."""
    if not tokens:
        return None
    if _api_ready(doc):
        p = _api_participant(doc, doc[tokens[0].i:tokens[-1].i + 1], actor=actor)
        if p is not None and p.name:
            return p
        return None
    return _fallback_participant(doc, tokens)


def _api_ready(doc: Doc) -> bool:
    return (_api_participant is not None and Doc.has_extension("actor_index")
            and doc._.actor_index is not None)


_INDEX: list = [None]  # (the doc's mentions list, its length, starts, sorted mentions)


def _mention_index(doc: Doc) -> tuple[list[int], list]:
    """Mentions sorted by start, for the doc being read (rebuilt when the list
    is another one or has grown)."""
    current = doc._.mentions or []
    cached = _INDEX[0]
    if cached is None or cached[0] is not current or cached[1] != len(current):
        mentions = sorted(current, key=lambda m: m.start)
        cached = (current, len(current), [m.start for m in mentions], mentions)
        _INDEX[0] = cached
    return cached[2], cached[3]


def mention_at(doc: Doc, tok: Token):
    """The named-entity mention covering a token, or None."""
    starts, mentions = _mention_index(doc)
    i = bisect.bisect_right(starts, tok.idx) - 1
    if i >= 0 and mentions[i].start <= tok.idx < mentions[i].end:
        return mentions[i]
    return None


_POSSESSIVE = {"son": "Sing", "sa": "Sing", "ses": "Sing", "leur": "Plur", "leurs": "Plur"}


def possessor(doc: Doc, det: Token) -> Participant | None:
    """Whom a possessive determiner stands for (« leur libération »): the
    actors component's antecedent of the matching personal pronoun (for « son,
    sa, ses », only when « il » and « elle » agree on one)."""
    number = _POSSESSIVE.get(fold(det.text))
    antecedent = getattr(_actors, "antecedent", None)
    if number is None or antecedent is None or not _api_ready(doc):
        return None
    names = ["ils"] if number == "Plur" else ["il", "elle"]
    found = []
    for pronoun in names:
        try:
            ref = antecedent(doc, det.i, pronoun)
        except Exception:  # noqa: BLE001 - another component's internals
            ref = None
        if ref is not None and ref.name:
            found.append(Participant(name=ref.name, entity=ref.entity.id if ref.entity else None))
    if not found or any(fold(p.name) != fold(found[0].name) for p in found[1:]):
        return None
    return found[0]


_PERSONAL = {"il": "Sing", "elle": "Sing", "ils": "Plur", "elles": "Plur", "lui": "Sing", "eux": "Plur"}


def _fallback_pronoun(doc: Doc, head: Token) -> Participant | None:
    """Without the actors component: a personal pronoun is the last named
    subject of the three sentences before it, of the same number."""
    number = _PERSONAL.get(fold(head.text.lstrip("-")))
    if number is None:
        return None
    sents = list(doc.sents)
    k = next((j for j, s in enumerate(sents) if s.start <= head.i < s.end), 0)
    names = {e.id: e.name for e in doc._.entities or []}
    for s in reversed(sents[max(0, k - 3):k + 1]):
        subjects = [t for t in s if t.dep_ in ("nsubj", "nsubj:pass") and t.i < head.i
                    and t.pos_ in ("PROPN", "NOUN")]
        for t in reversed(subjects):
            m = mention_at(doc, t)
            if m is None or m.entity is None or m.label not in ("PER", "ORG"):
                continue
            if number == "Plur" and "Plur" not in t.morph.get("Number"):
                continue
            return Participant(name=_bare(names.get(m.entity, m.text)), entity=m.entity)
    return None


def _fallback_participant(doc: Doc, tokens: list[Token]) -> Participant | None:
    names = {e.id: e.name for e in doc._.entities or []}
    head = _head(tokens)
    if head.pos_ == "PRON":
        return _fallback_pronoun(doc, head)
    first = tokens[0].i
    best = None
    for t in tokens:
        m = mention_at(doc, t)
        if m is None:
            continue
        prev = doc[t.i - 1] if t.i > first else None
        inside_complement = prev is not None and prev.pos_ == "ADP" and not (
            m.start <= head.idx < m.end)
        if inside_complement:
            continue
        rank = (m.label == "PER", m.start <= head.idx < m.end)
        if best is None or rank > best[0]:
            best = (rank, m)
    if best is not None:
        m = best[1]
        return Participant(name=_bare(names.get(m.entity, m.text)), entity=m.entity)
    return Participant(name=describe(tokens), entity=None)


_ARTICLE = re.compile(r"^(?:l['’]|le |la |les )", re.IGNORECASE)


def _bare(name: str) -> str:
    """A name without a leading article the NER kept (« L'ONU » → « ONU »)."""
    bare = _ARTICLE.sub("", name)
    return bare if bare else name


def _head(tokens: list[Token]) -> Token:
    ids = {t.i for t in tokens}
    for t in tokens:
        if (t.head.i not in ids or t.head.i == t.i) and not t.is_punct:
            return t
    return tokens[0]


def describe(tokens: list[Token]) -> str:
    """A noun phrase without its leading determiners and trailing punctuation."""
    toks = [t for t in tokens if not t.is_space]
    while toks and toks[0].pos_ in DETERMINER_POS:
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].pos_ in ("DET", "ADP", "CCONJ")):
        toks = toks[:-1]
    if not toks:
        return ""
    doc = toks[0].doc
    return doc[toks[0].i:toks[-1].i + 1].text  # (Doc.text would rebuild the whole text)


# ------------------------------------------------------------------ dates

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|T)")


def timex_date(timex: Timex) -> str | None:
    """The date of an event from a DATE/TIME timex, or None (durations, sets,
    references and underspecified values give no date)."""
    if timex is None or timex.type not in ("DATE", "TIME"):
        return None
    if _timex_event_date is not None:
        return _timex_event_date(timex)
    m = _DATE.match(timex.value or "")
    return m.group(0) if m else None


def timexes(doc: Doc) -> list[Timex]:
    return sorted(doc._.timexes or [], key=lambda t: t.start)


# ----------------------------------------------------------------- quotes

def quotes(doc: Doc) -> list[Quote]:
    return list(doc._.quotes or [])


def quote_at(doc: Doc, start: int, end: int, kinds: tuple[str, ...] | None = None) -> Quote | None:
    """The (smallest) quotation whose text covers ``[start, end)``."""
    best = None
    for q in doc._.quotes or []:
        if q.start <= start and end <= q.end and (kinds is None or q.kind in kinds):
            if best is None or q.end - q.start < best.end - best.start:
                best = q
    return best


# ------------------------------------------------------------- paragraphs

def paragraphs(doc: Doc) -> list[tuple[int, int]]:
    spans = doc.spans.get("paragraphs") if hasattr(doc, "spans") else None
    if spans:
        return [(p.start_char, p.end_char) for p in spans]
    text = doc.text
    out, start = [], 0
    for m in re.finditer(r"\n", text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def paragraph_of(paras: list[tuple[int, int]], char: int) -> tuple[int, int] | None:
    starts = [p[0] for p in paras]
    i = bisect.bisect_right(starts, char) - 1
    if i >= 0 and paras[i][0] <= char < paras[i][1]:
        return paras[i]
    return None


# -------------------------------------------------------------- demonyms

@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    try:
        roles = resources.load("roles")
    except ResourceError:
        return {}
    return {fold(k): v for k, v in (roles.get("demonyms") or {}).items()}


@lru_cache(maxsize=1)
def actor_words() -> frozenset[str]:
    """Nouns of persons and organisations from the actors' resources, when
    present (« chancelier », « junte »), to recognise unnamed actors."""
    try:
        roles = resources.load("roles")
    except ResourceError:
        return frozenset()
    return frozenset(fold(w) for key in ("person_roles", "org_nouns") for w in roles.get(key, ()))


@lru_cache(maxsize=1)
def _countries() -> frozenset[str] | None:
    try:
        roles = resources.load("roles")
    except ResourceError:
        return None
    return frozenset(fold(v) for v in (roles.get("demonyms") or {}).values())


def is_city(name: str) -> bool | None:
    """Whether a place name is a town rather than a country (None: unknown,
    when the actors' resources are not there). « Bruxelles » in « les
    attentats de Bruxelles » is where it happened, « la Russie » in « les
    frappes de la Russie » who did it."""
    countries = _countries()
    if countries is None:
        return None
    return fold(name) not in countries


@lru_cache(maxsize=1)
def person_role_words() -> frozenset[str]:
    """Nouns naming a person by an office (« envoyé », « président »), from the
    actors' resources when present."""
    try:
        roles = resources.load("roles")
    except ResourceError:
        return frozenset()
    return frozenset(fold(w) for w in roles.get("person_roles", ()))


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    try:
        roles = resources.load("roles")
    except ResourceError:
        return {}
    return {fold(k): v for k, v in (roles.get("capitals") or {}).items()}


def country_of_place(name: str) -> str | None:
    """The country a place name is, or is the capital of (« Moscou » → « Russie »)."""
    key = fold(name)
    if key in _capitals():
        return _capitals()[key]
    countries = _countries() or frozenset()
    return name if key in countries else None


def home_countries(doc: Doc, p: Participant, folded: bool = True) -> set[str]:
    """Countries an actor belongs to, from what the article says of it: the
    country itself, its capital, or a title with a nationality (« le président
    russe »); folded names unless ``folded`` is False."""
    out = {}
    c = country_of_place(p.name)
    if c:
        out[fold(c)] = c
    for e in doc._.entities or []:
        if e.id == p.entity:
            for role in e.roles:
                for word in re.findall(r"[\w-]+", role):
                    c = country_of_demonym(word)
                    if c:
                        out[fold(c)] = c
    return set(out) if folded else set(out.values())


def country_of_demonym(word: str) -> str | None:
    """« russe » → « Russie » (from the actors' resources, when present)."""
    return _demonyms().get(fold(word))
