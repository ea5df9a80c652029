"""In-article actors: mentions grouped into entities, roles, and reference.

The component ``pourparlers_actors`` turns the named-entity mentions of the
doc into ``Mention`` objects and groups those that name the same actor into one
``Entity``, named by the fullest form the article gives:

- short and long names: « Poutine » → « Vladimir Poutine », « B. Obama » →
  « Barack Obama »; two people who share a surname (« Barack Obama »,
  « Michelle Obama ») stay apart, and a bare « Obama » goes to the one last named;
- acronyms and their expansions: « UE » → « Union européenne », « Parti
  socialiste (PASOK) »;
- titles and roles found next to a name (apposition before or after it, title
  before it: « le conseiller …, Iouri Ouchakov », « Abbas Akhoundi, le ministre
  iranien des Transports », « le premier ministre Robert Fico ») go to the
  entity's ``roles``; role descriptions used alone (« le conseiller
  présidentiel », « le chef d'État russe ») are resolved to the entity holding
  a matching role.

It also builds a small per-doc index (``Doc._.actor_index``) behind the public
API used by the quotation and event components:

- ``resolve_span(doc, span)`` → the ``Entity`` a noun phrase, name, role
  description or pronoun stands for (or ``None``);
- ``refer(doc, span)`` → a ``Referent``: the entity, or the readable
  description of an unnamed actor (« médias russes »), with the words naming it;
- ``participant(doc, span)`` → an event ``Participant`` (entity or description);
- ``note_speaker(doc, token, referent)``: lets a later pronoun (« selon lui »,
  « a-t-il ajouté ») find the last speaker;
- ``ensure_entity(doc, start, end, type)``: an entity for a name the NER missed.

Titles, roles, demonyms and capitals are data: ``data/fr/roles.toml``.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import resources
from ..model import Entity, Mention, Participant
from .base import Component
from .extensions import register

register()
if not Doc.has_extension("actor_index"):
    Doc.set_extension("actor_index", default=None)

LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}
TYPE_PRIORITY = {"PER": 3, "ORG": 2, "LOC": 1, "MISC": 0}
SUBJECT_DEPS = ("nsubj", "nsubj:pass")
NAME_PARTICLES = frozenset("de du des le la el al ben bin ibn van von der den da di dos das del".split())
DE_WORDS = frozenset(["de", "du", "des", "d'"])
# prepositions inside a description (« représentante de l'UE pour les affaires étrangères »)
LINK_PREPOSITIONS = frozenset(["de", "du", "des", "d'", "pour", "a", "au", "aux", "en", "sur", "chez", "contre"])
CLAUSE_BREAK_DEPS = frozenset(["acl:relcl", "acl", "advcl", "parataxis", "ccomp", "xcomp", "csubj"])


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case, no accents, typographic apostrophes made plain."""
    text = text.replace("’", "'").replace("\u00a0", " ").lower()
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class _Lexicon:
    """The role/title resources, folded for lookup."""

    def __init__(self) -> None:
        r = resources.load("roles")
        q = resources.load("quotes")
        self.person_roles = {fold(x) for x in r["person_roles"]}
        self.org_nouns = {fold(x) for x in r["org_nouns"]}
        self.org_units = {fold(x) for x in r["org_units"]}
        self.temporal = {fold(x) for x in r["temporal_modifiers"]}
        self.honorifics = {fold(x) for x in r["honorifics"]}
        self.side_nouns = {fold(x) for x in r.get("side_nouns", [])}
        self.person_nouns = {fold(x) for x in r.get("person_nouns", [])}
        self.org_kind: dict[str, set[int]] = {}
        for i, group in enumerate(r.get("org_kinds", [])):
            for word in group:
                self.org_kind.setdefault(fold(word), set()).add(i)
        self.synonym = {}
        for i, group in enumerate(r["role_synonyms"]):
            for word in group:
                self.synonym.setdefault(fold(word), f"#{i}")
        self.adjective_nouns = {fold(k): fold(v) for k, v in r["adjective_nouns"].items()}
        self.demonyms = {fold(k): v for k, v in r["demonyms"].items()}
        self.capitals = {fold(k): v for k, v in r["capitals"].items()}
        self.countries = {fold(v): v for v in list(r["demonyms"].values()) + list(r["capitals"].values())}
        self.multi_roles = {x for x in self.person_roles if " " in x or "'" in x}
        self.pronouns = {fold(k): v for k, v in q["pronouns"].items()}
        self.determiners = {fold(x) for x in q["description_determiners"]}
        self.source_nouns = {fold(x) for x in q["source_nouns"]}
        self.source_preps = {fold(x) for x in q["source_prepositions"]}

    def role_group(self, key: str) -> str:
        return self.synonym.get(key, key)


_LEX: _Lexicon | None = None


def lexicon() -> _Lexicon:
    global _LEX
    if _LEX is None:
        _LEX = _Lexicon()
    return _LEX


# ---------------------------------------------------------------- helpers

def _join(tokens) -> str:
    """Folded words joined as written (no space after an elided « d' »)."""
    out = ""
    for t in tokens:
        w = fold(t.text)
        if out and not out.endswith("'"):
            out += " "
        out += w
    return out


def _text(doc: Doc, a: int, b: int) -> str:
    """Exact text of tokens [a, b) (no trailing whitespace)."""
    if b <= a:
        return ""
    return doc[a:b].text  # (never doc.text: it is rebuilt on each access)


def _prev(doc: Doc, i: int) -> Token | None:
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None


def _next(doc: Doc, i: int) -> Token | None:
    i += 1
    while i < len(doc) and doc[i].is_space:
        i += 1
    return doc[i] if i < len(doc) else None


def is_clitic_subject(tok: Token) -> bool:
    """« -il », « -elle », « -on » of an inverted verb (« a-t-il dit »)."""
    return tok.text.startswith("-") and fold(tok.text[1:]) in ("il", "elle", "ils", "elles", "on")


def demonym(word: str) -> str | None:
    """The country of a nationality word, in any gender and number
    (« Portugaise », « Mauritaniennes » → the country), or None."""
    key = fold(word)
    table = lexicon().demonyms
    for cand in (key, key[:-1] if key.endswith(("s", "x")) else None):
        if not cand:
            continue
        for form in (cand, cand[:-1] if cand.endswith("e") else None,
                     cand[:-2] if cand.endswith("nne") else None):
            if form and form in table:
                return table[form]
    return None


def pronoun_key(tok: Token) -> str | None:
    """The pronoun-table key of a personal pronoun token, or None."""
    key = fold(tok.text.lstrip("-"))
    if tok.pos_ in ("PRON", "INTJ", "DET") or tok.text.startswith("-"):
        if key in lexicon().pronouns:
            return key
    return None


def role_key(tokens: list[Token], i: int) -> tuple[str, int, int] | None:
    """The role lexicon entry whose words include token position ``i`` of
    ``tokens`` (longest first): (key, first, last+1), or None."""
    lex = lexicon()
    best = None
    for a in (i - 2, i - 1, i):
        if a < 0:
            continue
        for b in (i + 4, i + 3, i + 2, i + 1):
            if b > len(tokens) or b <= a or b - a > 5 or (best and b - a <= best[2] - best[1]):
                continue
            key = _join(tokens[a:b])
            if (b - a == 1 and key in lex.person_roles) or key in lex.multi_roles:
                best = (key, a, b)
    if best is None:
        tok = tokens[i]
        for key in (fold(tok.lemma_), fold(tok.text)):
            if key in lex.person_roles:
                return key, i, i + 1
        if "-" in tok.text:  # « Président-candidat »
            first = fold(tok.text.split("-")[0])
            if first in lex.person_roles:
                return first, i, i + 1
    return best


def _mods(tokens, skip: set[int]) -> frozenset[str]:
    """Content words of a role phrase (other than its head), normalised:
    relational adjectives to their noun, demonyms and capitals to the country."""
    lex = lexicon()
    out = set()
    for t in tokens:
        if t.i in skip or t.is_punct or t.is_space or t.pos_ in ("DET", "ADP", "CCONJ", "PRON", "AUX", "SCONJ"):
            continue
        for key in (fold(t.lemma_), fold(t.text)):
            if key in lex.temporal or key in lex.determiners or len(key) < 2:
                break
            if key in lex.demonyms:
                out.add(fold(lex.demonyms[key]))
                break
            if key in lex.capitals:
                out.add(fold(lex.capitals[key]))
                break
            if key in lex.adjective_nouns:
                out.add(lex.adjective_nouns[key])
                break
        else:
            out.add(fold(t.lemma_))
    return frozenset(out)


@dataclass(frozen=True)
class RoleInfo:
    """A role as a head (with synonyms folded together) and its modifiers."""

    text: str
    head: str
    mods: frozenset[str]

    def matches(self, other: "RoleInfo") -> bool:
        """Does a description ``other`` fit this role?"""
        return self.head == other.head and other.mods <= self.mods


@dataclass
class Referent:
    """What a noun phrase stands for: an entity, or an unnamed description."""

    name: str
    entity: Entity | None = None
    start: int = 0
    end: int = 0
    gender: str | None = None
    number: str | None = None
    kind: str = "DESC"  # PER, ORG, LOC, MISC for entities; DESC otherwise

    @property
    def named(self) -> bool:
        return self.entity is not None


@dataclass
class _Cluster:
    members: list[int] = field(default_factory=list)  # mention indices
    words: list[str] = field(default_factory=list)  # fullest folded name


# ---------------------------------------------------------------- the index

