"""From triggers to events: arguments, modality, date, place and proof.

``Reader(doc).read()`` reads the parse and returns the event mentions
(``Draft``), which ``merge`` then turns into one event per real-world event:

1. **triggers**: verbs, nouns and verb + object phrases of the lexicon
   (``data/fr/events.toml``) with their conditions (« se rendre » needs a
   place, « essai » a weapon…);
2. **filters**: words inside direct quotations, topics (« la possibilité d'une
   rencontre », « l'anniversaire de la rencontre ») and the content of calls,
   refusals and promises (« appeler à la libération de X » is a REQUEST, not a
   release) are not events of their own;
3. **arguments** after the trigger's frame: subject, object, passive agent,
   « entre X et Y », « avec », « contre », « à »; for an event noun, « de X »,
   « par X », and the subject of the verb that carries it (« X a donné sa
   démission »), each resolved to the article's actors;
4. **modality** (negation, condition, plan), **date** (the expression attached
   to the trigger, else the clause's, else the paragraph's), **place**,
   **source** (the quotation the event is reported in), attributes (duration,
   ordinal);
5. **statements**: a quotation whose words accuse, praise or threaten is an
   event of its speaker; event nouns of a series or a coordination share their
   participants (« un second test »).

Whatever is read from the other components goes through ``context``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ...model import Event, EventSource, Participant, Span
from . import context
from .lexicon import Lexicon, Trigger, fold, lexicon  # noqa: F401
from .syntax import (acl_root, agent_of, ancestors_within, complements, conjuncts, coordinated_verb, is_passive,
                     is_reflexive, looks_participle, mark_key, np_tokens, objects_of, prep_key,
                     subject_of)

VISIT_PREPS = frozenset(["a", "en", "chez", "aupres de", "dans", "vers"])
LOCATION_PREPS = frozenset(["a", "en", "dans"])
# the paths from an absorbing trigger down to its content
ABSORBING_DEPS = frozenset(["obj", "obl:arg", "xcomp", "ccomp", "nmod", "iobj", "mark", "case"])
# the path from an adjunct's verb up to the event word (« dans un communiqué
# publié dans la soirée »)
ADJUNCT_PATH = frozenset(["acl", "obl", "obl:mod", "nmod"])
# prepositions of a call's or refusal's content (« plaide pour une médiation »)
CONTENT_PREPS = frozenset(["pour", "a", "de", "contre"])
_ORDINAL = re.compile(r"^(\d+)(?:e|eme|ème|er|re)$")


@dataclass
class Draft:
    """An event being built (before merging)."""

    tok: Token
    trig: Trigger
    type: str
    mode: str | None
    actors: list[Participant] = field(default_factory=list)
    targets: list[Participant] = field(default_factory=list)
    location: str | None = None
    modality: str = "asserted"
    date: str | None = None
    date_rank: int = 9
    source: EventSource | None = None
    attributes: dict = field(default_factory=dict)
    anaphoric: bool = False
    visitors: bool = False  # actors are visitors, targets hosts
    absorbed: list["Draft"] = field(default_factory=list)
    support: Token | None = None
    headline: bool = False
    proof: Token | None = None  # the trigger of the mention chosen as evidence
    proof_rank: tuple = ()
    first: int = 0  # first token of the event's mentions (for ordering)
    pair_from: "Draft | None" = None  # « les deux hommes »: the event they come from
    host: "Draft | None" = None  # the event this mention was merged into
    merged: bool = False  # has another (non-weak) mention been merged into it
    cue: Token | None = None  # said in a quotation: the verb reporting it (its time is the event's)

    @property
    def start(self) -> int:
        return self.tok.idx

    def participants(self) -> list[Participant]:
        return self.actors + self.targets


# ------------------------------------------------------------- triggers

DEADLINE_RE = re.compile(r"(?:\bd'ici(?: a| au| aux)?|\bavant|\bau plus tard)"
                         r"(?:\s*(?:le|la|l'|les|fin|debut|de|d'|du))*\s*$")


def generic_object(v: Token) -> bool:
    """« soutenir tout ce qui améliore … »: a verb whose object is anything of a kind."""
    doc = v.doc
    return v.i + 2 < len(doc) and fold(doc[v.i + 1].text) in ("tout", "tous", "toute", "toutes") \
        and fold(doc[v.i + 2].text) in ("ce", "ceux", "celles", "qui", "que")


def gerund_clause(v: Token) -> bool:
    """A present participle set off by a comma (« …, accusant X de … »): a
    clause of its own, whatever the parser hung it on."""
    return v.pos_ == "VERB" and "Part" in v.morph.get("VerbForm") and "Pres" in v.morph.get("Tense") \
        and v.i > 0 and v.doc[v.i - 1].text == "," and v.dep_ in ("xcomp", "advcl", "acl", "conj")


def find_trigger(tok: Token, lex: Lexicon) -> Trigger | None:
    """The lexicon entry that makes this token a trigger, before conditions.
    (Cheap dictionary look-ups first: this runs on every token.)"""
    pos = tok.pos_
    if pos == "VERB":
        lemma = fold(tok.lemma_)
        noun = lex.noun(tok.text, tok.text)
        if noun is not None and any(c.dep_ == "det" for c in tok.children):
            # a noun tagged as a verb (« Cette quatrième rencontre », next to a typographic apostrophe)
            return noun
        if lemma in lex.phrase_verbs:
            for obj in objects_of(tok):
                t = lex.phrases.get((lemma, fold(obj.lemma_)))
                if t is not None:
                    return t
        t = lex.verbs.get(lemma)
        if t is None and not lemma.endswith(("er", "ir", "re")):
            # a lemma the lemmatizer got wrong (« réclame » for the verb « réclamer »)
            t = next((lex.verbs[x] for x in present_lemmas(tok.text) if x in lex.verbs), None)
        if t is not None:
            if t.reflexive is not None and t.reflexive != is_reflexive(tok):
                return None
            return t
        return None
    if pos in ("NOUN", "ADJ"):
        verbs = [lex.verbs[x] for x in participle_lemmas(tok.text) if x in lex.verbs]
        if verbs and any(c.dep_.startswith("aux") for c in tok.children):
            # a participle tagged as a noun (« se sont félicités »)
            for t in verbs:
                if t.reflexive is not True or is_reflexive(tok):
                    return t
            return None
    if pos == "NOUN" and not any(c.dep_ in ("det", "case", "cop") for c in tok.children) \
            and any(c.dep_ == "nsubj" for c in tok.children) \
            and any(c.dep_ in ("obj", "ccomp", "xcomp") for c in tok.children):
        # a verb tagged as a noun, with its subject and object (« La direction juge ces
        # revendications irréalistes »)
        for lemma in present_lemmas(tok.text):
            t = lex.verbs.get(lemma)
            if t is not None and not t.reflexive:
                return t
    if pos in ("NOUN", "PROPN") or (pos == "ADJ" and tok.dep_ in ("nsubj", "obj")):
        for key in compound_keys(tok)[1:]:
            t = lex.nouns.get(key)
            if t is not None:
                return t  # « droits de douane »
        return lex.noun(tok.lemma_, tok.text)
    return None


def compound_keys(tok: Token) -> list[str]:
    """The lemma of a noun, then the compounds it heads with a bare « de »
    complement (« droit de douane », « prise d'otage »)."""
    keys = [fold(tok.lemma_)]
    for c in tok.children:
        if c.dep_ == "nmod" and c.i > tok.i and c.pos_ == "NOUN" and prep_key(c) == "de" \
                and not any(g.dep_ in ("det", "nummod") for g in c.children):
            keys.append(f"{keys[0]} de {fold(c.lemma_)}")
    return keys


def verb_moods(v: Token) -> tuple[list[str], list[str]]:
    """The moods and tenses of a verb and its auxiliaries; a conditional the
    tagger took for an imperfect (« se rendrait », built on the infinitive) is
    a conditional."""
    moods, tenses = list(v.morph.get("Mood")), list(v.morph.get("Tense"))
    words = [v]
    for c in v.children:
        if c.dep_.startswith("aux"):
            moods += c.morph.get("Mood")
            tenses += c.morph.get("Tense")
            words.append(c)
    if "Cnd" not in moods and "Imp" in tenses:
        for w in words:
            form = fold(w.text)
            if form.endswith(("ait", "aient", "ais", "ions", "iez")) and any(
                    form.startswith(stem) and len(form) > len(stem) + 2 for stem in future_stems(w.lemma_)):
                moods.append("Cnd")
    return moods, tenses


def future_stems(lemma: str) -> list[str]:
    """The stems of the future and conditional of a verb (« rendr », « tiendr »)."""
    lemma = fold(lemma)
    stems = lexicon().future_stems
    out = [stems[lemma]] if lemma in stems else []
    for end, stem in stems.items():
        if end.startswith("-") and lemma.endswith(end[1:]):
            out.append(lemma[: -len(end) + 1] + stem)
    if not out and len(lemma) > 3:
        out.append(lemma[:-1] if lemma.endswith("re") else lemma)
    return out


def present_lemmas(text: str) -> list[str]:
    """Infinitives a present-tense form may come from (« juge » → « juger »)."""
    w = fold(text)
    out = []
    if w.endswith("ent"):
        out.append(w[:-3] + "er")
    if w.endswith("e"):
        out.append(w + "r")
    if w.endswith("t"):
        out += [w[:-1] + "tir", w[:-1] + "ir", w[:-1] + "re"]
    return out


def passive_participle(v: Token) -> bool:
    """A past participle without auxiliary (« soupçonnés de … », « accusés de … »)."""
    return "Part" in v.morph.get("VerbForm") and "Past" in v.morph.get("Tense") \
        and not any(c.dep_.startswith("aux") for c in v.children)


def agrees(a: Token, b: Token) -> bool:
    """Same gender and number, where both are marked."""
    for feat in ("Gender", "Number"):
        x, y = a.morph.get(feat), b.morph.get(feat)
        if x and y and x != y:
            return False
    return True


def participle_lemmas(text: str) -> list[str]:
    """Infinitives a past participle may come from (« félicités » → « feliciter »)."""
    w = fold(text)
    for end in ("ees", "es", "ee", "e", "is", "ie", "ies", "i", "us", "ue", "ues", "u", "s"):
        if w.endswith(end):
            stem = w[: -len(end)]
            return [stem + "er", stem + "ir", stem + "re", stem + "oir"]
    return []


class Reader:
    """Reads the events of one doc (one instance per doc)."""

    def __init__(self, doc: Doc, lex: Lexicon | None = None) -> None:
        self.doc = doc
        self.lex = lex or lexicon()
        self.timexes = context.timexes(doc)
        self.paragraphs = context.paragraphs(doc)
        self.headline_end = self.paragraphs[0][1] if self.paragraphs else 0
        self.triggers: dict[int, Trigger] = {}
        self.kept: set[int] = set()  # the triggers that met their conditions
        self.drafts: list[Draft] = []
        self.pair_source: Draft | None = None
        self.weapon_lemmas: set[str] = set()  # event words already used of weapons here
        self.actor_nouns = self.lex.actor_nouns | context.actor_words()

    # ------------------------------------------------------------ helpers

    def actor_like(self, p: Participant | None, head: Token) -> bool:
        """Is this participant someone who can act (person, group, state)?"""
        if p is None or not p.name:
            return False
        if all(w in self.lex.weapons for w in fold(p.name).split()):
            return False  # « SLBM », « Scud »: a weapon, not an actor
        if p.entity is not None:
            return True
        if head.pos_ == "PRON":
            # resolved by the actors component to someone (not just « cela »)
            return fold(p.name) != fold(head.text)
        nouns = self.actor_nouns
        key = fold(head.lemma_)
        if key in nouns or fold(head.text) in nouns:
            return True
        words = fold(p.name).split()
        return any(w in nouns for w in words[:2])

    def resolve(self, head: Token, actor: bool = True, inner: bool = False,
                agent: bool = False) -> list[Participant]:
        """The participants a noun phrase head (and its coordinated heads) stands
        for. In an agent position (subject, « par X », « de X » of an action) a
        plural description is taken as a group of people (« les armateurs »)."""
        out: list[Participant] = []
        for h in conjuncts(head):
            pair = self.pair(h)
            if pair:
                out.extend(pair)
                continue
            h = self.quantified(h)
            nominal = h.pos_ == "VERB" and any(c.dep_ == "det" for c in h.children)  # « l'opposant »
            if h.pos_ in ("VERB", "AUX", "ADV", "SCONJ", "CCONJ", "NUM") and not nominal:
                continue
            p = context.participant(self.doc, self.without_time(np_tokens(h), h), actor=actor)
            if p is not None and p.entity is None and fold(h.lemma_) in self.lex.unit_nouns:
                # « le commandement central d'Al-Qaida » acts for Al-Qaida
                found = self.inner_actor(h, actor)
                if found:
                    out.extend(found)
                    continue
            if self.actor_like(p, h):
                out.append(p)
            elif agent and self.plural_group(p, h):
                found = self.inner_actor(h, actor)
                out.extend(found or [p])
            elif inner:
                out.extend(self.inner_actor(h, actor))
        return dedupe(out)

    def without_time(self, toks: list[Token], head: Token) -> list[Token]:
        """A noun phrase cut before a time expression hung on it (« le Premier
        ministre indien vendredi »)."""
        out = []
        for t in toks:
            if t.i > head.i and any(x.start <= t.idx < x.end for x in self.timexes):
                break
            out.append(t)
        return out or toks

    def quantified(self, h: Token) -> Token:
        """« 22 des 27 gouvernements », « des centaines de manifestants », « une
        partie du groupe »: the noun counted, not the count."""
        for _ in range(2):
            if h.pos_ == "NUM" or h.like_num or fold(h.lemma_) in self.lex.quantity_nouns:
                inner = [c for p, c in complements(h) if (p == "de" or h.like_num)
                         and c.pos_ in ("NOUN", "PROPN")]
                if not inner:
                    break
                h = inner[0]
        return h

    def plural_group(self, p: Participant | None, h: Token) -> bool:
        """A plural description in an agent position: a group of people
        (« les armateurs »), unless it names things (weapons, links, units of time)."""
        if p is None or p.entity is not None or h.pos_ != "NOUN" or "Plur" not in h.morph.get("Number"):
            return False
        key = fold(h.lemma_)
        lex = self.lex
        if key in lex.object_nouns or key in lex.weapons or key in lex.duration_units:
            return False
        if lex.noun(h.lemma_, h.text) is not None:
            return False
        return not any(t.start <= h.idx < t.end for t in self.timexes)

    def inner_actor(self, head: Token, actor: bool, depth: int = 0) -> list[Participant]:
        """The actor inside a non-actor phrase: « les provocations de Pyongyang »,
        « la stratégie Romney », « l'hôpital de MSF », « un projet de résolution
        présenté par la France »."""
        for c in head.children:
            if c.dep_ in ("nmod", "flat:name", "appos") and c.i > head.i:
                p = prep_key(c)
                if p in (None, "de"):
                    found = self.resolve(c, actor=actor)
                    if not found and depth == 0 and c.dep_ == "nmod" and c.pos_ == "NOUN":
                        found = self.inner_actor(c, actor, depth + 1)
                    if found:
                        return found
        for c in head.children:
            # « un projet de résolution présenté par la France »
            if c.dep_ == "acl" and c.pos_ == "VERB" and c.i > head.i and is_passive(c):
                a = agent_of(c)
                if a is not None:
                    found = self.resolve(a, actor=actor)
                    if found:
                        return found
        return []

    def pair(self, head: Token) -> list[Participant]:
        """« les deux hommes »: the participants of the last two-sided event."""
        if fold(head.lemma_) not in self.lex.pair_nouns:
            return []
        if not any(c.dep_ == "nummod" and fold(c.text) in self.lex.pair_words for c in head.children):
            return []
        if not any(c.dep_ == "det" and ("Def" in c.morph.get("Definite") or "Dem" in c.morph.get("PronType"))
                   for c in head.children):
            return []  # « deux diplomates » are two more, « les deux diplomates » the two known
        key = fold(head.lemma_)
        places = key in self.lex.pair_places
        countries = key in self.lex.pair_countries
        types = {e.id: e.type for e in self.doc._.entities or []}
        for d in reversed(self.drafts):
            ps = [p for p in dedupe(d.participants()) if places or types.get(p.entity) != "LOC"]
            if len(ps) == 2 and d.tok.i < head.i:
                if countries:
                    # « les deux pays » after a meeting of two ministers: their countries
                    homes = [context.home_countries(self.doc, p, folded=False) for p in ps]
                    if all(len(h) == 1 for h in homes) and homes[0] != homes[1]:
                        ps = [self.country(next(iter(h))) for h in homes]
                        ps = [self.named_country(p) for p in ps]
                self.pair_source = d
                return ps
        return self.last_two(head, countries)

    def named_country(self, p: Participant) -> Participant:
        """A country as the article names it (« Sénégal », not « senegal »)."""
        if p.entity:
            return p
        for e in self.doc._.entities or []:
            if context.country_of_place(e.name) and fold(context.country_of_place(e.name)) == fold(p.name):
                return Participant(name=context.country_of_place(e.name), entity=None)
        return p

    def last_two(self, head: Token, countries: bool) -> list[Participant]:
        """« les deux pays », « les deux ministres » with no two-sided event
        before: the last two countries the article names, or the last two
        people named in the sentences just before."""
        doc = self.doc
        names = {e.id: e.name for e in doc._.entities or []}
        sents = [s for s in doc.sents if s.start <= head.i]
        floor = sents[-4].start_char if len(sents) >= 4 and not countries else 0
        found: list[Participant] = []
        for m in sorted(doc._.mentions or [], key=lambda m: -m.start):
            if m.start >= head.idx or m.start < floor or m.entity is None:
                continue
            if countries:
                c = context.country_of_place(names.get(m.entity, m.text))
                if m.label != "LOC" or not c:
                    continue
                p = self.named_country(self.country(c))
            else:
                if m.label != "PER":
                    continue
                p = Participant(name=names.get(m.entity, m.text), entity=m.entity)
            if not any(same(p, q) or fold(p.name) == fold(q.name) for q in found):
                found.append(p)
            if len(found) == 2:
                return found[::-1]
        return []

    # ------------------------------------------------------- conditions

    def has_prep(self, tok: Token, prep: str, extra: list[Token] = ()) -> bool:
        p = fold(prep)
        # « le contrat, passé avec la Chine »: the participle's complements count
        acls = [c for c in tok.children if c.dep_ == "acl" and c.pos_ == "VERB"
                or c.dep_ == "amod" and c.i > tok.i] if tok.pos_ == "NOUN" else []
        # (« des exercices conjoints avec X »: hung on the adjective)
        # « appeler les autorités à libérer X », « appeler chacun au calme »: the
        # parser often hangs the verb's « à » complement on its object
        objs = objects_of(tok) if tok.pos_ in ("VERB", "AUX") else []
        for o in objs:
            for k, c in complements(o):
                if c.i > o.i and (k == p or (k and k.split()[0] == p)):
                    return True
            for c in o.children:
                if c.dep_ == "acl" and c.i > o.i and mark_key(c) == p:
                    return True
        for t in [tok, *extra, *acls]:
            for k, _ in complements(t):
                if k == p or (k and k.split()[0] == p):
                    return True
            for c in t.children:
                if c.dep_ in ("xcomp", "ccomp", "advcl", "acl") and mark_key(c) == p:
                    return True
        return False

    def weapon_near(self, tok: Token) -> bool:
        """A weapon named in the phrase: a noun (« tir de missile »), or an
        adjective of the event word itself (« essai nucléaire »)."""
        w = self.lex.weapons
        for t in tok.subtree:
            if t.i == tok.i or not (fold(t.lemma_) in w or fold(t.text) in w):
                continue
            if t.dep_ in ("nsubj", "nsubj:pass") and t.head.i == tok.i:
                continue
            if t.pos_ in ("NOUN", "PROPN") or t.head.i == tok.i:
                return True
        return False

    def object_is_event(self, tok: Token) -> bool:
        heads = objects_of(tok) + [c for c in tok.children if c.dep_ in ("nsubj:pass",)]
        root = acl_root(tok)
        if root.dep_ == "acl" and is_passive(tok) and root.head.pos_ == "NOUN":
            heads.append(root.head)  # « la marche, interdite par le préfet »
        for o in heads:
            key = fold(o.lemma_)
            if key in self.lex.object_nouns or self.lex.noun(o.lemma_, o.text) is not None:
                return True
        if tok.pos_ == "NOUN":
            for p, c in complements(tok):
                if p == "de" and (fold(c.lemma_) in self.lex.object_nouns
                                  or self.lex.noun(c.lemma_, c.text) is not None):
                    return True
        return False

    def conditions_met(self, tok: Token, trig: Trigger) -> bool:
        """Does the word meet (any of) its entry's conditions here?"""
        if not trig.needs:
            return True
        return any(all(self.condition(tok, trig, n) for n in need.split("+")) for need in trig.needs)

    def object_heads(self, tok: Token, trig: Trigger) -> list[Token]:
        """The words for what undergoes the event: object, passive subject, the
        noun a participle describes, « de X » of a noun."""
        if trig.kind == "noun":
            return [c for p, c in complements(tok) if p == "de"]
        cands = objects_of(tok)
        if is_passive(tok):
            subj, _ = subject_of(tok)
            cands = cands + ([subj] if subj is not None else [])
            root = acl_root(tok)
            if root.dep_ == "acl" and root.head.pos_ in ("NOUN", "PROPN"):
                cands.append(root.head)
        if trig.frame == "meet" and is_reflexive(tok):
            subj, _ = subject_of(tok)
            cands = cands + ([subj] if subj is not None else [])
        return cands

    def condition(self, tok: Token, trig: Trigger, need: str) -> bool:
        if need == "object-actor":
            if any(self.resolve(c) for c in self.object_heads(tok, trig)):
                return True
            # « leur libération »
            return trig.kind == "noun" and any(
                c.dep_ == "det" and "Yes" in c.morph.get("Poss") and context.possessor(self.doc, c)
                for c in tok.children)
        if need == "object-person":
            for c in self.object_heads(tok, trig):
                m = context.mention_at(self.doc, c)
                if m is not None:
                    if m.label == "PER":
                        return True
                    continue
                if c.pos_ == "PRON" or (c.pos_ == "NOUN" and self.resolve(c)):
                    return True
            return False
        if need == "object-event":
            return self.object_is_event(tok)
        if need == "place":
            for p, c in complements(tok):
                if p in VISIT_PREPS and (context.mention_at(self.doc, c) is not None
                                         or c.pos_ == "PROPN" or self.resolve(c)):
                    return True
            return False
        if need == "weapon":
            # « un second test » after « un essai de missile »: still about weapons
            if self.weapon_near(tok) or fold(tok.lemma_) in self.weapon_lemmas:
                self.weapon_lemmas.add(fold(tok.lemma_))
                return True
            return False
        if need == "sanction":
            heads = objects_of(tok) + [c for _, c in complements(tok)] + [
                c for c in tok.children if c.dep_ == "nsubj:pass"]
            # « l'imposition par X de droits de douane »: hung on the agent
            heads += [g for h in list(heads) for p, g in complements(h) if p == "de" and g.i > h.i]
            return any(fold(h.text) in self.lex.sanction_words or
                       any(k in self.lex.sanction_words for k in compound_keys(h)) for h in heads)
        if need == "person":
            for p, c in complements(tok):
                if p == "de":
                    m = context.mention_at(self.doc, c)
                    if m is not None and m.label == "PER":
                        return True
            return False
        if need == "no-object":
            return not objects_of(tok)
        if need == "cue":
            return self.cue_quote(tok) is not None
        if need == "penalty":
            # « requis quatre ans de prison », « condamné à deux ans avec sursis »
            heads = objects_of(tok) + [c for p, c in complements(tok) if p == "a"]
            heads += [c for o in objects_of(tok) for c in o.children if c.dep_ in ("conj", "nmod")
                      and prep_key(c) == "a"]  # (« condamné X à trois ans », hung on X)
            return any(fold(self.quantified(h).lemma_) in self.lex.penalty_words
                       or fold(h.lemma_) in self.lex.penalty_words for h in heads)
        if need == "goods":
            return any(fold(self.quantified(h).lemma_) in self.lex.goods_nouns
                       for h in self.object_heads(tok, trig))
        if need == "troops":
            # « envoyer deux bataillons », « l'envoi de renforts »
            heads = self.object_heads(tok, trig)
            return any(fold(self.quantified(h).lemma_) in self.lex.force_nouns for h in heads)
        if need == "decision":
            # « a regretté le blocage / la décision de X »
            return any(fold(h.lemma_) in self.lex.decision_nouns for h in objects_of(tok))
        if need == "obligation":
            # « X doit libérer … » (not « doit être difficile », « devrait », « devait »)
            if "Ind" not in tok.morph.get("Mood") or "Pres" not in tok.morph.get("Tense"):
                return False
            acts = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                    and "Inf" in c.morph.get("VerbForm")]
            return any(fold(c.lemma_) not in self.lex.etre_verbs and fold(c.lemma_) not in (
                "avoir", "pouvoir", "savoir", "sembler", "paraitre", "durer", "couter", "arriver", "venir",
                "commencer", "debuter", "reprendre", "continuer", "finir", "terminer", "achever", "tenir",
                "derouler", "permettre", "aboutir", "intervenir", "avoir lieu")
                and not any(a.dep_.startswith("aux") for a in c.children) for c in acts)
        if need.startswith("compound:"):
            # « prolonger l'état d'urgence »
            want = fold(need[9:]).replace("d'", "de ")
            return any(want in compound_keys(h) for h in self.object_heads(tok, trig))
        if need == "uncounted":
            # « accueille plus de 500 000 réfugiés »: a population, not visitors
            heads = self.object_heads(tok, trig)
            # (and a counted plural however it hangs: « accueille plus de 500 000 Vénézuéliens »)
            heads += [g for c in tok.children for g in (c, *c.children)
                      if g.pos_ == "NOUN" and "Plur" in g.morph.get("Number")
                      and fold(g.lemma_) not in self.lex.duration_units and fold(g.lemma_) not in self.lex.time_nouns]
            return not any(h.pos_ == "NUM" or h.like_num or fold(h.lemma_) in self.lex.quantity_nouns
                           or any(c.dep_ in ("nummod", "det") and c.like_num for c in h.children)
                           for h in heads)
        if need == "no-civilians":
            return not any(fold(self.quantified(h).lemma_) in self.lex.civilian_nouns
                           for h in self.object_heads(tok, trig))
        if need == "envoy":
            heads = self.object_heads(tok, trig)
            if trig.kind == "noun":
                # « le rappel « pour consultations » de son ambassadeur »: the parser
                # may hang the « de » complement elsewhere
                heads += [t for t in tok.doc[tok.i + 1:min(tok.i + 8, tok.sent.end)]
                          if any(c.dep_ == "case" and fold(c.text) in ("de", "du", "d'") for c in t.children)
                          and not any(x.pos_ in ("VERB", "AUX") for x in tok.doc[tok.i + 1:t.i])]
            return any(fold(h.lemma_) in self.lex.envoy_nouns or any(k in self.lex.envoy_nouns for k in compound_keys(h))
                       for h in heads)
        if need.startswith("mod:"):
            return any(c.dep_ in ("amod", "advmod") and fold(c.lemma_) == fold(need[4:]) for c in tok.children)
        if need == "crowd":
            # « des centaines de manifestants se sont rassemblés »
            subj, _ = subject_of(tok)
            return subj is not None and (subj.pos_ == "NUM" or subj.like_num or any(
                c.dep_ == "nummod" for c in subj.children) or fold(subj.lemma_) in self.lex.quantity_nouns)
        if need == "opposed":
            # « des combats ont opposé l'armée aux rebelles »
            return tok.dep_ == "nsubj" and fold(tok.head.lemma_) in self.lex.pairing_verbs
        if need == "against-actor":
            return any(p == "contre" and self.resolve(c, inner=True) for p, c in complements(tok))
        if need == "clause":
            # « prévient que … », or the cue of a quotation (« « … », a prévenu X »)
            return any(c.dep_ == "ccomp" for c in tok.children) or self.cue_quote(tok) is not None
        if need == "clause-actor":
            # « regrette que le gouvernement … »: a clause about what an actor does
            return any(self.resolve(s) for s in self.clause_subjects(tok))
        if need == "blame":
            return self.blames(tok)
        if need.startswith("prep:"):
            return self.has_prep(tok, need[5:])
        if need.startswith("no-prep:"):
            return not self.has_prep(tok, need[8:], objects_of(tok))
        return True

    def speech_act(self, tok: Token, trig: Trigger, quotes) -> object | None:
        """The quotation in which this verb is something its speaker does by
        saying it: a statement type (call, accusation, praise, threat, refusal,
        promise) in the first person or impersonal (« il faut que »)."""
        if trig.kind == "noun" or trig.type not in self.lex.speech_types:
            return None
        q = next((q for q in quotes if q.start <= tok.idx < q.end), None)
        if q is None:
            return None
        subj, _ = subject_of(tok)
        if subj is None:
            if trig.quoted or tok.dep_ in ("ROOT", "parataxis", "conj", "ccomp", "xcomp"):
                return q
            return None
        if trig.quoted and trig.needs == ("obligation",):
            # « le régime doit libérer … »: the speaker demands it of the subject
            # (« nous devons … » is a resolve, « le sommet doit commencer » a schedule)
            if fold(subj.text) in self.lex.first_person or self.lex.noun(subj.lemma_, subj.text) is not None:
                return None
            if q.kind != "direct" or tok.dep_.startswith("acl") or "Rel" in subj.morph.get("PronType"):
                return None  # (« le gazoduc qui doit relier … », a plan reported)
            return q
        if fold(subj.text) in self.lex.first_person:
            if fold(subj.text) == "on" and any(
                    c.dep_ in ("obj", "iobj", "expl:comp", "obl:arg") and fold(c.text) in ("nous", "me", "m'")
                    for c in tok.children):
                return None  # « on nous demande de … »: others ask the speaker
            return q
        return None

    def quote_cue_token(self, q) -> Token | None:
        if q.cue_span is None:
            return None
        cs = self.doc.char_span(q.cue_span.start, q.cue_span.end, alignment_mode="expand")
        return cs[0] if cs is not None and len(cs) else None

    def cue_quote(self, tok: Token):
        """The quotation whose cue this word is, if any."""
        for q in context.quotes(self.doc):
            cs = q.cue_span
            if cs is not None and cs.start <= tok.idx < cs.end:
                return q
        return None

    @staticmethod
    def clause_subjects(tok: Token) -> list[Token]:
        out = []
        for c in tok.children:
            if c.dep_ == "ccomp":
                s2, passive = subject_of(c)
                if passive or any(g.dep_ == "cop" for g in c.children) and looks_participle(c):
                    continue  # « qu'il soit rééquilibré »: not his doing
                if s2 is not None:
                    out.append(s2)
        return out

    def blames(self, tok: Token) -> bool:
        """Does what the word reports blame someone: a word of blame (« un
        blocage incompréhensible », « qualifié d'illégales ») in its object,
        clause or predicate, or in the quotation it introduces, not negated?"""
        lex = self.lex
        words = []
        for c in tok.children:
            if c.dep_ in ("obj", "ccomp", "xcomp", "obl:arg", "obl", "obl:mod"):
                words += [t for t in c.subtree if not t.is_punct]
        q = self.cue_quote(tok)
        if q is not None:
            span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is not None:
                words += list(span)
        for t in words:
            if lex.statements.get(fold(t.lemma_), lex.statements.get(fold(t.text))) == "ACCUSE" \
                    and not self.negated_word(t):
                return True
        return False

    # ---------------------------------------------------------- filters

    def not_an_event(self, tok: Token, trig: Trigger) -> bool:
        """The word is part of a name or fixed phrase (« Forces de soutien
        rapide », « organisation de défense des droits »), a state (« des
        hommes armés »), a refusal to comment, or a threat from no one
        (« menacées de famine »)."""
        if self.in_name(tok):
            return True
        if trig.stative and tok.dep_ == "acl" and not any(
                c.dep_.startswith("aux") for c in tok.children) and agent_of(tok) is None:
            return True
        lex = self.lex
        content = objects_of(tok) + [c for c in tok.children if c.dep_ in ("obl:arg", "xcomp", "obl")]
        if trig.type == "REJECT" and any(fold(c.lemma_) in lex.declined for c in content):
            return True  # « s'est refusé à tout commentaire », « refuse de commenter »
        if trig.type == "THREATEN" and any(fold(c.lemma_) in lex.hazards for c in content):
            return True
        if trig.kind != "noun" and generic_object(tok):
            return True  # « nous soutenons tout ce qui … »: a stance in general, not an event
        return False

    def in_name(self, tok: Token) -> bool:
        """A word of a name (« les Forces de soutien rapide », « le Front de
        libération ») or of a fixed phrase (« organisation de défense »)."""
        m = context.mention_at(self.doc, tok)
        if m is not None and m.start < tok.idx and m.label in ("ORG", "PER", "LOC", "MISC"):
            return True
        if self.fixed_phrase(tok):
            return True
        h = tok.head
        return tok.dep_ == "nmod" and prep_key(tok) == "de" and h.i < tok.i and h.text[:1].isupper() \
            and h.i > h.sent.start and h.pos_ in ("NOUN", "PROPN") and not h.is_upper \
            and not any(c.dep_ in ("det", "nummod") for c in tok.children)

    def fixed_phrase(self, tok: Token) -> bool:
        """Is the word part of one of the fixed phrases of the lexicon?"""
        doc = self.doc
        keys = {fold(tok.text), fold(tok.lemma_)}
        for key in keys:
            for words in self.lex.fixed_phrases.get(key, ()):
                for k, w in enumerate(words):
                    if w not in keys:
                        continue
                    start = tok.i - k
                    if start < 0 or start + len(words) > len(doc):
                        continue
                    if all(words[j] in (fold(doc[start + j].text), fold(doc[start + j].lemma_))
                           for j in range(len(words))):
                        return True
        return False

    def governed_by_topic(self, tok: Token) -> bool:
        """« la possibilité d'une rencontre », « l'anniversaire de la rencontre »,
        « le droit de grève »: a topic or a kind, not a reported event."""
        cur = tok
        for _ in range(4):
            if cur.head.i == cur.i:
                return False
            if cur.dep_ in ("nmod", "acl", "xcomp", "obl", "obl:arg", "obl:mod", "nsubj") \
                    and cur.head.pos_ in ("NOUN", "PROPN"):
                key = fold(cur.head.lemma_)
                if key in self.lex.topic_nouns or key in self.lex.kind_nouns:
                    return True
                cur = cur.head
                continue
            if cur.dep_ in ("obj", "obl:arg") and cur.head.pos_ == "VERB" \
                    and fold(cur.head.lemma_) in self.lex.topic_verbs:
                return True  # « ils ont évoqué la reprise des négociations »
            if cur.dep_ in ("xcomp", "acl") and cur.head.pos_ == "VERB":
                cur = cur.head
                continue
            # « la possibilité de reprendre les négociations »
            if cur.dep_ == "obj" and cur.head.pos_ == "VERB" and cur.head.dep_ in ("acl", "xcomp") \
                    and cur.head.head.pos_ in ("NOUN", "PROPN"):
                cur = cur.head
                continue
            return False
        return False

    def describes_event(self, v: Token) -> bool:
        """« un assassinat organisé par X et approuvé par Y »: a participle
        describing an event noun adds to that event, it is not one itself."""
        cur = v
        while cur.dep_ == "conj" and cur.head.i != cur.i and cur.head.pos_ == "VERB":
            cur = cur.head
        # (not one that agrees with another noun: « des sanctions contre douze
        # responsables, accusés de … » are the responsables accused)
        return cur.dep_ == "acl" and cur.head.i in self.triggers and is_passive(cur) \
            and agrees(cur, cur.head)

    def nominal_event(self, tok: Token, trig: Trigger) -> bool:
        """Is this event noun used for an event here? Not when it describes a
        person (« X, soutien de Y »); a noun for the people who act
        (« des manifestants ») only as the subject of its clause."""
        if tok.dep_ == "appos":
            return False  # « X, soutien de Y », « le mémorandum, accord entre … »
        doc = tok.doc
        if tok.i >= 2 and doc[tok.i - 1].text in ("-", "‑") and not doc[tok.i - 2].whitespace_ \
                and not doc[tok.i - 1].whitespace_ and fold(doc[tok.i - 2].text) in ("libre",):
            return False  # « un accord de libre-échange »: a kind of trade, no exchange
        if trig.type == "AGREE" and prep_key(tok) == "contre" and tok.head.i in self.triggers:
            return False  # « manifester contre l'accord »: the agreement is what is opposed
        if "Plur" in tok.morph.get("Number") and any(
                c.dep_ == "amod" and fold(c.lemma_) in self.lex.habitual_modifiers for c in tok.children):
            return False  # « le théâtre d'attaques régulières »: a habit, not an event
        if trig.frame == "self":
            top = tok
            while top.dep_ == "nmod" and top.head.i != top.i and top.head.pos_ in ("NOUN", "NUM", "PRON"):
                top = top.head
            if top.dep_ not in ("nsubj", "ROOT"):
                return False
            if top.head.i in self.triggers and top.head.i != tok.i:
                return False
        return True

    # ------------------------------------------------------- arguments

    def support_verb(self, tok: Token) -> Token | None:
        """The verb that carries an event noun (« X a donné sa démission »,
        « X annonce la rupture », « les accusations ont été formulées par X »)."""
        h = tok.head
        if h.i == tok.i or h.pos_ not in ("VERB", "AUX"):
            return None
        if tok.dep_ not in ("obj", "obl:arg", "obl", "obl:mod", "nsubj:pass", "nsubj"):
            return None
        key = fold(h.lemma_)
        if key in self.lex.support_verbs or key in self.lex.announce_verbs or self.patient_support(h):
            if tok.dep_ == "nsubj" and key not in self.lex.occurrence_verbs:
                return None
            return h
        return None

    def patient_support(self, sv: Token) -> bool:
        """« X subit des frappes », « X fait face à une offensive »."""
        key = fold(sv.lemma_)
        if key in self.lex.patient_support_verbs:
            return True
        return any(f"{key} {fold(o.text)}" in self.lex.patient_support_verbs for o in objects_of(sv))

    def verb_arguments(self, d: Draft) -> None:
        tok, trig = d.tok, d.trig
        passive = is_passive(tok)
        subj, _ = subject_of(tok)
        agent = agent_of(tok) if passive else None
        objs = objects_of(tok)
        root = acl_root(tok)
        if root.dep_ == "acl" and passive and root.head.pos_ in ("NOUN", "PROPN"):
            objs = objs + [self.described_noun(root)]  # « une coalition soutenue par X »: the noun undergoes it
            subj = None
        elif root.dep_ == "advcl" and passive_participle(root) and root.head.pos_ == "VERB":
            # « la police a arrêté trois hommes, soupçonnés de … »: the participle
            # set apart describes the noun it agrees with
            noun = self.described_noun(root)
            if noun.pos_ in ("NOUN", "PROPN") and noun.i != root.head.i:
                objs = objs + [noun]
                subj, passive = None, True
        comps = complements(tok)
        # « livrer des missiles à l'Ukraine »: the parser often hangs the
        # recipient on the object
        for o in objects_of(tok):
            comps += [(p, c) for p, c in complements(o) if p and (p in trig.to or p == "contre")]
        # « menace d'activer des sanctions contre X »: whom the content is against
        comps += [(p, c) for x in tok.children if x.dep_ == "xcomp" for y in [x, *objects_of(x)]
                  for p, c in complements(y) if p == "contre"]
        # a verb + noun phrase (« faire pression sur X »): the complements of the noun too
        if trig.kind == "phrase":
            for o in objects_of(tok):
                comps += complements(o)
            if not trig.objects:
                objs = []  # (« faire pression sur X », but « convoquer l'ambassadeur »)
        subject_parts = self.resolve(subj, agent=True) if subj is not None else []
        if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.dep_ in ("nsubj", "ROOT") \
                and subj is not None and subj.i > tok.head.i \
                and any(t.dep_ == "cc" for t in self.doc[tok.head.i + 1:subj.i]):
            # « L'armée et les rebelles ont accepté »: the first subject parsed as
            # the head of the verb
            subject_parts = dedupe(self.resolve(tok.head, agent=True) + subject_parts)
        agent_parts = self.resolve(agent, agent=True) if agent is not None else []
        obj_parts: list[Participant] = []
        if trig.objects:
            for o in objs:
                obj_parts += self.resolve(o, inner=trig.frame == "directed")
        if passive and subj is not None and root.dep_ != "acl":
            obj_parts = (self.resolve(subj, inner=trig.frame == "directed") if trig.objects else []) \
                + obj_parts
            subject_parts = []
        if agent_parts:
            subject_parts = agent_parts + subject_parts
        if trig.implicit_agent and not subject_parts and root.dep_ in ("acl", "advcl") and passive:
            # « l'UE a sanctionné douze responsables, accusés de … »: the accuser is
            # the one who acts on them
            cur = root.head if root.dep_ == "acl" else root
            for _ in range(4):
                if cur.head.i == cur.i:
                    break
                cur = cur.head
                if cur.pos_ == "VERB":
                    s2, p2 = subject_of(cur)
                    if s2 is not None and not p2:
                        subject_parts = self.resolve(s2, agent=True)
                    elif p2 and agent_of(cur) is not None:
                        # « douze responsables, accusés de …, ont été sanctionnés par l'UE »
                        subject_parts = self.resolve(agent_of(cur), agent=True)
                    break
        if trig.forces and not subject_parts:
            # « 800 policiers ont été mobilisés »: the forces themselves
            heads = objs + ([subj] if passive and subj is not None else [])
            subject_parts = [p for h in heads for p in self.resolve(h, agent=True)]
        # the content of a demand or threat names whom it is addressed to:
        # « exige que les provocations de Pyongyang cessent »
        clause_target = trig.clause_target if trig.clause_target is not None else \
            d.type in ("REQUEST", "THREATEN")
        if not obj_parts and clause_target:
            for c in tok.children:
                if c.dep_ == "ccomp":
                    s2, _ = subject_of(c)
                    if s2 is not None:
                        obj_parts = self.resolve(s2, inner=True)
                    break
        # a reporting verb after its quotation: « … », dénonce le président
        # (the quotation's speaker, resolved by the quotation component, is the
        # verb's subject: « le chef de mission de MSF, qui considère que … »)
        speaker = self.cue_speaker(tok)
        if speaker is not None and not passive:
            obj_parts = [p for p in obj_parts if not same(p, speaker)]
            if subj is None or subj.i > tok.i or not subject_parts or acl_root(tok).dep_ == "acl:relcl" \
                    or (not any(p.entity for p in subject_parts) and self.speaker_in(tok, subj)):
                # (« Le ministre …, Paul Roux, a estimé »: the name the quotation
                # found in the subject)
                subject_parts = [speaker]
        self.assign(d, subject_parts, obj_parts, comps)

    def speaker_in(self, tok: Token, subj: Token) -> bool:
        """Did the quotation this verb introduces find its speaker's name within
        the verb's subject (an apposition: « le ministre, Paul Roux, … »)?"""
        q = self.cue_quote(tok)
        if q is None or q.speaker_span is None:
            return False
        sub = list(subj.subtree)
        a, b = sub[0].idx, sub[-1].idx + len(sub[-1].text)
        return a <= q.speaker_span.start and q.speaker_span.end <= b

    @staticmethod
    def described_noun(part: Token) -> Token:
        """The noun a participle set apart describes: the nearest noun before it
        that agrees with it in gender and number (the parser often hangs it on
        another: « des sanctions contre douze responsables, accusés de … »)."""
        h = part.head
        if agrees(part, h) or not (part.morph.get("Gender") or part.morph.get("Number")):
            return h
        cands = [t for t in part.doc[h.sent.start:part.i] if t.pos_ in ("NOUN", "PROPN")
                 and t.dep_ not in ("obl:mod",)]
        for t in reversed(cands):
            if agrees(part, t) and (part.morph.get("Gender") or part.morph.get("Number")):
                if t.i == h.i or h.pos_ == "VERB" or t.i in {x.i for x in h.subtree}:
                    return t
        return h

    def cue_speaker(self, tok: Token) -> Participant | None:
        """The speaker of the quotation this verb reports, if it is its cue."""
        for q in context.quotes(self.doc):
            cs = q.cue_span
            if cs is not None and cs.start <= tok.idx < cs.end and q.speaker_name:
                return Participant(name=q.speaker_name, entity=q.speaker)
        return None

    def during_subject(self, tok: Token, visit: bool = False) -> Token | None:
        """« X a parlé lors de sa visite », « au cours d'un voyage »: the event
        noun in a time frame of a verb has that verb's subject."""
        h = tok.head
        lex = self.lex
        if h.i == tok.i:
            return None
        if fold(h.lemma_) in lex.during_words and h.pos_ in ("ADV", "NOUN"):
            h = h.head
        elif not (tok.dep_.startswith("obl") and ((prep_key(tok) or "") in lex.during_words
                                                  or (visit and prep_key(tok) == "pour"))):
            return None  # (« X est arrivé à Rome pour une visite »: X's visit)
        if h.pos_ != "VERB" or (self.reporting(h) and not visit):
            return None  # « a déclaré X à l'issue de la rencontre »: X reports it (but
            # « X a rappelé au cours d'un voyage » is X's voyage)
        s, passive = subject_of(h)
        return None if passive else s

    def noun_arguments(self, d: Draft) -> None:
        tok, trig = d.tok, d.trig
        comps = complements(tok)
        # « une grève lancée à l'appel de la CGT »: who called it acts
        acls = [a for a in tok.children if a.dep_ == "acl" and a.pos_ == "VERB"]
        acls += [a for n in tok.children if n.dep_ == "nmod" for a in n.children
                 if a.dep_ == "acl" and a.pos_ == "VERB" and agrees(a, tok)]
        for c in [tok] + acls:
            for p, g in complements(c):
                if p == "a" and fold(g.lemma_) in self.lex.caller_nouns:
                    comps += [("par", x) for p2, x in complements(g) if p2 == "de"]
        # « des exercices conjoints avec l'armée lettone »: hung on the adjective
        comps += [(p, g) for c in tok.children if c.dep_ == "amod" and c.i > tok.i
                  for p, g in complements(c) if p in ("avec", "entre", "contre")]
        subject_parts: list[Participant] = []
        obj_parts: list[Participant] = []
        if trig.frame == "self":
            subject_parts = self.resolve(tok)
        for p, c in comps:
            if p == "de" and self.bare(c):
                continue  # « une visite d'État », « un accord de paix »: a kind, not a participant
            if p == "de" and trig.frame != "visit" and self.town(c):
                # « les attentats de Bruxelles »: where, not who
                d.location = d.location or context.describe(self.without_time(np_tokens(c), c))
                continue
            if p == "de":
                parts = self.resolve(c, inner=True, agent=trig.de == "actor")
                if d.type == "ASSAULT" and fold(c.lemma_) in self.lex.facility_nouns:
                    obj_parts.extend(parts)  # « l'attaque d'un camp militaire »: what is hit
                elif trig.de == "person":
                    m = context.mention_at(self.doc, c)
                    person = (m is not None and m.label == "PER") or c.pos_ == "PRON"
                    (subject_parts if person else obj_parts).extend(parts)
                elif trig.de == "target" and trig.frame != "visit":
                    obj_parts += parts
                elif trig.de != "none":
                    subject_parts += parts
            elif p is None and c.dep_ == "nmod" and c.pos_ == "PROPN":
                subject_parts += self.resolve(c)
        # « des combats ont opposé l'armée aux rebelles »
        if tok.dep_ == "nsubj" and fold(tok.head.lemma_) in self.lex.pairing_verbs:
            sides = [c for p, c in complements(tok.head) if p == "a"]
            for o in objects_of(tok.head):
                # (« opposé l'armée aux rebelles »: the parser hangs the second side on the first)
                inner = [c for c in o.children if c.dep_ == "nmod" and prep_key(c) == "a"]
                sides += inner
                skip = {t.i for c in inner for t in c.subtree}
                toks = [t for t in np_tokens(o) if t.i not in skip]
                p = context.participant(self.doc, toks)
                if self.actor_like(p, o):
                    subject_parts.append(p)
            for h in sides:
                subject_parts += self.resolve(h, agent=True)
        # « X est visée par une enquête du parquet »: X undergoes it
        if (tok.dep_ == "obl:agent" or prep_key(tok) == "par") and is_passive(tok.head) \
                and fold(tok.head.lemma_) in self.lex.patient_passive_verbs:
            s2, _ = subject_of(tok.head)
            if s2 is not None:
                obj_parts += self.resolve(s2)
        # « Rencontre Poutine – Witkoff », « sommet UE-Chine »
        for c in tok.children:
            if c.dep_ in ("flat:name", "appos", "compound") and c.pos_ == "PROPN" and c.i > tok.i:
                subject_parts += self.resolve(c)
        # adjectives of nationality: « les frappes russes »
        for c in tok.children:
            if c.dep_ == "amod":
                country = context.country_of_demonym(c.lemma_) or context.country_of_demonym(c.text)
                if country:
                    subject_parts.append(self.country(country))
        # a participle with its agent: « un assassinat organisé par le FSB »,
        # « l'accord négocié entre X et Y »
        for c in tok.children:
            if c.dep_ == "acl" and c.pos_ == "VERB":
                for v in [c] + [g for g in c.children if g.dep_ == "conj" and g.pos_ == "VERB"]:
                    a = agent_of(v)
                    if a is not None:
                        subject_parts += self.resolve(a)
                comps = comps + [(p, g) for p, g in complements(c) if p in ("entre", "avec")]
            # a predicate noun (« X est en grève »), or a verb tagged as a noun
            if c.dep_ == "nsubj" or (c.dep_ == "expl:subj" and tok.dep_ == "ROOT"):
                subject_parts += self.resolve(c)
        # « la visite du président iranien en France »: the destination hung on the visitor
        if trig.frame == "visit":
            for p, c in list(comps):
                if p == "de":
                    comps = comps + [(p2, g) for p2, g in complements(c)
                                     if p2 in VISIT_PREPS and self.is_place(g)]
        # « le début des pourparlers entre X et Y »: the parser often hangs
        # « entre X et Y » on a word above the meeting noun
        if trig.frame == "meet" and not any(p in ("entre", "avec") for p, _ in comps):
            comps = comps + self.stray_between(tok)
        # the verb that carries the noun lends its subject
        sv = self.support_verb(tok)
        d.support = sv
        if sv is not None:
            announce = fold(sv.lemma_) in self.lex.announce_verbs
            s, spass = subject_of(sv)
            parts = []
            if is_passive(sv) and tok.dep_ == "nsubj:pass":
                a = agent_of(sv)
                parts = self.resolve(a) if a is not None and not announce else []
                spass = False
            elif s is not None and s.i != tok.i and tok.dep_ != "nsubj":
                parts = self.resolve(s)
            if announce and (subject_parts or (trig.frame == "meet" and any(
                    p in ("entre", "avec") for p, _ in comps))):
                parts = []
            if self.patient_support(sv) and not spass:
                obj_parts = parts + obj_parts
            elif not subject_parts or (trig.frame == "meet" and not announce):
                subject_parts = subject_parts + parts
            comps = comps + [(p, c) for p, c in complements(sv) if c.i != tok.i and (
                p == "contre" or p in trig.to or (trig.frame == "meet" and p in ("avec", "entre")))]
        if not subject_parts and sv is None and trig.mode != "multilateral":
            # (« en marge du sommet, X s'est entretenu avec Y »: not X's summit)
            s = self.during_subject(tok, visit=trig.frame == "visit")
            if s is not None:
                subject_parts = self.resolve(s)
        # « leur libération est intervenue mardi »: the possessive is the « de X »
        # (when nothing else names the participant)
        if not any(p == "de" for p, _ in comps) and trig.de != "none":
            for c in tok.children:
                if c.dep_ == "det" and "Yes" in c.morph.get("Poss") and c.i < tok.i:
                    target = trig.de == "target"
                    if (obj_parts if target else subject_parts):
                        break
                    owner = context.possessor(self.doc, c)
                    if owner is not None:
                        (obj_parts if target else subject_parts).append(owner)
        if trig.forces and not subject_parts:
            # « le déploiement de 300 soldats français »: the forces themselves
            subject_parts = [p for pr, c in complements(tok) if pr == "de" for p in self.resolve(c, agent=True)]
        self.assign(d, subject_parts, obj_parts, comps)

    def stray_between(self, tok: Token) -> list[tuple[str, Token]]:
        """An « entre X et Y » complement right after a meeting noun but
        attached to one of its heads."""
        heads = {a.i for a in ancestors_within(tok, stop_deps=("ccomp", "parataxis", "advcl", "acl:relcl"))}
        sent = tok.sent
        for t in sent:
            if t.i <= tok.i or t.i - tok.i > 12:
                continue
            if t.dep_ == "case" and fold(t.text) == "entre" and t.head.i > tok.i:
                h = t.head
                if h.head.i in heads or h.head.i == tok.i:
                    return [("entre", h)]
            if t.dep_ == "case" and fold(t.text) == "avec" and t.head.i > tok.i \
                    and tok.dep_ in ("nsubj", "nsubj:pass") and t.head.head.i == tok.head.i:
                return [("avec", t.head)]  # « une réunion est prévue lundi avec X »
        return []

    @staticmethod
    def bare(c: Token) -> bool:
        """A common noun after a bare « de » (« d'État », « de paix »), without
        article (« du », « des » carry one) or number."""
        if c.pos_ != "NOUN" or "Plur" in c.morph.get("Number"):
            return False  # « de chefs d'État » is a plural « des »
        if any(g.dep_ in ("det", "nummod") for g in c.children):
            return False
        return all(fold(g.text) in ("de", "d'") for g in c.children if g.dep_ == "case")

    def town(self, c: Token) -> bool:
        m = context.mention_at(self.doc, c)
        return m is not None and m.label == "LOC" and context.is_city(m.text) is True

    def country(self, name: str) -> Participant:
        for e in self.doc._.entities or []:
            if fold(e.name) == fold(name):
                return Participant(name=e.name, entity=e.id)
        return Participant(name=name, entity=None)

    def assign(self, d: Draft, subject_parts, obj_parts, comps) -> None:
        trig = d.trig
        with_parts, between, against, to_parts, dests = [], [], [], [], []
        for p, c in comps:
            if p is None:
                continue
            if fold(c.lemma_) in self.lex.target_prep_nouns and p in ("en", "a"):
                # « en direction de X », « à l'encontre de X »
                for p2, c2 in complements(c):
                    if p2 == "de":
                        against += self.resolve(c2, inner=True)
                continue
            if p == "avec":
                with_parts += self.resolve(c)
            elif p == "entre":
                between += self.resolve(c)
            elif p == "contre":
                against += self.resolve(c, inner=True)
            elif p == "par" and c.dep_ != "obl:agent" and trig.kind == "noun":
                subject_parts = subject_parts + self.resolve(c, agent=True)
            elif p in trig.to or (p and p.split()[0] in trig.to and p.split()[0] != "de"):
                to_parts += self.resolve(c, actor=True, inner=True)
            elif p == "de" and "de" in trig.to and trig.kind != "noun":
                to_parts += self.resolve(c, inner=True)
            if trig.frame == "visit" and p in VISIT_PREPS:
                dests.append(c)
        if trig.frame == "meet":
            d.actors = dedupe(subject_parts + obj_parts + with_parts + between)
            d.targets = dedupe(against + to_parts)
        elif trig.frame == "experiencer":
            # « X, excédé par Y »: who feels it acts, the cause is the target
            d.actors = dedupe(obj_parts)
            d.targets = dedupe(subject_parts + against + to_parts)
        elif trig.frame == "receive":
            d.actors = dedupe(obj_parts + with_parts)
            d.targets = dedupe(subject_parts + to_parts)
            d.visitors = True
        elif trig.frame == "visit":
            d.actors = dedupe(subject_parts + between)
            hosts = list(obj_parts) + with_parts
            for c in dests:
                m = context.mention_at(self.doc, c)
                if m is not None and m.label == "LOC":
                    d.location = d.location or context.describe(self.without_time(np_tokens(c), c))
                    hosts += self.resolve(c, actor=False)
                else:
                    hosts += self.resolve(c, actor=True)
            d.targets = dedupe(hosts + to_parts + against)
            d.visitors = True
        else:
            # « critiquer le rapprochement entre X et Y »: X and Y undergo it
            d.actors = dedupe(subject_parts or between)
            d.targets = dedupe(obj_parts + against + to_parts + with_parts + (between if subject_parts else []))
        d.targets = [t for t in d.targets if not any(same(t, a) for a in d.actors)]

    # --------------------------------------------------------- modality

    def predicate_chain(self, d: Draft) -> list[Token]:
        """The verbs whose tense, mood and negation tell the event's modality."""
        start = d.support if d.support is not None else d.tok
        if start.pos_ not in ("VERB", "AUX") or (d.support is None and d.trig.kind == "noun"):
            return []
        chain = [start]
        cur = start
        # (« se rendra à Nairobi pour rencontrer X »: a purpose is as real as the
        # move made for it)
        while (cur.dep_ == "xcomp" or cur.dep_ == "advcl" and mark_key(cur) == "pour"
               and "Inf" in cur.morph.get("VerbForm")) and cur.head.i != cur.i and len(chain) < 5:
            cur = cur.head
            chain.append(cur)
        return chain

    def modality(self, d: Draft) -> str:
        lex = self.lex
        chain = self.predicate_chain(d)
        negated = hypothetical = future = False
        for v in chain:
            for c in v.children:
                if self.negation(c):
                    negated = True
                # « n'a ni confirmé ni démenti »; « sans appeler à … »
                if c.dep_ == "cc" and fold(c.text) in lex.negating_conjunctions:
                    negated = True
                if c.dep_ == "mark" and fold(c.text) in lex.negating_words:
                    negated = True
            # « n'aurait aucun intérêt à démissionner », « n'a rien signé »
            if any(fold(c.text) in ("ne", "n'") for c in v.children) and any(
                    fold(c.text) in lex.negating_words or any(
                        g.dep_ == "det" and fold(g.text) in lex.negating_words for g in c.children)
                    for c in v.children if c.dep_ in ("obj", "nsubj", "obl", "obl:arg")):
                negated = True
        if d.trig.kind == "noun":
            for c in d.tok.children:
                if c.dep_ in ("det", "case") and fold(c.text) in lex.negating_words:
                    negated = True
                key, low = fold(c.lemma_), fold(c.text)
                if c.dep_ in ("amod", "acl", "advmod"):
                    if key in lex.future_modifiers or low in lex.future_modifiers:
                        future = True
                    if key in lex.hypothetical_modifiers or low in lex.hypothetical_modifiers:
                        hypothetical = True
            if d.tok.dep_ in ("obl", "obl:arg", "nmod") and fold(d.tok.head.lemma_) in lex.negating_words:
                negated = True
        for k, v in enumerate(chain):
            moods, tenses = verb_moods(v)
            for c in v.children:
                if c.dep_ == "mark" and fold(c.text) in lex.condition_marks:
                    hypothetical = True
            lemma = fold(v.lemma_)
            if k > 0 and chain[k - 1].dep_ == "xcomp":
                # « annonce avoir tiré »: a perfect infinitive is past
                perfect = any(c.dep_ == "aux:tense" for c in chain[k - 1].children)
                if lemma in lex.future_governors and not perfect:
                    future = True
                if lemma in lex.hypothetical_governors:
                    hypothetical = True
            if "Fut" in tenses:
                future = True
            if "Cnd" in moods:
                purpose = k > 0 and chain[k - 1].dep_ == "advcl"
                if lemma in lex.future_conditionals or ((k == 0 or purpose) and self.future_in_past(chain[-1])):
                    future = True
                elif k == 0 or lemma not in lex.future_governors:
                    hypothetical = True
        if d.trig.kind == "noun" and d.support is None:
            f, h = self.noun_frame_modality(d.tok)
            future, hypothetical = future or f, hypothetical or h
        top_verb = chain[-1] if chain else None
        if top_verb is not None and top_verb.dep_ in ("acl", "xcomp") and top_verb.head.pos_ == "NOUN":
            # « n'aurait aucun intérêt à démissionner », « l'intention d'attaquer »
            noun = top_verb.head
            if any(c.dep_ == "det" and fold(c.text) in lex.negating_words for c in noun.children):
                negated = True
            f, h = self.noun_frame_modality(noun)
            future, hypothetical = future or f, hypothetical or h
        top = chain[-1] if chain else d.tok
        if top.dep_ == "advcl" and any(c.dep_ == "mark" and fold(c.text) in lex.condition_marks
                                       for c in top.children):
            hypothetical = True
        if top.dep_ == "ccomp" and fold(top.head.lemma_) in lex.hypothetical_governors:
            hypothetical = True
        if negated:
            return "negated"
        if hypothetical:
            return "hypothetical"
        if future:
            return "future"
        return "asserted"

    def noun_frame_modality(self, tok: Token) -> tuple[bool, bool]:
        """« le contrat devrait être signé lors de la visite », « est envisagée
        l'organisation d'un sommet », « craignent que … créent une censure »:
        (future, hypothetical) from the verb an event noun depends on."""
        lex = self.lex
        cur = tok
        while cur.dep_ == "nmod" and cur.head.i != cur.i and cur.head.pos_ in ("NOUN", "PROPN", "ADV"):
            cur = cur.head
        if cur.head.pos_ == "ADV" and cur.head.head.pos_ == "VERB":  # « lors de »
            cur = cur.head
        v = cur.head
        if v.i == cur.i or v.pos_ != "VERB" or not cur.dep_.startswith(("nsubj", "obj", "obl", "advmod")):
            return False, False
        future = hypothetical = False
        if fold(v.lemma_) in lex.planning_verbs:
            future = True
        chain = [v]
        while chain[-1].dep_ == "xcomp" and len(chain) < 4:
            chain.append(chain[-1].head)
        for k, x in enumerate(chain):
            moods, tenses = verb_moods(x)
            key = fold(x.lemma_)
            if "Fut" in tenses or (k > 0 and key in lex.future_governors):
                future = True
            if "Cnd" in moods:
                if key in lex.future_conditionals or (k == 0 and self.future_in_past(chain[-1])):
                    future = True
                else:
                    hypothetical = True
            if k > 0 and key in lex.hypothetical_governors:
                hypothetical = True
        top = chain[-1]
        if top.dep_ == "ccomp" and fold(top.head.lemma_) in lex.hypothetical_governors:
            hypothetical = True
        return future, hypothetical

    def future_in_past(self, top: Token) -> bool:
        """« ils ont convenu que X continueraient »: a conditional reported after
        a past reporting verb is a future in the past."""
        if top.dep_ != "ccomp":
            return False
        head = top.head
        if fold(head.lemma_) not in self.lex.reporting_verbs:
            return False
        tenses = list(head.morph.get("Tense"))
        for c in head.children:
            if c.dep_.startswith("aux"):
                tenses += c.morph.get("Tense")
        return bool(set(tenses) & {"Past", "Imp"}) or "Part" in head.morph.get("VerbForm")

    # ------------------------------------------------------ date, place

    def own_predicates(self, d: Draft) -> set[int]:
        """Tokens whose time is the event's time: the trigger, the verb carrying
        it, its governing verbs (« devrait annoncer »), and participles or
        relative clauses telling when it happens (« prévue le 27 »)."""
        ids = {d.tok.i}
        if d.support is not None:
            ids.add(d.support.i)
        if d.cue is not None:
            ids.add(d.cue.i)
        for v in self.predicate_chain(d):
            ids.add(v.i)
        if d.tok.dep_ == "conj" and d.tok.pos_ == "VERB":
            # « a jugé mercredi que « … » et réclamé … »: a participle sharing the
            # auxiliary of a verb above shares its time
            partner = coordinated_verb(d.tok)
            if partner.i != d.tok.head.i:
                ids.add(partner.i)
        for c in d.tok.children:
            if c.dep_ in ("acl", "acl:relcl") and c.pos_ == "VERB":
                key = fold(c.lemma_)
                # (« les frappes qui ont visé dimanche un marché »: what the event did)
                does = d.trig.kind == "noun" and any(
                    g.dep_ == "nsubj" and "Rel" in g.morph.get("PronType") for g in c.children)
                if c.dep_ == "acl" or key in self.lex.occurrence_verbs or does:
                    ids.add(c.i)
        if d.trig.kind == "noun" and d.tok.dep_ == "nmod":
            # « des séquences du test, effectué en décembre »: a participle hung on
            # the noun above that agrees with the event noun, not with that noun
            h = d.tok.head
            for a in h.children:
                if a.dep_ == "acl" and a.pos_ == "VERB" and a.i > d.tok.i and is_passive(a) \
                        and agrees(a, d.tok) and not agrees(a, h):
                    ids.add(a.i)
        if d.trig.kind == "noun":
            # « le test de X, effectué en décembre »: the participle may hang on a complement
            for c in d.tok.children:
                if c.dep_ == "nmod":
                    for g in [c, *(x for x in c.children if x.dep_ == "nmod")]:
                        for a in g.children:
                            if a.dep_ == "acl" and a.pos_ == "VERB" and is_passive(a) \
                                    and a.i not in self.kept:
                                ids.add(a.i)
        if d.tok.dep_ in ("nsubj", "nsubj:pass") and fold(d.tok.head.lemma_) in self.lex.occurrence_verbs:
            ids.add(d.tok.head.i)
        if d.trig.kind == "noun" and d.support is None:
            v = self.frame_verb(d.tok)
            if v is not None:
                ids.add(v.i)
        return ids

    def frame_verb(self, tok: Token) -> Token | None:
        """The verb that frames an event noun in time or plans it: « signé lors
        de la visite », « est envisagée l'organisation d'un sommet »."""
        cur = tok
        while cur.dep_ == "nmod" and cur.head.i != cur.i and cur.head.pos_ in ("NOUN", "PROPN"):
            cur = cur.head
        h = cur.head
        if h.pos_ in ("ADV", "NOUN") and fold(h.lemma_) in self.lex.during_words and h.head.pos_ == "VERB":
            return h.head
        if h.pos_ == "VERB" and h.i != cur.i:
            if fold(h.lemma_) in self.lex.planning_verbs:
                return h
            if cur.dep_.startswith("obl") and (prep_key(cur) or "") in self.lex.during_words:
                return h
        return None

    def anchors(self) -> list[tuple[object, int | None, int]]:
        """(timex, anchor token id, root token id) for every timex."""
        out = []
        doc = self.doc
        for t in self.timexes:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            ids = {x.i for x in span}
            root = span.root
            cur = root
            anchor = None
            for _ in range(8):
                if cur.head.i == cur.i:
                    break
                cur = cur.head
                if cur.i in ids:
                    continue
                if cur.pos_ == "VERB" or cur.i in self.triggers:
                    anchor = cur.i
                    break
            out.append((t, anchor, root.i))
        return out

    def date(self, d: Draft, anchors) -> None:
        """The expression attached to the trigger (or to the verb carrying or
        planning it), else one set for the clause it is part of (not across a
        reporting verb: « a affirmé l'ONU lundi » dates the statement), else the
        date opening its paragraph; never the publication date by default."""
        own = self.own_predicates(d)
        base = d.support if d.support is not None else d.tok
        # the clause's date, not across a relative clause (« d'après MSF, qui a
        # accusé … ») nor into what came before or after it (« à la suite d'une
        # médiation », « après l'attaque »)
        above = {a.i for a in ancestors_within(base, stop_deps=("ccomp", "parataxis", "acl:relcl"))} - own
        if d.trig.kind == "noun" and d.support is None and (
                (prep_key(d.tok) or "").split(" ")[-1] in self.lex.sequence_preps
                or fold(d.tok.head.lemma_) in self.lex.sequence_preps and d.tok.dep_ == "nmod"):
            above = set()
        sent = d.tok.sent
        best = None
        for t, anchor, root in anchors:
            if not (sent.start_char <= t.start < sent.end_char):
                continue
            value = context.timex_date(t)
            if value is None or fold(t.text) in self.lex.range_openers:
                continue  # (« d'ici à la fin du mois »: the end of the range, not « ici »)
            if self.deadline(t) and (d.modality != "future" or not (anchor in own or root in own)):
                continue  # « s'est engagé à agir d'ici à la fin du mois »: a deadline of what is to come
            if anchor in own or root in own:
                rank = 0
            elif d.modality != "future" and anchor in above and not self.reports_over(self.doc[anchor], d.tok):
                rank = 1
            elif anchor is not None and self.adjunct_of(self.doc[anchor], base):
                rank = 1  # « a démenti, dans un communiqué publié dans la soirée, … »
            else:
                continue
            dist = abs(t.start - d.tok.idx)
            if best is None or (rank, dist) < (best[0], best[1]):
                best = (rank, dist, value, t)
        if best is not None:
            # « samedi et dimanche »: an event over coordinated days is dated by the first
            chosen = best[3]
            text = self.doc.text
            for t, anchor, root in anchors:
                value = context.timex_date(t)
                if not value or value >= best[2] or len(value) != len(best[2]) or t.end > chosen.start:
                    continue
                if fold(text[t.end:chosen.start].strip()) in ("et", ","):
                    best = (best[0], best[1], value, t)
        if best is None:
            best = self.relative_time(d)
        if best is None and d.modality != "future":
            best = self.paragraph_date(d, anchors)
        if best is not None:
            d.date, d.date_rank = best[2], best[0]

    def deadline(self, t) -> bool:
        """« d'ici à la mi-octobre », « avant l'été », « au plus tard le 3 mai »:
        a time limit for something to come, not when anything happened."""
        before = fold(self.doc.text[max(0, t.start - 20):t.start]).replace("’", "'")
        return bool(DEADLINE_RE.search(before))

    def adjunct_of(self, tok: Token, base: Token) -> bool:
        """Is ``tok`` in an adjunct of ``base`` (« dans un communiqué publié
        dans la soirée »), not in its content nor in another event?"""
        cur = tok
        for _ in range(4):
            if cur.i in self.kept or cur.dep_ not in ADJUNCT_PATH or cur.head.i == cur.i:
                return False
            cur = cur.head
            if cur.i == base.i:
                return True
        return False

    def relative_time(self, d: Draft):
        """« en mai 2015, date à laquelle X a procédé à un essai », « le jour
        où … »: an event inside a relative clause on a time is at that time."""
        cur = d.tok
        for _ in range(10):
            if cur.head.i == cur.i:
                return None
            if cur.dep_ == "acl:relcl":
                h = cur.head
                for t in (h, h.head):
                    for x in self.timexes:
                        if x.start <= t.idx < x.end and context.timex_date(x):
                            return (1, 0, context.timex_date(x))
                    if fold(t.lemma_) not in self.lex.time_nouns:
                        break
                return None
            cur = cur.head
        return None

    def reporting(self, v: Token) -> bool:
        """A verb that reports speech (« affirmer », « indiquer », a quotation's cue)."""
        return self.reports_over(v)

    def reports_over(self, v: Token, tok: Token | None = None) -> bool:
        """Does the reporting verb ``v`` report what ``tok`` tells (anything, when
        ``tok`` is None)? A quotation's cue does only for the words of its
        quotation (« réunis samedi pour le sommet, ils se sont engagés à … »: the
        summit is no part of the pledge); another reporting verb does for
        everything below it."""
        if fold(v.lemma_) in self.lex.reporting_verbs:
            return True
        return any(q.cue_span is not None and q.cue_span.start <= v.idx < q.cue_span.end
                   and (tok is None or q.start <= tok.idx < q.end) for q in context.quotes(self.doc))

    def paragraph_date(self, d: Draft, anchors):
        """The paragraph's date: the time its first sentence sets for what
        follows (« Le 28 juillet, X annonce … Il remercie … »), used only when
        the event's own sentence gives no date at all."""
        sent = d.tok.sent
        if any(sent.start_char <= t.start < sent.end_char and context.timex_date(t)
               for t in self.timexes):
            return None
        para = context.paragraph_of(self.paragraphs, d.tok.idx)
        if para is None:
            return None
        first = self.doc.char_span(para[0], para[1], alignment_mode="expand")
        if first is None:
            return None
        first_sent = next(iter(first.sents), None)
        if first_sent is None or first_sent.start_char >= sent.start_char:
            return None
        # a frame-setting date opens the paragraph (« Le 28 juillet, … », a dateline)
        opening = [t for t in first_sent if not t.is_punct and not t.is_space][:4]
        if not opening:
            return None
        limit = opening[-1].idx + len(opening[-1].text)
        for t in self.timexes:
            if first_sent.start_char <= t.start < limit and context.timex_date(t):
                return (2, 0, context.timex_date(t))

        return None

    def is_place(self, c: Token) -> bool:
        """A place name, or a part of one (« le nord de la Syrie »)."""
        m = context.mention_at(self.doc, c)
        if m is not None:
            return m.label == "LOC"
        if c.pos_ == "NOUN":
            for p, g in complements(c):
                m = context.mention_at(self.doc, g)
                if p == "de" and m is not None and m.label == "LOC":
                    return True
        return False

    def place(self, d: Draft) -> None:
        """Where it happened: « à Moscou », « en Syrie », « dans le nord de la
        Syrie », attached to the trigger or to the verb telling it happened."""
        if d.location:
            return
        heads = [d.tok] + [x for x in (d.support,) if x is not None]
        heads += [c for c in d.tok.children if c.dep_ == "acl:relcl"
                  and fold(c.lemma_) in self.lex.occurrence_verbs]
        if d.tok.dep_ in ("nsubj", "nsubj:pass") and fold(d.tok.head.lemma_) in self.lex.occurrence_verbs:
            heads.append(d.tok.head)
        # « vendredi à Moscou »: a place hung on the date
        heads += [c for h in list(heads) for c in h.children
                  if any(t.start <= c.idx < t.end for t in self.timexes)]
        for h in heads:
            for p, c in complements(h):
                if p not in LOCATION_PREPS:
                    continue
                if not self.is_place(c):
                    continue
                parts = self.resolve(c, actor=False)
                if any(same(q, x) for q in d.participants() for x in parts):
                    continue
                d.location = context.describe(self.without_time(np_tokens(c), c))
                return

    # ------------------------------------------------------- attributes

    def attributes(self, d: Draft, anchors) -> None:
        tok = d.tok
        for c in tok.children:
            if c.dep_ in ("amod", "nummod", "advmod", "det") and c.i < tok.i:
                low = fold(c.text)
                n = self.lex.ordinals.get(low)
                if n is None:
                    m = _ORDINAL.match(low)
                    n = int(m.group(1)) if m else None
                if n:
                    d.attributes["ordinal"] = n
        for t, anchor, root in anchors:
            if t.type == "DURATION" and "X" not in (t.value or "X") and (anchor == tok.i or root == tok.i
                                         or self.doc[root].head.i == tok.i):
                d.attributes["duration"] = t.value
                break
        else:
            if tok.pos_ == "NOUN":
                for p, c in complements(tok):
                    unit = self.lex.duration_units.get(fold(c.lemma_))
                    if p == "de" and unit:
                        for n in c.children:
                            if n.dep_ == "nummod":
                                val = self.lex.duration_numbers.get(fold(n.text))
                                if val is None and n.text.isdigit():
                                    val = int(n.text)
                                if val:
                                    d.attributes["duration"] = f"{unit[0]}{val}{unit[1]}"

    def source(self, d: Draft) -> None:
        q = context.quote_at(self.doc, d.tok.idx, d.tok.idx + len(d.tok.text))
        if q is None or not q.speaker_name:
            return
        d.source = EventSource(name=q.speaker_name, entity=q.speaker, quote=q.id)

    # ------------------------------------------------------------- run

    def candidates(self) -> list[tuple[Token, Trigger]]:
        out = []
        for tok in self.doc:
            trig = find_trigger(tok, self.lex)
            if trig is None:
                continue
            self.triggers[tok.i] = trig
            out.append((tok, trig))
        return out

    def read(self) -> list[Draft]:
        doc = self.doc
        cands = self.candidates()
        quotes = [q for q in context.quotes(doc) if q.speaker_name]
        direct = [(q.start, q.end) for q in context.quotes(doc) if q.kind == "direct"]
        said: dict[int, object] = {}  # trigger → the quotation whose speaker does it
        keep: list[tuple[Token, Trigger]] = []
        for tok, trig in cands:
            inside = any(a <= tok.idx < b for a, b in direct)
            if inside or trig.quoted:
                # in a quotation, only what the speaker does by saying it
                # (« nous condamnons », « je veux remercier », « il faut que »)
                q = self.speech_act(tok, trig, quotes)
                if q is None:
                    continue
                said[tok.i] = q
            if not self.conditions_met(tok, trig):
                continue
            if self.not_an_event(tok, trig):
                continue
            if self.governed_by_topic(tok):
                continue
            if trig.kind == "noun" and not self.nominal_event(tok, trig):
                continue
            if trig.kind != "noun" and self.describes_event(tok):
                continue
            keep.append((tok, trig))
        self.kept = {tok.i for tok, _ in keep}
        # the content of calls, promises, refusals is not an event of its own
        absorbers = {tok.i: trig for tok, trig in keep if trig.absorbs}
        absorbed_by: dict[int, int] = {}
        for tok, trig in keep:
            cur = tok
            for _ in range(6):
                if cur.head.i == cur.i:
                    break
                if gerund_clause(cur):
                    break  # « a menacé de quitter X, accusant Y de … »: an act of its own
                if cur.dep_ not in ABSORBING_DEPS and not (
                        cur.dep_ == "acl" and "Inf" in cur.morph.get("VerbForm") and mark_key(cur)) \
                        and not (cur.dep_ == "obl" and prep_key(cur) in CONTENT_PREPS):
                    break  # an adjunct (« lors de la visite ») is not the content
                    # (but « appeler X à libérer Y »: an infinitive hung on the object is)
                cur = cur.head
                if cur.i in absorbers:
                    absorbed_by[tok.i] = cur.i
                    break
        anchors = self.anchors()
        by_tok: dict[int, Draft] = {}
        for tok, trig in keep:
            d = Draft(tok=tok, trig=trig, type=trig.type, mode=trig.mode)
            d.headline = tok.idx < self.headline_end
            self.pair_source = None
            if trig.kind != "noun":
                self.verb_arguments(d)
                if tok.i in said:
                    q = said[tok.i]
                    speaker = Participant(name=q.speaker_name, entity=q.speaker)
                    if trig.quoted and trig.needs == ("obligation",):
                        # « le régime de Minsk doit libérer … »: demanded of the subject
                        subj, _ = subject_of(tok)
                        d.targets = self.resolve(subj) if subj is not None else []
                    d.actors = [speaker]
                    d.targets = [t for t in d.targets if not same(t, speaker)]
                    d.cue = self.quote_cue_token(q)
            else:
                self.noun_arguments(d)
                d.anaphoric = any(c.dep_ == "det" and ("Dem" in c.morph.get("PronType")
                                                       or "Def" in c.morph.get("Definite"))
                                  for c in tok.children) and not self.in_series(tok)
                # (« le prochain sommet » is another one)
            d.modality = self.modality(d)
            if trig.negative:
                # « n'a pas exclu des mesures de réciprocité » threatens them
                if d.modality != "negated":
                    continue
                d.modality = "asserted"
            if tok.i in said and d.modality == "future" and not any(
                    "Fut" in v.morph.get("Tense") or any("Fut" in c.morph.get("Tense") for c in v.children)
                    for v in [tok, *self.predicate_chain(d)]):
                d.modality = "asserted"  # « je veux remercier … » thanks
            self.refine(d)
            self.date(d, anchors)
            d.pair_from = self.pair_source
            self.place(d)
            self.attributes(d, anchors)
            self.source(d)
            by_tok[tok.i] = d
            if tok.i not in absorbed_by and self.complete(d):
                self.drafts.append(d)
        for i, host in absorbed_by.items():
            if host in by_tok and i in by_tok:
                by_tok[host].absorbed.append(by_tok[i])
        # « la Chine a condamné les frappes américaines »: whoever did the event
        # that is condemned, praised or rejected is the target
        for d in self.drafts:
            if d.trig.kind != "noun" and not d.targets and d.type in ("ACCUSE", "SUPPORT", "REJECT"):
                for o in objects_of(d.tok):
                    inner = by_tok.get(o.i)
                    if inner is not None and inner.actors:
                        d.targets = [a for a in inner.actors if not any(same(a, x) for x in d.actors)]
            # « l'UE a suspendu son aide au Niger »: who loses it is the target
            if d.trig.kind != "noun" and not d.targets and d.type == "SANCTION":
                for o in objects_of(d.tok):
                    inner = by_tok.get(o.i)
                    if inner is not None:
                        d.targets = [t for t in inner.targets if not any(same(t, x) for x in d.actors)]
        for d in self.drafts:
            self.content(d)
        self.series()
        self.statements(anchors)
        return self.drafts

    def series(self) -> None:
        """Event nouns without participants of their own that continue an
        earlier one: coordinated with it (« le test de X, effectué en décembre,
        et un test effectué en 2014 ») or one of a series (« un second test »,
        « un nouvel essai »): they have its participants (their own date may
        still keep them apart)."""
        lex = self.lex
        by_i = {d.tok.i: d for d in self.drafts}
        for k, d in enumerate(self.drafts):
            if d.participants() or d.trig.kind != "noun":
                continue
            src = None
            for other in (d.tok.head, *d.tok.children):
                o = by_i.get(other.i)
                if o is not None and o.type == d.type and o.participants() and (
                        d.tok.dep_ == "conj" or other.dep_ == "conj"):
                    src = o
            if src is None and ("ordinal" in d.attributes or self.in_series(d.tok)):
                # (« le prochain sommet » after « le sommet de l'UA »: the same word will do)
                before = [o for o in reversed(self.drafts[:k]) if o.participants()]
                src = next((o for o in before if o.trig.lemma == d.trig.lemma),
                           next((o for o in before if o.type == d.type), None))
            if src is None and not d.anaphoric:
                # « des séquences du test de X et d'un test effectué en 2014 »
                src = next((o for o in self.drafts if o.type == d.type and o.participants()
                            and o.trig.kind == "noun" and o.tok.sent.start == d.tok.sent.start), None)
            if src is not None:
                d.actors, d.targets = list(src.actors), list(src.targets)

    def in_series(self, tok: Token) -> bool:
        """« un nouvel essai », « le prochain sommet »: one more of a series."""
        return any(c.dep_ == "amod" and fold(c.lemma_) in self.lex.series_words for c in tok.children)

    def statements(self, anchors) -> None:
        """A quotation whose words accuse, praise or threaten is an event of
        its speaker (« “une immense victoire” », « il s'agit de “violations
        flagrantes” »), unless an event of that type by that speaker is
        already told in the sentence."""
        lex = self.lex
        if not lex.statements:
            return
        doc = self.doc
        triggers = {d.tok.i for d in self.drafts}
        for q in context.quotes(doc):
            if not q.speaker_name:
                continue
            cue = self.quote_cue_token(q)
            if cue is not None and cue.i in triggers:
                continue  # « a dénoncé « une provocation » »: the cue says what it is
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None:
                continue
            found = None
            for t in span:
                typ = lex.statements.get(fold(t.lemma_)) or lex.statements.get(fold(t.text))
                if typ and q.kind != "direct" and (is_passive(t) or any(c.dep_ == "aux:pass" for c in t.children)):
                    continue  # « selon des sources locales, la trêve a été violée »: a report of what happened
                if typ and not self.negated_word(t, t.dep_ != "amod") and not self.in_name(t) \
                        and not generic_object(t):
                    # (« nous n'accepterons jamais une politique honteuse » still calls it so)
                    found = (self.rebuttal(t, typ), t)
                    break
                typ = lex.negated_statements.get(fold(t.lemma_)) or lex.negated_statements.get(fold(t.text))
                if typ and self.negated_word(t) and not self.in_name(t):
                    found = (typ, t)  # « il n'est plus acceptable que … »
                    break
            if found is None:
                continue
            typ, t = found
            speaker = Participant(name=q.speaker_name, entity=q.speaker)
            if any(d.type == typ and d.tok.sent.start == t.sent.start for d in self.drafts):
                continue
            trig = Trigger(lemma=fold(t.lemma_), kind="statement", type=typ)
            d = Draft(tok=t, trig=trig, type=typ, mode=lex.statement_modes.get(typ))
            d.actors = [speaker]
            d.headline = t.idx < self.headline_end
            cue = None
            if q.cue_span is not None:
                cs = doc.char_span(q.cue_span.start, q.cue_span.end, alignment_mode="expand")
                cue = cs[0] if cs is not None and len(cs) else None
            d.support = cue
            self.date(d, anchors)
            d.source = None
            self.drafts.append(d)

    def rebuttal(self, t: Token, typ: str) -> str:
        """« ces accusations sont absurdes »: a blame word said of an accusation
        rejects it."""
        if typ != "ACCUSE":
            return typ
        pred = t if t.pos_ in ("ADJ", "NOUN") else None
        if pred is None:
            return typ
        subjects = [c for c in pred.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if pred.dep_ in ("amod", "conj") and pred.head.pos_ in ("ADJ", "NOUN"):
            subjects += [c for c in pred.head.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if any(fold(s.lemma_) in self.lex.rebutted_nouns or fold(s.text).rstrip("s") in self.lex.rebutted_nouns
               for s in subjects):
            return "REJECT"
        return typ

    def negation(self, c: Token) -> bool:
        """A negation adverb on its verb: « pas », « jamais »… (« pas », « plus »,
        « point », « guère » only with « ne »: « un premier pas », « plus de »)."""
        if c.dep_ != "advmod" or fold(c.text) not in self.lex.negation_words:
            return False
        if any(g.dep_ in ("det", "amod", "nummod") for g in c.children):
            return False  # « un premier pas »: a noun
        if fold(c.text) in self.lex.ne_negations:
            return any(fold(s.lemma_) == "ne" or fold(s.text) in ("ne", "n'")
                       for s in c.head.children if s.i != c.i)
        return True

    def negated_word(self, t: Token, climb: bool = True) -> bool:
        cur = t
        for _ in range(3 if climb else 1):
            if any(self.negation(c) for c in cur.children):
                return True
            if cur.head.i == cur.i:
                break
            cur = cur.head
        return False

    def complete(self, d: Draft) -> bool:
        """A meeting verb needs two sides, or a named body meeting as a whole
        (« le Conseil de sécurité s'est réuni »); « ses partisans se sont
        réunis » is not a meeting between political actors."""
        if d.trig.frame == "meet" and d.type in ("CONSULT", "AGREE") and d.trig.kind != "noun":
            parts = d.participants()
            return len(parts) >= 2 or any(p.entity for p in parts) or self.members_of_body(d)
        if d.trig.frame == "visit" and not d.actors:
            return False  # a visit to a place by no one told
        if d.trig.speaker and not d.actors:
            return False  # « X est considéré comme … »: the article's own words
        if not d.actors and d.targets and all(
                not t.entity and fold(t.name).split()[-1].rstrip("s") in self.lex.generic_people
                for t in d.targets):
            return False  # « 17 personnes ont été tuées »: no political actor told
        return True

    def members_of_body(self, d: Draft) -> bool:
        """« les ministres de la Défense de l'OTAN se réuniront »: members of a
        named body (a plural subject of office with a name under it) meet as it."""
        subj, _ = subject_of(d.tok)
        if subj is None or subj.pos_ != "NOUN" or "Plur" not in subj.morph.get("Number") \
                or fold(subj.lemma_) not in self.lex.member_nouns:
            return False
        return any(t.pos_ == "PROPN" and t.i > subj.i for t in subj.subtree)

    def refine(self, d: Draft) -> None:
        """Type and mode adjustments that depend on the arguments and modality."""
        lex = self.lex
        tok = d.tok
        if d.trig.kind == "noun" and tok.dep_ == "nmod" and fold(tok.head.lemma_) in lex.reversal_heads:
            d.type, d.mode = lex.reversal_type, None
        if d.trig.types:
            types = dict(d.trig.types)
            near = list(tok.children) + [g for c in tok.children if c.dep_ in ("obj", "nsubj:pass")
                                         for g in c.children]
            near += [t for t in tok.doc[max(tok.sent.start, tok.i - 3):tok.i]]
            # (and what it governs just after it, however it hangs: « a promis mardi
            # des mesures de rétorsion »)
            near += [t for t in tok.subtree if tok.i < t.i <= tok.i + 6 and t.pos_ == "NOUN"]
            if tok.dep_ == "acl":
                near += list(tok.head.children)
            for t in near:
                typ = types.get(fold(t.lemma_)) or types.get(fold(t.text))
                if typ:
                    d.type, d.mode = typ, None
                    break
        if d.trig.proposal_type and any(fold(o.lemma_) in lex.proposal_nouns for o in objects_of(tok)):
            # « juge ces revendications irréalistes »: rejecting a demand
            d.type, d.mode = d.trig.proposal_type, None
        if d.trig.penalty and self.condition(tok, d.trig, "penalty"):
            # « condamné à trois ans de prison »: a conviction, not a criticism
            d.type, d.mode = d.trig.penalty
        if d.trig.untargeted and not d.targets:
            d.type, d.mode = d.trig.untargeted
        # a meeting or signing to come, or that may come (« se rendra », « une
        # réunion pourrait se tenir »), is an intention: AGREE (but « aurait
        # rencontré », a past told with reserve, stays a meeting)
        perfect = any(c.dep_ == "aux:tense" for v in [tok, *self.predicate_chain(d)] for c in v.children)
        if d.modality == "future" or (d.modality == "hypothetical" and not perfect):
            if d.trig.future_type:
                d.type = d.trig.future_type
            elif d.type == "CONSULT":
                d.type, d.mode = "AGREE", None
        modes = dict(d.trig.modes)
        modes.update({k: v for k, v in lex.type_modes.get(d.type, {}).items() if k not in modes})
        if modes:
            for t in list(tok.children) + ([tok.head] if tok.head.i != tok.i else []):
                m = modes.get(fold(t.lemma_)) or modes.get(fold(t.text))
                if m and t.i != tok.i:
                    d.mode = m
                    break

    def content(self, d: Draft) -> None:
        """What a call asks for: the mode of a REQUEST; an endorsement."""
        if d.type != "REQUEST" or not d.absorbed:
            return
        inner = d.absorbed[0]
        if inner.type in self.lex.endorsement_types and inner.targets:
            d.type, d.mode = inner.type, inner.mode
            d.targets = dedupe(d.targets + inner.targets)
            return
        if d.mode is None:
            d.mode = {"CONSULT": "meet", "AGREE": "meet", "AID": "assist", "RETREAT": "yield",
                      "CONCEDE": "yield"}.get(inner.type, "change")


# --------------------------------------------------------------- helpers

def same(a: Participant, b: Participant) -> bool:
    """Two participants name the same actor."""
    if a.entity and b.entity:
        return a.entity == b.entity
    fa, fb = fold(a.name), fold(b.name)
    return fa == fb


def dedupe(parts: list[Participant]) -> list[Participant]:
    out: list[Participant] = []
    for p in parts:
        if p is not None and p.name and not any(same(p, q) for q in out):
            out.append(p)
    return out


def evidence(d: Draft) -> Span:
    sent = (d.proof or d.tok).sent
    toks = [t for t in sent if not t.is_space]
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return Span(start, end, sent.doc[toks[0].i:toks[-1].i + 1].text)


def to_event(d: Draft, eid: str) -> Event:
    tok = d.proof or d.tok
    return Event(
        id=eid, type=d.type, mode=d.mode, actors=list(d.actors), targets=list(d.targets),
        date=d.date, location=d.location, modality=d.modality, evidence=evidence(d),
        source=d.source, trigger=Span(tok.idx, tok.idx + len(tok.text), tok.text),
        attributes=dict(d.attributes),
    )
