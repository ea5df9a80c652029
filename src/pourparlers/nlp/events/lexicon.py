"""The event lexicon: ``data/fr/events.toml`` made into lookup tables.

Every word the event component knows lives in the data file; this module only
folds the keys (lower case, no accents, plain apostrophes) so that a lemma
written « négocier » or « negocier » is found either way.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ... import resources

_WORD = re.compile(r"\w+'|\w+(?:-\w+)*")
FRAMES = ("directed", "meet", "visit", "receive", "self", "experiencer")
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case, no accents, typographic apostrophes made plain."""
    text = text.replace("’", "'").replace("\u00a0", " ").lower()
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Trigger:
    """One trigger word (or verb + object phrase) and how to read its arguments."""

    lemma: str
    kind: str  # "verb", "noun" or "phrase"
    type: str
    mode: str | None = None
    frame: str = "directed"
    to: tuple[str, ...] = ()
    de: str = "actor"
    reflexive: bool | None = None
    needs: tuple[str, ...] = ()  # any one of these conditions
    objects: bool = True  # False: the object is the thing (« signer un traité »), not a participant
    untargeted: tuple[str, str | None] | None = None
    absorbs: bool = False
    future_type: str | None = None
    modes: tuple[tuple[str, str], ...] = ()
    types: tuple[tuple[str, str], ...] = ()
    weak: bool = False
    stative: bool = False  # an adjectival participle (« des hommes armés ») is a state
    quoted: bool = False  # only said inside a quotation, by its speaker (« il faut que »)
    clause_target: bool | None = None  # the subject of its que-clause is the target
    proposal_type: str | None = None  # the type when its object is a proposal or demand
    negative: bool = False  # an event only when negated (« n'exclut pas des sanctions »)
    forces: bool = False  # the forces moved are the actors when no one else is named
    penalty: tuple[str, str | None] | None = None  # (type, mode) with a court's penalty
    speaker: bool = False  # an event only with someone who says it (an actor)
    implicit_agent: bool = False  # its agentless participle is done by the clause's subject


def _trigger(lemma: str, kind: str, d: dict[str, Any]) -> Trigger:
    for t in (d.get("type"), d.get("proposal_type") or d.get("type"),
              (d.get("penalty") or {}).get("type", d.get("type"))):
        if t not in TYPES:
            raise ValueError(f"{kind} '{lemma}': unknown PLOVER type {t!r}")
    if d.get("type") not in TYPES:
        raise ValueError(f"{kind} '{lemma}': unknown PLOVER type {d.get('type')!r}")
    frame = d.get("frame", "directed")
    if frame not in FRAMES:
        raise ValueError(f"{kind} '{lemma}': unknown frame {frame!r}")
    unt = d.get("untargeted")
    return Trigger(
        lemma=lemma, kind=kind, type=d["type"], mode=d.get("mode"), frame=frame,
        to=tuple(fold(p) for p in d.get("to", ())), de=d.get("de", "actor"),
        reflexive=d.get("reflexive"),
        needs=tuple([d["needs"]] if isinstance(d.get("needs"), str) else d.get("needs", ())),
        objects=d.get("object", "none" if kind == "phrase" else "participant") != "none",
        untargeted=(unt["type"], unt.get("mode")) if unt else None,
        absorbs=bool(d.get("absorbs", False)), future_type=d.get("future_type"),
        modes=tuple((fold(k), v) for k, v in (d.get("modes") or {}).items()),
        types=tuple((fold(k), v) for k, v in (d.get("types") or {}).items()),
        weak=bool(d.get("weak", False)), stative=bool(d.get("stative", False)),
        quoted=bool(d.get("quoted", False)), clause_target=d.get("clause_target"),
        proposal_type=d.get("proposal_type"), negative=bool(d.get("negative", False)),
        forces=bool(d.get("forces", False)),
        penalty=(d["penalty"]["type"], d["penalty"].get("mode")) if d.get("penalty") else None,
        speaker=bool(d.get("speaker", False)), implicit_agent=bool(d.get("implicit_agent", False)),
    )


def _set(values) -> frozenset[str]:
    return frozenset(fold(v) for v in values or ())