class ActorIndex:
    """Per-doc lookup tables for resolution (plain data: ids and offsets)."""

    def __init__(self, doc: Doc, entities: list[Entity], mentions: list[Mention],
                 spans: list[tuple[int, int]]):
        self.doc = doc
        self.entities = entities
        self.by_id = {e.id: e for e in entities}
        self.mentions = mentions
        self.spans = spans  # token spans of mentions
        self.token_mention: dict[int, int] = {}
        for k, (a, b) in enumerate(spans):
            for i in range(a, b):
                self.token_mention[i] = k
        self.sent_of: list[int] = [0] * len(doc)
        self.sents: list[Span] = list(doc.sents)
        for s, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = s
        self.roles: dict[str, list[RoleInfo]] = {e.id: [] for e in entities}
        self.gender: dict[str, str] = {}
        self.number: dict[str, str] = {}
        self.positions: dict[str, list[int]] = {e.id: [] for e in entities}
        for m, (a, _) in zip(mentions, spans):
            if m.entity:
                self.positions[m.entity].append(a)
        self.history: list[tuple[int, str, object]] = []  # (token, kind, Token|Referent)
        self.quoted: set[int] = set()
        self.reported: set[int] = set()
        self._memo: dict[int, Referent | None] = {}
        # description tokens in apposition to a name (« Son avocate, Me Inès
        # Kadri, … »: « avocate » → Inès Kadri's entity id)
        self.appos: dict[int, str] = {}
        self.title_end = self.sents[0].end if self.sents else 0

    # entities -----------------------------------------------------------
    def new_entity(self, name: str, type_: str, a: int, b: int) -> Entity:
        eid = f"e{len(self.entities) + 1}"
        while eid in self.by_id:
            eid = f"e{int(eid[1:]) + 1}"
        ent = Entity(id=eid, name=name, type=type_)
        self.entities.append(ent)
        self.by_id[eid] = ent
        self.roles[eid] = []
        self.positions[eid] = [a]
        mention = Mention(self.doc[a].idx, self.doc[b - 1].idx + len(self.doc[b - 1].text),
                          _text(self.doc, a, b), type_, eid)
        self.mentions.append(mention)
        self.spans.append((a, b))
        for i in range(a, b):
            self.token_mention[i] = len(self.spans) - 1
        return ent

    def add_role(self, eid: str, tokens: list[Token], head_span: tuple[int, int], key: str) -> None:
        if not tokens:
            return
        doc = self.doc
        text = _text(doc, tokens[0].i, tokens[-1].i + 1).strip(" ,")
        if not text:
            return
        info = RoleInfo(text, lexicon().role_group(key),
                        _mods(tokens, set(range(head_span[0], head_span[1]))))
        ent = self.by_id[eid]
        if text not in ent.roles:
            ent.roles.append(text)
        if info not in self.roles[eid]:
            self.roles[eid].append(info)

    def entity_at(self, i: int) -> Entity | None:
        k = self.token_mention.get(i)
        if k is None:
            return None
        eid = self.mentions[k].entity
        return self.by_id.get(eid) if eid else None

    def country_entity(self, country: str) -> Entity | None:
        key = fold(country)
        for e in self.entities:
            if fold(e.name) == key or key in (fold(a) for a in e.aliases):
                return e
        return None

    def last_position(self, eid: str, before: int) -> int:
        pos = [p for p in self.positions.get(eid, []) if p < before]
        return max(pos) if pos else -1


# ---------------------------------------------------------------- component

