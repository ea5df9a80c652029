"""One event per real-world event within an article.

A meeting told in the headline, the lede and the body is one event: mentions
of the same type that share a participant, with compatible dates (equal, or
one more precise than the other) and compatible modality, are merged into one,
which keeps every participant, the most precise date, the place, the
attributes, and the mention that states it best as evidence (with the source
that mention is credited to). A visit merged
with a meeting makes the visitor the actor and the others the hosts.

Dated mentions are merged first; an undated mention then joins an event only
when exactly one fits (a headline « X a tiré un missile » in an article about
several tests of different dates stays apart). Two event words of one sentence
are two events, except a visit and the meeting it was for, or the people
who act and what they do (« des manifestants ont défilé »).

An event word with no participant of its own that refers back (« cette
réunion », « les accusations ») completes the last event of its type before
it when nothing conflicts; otherwise, without participants, it is dropped.
"""

from __future__ import annotations

from .context import country_of_place
from .extract import Draft, dedupe, same
from .lexicon import fold, lexicon


def compatible_dates(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def finer_date(a: str | None, b: str | None) -> str | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if len(a) >= len(b) else b


def _shares(xs, ys) -> bool:
    return any(same(x, y) for x in xs for y in ys)


def same_modality(m: Draft, d: Draft) -> bool:
    """Equal, or announced then reported as done (« devrait annoncer sa
    démission … a donné sa démission comme prévu »)."""
    return m.modality == d.modality or {m.modality, d.modality} == {"asserted", "future"}


def same_mode(m: Draft, d: Draft) -> bool:
    """Two modes told of one type are two events (« le rappel de son ambassadeur
    après l'expulsion d'un diplomate »: a withdrawal and an expulsion)."""
    if m.type not in DISTINCT_MODE_TYPES:
        return True  # (an accusation told as criticism and as allegation is one)
    return not (m.mode and d.mode) or m.mode == d.mode


# Types whose modes are different acts, never two wordings of one.
DISTINCT_MODE_TYPES = ("SANCTION", "RETREAT", "COERCE")


def mergeable(m: Draft, d: Draft) -> bool:
    if m.type != d.type or not same_modality(m, d) or not same_mode(m, d):
        return False
    if m.tok.sent.start == d.tok.sent.start and not (m.visitors or d.visitors) \
            and "self" not in (m.trig.frame, d.trig.frame) and not nested(m, d):
        # two event words of one sentence are two events, but a visit and the
        # meeting it was for are one (« s'est rendu à Moscou pour y rencontrer X »)
        return False
    if not compatible_dates(m.date, d.date):
        return False
    if not _shares(m.participants(), d.participants()):
        return False
    if m.targets and d.targets and not _shares(m.targets, d.targets) and not (m.visitors or d.visitors):
        return False
    return True


NESTING_DEPS = ("nmod", "obl", "obl:mod", "obl:arg", "obj", "nsubj", "nsubj:pass")


def nested(m: Draft, d: Draft) -> bool:
    """One event word is a complement of the other, within two steps: the same
    event told twice (« l'imposition de droits de douane », « tués dans des
    frappes »), not two events of one sentence."""
    side = lexicon().side_frames
    for a, b in ((m.tok, d.tok), (d.tok, m.tok)):
        if a.dep_ == "advcl" and a.head.i == b.i and "Part" in a.morph.get("VerbForm") \
                and "Pres" in a.morph.get("Tense") and not any(c.dep_ == "mark" for c in a.children):
            return True  # « ont attaqué le village, tuant douze personnes »: one attack
        cur = a
        for _ in range(2):
            if cur.dep_ not in NESTING_DEPS or cur.head.i == cur.i:
                break
            cur = cur.head
            if fold(cur.lemma_) in side:
                break  # « en marge du sommet, X s'est entretenu avec Y »: another event
            if cur.i == b.i:
                return True
    return False


def anaphora_fits(m: Draft, d: Draft) -> bool:
    """« X a été accusé … Les accusations ont été formulées par Y »: a definite
    event noun completes the last event of its type when nothing conflicts
    (compatible modality and dates, no two different actors or targets)."""
    if m.type != d.type or not same_modality(m, d) or not compatible_dates(m.date, d.date):
        return False
    if m.actors and d.actors and not _shares(m.actors, d.actors):
        return False
    if m.targets and d.targets and not _shares(m.targets, d.targets):
        return False
    return True


def _proof_rank(d: Draft) -> tuple:
    return (not d.headline, len(d.participants()), d.date is not None)


def combine(m: Draft, d: Draft, types: dict[str | None, str]) -> None:
    """Merge ``d`` into ``m``."""
    if m.visitors or d.visitors:
        visitors = dedupe([p for x in (m, d) if x.visitors for p in x.actors])
        everyone = dedupe(m.participants() + d.participants())
        hosts = [p for p in everyone if not any(same(p, v) for v in visitors)]
        if any(types.get(h.entity) in ("PER", "ORG") for h in hosts):
            # a host named: the place visited is where, not whom (« à Moscou pour y
            # rencontrer Poutine »; a capital already read as its country included)
            hosts = [h for h in hosts if types.get(h.entity) != "LOC"
                     and not (h.entity is None and country_of_place(h.name))]
        m.actors, m.targets, m.visitors = visitors, hosts, True
    else:
        m.actors = dedupe(m.actors + d.actors)
        m.targets = [t for t in dedupe(m.targets + d.targets) if not any(same(t, a) for a in m.actors)]
    if d.mode and (m.mode is None or d.visitors and not m.visitors or d.mode == "visit"):
        m.mode = d.mode
    _add_details(m, d)
    if "asserted" in (m.modality, d.modality):
        m.modality = "asserted"
    rank = _proof_rank(d)
    if rank > m.proof_rank:
        m.proof, m.proof_rank, m.source = d.tok, rank, d.source
    m.first = min(m.first, d.tok.i)
    d.host = m
    if not d.trig.weak or not m.trig.weak:
        m.merged = True


def _add_details(m: Draft, d: Draft) -> None:
    m.date = finer_date(m.date, d.date)
    m.location = m.location or d.location
    for k, v in d.attributes.items():
        m.attributes.setdefault(k, v)


def _mentions(m: Draft, drafts: list[Draft]) -> list[Draft]:
    """The mentions merged into ``m`` (itself included)."""
    return [x for x in drafts if x is m or _host(x) is m]


def _start(d: Draft, out: list[Draft]) -> None:
    d.proof, d.proof_rank, d.first, d.host = d.tok, _proof_rank(d), d.tok.i, d
    out.append(d)


def _host(d: Draft | None) -> Draft | None:
    while d is not None and d.host is not None and d.host is not d:
        d = d.host
    return d


def inherit(out: list[Draft]) -> None:
    """« les deux hommes ont convenu que … »: an event whose participants were
    found through an earlier event is dated and placed like it, when it says
    nothing itself."""
    for m in out:
        src = _host(m.pair_from)
        if src is not None and src is not m and m.date is None:
            # (an event of its own date is another occasion, perhaps elsewhere)
            m.date = src.date
            m.location = m.location or src.location


def drop_redundant_roles(m: Draft, types: dict[str | None, str], role_words) -> None:
    """« entre Poutine et l'envoyé de Washington » … « Steve Witkoff s'est
    entretenu avec Vladimir Poutine »: once an event names two people, a role
    description the actors component could not tie to anyone is one of them,
    not a third participant."""
    named = [p for p in m.participants() if types.get(p.entity) == "PER"]
    if len(named) < 2:
        return

    def redundant(p) -> bool:
        return p.entity is None and fold(p.name).split()[:1] and fold(p.name).split()[0] in role_words

    m.actors = [p for p in m.actors if not redundant(p)]
    m.targets = [p for p in m.targets if not redundant(p)]


def infer_host(m: Draft, homes) -> None:
    """A meeting held in the country of exactly one of its sides is a visit by
    the others (« un entretien entre Poutine et Witkoff à Moscou »: Witkoff
    visits Poutine). ``homes(participant)`` gives the countries of an actor."""
    if m.type != "CONSULT" or m.mode is not None or m.targets or len(m.actors) < 2 or not m.location:
        return
    place = homes(m.location)
    if not place:
        return
    hosts = [a for a in m.actors if homes(a) & place]
    if len(hosts) == 1:
        m.targets = hosts
        m.actors = [a for a in m.actors if a is not hosts[0]]
        m.mode, m.visitors = "visit", True


def merge_nested(drafts: list[Draft]) -> list[Draft]:
    """« tués dans des frappes de drones des rebelles »: an event word that is a
    complement of another of the same type is the same event; its participants
    and details join it."""
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda x: x.tok.i):
        host = next((m for m in out if m.type == d.type and m.tok.sent.start == d.tok.sent.start
                     and same_modality(m, d) and same_mode(m, d) and compatible_dates(m.date, d.date)
                     and nested(m, d)), None)
        if host is None:
            out.append(d)
            continue
        if (len(d.participants()), d.trig.kind != "noun") > (len(host.participants()), host.trig.kind != "noun"):
            # the mention that names more (or the verb) tells it
            out[out.index(host)] = d
            host, d = d, host
        host.actors = dedupe(host.actors + d.actors)
        host.targets = [t for t in dedupe(host.targets + d.targets) if not any(same(t, a) for a in host.actors)]
        if d.mode and host.mode is None:
            host.mode = d.mode
        _add_details(host, d)
    return out


