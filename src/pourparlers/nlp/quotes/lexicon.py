"""The reporting lexicon (``data/fr/quotes.toml``), folded for lookup.

Verbs are looked up by lemma. The stock lemmatiser misses some forms
(« estime-t-il » → « estime »), so a few regular French endings are tried
too (« estime » → « estimer », « reconnait » → « reconnaître »): general
morphology, matched only against the lexicon's own lemmas.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ... import resources
from ..actors import fold

# regular endings of first-group verbs and of « -aître » verbs
_ER_ENDINGS = ("eraient", "erait", "eront", "era", "aient", "ait", "ais", "ant", "ent", "ons", "ez",
               "ées", "és", "ée", "é", "es", "e", "a")


@dataclass(frozen=True)
class Cue:
    lemma: str  # as written in the lexicon (with accents)
    frames: tuple[str, ...]


class CueLexicon:
    def __init__(self) -> None:
        q = resources.load("quotes")
        self.verbs: dict[str, Cue] = {fold(k): Cue(k, tuple(v)) for k, v in q["verbs"].items()}
        self.phrases: dict[str, list[tuple[str, Cue]]] = {}
        for name, spec in q.get("phrases", {}).items():
            self.phrases.setdefault(fold(spec["verb"]), []).append(
                (fold(spec["with"]), Cue(name, tuple(spec["frames"]))))
        self.learn_verbs = {fold(x) for x in q["learn_verbs"]}
        self.learn_preps = {fold(x) for x in q["learn_prepositions"]}
        self.source_preps = {fold(x) for x in q["source_prepositions"]}
        self.after_de = {fold(x) for x in q["source_prepositions_after_de"]}
        self.clause_initial = {fold(x) for x in q["clause_initial_only"]}
        self.voice_nouns = {fold(x) for x in q["voice_nouns"]}
        self.statement_nouns = {fold(x) for x in q["statement_nouns"]}
        self.source_nouns = {fold(x) for x in q["source_nouns"]}
        self.naming_words = {fold(x) for x in q["naming_words"]}
        self.irrealis_governors = {fold(x) for x in q["irrealis_governors"]}
        self.irrealis_marks = {fold(x) for x in q["irrealis_marks"]}
        self.time_nouns = {fold(x) for x in q.get("time_nouns", [])}
        self.no_content_objects = {fold(x) for x in q.get("no_content_objects", [])}
        self.penalty_verbs = {fold(x) for x in q.get("penalty_verbs", [])}
        self.condition_marks = {fold(x) for x in q.get("condition_marks", [])}
        self.said_nouns = {fold(x) for x in q.get("said_nouns", [])}
        self.negated_reports = {fold(x) for x in q.get("negated_reports", [])}

    def _guesses(self, tok: Token):
        yield fold(tok.lemma_)
        text = fold(tok.text.lstrip("-"))
        yield text
        for end in _ER_ENDINGS:
            if text.endswith(end) and len(text) - len(end) >= 3:
                stem = text[: -len(end)]
                yield stem + "er"
                if end == "ait":
                    yield stem + "aitre"  # reconnait → reconnaitre
                break
        else:
            yield text + "er"  # appel → appeler
        if text.endswith("it") and len(text) > 4:
            yield text[:-1] + "re"  # écrit → écrire
            yield text[:-2] + "re"  # dit → dire
        # third-group verbs (for forms the tagger took for another word)
        if text.endswith("ient") and len(text) > 6:
            yield text[:-4] + "enir"  # soutient → soutenir
        if text.endswith("iert") and len(text) > 6:
            yield text[:-4] + "erir"  # requiert → requérir
        if text.endswith("et") and len(text) > 4:
            yield text + "tre"  # promet → promettre
        if text.endswith("ut") and len(text) > 4:
            yield text[:-1] + "re"  # conclut → conclure
        if text.endswith("oit") and len(text) > 4:
            yield text[:-1] + "re"  # croit → croire
        if text.endswith("d") and len(text) > 4:
            yield text + "re"  # répond → répondre
        if text.endswith("t") and len(text) > 4:
            yield text + "ir"  # dément → démentir
        if text.endswith("is") and len(text) > 5:
            yield text[:-2] + "erir"  # requis → requérir

    def verb(self, tok: Token, slot: bool = False) -> Cue | None:
        """The cue of a verb token (by lemma), or None. ``slot``: the token
        stands where a verb must be (« « … », soupire X », « Moscou dément
        toute … »), so its part of speech is not checked: the tagger gets
        some forms wrong there."""
        if slot:
            if not tok.text[:1].islower() or tok.is_punct:
                return None
        elif tok.pos_ not in ("VERB",) and not (tok.pos_ in ("NOUN", "ADJ", "AUX") and tok.morph.get("VerbForm")):
            # a verb the tagger took for a noun: it heads a clause with a subject
            if not (tok.pos_ == "NOUN" and any(c.dep_ in ("nsubj", "expl:subj") for c in tok.children)):
                return None
        # « a fait savoir que »: the parse may hang the verb on its particle
        for c in tok.children:
            for with_, cue in self.phrases.get(fold(c.lemma_), []):
                if c.i < tok.i and with_ in (fold(tok.lemma_), fold(tok.text)) and c.pos_ in ("VERB", "AUX"):
                    return cue
        for key in self._guesses(tok):
            # expressions of several words come first (« faire part de »)
            for with_, cue in self.phrases.get(key, []):
                # (the particle or a word fixed to it: « met en avant »)
                near = [g for c in tok.children for g in [c] + [x for x in c.children if x.dep_ == "fixed"]]
                if any(fold(c.lemma_) == with_ or fold(c.text) == with_ for c in near):
                    return cue
            cue = self.verbs.get(key)
            if cue is not None:
                return cue
        return None

    def learn(self, tok: Token) -> bool:
        return tok.pos_ == "VERB" and any(g in self.learn_verbs for g in self._guesses(tok))


_LEX: CueLexicon | None = None


def cues() -> CueLexicon:
    global _LEX
    if _LEX is None:
        _LEX = CueLexicon()
    return _LEX