class ActorResolver(Component):
    outputs = ("entities", "mentions")

    def __init__(self, name: str = "pourparlers_actors"):
        self.name = name
        self.lex = lexicon()

    # mentions ---------------------------------------------------------------
    def _mention_spans(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start token, end token, label) per mention, with two repairs of
        what the parse shows plainly: a title glued to a person's name
        (« Président Bachar el-Assad ») and « porte-parole de Maison Blanche
        Karoline Leavitt » read as one place (an organisation, then a name)."""
        out = []
        for ent in doc.ents:
            label = LABELS.get(ent.label_, "MISC")
            a, b = ent.start, ent.end
            while a < b and (doc[a].is_space or doc[a].is_punct):
                a += 1
            while b > a and (doc[b - 1].is_space or doc[b - 1].is_punct):
                b -= 1
            if b <= a:
                continue
            # a description the NER took for a name (« ministre de l'Intérieur »,
            # « Président-candidat »)
            if doc[a].text[:1].islower() and role_key([doc[a]], 0) and fold(doc[a].text) not in self.lex.org_nouns:
                continue
            if all(role_key([doc[i]], 0) or fold(doc[i].text) in self.lex.temporal or doc[i].is_punct
                   for i in range(a, b)):
                continue
            # role words opening a PER mention are a title, not a name
            # (« Premier Manuel Valls »); a title alone is no name at all
            if label == "PER":
                while a < b and (fold(doc[a].text) in self.lex.temporal or role_key([doc[a]], 0)
                                 or fold(doc[a].text) in self.lex.multi_roles):
                    a += 1
                if a >= b or not (doc[a].text[:1].isupper() or fold(doc[a].text) in NAME_PARTICLES
                                  and any(doc[i].text[:1].isupper() for i in range(a + 1, b))):
                    continue  # (« al-Joulani », « de Villepin » are names)
            # role + "de" + ORG + person name read as one mention
            split = self._person_tail(doc, a, b)
            if split is not None:
                out.append((a, split, "ORG"))
                out.append((split, b, "PER"))
                continue
            out.append((a, b, label))
        return self._hyphen_joined(doc, out)

    @staticmethod
    def _hyphen_joined(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """A name the tokenizer cut at its hyphens (« Addis » « - » « Abeba »,
        « Joseph » « - » « Marie » « Atangana ») is one mention: spans are
        widened over capitalised words glued to them by a hyphen, and those
        that then touch are joined."""
        def glued(i: int) -> bool:  # token i is a hyphen with no space on either side
            return 0 < i < len(doc) - 1 and doc[i].text in ("-", "‐", "‑") and not doc[i - 1].whitespace_ \
                and not doc[i].whitespace_ and doc[i - 1].text[:1].isalpha() and doc[i + 1].text[:1].isupper()

        out: list[list] = []
        for a, b, label in sorted(spans):
            while a >= 2 and glued(a - 1) and (doc[a - 2].text[:1].isupper() or doc[a - 2].text.lower() in ("al", "el")):
                a -= 2
            while b + 1 < len(doc) and glued(b):
                b += 2
            if out and a < out[-1][1]:  # overlapping after widening (names that merely touch stay two)
                prev = out[-1]
                keep = prev[2] if prev[1] - prev[0] >= b - a else label
                out[-1] = [min(prev[0], a), max(prev[1], b), keep]
                continue
            out.append([a, b, label])
        return [(a, b, label) for a, b, label in out]

    def _person_tail(self, doc: Doc, a: int, b: int) -> int | None:
        if b - a < 3:
            return None
        head = doc[b - 1]
        while head.dep_ == "flat:name" and head.head.i >= a and head.head.i < head.i:
            head = head.head
        start = head.i
        if start <= a or b - start < 2 or not all(doc[i].pos_ == "PROPN" for i in range(start, b)):
            return None
        if any(doc[i].head.i == start for i in range(a, start) if doc[i].dep_ == "flat:name"):
            return None
        prev = _prev(doc, a)
        before = _prev(doc, prev.i) if prev is not None else None
        if prev is None or before is None or fold(prev.text) not in DE_WORDS:
            return None
        if not role_key([before], 0):
            return None
        return start

    # clustering ---------------------------------------------------------------
    def _name_words(self, doc: Doc, a: int, b: int) -> list[str]:
        words = [fold(doc[i].text) for i in range(a, b) if not doc[i].is_punct or doc[i].text == "."]
        words = [w for w in words if w.strip(".")]
        while words and (words[0] in self.lex.honorifics or words[0] in ("le", "la", "les", "l'")):
            words = words[1:]
        return words or [fold(_text(doc, a, b))]

    @staticmethod
    def _initial(word: str) -> str | None:
        w = word.rstrip(".")
        return w if len(w) == 1 or (len(w) <= 3 and word.endswith(".") and "-" in w) else None

    def _same_person(self, long: list[str], short: list[str]) -> bool:
        """Can ``short`` (given names + surname, or initials + surname) name the
        same person as ``long``? Surname equal, given names compatible."""
        if not long or not short or long[-1] != short[-1]:
            return False
        fl = [w for w in long[:-1]]
        fs = [w for w in short[:-1] if w not in NAME_PARTICLES]
        if not fs:
            return True
        if fl[-len(fs):] == fs:
            return True
        if len(fs) == 1 and self._initial(fs[0]) and fl:
            return fl[0].startswith(self._initial(fs[0]))
        return False

    @staticmethod
    def _acronym(word: str, words: list[str]) -> bool:
        small = {"de", "du", "des", "d'", "la", "le", "les", "l'", "et", "en", "pour", "a", "au", "aux"}
        flat = [w for part in words for w in part.replace("'", "' ").replace("-", " ").split()]
        cands = {"".join(w[0] for w in flat if w),
                 "".join(w[0] for w in flat if w and w not in small)}
        return word in cands

    def _cluster(self, doc: Doc, spans: list[tuple[int, int, str]]) -> list[list[int]]:
        """Indices of mentions grouped by actor."""
        words = [self._name_words(doc, a, b) for a, b, _ in spans]
        labels = [lab for _, _, lab in spans]
        n = len(spans)
        cluster_of: list[int | None] = [None] * n
        clusters: list[_Cluster] = []

        def join(k: int, c: int) -> None:
            cluster_of[k] = c
            clusters[c].members.append(k)
            if len(words[k]) > len(clusters[c].words):
                clusters[c].words = words[k]

        def is_place(ws: list[str]) -> bool:
            key = " ".join(ws)
            return key in self.lex.capitals or key in self.lex.countries

        # 1. full person names (given name(s) + surname)
        order = sorted(range(n), key=lambda k: (-len(words[k]), spans[k][0]))
        for k in order:
            ws = words[k]
            if labels[k] != "PER" or len(ws) < 2 or all(w in NAME_PARTICLES for w in ws[:-1]):
                continue
            for c, cl in enumerate(clusters):
                if cl.words == ws or self._same_person(cl.words, ws):
                    join(k, c)
                    break
            else:
                clusters.append(_Cluster())
                join(k, len(clusters) - 1)
        persons = list(range(len(clusters)))
        # 2. exact repeats of any name, whatever the label
        by_key: dict[str, int] = {}
        for c in persons:
            for k in clusters[c].members:
                by_key.setdefault(" ".join(words[k]), c)
        for k in range(n):
            if cluster_of[k] is None and " ".join(words[k]) in by_key:
                join(k, by_key[" ".join(words[k])])
        # 3. surnames alone (« Poutine », « B. Obama », « M. Samaras »)
        for k in range(n):
            if cluster_of[k] is not None:
                continue
            ws = words[k]
            first = doc[spans[k][0]]
            if not ws or is_place(ws) or not (first.text[:1].isupper() or fold(first.text) in NAME_PARTICLES) \
                    and labels[k] != "PER":
                continue
            if labels[k] not in ("PER", "MISC") and len([w for w in ws if w not in NAME_PARTICLES]) > 1:
                continue
            cands = [c for c in persons if self._same_person(clusters[c].words, ws)]
            if not cands:
                continue
            if len(cands) > 1:
                start = spans[k][0]
                before = [(max((spans[m][0] for m in clusters[c].members if spans[m][0] < start), default=-1), c)
                          for c in cands]
                best = max(before)
                if best[0] < 0:  # none named before: the first named after
                    best = min((min(spans[m][0] for m in clusters[c].members), c) for c in cands)
                join(k, best[1])
            else:
                join(k, cands[0])
        # 4. other names: same words; acronyms; trailing words of a longer name
        for k in sorted(range(n), key=lambda k: (-len(words[k]), spans[k][0])):
            if cluster_of[k] is not None:
                continue
            ws = words[k]
            key = " ".join(ws)
            target = None
            for c, cl in enumerate(clusters):
                if c in persons:
                    continue
                if any(" ".join(words[m]) == key for m in cl.members):
                    target = c
                    break
            if target is None and len(ws) == 1 and doc[spans[k][0]].text.isupper() \
                    and 2 <= len(ws[0]) <= 8:
                for c, cl in enumerate(clusters):
                    if c not in persons and len(cl.words) > 1 and self._acronym(ws[0], cl.words):
                        target = c
                        break
            if target is None and labels[k] in ("ORG", "MISC", "LOC") and not is_place(ws):
                for c, cl in enumerate(clusters):
                    if c in persons or len(cl.words) <= len(ws):
                        continue
                    if cl.words[-len(ws):] == ws and doc[spans[k][0]].text[:1].isupper() \
                            and not all(w in NAME_PARTICLES for w in ws):
                        target = c
                        break
            if target is None and labels[k] in ("ORG", "MISC") and len(ws) == 1 and ws[0] in self.lex.org_nouns:
                firsts = [c for c, cl in enumerate(clusters) if c not in persons and len(cl.words) > 1
                          and cl.words[0] == ws[0]]
                if len(firsts) == 1:
                    target = firsts[0]
            if target is None:
                clusters.append(_Cluster())
                target = len(clusters) - 1
            join(k, target)
        # 5. « Long Name (ACR) »: the acronym in brackets right after a name
        for k, (a, b, _) in enumerate(spans):
            nxt = _next(doc, b - 1)
            if nxt is None or nxt.text != "(":
                continue
            acr = _next(doc, nxt.i)
            close = _next(doc, acr.i) if acr is not None else None
            if acr is None or close is None or close.text != ")" or not acr.text.isupper():
                continue
            for m, (ma, mb, _) in enumerate(spans):
                if ma == acr.i and cluster_of[m] != cluster_of[k]:
                    self._merge(clusters, cluster_of, cluster_of[k], cluster_of[m])
        return [cl.members for cl in clusters if cl.members]

    @staticmethod
    def _merge(clusters, cluster_of, keep, drop) -> None:
        for m in clusters[drop].members:
            cluster_of[m] = keep
        clusters[keep].members.extend(clusters[drop].members)
        clusters[drop].members = []

    # roles ---------------------------------------------------------------------
    def _np_start(self, doc: Doc, i: int, floor: int) -> int:
        """Leftmost token of the noun phrase ending at token ``i`` (linear scan)."""
        j = i
        while j - 1 >= floor:
            t = doc[j - 1]
            if t.is_space:
                j -= 1
                continue
            if t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or t.text in ("-",):
                j -= 1
                continue
            if t.pos_ == "ADP" and fold(t.text) in DE_WORDS | {"a", "aux", "au", "en", "pour", "charge"}:
                j -= 1
                continue
            if t.pos_ == "DET":
                p = _prev(doc, t.i)
                j -= 1
                if p is not None and p.pos_ == "ADP" and fold(p.text) in DE_WORDS | {"a"}:
                    continue
                break
            if t.pos_ == "CCONJ" and fold(t.text) == "et":
                j -= 1
                continue
            break
        return j

    def _role_before(self, doc: Doc, a: int, floor: int, person: bool):
        """A title right before a name (« le premier ministre slovaque Robert
        Fico »): (role tokens, head span, key) or None."""
        start = self._np_start(doc, a, floor)
        toks = [doc[i] for i in range(start, a) if not doc[i].is_space]
        bare = toks
        while len(bare) > 1 and fold(bare[-1].text) in self.lex.honorifics:
            bare = bare[:-1]  # (« le directeur de campagne de M. X »: X is the complement)
        if not toks or bare[-1].pos_ == "ADP" or fold(bare[-1].text) in DE_WORDS | {"au", "aux"}:
            return None  # the name is a complement (« l'organisation … au Burundi »)
        nouns = self.lex.person_roles if person else self.lex.org_nouns
        for j in range(len(toks) - 1, -1, -1):
            t = toks[j]
            if t.pos_ not in ("NOUN", "PROPN", "ADJ") and not t.text[0].isalpha():
                continue
            if person:
                rk = role_key(toks, j)
            else:
                rk = (fold(t.lemma_), j, j + 1) if fold(t.lemma_) in nouns else None
            if rk:
                key, ra, rb = rk
                k = ra
                while k > 0 and toks[k - 1].pos_ in ("ADJ", "NUM") and toks[k - 1].text[:1].islower():
                    k -= 1
                role = toks[k:]
                if role and role[0].pos_ == "ADP":
                    return None
                if person:
                    org = [t for t in toks[rb:] if t.pos_ == "NOUN" and fold(t.lemma_) in self.lex.org_nouns]
                    name_root = doc[a]
                    while name_root.dep_ == "flat:name" and name_root.head.i < name_root.i:
                        name_root = name_root.head
                    if org and name_root.head.i not in range(toks[ra].i, toks[rb - 1].i + 1):
                        return None  # « la secrétaire du syndicat Santé Solidaire »: the union's name
                return role, (toks[ra].i, toks[rb - 1].i + 1), key
        return None

    def _role_np_after(self, doc: Doc, i: int, end: int, person: bool):
        """A role phrase starting at token ``i`` (after a comma):
        (tokens, head span, key) or None."""
        toks = []
        j = i
        while j < end:
            t = doc[j]
            if t.is_space:
                j += 1
                continue
            low = fold(t.text)
            if t.text in (",", ")", "(", ";", ":", "«", "»", '"', "“", "”", ".") or low in ("qui", "que", "qu'", "dont", "lequel", "laquelle", "selon"):
                break
            if t.pos_ in ("VERB", "AUX", "PRON") and not (t.pos_ == "VERB" and t.morph.get("VerbForm") == ["Part"] and toks):
                if not (t.pos_ == "PRON" and low in ("un", "une", "l'un", "l'une")):
                    break
            toks.append(t)
            j += 1
        # skip determiners, « l'un des », adjectives of time
        k = 0
        while k < len(toks) and (toks[k].pos_ in ("DET",) or fold(toks[k].text) in ("un", "une", "des", "de", "d'", "l'un", "l'une")
                                 or (toks[k].pos_ == "ADJ" and fold(toks[k].lemma_) in self.lex.temporal)):
            k += 1
        if k >= len(toks):
            return None
        nouns = self.lex.person_roles if person else self.lex.org_nouns | self.lex.org_units
        if person:
            rk = role_key(toks, k)
        else:
            rk = (fold(toks[k].lemma_), k, k + 1) if fold(toks[k].lemma_) in nouns else None
        if not rk or rk[1] > k:
            return None
        start = 0
        while start < k and toks[start].pos_ == "DET":
            start += 1
        role = toks[start:]
        return role, (toks[rk[1]].i, toks[rk[2] - 1].i + 1), rk[0]

    def _attach_roles(self, doc: Doc, index: ActorIndex) -> None:
        sent_of = index.sent_of
        for (a, b), m in zip(list(index.spans), list(index.mentions)):
            if not m.entity:
                continue
            ent = index.by_id[m.entity]
            person = ent.type == "PER"
            sent = index.sents[sent_of[a]]
            found = []
            # title right before the name
            r = self._role_before(doc, a, sent.start, person) if ent.type in ("PER", "ORG") else None
            if r:
                found.append(r)
            elif not person and self._looks_like_person(doc, a, b) \
                    and not (a > 0 and doc[a - 1].pos_ in ("ADP", "DET")):
                # a person's title before a name the NER typed otherwise
                # (« le chef de l'organisation Ayman al-Zawahiri »); a name that is
                # the complement of the title is its institution (« porte-parole
                # de la Maison Blanche »)
                r = self._role_before(doc, a, sent.start, True)
                if r:
                    found.append(r)
                    person = True
                    ent.type = "PER"
                    for mm in index.mentions:
                        if mm.entity == ent.id:
                            mm.label = "PER"
            # apposition after: NAME, role ...
            nxt = _next(doc, b - 1)
            if nxt is not None and nxt.text == "," and nxt.i < sent.end:
                r = self._role_np_after(doc, nxt.i + 1, sent.end, person)
                if r:
                    found.append(r)
            # apposition before: role ..., NAME
            prv = _prev(doc, a)
            if prv is not None and prv.text == "," and prv.i > sent.start:
                j = _prev(doc, prv.i)
                start = self._np_start(doc, j.i + 1, sent.start) if j is not None else prv.i
                after = _next(doc, b - 1)
                opener = _prev(doc, start)
                if opener is not None and opener.pos_ == "DET":
                    opener = _prev(doc, opener.i)
                sourced = opener is not None and fold(opener.text) in self.lex.source_preps
                if start < prv.i and (after is None or after.text in (",", ".", ")", ";", ":")
                                      or not sourced and after.pos_ in ("VERB", "AUX", "PRON")
                                      or after.i >= sent.end):
                    r = self._role_np_after(doc, start, prv.i, person)
                    if r and r[0] and r[0][-1].i == j.i:
                        found.append(r)
            for toks, head, key in found:
                index.add_role(ent.id, toks, head, key)
                self._note_gender(index, ent.id, toks, head)
            h = _prev(doc, a) if person else None
            if h is not None:
                if fold(h.text) in ("mme", "madame", "mlle", "mademoiselle"):
                    index.gender[ent.id] = "Fem"
                elif fold(h.text) in ("m.", "m", "monsieur"):
                    index.gender.setdefault(ent.id, "Masc")

    # appositions -------------------------------------------------------------------
    def _link_appositions(self, doc: Doc, index: ActorIndex) -> None:
        """Descriptions in apposition to a name stand for its entity:
        « Son avocate, Me Inès Kadri, … », « Le porte-parole de l'armée, le
        général X, … », « X, haute représentante de l'UE, … », and the title
        words before a name (« le président sortant X »). Their head tokens go
        to ``index.appos`` (so that the description as a subject, a later
        pronoun or an event participant is that entity) and, when they are
        roles, to the entity's roles."""
        lex = self.lex
        for (a, b), m in zip(list(index.spans), list(index.mentions)):
            if not m.entity:
                continue
            ent = index.by_id[m.entity]
            sent = index.sents[index.sent_of[a]]
            if ent.type not in ("PER", "ORG"):
                # a name the NER mostly typed as a place, in apposition to a
                # person's title (« le chef du Front, Abou X al-Y, »): a person
                comma = _prev(doc, a)
                found = self._description_before(doc, comma.i, sent.start, True) \
                    if comma is not None and comma.text == "," and comma.i > sent.start else None
                if found is None or not role_key([found[0]], 0) or not self._looks_like_person(doc, a, b):
                    continue
                ent.type = "PER"
                for mm in index.mentions:
                    if mm.entity == ent.id:
                        mm.label = "PER"
            person = ent.type == "PER"
            a0 = self._name_phrase_start(doc, a, sent.start, person)
            for i in range(a0, a):
                if not doc[i].is_punct and not doc[i].is_space and doc[i].pos_ != "DET":
                    index.appos.setdefault(i, ent.id)
            end = self._after_acronym(doc, b, sent.end)
            nxt = _next(doc, end - 1)
            closed = nxt is None or nxt.i >= sent.end or nxt.text in (",", ".", ";", ")", "!", "?", "…")
            # DESCRIPTION, NAME,
            comma = _prev(doc, a0)
            if closed and comma is not None and comma.text == "," and comma.i > sent.start:
                found = self._description_before(doc, comma.i, sent.start, person)
                if found is not None:
                    head, toks = found
                    if index.entity_at(head.i) is None and self._agrees(head, ent, doc, a, b):
                        for t in toks:
                            if t.i >= head.i or t.pos_ in ("ADJ", "NOUN"):
                                index.appos.setdefault(t.i, ent.id)
                        k = next((j for j, t in enumerate(toks) if t.i == head.i), None)
                        rk = role_key(toks, k) if person and k is not None else None
                        if rk is None and not person and fold(head.lemma_) in lex.org_nouns:
                            rk = (fold(head.lemma_), k, k + 1)
                        if rk is not None:
                            body = toks
                            while body and body[0].pos_ == "DET":
                                body = body[1:]
                            if body:
                                index.add_role(ent.id, body, (toks[rk[1]].i, toks[rk[2] - 1].i + 1), rk[0])
                                if person:
                                    self._note_gender(index, ent.id, body, (toks[rk[1]].i, toks[rk[2] - 1].i + 1))
            # NAME, DESCRIPTION,
            if nxt is not None and nxt.text == "," and nxt.i < sent.end:
                r = self._role_np_after(doc, nxt.i + 1, sent.end, person)
                if r is None and person:
                    r = self._relation_np_after(doc, nxt.i + 1, sent.end)
                if r:
                    toks, (ha, hb), key = r
                    after = _next(doc, toks[-1].i)
                    if after is None or after.i >= sent.end or after.text in (",", ".", ";", ")") \
                            or fold(after.text) in ("qui", "dont"):
                        for t in toks:
                            if t.i >= ha and not t.is_punct:
                                index.appos.setdefault(t.i, ent.id)
                        index.add_role(ent.id, toks, (ha, hb), key)

    def _name_phrase_start(self, doc: Doc, a: int, floor: int, person: bool) -> int:
        """First token of a name with its own title, honorific or nationality
        and determiner (« le président sortant X », « Me X », « la
        Mauritanienne X », « l'Alliance … »)."""
        lex = self.lex
        j = a
        if person:
            r = self._role_before(doc, a, floor, True)
            if r and r[0] and r[0][-1].i == a - 1 or r and r[0] and all(
                    doc[i].is_space for i in range(r[0][-1].i + 1, a)):
                j = r[0][0].i
        while True:
            p = _prev(doc, j)
            if p is None or p.i < floor:
                break
            key = fold(p.text)
            if key in lex.honorifics or (person and p.text[:1].isupper() and p.pos_ in ("NOUN", "PROPN", "ADJ")
                                         and (demonym(p.lemma_) or demonym(p.text))):
                j = p.i
                continue
            break
        p = _prev(doc, j)
        if p is not None and p.i >= floor and p.pos_ == "DET" and fold(p.text) in (
                "le", "la", "les", "l'", "son", "sa", "ses", "leur", "leurs", "un", "une", "notre", "votre"):
            j = p.i
        return j

    @staticmethod
    def _after_acronym(doc: Doc, b: int, end: int) -> int:
        """The token after a name and an acronym in brackets after it."""
        nxt = _next(doc, b - 1)
        if nxt is not None and nxt.text == "(" and nxt.i < end:
            for k in range(nxt.i + 1, min(end, nxt.i + 5)):
                if doc[k].text == ")":
                    return k + 1
                if doc[k].pos_ in ("VERB", "AUX"):
                    break
        return b

    def _description_before(self, doc: Doc, comma: int, floor: int, person: bool):
        """The description closed by the comma at ``comma``: (head, tokens), or
        None when it is no description of an actor."""
        lex = self.lex
        j = _prev(doc, comma)
        if j is None or j.i < floor:
            return None
        if j.text == ")":  # « Le président de la Fédération (FNM), X »
            o = next((k for k in range(j.i - 1, max(floor, j.i - 6) - 1, -1) if doc[k].text == "("), None)
            if o is None:
                return None
            j = _prev(doc, o)
            if j is None or j.i < floor:
                return None
        if j.is_punct or j.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ", "ADP", "DET"):
            return None
        # climb through complements to the head of the description
        cur = j
        for _ in range(10):
            if cur.dep_ in ("nmod", "amod", "flat:name", "nummod", "fixed", "conj", "case", "det") \
                    and floor <= cur.head.i < cur.i:
                cur = cur.head
                continue
            break

        def ok(h: Token) -> bool:
            if h.pos_ not in ("NOUN", "PROPN", "ADJ") or h.text[:1].isupper() and h.pos_ == "PROPN":
                return False
            key = fold(h.lemma_)
            if person:
                return bool(role_key([h], 0)) or key in lex.person_nouns or fold(h.text) in lex.person_nouns
            return key in lex.org_nouns or key in lex.org_units

        head = cur if ok(cur) else None
        if head is None:
            # the parse went astray: the first role noun of the phrase, going
            # back over complements (« la haute représentante de l'ONU pour
            # les droits humains »)
            k = j.i
            start = j.i
            while k >= floor:
                t = doc[k]
                if t.is_space or t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "DET") or t.text in ("-", "'") \
                        or t.pos_ == "ADP" and fold(t.text) in LINK_PREPOSITIONS \
                        or t.pos_ == "CCONJ" and fold(t.text) == "et" \
                        or t.pos_ == "VERB" and t.dep_ == "acl" and "Part" in t.morph.get("VerbForm") \
                        and "Past" in t.morph.get("Tense"):  # (« le commissaire chargé du commerce, X »)
                    start = k
                    k -= 1
                    continue
                break
            head = next((doc[k] for k in range(start, j.i + 1) if ok(doc[k])), None)
            if head is None:
                return None
        left = head.i
        for c in head.children:
            if c.i < head.i and c.dep_ in ("det", "amod", "nummod", "advmod") and c.left_edge.i >= floor:
                left = min(left, c.left_edge.i)
        p = _prev(doc, left)
        while p is not None and p.i >= floor and p.pos_ in ("ADJ",) and p.text[:1].islower():
            left = p.i
            p = _prev(doc, p.i)
        if p is not None and p.i >= floor and p.pos_ == "DET":
            left = p.i
        if any(doc[k].text in (",", ";", ":", "«", "»") for k in range(left, j.i + 1)):
            return None
        toks = [doc[k] for k in range(left, j.i + 1) if not doc[k].is_space]
        return head, toks

    def _agrees(self, head: Token, ent: Entity, doc: Doc, a: int, b: int) -> bool:
        """A singular description for one actor (not « les ministres, X et Y »)."""
        if "Plur" in head.morph.get("Number") and ent.type == "PER":
            return False
        nxt = _next(doc, b - 1)
        if nxt is not None and fold(nxt.text) == "et" and ent.type == "PER":
            return False
        return True

    def _relation_np_after(self, doc: Doc, i: int, end: int):
        """« X, son avocat, … »: a relation noun after a name, as a role phrase."""
        toks = []
        j = i
        while j < end and len(toks) < 8:
            t = doc[j]
            if t.is_space:
                j += 1
                continue
            if t.is_punct or t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ"):
                break
            toks.append(t)
            j += 1
        k = 0
        while k < len(toks) and toks[k].pos_ == "DET":
            k += 1
        if k >= len(toks) or fold(toks[k].lemma_) not in self.lex.person_nouns and fold(toks[k].text) not in self.lex.person_nouns:
            return None
        return toks[k:], (toks[k].i, toks[k].i + 1), fold(toks[k].lemma_)

    def _looks_like_person(self, doc: Doc, a: int, b: int) -> bool:
        """Two capitalised words or more that are not a known place."""
        words = [doc[i] for i in range(a, b) if not doc[i].is_punct and not doc[i].is_space]
        key = " ".join(fold(t.text) for t in words)
        if len(words) < 2 or key in self.lex.capitals or key in self.lex.countries:
            return False
        caps = [t for t in words if t.text[:1].isupper()]
        return len(caps) >= 2 and all(t.pos_ in ("PROPN", "NOUN", "X", "ADJ") or t.text[:1].isupper()
                                      or t.text in ("-",) or fold(t.text) in NAME_PARTICLES for t in words)

    def _note_gender(self, index: ActorIndex, eid: str, toks: list[Token], head: tuple[int, int]) -> None:
        """The grammatical gender of a role's head noun (« la porte-parole »)."""
        doc = index.doc
        h = doc[head[0]]
        cands = [c for c in h.children if c.dep_ == "det"]
        p = _prev(doc, toks[0].i)
        if p is not None and p.pos_ == "DET":
            cands.append(p)
        cands.append(h)
        # a feminine form of the noun (« ambassadrice », « avocate »,
        # « présidente »): the tagger's gender for it is often wrong
        form, lemma = fold(h.text), fold(h.lemma_)
        if form != lemma and (form.endswith(("rice", "esse", "enne", "iere", "euse"))
                              or form == lemma + "e" and not lemma.endswith("e")):
            index.gender.setdefault(eid, "Fem")
            return
        for t in cands:
            if t.pos_ == "DET" or (t.i == h.i and fold(t.text).endswith("e")):
                g = t.morph.get("Gender")
                if g:
                    index.gender.setdefault(eid, g[0])
                    return

    # descriptions ------------------------------------------------------------------
    def _descriptions(self, doc: Doc, index: ActorIndex) -> None:
        """Role descriptions that stand alone: coordinated ones mirror an earlier
        coordination of names (« entre Poutine et Witkoff » … « entre le chef
        d'État russe et l'émissaire spécial »); others take the role of the
        entity they match, which then also gets their wording as a role."""
        coords_named = []  # (token, case word, [entity ids])
        for tok in doc:
            if tok.dep_ == "conj" or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            conj = [tok] + [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
            if len(conj) < 2:
                continue
            case = next((fold(c.text) for c in tok.children if c.dep_ == "case"), None)
            if case is None:
                continue
            ents = [index.entity_at(c.i) for c in conj]
            if all(e is not None and e.type == "PER" for e in ents):
                coords_named.append((tok.i, case, [e.id for e in ents]))
                continue
            if any(index.entity_at(c.i) for c in conj):
                continue
            roles = []
            for c in conj:
                np = noun_phrase(c, coordination=False)
                toks = [t for t in np if not t.is_space]
                k = next((j for j, t in enumerate(toks) if t.i == c.i), None)
                rk = role_key(toks, k) if k is not None else None
                roles.append((toks, rk))
            if not all(rk for _, rk in roles):
                continue
            prior = [x for x in coords_named if x[1] == case and len(x[2]) == len(conj) and x[0] < tok.i]
            if not prior:
                continue
            _, _, eids = prior[-1]
            for (toks, rk), eid in zip(roles, eids):
                start = 0
                while start < len(toks) and toks[start].pos_ in ("DET", "ADP", "CCONJ"):
                    start += 1
                body = toks[start:]
                index.add_role(eid, body, (toks[rk[1]].i, toks[rk[2] - 1].i + 1), rk[0])
        # nested descriptions (« du président russe ») and free ones matching a role
        lex = self.lex
        for tok in doc:
            if tok.pos_ != "NOUN" or index.entity_at(tok.i) is not None:
                continue
            if fold(tok.lemma_) not in lex.person_roles and fold(tok.text) not in lex.person_roles:
                continue
            np = [t for t in noun_phrase(tok, coordination=False, appositions=False) if not t.is_space]
            k = next((j for j, t in enumerate(np) if t.i == tok.i), None)
            rk = role_key(np, k) if k is not None else None
            if not rk or len(np) < 2:
                continue
            full = noun_phrase(tok, coordination=False)
            nxt = _next(doc, full[-1].i) if full else None
            if any(index.entity_at(t.i) and index.entity_at(t.i).type == "PER" for t in full) or \
                    (nxt is not None and index.entity_at(nxt.i) is not None):
                continue
            # stop the phrase at the next role noun it contains
            body = list(np)
            while body and body[0].pos_ in ("DET", "ADP"):
                body = body[1:]
            info = RoleInfo("", lexicon().role_group(rk[0]),
                            _mods(body, set(range(np[rk[1]].i, np[rk[2] - 1].i + 1))))
            cands = [e for e in index.entities if e.type == "PER"
                     and any(r.matches(info) for r in index.roles.get(e.id, []))]
            if len(cands) == 1:
                text = _text(doc, body[0].i, body[-1].i + 1) if body else ""
                if text and text not in cands[0].roles and len(body) >= 2:
                    cands[0].roles.append(text)

    # main -------------------------------------------------------------------------
    def process(self, doc: Doc) -> Doc:
        spans = self._mention_spans(doc)
        groups = self._cluster(doc, spans)
        mentions = [Mention(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text), _text(doc, a, b), lab)
                    for a, b, lab in spans]
        entities = []
        for members in sorted(groups, key=lambda g: min(spans[k][0] for k in g)):
            eid = f"e{len(entities) + 1}"
            forms = [self._sentence_article(doc, spans[k][0], mentions[k].text) for k in members]
            name = max(forms, key=lambda f: (len(self._name_words_text(f)), len(f)))
            name = self._clean_name(name)
            labels = Counter(mentions[k].label for k in members)
            type_ = max(labels, key=lambda lab: (labels[lab], TYPE_PRIORITY.get(lab, 0)))
            for k in members:
                mentions[k].entity = eid
            aliases = sorted({self._clean_name(f) for f in forms} - {name})
            entities.append(Entity(id=eid, name=name, type=type_, aliases=aliases))
        order = sorted(range(len(mentions)), key=lambda k: mentions[k].start)
        mentions = [mentions[k] for k in order]
        tok_spans = [(spans[k][0], spans[k][1]) for k in order]
        index = ActorIndex(doc, entities, mentions, tok_spans)
        index.quoted = quoted_tokens(doc)
        self._attach_roles(doc, index)
        self._link_appositions(doc, index)
        self._descriptions(doc, index)
        self._history(doc, index)
        doc._.actor_index = index
        doc._.mentions = index.mentions
        doc._.entities = index.entities
        return doc

    def _sentence_article(self, doc: Doc, a: int, text: str) -> str:
        """« Les Nations unies » opening a sentence are « Nations unies »; a
        lower-case article is never part of a name (« le Pentagone »)."""
        first = doc[a]
        lower = first.text[:1].islower()
        if (first.is_sent_start or lower) and fold(first.text) in ("le", "la", "les") and " " in text:
            return text.split(" ", 1)[1]
        if (first.is_sent_start or lower) and fold(first.text).startswith("l'") and len(first.text) == 2 \
                and len(text) > 2:
            return text[2:].lstrip()
        return text

    def _name_words_text(self, text: str) -> list[str]:
        words = fold(text).split()
        while words and (words[0] in self.lex.honorifics or words[0] in ("le", "la", "les", "l'")):
            words = words[1:]
        return words

    def _clean_name(self, text: str) -> str:
        """A name without its honorific (« M. Samaras » → « Samaras »)."""
        parts = text.split()
        while len(parts) > 1 and fold(parts[0]) in self.lex.honorifics:
            parts = parts[1:]
        return " ".join(parts) if parts else text

    def _history(self, doc: Doc, index: ActorIndex) -> None:
        """Subjects of the article's own sentences, in order, for pronouns."""
        for tok in doc:
            if tok.i in index.quoted:
                continue
            if tok.dep_ in SUBJECT_DEPS or (is_clitic_subject(tok) and fold(tok.text) != "-on"):
                if tok.dep_.startswith("expl") or fold(tok.text) in ("on", "-on", "ce", "c'", "cela", "ca"):
                    continue
                index.history.append((tok.i, "subject", tok))