def merge(drafts: list[Draft], types: dict[str | None, str]) -> list[Draft]:
    drafts = merge_nested(drafts)
    out: list[Draft] = []
    later: list[Draft] = []
    for d in drafts:
        if not d.participants() or d.date is None:
            later.append(d)
            continue
        for m in out:
            if mergeable(m, d):
                combine(m, d, types)
                break
        else:
            _start(d, out)
    for d in later:
        if not d.participants():
            # « X a reçu Y pour un entretien de trois heures »: said of the event
            # of that type told in the same sentence
            here = [m for m in out if m.type == d.type and any(
                x.tok.sent.start == d.tok.sent.start for x in _mentions(m, drafts))]
            if here:
                _add_details(here[0], d)
                d.host = here[0]
                if not d.trig.weak:
                    here[0].merged = True
                continue
        before = [m for m in out if m.first < d.tok.i and m.type == d.type]
        if d.anaphoric and before:
            last = max(before, key=lambda m: m.first)
            if anaphora_fits(last, d) and (not d.participants() or not mergeable(last, d)):
                if d.participants():
                    combine(last, d, types)
                else:
                    if "Plur" in d.tok.morph.get("Number"):
                        d.date = None  # « ces essais … depuis mai 2015 »: a set, not one of them
                    _add_details(last, d)
                    d.host = last
                continue
        if not d.participants():
            continue
        fits = [m for m in out if mergeable(m, d)]
        if len(fits) == 1:
            combine(fits[0], d, types)
        elif len(fits) == 2 and joins_visit(d, fits):
            # « X est arrivée mardi … Elle a été reçue par Y »: the reception ties
            # the visitor's arrival to the host's welcome, one visit
            first, second = sorted(fits, key=lambda m: m.first)
            combine(first, second, types)
            out.remove(second)
            combine(first, d, types)
        else:
            _start(d, out)
    victims_join_attack(out, types)
    inherit(out)
    # a weak mention (an arrival) is an event only as part of another
    out = [m for m in out if not m.trig.weak or m.merged]
    return sorted(out, key=lambda m: m.first)