@dataclass
class Lexicon:
    verbs: dict[str, Trigger] = field(default_factory=dict)
    nouns: dict[str, Trigger] = field(default_factory=dict)
    phrases: dict[tuple[str, str], Trigger] = field(default_factory=dict)
    phrase_verbs: frozenset[str] = frozenset()
    support_verbs: frozenset[str] = frozenset()
    patient_support_verbs: frozenset[str] = frozenset()
    announce_verbs: frozenset[str] = frozenset()
    occurrence_verbs: frozenset[str] = frozenset()
    during_words: frozenset[str] = frozenset()
    planning_verbs: frozenset[str] = frozenset()
    topic_nouns: frozenset[str] = frozenset()
    kind_nouns: frozenset[str] = frozenset()
    topic_verbs: frozenset[str] = frozenset()
    declined: frozenset[str] = frozenset()
    hazards: frozenset[str] = frozenset()
    fixed_phrases: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    actor_nouns: frozenset[str] = frozenset()
    quantity_nouns: frozenset[str] = frozenset()
    unit_nouns: frozenset[str] = frozenset()
    etre_verbs: frozenset[str] = frozenset()
    impersonal_verbs: frozenset[str] = frozenset()
    time_nouns: frozenset[str] = frozenset()
    range_openers: frozenset[str] = frozenset()
    side_frames: frozenset[str] = frozenset()
    sequence_preps: frozenset[str] = frozenset()
    caller_nouns: frozenset[str] = frozenset()
    generic_people: frozenset[str] = frozenset()
    institution_seats: frozenset[str] = frozenset()
    target_prep_nouns: frozenset[str] = frozenset()
    statements: dict[str, str] = field(default_factory=dict)  # lemma → type
    statement_modes: dict[str, str] = field(default_factory=dict)  # type → mode
    negated_statements: dict[str, str] = field(default_factory=dict)  # lemma → type when negated
    rebutted_nouns: frozenset[str] = frozenset()
    series_words: frozenset[str] = frozenset()
    proposal_nouns: frozenset[str] = frozenset()
    force_nouns: frozenset[str] = frozenset()
    envoy_nouns: frozenset[str] = frozenset()
    habitual_modifiers: frozenset[str] = frozenset()
    civilian_nouns: frozenset[str] = frozenset()
    member_nouns: frozenset[str] = frozenset()
    decision_nouns: frozenset[str] = frozenset()
    facility_nouns: frozenset[str] = frozenset()
    goods_nouns: frozenset[str] = frozenset()
    penalty_words: frozenset[str] = frozenset()
    pairing_verbs: frozenset[str] = frozenset()
    patient_passive_verbs: frozenset[str] = frozenset()
    speech_types: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    pair_words: frozenset[str] = frozenset()
    pair_places: frozenset[str] = frozenset()
    pair_countries: frozenset[str] = frozenset()
    pair_nouns: frozenset[str] = frozenset()
    weapons: frozenset[str] = frozenset()
    sanction_words: frozenset[str] = frozenset()
    object_nouns: frozenset[str] = frozenset()
    endorsement_types: frozenset[str] = frozenset()
    reversal_heads: frozenset[str] = frozenset()
    reversal_type: str = "CONCEDE"
    type_modes: dict[str, dict[str, str]] = field(default_factory=dict)
    future_governors: frozenset[str] = frozenset()
    hypothetical_governors: frozenset[str] = frozenset()
    future_conditionals: frozenset[str] = frozenset()
    future_modifiers: frozenset[str] = frozenset()
    hypothetical_modifiers: frozenset[str] = frozenset()
    condition_marks: frozenset[str] = frozenset()
    negation_words: frozenset[str] = frozenset()
    negating_words: frozenset[str] = frozenset()
    negating_conjunctions: frozenset[str] = frozenset()
    ne_negations: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    future_stems: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, frozenset[str]] = field(default_factory=dict)  # name → its group
    ordinals: dict[str, int] = field(default_factory=dict)
    duration_numbers: dict[str, int] = field(default_factory=dict)
    duration_units: dict[str, tuple[str, str]] = field(default_factory=dict)

    def noun(self, lemma: str, text: str) -> Trigger | None:
        """The noun trigger for a token (by lemma, else by its form or singular)."""
        for key in (fold(lemma), fold(text)):
            t = self.nouns.get(key)
            if t is not None:
                return t
        low = fold(text)
        if low.endswith(("s", "x")):
            return self.nouns.get(low[:-1])
        return None


