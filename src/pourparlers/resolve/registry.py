"""The collection actor registry: one actor across many articles.

Each article names its own entities (« Vladimir Poutine », with the alias
« Poutine » and the roles « président russe »…). The registry decides which
entities of different articles are the same real-world actor. It is
*conservative*: two entities are joined only on evidence, and every decision
carries its explanation.

Rules, in order:

1. **The alias file wins.** An entity whose name or alias is listed in the
   user's alias file (canonical name, aliases, type, country) belongs to that
   actor, whatever the rules below would say; two actors of the file are never
   joined.
2. **People** (``PER``) are compared by name parts (:mod:`.names`): the same full
   name is the same actor; a shorter form (« Poutine », « V. Poutine ») joins the
   one fuller name it can abbreviate. When it fits several actors (« Le Pen »
   with both « Marine Le Pen » and « Jean-Marie Le Pen » known), it joins one
   only if it shares a distinctive role with it, given in articles published
   close in time (« présidente du Rassemblement national »); otherwise it stays
   apart. Different first names (« Marine » and « Jean-Marie ») never join.
3. **Organisations, places and others** are joined when they share a name or an
   alias (« OTAN » given as the alias of « Organisation du traité de
   l'Atlantique nord » in one article, as the name in another).

``resolve`` is a pure function of the entities it is given (and the alias
entries), so the result does not depend on the order in which articles were
ingested; the store calls it on the *block* of entities that a change can
affect (:func:`blocks`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Errors, UsageError
from ..model import ENTITY_TYPES
from .names import PersonName, key, person, role_key, slug, subsumes, thing_key, words

ROLE_WINDOW_DAYS = 365


@dataclass(frozen=True)
class AliasEntry:
    """One line of the user's alias file."""

    canonical: str
    aliases: tuple[str, ...] = ()
    type: str | None = None
    country: str | None = None

    @property
    def keys(self) -> set[str]:
        names = (self.canonical, *self.aliases)
        out = {key(n) for n in names}
        if self.type != "PER":
            out |= {thing_key(n) for n in names}
        return out - {""}

    @property
    def actor_id(self) -> str:
        return f"{(self.type or 'x').lower()}:{slug(self.canonical)}"


@dataclass
class EntityRef:
    """An article's entity, as the registry sees it."""

    article_id: str
    entity_id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    published: str | None = None

    @property
    def ref(self) -> tuple[str, str]:
        return (self.article_id, self.entity_id)

    @property
    def keys(self) -> set[str]:
        """Name keys; an organisation's or place's without its leading article."""
        fn = key if self.type == "PER" else thing_key
        return {k for k in (fn(n) for n in (self.name, *self.aliases)) if k}


@dataclass
class Actor:
    """A registry decision: one actor and the entities that are it."""

    actor_id: str
    name: str
    type: str
    country: str | None = None
    origin: str = "auto"  # "auto" or "alias_file"
    members: list[tuple[str, str]] = field(default_factory=list)  # (article_id, entity_id)
    aliases: set[str] = field(default_factory=set)
    explanation: list[str] = field(default_factory=list)
    ambiguous_keys: set[str] = field(default_factory=set)  # person names decided article by article


# ---------------------------------------------------------------- alias file

ALIAS_COLUMNS = ("canonical", "aliases", "type", "country")


def parse_alias_csv(text: str, where: str = "<aliases>") -> list[AliasEntry]:
    """Alias entries from CSV text with a header: canonical,aliases,type,country.

    ``aliases`` holds several names separated by ``|`` (or ``;``). Lines starting
    with ``#`` are comments. Raises ``UsageError`` naming the file and line.
    """
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "canonical" not in header:
        raise UsageError(Errors.E504.format(where=where, reason="the header must name the columns "
                                            + ",".join(ALIAS_COLUMNS)))
    reader.fieldnames = header
    entries: list[AliasEntry] = []
    seen: dict[str, int] = {}
    for n, row in enumerate(reader, 2):
        line = f"{where}:{n}"
        canonical = (row.get("canonical") or "").strip()
        if not canonical or not key(canonical):
            raise UsageError(Errors.E504.format(where=line, reason="empty canonical name"))
        raw = (row.get("aliases") or "").replace(";", "|")
        aliases = tuple(a.strip() for a in raw.split("|") if a.strip())
        typ = (row.get("type") or "").strip().upper() or None
        if typ is not None and typ not in ENTITY_TYPES:
            raise UsageError(Errors.E504.format(
                where=line, reason=f"unknown type '{typ}' (use {', '.join(ENTITY_TYPES)})"))
        country = (row.get("country") or "").strip() or None
        entry = AliasEntry(canonical, aliases, typ, country)
        for k in entry.keys:
            if k in seen:
                raise UsageError(Errors.E504.format(
                    where=line, reason=f"the name '{k}' is already given on line {seen[k]}"))
            seen[k] = n
        entries.append(entry)
    return entries