def joins_visit(d: Draft, fits: list[Draft]) -> bool:
    """Does the visit ``d``, which names its visitor and its host, join two
    told events of a visit, one sharing its visitor and the other its host,
    with no dates or targets in conflict?"""
    if not (d.visitors and d.actors and d.targets) or not all(m.visitors for m in fits):
        return False
    a, b = fits
    if not compatible_dates(a.date, b.date) or a.modality != b.modality:
        return False
    by_visitor = [m for m in fits if _shares(m.actors, d.actors)]
    by_host = [m for m in fits if _shares(m.participants(), d.targets)]
    return len(by_visitor) == 1 and len(by_host) == 1 and by_visitor[0] is not by_host[0]


def victims_join_attack(out: list[Draft], types: dict[str | None, str]) -> None:
    """« trente soldats tués » in the headline and the lead, « le groupe affirme
    avoir tué … »: killings told with no attacker are the one attack of the
    article whose attacker is told, when there is exactly one that fits."""
    attacks = [m for m in out if m.type == "ASSAULT" and m.actors]
    for m in list(out):
        if m.type != "ASSAULT" or m.actors or not m.targets:
            continue
        fits = [a for a in attacks if same_modality(a, m) and compatible_dates(a.date, m.date)]
        # (one attacker: « a revendiqué l'attaque, affirmant avoir tué … » is one attack)
        if not fits or len(fits) != len(attacks) or not all(_shares(a.actors, fits[0].actors) for a in fits):
            continue
        combine(fits[0], m, types)
        out.remove(m)


