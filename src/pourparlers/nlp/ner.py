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

- Whole-article rules (round 2): two names the tokenizer split at a hyphen are
  one (« Addis » « Abeba »), not after a noun for a pair (« liaison
  Nîmes-Montpellier ») nor two persons (« Macron-Merkel »); an acronym in
  brackets whose letters come from the name before it takes that name's label,
  there and everywhere in the article (« Alliance pour la renaissance du Kivu
  (ARK) »); the capitalised name after a noun for a kind of organisation is an
  organisation, without the noun, where the model missed or mislabelled it
  (« la compagnie publique Codelco »), and wherever the article repeats it;
  « armée » + demonym, « ministère » + adjective + portfolio (where the model
  found no portfolio) and a court or prosecutor with its seat are one
  organisation; « sur X » is the network; a person's or misc name opening a
  dateline is a place; « place / palais / rue » + name is one place.

- Round 3 (news gold of this project, weighed against WiNER held-out): a
  minister's portfolio is no entity (« ministre de l'Agriculture », « chargé de
  la Mer »), a person glued after it stays; « N' » before a capital belongs to
  the name (« Yao Kouadio N'Guessan »); lower-case institutions with their
  complements and seat (« ministère russe de la Défense », « comité régional des
  pêches de Bretagne », « police nationale d'Haïti », « zone de police X »); the
  long form of an acronym runs from the nearest organisation start or head that
  gives its letters (« Mouvement du 23 mars (M23) »); a body of an international
  organisation is one name with it and its mandate (« Haut-Commissariat des
  Nations unies pour les réfugiés »); « l'association X »: the name alone.

It also provides ``use_trained_ner``: the pipeline's ``ner`` weights are
replaced by the fine-tuned ones shipped in ``data/models/ner`` (built by
``scripts/train_ner.py``), same architecture, nothing downloaded.
"""

from __future__ import annotations

import json
import pathlib
import unicodedata
import warnings
from dataclasses import dataclass, field

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
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


def _fold(word: str) -> str:
    """``word`` without accents (« énergie » -> « energie »)."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


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
        ap, cn, lo = o["apposition"], o["common_noun"], res["loc"]
        self.apposition_heads = frozenset(ap["heads"])
        self.apposition_between = frozenset(ap["between"])
        self.apposition_complements = [c.split() for c in ap["complements"]]
        self.letter_orgs = {k: [w.split() for w in v] for k, v in o["letters"].items()}
        self.with_demonym = frozenset(cn["with_demonym"])
        self.with_portfolio = frozenset(cn["with_portfolio"])
        self.with_seat = frozenset(cn["with_seat"])
        self.seat_links = [w.split() for w in sorted(cn["seat_links"], key=len, reverse=True)]
        self.seat_needs_adjective = frozenset(cn["seat_needs_adjective"])
        self.with_name = [w.split() for w in cn["with_name"]]
        self.parent_orgs = frozenset(v for name in o["parents"] for v in _variants(name))
        self.loc_heads = frozenset(lo["heads"])
        self.loc_heads_de = frozenset(lo["heads_with_de"])
        self.demonyms = frozenset(resources.load("roles").get("demonyms", {}))
        self.pair_nouns = frozenset(res["hyphens"]["pair_nouns"])
        pf = res["portfolio"]
        self.portfolio_roles = [r.split() for r in pf["roles"]]
        self.portfolio_links = frozenset(pf["links"])
        self.portfolio_words = frozenset(pf["words"])
        self.name_elisions = frozenset(res["elisions"]["in_names"])
        self._trigger_ids = None
        self._triggers = self.with_demonym | self.with_portfolio | self.with_seat | self.apposition_heads \
            | self.loc_heads | {w[0] for w in self.with_name}
        cal = resources.load("calendar")
        self.calendar = frozenset(cal["months"]) | frozenset(cal["weekdays"])
        self.lexicon = Lexicon.from_nlp(nlp)
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for key, names in (("ORG_NAME", o["names"] + o["international"]), ("ORG_RELABEL", o["relabel"]),
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
            if j < e - 2 and self.lexicon.is_adjective(doc[j]) and doc[j].is_title and doc[j].whitespace_ \
                    and (det_before or (label == "PER" and self._known_demonym(doc[j]))) \
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
            if not any(t.is_title or t.is_upper for t in words
                       if not self._is_title(t) and t.lower_ not in self.apposition_heads):  # « ONG »
                role = role or any(self._is_title(t) or t.lower_ in self.apposition_heads for t in words)
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
        self._index(doc)
        result = self._merge_hyphens(doc, sorted(result))
        result = self._name_elisions(doc, result)
        result = self._common_noun_orgs(doc, result, protected)
        result = self._named_units(doc, result, protected)
        result = self._un_bodies(doc, result)
        result = self._apposed_names(doc, result, protected)
        result = self._place_heads(doc, result, protected)
        result = self._acronyms(doc, result)
        result = self._letters(doc, result)
        result = self._portfolios(doc, result)
        result = self._dateline(doc, result)
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


    # -- rules over the whole doc (round 2) --

    @staticmethod
    def _put(result: list[tuple[int, int, str]], s: int, e: int, label: str) -> list[tuple[int, int, str]]:
        """``result`` with (s, e, label) in place of every entity it overlaps."""
        out = [r for r in result if r[1] <= s or e <= r[0]]
        out.append((s, e, label))
        return sorted(out)

    @staticmethod
    def _glued_hyphen(doc: Doc, i: int) -> bool:
        return 0 < i < len(doc) - 1 and doc[i].text in ("-", "‑") and not doc[i - 1].whitespace_ \
            and not doc[i].whitespace_

    def _merge_hyphens(self, doc: Doc, result: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Two entities the tokenizer split at a hyphen are one name (« Addis » « Abeba »,
        « Joseph » « Marie Atangana »); two persons stay two (« le sommet Macron-Merkel »)."""
        out: list[tuple[int, int, str]] = []
        for r in result:
            if out:
                ps, pe, pl = out[-1]
                s, e, label = r
                if s == pe + 1 and self._glued_hyphen(doc, pe) and pl == label and (
                        label != "PER" or (pe - ps == 1 and e - s >= 2)) and not self._after_pair_noun(doc, ps):
                    out[-1] = (ps, e, label)
                    continue
            out.append(r)
        return out

    def _index(self, doc: Doc) -> None:
        """Where the trigger words of the doc-wide rules stand (one vectorised pass)."""
        if self._trigger_ids is None:
            self._trigger_ids = numpy.array(sorted({get_string_id(w) for w in self._triggers}), dtype="uint64")
            self._orth_ids = numpy.array(sorted({get_string_id(w) for w in list(self.letter_orgs) + ["("]}),
                                         dtype="uint64")
        arr = doc.to_array([LOWER, ORTH]) if len(doc) else numpy.zeros((0, 2), dtype="uint64")
        hits = numpy.nonzero(numpy.isin(arr[:, 0], self._trigger_ids) | numpy.isin(arr[:, 1], self._orth_ids))[0]
        self._at: dict[str, list[int]] = {}
        for i in hits.tolist():
            t = doc[i]
            key = t.text if t.text in self.letter_orgs or t.text == "(" else t.lower_
            self._at.setdefault(key, []).append(i)
        self._orths = arr[:, 1]

    def _texts_equal(self, doc: Doc, j: int, words: list[str]) -> bool:
        return all(doc[j + k].text == w for k, w in enumerate(words))

    def _where(self, words) -> list[int]:
        return sorted(i for w in words for i in self._at.get(w, ()))

    def _after_pair_noun(self, doc: Doc, i: int) -> bool:
        """« la liaison Nîmes-Montpellier »: a noun for a pair before the names."""
        k = i - 1
        while k >= 0 and doc[k].pos_ in ("DET", "ADJ") and doc[k].is_lower:
            k -= 1
        return k >= 0 and (doc[k].lower_ in self.pair_nouns or doc[k].lemma_.lower() in self.pair_nouns)

    @staticmethod
    def _abbreviates(acr: str, words: list[str]) -> bool:
        """The letters of ``acr`` in order: from the initials of ``words``, or further on in
        the word whose initial was taken (« Minuss »: MIssion des Nations Unies au Soudan
        du Sud; « ARK »: Alliance pour la Renaissance du Kivu)."""
        letters = [c for c in _fold(acr.lower()) if c.isalpha()]
        words = [_fold(w.lower()) for w in words if w[:1].isalpha()]
        wi, pos, li = -1, 0, 0
        while li < len(letters):
            c = letters[li]
            if wi >= 0:
                j = words[wi].find(c, pos)
                if j > 0:
                    pos, li = j + 1, li + 1
                    continue
            nxt = next((k for k in range(wi + 1, len(words)) if words[k][0] == c), None)
            if nxt is None:
                return False
            wi, pos, li = nxt, 1, li + 1
        return wi >= 0 and words[0][0] == letters[0]

    def _word_is(self, tok: Token, words) -> bool:
        return tok.lower_ in words or tok.lemma_.lower() in words

    def _known_demonym(self, tok: Token) -> bool:
        """« soudanaise », « Italienne »: a demonym of the roles table (any case, any inflection)."""
        return tok.lower_ in self.demonyms or tok.lemma_.lower() in self.demonyms \
            or any(f in self.demonyms for f in _masculine_singular(tok.lower_))

    def _is_demonym(self, tok: Token) -> bool:
        return tok.is_lower and self._known_demonym(tok)

    def _capitalised_run(self, doc: Doc, i: int, limit: int | None = None) -> int:
        """The end of the run of capitalised words (and the lower-case adjectives glued
        to them: « Affaires étrangères ») starting at i; i when there is none."""
        end = i
        limit = len(doc) if limit is None else limit
        k = i
        while k < limit:
            t = doc[k]
            if ((t.is_title or t.is_upper) and t.is_alpha) or (
                    t.text[:1].isupper() and "-" in t.text and t.text.replace("-", "").isalpha()):
                k += 1  # « Hauts-de-France », one token
                end = k
            elif k > i and t.is_lower and t.pos_ == "ADJ" and end == k:
                k += 1
                end = k
            elif k > i and self._glued_hyphen(doc, k) and end == k:
                k += 1
            else:
                break
        return end

    def _common_noun_orgs(self, doc: Doc, result, protected) -> list[tuple[int, int, str]]:
        """« l'armée soudanaise », « le ministère russe des Affaires étrangères », « le
        tribunal correctionnel de Bordeaux »: one organisation, the common noun included."""
        n = len(doc)
        for i in self._where(self.with_demonym | self.with_portfolio | self.with_seat):
            tok = doc[i]
            if not tok.is_lower:
                continue
            if self._word_is(tok, self.with_demonym) and i + 1 < n and self._is_demonym(doc[i + 1]):
                result = self._put(result, i, i + 2, "ORG")
                continue
            portfolio = self._word_is(tok, self.with_portfolio)
            seat = self._word_is(tok, self.with_seat)
            if not (portfolio or seat):
                continue
            k = i + 1
            if portfolio:
                while k < n and k < i + 3 and doc[k].is_lower and doc[k].pos_ == "ADJ":
                    k += 1  # « ministère russe »
            else:
                moved = True
                while moved and k < n:
                    moved = False
                    for link in self.seat_links:
                        if [t.lower_ for t in doc[k:k + len(link)]] == link:
                            k += len(link)
                            moved = True
                            break
            if seat and tok.lower_ in self.seat_needs_adjective and k == i + 1:
                continue  # « la police des Bouches-du-Rhône »: the place alone
            # « de », « des », « du », « de l' », « d' »
            if k < n and doc[k].lower_ in ("de", "des", "du", "d'", "d’"):
                k += 1
                if k < n and doc[k].lower_ in ("l'", "l’", "la"):
                    k += 1
            else:
                continue
            if seat:
                # a complement before the seat: « comité régional des pêches de Bretagne »
                j = k
                while j < n and j < k + 2 and doc[j].is_lower and doc[j].pos_ == "NOUN":
                    j += 1
                if j > k:
                    while j < n and doc[j].is_lower and doc[j].pos_ == "ADJ":
                        j += 1
                    if j + 1 < n and doc[j].lower_ in ("de", "des", "du", "d'", "d’"):
                        k = j + 1
                        if k < n and doc[k].lower_ in ("l'", "l’", "la"):
                            k += 1
            end = self._capitalised_run(doc, k)
            if end == k:
                continue
            if seat and not any(r[0] == k and r[2] == "LOC" for r in result):
                continue  # the seat must be a place the model saw
            if seat:
                end = max(end, next(r[1] for r in result if r[0] == k and r[2] == "LOC"))  # « Pays-de-la-Loire »
            if any(ps < end and i < pe and (ps, pe) in protected for ps, pe, _ in result):
                continue
            if portfolio and end < n and self._is_demonym(doc[end]):
                end += 1  # « ministère des Affaires étrangères chinois »
            result = self._put(result, i, end, "ORG")
        return result

    def _un_bodies(self, doc: Doc, result) -> list[tuple[int, int, str]]:
        """« le Haut-Commissariat des Nations unies pour les réfugiés », « le Bureau de la
        coordination des affaires humanitaires des Nations unies »: a body of an
        international organisation is one name with it, and with the « pour … » of its
        mandate after it."""
        n = len(doc)
        out = sorted(result)
        for idx in range(len(out)):
            s, e, label = out[idx]
            if label == "ORG" and e - s > 2 and (doc[s].lower_ in self.org_heads or doc[s].lemma_.lower() in self.org_heads) \
                    and any(doc[s:e].text.endswith(" " + p) for p in self.parent_orgs):
                end = self._mandate(doc, e)  # the model found the body with its organisation
                if end > e:
                    out[idx] = (s, end, label)
                continue
            if label != "ORG" or doc[s:e].text not in self.parent_orgs:
                continue
            k = s - 1
            if k < 1 or doc[k].lower_ not in ("des", "de", "du", "d'", "d’", "l'", "l’", "la"):
                continue
            if doc[k].lower_ in ("l'", "l’", "la") and k >= 1:
                k -= 1
            if doc[k].lower_ not in ("des", "de", "du", "d'", "d’"):
                continue
            body = next((r for r in out if r[1] == k and r[2] == "ORG"), None)
            if body is None or not (doc[body[0]].lower_ in self.org_heads or doc[body[0]].lemma_.lower() in self.org_heads):
                continue
            out = self._put(out, body[0], self._mandate(doc, e), "ORG")
            return self._un_bodies(doc, out)
        return out

    @staticmethod
    def _mandate(doc: Doc, end: int) -> int:
        """The end of « pour les réfugiés », « pour le développement » after a body's name."""
        n = len(doc)
        if end + 2 < n and doc[end].lower_ == "pour":
            j = end + 1
            if doc[j].lower_ in ("le", "la", "les", "l'", "l’"):
                j += 1
            m = j
            while m < n and m < j + 3 and doc[m].is_lower and doc[m].pos_ in ("NOUN", "ADJ"):
                m += 1
            if m > j and (m >= n or doc[m].is_punct or doc[m].is_space or doc[m].pos_ in ("VERB", "AUX", "ADP")):
                return m
        return end

    def _named_units(self, doc: Doc, result, protected) -> list[tuple[int, int, str]]:
        """« la zone de police Bruxelles-Capitale-Ixelles »: a unit named by a common
        phrase and the name right after it is one organisation, the phrase included."""
        n = len(doc)
        for words in self.with_name:
            m = len(words)
            for i in self._where({words[0]}):
                if [t.lower_ for t in doc[i:i + m]] != words:
                    continue
                k = i + m
                end = self._capitalised_run(doc, k)
                while end < n and self._glued_hyphen(doc, end) and end + 1 < n and doc[end + 1].is_title:
                    end = self._capitalised_run(doc, end + 1)
                if end == k or any(ps < end and k < pe and (ps, pe) in protected for ps, pe, _ in result):
                    continue
                result = self._put(result, i, end, "ORG")
        return result

    def _apposed_names(self, doc: Doc, result, protected) -> list[tuple[int, int, str]]:
        """« l'ONG Amnesty International », « la compagnie publique Codelco »: the name
        after a noun for a kind of organisation is an organisation, without the noun."""
        n = len(doc)
        found: list[list[str]] = []
        for i in self._where(self.apposition_heads):
            tok = doc[i]
            if not (tok.is_lower or tok.is_upper) or tok.lower_ not in self.apposition_heads:
                continue
            if i + 1 < n and doc[i + 1].text in ("-", "‑"):
                continue
            k = i + 1
            for comp in self.apposition_complements:  # « l'agence de presse angolaise Angop »
                if [t.lower_ for t in doc[k:k + len(comp)]] == comp:
                    k += len(comp)
                    break
            while k < n and doc[k].is_lower and (doc[k].pos_ == "ADJ" or doc[k].lower_ in self.apposition_between
                                                 or self.lexicon.is_adjective(doc[k])) \
                    and doc[k].pos_ not in ("ADP", "DET", "VERB", "AUX", "PRON", "CCONJ", "SCONJ"):
                k += 1
            end = self._capitalised_run(doc, k)
            while end > k and (doc[end - 1].pos_ in ("ADP", "DET") or doc[end - 1].is_lower):
                end -= 1
            if end == k or (end - k == 1 and len(doc[k]) < 2) or self._at_start(doc, k):
                # an entity that is the noun alone is no name (« l'ONG française »)
                result = [r for r in result if not (r[0] == i and r[1] == i + 1)]
                continue
            if any(self._is_title(t) for t in doc[k:end]) or doc[k].lower_ in self.calendar:
                continue
            if end + 1 < n and doc[end].lower_ in ("de", "du", "des", "d'", "d’") and doc[end + 1].is_lower:
                continue  # « l'association Médecins du monde »: the name goes on
            # the model missed the name, or read it as another kind of name; a span it gave
            # otherwise is left as it is (WiNER often keeps the noun: « l'agence Bloomberg »)
            over = [r for r in result if r[0] < end and k < r[1] and not (r[0] == i and r[1] == i + 1)]
            # the model's span with the noun (« l'association Anticor ») is cut to the name,
            # as the gold mostly does; a span it gave otherwise is left as it is
            if over and not (len(over) == 1 and (over[0][0], over[0][1]) in ((k, end), (i, end))):
                continue
            result = self._put(result, k, end, "ORG")
            result = [r for r in result if not (r[0] == i and r[1] == i + 1)]
            found.append([t.text for t in doc[k:end]])
        # the name found this way is an organisation wherever else the article repeats it
        for words in found:
            m = len(words)
            for j in numpy.nonzero(self._orths == get_string_id(words[0]))[0].tolist():
                if j + m <= n and self._texts_equal(doc, j, words) and not any(r[0] < j + m and j < r[1] for r in result) \
                        and (j + m >= n or not doc[j + m].is_title):  # not part of a longer name
                    result = self._put(result, j, j + m, "ORG")
        return result

    def _place_heads(self, doc: Doc, result, protected) -> list[tuple[int, int, str]]:
        """« la mer Baltique », « le palais Chigi », « la place de la République »: the
        common noun is part of the place's name."""
        n = len(doc)
        for i in self._where(self.loc_heads):
            tok = doc[i]
            if not tok.is_lower or tok.lower_ not in self.loc_heads:
                continue
            k = i + 1
            if tok.lower_ in self.loc_heads_de and k < n and doc[k].lower_ in ("de", "des", "du", "d'", "d’"):
                k += 1
                if k < n and doc[k].lower_ in ("l'", "l’", "la"):
                    k += 1
            hit = [r for r in result if r[0] == k and r[2] == "LOC" and (r[0], r[1]) not in protected]
            if not hit:
                continue
            result = self._put(result, i, hit[0][1], "LOC")
        return result

    def _acronyms(self, doc: Doc, result) -> list[tuple[int, int, str]]:
        """« l'Alliance pour la renaissance du Kivu (ARK) »: the long form is one name
        ending at the bracket, the acronym takes its label, here and everywhere else."""
        defined: dict[str, str] = {}
        n = len(doc)
        for i in self._at.get("(", ()):
            if not 0 < i < n - 2 or doc[i + 2].text != ")":
                continue
            acr = doc[i + 1]
            alnum = acr.text.isalnum() and any(c.isdigit() for c in acr.text) and acr.text[0].isupper() \
                and all(c.isupper() for c in acr.text if c.isalpha())  # « M23 »
            if not ((acr.is_alpha or alnum) and acr.text[0].isupper() and 2 <= len(acr) <= 8
                    and (acr.is_upper or not self.lexicon.is_common(acr))):
                continue
            # the long form: the entity ending at the bracket; an organisation before it
            # joined by « de » to a place is part of it (« Alliance pour la renaissance du Kivu »)
            last = next((r for r in result if r[1] == i), None)
            if last is None or not self._abbreviates(acr.text, [t.text for t in doc[last[0]:i] if not t.is_punct]):
                # « Fonds africain | pour l'adaptation climatique (FAAC) », « la mission
                # multinationale d'appui à la sécurité (MMAS) »: the name the letters come from,
                # from an organisation's start or head
                long = self._long_form(doc, i, acr.text, result)
                if long is not None:
                    result = self._put(result, long, i, "ORG")
                    last = (long, i, "ORG")
            if last is None:
                continue
            s, label = last[0], last[2]
            prev = next((r for r in result if r[1] < s and r[2] == "ORG"
                         and [t.lower_ for t in doc[r[1]:s]] in (["de"], ["du"], ["des"], ["d'"], ["d’"],
                                                                   ["de", "la"], ["de", "l'"], ["de", "l’"])), None)
            if prev is not None and last[2] == "LOC":
                s, label = prev[0], "ORG"
            words = [t.text for t in doc[s:i] if not t.is_punct]
            if acr.text == doc[s:i].text or not self._abbreviates(acr.text, words):
                continue  # « Chambéry (Savoie) »: a place, no acronym
            if label != "ORG" and (doc[s].lower_ in self.org_heads or doc[s].lemma_.lower() in self.org_heads):
                label = "ORG"
            if (s, i) != (last[0], last[1]):
                result = self._put(result, s, i, label)
            defined[acr.text] = label
            result = self._put(result, i + 1, i + 2, label)
        if defined:
            ids = numpy.array([get_string_id(w) for w in defined], dtype="uint64")
            for t in (doc[k] for k in numpy.nonzero(numpy.isin(self._orths, ids))[0].tolist()):
                if t.text in defined and not any(r[0] <= t.i < r[1] and (r[1] - r[0] > 1) for r in result):
                    result = self._put(result, t.i, t.i + 1, defined[t.text])
        return result

    def _after_portfolio_role(self, doc: Doc, s: int, depth: int = 0) -> bool:
        """Token s follows « ministre [adj] de (la|l') », « chargée de la », « commissaire
        européen à l' », or another portfolio and « et » (« ministre du Commerce, de
        l'Industrie et de l'Énergie »)."""
        k = s - 1
        if k >= 0 and doc[k].lower_ in ("la", "l'", "l’", "les"):
            k -= 1
        if k < 0 or doc[k].lower_ not in self.portfolio_links:
            return False
        k -= 1
        if depth < 3 and k > 0 and doc[k].lower_ in ("et", ","):
            p = k - 1
            while p > 0 and doc[p].is_lower and doc[p].pos_ == "ADJ":
                p -= 1  # « Affaires étrangères »
            if p >= 0 and doc[p].is_title and doc[p].lower_ in self.portfolio_words:
                return self._after_portfolio_role(doc, p, depth + 1)
        for _ in range(2):  # « ministre ivoirien de », « commissaire européen à »
            if k >= 0 and doc[k].is_lower and (doc[k].pos_ == "ADJ" or self._known_demonym(doc[k])) \
                    and not any(doc[k].lower_ == r[-1] for r in self.portfolio_roles):
                k -= 1
        for role in self.portfolio_roles:
            m = len(role)
            if k - m + 1 >= 0 and [t.lower_ for t in doc[k - m + 1:k + 1]] == role:
                return True
        return False

    def _portfolios(self, doc: Doc, result) -> list[tuple[int, int, str]]:
        """« le ministre de l'Agriculture », « chargé de la Mer »: the portfolio is no name;
        « ministre des Finances Tiwonge Phiri »: the person after it is."""
        out = []
        for s, e, label in result:
            tok = doc[s]
            if label == "PER" or not tok.is_title or tok.lower_ not in self.portfolio_words \
                    or not self._after_portfolio_role(doc, s):
                out.append((s, e, label))
                continue
            # the portfolio: capitalised common words and the lower-case words inside it
            # (« Affaires étrangères », « Outre-mer »)
            k = s + 1
            while k < e and (doc[k].is_lower or doc[k].text in ("-", "‑")
                             or (doc[k].is_title and self._glued_hyphen(doc, k - 1))):
                k += 1
            rest = [t for t in doc[k:e]]
            if rest and self._looks_like_person(rest):
                out.append((k, e, "PER"))
            elif rest:
                out.append((s, e, label))  # something else goes on: left as it is
        return out

    def _name_elisions(self, doc: Doc, result) -> list[tuple[int, int, str]]:
        """« Yao Kouadio N'Guessan », « Fada N'Gourma », « N'Djamena »: the tokenizer
        splits « N' » as an elision, but « ne » is never elided before a capital: the
        « N' » belongs to the name after it, and to the name just before it."""
        n = len(doc)
        elided = [i for i in range(n - 1) if doc[i].text in self.name_elisions and not doc[i].whitespace_
                  and doc[i + 1].is_title]
        if not elided:
            return result
        for i in elided:
            after = next((r for r in result if r[0] == i + 1), None)
            before = next((r for r in result if r[1] == i and r[2] != "MISC"), None) if i > 0 \
                and doc[i - 1].whitespace_ and doc[i - 1].is_title else None
            if after is None and before is None:
                continue
            s = before[0] if before else i
            e = after[1] if after else i + 2
            label = before[2] if before else after[2]
            result = self._put(result, s, e, label)
        # a name seen whole as a person's is a person alone too (« M. N'Guessan »)
        persons = {doc[s:e].text for s, e, label in result if label == "PER"}
        ends = {p.split()[-1] for p in persons if " " in p}
        return [(s, e, "PER" if doc[s].text in self.name_elisions and doc[s:e].text in ends else label)
                for s, e, label in result]

    def _long_form(self, doc: Doc, i: int, acr: str, result) -> int | None:
        """The start of the nearest stretch before the bracket at i that the acronym
        abbreviates and that starts an organisation: an ORG the model found, or an
        organisation head (« Forces », « mission »); no clause boundary inside."""
        starts = {r[0]: r[2] for r in result}
        lo = max(0, i - 12)
        for s in range(i - 1, lo - 1, -1):
            t = doc[s]
            if t.is_punct and t.text not in ("'", "’", "-", "‑") or t.pos_ in ("VERB", "AUX") \
                    or t.lower_ in ("et", "ou", "qui", "que"):
                return None
            if t.lower_[:1] != acr[:1].lower():
                continue
            head = t.lower_ in self.org_heads or t.lemma_.lower() in self.org_heads
            if starts.get(s) != "ORG" and not head:
                continue
            if self._abbreviates(acr, [w.text for w in doc[s:i] if not w.is_punct]):
                return s
        return None

    def _letters(self, doc: Doc, result) -> list[tuple[int, int, str]]:
        """« sur X », « le réseau social X »: a one-letter organisation, only after its cues."""
        for t in (doc[k] for k in self._where(self.letter_orgs)):
            cues = self.letter_orgs.get(t.text)
            if not cues:
                continue
            for cue in cues:
                k = len(cue)
                if t.i >= k and [w.lower_ for w in doc[t.i - k:t.i]] == cue and (
                        t.i + 1 >= len(doc) or not (doc[t.i + 1].is_title or doc[t.i + 1].is_upper)):
                    result = self._put(result, t.i, t.i + 1, "ORG")
                    break
        return result

    def _dateline(self, doc: Doc, result) -> list[tuple[int, int, str]]:
        """« Victoria, 27 décembre 2023. – »: the name opening a dateline is a place."""
        out = []
        for s, e, label in result:
            if label in ("PER", "MISC") and (s == 0 or "\n" in doc[s - 1].text or doc[s - 1].is_space) \
                    and e + 3 < len(doc) and doc[e].text == "," and doc[e + 1].like_num \
                    and doc[e + 2].lower_ in self.calendar:
                label = "LOC"
            out.append((s, e, label))
        return out

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