# ---------------------------------------------------------------- noun phrases

def noun_phrase(head: Token, coordination: bool = True, appositions: bool = True,
                stop: set[int] | frozenset = frozenset()) -> list[Token]:
    """The tokens of the noun phrase headed by ``head``: its subtree without
    its preposition, without relative, participial or verbal dependents,
    without what a comma sets apart before it, and never across quotation marks."""
    keep = {head.i}
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.i in stop or c.dep_ in CLAUSE_BREAK_DEPS or c.dep_.startswith(("obl", "nsubj", "aux", "cop", "expl")):
                continue
            if c.dep_ == "punct" and c.text in ("«", "»", '"', "“", "”", "(", ")"):
                continue
            if t.i == head.i and c.dep_ in ("case", "mark", "cc", "advmod", "punct", "dislocated"):
                continue
            if c.dep_ == "conj" and not coordination:
                continue
            if c.dep_ == "appos" and not appositions:
                continue
            if c.pos_ in ("VERB", "AUX") and c.dep_ not in ("amod", "conj", "appos", "flat:name", "nmod"):
                continue
            keep.add(c.i)
            stack.append(c)
    doc = head.doc
    lo = hi = head.i
    while lo - 1 in keep or (lo - 1 >= 0 and doc[lo - 1].is_space and lo - 2 in keep):
        lo -= 1
    while hi + 1 in keep or (hi + 1 < len(doc) and doc[hi + 1].is_space and hi + 2 in keep):
        hi += 1
    for i in range(head.i - 1, lo - 1, -1):  # a comma before the head sets off what precedes
        if doc[i].text in (",", ";", ":"):
            lo = i + 1
            break
    toks = [doc[i] for i in range(lo, hi + 1)]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space) and toks[0].i != head.i:
        toks.pop(0)
    return toks