def headline_restated(out: list[Draft], homes) -> list[Draft]:
    """« Kiev réclame … » in the headline, « Zelensky appelle … » in the body:
    a headline event whose actors are countries restates the one body event of
    its type whose actor is a person of that country; it is dropped, lending
    what the body lacks. ``homes(participant)`` gives the countries of an actor."""
    keep = []
    for m in out:
        if not m.headline or (m.proof_rank and m.proof_rank[0]) or not m.actors:
            keep.append(m)
            continue
        countries = set()
        for a in m.actors:
            h = homes(a.name)
            if not h:
                countries = set()
                break
            countries |= h
        body = [b for b in out if b is not m and b.type == m.type and not b.headline
                and same_modality(b, m) and compatible_dates(b.date, m.date)
                and any(homes(a) & countries for a in b.actors)] if countries else []
        if len(body) != 1:
            keep.append(m)
            continue
        b = body[0]
        if not b.targets:
            b.targets = [t for t in m.targets if not any(same(t, a) for a in b.actors)]
        _add_details(b, m)
    return keep


def capitals_as_countries(m: Draft, entities, country_of, keep) -> None:
    """« Moscou a dénoncé … », « Rome a remercié Nouakchott »: a capital acting
    or acted upon stands for its country (except the seats of institutions,
    « Bruxelles » for the European Union). ``country_of(name)`` gives the
    country a place is the capital of."""
    def country(p):
        if fold(p.name) in keep:
            return p
        c = country_of(p.name)
        if not c or fold(c) == fold(p.name):
            return p
        for e in entities:
            if fold(e.name) == fold(c):
                return type(p)(name=e.name, entity=e.id)
        return type(p)(name=c, entity=None)

    m.actors = dedupe([country(p) for p in m.actors])
    m.targets = [t for t in dedupe([country(p) for p in m.targets]) if not any(same(t, a) for a in m.actors)]


def use_aliases(m: Draft, entities, aliases) -> None:
    """« l'Alliance atlantique » in an article that also names « l'OTAN »:
    one actor, under the name the article gives as an entity."""
    if not aliases:
        return
    by_name = {fold(e.name): e for e in entities}

    def canonical(p):
        group = aliases.get(fold(p.name))
        if not group:
            return p
        for e in entities:
            if fold(e.name) in group and fold(e.name) != fold(p.name) and e.id != p.entity:
                if p.entity is None or by_name.get(fold(p.name)) is None or len(e.name) < len(p.name):
                    return type(p)(name=e.name, entity=e.id)
        return p

    m.actors = dedupe([canonical(p) for p in m.actors])
    m.targets = [t for t in dedupe([canonical(p) for p in m.targets]) if not any(same(t, a) for a in m.actors)]

