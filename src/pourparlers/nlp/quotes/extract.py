"""Finding the quotations of one doc and who said them.

Two passes over the sentences, in text order (so that « il » and « selon
lui » find the last speaker):

- words between quotation marks (``marks.find_quotes``): names of things and
  scare quotes are left out; the rest is a ``direct`` quotation when it is a
  clause standing on its own (« … », a déclaré X; X a déclaré : « … »;
  X a déclaré que « … »), a ``partial`` one when it is woven into the
  journalist's sentence. The speaker comes from the reporting verb next to it
  (after it, before a colon, before « que », or the verb it depends on), from
  « selon / pour / d'après X », or from the quotation before it in the
  paragraph;
- reported speech without marks (``indirect``), from the reporting verbs of
  ``data/fr/quotes.toml``: X a déclaré que …, X a annoncé + infinitive or noun
  phrase, X appelle à …, … a été annoncé par X, …, a-t-il ajouté,
  comme le souligne X, …, a-t-on appris auprès de X; and selon / d'après /
  pour X, ….

A quotation inside reported speech by the same speaker is not counted twice:
the reported clause is the quote (ANNOTATION.md §1). Speakers are resolved by
``nlp.actors``: names to entities, pronouns to the last speaker or subject,
descriptions to the entity holding that role, or kept as descriptions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ...model import Quote, Span as Evidence
from .. import actors
from ..actors import (Referent, _next, _prev, fold, is_clitic_subject, lexicon,
                      noun_phrase, pronoun_key, refer)
from .lexicon import Cue, cues
from .marks import Marked, find_quotes

QUE = ("que", "qu'", "qu")  # (the tokenizer cuts « qu’« » after « qu »)
END_PUNCT = (".", "!", "?", "…", ";")
TRIM = ",.;:…!?-–— \u00a0\n"
A_WORDS = ("a", "à", "au", "aux")
DE_CASE = ("de", "du", "des", "d'")


@dataclass
class Found:
    """A quotation found, before it becomes a ``Quote``."""

    a: int  # first content token
    b: int  # last content token + 1
    kind: str
    cue: str | None = None
    cue_tok: Token | None = None
    speaker: Referent | None = None
    source: str = "marks"  # marks | indirect
    mark: "MarkInfo | None" = None
    start: int | None = None  # char offsets (set for marks)
    end: int | None = None
    resolved: bool = False  # speaker searched for
    who: list | None = None  # the words naming the speaker, resolved in text order
    weak: bool = False  # no reporting word, no speaker: dropped unless repeated with one
    final: bool = False  # the article says nothing of who spoke: no guessing
    incise: bool = False  # the speaker is the subject of an incise (« … », confie un habitant)
    frame: str | None = None  # what the reporting verb reported (que, inf, obj, obj_a…)


@dataclass
class MarkInfo:
    m: Marked
    a: int  # content tokens [a, b)
    b: int
    o: int  # opening-mark token
    c: int | None  # closing-mark token
    name: bool = False
    found: list[Found] = field(default_factory=list)


class DocQuotes:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.index = doc._.actor_index
        self.lex = cues()
        self.alex = lexicon()
        self.sents = self.index.sents
        self.sent_of = self.index.sent_of
        self.quoted = self.index.quoted
        n = len(doc)
        self.para_of = [0] * n
        for p, sp in enumerate(doc.spans.get("paragraphs", [])):
            for i in range(sp.start, sp.end):
                self.para_of[i] = p
        self.text = doc.text  # built once: Doc.text joins every token
        self.tok_at = [0] * (len(self.text) + 1)
        for t in doc:
            for k in range(t.idx, t.idx + len(t.text)):
                self.tok_at[k] = t.i
            for k in range(t.idx + len(t.text), t.idx + len(t.text_with_ws)):
                self.tok_at[k] = t.i
        self.tok_at[len(self.text)] = n
        self.timex = set()
        self.timex_spans: list[tuple[int, int]] = []
        for tx in doc._.timexes or []:
            span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is not None:
                self.timex.update(range(span.start, span.end))
                self.timex_spans.append((span.start, span.end))
        self.marks = [self._mark_info(m) for m in find_quotes(self.text)]
        self.mark_of: dict[int, MarkInfo] = {}
        for mk in self.marks:
            for i in range(mk.o, (mk.c if mk.c is not None else mk.b - 1) + 1):
                self.mark_of[i] = mk
        self.found: list[Found] = []
        self.used_cues: set[int] = set()
        self.consumed: set[int] = set()  # « selon X » already part of another report
        self.slot_cues: dict[int, Cue] = {}  # cues the tagger mis-tagged, found by their place
        self.sentence_sources: dict[tuple[int, int], list] = {}

    # ------------------------------------------------------------------ helpers
    def _mark_info(self, m: Marked) -> MarkInfo:
        a = self.tok_at[m.start]
        b = self.tok_at[m.end - 1] + 1
        o = self.tok_at[m.open]
        c = self.tok_at[m.close] if m.closed else None
        return MarkInfo(m, a, b, o, c)

    def words(self, a: int, b: int) -> list[Token]:
        return [t for t in self.doc[a:b] if not t.is_space and not t.is_punct]

    def sent_range(self, i: int) -> tuple[int, int]:
        s = self.sents[self.sent_of[i]]
        return s.start, s.end

    def trim(self, a: int, b: int) -> tuple[int, int]:
        doc = self.doc
        while a < b and (doc[a].is_space or doc[a].text in TRIM):
            a += 1
        while b > a and (doc[b - 1].is_space or doc[b - 1].text in TRIM):
            b -= 1
        return a, b

    def chars(self, a: int, b: int) -> tuple[int, int]:
        doc = self.doc
        return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)

    def is_cue(self, tok: Token) -> Cue | None:
        if tok.i in self.quoted:
            return None
        if tok.i in self.slot_cues:
            return self.slot_cues[tok.i]
        return self.lex.verb(tok) or (self.slot_cue(tok) if tok.pos_ not in ("VERB", "AUX") else None)

    # ---------------------------------------------------------------- blocking
    def blocked(self, v: Token) -> bool:
        """A reporting verb that reports nothing said: negated, not (yet) done,
        the journalist's own (first person, imperative, a question)."""
        if v.i in self.quoted:
            return True
        s0, _ = self.sent_range(v.i)
        ne = any(fold(t.text) in ("ne", "n'") and t.i not in self.quoted for t in self.doc[max(s0, v.i - 6):v.i])
        for c in list(v.children) + [a for c in v.children if c.dep_.startswith("aux") for a in [c]]:
            if c.i in self.quoted:
                continue  # (« a salué « un premier pas » »: a step, not a negation)
            if c.dep_ in ("advmod", "advmod:neg") and ("Neg" in c.morph.get("Polarity")
                                                        or fold(c.text) in ("pas", "jamais", "guere", "point")) \
                    and (ne or fold(c.text) in ("ne", "n'", "jamais")):
                if fold(v.lemma_) in self.lex.negated_reports:
                    continue  # « n'a pas exclu des mesures »: said all the same
                return True
            if c.dep_ == "mark" and fold(c.text) in self.lex.irrealis_marks:
                # « avant de » + infinitive did happen; « avant que » not yet
                if fold(c.text) != "avant" or any(fold(m.text) in QUE for m in v.children if m.dep_ == "mark"):
                    return True
        if "Fut" in v.morph.get("Tense") or any(c.dep_.startswith("aux") and "Fut" in c.morph.get("Tense")
                                                 for c in v.children):
            return True  # « annoncera »: not said yet
        if "Part" in v.morph.get("VerbForm") and "Past" in v.morph.get("Tense") and v.dep_ in ("acl", "amod") \
                and not any(c.dep_.startswith("aux") for c in v.children) and self.detached_aux(v) is None \
                and not self.finite_homograph(v):
            return True  # « cet amendement, proposé en juin, … »: a passive participle
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if any(fold(c.text) in ("je", "j'", "nous") for c in subj):
            return True
        if not subj and ("Imp" in v.morph.get("Mood") or "1" in v.morph.get("Person")
                         and "Plur" in v.morph.get("Number")):
            return True
        h = v
        depth = 0
        while h.dep_ in ("xcomp", "ccomp") and h.head.i != h.i and depth < 3:
            if fold(h.head.lemma_) in self.lex.irrealis_governors and h.head.pos_ in ("VERB", "AUX"):
                return True
            h = h.head
            depth += 1
        s, e = self.sent_range(v.i)
        last = next((self.doc[j] for j in range(e - 1, s - 1, -1) if not self.doc[j].is_space), None)
        if last is not None and last.text == "?" and not self.mark_of.get(last.i):
            return True
        return False

    def not_words(self, v: Token) -> bool:
        """A reporting verb used for something else than words: a court's
        sentence (« condamné à deux ans de prison »), a request for anonymity."""
        doc = self.doc
        if any(c.dep_ == "obj" and fold(c.lemma_) in self.lex.no_content_objects for c in v.children):
            return True
        if fold(v.lemma_) in self.lex.penalty_verbs:
            _, e = self.sent_range(v.i)
            for t in doc[v.i + 1:e]:
                if t.i in self.quoted or t.text in (";", ":") or t.pos_ == "VERB" and t.head.i != v.i:
                    break
                if fold(t.text) in ("a", "à") and t.pos_ == "ADP" and (t.head.head.i == v.i or t.head.i == v.i):
                    return True
        return False

    def finite_homograph(self, v: Token) -> bool:
        """« X, qui a requis l'anonymat, décrit une situation … »: a present
        tense that looks like a participle (« dit », « décrit », « écrit »),
        taken for one in a sentence that has no other main verb."""
        lemma, form = fold(v.lemma_), fold(v.text)
        if not (lemma.endswith("ire") and form == lemma[:-2] + "t"):
            return False
        s, e = self.sent_range(v.i)
        for t in self.doc[s:e]:
            if t.i == v.i or t.i in self.quoted or t.pos_ not in ("VERB", "AUX"):
                continue
            if "Fin" in t.morph.get("VerbForm") and not any(
                    a.dep_ == "acl:relcl" for a in [t] + list(t.ancestors)) and t.dep_ not in ("aux", "aux:tense"):
                return False
        return True

    def gerund(self, v: Token) -> bool:
        """« en rappelant », « tout en assurant »."""
        if "Part" not in v.morph.get("VerbForm") or "Pres" not in v.morph.get("Tense"):
            return False
        p = _prev(self.doc, v.i)
        return p is not None and fold(p.text) == "en"

    def detached_aux(self, v: Token) -> Token | None:
        """The auxiliary of a past participle that an adverbial phrase cut off
        from it, which the parse lost (« X a de son côté salué … »)."""
        if "Part" not in v.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in v.children):
            return None
        doc = self.doc
        s, _ = self.sent_range(v.i)
        j = v.i - 1
        steps = 0
        while j >= s and steps < 6:
            t = doc[j]
            if t.pos_ == "AUX" and fold(t.lemma_) == "avoir" and "Fin" in t.morph.get("VerbForm"):
                return t if t.head.i == t.i or t.head.pos_ not in ("VERB",) or t.head.i == v.i \
                    or t.dep_ not in ("aux", "aux:tense", "aux:pass") else None
            if t.is_space or t.pos_ in ("ADV", "ADP", "DET", "NOUN", "ADJ", "PRON") and t.text not in (",", ";"):
                j -= 1
                steps += 1
                continue
            break
        return None

    def passive(self, v: Token) -> bool:
        if any(c.dep_ == "aux:pass" for c in v.children):
            return True
        if any(c.dep_.startswith("aux") and fold(c.lemma_) == "avoir" for c in v.children):
            return False  # « a précisé »: active, whatever the tagger says
        return "Pass" in v.morph.get("Voice") and any(c.dep_ in ("obl:agent", "nsubj:pass") for c in v.children)

    # ----------------------------------------------------------------- speakers
    def speaker_np(self, head: Token) -> list[Token]:
        """The speaker's noun phrase, with a name in apposition after it."""
        toks = noun_phrase(head, stop=self.quoted - {head.i})
        for k, t in enumerate(toks):  # never into a quotation (« le « candidat … » »)
            if t.i != head.i and (t.i in self.quoted or t.text in ("«", "“")):
                toks = toks[:k]
                break
        for k, t in enumerate(toks):  # nor into a time complement (« la préfecture en fin de journée »)
            if k > 0 and t.i > head.i and t.pos_ == "ADP" and t.dep_ == "case" and t.head.i > t.i and any(
                    x.i in self.timex or fold(x.lemma_) in self.lex.time_nouns for x in t.head.subtree) \
                    and self.index.token_mention.get(t.head.i) is None:
                toks = toks[:k]
                break
        while len(toks) > 1 and toks[-1].pos_ in ("DET", "ADP", "PUNCT"):
            toks = toks[:-1]
        if not toks:
            return [head]
        nxt = _next(self.doc, toks[-1].i)
        if nxt is not None and nxt.text == ",":
            after = _next(self.doc, nxt.i)
            ent = self.index.entity_at(after.i) if after is not None else None
            if ent is not None and ent.type == "PER":
                k = self.index.token_mention[after.i]
                a, b = self.index.spans[k]
                follow = _next(self.doc, b - 1)
                if follow is None or not (follow.pos_ in ("VERB", "AUX") or fold(follow.text) in ("ne", "n'", "se", "s'")):
                    toks = toks + [self.doc[i] for i in range(nxt.i, b)]
        return toks

    def subject(self, v: Token, inverted: bool, depth: int = 0) -> list[Token] | None:
        """The words naming who speaks through reporting verb ``v``."""
        doc = self.doc
        # « par la voix de X »
        # (on the verb, or hung on its subject: « La France, par la voix de … »)
        near = list(v.children) + [g for c in v.children if c.dep_ in ("nsubj", "nsubj:pass") for g in c.children]
        for c in near:
            if fold(c.lemma_) in self.lex.voice_nouns and any(fold(x.text) == "par" for x in c.children):
                x = next((g for g in c.children if g.dep_ in ("nmod", "appos")), None)
                if x is not None:
                    return self.speaker_np(x)
        for c in v.children:
            if c.dep_ == "obl:agent":
                return self.speaker_np(c)
        if self.passive(v):
            return None
        learn = self.lex.learn(v)
        if learn:
            for t in doc[v.i + 1:min(len(doc), v.i + 4)]:
                if fold(t.lemma_) == "source" and not any(fold(x.text) in self.lex.learn_preps for x in doc[v.i + 1:t.i]):
                    return noun_phrase(t)  # « de source judiciaire »
        for c in v.children:
            if learn and fold(c.text) in self.lex.learn_preps:
                x = next((g for g in c.children if g.pos_ in ("NOUN", "PROPN")), None) or \
                    next((g for g in v.children if g.dep_.startswith("obl") and g.i > c.i), None)
                if x is not None:
                    return self.speaker_np(x)
            if learn and c.dep_.startswith("obl") and any(fold(g.text) in self.lex.learn_preps
                                                          for g in c.children):
                return self.speaker_np(c)
        if v.i in self.slot_cues and v.pos_ != "VERB" and v.dep_ in ("amod", "nmod", "appos") \
                and v.head.i < v.i and v.head.pos_ in ("NOUN", "PROPN"):
            top = v.head
            while top.head.i != top.i and top.head.i < v.i and top.head.pos_ in ("NOUN", "PROPN"):
                top = top.head
            toks = [t for t in self.speaker_np(top) if t.i < v.i]
            if toks:
                return toks
        if not inverted:
            # « … ont signé un accord et la Belgique a promis une aide »: the parse hung
            # the name after « et » on the first clause; it is the subject of this one
            auxes = [a for a in v.children if a.dep_.startswith("aux") and a.i < v.i]
            lead = min([v] + auxes, key=lambda t: t.i)
            n = _prev(doc, lead.i)
            if n is not None and n.pos_ in ("PROPN", "NOUN") and n.i not in self.quoted \
                    and n.head.i != v.i and n.dep_ == "conj" and self.actor_like(n, strict=False):
                start = n.i
                while start > 0 and doc[start - 1].pos_ in ("DET", "PROPN", "ADJ", "NUM") \
                        and n.i - start < 6:
                    start -= 1
                before = _prev(doc, start)
                if before is not None and fold(before.text) in ("et", "mais"):
                    return self.speaker_np(n)
        if depth < 4 and not inverted:
            first = self.coordinated_cue(v)
            if first is not None:
                return self.subject(first, False, depth + 1) or self.left_subject(first)
        if inverted and any(c.dep_ in ("nsubj", "nsubj:pass") and c.i < v.i for c in v.children):
            head = self.closing_incise(v)
            if head is not None:
                return [head] if pronoun_key(head) else self.speaker_np(head)
        for c in v.children:
            if c.text == "-t" or c.i in self.quoted:
                continue  # the speaker is never among the quoted words
            if c.i < v.i and any(doc[k].text == ":" for k in range(c.right_edge.i + 1, v.i)):
                continue  # « Pêche : la députée X qualifie … »: a rubric is no subject
            if c.dep_ in ("nsubj", "nsubj:pass") or is_clitic_subject(c) or \
                    (v.pos_ == "NOUN" and c.dep_ == "expl:subj"):
                if self.after_preposition(c):
                    continue  # « À Addis-Abeba, les dirigeants promettent »: no subject after « à »
                k0 = self.index.token_mention.get(c.i)
                d = _prev(doc, self.index.spans[k0][0] if k0 is not None else c.i)
                while d is not None and d.pos_ == "DET":
                    d = _prev(doc, d.i)
                if d is not None and fold(d.text) == "dont" and c.i < v.i:
                    # « Plusieurs pays, dont le Mali et le Niger, ont réclamé »: the examples
                    # of the subject, not the subject
                    comma = _prev(doc, d.i)
                    q = _prev(doc, comma.i) if comma is not None and comma.text == "," else None
                    if q is not None and q.pos_ in ("NOUN", "PROPN", "ADJ") and q.i not in self.quoted:
                        h = q.head if q.pos_ == "ADJ" and q.head.i < q.i else q
                        toks = [t for t in self.speaker_np(actors._np_top(h)) if t.i < comma.i]
                        if toks and actors._head_of(toks).pos_ in ("NOUN", "PROPN"):
                            return toks
                key = fold(c.text)
                if key in ("on", "-on"):
                    return None
                if key == "qui":
                    return self.relative_antecedent(c, v)
                if c.dep_.startswith("expl") and not is_clitic_subject(c) \
                        and not (v.pos_ == "NOUN" and c.dep_ == "expl:subj" and pronoun_key(c)):
                    continue
                if key in ("que", "qu'", "ce", "c'", "cela", "ca", "ça", "tout", "rien"):
                    continue
                if c.pos_ == "PRON" and fold(c.text) in ("elles", "eux", "lui", "elle") \
                        and any(a.dep_.startswith("aux") and a.i < c.i for a in v.children):
                    # « Le représentant du Japon, qui …, a lui aussi regretté »: an emphatic
                    # pronoun after the auxiliary; the subject is the noun phrase opening the clause
                    s0, _ = self.sent_range(v.i)
                    h = next((t for t in doc[s0:min(s0 + 3, c.i)] if t.pos_ in ("NOUN", "PROPN")), None)
                    if h is not None and h.i not in self.quoted and self.actor_like(h, strict=False):
                        return self.speaker_np(actors._np_top(h))
                if c.pos_ == "PRON" and fold(c.text) in ("elles", "eux", "lui", "elle"):
                    # « Les autorités locales, elles, assurent »: the noun phrase set off before it
                    p = _prev(doc, c.i)
                    q = _prev(doc, p.i) if p is not None and p.text == "," else None
                    if q is not None and q.i not in self.quoted and q.pos_ in ("NOUN", "PROPN", "ADJ") \
                            and self.sent_of[q.i] == self.sent_of[c.i]:
                        h = q.head if q.pos_ == "ADJ" and q.head.i < q.i else q
                        if h.pos_ in ("NOUN", "PROPN") and self.actor_like(h, strict=False):
                            return self.speaker_np(actors._np_top(h))
                if c.pos_ == "PRON" or is_clitic_subject(c):
                    return [c]
                if not self.actor_like(c, strict=False):
                    opener = self.sentence_actor(v)
                    if opener is not None:
                        return opener
                    app = next((g for g in c.children if g.dep_ == "appos" and self.actor_like(g, strict=False)), None)
                    if app is not None:
                        return self.speaker_np(app)
                return self.speaker_np(c)
        # clitic subject next to the verb (« a-t-il », « estime-t-elle »)
        for t in (_next(doc, v.i), _prev(doc, v.i)):
            if t is not None and t.text == "-t":
                t = _next(doc, t.i)
            if t is not None and is_clitic_subject(t):
                return None if fold(t.text) == "-on" else [t]
        if inverted:
            head = self.inverted_subject(v)
            if head is not None:
                if pronoun_key(head):
                    return [head]
                return self.speaker_np(head)
        aux = self.detached_aux(v)
        if aux is not None:
            return self.left_subject(aux)
        if depth < 4 and self.gerund(v):
            # « …, tout en rappelant que … »: the subject of the clause before it
            s0, _ = self.sent_range(v.i)
            for j in range(v.i - 1, s0 - 1, -1):
                t = doc[j]
                if t.i in self.quoted or t.pos_ != "VERB" or self.gerund(t):
                    continue
                who = self.subject(t, False, depth + 1)
                if who is None and "Fin" in t.morph.get("VerbForm"):
                    who = self.left_subject(t)
                if who is not None:
                    return who
                break
        aux = next((c for c in v.children if c.dep_ == "aux:tense"), None)
        if depth < 4 and aux is not None and v.dep_ == "conj":
            # « X a affirmé que … et a menacé de … »: the same subject as the
            # reporting verb with the same auxiliary before it
            prev = self.cue_before(v)
            if prev is not None and any(c.dep_ == "aux:tense" and fold(c.text) == fold(aux.text)
                                        for c in prev.children):
                who = self.subject(prev, False, depth + 1)
                if who is not None:
                    return who
        if depth < 4 and v.head.i != v.i:
            form = v.morph.get("VerbForm")
            if v.dep_ == "conj" or (v.dep_ not in ("nsubj", "obj", "acl:relcl")
                                    and ("Part" in form or "Inf" in form or "Ger" in form)):
                head = v.head
                if head.i in self.quoted:
                    # attached inside a quotation: take the reporting verb before it
                    head = self.cue_before(v)
                    if head is None:
                        return None
                if head.pos_ in ("VERB", "AUX", "ADJ"):
                    who = self.subject(head, False, depth + 1)
                    if who is None and v.dep_ == "conj" and self.is_cue(head) is not None:
                        who = self.left_subject(head)  # (« X regrette que … et réclame … »)
                    if who is not None:
                        return who
                    # a gerund's subject is the main clause's (« en annonçant »)
                    anc = head
                    while anc.head.i != anc.i and depth < 4:
                        anc = anc.head
                        depth += 1
                        if anc.pos_ in ("VERB", "AUX") and anc.i not in self.quoted:
                            who = self.subject(anc, False, 4)
                            if who is None and anc.head.i == anc.i and anc.pos_ == "VERB":
                                who = self.left_subject(anc)  # (the main clause's subject the parse lost)
                            if who is not None:
                                return who
                elif v.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and self.finite_homograph(v):
                    return self.left_subject(v)  # (a main verb the tagger took for a participle)
                elif v.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
                    p = _prev(doc, v.left_edge.i)
                    if p is not None and p.text == "," and "Pres" in v.morph.get("Tense"):
                        # « …, a-t-il déclaré devant ses partisans, annonçant … »: a
                        # participle set apart by a comma goes with the clause's subject
                        anc = head
                        while anc.head.i != anc.i and anc.pos_ not in ("VERB",) and depth < 4:
                            anc = anc.head
                            depth += 1
                        if anc.pos_ == "VERB" and anc.i not in self.quoted:
                            return self.subject(anc, anc.i > head.i, 4)
                        return None
                    return self.speaker_np(head)
        return self.left_subject(v) if depth == 0 else None

    def after_preposition(self, t: Token) -> bool:
        """Is the name or noun phrase of ``t`` the object of a preposition?"""
        k = self.index.token_mention.get(t.i)
        a = self.index.spans[k][0] if k is not None else t.i
        p = _prev(self.doc, a)
        while p is not None and p.pos_ == "DET" and p.i >= t.left_edge.i:
            p = _prev(self.doc, p.i)
        return p is not None and p.pos_ == "ADP" and p.dep_ == "case" and p.head.i in (t.i, a)

    def relative_antecedent(self, qui: Token, v: Token) -> list[Token] | None:
        words = actors.relative_antecedent(self.doc, qui)
        if words and len(words) == 1 or (words and self.index.entity_at(words[0].i) is None):
            words = self.speaker_np(actors._head_of(words))
        if words and not self.can_speak(words):
            # « la ligne de Washington, qui menace de … »: the one who speaks is
            # the name at the end of the phrase, not the line
            p = _prev(self.doc, qui.i)
            p = _prev(self.doc, p.i) if p is not None and p.text == "," else None
            k = self.index.token_mention.get(p.i) if p is not None else None
            ent = self.index.entity_at(p.i) if p is not None else None
            if k is not None and ent is not None and ent.type in ("PER", "ORG", "LOC"):
                a, b = self.index.spans[k]
                return [self.doc[i] for i in range(a, b)]
        return words

    def sentence_actor(self, v: Token) -> list[Token] | None:
        """A name opening the sentence and set off by a comma (« La Coalition
        … (SYRIZA), arrivée deuxième …, a refusé »): the parse lost it."""
        doc = self.doc
        s, _ = self.sent_range(v.i)
        k = self.index.token_mention.get(s) if not doc[s].pos_ == "DET" else self.index.token_mention.get(s + 1)
        if k is None:
            return None
        a, b = self.index.spans[k]
        ent = self.index.entity_at(a)
        j = b
        while j < v.i and doc[j].text in ("(", ")") or (j < v.i and self.index.token_mention.get(j) is not None
                                                        and doc[j - 1].text == "("):
            j += 1
        if ent is None or ent.type not in ("PER", "ORG") or j >= v.i or doc[j].text != ",":
            return None
        return [doc[i] for i in range(a, b)]

    def resumptive(self, j: int, b: int) -> bool:
        """« …, une demande que le tribunal n'a pas retenue »: at ``j`` a comma (or
        a dash) opening an apposition that sums up what comes before it: an
        indefinite noun with a relative clause."""
        doc = self.doc
        if j + 3 >= b or j in self.quoted or doc[j].text not in (",", "—", "–"):
            return False
        d, n, r = doc[j + 1], doc[j + 2], doc[j + 3]
        return d.pos_ == "DET" and fold(d.text) in ("un", "une") and n.pos_ == "NOUN" \
            and fold(r.text) in ("que", "qu'", "qui", "dont") and n.i not in self.quoted

    def coordinated_cue(self, t: Token) -> Token | None:
        """« X a jugé que A et réclamé B », « X estime que A et annonce B »: a
        reporting verb after « et » with no subject of its own, that shares
        the subject (and the auxiliary) of the reporting verb before it, not
        those of the reported clause. That reporting verb, or None."""
        doc = self.doc
        if t.i in self.quoted or t.pos_ != "VERB" or self.is_cue(t) is None or t.dep_ != "conj":
            return None
        if any(c.dep_ in ("nsubj", "nsubj:pass", "expl:subj") or c.dep_.startswith("aux") for c in t.children):
            return None
        p = _prev(doc, t.i)
        while p is not None and p.pos_ == "ADV" and fold(p.text) not in ("ne", "n'"):
            p = _prev(doc, p.i)
        if p is None or fold(p.text) not in ("et", "puis"):
            return None
        s, _ = self.sent_range(t.i)
        form = t.morph.get("VerbForm")
        part = "Part" in form and "Past" in t.morph.get("Tense")
        fin = "Fin" in form and "Ind" in t.morph.get("Mood")
        if not (part or fin):
            return None
        for j in range(p.i - 1, s - 1, -1):
            v = doc[j]
            if v.i in self.quoted or v.pos_ != "VERB":
                continue
            has_aux = any(c.dep_ == "aux:tense" for c in v.children)
            if self.is_cue(v) is not None and v.dep_ not in ("conj", "acl", "acl:relcl", "amod") \
                    and "Inf" not in v.morph.get("VerbForm") and not self.blocked(v):
                if part and has_aux and "Part" in v.morph.get("VerbForm"):
                    return v
                if fin and "Fin" in v.morph.get("VerbForm") and not has_aux \
                        and v.morph.get("Tense") == t.morph.get("Tense") \
                        and v.morph.get("Number") == t.morph.get("Number") \
                        and v.morph.get("Person") == t.morph.get("Person"):
                    return v
                return None
            # a verb of the reported clause the second verb could go with instead
            if part and has_aux:
                return None
            if fin and "Fin" in v.morph.get("VerbForm") and v.morph.get("Number") == t.morph.get("Number") \
                    and v.morph.get("Tense") == t.morph.get("Tense"):
                return None
        return None

    def cue_before(self, v: Token) -> Token | None:
        s, _ = self.sent_range(v.i)
        for j in range(v.i - 1, s - 1, -1):
            t = self.doc[j]
            if t.i not in self.quoted and self.is_cue(t):
                return t
        return None

    def left_subject(self, v: Token) -> list[Token] | None:
        """A subject the parse did not attach: the name or noun phrase right
        before the verb (« …, al-Joulani a annoncé »)."""
        doc = self.doc
        s, _ = self.sent_range(v.i)
        p = _prev(doc, v.i)
        while p is not None and p.i >= s and (p.pos_ in ("AUX", "ADV") or fold(p.text) in ("ne", "n'", "se", "s'", "l'", "le", "lui", "y", "en")):
            p = _prev(doc, p.i)
        if p is not None and p.text == "," and p.i > s:
            # « Le directeur, qui …, affirme » / « X, porte-parole de …, affirme »
            j = p.i - 1
            while j > s and doc[j].text not in (",", ";", ":", "«", "»"):
                j -= 1
            seg = [t for t in doc[j + 1:p.i] if not t.is_space]
            if j > s and doc[j].text == "," and seg and (fold(seg[0].text) in ("qui", "que", "qu'", "dont")
                                                        or actors.role_key(seg, 0) or seg[0].pos_ == "DET"
                                                        or seg[0].pos_ in ("ADP", "ADV") and len(seg) <= 4
                                                        and not any(t.pos_ in ("VERB", "AUX") for t in seg)):
                # (« Le parti, de son côté, parle », « X, pour sa part, a accusé »)
                p = _prev(doc, j)
            elif j > s and doc[j].text == "," and seg and self.index.token_mention.get(seg[0].i) is not None \
                    and self.index.spans[self.index.token_mention[seg[0].i]] == (seg[0].i, seg[-1].i + 1) \
                    and self.index.entity_at(seg[0].i) is not None \
                    and self.index.entity_at(seg[0].i).type in ("PER", "ORG"):
                return seg  # « La présidente de …, Nadia Rami, regrette … »: the name in apposition
        if p is None or p.i < s or p.i in self.quoted:
            return None
        k = self.index.token_mention.get(p.i)
        if k is not None:
            a, b = self.index.spans[k]
            return [doc[i] for i in range(a, b)]
        if p.pos_ in ("NOUN", "PROPN"):
            return self.speaker_np(actors._np_top(p))
        return None

    def inverted_subject(self, v: Token) -> Token | None:
        """The subject after an inverted reporting verb (« », a déclaré ce
        jeudi à la presse le ministre …): the first noun phrase that is not a
        complement, a date or a time."""
        doc = self.doc
        s, e = self.sent_range(v.i)
        j = v.i + 1
        while j < e:
            t = doc[j]
            if t.is_space or t.text in (",", "-t") or t.pos_ in ("ADV", "AUX") and not t.text[:1].isupper():
                j += 1
                continue
            if t.text in ("«", "“", '"', ":", ".", ";", "!", "?") or fold(t.text) in QUE:
                return None
            if is_clitic_subject(t):
                return t
            if t.pos_ == "ADP" or (t.pos_ == "DET" and fold(t.text) in ("du", "au", "aux")):
                h = t.head if t.head.i > t.i else None
                if h is None:
                    j += 1
                    continue
                # a name the parse hung on the complement (« a lancé au micro Nadia Berrada »)
                for k in range(h.i + 1, h.right_edge.i + 1):
                    ent = self.index.entity_at(k)
                    if ent is not None and ent.type == "PER" and doc[k - 1].pos_ not in ("ADP",) \
                            and fold(doc[k - 1].text) not in DE_CASE + A_WORDS:
                        return doc[k]
                # the subject the parse hung on the complement (« a raconté à l'AFP un habitant »)
                app = next((c for c in h.children if c.dep_ == "appos" and c.i > h.i and c.pos_ == "NOUN"
                            and doc[c.left_edge.i].pos_ == "DET" and doc[c.left_edge.i - 1].text != ","), None)
                if app is not None:
                    return app
                j = max(h.right_edge.i, j) + 1
                k = self.index.token_mention.get(h.i)
                if k is not None:  # (« sur France Inter »: the whole name, whatever its tags)
                    j = max(j, self.index.spans[k][1])
                continue
            if t.i in self.timex or fold(t.lemma_) in self.lex.time_nouns:
                j += 1
                continue
            if t.pos_ in ("DET", "NUM", "ADJ"):
                h = t.head
                if h.i > t.i and (h.i in self.timex or fold(h.lemma_) in self.lex.time_nouns
                                  or h.pos_ == "NUM"):
                    j = max(h.right_edge.i, j) + 1
                    continue
                j += 1
                continue
            if t.pos_ in ("NOUN", "PROPN") or (t.pos_ == "PRON" and pronoun_key(t)) \
                    or t.pos_ in ("PRON", "X") and t.text[:1].isupper() and self.index.entity_at(t.i) is not None:
                # (a name the tagger took for a pronoun: « …, assure Oslo. »)
                if t.pos_ == "VERB":
                    return None
                return t
            if t.pos_ in ("VERB", "SCONJ", "CCONJ"):
                return None
            j += 1
        return None

    def resolve(self, toks: list[Token] | None, at: int) -> Referent | None:
        if not toks:
            return None
        ref = refer(self.doc, toks, context=at)
        if ref is None:
            return None
        if not ref.named:
            ref = self._unnamed(toks, ref)
        elif len(toks) > 2:
            ref = self._coordinated(toks, ref)
        return ref

    def _coordinated(self, toks: list[Token], ref: Referent) -> Referent:
        """« Marie Lenoir et Paul Girard ont estimé … »: both speak; the first
        is the speaker entity, the readable name gives all of them."""
        head = actors._head_of(toks)
        ents = []
        for t in [head] + [c for c in head.conjuncts if c.i > head.i]:
            ent = self.index.entity_at(t.i)
            if ent is None or ent in ents or ent.type not in ("PER", "ORG"):
                return ref
            ents.append(ent)
        if len(ents) < 2:
            return ref
        names = [e.name for e in ents]
        name = ", ".join(names[:-1]) + " et " + names[-1]
        return Referent(name, ref.entity, ref.start, ref.end, None, "Plur", ref.kind)

    def _unnamed(self, toks: list[Token], ref: Referent) -> Referent:
        """A person named in the words but missed by the NER (a name after a
        title: « la porte-parole … Karoline Leavitt »), or a source and its
        author (« les estimations des instituts de sondage » → the institutes)."""
        doc = self.doc
        head = actors._head_of(toks)
        if fold(head.lemma_) in self.lex.source_nouns:
            for c in head.children:
                if c.dep_ in ("nmod",) and any(fold(x.text) in DE_CASE for x in c.children):
                    sub = self.resolve(noun_phrase(c), c.i)
                    if sub is not None:
                        return sub
                # « les résultats publiés lundi par la Commission électorale »
                if c.dep_ == "acl" and c.pos_ == "VERB" and "Part" in c.morph.get("VerbForm"):
                    agent = next((g for g in c.children if g.dep_ == "obl:agent"), None) or next(
                        (g for g in c.subtree if g.pos_ in ("NOUN", "PROPN") and any(
                            x.dep_ == "case" and fold(x.text) == "par" for x in g.children)), None)
                    if agent is not None:
                        sub = self.resolve(noun_phrase(agent), agent.i)
                        if sub is not None:
                            return sub
        # a person's name closing a role description
        if actors.role_key(toks, next((k for k, t in enumerate(toks) if t.i == head.i), 0)):
            chain = []
            for t in reversed(toks):
                if t.pos_ == "PROPN" and t.text[:1].isupper():
                    chain.insert(0, t)
                    if t.dep_ != "flat:name":
                        break
                else:
                    break
            if len(chain) >= 2 and chain[0].i > head.i and all(t.dep_ == "flat:name" for t in chain[1:]):
                ent = actors.ensure_entity(doc, chain[0].i, chain[-1].i + 1, "PER")
                if ent is not None:
                    return Referent(ent.name, ent, chain[0].idx, chain[-1].idx + len(chain[-1].text),
                                    None, "Sing", "PER")
        # a name in apposition that the NER missed (« la principale association …, l'April »)
        k = len(toks)
        while k > 0 and toks[k - 1].text[:1].isupper() and toks[k - 1].pos_ in ("PROPN", "NOUN", "X"):
            k -= 1
        if 0 < k < len(toks) and len(toks) - k <= 4:
            j = k - 1
            if toks[j].pos_ == "DET" or fold(toks[j].text) in ("l'", "le", "la", "les"):
                j -= 1
            if j >= 0 and toks[j].text == "," and (actors.role_key(toks, toks.index(head)) or
                                                   fold(head.lemma_) in self.alex.org_nouns):
                type_ = "PER" if actors.role_key(toks, toks.index(head)) else "ORG"
                ent = actors.ensure_entity(doc, toks[k].i, toks[-1].i + 1, type_)
                if ent is not None:
                    return Referent(ent.name, ent, toks[k].idx, toks[-1].idx + len(toks[-1].text),
                                    None, "Sing", type_)
        return ref

    def note(self, f: Found) -> None:
        if f.speaker is not None:
            at = f.who[-1].i if f.who else (f.cue_tok.i if f.cue_tok is not None else f.b - 1)
            actors.note_speaker(self.doc, at, f.speaker)

    # ------------------------------------------------------------ indirect speech
    def content_que(self, v: Token) -> tuple[int, int] | None:
        doc = self.doc
        s, e = self.sent_range(v.i)
        q = None
        def owner(j: int) -> bool:
            """Another reporting verb between v and « que » owns it
            (« a confirmé l'accord tout en prévenant que … »)."""
            t = doc[j]
            return t.pos_ == "VERB" and t.i != v.i and t.i not in self.quoted and (
                self.is_cue(t) is not None or any(fold(m.text) == "en" for m in t.children if m.dep_ == "mark"))

        for c in v.children:
            if c.i > v.i and c.dep_ in ("ccomp", "obj", "advcl", "xcomp", "csubj"):
                mark = next((m for m in c.children if m.dep_ == "mark" and fold(m.text) in QUE), None)
                if mark is not None and mark.i > v.i and not any(owner(j) for j in range(v.i + 1, mark.i)):
                    q = mark
                    break
        if q is None:
            for j in range(v.i + 1, min(e, v.i + 14)):
                t = doc[j]
                if t.is_space:
                    continue
                if owner(j):
                    break
                if fold(t.text) in QUE and (t.pos_ == "SCONJ" or t.dep_ in ("mark", "fixed")):
                    q = t
                    break
                if t.text in ("«", ":", ";", '"', "“", "—", "–") or t.i in self.quoted:
                    break
                if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and t.head.i != v.i:
                    break
                if t.pos_ == "VERB" and t.i != v.i and t.head.i != v.i:
                    break
        if q is None:
            return None
        h = q.head
        if h.i == q.i or h.is_ancestor(v) or h.i < q.i or h.pos_ not in ("VERB", "AUX", "ADJ"):
            end = e
            for j in range(q.i + 1, e - 1):
                if fold(doc[j].text) in ("et", "mais", "puis") and doc[j + 1].pos_ == "AUX" and \
                        doc[j + 1].head.i != doc[j + 1].i and doc[j + 1].head.head.i == v.i:
                    end = j  # « a affirmé que … et a menacé de … »
                    break
            for j in range(q.i + 1, end - 1):  # … , ajoutant que / , a-t-il dit / , selon X
                if doc[j].text == "," and j + 1 < e and (
                        self.is_cue(doc[j + 1]) and "Part" in doc[j + 1].morph.get("VerbForm")
                        or fold(doc[j + 1].text) == "tandis"  # (« …, tandis que Y … »: another's clause)
                        or fold(doc[j + 1].text) in self.lex.source_preps
                        or doc[j + 1].pos_ == "AUX" and self.is_cue(doc[min(j + 2, e - 1)])):
                    end = j
                    break
        else:
            end = h.right_edge.i + 1
            # a coordinated clause attached higher up (« … et qu'il … »), or a
            # condition of what was said (« … était prêt à négocier si l'armée … »)
            nxt = end
            while nxt < e:
                t = doc[nxt]
                if t.is_space:
                    nxt += 1
                    continue
                if fold(t.text) in ("et", "mais", "ou") and nxt + 1 < e and fold(doc[nxt + 1].text) in QUE:
                    end = max(doc[nxt + 1].head.right_edge.i + 1, nxt + 2)
                    nxt = end
                    continue
                if fold(t.text) in self.lex.condition_marks and t.dep_ == "mark" and t.head.i > t.i \
                        and t.head.left_edge.i >= nxt:
                    end = max(t.head.right_edge.i + 1, nxt + 1)
                    nxt = end
                    continue
                # complements the parse hung on the reporting verb right after the
                # clause (« qu'elle se rendrait à Addis-Abeba en février pour … »)
                if t.dep_ in ("case", "det") and t.head.i > t.i:
                    t = t.head  # (the noun of a prepositional phrase)
                if t.head.i == v.i and (t.dep_.startswith("obl") or t.dep_ == "nmod" or t.text in ("-",)) \
                        and t.pos_ in ("NOUN", "PROPN", "PUNCT", "NUM") and t.i not in self.quoted \
                        and not (t.is_punct and t.text != "-") \
                        and fold(t.lemma_) not in self.lex.statement_nouns \
                        and not any(fold(g.text) in self.lex.source_preps - self.lex.clause_initial
                                    for g in t.children):
                    end = max(t.right_edge.i + 1, nxt + 1)
                    nxt = end
                    continue
                break
            for j in range(q.i + 1, end - 2):
                if doc[j].text == "," and fold(doc[j + 1].text) == "tandis" and fold(doc[j + 2].text) in QUE:
                    end = j  # (« …, tandis que Y … »: another's clause, hung on this one by the parse)
                    break
        start = q.i + 1
        while start < e and doc[start].text in ("'", "’"):
            start += 1
        for p, x, cue in self.source_phrases(start, min(start + 2, e)):
            if p.i == start:
                start = self.after_source(x)
                self.consumed.add(p.i)
        # an attribute before « que » belongs to it (« a estimé « symbolique » que … »)
        for c in v.children:
            if c.dep_ == "xcomp" and v.i < c.i < q.i and c.pos_ in ("ADJ", "NOUN"):
                mk = self.mark_of.get(c.i)
                start = mk.o if mk is not None else c.left_edge.i
        end = min(end, e)
        aux = next((c for c in v.children if c.dep_ == "aux:tense"), None)
        for j in range(start, end - 1):
            # « a affirmé que … et a menacé de … »: the main clause goes on
            if fold(doc[j].text) in ("et", "mais", "puis") and aux is not None and doc[j + 1].pos_ == "AUX" \
                    and fold(doc[j + 1].text) == fold(aux.text) and not any(
                        c.dep_.startswith("nsubj") for c in doc[j + 1].head.children):
                end = j
                break
        for j in range(start, end - 1):
            # « …, tout en assurant que … », « …, ajoutant que … »: the speaker's next report
            if doc[j].text == "," and self.participle_report(j + 1, end):
                end = j
                break
            # « regrette que « … » et réclame … »: after the quotation, a report of the speaker's
            if fold(doc[j].text) in ("et", "mais", "puis") and j > start and doc[j - 1].text in ("»", "”") \
                    and doc[j + 1].i not in self.quoted and self.is_cue(doc[j + 1]) is not None \
                    and not any(c.dep_.startswith("nsubj") for c in doc[j + 1].children):
                end = j
                break
            # « a réclamé que … et menacé de … »: a second report, its auxiliary left out
            if fold(doc[j].text) in ("et", "mais", "puis") and doc[j + 1].i not in self.quoted \
                    and "Part" in doc[j + 1].morph.get("VerbForm") and "Past" in doc[j + 1].morph.get("Tense") \
                    and self.is_cue(doc[j + 1]) is not None and aux is not None \
                    and not any(c.dep_.startswith(("aux", "nsubj")) for c in doc[j + 1].children):
                end = j
                break
        for j in range(start, end - 1):  # « … : « a direct quotation » » is a quotation of its own
            if doc[j].text == ":" and doc[j + 1].text in ("«", "“", '"') or \
                    doc[j].text == ":" and j + 2 < end and doc[j + 1].is_space and doc[j + 2].text in ("«", "“", '"'):
                end = j
                break
        return self.whole_marks(*self.trim(start, end))

    def participle_report(self, j: int, end: int) -> bool:
        """Tokens from ``j`` open a report by a gerund or a present participle
        (« tout en assurant », « en précisant », « ajoutant »)."""
        doc = self.doc
        while j < end and (doc[j].is_space or fold(doc[j].text) in ("tout", "en")):
            j += 1
        if j >= end:
            return False
        t = doc[j]
        form = t.morph.get("VerbForm")
        return t.i not in self.quoted and self.is_cue(t) is not None and (
            "Part" in form and "Pres" in t.morph.get("Tense") or "Ger" in form or fold(t.text).endswith("ant"))

    def whole_marks(self, a: int, b: int) -> tuple[int, int]:
        """Widen a span so that it does not cut a quotation in two."""
        for mk in self.marks:
            close = mk.c if mk.c is not None else mk.b - 1
            if mk.o < b <= close and mk.o >= a:
                b = close + 1
            if mk.o < a <= close and close < b:
                a = mk.o
        # nor a name (« à Addis-Abeba ») or a date (« d'ici à la fin de l'année »)
        if b > a:
            k = self.index.token_mention.get(b - 1)
            if k is not None and self.index.spans[k][1] > b:
                b = self.index.spans[k][1]
            for ta, tb in self.timex_spans:
                if ta < b < tb and ta >= a:
                    b = tb
        return a, b

    def split_quoted(self, a: int, b: int) -> list[tuple[int, int]]:
        """« que « A » et que B »: the clause all in marks is a direct quotation
        of its own; the rest stays reported speech."""
        doc = self.doc
        cuts = [a]
        for j in range(a + 1, b - 1):
            if fold(doc[j].text) in ("et", "mais") and fold(doc[j + 1].text) in QUE:
                cuts.append(j)
        if len(cuts) == 1:
            return [(a, b)]
        cuts.append(b)
        parts, quoted = [], False
        for x, y in zip(cuts, cuts[1:]):
            px, py = x, y
            while px < py and (fold(doc[px].text) in ("et", "mais") + QUE or doc[px].is_space):
                px += 1
            px, py = self.trim(px, py)
            if py <= px:
                continue
            words = self.words(px, py)
            mk = next((m for m in self.marks if m.o <= px and (m.c or m.b) >= py - 1), None)
            if mk is not None and len(words) - len(self.words(mk.a, mk.b)) <= 0:
                quoted = True
                continue
            parts.append((px, py))
        return parts if quoted else [(a, b)]

    def content_inf(self, v: Token) -> tuple[int, int] | None:
        doc = self.doc
        s, e = self.sent_range(v.i)
        inf = None
        def infinitive(c: Token) -> bool:
            if c.pos_ in ("VERB", "AUX") and "Inf" in c.morph.get("VerbForm"):
                return True
            return any(g.dep_ in ("aux:tense", "cop", "aux:pass", "aux") and "Inf" in g.morph.get("VerbForm")
                       and g.i < c.i for g in c.children)

        for c in v.children:
            if c.i > v.i and infinitive(c) \
                    and c.dep_ in ("xcomp", "ccomp", "obj", "obl:arg", "obl", "advcl", "csubj"):
                if c.dep_ in ("advcl", "obl") and not any(fold(m.text) in ("de", "d'", "a", "à")
                                                          for m in c.children if m.dep_ == "mark"):
                    continue
                inf = c
                break
        if inf is None:
            j = v.i + 1
            while j < e:
                t = doc[j]
                if t.is_space or t.pos_ in ("ADV",) or fold(t.text) in ("de", "d'", "a", "à", "ne", "n'", "pas",
                                                                          "se", "s'", "le", "la", "les", "l'",
                                                                          "y", "en", "lui", "leur"):
                    j += 1
                    continue
                if infinitive(t):
                    inf = t
                elif t.pos_ == "AUX" and "Inf" in t.morph.get("VerbForm") and t.head.i > t.i:
                    inf = t.head
                break
        if inf is None:
            return None
        if any(c.dep_ == "obj" and c.pos_ == "NOUN" and v.i < c.i < inf.i and any(g.dep_ == "det" for g in c.children)
               and not self.is_time(c) for c in v.children):
            return None  # « a annoncé son intention de faire appel »: the object is what was said
        a = inf.left_edge.i
        while a < inf.i and fold(doc[a].text) in ("de", "d'", "a", "à") and doc[a].dep_ == "mark":
            a += 1
        b = min(inf.right_edge.i + 1, e)
        # the object the parse hung on the reporting verb after an incise
        # (« à mettre sur pied, d'ici à 2026, une force régionale »)
        k = b
        while k < e and (doc[k].is_space or doc[k].text == ","):
            k += 1
        if k < e and doc[k].pos_ in ("DET", "NOUN", "NUM") and k not in self.quoted:
            h = doc[k] if doc[k].pos_ == "NOUN" else doc[k].head
            if h.head.i == v.i and h.pos_ == "NOUN" and h.dep_ in ("obj", "obl", "obl:mod", "obl:arg", "nmod") \
                    and not any(c.dep_ == "case" for c in h.children) and not self.is_time(h) \
                    and h.left_edge.i >= k:
                b = min(h.right_edge.i + 1, e)
        if a <= v.i:
            a = v.i + 1
        return self.past_marks(*self.trim(a, b), e)

    def past_marks(self, a: int, b: int, e: int) -> tuple[int, int]:
        """A reported span that the parse ends at a closing mark when the
        object goes on after it (« s'est engagé à présenter « avant l'été » un
        paquet de mesures », « d'avoir rencontré « à plusieurs reprises » des
        dirigeants »): up to the end of that noun phrase."""
        doc = self.doc
        a, b = self.whole_marks(a, b)
        mk = self.mark_of.get(b - 1) if b > a else None
        if mk is None or mk.c != b - 1 or mk.name or b >= e:
            return a, b
        t = doc[b]
        if t.i in self.quoted or t.pos_ not in ("DET", "NUM", "NOUN"):
            return a, b
        h = t if t.pos_ == "NOUN" else t.head
        if h.i < b or h.pos_ != "NOUN" or self.is_time(h) or h.left_edge.i < b:
            return a, b
        end = min(self.np_end(h), e)
        k = end
        while k < e and (doc[k].is_space):
            k += 1
        nxt = self.mark_of.get(k)  # (and the quotation that completes it)
        if nxt is not None and nxt.o == k and not nxt.name and nxt.c is not None and nxt.c < e:
            end = nxt.c + 1
        return self.trim(a, end)

    def np_content(self, head: Token, v: Token) -> tuple[int, int]:
        """A noun phrase reported by ``v``: without a relative or participial
        clause after a comma, with what follows it in the verb's clause, and
        with any quotation the verb still governs after it."""
        doc = self.doc
        s, e = self.sent_range(v.i)
        a = head.left_edge.i
        b = self.np_end(head)
        # complements of the verb right after it (« … dans la lutte contre … »)
        for c in sorted(v.children, key=lambda c: c.i):
            if c.i < b or c.dep_ not in ("obl", "obl:mod", "obl:arg", "nmod", "iobj", "obj", "appos", "xcomp"):
                continue
            if c.dep_ == "xcomp" and not (c.pos_ == "VERB" and "Inf" in c.morph.get("VerbForm") and any(
                    m.dep_ == "mark" and fold(m.text) in DE_CASE for m in c.children)):
                continue  # (« son intention de faire appel »: the infinitive goes with the noun)
            between = [doc[k] for k in range(b, c.left_edge.i) if not doc[k].is_space
                       and not (k in self.mark_of and not self.mark_of[k].name)]  # (a quoted word is no break)
            if any(t.text in (";", ":") for t in between) or len(between) > 1:
                break
            if c.i in self.timex and not any(g.dep_ == "case" for g in c.children) \
                    or any(fold(g.text) in self.lex.source_preps for g in c.children):
                break  # (a bare date is when it was said; « d'ici à la fin de l'année » is part of it)
            b = max(b, self.np_end(c))
        # a past participle set apart after the noun phrase qualifies it
        # (« la réouverture du centre, fermé depuis 2022 »)
        nxt = _next(doc, b - 1) if b > 0 else None
        if nxt is not None and nxt.text == "," and nxt.i + 1 < e:
            t = doc[nxt.i + 1]
            if t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm") and "Past" in t.morph.get("Tense") \
                    and t.dep_ in ("acl", "advcl") and not any(c.dep_.startswith("aux") for c in t.children) \
                    and t.i not in self.quoted \
                    and (t.head.i == v.i or a <= t.head.i < b):
                b = max(b, t.right_edge.i + 1)
        # quotations still governed by the verb (« y voyant un signe de « … » »)
        for mk in self.marks:
            gap = [doc[k] for k in range(b, mk.o) if not doc[k].is_space]
            relative = len(gap) == 2 and gap[0].text == "," and fold(gap[1].text) in ("ou", "qui", "dont")
            if mk.o >= b and mk.b <= e and not mk.name and (v.is_ancestor(doc[mk.a]) or relative) \
                    and not any(self.is_cue(doc[k]) for k in range(b, mk.o)):
                b = max(b, (mk.c + 1) if mk.c is not None else mk.b)
        # the noun's complement after the quoted words (« le rappel « pour
        # consultations » de son ambassadeur à Caracas »)
        b = min(self.whole_marks(a, b)[1], e)
        k = b
        if k < e and b > a and self.mark_of.get(b - 1) is not None and self.mark_of[b - 1].c == b - 1 \
                and fold(doc[k].text) in DE_CASE and doc[k].pos_ in ("ADP", "DET"):
            while k < e and not (doc[k].text in (",", ";", ":", "«", "»", ".", "(", "!", "?")
                                 or doc[k].pos_ in ("VERB", "AUX", "SCONJ", "CCONJ", "PRON")):
                k += 1
            if k > b + 1:
                b = k
        b = min(b, e)
        return self.trim(a, b)

    def np_end(self, head: Token) -> int:
        """End of a noun phrase without the clauses a comma (or a relative
        pronoun) hangs on it: « le début des pourparlers, accompagnant … »."""
        doc = self.doc
        b = head.right_edge.i + 1
        for t in head.subtree:
            if t.i <= head.i or t.i >= b:
                continue
            if t.dep_ in ("acl", "advcl") and t.pos_ == "VERB" and (
                    any(fold(m.text) == "en" for m in t.children if m.dep_ == "mark")
                    or "Part" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense")
                    and self.is_cue(t) is not None):
                b = min(b, t.left_edge.i)  # a gerund or a present participle is a clause of its own
                continue
            if t.dep_ in ("acl:relcl", "acl", "advcl", "parataxis") and t.pos_ in ("VERB", "AUX", "ADJ"):
                p = _prev(doc, t.left_edge.i)
                restrictive = t.dep_ == "acl:relcl" and all(
                    doc[k].pos_ in ("ADJ", "ADV") for k in range(head.i + 1, t.left_edge.i))
                past = t.dep_ == "acl" and t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm") \
                    and "Past" in t.morph.get("Tense") and not any(c.dep_.startswith("aux") for c in t.children)
                if (p is not None and p.text == "," and not past) or (t.dep_ == "acl:relcl" and not restrictive):
                    b = min(b, t.left_edge.i)  # (« …, accusés de … » qualifies what was said: kept)
        return b

    def is_time(self, t: Token) -> bool:
        return t.i in self.timex or fold(t.lemma_) in self.lex.time_nouns or t.like_num

    def content_obj_inf(self, v: Token, marks: tuple[str, ...], noun_ok: bool,
                        dative: bool = False) -> tuple[int, int] | None:
        """« exhorte les belligérants à garantir … », « accuse le pouvoir
        d'avoir … »: the object and the infinitive clause after it (or, with
        ``noun_ok``, a noun after « de »: « accuse X de corruption »; with
        ``dative``, « demande à l'État de prévoir … »)."""
        doc = self.doc
        s, e = self.sent_range(v.i)
        if dative:
            obj = next((c for c in v.children if c.dep_ in ("obl:arg", "iobj", "obl", "obl:mod") and c.i > v.i
                        and c.pos_ in ("NOUN", "PROPN") and c.i not in self.quoted
                        and any(g.dep_ == "case" and fold(g.text) in A_WORDS for g in c.children)), None)
        else:
            obj = next((c for c in v.children if c.dep_ in ("obj", "xcomp") and c.i > v.i
                        and c.pos_ in ("NOUN", "PROPN") and not self.is_time(c) and c.i not in self.quoted), None)
        if obj is None:
            return None

        def marked(t: Token) -> bool:
            return any(m.dep_ == "mark" and fold(m.text) in marks for m in t.children)

        inf = None
        for t in list(v.children) + list(obj.subtree):
            if t.i <= obj.i:
                continue  # (the infinitive may be quoted: « à « prendre leurs responsabilités » »)
            if (t.pos_ in ("VERB", "AUX") and ("Inf" in t.morph.get("VerbForm") or any(
                    g.dep_.startswith("aux") and "Inf" in g.morph.get("VerbForm") for g in t.children))) and marked(t):
                if inf is None or t.i < inf.i:
                    inf = t
        if inf is not None:
            a, b = obj.left_edge.i, min(inf.right_edge.i + 1, e)
            return self.past_marks(*self.trim(max(a, v.i + 1), b), e)
        if noun_ok:
            for c in v.children:
                if c.i > obj.i and c.dep_.startswith("obl") and c.pos_ == "NOUN" and any(
                        g.dep_ == "case" and fold(g.text) in marks for g in c.children):
                    return self.whole_marks(*self.trim(max(obj.left_edge.i, v.i + 1), min(c.right_edge.i + 1, e)))
        return None

    def content_obj(self, v: Token, said: bool = False) -> tuple[int, int] | None:
        objs = [c for c in v.children if c.dep_ == "obj" and c.i > v.i and c.pos_ in ("NOUN", "PROPN", "NUM")
                and (not self.is_time(c) or any(g.dep_ == "nmod" and any(fold(x.text) in DE_CASE for x in g.children)
                                               for g in c.children))]  # « cinq ans de prison » is no date
        if said:
            objs = [c for c in objs if fold(c.lemma_) in self.lex.said_nouns]
            if not objs:
                return None
        if not objs:
            return self.linear_object(v)
        with_det = [c for c in objs if any(g.dep_ == "det" for g in c.children) and c.pos_ == "NOUN"]
        head = with_det[0] if with_det else objs[-1]
        if head.i in self.quoted and self.mark_of.get(head.i) is not None:
            return None
        a, b = self.np_content(head, v)
        # the noun phrase starts right after the verb, after a date
        # (« a proposé le 15 décembre la suppression de … »)
        doc = self.doc
        start = a
        j = a - 1
        while j > v.i:
            t = doc[j]
            if t.is_space or t.pos_ in ("NOUN", "PROPN", "ADJ", "DET", "NUM") and not self.is_time(t) \
                    or fold(t.text) in DE_CASE:
                j -= 1
                continue
            if self.is_time(t) or t.pos_ in ("ADV", "PUNCT", "AUX"):
                start = j + 1  # a date or an adverb before the object ends here
            break  # a preposition: what follows it was its complement
        else:
            start = v.i + 1
        while start < a and (doc[start].is_space or doc[start].text in TRIM):
            start += 1
        return self.trim(start, b)

    def linear_object(self, v: Token) -> tuple[int, int] | None:
        """The object the parse hung elsewhere: the first noun phrase after the
        verb and its complements (« a annoncé lundi dans un communiqué la
        suppression de 300 postes »)."""
        doc = self.doc
        s, e = self.sent_range(v.i)
        j = v.i + 1
        in_pp = False
        while j < e:
            t = doc[j]
            if t.is_space or t.pos_ == "ADV" or self.is_time(t) or t.pos_ == "AUX":
                j += 1
                continue
            if t.pos_ == "ADP" or fold(t.text) in ("au", "aux", "du", "des") and t.pos_ != "DET":
                in_pp = True
                j += 1
                continue
            if t.pos_ == "DET" and not in_pp:
                break
            if t.pos_ in ("DET", "ADJ") and in_pp:
                j += 1
                continue
            if t.pos_ in ("NOUN", "PROPN") and in_pp:
                in_pp = False
                j += 1
                continue
            return None
        if j >= e or doc[j].pos_ != "DET":
            return None
        k = j + 1
        while k < e and doc[k].text not in (",", ";", ":", ".", "«", "»", "(") and \
                doc[k].pos_ not in ("VERB", "AUX", "SCONJ", "PRON"):
            k += 1
        if not any(doc[x].pos_ in ("NOUN", "PROPN") for x in range(j, k)):
            return None
        return self.trim(j, k)

    def content_prep(self, v: Token, prep: str) -> tuple[int, int] | None:
        doc = self.doc
        want = A_WORDS if prep in ("a", "à") else DE_CASE if prep == "de" else (prep,)
        kids = list(v.children)
        for c in list(kids):
            if c.dep_ == "obj" and c.pos_ == "NOUN" and not any(g.dep_ == "det" for g in c.children):
                kids.extend(g for g in c.children if g.i > c.i)  # « faire part de X »
        for c in sorted(kids, key=lambda t: t.i):
            if c.i <= v.i or c.dep_ not in ("obl", "obl:arg", "obl:mod", "iobj", "nmod", "obj"):
                continue
            case = [g for g in c.children if g.dep_ in ("case", "det") and g.i < c.i]
            if any(fold(g.text) in want for g in case) and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
                if c.pos_ == "PRON":
                    continue
                a, b = self.np_content(c, v)
                while a < b and (doc[a].pos_ == "ADP" or fold(doc[a].text) in want):
                    a += 1
                return self.trim(a, b)
        # the parse put the complement elsewhere: the first « de … » after the verb
        s, e = self.sent_range(v.i)
        for j in range(v.i + 1, min(e, v.i + 8)):
            t = doc[j]
            if t.is_space or t.pos_ in ("ADV",) or self.is_time(t) or t.i in self.used_cues:
                continue
            if fold(t.text) in want and t.pos_ in ("ADP", "DET") and t.head.i > t.i \
                    and t.head.pos_ in ("NOUN", "PROPN"):
                a, b = self.np_content(t.head, v)
                while b < e and doc[b].text not in (",", ";", ":", ".", "«", "»") and \
                        doc[b].pos_ not in ("VERB", "AUX", "SCONJ", "CCONJ"):
                    b += 1  # the parse hung the rest elsewhere: up to the next break
                return self.trim(max(a, t.i + 1), b)
            if t.pos_ in ("VERB", "AUX", "PUNCT", "SCONJ") or fold(t.text) in QUE:
                break
            if t.dep_ == "obj" and t.head.i == v.i and t.pos_ == "NOUN" and not any(g.dep_ == "det" for g in t.children):
                continue  # « part » in « faire part de »
        return None

    def content_passive(self, v: Token) -> tuple[int, int] | None:
        for c in v.children:
            if c.i > v.i and c.pos_ in ("VERB", "AUX") and "Inf" in c.morph.get("VerbForm") or \
                    c.i > v.i and any(g.dep_.startswith("aux") and "Inf" in g.morph.get("VerbForm") for g in c.children):
                if any(fold(m.text) in ("de", "d'") for m in c.children if m.dep_ == "mark"):
                    return self.trim(c.left_edge.i, c.right_edge.i + 1)
        subj = next((c for c in v.children if c.dep_ in ("nsubj:pass", "nsubj")), None)
        if subj is None or subj.pos_ == "PRON" or subj.i > v.i:
            return None
        a, b = subj.left_edge.i, subj.right_edge.i + 1
        for c in subj.children:
            if c.dep_ == "acl:relcl" and c.i > subj.i:
                b = min(b, c.left_edge.i)
        return self.trim(a, min(b, v.i))

    def content_before(self, v: Token) -> tuple[int, int] | None:
        """An incise: « La situation est grave, estime-t-il. » — what precedes."""
        doc = self.doc
        s, e = self.sent_range(v.i)
        p = _prev(doc, v.i)
        while p is not None and p.i >= s and (p.pos_ in ("AUX", "ADV") or p.text == "-t" or is_clitic_subject(p)
                                              or fold(p.text) in ("ne", "n'", "le", "l'")
                                              or p.head.i == v.i and p.pos_ == "VERB"):  # (« a fait savoir »)
            p = _prev(doc, p.i)
        if p is None or p.i <= s or p.text != ",":
            return None
        form = v.morph.get("VerbForm")
        phrase = any(c.pos_ == "VERB" and c.i < v.i for c in v.children)  # (« a fait savoir »)
        if "Inf" in form and not phrase or ("Part" in form and "Pres" in v.morph.get("Tense")):
            return None  # « …, prônant le bilan de … » goes on the sentence, it reports no clause
        # an incise has its subject after the verb (or as « -t-il »); a comma
        # closing the subject's apposition does not make one
        if any(c.dep_ in ("nsubj", "nsubj:pass") and c.i < v.i and not is_clitic_subject(c) and c.text != "-t"
               and not self.after_preposition(c) for c in v.children) and self.closing_incise(v) is None \
                and not any(c.text.startswith("-") and c.text != "-t" and is_clitic_subject(c) for c in v.children):
            return None  # (« a-t-on appris »: the parse hung the clause's subject on the incise)
        nxt = _next(doc, v.i)
        if nxt is not None and nxt.text == "-t":
            nxt = _next(doc, nxt.i)
        if not any(is_clitic_subject(t) for t in (p, _prev(doc, v.i), nxt) if t is not None):
            head = self.inverted_subject(v)
            if head is None or not self.actor_like(head, strict=False):
                return None
        a = s
        # not past an earlier incise of the sentence (« A, dit-il, B, ajoute-t-il »):
        # its words are that incise's (and a chain of incises stays linear)
        for j in range(p.i - 1, s, -1):
            if doc[j].text.startswith("-") and doc[j].text != "-t" and is_clitic_subject(doc[j]):
                c = next((k for k in range(j + 1, p.i) if doc[k].text == "," or doc[k].pos_ == "VERB"), None)
                a = c + 1 if c is not None else j + 1
                break
        while a < p.i and (doc[a].is_space or doc[a].text in TRIM):
            a += 1
        return self.trim(a, p.i)

    def closing_incise(self, v: Token) -> Token | None:
        """« …, a annoncé la Commission européenne dans un communiqué. »: a
        reporting verb after a comma, with an actor after it and nothing but
        complements up to the end of the sentence, is an incise whatever the
        parse hung on it before the comma. The actor's head, or None."""
        doc = self.doc
        s, e = self.sent_range(v.i)
        p = _prev(doc, v.i)
        while p is not None and p.i >= s and (p.pos_ in ("AUX", "ADV") or fold(p.text) in ("ne", "n'")
                                              or p.head.i == v.i and p.pos_ == "VERB"):
            p = _prev(doc, p.i)
        if p is None or p.text != "," or self.is_cue(v) is None:
            return None
        # what it reports is a clause with its own verb (« Sa porte-parole, X,
        # appelle la Commission à … » is no incise: the comma closes an apposition)
        if not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and t.i not in self.quoted
                   for t in doc[s:p.i]):
            return None
        head = self.inverted_subject(v)
        if head is None or not self.actor_like(head, strict=True) or head.i in self.quoted:
            return None
        if any(t.pos_ in ("VERB", "AUX") and t.i not in self.quoted and t.dep_ not in ("aux", "aux:tense", "aux:pass")
               for t in doc[head.i + 1:e]):
            return None
        return head

    def after_incise(self, v: Token) -> tuple[int, int] | None:
        """What follows an incise closed by a comma (« …, a-t-il ajouté, B. »)."""
        doc = self.doc
        s, e = self.sent_range(v.i)
        j = v.i + 1
        while j < e and doc[j].text != ",":
            if doc[j].text in ("«", "»", ":", ";", ".") or (doc[j].pos_ in ("VERB", "AUX") and doc[j].i != v.i
                                                             and doc[j].head.i != v.i):
                return None
            j += 1
        if j >= e:
            return None
        a, b = self.trim(j + 1, e)
        if len(self.words(a, b)) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in doc[a:b]):
            return None
        return a, b

    def content_comme(self, v: Token) -> tuple[int, int] | None:
        """« Comme le souligne X, <clause> » (or « <clause>, comme l'a dit X »)."""
        doc = self.doc
        if not any(c.dep_ == "mark" and fold(c.text) == "comme" for c in v.children):
            return None
        if not any(c.dep_ in ("obj", "expl:comp", "iobj") and fold(c.text) in ("le", "l'") for c in v.children):
            if not any(fold(t.text) in ("le", "l'") for t in doc[v.left_edge.i:v.i]):
                return None
        s, e = self.sent_range(v.i)
        lo, hi = v.left_edge.i, v.right_edge.i + 1
        if lo <= s + 1:
            return self.trim(hi, e)
        return self.trim(s, lo)

    def after_source(self, x: Token) -> int:
        """First token after « selon X, » with X's appositions
        (« Selon Ismaël Emelien, l'un des conseillers du ministre, … »)."""
        doc = self.doc
        s, e = self.sent_range(x.i)
        j = max(t.i for t in self.speaker_np(x)) + 1
        while j < e and (doc[j].is_space or (doc[j].text == "(" and any(doc[k].text == ")" for k in range(j, min(e, j + 8))))):
            if doc[j].text == "(":
                while j < e and doc[j].text != ")":
                    j += 1
            j += 1
        # a past participle qualifying the source (« selon des témoins joints par
        # téléphone », « selon les résultats publiés lundi par la Commission »)
        if j < e and doc[j].i not in self.quoted and (
                doc[j].pos_ == "VERB" and "Part" in doc[j].morph.get("VerbForm") and "Past" in doc[j].morph.get("Tense")
                or doc[j].pos_ == "ADJ" and doc[j].dep_ in ("acl", "amod") and x.is_ancestor(doc[j])):
            stop = min(doc[j].right_edge.i + 1, e)
            if x.is_ancestor(doc[j]):
                stop = max(stop, min(x.right_edge.i + 1, e))  # (« joints par téléphone », hung on the source)
            stop = next((k for k in range(j, stop) if doc[k].text in (",", ";", ":")), stop)
            j = max(j + 1, stop)
            while j < e and doc[j].is_space:
                j += 1
        k = j
        while k < e and doc[k].text not in (",", ":", "«", "“", '"', ";") and not (
                doc[k].pos_ in ("VERB", "AUX") and "Fin" in doc[k].morph.get("VerbForm")) and k - j < 8:
            k += 1
        if k < e and doc[k].text == "," and k > j and (fold(doc[j].text) in DE_CASE + A_WORDS + ("en", "pour", "chez")
                                                        or not any(doc[x].pos_ in ("VERB", "AUX") and "Fin" in doc[x].morph.get("VerbForm")
                                                                   for x in range(j, k))):
            j = k  # « selon le ministre Andrew Barr du Territoire …, », « d'après un sondage publié dimanche, »
        for _ in range(2):
            while j < e and doc[j].is_space:
                j += 1
            if j >= e or doc[j].text != ",":
                break
            k = j + 1
            seg = []
            while k < e and doc[k].text not in (",", ":", "«", "“", '"', ";"):
                seg.append(doc[k])
                k += 1
            first = next((t for t in seg if t.pos_ not in ("DET", "ADJ", "NUM") and fold(t.text) not in ("l'un", "l'une", "un", "une", "des", "de")), None)
            appositive = first is not None and (
                actors.role_key([first], 0) or fold(first.lemma_) in self.alex.org_nouns
                or fold(first.lemma_) in self.alex.org_units
                or (self.index.entity_at(first.i) is not None and self.index.entity_at(first.i).type in ("PER", "ORG")))
            if k < e and doc[k].text == "," and seg and len(seg) <= 12 and appositive and not any(
                    t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in seg):
                j = k
                continue
            break
        return j

    def content_source(self, p: Token, x: Token) -> tuple[int, int] | None:
        """The clause that « selon X » (at ``p``, object ``x``) is the source of."""
        doc = self.doc
        s, e = self.sent_range(p.i)
        np_end = self.after_source(x)
        # after the source phrase, or before it when it comes last
        left = [t for t in doc[s:p.i] if not t.is_space and not t.is_punct
                and fold(t.text) not in ("mais", "et", "toujours", "d'", "de", "encore", "or")]
        q = _prev(doc, p.i)
        while q is not None and q.i >= s and (fold(q.text) in ("d'", "de", "mais", "et", "or", "toujours", "encore")
                                              or q.pos_ == "ADV"):
            q = _prev(doc, q.i)
        fronted = q is None or q.i < s or q.text in (",", ";", ":", "—", "–")
        if fronted and left and len(self.words(np_end, e)) < 2:
            fronted = False  # « …, selon X. » closes the sentence
        rel = _next(doc, np_end - 1) if np_end > 0 else None
        if fronted and left and rel is not None and rel.text == "," and fold(doc[min(rel.i + 1, e - 1)].text) in (
                "qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles"):
            fronted = False  # « …, d'après MSF, qui a accusé … »: the relative is MSF's
        if fronted and left and not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
                                        and t.i not in self.quoted for t in doc[np_end:e]) \
                and any(fold(t.text) in self.lex.source_preps - self.lex.clause_initial for t in doc[np_end:e]):
            fronted = False  # « …, selon la CGT, 350 selon la police »: no clause follows
        if not left or fronted or (self.sent_of[s] == 0 and all(t.i < self._rubric_end(s) for t in left)):
            # up to a semicolon followed by a clause of its own (« Pour X, « A » ; il a appelé … »)
            for j in range(np_end, e - 1):
                if doc[j].text == ";" and j not in self.quoted and any(
                        t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and t.i not in self.quoted
                        for t in doc[j + 1:e]):
                    e = j
                    break
            # up to an incise that reports the rest itself (« … » dénonce X)
            for v in sorted(self.used_cues):
                if np_end < v < e:
                    mk = next((m for m in self.marks if m.c is not None and m.c < v and
                               all(self.doc[k].is_punct or self.doc[k].is_space or self.doc[k].pos_ == "AUX"
                                   for k in range(m.c + 1, v))), None)
                    if mk is not None:
                        e = mk.c + 1
                        break
            return self.trim(np_end, e)
        start = s if not self._rubric_end(s) else self._rubric_end(s)
        if any(start <= v < p.i for v in self.used_cues):
            return None  # « « … », dit-il selon X »: the quotation has its own report
        for j in range(p.i - 1, s, -1):  # the clause the source phrase closes
            if doc[j].text in (";",) or (doc[j].text == "," and j + 1 < p.i and fold(doc[j + 1].text) in ("mais", "et")) \
                    or doc[j].text in ("—", "–") and j not in self.quoted and j + 1 < p.i \
                    and doc[j + 1].pos_ == "DET" \
                    or self.resumptive(j, p.i):  # (« … — une idée que Y refuse, selon X »)
                start = j + 1
                break
        # a phrase without a finite verb between a comma and « selon » is what
        # the source says (« …, un acte de sabotage selon X », « …, rassemblant
        # des milliers de personnes selon les syndicats, huit cents selon la police »)
        p0 = p.i
        q = _prev(doc, p.i)
        if q is not None and fold(p.text) in self.lex.after_de and fold(q.text) in ("d'", "de"):
            p0 = q.i  # « d'après »
            q = _prev(doc, q.i)
        if q is not None and q.text != ",":
            for j in range(p0 - 1, start, -1):
                if doc[j].text == "," and j not in self.quoted:
                    seg = [t for t in doc[j + 1:p0] if not t.is_space]
                    ids = {t.i for t in seg}
                    root = next((t for t in seg if t.head.i not in ids), None)
                    if seg and not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in seg) \
                            and seg[0].pos_ not in ("ADP", "CCONJ") and fold(seg[0].text) not in DE_CASE \
                            and root is not None and root.dep_ not in ("conj", "nmod"):
                        start = j + 1  # (not the last item of an enumeration: « …, de la Promotion … »)
                    break
        return self.trim(start, p0)

    def _rubric_end(self, s: int) -> int:
        """The end of « Syrie : » at the head of the headline, else 0."""
        if self.sent_of[s] != 0:
            return 0
        doc = self.doc
        e = self.sents[0].end
        for j in range(s, min(e, s + 6)):
            if doc[j].text == ":":
                words = [t for t in doc[s:j] if not t.is_space]
                return j + 1 if words and self.is_rubric(words) else 0
        return 0

    def is_rubric(self, words: list[Token]) -> bool:
        """« Syrie : », « Pêche : » open a headline; « Emmanuel Dubois : » and
        « Le ministre a assuré : » introduce the words that follow."""
        if any(t.pos_ in ("VERB", "AUX") for t in words):
            return False
        ents = [self.index.entity_at(t.i) for t in words]
        if any(e is not None and e.type in ("PER", "ORG") for e in ents):
            return False
        head = actors._head_of(words)
        return not (actors.role_key(words, words.index(head)) or fold(head.lemma_) in self.alex.org_nouns)

    def source_phrases(self, s: int, e: int):
        """« selon X », « d'après X », « pour X, » in the sentence: (prep, X)."""
        doc = self.doc
        e = min(e, len(doc))
        for j in range(s, e):
            t = doc[j]
            if t.i in self.quoted or t.is_space:
                continue
            key = fold(t.text)
            if key not in self.lex.source_preps:
                continue
            if key in self.lex.after_de:
                p = _prev(doc, t.i)
                if p is None or fold(p.text) not in ("d'", "de"):
                    continue
            x = t.head if t.head.i > t.i else None
            if x is None:
                x = _next(doc, t.i)
                while x is not None and x.pos_ in ("DET", "ADJ"):
                    x = _next(doc, x.i)
            if x is None or x.i >= e:
                continue
            if key in self.lex.clause_initial:
                p = _prev(doc, t.i)
                while p is not None and p.i >= s and (p.pos_ in ("ADV", "CCONJ") and p.i >= s):
                    p = _prev(doc, p.i)
                if p is not None and p.i >= s and p.text not in (":", ",", "—", "–", "-", "(") and p.i != self._rubric_end(s) - 1:
                    continue
                np = self.speaker_np(x)
                after = _next(doc, np[-1].i) if np else None
                if after is not None and after.text == "(":  # « Pour la fédération (FNTR), »
                    close = next((k for k in range(after.i + 1, min(e, after.i + 6)) if doc[k].text == ")"), None)
                    after = _next(doc, close) if close is not None else after
                if after is None or after.text not in (",", ":"):
                    continue
                if not self.actor_like(x, strict=True):
                    continue
            elif not self.actor_like(x, strict=False):
                continue
            cue = "d'après" if key in self.lex.after_de else key
            yield t, x, cue

    def can_speak(self, who: list[Token]) -> bool:
        """Words that can name a speaker: a name, a pronoun, people or an
        organisation (not « la version numérique », « l'affaire X »)."""
        head = actors._head_of(who)
        if self.index.entity_at(head.i) is not None or pronoun_key(head) or is_clitic_subject(head) \
                or head.i in self.index.appos:
            return True
        if actors._join(who) in self.alex.pronouns or fold(head.lemma_) in self.alex.org_units:
            return True  # « ce dernier », « le bureau de … »
        if any(self.index.entity_at(t.i) is not None for t in who) and actors._name_in(self.index, who, head):
            return True  # « l'équipementier Valmet »
        return self.actor_like(head, strict=False) and head.pos_ in ("NOUN", "PROPN", "PRON")

    def actor_like(self, x: Token, strict: bool) -> bool:
        lex, alex = self.lex, self.alex
        if x.i in self.quoted:
            return False
        ent = self.index.entity_at(x.i)
        if ent is not None and (not strict or ent.type in ("PER", "ORG")) or pronoun_key(x) \
                or x.i in self.index.appos:
            return True
        key = fold(x.lemma_)
        if key in alex.person_roles or key in alex.org_nouns or key in lex.source_nouns:
            return True
        if strict:
            return False
        if x.pos_ == "PROPN":
            return True
        return x.pos_ == "NOUN" and "Plur" in x.morph.get("Number") and key not in lex.time_nouns

    # --------------------------------------------------------------- the passes
    def indirect(self, s: int, e: int) -> list[Found]:
        doc = self.doc
        out: list[Found] = []
        for j in range(s, e):
            v = doc[j]
            if v.is_space or v.i in self.quoted:
                continue
            cue = self.is_cue(v) or self.slot_cue(v)
            learn = cue is None and self.lex.learn(v) and any(
                fold(t.text) in self.lex.learn_preps or fold(t.lemma_) == "source" for t in doc[v.i + 1:min(e, v.i + 4)])
            if cue is None and not learn:
                continue
            if self.blocked(v) or v.i in self.used_cues:
                continue
            if self.not_words(v):
                continue
            frames = cue.frames if cue else ("que",)
            used_frame = None
            spans: list[tuple[int, int]] = []
            inverted = False
            if self.passive(v):
                said_only = "said" in frames and not any(f in frames for f in ("que", "inf", "obj"))
                subj = next((c for c in v.children if c.dep_ in ("nsubj:pass", "nsubj")), None)
                if said_only and (subj is None or fold(subj.lemma_) not in self.lex.said_nouns):
                    pass  # « le projet a été rejeté par le Parlement »: a vote, not words
                elif any(c.dep_ == "obl:agent" for c in v.children):
                    sp = self.content_passive(v)
                    if sp is None:
                        for f in frames:
                            sp = self.content_que(v) if f == "que" else self.content_inf(v) if f == "inf" else None
                            if sp:
                                break
                    if sp:
                        spans.append(sp)
            else:
                sp = self.content_comme(v)
                if sp:
                    spans.append(sp)
                    inverted = True
                if not spans and ("obj" in frames or any(len(f) <= 6 and f not in ("que", "inf") for f in frames)) \
                        and not self.content_que(v) and not self.content_inf(v):
                    sp = self.content_before(v)
                    if sp is not None:
                        spans.append(sp)
                        inverted = True
                for f in frames if not spans else ():
                    if f == "que":
                        sp = self.content_que(v)
                        if sp:
                            parts = self.split_quoted(*sp)
                            if parts != [sp]:
                                spans.extend(parts)
                                sp = None
                                break
                    elif f == "inf":
                        sp = self.content_inf(v)
                    elif f == "obj":
                        sp = self.content_obj(v)
                    elif f in ("obj_a", "obj_de"):
                        sp = self.content_obj_inf(v, ("a", "à") if f == "obj_a" else ("de", "d'"), f == "obj_de")
                    elif f == "a_de":
                        sp = self.content_obj_inf(v, ("de", "d'"), False, dative=True)
                    elif f == "said":
                        sp = self.content_obj(v, said=True)
                    else:
                        sp = self.content_prep(v, f)
                    if sp and sp[1] > sp[0]:
                        spans.append(sp)
                        used_frame = f
                        break
                if not spans:
                    sp = self.content_before(v)
                    if sp is not None:
                        spans.append(sp)
                        inverted = True
            if inverted and spans:
                # « A, poursuit-il, B »: the words after the incise are reported too
                after = self.after_incise(v)
                if after is not None:
                    if len(self.words(*spans[-1])) < 3:
                        spans[-1] = after
                    else:
                        spans.append(after)
            for a, b in spans:
                if not inverted:
                    # « a proposé de X — une idée que … »: the apposition after a dash is the journalist's
                    for j in range(a + 1, b - 1):
                        if self.resumptive(j, b):
                            a, b = self.trim(a, j)
                            break
                        if doc[j].text in ("—", "–") and j not in self.quoted and doc[j + 1].pos_ == "DET" \
                                and doc[j + 1].head.i > j + 1 and doc[j + 1].head.pos_ == "NOUN" \
                                and (j + 2 >= b or not any(doc[k].text in ("—", "–") for k in range(j + 1, b))):
                            a, b = self.trim(a, j)
                            break
                    # « a jugé que A et réclamé B »: B is reported by the second verb
                    for j in range(a + 1, b - 1):
                        if fold(doc[j].text) in ("et", "puis") and j not in self.quoted:
                            k = j + 1
                            while k < b - 1 and doc[k].pos_ == "ADV":
                                k += 1
                            first = self.coordinated_cue(doc[k])
                            if first is not None and first.i == v.i:
                                a, b = self.trim(a, j)
                                break
                    for j in range(a + 1, b - 1):
                        if doc[j].text != "," or j in self.quoted:
                            continue
                        nxt = doc[j + 1]
                        # « …, prônant … », « …, qui menace de … », « …, selon X »: a report of its own
                        if self.participle_report(j + 1, b) or fold(nxt.text) in self.lex.source_preps \
                                - self.lex.clause_initial or fold(nxt.text) == "qui" and nxt.head.i not in self.quoted \
                                and self.is_cue(nxt.head) is not None and not self.blocked(nxt.head) \
                                or fold(nxt.text) in ("d'", "de") and j + 2 < b \
                                and fold(doc[j + 2].text) in self.lex.after_de:
                            a, b = self.trim(a, j)
                            break
                a, b = self.whole_marks(a, b)
                if len(self.words(a, b)) < 2 and not (b - a == 1 and doc[a].pos_ in ("NOUN", "PROPN", "VERB")):
                    continue
                who = self.subject(v, inverted=inverted or learn)
                if learn and who is None:
                    continue
                if cue is not None and not frames and not inverted:
                    continue
                f = Found(a, b, "indirect", cue.lemma if cue else v.lemma_, v,
                          source="indirect", who=who, resolved=True, frame=used_frame)
                if who is None and not self.passive(v):
                    continue
                if who and not self.can_speak(who) and not (learn and inverted):
                    # (« …, a-t-on appris auprès de leur employeur »: the source, whatever its noun)
                    continue  # « la version numérique proposera … » reports no one's words
                f.incise = learn and inverted
                out.append(f)
        # « …, pour qui … », « selon qui … »: the antecedent is the source
        for j in range(s, e - 1):
            t = doc[j]
            if t.i in self.quoted or fold(t.text) not in self.lex.source_preps or fold(doc[j + 1].text) != "qui":
                continue
            p0 = t.i
            if fold(t.text) in self.lex.after_de:
                d = _prev(doc, t.i)
                if d is None or fold(d.text) not in ("d'", "de"):
                    continue
                p0 = d.i
            who = actors.relative_antecedent(doc, doc[j + 1], before=p0)
            if not who or not self.can_speak(who):
                continue
            end = e
            for k in range(j + 2, e):
                if doc[k].text in (";", ":") or doc[k].text == "," and self.participle_report(k + 1, e):
                    end = k
                    break
            a, b = self.trim(j + 2, end)
            if len(self.words(a, b)) >= 3:
                out.append(Found(a, b, "indirect", "d'après" if p0 != t.i else fold(t.text), t,
                                 source="indirect", who=who, resolved=True))
                self.consumed.add(t.i)
        # selon / d'après / pour X
        for p, x, cue in self.source_phrases(s, e):
            sp = self.content_source(p, x)
            if not sp or sp[1] <= sp[0] or len(self.words(*sp)) < 2 and not (
                    len(self.words(*sp)) == 1 and self.words(*sp)[0].like_num):  # (« 350 selon la police »)
                continue
            if p.i in self.consumed or any(g.a <= p.i < g.b for g in out):
                continue  # « … a rappelé que selon lui … »: inside another report
            f = Found(sp[0], sp[1], "indirect", cue, p, source="indirect", who=self.speaker_np(x),
                      resolved=True)
            out.append(f)
        return out

    # marks -------------------------------------------------------------------------
    def is_name(self, mk: MarkInfo) -> bool:
        doc = self.doc
        words = self.words(mk.a, mk.b)
        if not words:
            return True
        n = len(words)
        # just after a naming word (« l'opération « … » », « intitulée « … » »)
        back = []
        p = _prev(doc, mk.o)
        while p is not None and len(back) < 3 and p.text not in (",", ".", ":", ";", "»", "”"):
            back.append(p)
            p = _prev(doc, p.i)
        for k, t in enumerate(back):
            key, lem = fold(t.text), fold(t.lemma_)
            if key in self.lex.naming_words or lem in self.lex.naming_words:
                if t.pos_ == "VERB" and any(c.dep_.startswith("aux") for c in t.children):
                    continue  # « a dit « … » » is speech
                if t.pos_ == "VERB" and lem in ("dire", "appeler") and k > 0:
                    continue
                if t.pos_ == "VERB" and lem == "dire" and "Part" not in t.morph.get("VerbForm"):
                    continue
                if n <= 8:
                    return True
        has_verb = any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in words)
        small = {"de", "du", "des", "d'", "la", "le", "les", "l'", "et", "en", "a", "à", "au", "sur", "pour"}
        content = [t for t in words if fold(t.text) not in small]
        if n <= 5 and not has_verb and content and all(t.text[:1].isupper() for t in content):
            return True
        # a capitalised phrase with no verb inside a sentence: a title
        # (« le roman « Vendredi ou les Limbes du Pacifique » »)
        left = any(not t.is_space and not t.is_punct for t in self.doc[self.sent_range(mk.o)[0]:mk.o])
        if left and n <= 8 and not has_verb and words[0].text[:1].isupper() and words[0].pos_ != "PRON" \
                and (p is None or p.text not in (":",)):
            return True
        # a nickname before a name (« « Coach » Romney »)
        nxt = _next(doc, mk.c) if mk.c is not None else None
        if n <= 3 and nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
            return True
        return False

    def is_clause(self, mk: MarkInfo) -> bool:
        words = self.words(mk.a, mk.b)
        if len(words) < 3:
            return False
        if any(t.pos_ in ("VERB", "AUX") and ("Fin" in t.morph.get("VerbForm") or "Imp" in t.morph.get("Mood"))
               for t in words):
            return True
        # a sentence the tagger got wrong: capital, verb, final stop
        last = next((t for t in reversed(self.doc[mk.a:mk.b]) if not t.is_space), None)
        return words[0].text[:1].isupper() and last is not None and last.text in (".", "!", "?", "…") \
            and len(words) >= 4 and any(t.pos_ in ("VERB", "AUX") for t in words)

    def left_tokens(self, mk: MarkInfo) -> list[Token]:
        s, _ = self.sent_range(mk.o)
        s = max(s, mk.o - 120)  # (the clause before the marks; a sentence of thousands of marks stays linear)
        return [t for t in self.doc[s:mk.o] if not t.is_space]

    def right_tokens(self, mk: MarkInfo, limit: int = 16) -> list[Token]:
        """The first words after the closing mark, in its sentence (every caller
        looks at a few only: a sentence of thousands of marks stays linear)."""
        end = mk.c if mk.c is not None else mk.b - 1
        _, e = self.sent_range(end)
        out = []
        for j in range(end + 1, e):
            t = self.doc[j]
            if not t.is_space:
                out.append(t)
                if len(out) >= limit:
                    break
        return out

    def cue_after(self, mk: MarkInfo) -> Token | None:
        """A reporting verb right after the closing mark (« », a déclaré X)."""
        for t in self.right_tokens(mk)[:6]:
            if t.text in (",", "-t", "—", "–", ")") or t.pos_ == "AUX" or is_clitic_subject(t) \
                    or (t.pos_ == "ADV" and t.i not in self.quoted) or fold(t.text) in ("ne", "n'", "se", "s'"):
                continue
            if self.is_cue(t) or (self.lex.learn(t)):
                return t
            if self.incise_verb(mk, t):
                return t
            right = self.right_tokens(mk)
            if right and right[0].text in (",", "—", "–") and t.i not in self.quoted:
                cue = self.lex.verb(t, slot=True)  # a cue the tagger took for a noun
                if cue is not None:
                    self.slot_cues[t.i] = cue
                    return t
            return None
        return None

    def slot_cue(self, v: Token) -> Cue | None:
        """A reporting verb the tagger took for another word, in the verb's
        place right after a name that opens the clause and before its
        complement (« Moscou dément toute implication »)."""
        if v.pos_ in ("VERB", "AUX") or not v.text[:1].islower() or v.is_punct or v.i in self.quoted:
            return None
        p, n = _prev(self.doc, v.i), _next(self.doc, v.i)
        if p is not None and p.text == "," and n is not None:
            # « La présidente de …, Nadia Rami, estime pour sa part que … »:
            # after a name in apposition
            q = _prev(self.doc, p.i)
            k = self.index.token_mention.get(q.i) if q is not None else None
            if k is not None and self.index.entity_at(q.i) is not None:
                before = _prev(self.doc, self.index.spans[k][0])
                if before is not None and before.text == "," and (
                        n.pos_ in ("DET", "ADP") or fold(n.text) in QUE + ("de", "d'")):
                    cue = self.lex.verb(v, slot=True)
                    if cue is not None:
                        self.slot_cues[v.i] = cue
                    return cue
            return None
        if p is not None and n is not None and fold(n.text) in QUE and n.pos_ == "SCONJ" \
                and p.pos_ in ("NOUN", "PROPN", "ADJ") and v.dep_ in ("amod", "nmod", "appos") \
                and v.head.pos_ in ("NOUN", "PROPN") and v.head.i < v.i:
            # « Un diplomate en poste à Dakar juge que … »: the parse took the whole
            # clause for a noun phrase; the verb is the word before « que »
            s, _ = self.sent_range(v.i)
            top = v.head
            while top.head.i != top.i and top.head.i < v.i and top.head.pos_ in ("NOUN", "PROPN"):
                top = top.head
            if top.dep_ == "ROOT" and top.left_edge.i == s and not any(
                    t.pos_ in ("VERB", "AUX") for t in self.doc[s:v.i]):
                cue = self.lex.verb(v, slot=True)
                if cue is not None and "que" in cue.frames:
                    self.slot_cues[v.i] = cue
                    return cue
            return None
        if p is None or n is None or self.index.entity_at(p.i) is None:
            return None
        if not (n.pos_ == "DET" or fold(n.text) in QUE + ("de", "d'")):
            return None
        a, _ = self.index.spans[self.index.token_mention[p.i]]
        before = _prev(self.doc, a)
        if before is not None and before.pos_ == "DET":
            before = _prev(self.doc, before.i)
        s, _ = self.sent_range(v.i)
        if before is not None and before.i >= s and before.text not in (",", ";", ":", "—", "–", "-"):
            return None
        cue = self.lex.verb(v, slot=True)
        if cue is not None:
            self.slot_cues[v.i] = cue
        return cue

    def incise_verb(self, mk: MarkInfo, v: Token) -> bool:
        """« « … », soupire-t-elle », « « … », a tranché jeudi le sénateur X »:
        a verb right after the quotation and its comma, with its subject after
        it, is the reporting verb of an incise whatever its meaning."""
        right = self.right_tokens(mk)
        if not right or right[0].text not in (",", "—", "–") or v.pos_ != "VERB":
            return False
        form = v.morph.get("VerbForm")
        if not ("Fin" in form or "Part" in form and any(c.dep_ == "aux:tense" for c in v.children)
                or "Part" in form and _prev(self.doc, v.i) is not None and _prev(self.doc, v.i).pos_ == "AUX"):
            return False
        if any(c.dep_ in ("nsubj", "nsubj:pass") and c.i < v.i and not is_clitic_subject(c) for c in v.children):
            return False
        nxt = _next(self.doc, v.i)
        if nxt is not None and (nxt.text == "-t" or is_clitic_subject(nxt)):
            return not (is_clitic_subject(nxt) and fold(nxt.text) == "-on")
        head = self.inverted_subject(v)
        if head is None or head.pos_ not in ("NOUN", "PROPN") or self.is_time(head):
            return False
        return True

    def source_after(self, mk: MarkInfo):
        right = self.right_tokens(mk)
        k = 0
        while k < len(right) and right[k].text in (",",):
            k += 1
        if k < len(right):
            for p, x, cue in self.source_phrases(right[k].i, right[k].i + 3):
                if p.i <= right[min(k + 1, len(right) - 1)].i:
                    return p, x, cue
        return None

    def colon_clause(self, mk: MarkInfo, left: list[Token]):
        """Who speaks in the clause before a colon (« X a déclaré : « … » »)."""
        doc = self.doc
        clause = left[:-1]
        # stop at an earlier quotation or clause break
        for k in range(len(clause) - 1, -1, -1):
            if clause[k].i in self.quoted or clause[k].text in (";", ":", "»", "”"):
                clause = clause[k + 1:]
                break
        if not clause:
            return None
        if self.sent_of[clause[0].i] == 0 and self._rubric_end(clause[0].i) > clause[-1].i \
                and self.is_rubric(clause):
            return None  # « Syrie : » is the headline's rubric
        for t in reversed(clause):
            cue = self.is_cue(t)
            if cue is not None and not self.blocked(t):
                return ("verb", t, cue)
        for p, x, cue in self.source_phrases(clause[0].i, clause[-1].i + 1):
            return ("source", p, x, cue)
        for t in clause:
            if fold(t.lemma_) in self.lex.statement_nouns:
                v = t.head
                while v.pos_ not in ("VERB",) and v.head.i != v.i:
                    v = v.head
                if v.pos_ == "VERB":
                    return ("statement", v, t)
        verbs = [t for t in clause if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "aux:tense", "aux:pass", "cop")]
        if not verbs:
            heads = [t for t in clause if t.pos_ in ("NOUN", "PROPN") and t.head.i not in {c.i for c in clause}
                     or t.head.i == t.i]
            if heads:
                return ("np", heads[0])
        return ("none",)

    def attribute(self, mk: MarkInfo) -> list[Found]:
        """Kind, cue and speaker of the words between one pair of marks."""
        doc = self.doc
        out = []
        parts = self.incise_inside(mk)
        if parts is not None:
            (a1, b1), v, second = parts
            who = self.subject(v, inverted=True)
            cue = self.lex.verb(v) or self.lex.verb(v, slot=True)  # (inside the marks: is_cue would refuse it)
            for a, b in [(a1, b1)] + ([second] if second else []):
                f = Found(a, b, "direct", cue.lemma if cue else None, v, None, mark=mk, resolved=True, who=who)
                out.append(f)
            return out
        f = Found(mk.a, mk.b, "partial", mark=mk, start=mk.m.start, end=mk.m.end)
        left = self.left_tokens(mk)
        right = self.right_tokens(mk)
        last = left[-1] if left else None
        first = right[0] if right else None
        clause = self.full_clause(mk)
        if last is not None and last.text in ("'", "’") and len(left) > 1 and fold(left[-2].text) in QUE:
            last = left[-2]
        left_ok = last is None or last.text in (":", "—", "–", "-", "«", ",") or fold(last.text) in QUE
        right_ok = first is None or first.text in (",", ":", ";", ".", "!", "?", "…", ")") \
            or self.cue_after(mk) is not None
        who = None
        v = self.cue_after(mk)
        if v is not None:
            who = self.subject(v, inverted=True)
            f.incise = True
            f.cue, f.cue_tok = (self.is_cue(v).lemma if self.is_cue(v) else v.lemma_.lower()), v
            if left_ok:
                self.used_cues.add(v.i)
            # (« X sont « … », a-t-on appris »: the incise reports the whole clause,
            # of which the quoted words are a part: left to reported speech)
            f.resolved = True
        elif self.source_after(mk) is not None:
            p, x, cue = self.source_after(mk)
            who, f.cue, f.cue_tok, f.resolved = self.speaker_np(x), cue, p, True
        elif last is not None and last.text == ":":
            res = self.colon_clause(mk, left)
            left_ok = True
            if res is None:
                f.resolved = True
            elif res[0] == "verb":
                _, v, cue = res
                who, f.cue, f.cue_tok, f.resolved = self.subject(v, inverted=False), cue.lemma, v, True
            elif res[0] == "source":
                _, p, x, cue = res
                who, f.cue, f.cue_tok, f.resolved = self.speaker_np(x), cue, p, True
            elif res[0] == "statement":
                _, v, noun = res
                who, f.cue, f.cue_tok, f.resolved = self.subject(v, inverted=False), fold(noun.lemma_), noun, True
            elif res[0] == "np":
                who, f.resolved = self.speaker_np(res[1]), True
            else:
                f.resolved = True  # a colon after a clause that reports nothing
                f.final = True
        if not f.resolved and last is not None:
            # the source phrase or the reporting verb just before the marks
            src = None
            # (a source phrase ending right before the marks: a window, not the whole sentence)
            for p, x, cue in self.source_phrases(max(self.sent_range(mk.o)[0], mk.o - 60), mk.o):
                end = self.after_source(x)
                if all(doc[k].is_space or doc[k].is_punct or fold(doc[k].text) in ("le", "la", "les", "l'")
                       for k in range(end, mk.o)):
                    src = (p, x, cue)
            if src is not None:
                p, x, cue = src
                who, f.cue, f.cue_tok, f.resolved = self.speaker_np(x), cue, p, True
                left_ok = True
        if not f.resolved:
            v = self.governing_cue(mk)
            if v is not None:
                cue = self.is_cue(v) or None
                who = self.subject(v, inverted=v.i > mk.a)
                f.cue = cue.lemma if cue else fold(v.lemma_)
                f.cue_tok = v
                f.resolved = True
                if v.i < mk.o:
                    left_ok = True
        if not f.resolved:
            s, e = self.sent_range(mk.o)
            if (s, e) not in self.sentence_sources:  # (once per sentence)
                self.sentence_sources[(s, e)] = list(self.source_phrases(s, e))
            for p, x, cue in self.sentence_sources[(s, e)]:
                who, f.cue, f.cue_tok, f.resolved = self.speaker_np(x), cue, p, True
                break
        f.kind = "direct" if clause and (left_ok or right_ok) else "partial"
        f.who = who
        out.append(f)
        return out

    def full_clause(self, mk: MarkInfo) -> bool:
        """Quoted words that make a clause of their own: a finite verb, and a
        capital or a subject of their own (« il veut … », not « est grave »)."""
        if not self.is_clause(mk):
            return False
        words = self.words(mk.a, mk.b)
        if words[0].text[:1].isupper():
            return True
        inside = set(range(mk.a, mk.b))
        roots = {t.i for t in words if t.head.i not in inside or t.head.i == t.i}
        return any(t.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and t.head.i in roots for t in words)

    def incise_inside(self, mk: MarkInfo):
        """« A, dit-il, B », « A, a déclaré M. X à la presse. B »: the incise
        splits the quotation in two (the second part may be empty)."""
        doc = self.doc
        for j in range(mk.a + 1, mk.b - 2):
            t = doc[j]
            if t.text != ",":
                continue
            k = j + 1
            clitic = False  # « avait-il souligné », « a-t-il lancé »: the subject before the participle
            while k < mk.b and (doc[k].is_space or doc[k].pos_ == "AUX" or fold(doc[k].text) in ("ne", "n'")
                                or k > j + 1 and doc[k - 1].pos_ == "AUX" and doc[k].text == "-t"
                                or k > j + 1 and (doc[k - 1].pos_ == "AUX" or doc[k - 1].text == "-t")
                                and doc[k].text.startswith("-") and is_clitic_subject(doc[k])):
                clitic = clitic or doc[k].text.startswith("-") and doc[k].text != "-t"
                k += 1
            if k >= mk.b:
                break
            v = doc[k]
            if self.lex.verb(v) is None and self.lex.verb(v, slot=True) is None:
                continue
            # the end of the incise: a comma or the end of its sentence
            end = next((m for m in range(k + 1, mk.b) if doc[m].text in (",", ".", "!", "?", ";", "…")), None)
            if end is None or any(doc[m].pos_ in ("VERB", "AUX") and "Fin" in doc[m].morph.get("VerbForm")
                                  and doc[m].head.i != v.i for m in range(k + 1, end)):
                continue
            m = k + 1
            while m < end and (doc[m].is_space or doc[m].text == "-t"):
                m += 1
            if clitic and "Part" in v.morph.get("VerbForm") or m < end and is_clitic_subject(doc[m]):
                pass
            else:
                head = self.inverted_subject(v)
                if head is None or not (k < head.i < end) or not (
                        self.index.entity_at(head.i) is not None or self.actor_like(head, strict=False)
                        or head.pos_ == "NOUN"):
                    continue
            a1, b1 = self.trim(mk.a, j)
            a2, b2 = end + 1, mk.b  # the second part keeps its final stop, as any quotation
            while a2 < b2 and doc[a2].is_space:
                a2 += 1
            if b1 > a1:
                return (a1, b1), v, (a2, b2) if b2 > a2 and self.words(a2, b2) else None
        return None

    def governing_cue(self, mk: MarkInfo) -> Token | None:
        """The reporting verb the quoted words depend on, or the one just before
        them in the clause."""
        doc = self.doc
        inside = set(range(mk.a, mk.b))
        heads = [doc[i] for i in range(mk.a, mk.b) if doc[i].head.i not in inside and not doc[i].is_space]
        s, e = self.sent_range(mk.o)
        for h in heads[:2]:
            cur = h.head
            steps = 0
            while steps < 8:
                if cur.i not in inside and cur.i not in self.quoted and self.is_cue(cur) and not self.blocked(cur) \
                        and not self.not_words(cur):
                    return cur
                if cur.head.i == cur.i:
                    break
                cur = cur.head
                steps += 1
        # the nearest reporting verb before the marks, with nothing but
        # complements in between (« a dit en conférence de presse « … » »)
        for j in range(mk.o - 1, s - 1, -1):
            t = doc[j]
            if t.i in self.quoted:
                break
            if self.is_cue(t) and not self.blocked(t) and not self.not_words(t):
                return t
            if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and t.dep_ not in ("aux", "aux:tense", "aux:pass"):
                break
            if t.text in (";", ":"):
                break
        return None

    def fallback(self, f: Found, prev: Found | None, items: list[Found]) -> None:
        """Quoted words with no reporting word of their own."""
        doc = self.doc
        mk = f.mark
        s, e = self.sent_range(mk.o)
        # another quotation of the sentence that has its speaker
        for g in items:
            if g.mark is not None and g is not f and g.speaker is not None:
                f.speaker, f.resolved = g.speaker, True
                return
        # a document as the subject: « un rapport … renforce … et « … » »
        root = self.sents[self.sent_of[mk.o]].root
        for c in root.children:
            if c.dep_ in ("nsubj",) and fold(c.lemma_) in self.lex.source_nouns and c.i not in self.quoted:
                f.speaker = self.resolve(self.speaker_np(c), c.i)
                f.resolved = True
                return
        words = self.words(mk.a, mk.b)
        # the subject of the clause the words are in (at least three words)
        if len(words) >= 3 and f.kind == "partial":
            inside = set(range(mk.a, mk.b))
            h = next((doc[i] for i in range(mk.a, mk.b) if doc[i].head.i not in inside and not doc[i].is_space), None)
            v = h.head if h is not None else None
            steps = 0
            while v is not None and v.pos_ not in ("VERB",) and v.head.i != v.i and steps < 6:
                v = v.head
                steps += 1
            if v is not None and v.pos_ == "VERB" and v.i not in inside and not self.passive(v) \
                    and v.i not in self.quoted:
                who = self.subject(v, inverted=False)
                ref = self.resolve(who, v.i) if who else None
                if ref is not None and (ref.named or self.actor_like(actors._head_of(who), strict=True)):
                    f.speaker, f.cue, f.cue_tok, f.resolved = ref, v.lemma_, v, True
                    return
        # a quotation standing alone after another by the same speaker
        if prev is not None and prev.speaker is not None and self.para_of[prev.a] == self.para_of[f.a] \
                and f.kind == "direct":
            f.speaker, f.resolved = prev.speaker, True
            return

    # ---------------------------------------------------------------- run
    def run(self) -> list[Found]:
        doc = self.doc
        by_sentence: dict[int, list[MarkInfo]] = {}
        for mk in self.marks:
            mk.name = self.is_name(mk)
            end = mk.c if mk.c is not None else mk.b - 1
            by_sentence.setdefault(self.sent_of[end], []).append(mk)
        prev_mark: Found | None = None
        for si, sent in enumerate(self.sents):
            items: list[Found] = []
            for mk in by_sentence.get(si, []):
                if not mk.name:
                    items.extend(self.attribute(mk))
            items.extend(self.indirect(sent.start, sent.end))
            # speakers in the order they are named, so that a description or a
            # pronoun can find one named just before it
            def order(f: Found) -> int:
                if f.who:
                    return f.who[0].i
                return f.cue_tok.i if f.cue_tok is not None else f.a
            for f in items:
                if f.mark is None:
                    actors.note_reported(self.doc, f.a, f.b)
            for f in sorted(items, key=order):
                if f.who and not self.can_speak(f.who) and not (
                        f.incise and actors._head_of(f.who).pos_ in ("NOUN", "PROPN")
                        and not self.is_time(actors._head_of(f.who))):
                    f.who = None  # (the subject of an incise speaks, whoever it is)
                if f.who:
                    f.speaker = self.resolve(f.who, f.who[0].i if f.cue_tok is None else min(f.cue_tok.i, f.who[0].i))
                self.note(f)
            kept = []
            for f in sorted(items, key=lambda f: f.a):
                if f.mark is not None and not f.final and not f.incise:
                    # quoted words inside reported speech are that speaker's,
                    # unless a reporting verb outside it says otherwise
                    own = f.cue_tok is not None and f.speaker is not None and self.is_cue(f.cue_tok) is not None \
                        and any(x in self.is_cue(f.cue_tok).frames for x in ("obj", "said"))
                    host = next((g for g in items if g.mark is None and g.a <= f.a and f.b <= g.b
                                 and g.speaker is not None and (f.cue_tok is None or g.a <= f.cue_tok.i < g.b
                                                                and not own)), None)
                    # (« exhorte X à garantir « … » », « que Dakar souhaitait « … » »: the
                    # reporter's words; « Y lui a exprimé « … » »: Y's words, a verb that reports its object)
                    if host is not None:
                        f.speaker, f.cue, f.cue_tok, f.resolved = host.speaker, host.cue, host.cue_tok, True
                if f.mark is not None and not f.final and (not f.resolved or (f.speaker is None and f.cue is None)):
                    self.fallback(f, prev_mark, items)
                    if f.speaker is not None:
                        self.note(f)
                if f.mark is not None:
                    if not f.resolved and f.kind == "partial":
                        f.weak = True  # perhaps a scare quote: kept if repeated with a speaker
                    elif not f.resolved and len(self.words(f.a, f.b)) < 4:
                        f.weak = True
                    prev_mark = f
                kept.append(f)
            self.found.extend(kept)
        return self.merge(self.found)

    # -------------------------------------------------------------- merging
    def merge(self, found: list[Found]) -> list[Found]:
        doc = self.doc
        marks = [f for f in found if f.mark is not None]
        ind = [f for f in found if f.mark is None]
        keep_ind = []
        for f in ind:
            # the words outside the marks: if hardly any, the marks are the quote
            inner = [m for m in marks if m.a >= f.a and m.b <= f.b]
            outside = [t for t in self.words(f.a, f.b)
                       if not any(m.a <= t.i < m.b for m in inner)
                       and fold(t.text) not in ("le", "la", "les", "l'", "un", "une", "des", "de", "d'", "du")]
            lead = self.leading_source(f)
            if any(m.mark.o <= f.a and f.b <= (m.mark.c or m.mark.b) + 1 for m in marks):
                continue
            if inner and len(outside) - lead <= 0:
                for m in inner:
                    if m.speaker is None and f.speaker is not None:
                        m.speaker, m.cue, m.cue_tok = f.speaker, f.cue, f.cue_tok
                    if m.kind == "partial" and self.is_clause(m.mark):
                        m.kind = "direct"
                continue
            # the same clause reported twice (a verb and « selon »): keep the first
            if any(self.overlap(f, g) > 0.6 and not self.chain(f, g) for g in keep_ind):
                continue
            keep_ind.append(f)
        kept_marks = []
        for m in marks:
            hosts = [f for f in keep_ind if f.a <= m.a and m.b <= f.b]
            if any(m.speaker is None or host.speaker is None or self.same(m.speaker, host.speaker)
                   for host in hosts):
                continue  # a partial quote inside reported speech: counted once
            kept_marks.append(m)
        out = sorted(kept_marks + keep_ind, key=lambda f: (f.a, f.b))
        # repeated words take the speaker of their other occurrence
        by_text: dict[str, Referent] = {}
        for f in out:
            if f.speaker is not None:
                by_text.setdefault(self.key(f), f.speaker)
        for f in out:
            if f.speaker is None and self.key(f) in by_text:
                f.speaker = by_text[self.key(f)]
                f.weak = False
        return [f for f in out if not f.weak]

    def chain(self, f: Found, g: Found) -> bool:
        """« Selon X, Y aurait affirmé que Z »: X reports that Y said Z; the
        inner report (its cue inside the outer one's words, another speaker)
        is a quotation of its own."""
        for outer, inner in ((f, g), (g, f)):
            if inner.cue_tok is not None and outer.a <= inner.cue_tok.i < outer.b and inner.a > outer.a \
                    and outer.cue_tok is not None and not (outer.a <= outer.cue_tok.i < outer.b) \
                    and inner.speaker is not None and outer.speaker is not None \
                    and not self.same(inner.speaker, outer.speaker):
                return True
        return False

    def leading_source(self, f: Found) -> int:
        """Words of a « selon X, » opening the reported clause."""
        doc = self.doc
        t = doc[f.a]
        if fold(t.text) in self.lex.source_preps or fold(t.text) in ("d'", "de") and f.a + 1 < f.b \
                and fold(doc[f.a + 1].text) in self.lex.after_de:
            j = f.a
            while j < f.b and doc[j].text != "," and doc[j].text not in ("«", "“"):
                j += 1
            return len(self.words(f.a, j))
        return 0

    def key(self, f: Found) -> str:
        return " ".join(fold(t.text) for t in self.words(f.a, f.b))

    @staticmethod
    def overlap(f: Found, g: Found) -> float:
        inter = max(0, min(f.b, g.b) - max(f.a, g.a))
        return inter / max(1, min(f.b - f.a, g.b - g.a))

    @staticmethod
    def same(r1: Referent, r2: Referent) -> bool:
        if r1.entity is not None and r2.entity is not None:
            return r1.entity.id == r2.entity.id
        return fold(r1.name) == fold(r2.name)

    # -------------------------------------------------------------- output
    def quotes(self) -> list[Quote]:
        doc = self.doc
        out = []
        for f in self.run():
            if f.start is not None and f.a == f.mark.a and f.b == f.mark.b:
                start, end = f.start, f.end
            else:
                start, end = self.chars(f.a, f.b)
            text = self.text[start:end]
            if not text.strip():
                continue
            sp = f.speaker
            q = Quote(id="", text=text, start=start, end=end, kind=f.kind,
                      speaker=sp.entity.id if sp is not None and sp.entity is not None else None,
                      speaker_name=sp.name if sp is not None else None,
                      cue=f.cue,
                      speaker_named=bool(sp is not None and sp.entity is not None),
                      speaker_span=Evidence(sp.start, sp.end, self.text[sp.start:sp.end])
                      if sp is not None and sp.end > sp.start else None,
                      cue_span=Evidence(f.cue_tok.idx, f.cue_tok.idx + len(f.cue_tok.text), f.cue_tok.text)
                      if f.cue_tok is not None else None)
            out.append(q)
        out.sort(key=lambda q: (q.start, q.end))
        for k, q in enumerate(out, 1):
            q.id = f"q{k}"
        return out