def build(data: dict[str, Any]) -> Lexicon:
    lex = Lexicon()
    lex.verbs = {fold(k): _trigger(k, "verb", v) for k, v in data.get("verbs", {}).items()}
    lex.nouns = {fold(k): _trigger(k, "noun", v) for k, v in data.get("nouns", {}).items()}
    for verb, objects in data.get("phrases", {}).items():
        for noun, d in objects.items():
            lex.phrases[(fold(verb), fold(noun))] = _trigger(f"{verb} {noun}", "phrase", d)
    lex.phrase_verbs = frozenset(v for v, _ in lex.phrases)
    sv = data.get("support_verbs", {})
    lex.support_verbs = _set(sv.get("lemmas"))
    lex.patient_support_verbs = _set(sv.get("patient_support_verbs"))
    lex.announce_verbs = _set(sv.get("announce"))
    lex.occurrence_verbs = _set(sv.get("occurrence"))
    lex.during_words = _set(sv.get("during"))
    ne = data.get("non_events", {})
    lex.topic_nouns = _set(ne.get("topic_nouns"))
    lex.kind_nouns = _set(ne.get("kind_nouns"))
    lex.habitual_modifiers = _set(ne.get("habitual_modifiers"))
    lex.topic_verbs = _set(ne.get("topic_verbs"))
    lex.declined = _set(ne.get("declined"))
    lex.hazards = _set(ne.get("hazards"))
    fixed: dict[str, list[tuple[str, ...]]] = {}
    for phrase in ne.get("fixed_phrases", ()):
        words = tuple(_WORD.findall(fold(phrase)))
        for w in set(words):
            fixed.setdefault(w, []).append(words)
    lex.fixed_phrases = {w: tuple(v) for w, v in fixed.items()}
    lex.actor_nouns = _set(data.get("actors", {}).get("nouns"))
    w = data.get("words", {})
    lex.pair_words = _set(w.get("pair_words"))
    lex.pair_places = _set(w.get("pair_places"))
    lex.pair_countries = _set(w.get("pair_countries"))
    lex.quantity_nouns = _set(w.get("quantity_nouns"))
    lex.unit_nouns = _set(w.get("unit_nouns"))
    lex.etre_verbs = _set(w.get("etre_verbs"))
    lex.impersonal_verbs = _set(w.get("impersonal_verbs"))
    lex.time_nouns = _set(w.get("time_nouns"))
    lex.range_openers = _set(w.get("range_openers"))
    lex.side_frames = _set(w.get("side_frames"))
    lex.sequence_preps = _set(w.get("sequence_preps"))
    lex.caller_nouns = _set(w.get("caller_nouns"))
    lex.generic_people = _set(w.get("generic_people"))
    lex.institution_seats = _set(w.get("institution_seats"))
    lex.target_prep_nouns = _set(w.get("target_prep_nouns"))
    lex.series_words = _set(w.get("series_words"))
    lex.proposal_nouns = _set(w.get("proposal_nouns"))
    lex.force_nouns = _set(w.get("force_nouns"))
    lex.envoy_nouns = _set(w.get("envoy_nouns"))
    lex.civilian_nouns = _set(w.get("civilian_nouns"))
    lex.member_nouns = _set(w.get("member_nouns"))
    lex.decision_nouns = _set(w.get("decision_nouns"))
    lex.facility_nouns = _set(w.get("facility_nouns"))
    lex.goods_nouns = _set(w.get("goods_nouns"))
    lex.penalty_words = _set(w.get("penalty_words"))
    lex.pairing_verbs = _set(w.get("pairing_verbs"))
    lex.patient_passive_verbs = _set(w.get("patient_passive_verbs"))
    lex.first_person = _set(w.get("first_person"))
    lex.speech_types = frozenset(t for t in w.get("speech_types", ()) if t in TYPES)
    st = dict(data.get("statements", {}))
    lex.statement_modes = dict(st.pop("modes", {}))
    lex.rebutted_nouns = _set(st.pop("rebutted", ()))
    for t, words in dict(st.pop("negated", {})).items():
        if t not in TYPES:
            raise ValueError(f"statements: unknown PLOVER type {t!r}")
        for word in words:
            lex.negated_statements.setdefault(fold(word), t)
    for t, words in st.items():
        if t not in TYPES:
            raise ValueError(f"statements: unknown PLOVER type {t!r}")
        for word in words:
            lex.statements.setdefault(fold(word), t)
    lex.pair_nouns = _set(w.get("pair_nouns"))
    lex.weapons = _set(w.get("weapons"))
    lex.sanction_words = _set(w.get("sanction_words"))
    lex.object_nouns = _set(w.get("object_nouns"))
    lex.endorsement_types = frozenset(w.get("endorsement_types", ()))
    rv = data.get("reversals", {})
    lex.reversal_heads = _set(rv.get("heads"))
    lex.reversal_type = rv.get("type", "CONCEDE")
    lex.type_modes = {t: {fold(k): v for k, v in m.items()} for t, m in data.get("modes", {}).items()}
    m = data.get("modality", {})
    for name in ("future_governors", "hypothetical_governors", "future_conditionals",
                 "future_modifiers", "hypothetical_modifiers", "condition_marks",
                 "negation_words", "negating_words", "negating_conjunctions", "ne_negations",
                 "reporting_verbs",
                 "planning_verbs"):
        setattr(lex, name, _set(m.get(name)))
    lex.future_stems = {fold(k): fold(v) for k, v in data.get("future_stems", {}).items()}
    for group in data.get("aliases", {}).get("groups", ()):
        names = frozenset(fold(n) for n in group)
        for n in names:
            lex.aliases[n] = names
    lex.ordinals = {fold(k): int(v) for k, v in data.get("ordinals", {}).items()}
    d = data.get("durations", {})
    lex.duration_numbers = {fold(k): int(v) for k, v in d.get("numbers", {}).items()}
    lex.duration_units = {fold(k): (v[0], v[1]) for k, v in d.get("units", {}).items()}
    return lex


_LEX: Lexicon | None = None


def lexicon() -> Lexicon:
    """The lexicon of ``data/fr/events.toml`` (built once per process)."""
    global _LEX
    if _LEX is None:
        _LEX = build(resources.load("events"))
    return _LEX