def quoted_tokens(doc: Doc) -> set[int]:
    """Tokens between quotation marks (the speakers' words, not the article's)."""
    from .quotes.marks import find_quotes  # local: quotes imports this module

    inside = set()
    for q in find_quotes(doc.text):
        span = doc.char_span(q.open, q.close + 1, alignment_mode="expand")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


# ---------------------------------------------------------------- public API

def _index(doc: Doc) -> ActorIndex | None:
    return doc._.actor_index


def _tokens_of(doc: Doc, span) -> list[Token]:
    if isinstance(span, Token):
        return [span]
    if isinstance(span, Span):
        return [t for t in span if not t.is_space]
    return [t for t in span if not t.is_space]


def _head_of(tokens: list[Token]) -> Token:
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            if not t.is_punct:
                return t
    return tokens[0]


def describe(tokens: list[Token]) -> str:
    """The readable description of an unnamed actor: the noun phrase without
    its determiners and quantifiers (« plusieurs médias sud-coréens » →
    « médias sud-coréens »)."""
    lex = lexicon()
    toks = [t for t in tokens if not t.is_space]
    while toks and (fold(toks[0].text) in lex.determiners or toks[0].pos_ in ("DET", "NUM")
                    or toks[0].is_punct):
        toks = toks[1:]
    for k, t in enumerate(toks):  # what a comma adds is not the description
        if t.text in (",", "(", ";") and k > 0:
            toks = toks[:k]
            break
    while toks and (toks[-1].is_punct or fold(toks[-1].text) in lex.determiners):
        toks = toks[:-1]
    if not toks:
        return " ".join(t.text for t in tokens).strip()
    doc = toks[0].doc
    return _text(doc, toks[0].i, toks[-1].i + 1)