def load_alias_file(path: str | Path) -> list[AliasEntry]:
    """Read the user's alias file (CSV, UTF-8)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(Errors.E504.format(where=str(p), reason=getattr(err, "strerror", None) or err)) from None
    return parse_alias_csv(text, str(p))


def alias_csv(entries: Iterable[AliasEntry]) -> str:
    """The CSV text of alias entries (the inverse of ``parse_alias_csv``)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(ALIAS_COLUMNS)
    for e in entries:
        w.writerow([e.canonical, "|".join(e.aliases), e.type or "", e.country or ""])
    return out.getvalue()


class AliasIndex:
    """Name key → alias entry."""

    def __init__(self, entries: Sequence[AliasEntry] = ()) -> None:
        self.entries = list(entries)
        self.by_key: dict[str, AliasEntry] = {}
        for e in self.entries:
            for k in e.keys:
                self.by_key.setdefault(k, e)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def match(self, entity: EntityRef) -> AliasEntry | None:
        """The entry an entity belongs to: by its name first, then by its aliases."""
        hit = self.by_key.get(key(entity.name)) or (
            self.by_key.get(thing_key(entity.name)) if entity.type != "PER" else None)
        if hit is not None:
            return hit
        for k in sorted(entity.keys):
            if k in self.by_key:
                return self.by_key[k]
        return None

    def person_blocks(self, entry: AliasEntry) -> set[str]:
        if entry.type not in (None, "PER"):
            return set()
        return {f"per:{person(n).last}" for n in (entry.canonical, *entry.aliases) if person(n).last}


# ---------------------------------------------------------------- blocks

def blocks(entity: EntityRef, aliases: AliasIndex | None = None) -> set[str]:
    """The block keys of an entity: entities that can be the same actor share one.

    People: the last word of their surname(s); others: each name and alias key;
    plus the alias-file actor the entity is bound to.
    """
    out: set[str] = set()
    if entity.type == "PER":
        for n in (entity.name, *entity.aliases):
            last = person(n).last
            if last:
                out.add(f"per:{last}")
    else:
        out |= {f"{entity.type.lower()}:{k}" for k in entity.keys}
    if aliases:
        entry = aliases.match(entity)
        if entry is not None:
            out.add(f"alias:{entry.actor_id}")
    return out


# ---------------------------------------------------------------- resolution

def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


class _Node:
    """Entities (or an alias-file actor) with the same person name."""

    def __init__(self, name: PersonName, anchor: AliasEntry | None = None) -> None:
        self.name = name
        self.anchor = anchor
        self.forms: list[PersonName] = [name]
        self.entities: list[EntityRef] = []
        self.parent: _Node = self

    def root(self) -> "_Node":
        node = self
        while node.parent is not node:
            node = node.parent
        return node

    def roles(self) -> list[tuple[str, dt.date | None, str]]:
        out = []
        for e in self.entities:
            for r in e.roles:
                k = role_key(r)
                if k:
                    out.append((k, _date(e.published), r))
        return out


def _shared_role(node: _Node, root: _Node, members: dict[int, list[_Node]],
                 window: int) -> str | None:
    """A distinctive role that ``node`` and the actor ``root`` were both given, close in time."""
    theirs = [r for m in members[id(root)] for r in m.roles()]
    for k, d, text in node.roles():
        for k2, d2, _ in theirs:
            if k == k2 and (d is None or d2 is None or abs((d - d2).days) <= window):
                return text
    return None


def tidy(name: str) -> str:
    """A name with its white space normalised (« Steve\nWitkoff » → « Steve Witkoff »)."""
    return " ".join(name.split())


def _spelling_rank(name: str) -> tuple:
    """Prefer a name without a title or article before it, not in capitals, with its
    accents, then alphabetical order."""
    extra = len(words(name)) - len(key(name, drop_article=True).split())
    if extra == 0:
        p = person(name)
        extra = len(words(name)) - len((p.key.replace("-", " ")).split()) if p.key else 0
    return (extra > 0, name.isupper(), -sum(1 for c in name if ord(c) > 127), name)