def _gender_number(tokens: list[Token], head: Token) -> tuple[str | None, str | None]:
    g = head.morph.get("Gender")
    n = head.morph.get("Number")
    if any(c.dep_ == "conj" for c in head.children):
        n = ["Plur"]
    for t in tokens:
        if t.pos_ == "DET" and t.i < head.i:
            g = g or t.morph.get("Gender")
            n = n or t.morph.get("Number")
            break
    return (g[0] if g else None), (n[0] if n else None)


def _entity_referent(index: ActorIndex, ent: Entity, a: int, b: int, actor: bool) -> Referent:
    doc = index.doc
    lex = lexicon()
    if actor and fold(ent.name) in lex.capitals:
        country = index.country_entity(lex.capitals[fold(ent.name)])
        if country is not None:
            ent = country
    return Referent(ent.name, ent, doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text),
                    index.gender.get(ent.id), index.number.get(ent.id), ent.type)


def refer(doc: Doc, span, actor: bool = True, context: int | None = None) -> Referent | None:
    """What the noun phrase (or pronoun) ``span`` stands for.

    Names go to their entity (a capital acting as a state goes to that state
    when the article names it); pronouns to the last fitting subject or
    speaker; role descriptions to the entity holding that role (a definite one
    with no match: to the last speaker of the paragraph with no other role);
    anything else is an unnamed description.
    """
    index = _index(doc)
    tokens = _tokens_of(doc, span)
    if index is None or not tokens:
        return None
    head = _head_of(tokens)
    at = tokens[0].i if context is None else context
    lex = lexicon()
    # pronouns
    pk = pronoun_key(head) if len(tokens) <= 2 else None
    if pk is None and len(tokens) == 2:
        pk = _join(tokens) if _join(tokens) in lex.pronouns else None
    if pk is not None:
        return antecedent(doc, head.i, pk)
    # a description in apposition to a name (« Son avocate, Me X, »)
    eid = index.appos.get(head.i)
    if eid is not None and eid in index.by_id:
        return _entity_referent(index, index.by_id[eid], tokens[0].i, tokens[-1].i + 1, actor)
    # a name in the phrase that is not inside a prepositional complement
    named = _name_in(index, tokens, head)
    if named is not None:
        ent, a, b = named
        return _entity_referent(index, ent, a, b, actor)
    ga, gb = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    g, n = _gender_number(tokens, head)
    hkey = fold(head.lemma_)
    # a part of an organisation speaks for it (« le bureau de MSF »)
    if hkey in lex.org_units:
        for t in tokens:
            ent = index.entity_at(t.i)
            if ent is not None and ent.type in ("ORG", "MISC") and t.i > head.i:
                return _entity_referent(index, ent, t.i, t.i + 1, actor)
    # one side of a dispute, or the people of a country (« la partie russe »)
    if hkey in lex.side_nouns or (head.pos_ in ("NOUN", "PROPN") and hkey in lex.demonyms
                                   and head.text[:1].isupper()):
        for t in tokens:
            k = fold(t.lemma_)
            if k in lex.demonyms:
                country = index.country_entity(lex.demonyms[k])
                if country is not None:
                    return Referent(country.name, country, ga, gb, None, None, country.type)
    # role descriptions
    k = next((j for j, t in enumerate(tokens) if t.i == head.i), 0)
    rk = role_key(tokens, k)
    if rk is not None:
        info = _description_role(tokens, rk)
        ent = _role_match(index, tokens, rk, at)
        definite = _definite(tokens, head)
        if ent is None and definite and info.mods:
            ent = _qualified_match(index, info, at)
        if ent is None and definite and (g != "Plur" and n != "Plur"):
            ref = _salient_speaker(index, at, g, info)
            if ref is not None:
                return Referent(ref.name, ref.entity, ga, gb, ref.gender, ref.number, ref.kind)
        if ent is not None and (definite or head.i < index.title_end or _possessive(tokens, head)):
            # (« Son homologue a salué » after « son homologue ghanéen, X »: the one holding that role)
            return Referent(ent.name, ent, ga, gb, index.gender.get(ent.id) or g, "Sing", ent.type)
    # an organisation by its kind, just named (« le parti écologiste »), or the
    # article's one organisation of that kind (« l'organisation », « le mouvement »)
    if hkey in lex.org_nouns and _definite(tokens, head) and n != "Plur":
        ref = _recent_org(index, at, tokens, head) or _kind_org(index, at, tokens, head)
        if ref is not None:
            return Referent(ref.name, ref, ga, gb, g, n, ref.type)
    # « les deux médiateurs »: the two actors last named together
    if n == "Plur" and _definite(tokens, head) and any(
            t.i < head.i and t.pos_ == "NUM" and fold(t.text) in ("deux", "2") for t in tokens) \
            and (rk is not None or hkey in lex.org_nouns or hkey in lex.person_nouns):
        pair = _last_pair(index, at)
        if pair is not None:
            first, second = pair
            return Referent(f"{first.name} et {second.name}", first, ga, gb, None, "Plur", first.type)
    return Referent(describe(tokens), None, ga, gb, g, n, "DESC")


def _possessive(tokens: list[Token], head: Token) -> bool:
    """« son homologue », « leur avocat »: a possessive determiner before the head."""
    return any(t.i < head.i and t.pos_ == "DET" and "Yes" in t.morph.get("Poss") for t in tokens)


def _definite(tokens: list[Token], head: Token) -> bool:
    for t in tokens:
        if t.i >= head.i:
            break
        if t.pos_ == "DET":
            return "Def" in t.morph.get("Definite") or "Dem" in t.morph.get("PronType")
    # « auprès du parti »: the article is in the preposition
    p = _prev(head.doc, tokens[0].i) if tokens else None
    return p is not None and p.i < head.i and "Def" in p.morph.get("Definite") and p.pos_ in ("ADP", "DET") \
        and fold(p.text) in ("du", "au", "aux")