def _display(entities: list[EntityRef], fallback: str) -> str:
    """The display spelling of a set of entities' names: a function of the *set* of
    spellings (not of their counts), so that more mentions never rename an actor."""
    names = {tidy(e.name) for e in entities} - {""}
    return min(names, key=_spelling_rank) if names else fallback


def _fullest(entities: list[EntityRef]) -> str:
    """Organisations and places: the fullest form (« Organisation du traité… » over « OTAN »)."""
    longest = max(len(thing_key(e.name)) for e in entities)
    return _display([e for e in entities if len(thing_key(e.name)) == longest], entities[0].name)


def _q(text: str) -> str:
    return f"« {text} »"


def _resolve_people(entities: list[EntityRef], anchors: list[AliasEntry],
                    window: int) -> list[tuple[list[_Node], list[str], set[str]]]:
    nodes: dict[str, _Node] = {}
    anchor_nodes: list[_Node] = []
    for a in anchors:
        node = _Node(person(a.canonical), anchor=a)
        node.forms = [p for p in (person(n) for n in (a.canonical, *a.aliases)) if p.last]
        anchor_nodes.append(node)
    for e in entities:
        p = person(e.name)
        nodes.setdefault(p.key, _Node(p)).entities.append(e)
    order = anchor_nodes + sorted(nodes.values(), key=lambda n: (tuple(-x for x in n.name.specificity),
                                                                 n.name.key))
    members: dict[int, list[_Node]] = {}
    notes: dict[int, list[str]] = defaultdict(list)
    ambiguous: dict[int, set[str]] = defaultdict(set)  # root → names decided one article at a time
    done: list[_Node] = []
    for node in order:
        if node.anchor is None:
            cands = [d for d in done if any(subsumes(f, node.name) for f in d.forms)]
            roots: list[_Node] = []
            for c in cands:
                r = c.root()
                if r not in roots:
                    roots.append(r)
            shown = _q(_display(node.entities, node.name.key))
            if len(roots) == 1:
                r = roots[0]
                node.parent = r
                target = next(c for c in cands if c.root() is r)
                tname = target.anchor.canonical if target.anchor else _display(target.entities, target.name.key)
                notes[id(r)].append(f"{shown} is a shorter form of {_q(tname)}")
            elif len(roots) > 1:
                # ambiguous: each article's entity may join the one actor it shares a
                # distinctive role with; the others stay apart, under the short name
                names = ", ".join(sorted(_q(r.anchor.canonical if r.anchor else _display(r.entities, r.name.key))
                                         for r in roots))
                kept = []
                for e in node.entities:
                    single = _Node(node.name)
                    single.entities = [e]
                    hits = [(r, role) for r, role in
                            ((r, _shared_role(single, r, members, window)) for r in roots) if role]
                    if len(hits) == 1:
                        r, role = hits[0]
                        ambiguous[id(r)].add(node.name.key)
                        members[id(r)].append(single)
                        single.parent = r
                        notes[id(r)].append(f"{_q(e.name)} ({e.article_id}) fits {len(roots)} actors "
                                            f"({names}); joined by the shared role {_q(role)}")
                    else:
                        kept.append(e)
                node.entities = kept
                ambiguous[id(node)].add(node.name.key)
                if kept:
                    notes[id(node)].append(f"kept apart: {_q(_display(kept, node.name.key))} fits {len(roots)} actors ({names}) "
                                           "and no distinctive role decides")
        if node.anchor is None and not node.entities:
            continue  # every entity of this name joined an actor by its role
        root = node.root()
        members.setdefault(id(root), []).append(node)
        done.append(node)
    out = []
    for node in order:
        if node.root() is node and id(node) in members:
            out.append((members[id(node)], notes[id(node)], ambiguous[id(node)]))
    return out


def _resolve_others(entities: list[EntityRef]) -> list[tuple[list[EntityRef], list[str]]]:
    """Union of entities that share a name or alias key (per type)."""
    parent = list(range(len(entities)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[str, str], int] = {}
    for i, e in enumerate(entities):
        for k in sorted(e.keys):
            j = owner.setdefault((e.type, k), i)
            if find(j) != find(i):
                a, b = sorted((find(i), find(j)))
                parent[b] = a
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(entities)):
        groups[find(i)].append(i)
    out = []
    for root, idx in groups.items():
        ents = [entities[i] for i in idx]
        names = sorted({e.name for e in ents})
        notes = []
        if len(names) > 1:
            notes.append("joined by a shared name or alias: " + ", ".join(_q(n) for n in names))
        out.append((ents, notes))
    return out