def _name_in(index: ActorIndex, tokens: list[Token], head: Token):
    """(entity, first, last+1) of a name that is the phrase itself, its
    apposition (« le conseiller …, Iouri Ouchakov ») or the name after its
    title (« l'agence Bloomberg »); not one inside a complement (« du
    président russe », « sur la mort de X »)."""
    doc = index.doc
    ids = {t.i for t in tokens}
    best = None
    seen = set()
    for t in tokens:
        k = index.token_mention.get(t.i)
        if k is None or k in seen:
            continue
        seen.add(k)
        a, b = index.spans[k]
        m = index.mentions[k]
        if not m.entity:
            continue
        inside = a <= head.i < b
        ent = index.by_id[m.entity]
        if not inside and fold(doc[a].text) in DE_WORDS | {"au", "aux"}:
            continue  # « le préfet du Nord » with « du Nord » read as a name
        if not inside:
            p = _prev(doc, a)
            while p is not None and p.i > tokens[0].i and fold(p.text).rstrip(".") in {
                    h.rstrip(".") for h in lexicon().honorifics}:
                p = _prev(doc, p.i)  # (« le directeur de campagne de M. X »)
            if p is not None and (p.pos_ == "ADP" or fold(p.text) in DE_WORDS):
                continue
            if a < head.i or not _names_head(index, head, a, ent.type == "PER"):
                continue
        rank = (ent.type == "PER", inside, a > head.i)
        if best is None or rank > best[0]:
            best = (rank, ent, a, b)
    if best is None:
        return None
    return best[1], best[2], best[3]


def _names_head(index: ActorIndex, head: Token, a: int, person: bool = False) -> bool:
    """Is the name starting at token ``a`` the name of ``head`` (« l'agence
    Bloomberg », « le site d'information Axios », « le conseiller …, Iouri
    Ouchakov ») rather than of a noun between them (« le conseiller du
    ministre Jean Dupont » is the minister)?"""
    doc = index.doc
    j = a - 1
    while j > head.i:
        t = doc[j]
        if t.is_space or t.pos_ == "ADJ" or t.text in ("-",):
            j -= 1
            continue
        if t.text == ",":
            return True  # an apposition
        if t.pos_ in ("NOUN", "PROPN"):
            k = index.token_mention.get(j)
            if k is not None:  # a name inside: « de Maison Blanche »
                j = index.spans[k][0]
                t = doc[j]
            p = _prev(doc, j)
            if p is not None and fold(p.text) in ("de", "d'") and p.pos_ == "ADP":
                j = p.i - 1  # « d'information », « de Maison Blanche »: part of the head's phrase
                continue
            if person and fold(t.lemma_) in lexicon().org_nouns and k is None:
                # « le chef de l'organisation Ayman al-Zawahiri »: a person is
                # not the organisation's name
                p = _prev(doc, j)
                while p is not None and p.i > head.i and (p.pos_ in ("DET", "ADP") or fold(p.text) in DE_WORDS):
                    p = _prev(doc, p.i)
                j = p.i if p is not None else head.i
                continue
            return False
        return False
    return True


def _role_match(index: ActorIndex, tokens: list[Token], rk, at: int) -> Entity | None:
    key, ra, rb = rk
    skip = set(range(tokens[ra].i, tokens[rb - 1].i + 1))
    info = RoleInfo("", lexicon().role_group(key), _mods(tokens, skip))
    cands = [e for e in index.entities
             if any(r.matches(info) for r in index.roles.get(e.id, []))]
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    scored = [(index.last_position(e.id, at), e) for e in cands]
    best = max(scored, key=lambda x: x[0])
    if best[0] < 0:
        return min(cands, key=lambda e: min(index.positions.get(e.id) or [10 ** 9]))
    return best[1]


def _description_role(tokens: list[Token], rk) -> RoleInfo:
    key, ra, rb = rk
    skip = set(range(tokens[ra].i, tokens[rb - 1].i + 1))
    return RoleInfo("", lexicon().role_group(key), _mods(tokens, skip))


def _qualified_match(index: ActorIndex, info: RoleInfo, at: int) -> Entity | None:
    """« le ministre allemand » for « son homologue allemand, Matthias Kroll »:
    a person named in the last sentences whose role has the same qualifiers."""
    s = index.sent_of[at] if at < len(index.sent_of) else 0
    best = None
    for e in index.entities:
        if e.type != "PER" or not any(info.mods <= r.mods for r in index.roles.get(e.id, [])):
            continue
        if any(r.head == info.head and not info.mods <= r.mods for r in index.roles.get(e.id, [])):
            continue
        pos = index.last_position(e.id, at)
        if pos >= 0 and index.sent_of[pos] >= s - 3 and (best is None or pos > best[0]):
            best = (pos, e)
    return best[1] if best else None


def _salient_speaker(index: ActorIndex, at: int, gender: str | None, info: RoleInfo | None = None) -> Referent | None:
    """The last person who spoke, within the sentence or the two before it,
    unless a role of theirs says otherwise (« le ministre allemand » is not
    the Norwegian minister who spoke last)."""
    s = index.sent_of[at] if at < len(index.sent_of) else 0
    for i, kind, obj in reversed(index.history):
        if i >= at:
            continue
        if index.sent_of[i] < s - 2:
            break
        if kind != "speaker":
            continue
        ref = obj
        if ref.entity is None or ref.entity.type != "PER":
            continue
        g = index.gender.get(ref.entity.id)
        if gender and g and gender != g:
            continue
        if info is not None and any(r.head == info.head and not info.mods <= r.mods
                                    for r in index.roles.get(ref.entity.id, [])):
            continue
        roles = index.roles.get(ref.entity.id, [])
        if info is not None and roles and not any(r.head == info.head for r in roles):
            continue  # « le ministre de l'Intérieur » is not the préfet who spoke last
        if info is not None and info.mods and any(
                m in {fold(c) for c in lexicon().countries} and r.mods & {fold(c) for c in lexicon().countries}
                and m not in r.mods for m in info.mods for r in index.roles.get(ref.entity.id, [])):
            continue  # another country's man or woman
        return ref
    return None


def _fits_org(ent: Entity, tokens: list[Token], head: Token) -> bool:
    """Does « le parti écologiste » fit « Europe Écologie Les Verts »? The
    head noun is in its name or roles, or a word shares its stem with one."""
    names = [fold(w) for text in [ent.name] + ent.aliases + ent.roles for w in text.replace("-", " ").split()]
    if fold(head.lemma_) in names or fold(head.text) in names:
        return True
    for t in tokens:
        if t.i == head.i or t.pos_ not in ("ADJ", "NOUN", "PROPN"):
            continue
        stem = fold(t.text)[:5]
        if len(stem) == 5 and any(w.startswith(stem) for w in names):
            return True
    return False


def _kind_org(index: ActorIndex, at: int, tokens: list[Token], head: Token) -> Entity | None:
    """« l'organisation » for « l'ONG française Horizons », « le mouvement »
    for « le Front de libération … »: a definite bare description of an
    organisation's kind (no complement) stands for the organisation named
    before it whose name or role is of that kind; the last one named if
    there are several."""
    lex = lexicon()
    kinds = lex.org_kind.get(fold(head.lemma_)) or lex.org_kind.get(fold(head.text))
    if not kinds or any(t.i > head.i and t.pos_ not in ("ADJ",) and not t.is_punct for t in tokens):
        return None
    best = None
    for e in index.entities:
        if e.type != "ORG":
            continue
        words = [fold(w) for text in [e.name] + e.roles for w in text.replace("-", " ").replace("'", "' ").split()]
        if not any(kinds & lex.org_kind.get(w, set()) for w in words):
            continue
        pos = index.last_position(e.id, at)
        if pos >= 0 and (best is None or pos > best[0]):
            best = (pos, e)
    return best[1] if best else None


def _last_pair(index: ActorIndex, at: int) -> tuple[Entity, Entity] | None:
    """The last two actors named together (« X et Y »), within three sentences."""
    doc = index.doc
    s = index.sent_of[at] if at < len(index.sent_of) else 0
    spans = sorted((a, b, index.entity_at(a)) for a, b in index.spans if a < at)
    for k in range(len(spans) - 1, 0, -1):
        a2, b2, e2 = spans[k]
        a1, b1, e1 = spans[k - 1]
        if index.sent_of[a2] < s - 3:
            break
        if e1 is None or e2 is None or e1.id == e2.id or e1.type not in ("PER", "ORG", "LOC") \
                or e2.type not in ("PER", "ORG", "LOC") or (e1.type == "PER") != (e2.type == "PER"):
            continue
        between = [t for t in doc[b1:a2] if not t.is_space]
        if between and fold(between[0].text) == "et" and all(t.pos_ in ("CCONJ", "DET", "ADP") for t in between):
            return e1, e2
    return None


def _recent_org(index: ActorIndex, at: int, tokens: list[Token], head: Token) -> Entity | None:
    s = index.sent_of[at] if at < len(index.sent_of) else 0
    for i, kind, obj in reversed(index.history):
        if i >= at:
            continue
        if index.sent_of[i] < s - 1:
            break
        ref = _history_referent(index, i, kind, obj)
        if ref is not None and ref.entity is not None and ref.entity.type == "ORG" \
                and _fits_org(ref.entity, tokens, head):
            return ref.entity
    return None


def _history_referent(index: ActorIndex, i: int, kind: str, obj) -> Referent | None:
    if kind == "speaker":
        return obj
    if i in index._memo:
        return index._memo[i]
    index._memo[i] = None  # guards against cycles
    tok: Token = obj
    if is_clitic_subject(tok) or pronoun_key(tok):
        ref = antecedent(index.doc, tok.i, pronoun_key(tok) or fold(tok.text.lstrip("-")))
    elif fold(tok.text) in ("qui",):
        words = relative_antecedent(index.doc, tok)
        ref = refer(index.doc, words, context=tok.i) if words else None
    elif tok.pos_ in ("NOUN", "PROPN"):
        ref = refer(index.doc, noun_phrase(tok), context=tok.i)
    else:
        ref = None
    if ref is not None and ref.entity is None and not _actor_like(index, ref, tok):
        ref = None
    index._memo[i] = ref
    return ref


def relative_antecedent(doc: Doc, qui: Token, before: int | None = None) -> list[Token] | None:
    """The words « qui » stands for: after a comma, the name the apposition
    belongs to (« Idriss Déby, président du Tchad …, qui a rappelé »); else
    the noun phrase just before (« le chef de mission … pour la Syrie qui
    considère » is the head of mission, not Syria)."""
    index = _index(doc)
    if index is None:
        return None
    s = index.sents[index.sent_of[qui.i]].start
    p = _prev(doc, qui.i if before is None else before)  # (« …, pour qui » : before « pour »)
    if p is not None and p.text == ",":
        # « NAME, ROLE, qui … »: the name before the apposition
        j = p.i - 1
        while j > s and doc[j].text not in (",", ";", ":", "«", "»"):
            j -= 1
        if j > s and doc[j].text == ",":
            seg = [t for t in doc[j + 1:p.i] if not t.is_space]
            first = next((t for t in seg if t.pos_ not in ("DET", "ADJ")), None)
            before = _prev(doc, j)
            k = index.token_mention.get(before.i) if before is not None else None
            if first is not None and k is not None and (role_key([first], 0) or fold(first.lemma_) in lexicon().org_nouns):
                a, b = index.spans[k]
                ent = index.entity_at(a)
                if ent is not None and ent.type in ("PER", "ORG"):
                    return [doc[i] for i in range(a, b)]
        found = None
        j = p.i - 1
        while j >= s:
            t = doc[j]
            if t.text in (";", ":", "«", "»") or (t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")):
                break
            k = index.token_mention.get(j)
            if k is not None:
                ent = index.entity_at(j)
                a, b = index.spans[k]
                if ent is not None and ent.type == "PER":
                    return [doc[i] for i in range(a, b)]
                if found is None and ent is not None and ent.type == "ORG":
                    found = [doc[i] for i in range(a, b)]
                j = a - 1
                continue
            j -= 1
        if found is not None:
            return found
        p = _prev(doc, p.i)
    if p is not None and (p.pos_ in ("NOUN", "PROPN") or index.entity_at(p.i) is not None
                          and index.entity_at(p.i).type in ("PER", "ORG", "LOC")):
        return noun_phrase(_antecedent_noun(index, p))
    v = qui.head
    if v.dep_ == "acl:relcl":
        return noun_phrase(_np_top(v.head))
    return None


def _antecedent_noun(index: ActorIndex, tok: Token) -> Token:
    """The noun a relative clause hangs on, seen from the word before it:
    out of complements and places (« des groupes de parieurs basés en
    Russie et en Sicile, qui … » → « groupes »)."""
    lex = lexicon()
    cur = tok
    for _ in range(6):
        ent = index.entity_at(cur.i)
        if any(c.dep_ == "case" and fold(c.text) in lex.source_preps for c in cur.children):
            return cur  # « … selon Oslo, qui soupçonne … »: the source
        in_pp = any(c.dep_ == "case" for c in cur.children)
        if fold(cur.lemma_) in lex.person_roles and not (ent is not None and ent.type == "PER"):
            return cur
        if not (in_pp or (ent is not None and ent.type == "LOC") or cur.pos_ in ("VERB", "AUX")
                or cur.dep_ in ("conj", "flat:name")):
            return cur
        if cur.head.i == cur.i or cur.head.i > cur.i and cur.dep_ != "conj":
            return cur
        cur = cur.head
    return cur


def _np_top(tok: Token) -> Token:
    """Climb from a noun inside a complement to the noun phrase that owns it
    (« le chef de mission de MSF pour la Syrie qui … »: « Syrie » → « chef »)."""
    lex = lexicon()
    cur = tok
    while cur.dep_ in ("nmod", "appos", "flat:name") and cur.head.pos_ in ("NOUN", "PROPN") \
            and cur.head.i < cur.i:
        if fold(cur.head.lemma_) in lex.person_roles and cur.dep_ != "appos":
            cur = cur.head
            break
        cur = cur.head
    return cur


def _actor_like(index: ActorIndex, ref: Referent, tok: Token) -> bool:
    """Can an unnamed subject be someone who speaks (people, organisations)?"""
    lex = lexicon()
    key = fold(tok.lemma_)
    return (key in lex.person_roles or key in lex.org_nouns or key in lex.source_nouns
            or (ref.number == "Plur" and tok.pos_ == "NOUN"))


def antecedent(doc: Doc, i: int, pronoun: str) -> Referent | None:
    """The referent of a personal pronoun at token ``i``: the last subject or
    speaker before it, within three sentences, that agrees in gender and number."""
    index = _index(doc)
    if index is None:
        return None
    lex = lexicon()
    feats = lex.pronouns.get(pronoun, {})
    want_g, want_n = feats.get("gender"), feats.get("number")
    s = index.sent_of[i] if i < len(index.sent_of) else 0
    demonstrative = pronoun.startswith(("ce", "cet", "celui", "celle", "ceux"))
    unsure, unsure_sent = None, 0  # an organisation or a place of unknown gender: kept unless a person fits better
    for j, kind, obj in reversed(index.history):
        if j >= i:
            continue
        if index.sent_of[j] < s - 3:
            break
        if unsure is not None and index.sent_of[j] < unsure_sent:
            break  # (a person of the same sentence only)
        reported = (j in index.quoted or j in index.reported) and kind != "speaker"
        if reported and unsure is None:
            continue
        ref = _history_referent(index, j, kind, obj)
        if ref is None:
            continue
        if ref.entity is not None and ref.entity.type not in ("PER", "ORG", "LOC", "MISC"):
            continue
        g = index.gender.get(ref.entity.id) if ref.entity is not None else ref.gender
        n = ref.number if ref.entity is None else (index.number.get(ref.entity.id) or ref.number or "Sing")
        if want_n and n and want_n != n:
            continue
        if want_g == "Fem" and g == "Masc" or want_g == "Masc" and g == "Fem" and want_n == "Sing":
            continue
        if unsure is not None and not (ref.entity is not None and ref.entity.type == "PER" and g == want_g):
            continue  # (looking only for a person of the pronoun's gender now)
        if reported and unsure is None:
            continue
        if unsure is None and want_g and want_n == "Sing" and g is None and ref.entity is not None \
                and ref.entity.type in ("ORG", "LOC", "MISC"):
            unsure, unsure_sent = ref, index.sent_of[j]  # « X …, a annoncé Matignon. « … », a-t-elle déclaré »
            continue
        return Referent(ref.name, ref.entity, doc[i].idx, doc[i].idx + len(doc[i].text),
                        ref.gender, ref.number, ref.kind)
    if unsure is not None:
        return Referent(unsure.name, unsure.entity, doc[i].idx, doc[i].idx + len(doc[i].text),
                        unsure.gender, unsure.number, unsure.kind)
    if demonstrative or want_n == "Sing":
        # « ce dernier »: the last person named
        for k in range(len(index.mentions) - 1, -1, -1):
            a, b = index.spans[k]
            if a >= i or index.sent_of[a] < s - 1:
                continue
            ent = index.by_id.get(index.mentions[k].entity or "")
            if ent is not None and ent.type == "PER":
                return Referent(ent.name, ent, doc[i].idx, doc[i].idx + len(doc[i].text),
                                index.gender.get(ent.id), "Sing", "PER")
    return None


def resolve_span(doc: Doc, span, actor: bool = True) -> Entity | None:
    """The entity a name, description or pronoun stands for, or None."""
    ref = refer(doc, span, actor=actor)
    return ref.entity if ref is not None else None


def participant(doc: Doc, span, actor: bool = True) -> Participant | None:
    """An event participant for a noun phrase: the entity when it is one,
    else the unnamed description (« manifestants », « rebelles syriens »)."""
    ref = refer(doc, span, actor=actor)
    if ref is None:
        return None
    return Participant(name=ref.name, entity=ref.entity.id if ref.entity else None)


def note_speaker(doc: Doc, token_i: int, ref: Referent) -> None:
    """Record who spoke at token ``token_i`` (for later pronouns)."""
    index = _index(doc)
    if index is None or ref is None:
        return
    index.history.append((token_i, "speaker", ref))
    index.history.sort(key=lambda x: x[0])
    index._memo.clear()


def note_reported(doc: Doc, start: int, end: int) -> None:
    """Tokens [start, end) are someone's reported words: their subjects are
    not the article's (« il » after « X rappelle que l'Iran … » is X)."""
    index = _index(doc)
    if index is not None:
        index.reported.update(range(start, end))
        index._memo.clear()


def ensure_entity(doc: Doc, start: int, end: int, type_: str = "PER") -> Entity | None:
    """The entity named by tokens [start, end); created (with its mention)
    when the NER missed the name."""
    index = _index(doc)
    if index is None or end <= start:
        return None
    for i in range(start, end):
        ent = index.entity_at(i)
        if ent is not None:
            return ent
    name = _text(doc, start, end)
    key = fold(name)
    for e in index.entities:
        if fold(e.name) == key or key in (fold(a) for a in e.aliases):
            return e
    ent = index.new_entity(name, type_, start, end)
    doc._.entities = index.entities
    doc._.mentions = sorted(index.mentions, key=lambda m: m.start)
    return ent


@Language.factory("pourparlers_actors")
def make_actor_resolver(nlp: Language, name: str) -> ActorResolver:
    return ActorResolver(name)