def _actor_from(entities: list[EntityRef], anchor: AliasEntry | None, name_hint: str,
                notes: list[str]) -> Actor:
    types = Counter(e.type for e in entities)
    if anchor is not None:
        typ = anchor.type or (sorted(types, key=lambda t: (-types[t], t))[0] if types else "MISC")
        name = anchor.canonical
        actor_id = anchor.actor_id
        origin = "alias_file"
        aliases = {anchor.canonical, *anchor.aliases}
        notes = [f"defined in the alias file as {_q(anchor.canonical)}"] + notes
    else:
        typ = sorted(types, key=lambda t: (-types[t], t))[0]
        name = name_hint
        actor_id = f"{typ.lower()}:{slug(name)}"
        origin = "auto"
        aliases = set()
    for e in entities:
        aliases.add(tidy(e.name))
        aliases.update(tidy(a) for a in e.aliases)
    aliases.discard("")
    return Actor(actor_id=actor_id, name=name, type=typ,
                 country=anchor.country if anchor else None, origin=origin,
                 members=sorted(e.ref for e in entities), aliases=aliases, explanation=notes)


def resolve(entities: Iterable[EntityRef], alias_entries: Sequence[AliasEntry] = (),
            role_window_days: int = ROLE_WINDOW_DAYS,
            keep: Collection[str] | bool = False) -> list[Actor]:
    """Group entities into actors (see the module documentation for the rules).

    Alias-file actors are returned when they have members, when a person block
    they anchor is present, when their id is in ``keep``, or always with ``keep=True``.
    """
    index = AliasIndex(alias_entries)
    entities = list(entities)
    bound: dict[str, list[EntityRef]] = defaultdict(list)
    free: list[EntityRef] = []
    for e in entities:
        entry = index.match(e) if index else None
        if entry is not None:
            bound[entry.actor_id].append(e)
        else:
            free.append(e)
    by_id = {e.actor_id: e for e in index.entries}
    present_blocks = {b for e in entities for b in blocks(e)}
    anchors = [a for a in index.entries if a.actor_id in bound or keep is True
               or (keep and a.actor_id in keep) or index.person_blocks(a) & present_blocks]
    person_anchors = [a for a in anchors if a.type in (None, "PER")]

    actors: list[Actor] = []
    used_ids: set[str] = set()

    def add(actor: Actor) -> None:
        base, n = actor.actor_id, 2
        while actor.actor_id in used_ids:
            actor.actor_id = f"{base}-{n}"
            n += 1
        used_ids.add(actor.actor_id)
        actors.append(actor)

    # people: by blocks of surname, alias actors as anchors
    people = [e for e in free if e.type == "PER"]
    by_block: dict[str, list[EntityRef]] = defaultdict(list)
    for e in people:
        by_block[person(e.name).last].append(e)
    anchored: dict[str, list[tuple[list[EntityRef], list[str], set[str]]]] = defaultdict(list)
    for last in sorted(by_block):
        block_anchors = [a for a in person_anchors if f"per:{last}" in index.person_blocks(a)]
        for nodes, notes, amb in _resolve_people(by_block[last], block_anchors, role_window_days):
            root = nodes[0]
            ents = [e for n in nodes for e in n.entities]
            if root.anchor is not None:
                anchored[root.anchor.actor_id].append((ents, notes, amb))
            else:
                head = max(nodes, key=lambda n: (n.name.specificity, n.name.key))
                actor = _actor_from(ents, None, _display(head.entities, head.name.key), notes)
                actor.ambiguous_keys = set(amb)
                add(actor)
    # others
    for ents, notes in _resolve_others([e for e in free if e.type != "PER"]):
        add(_actor_from(ents, None, _fullest(ents), notes))
    # alias-file actors: their bound entities plus what joined them automatically
    for a in anchors:
        ents = list(bound.get(a.actor_id, []))
        notes: list[str] = []
        amb: set[str] = set()
        for more, n, k in anchored.get(a.actor_id, []):
            ents.extend(more)
            notes.extend(n)
            amb |= k
        actor = _actor_from(ents, by_id[a.actor_id], a.canonical, notes)
        actor.ambiguous_keys = amb
        add(actor)
    return sorted(actors, key=lambda a: a.actor_id)
