"""TIMEX3 values: resolving candidates against the publication date and the text.

``Resolver.resolve`` walks the candidates in text order. Absolute dates are
read as written; deictic ones (« hier », « samedi », « l'an dernier ») are
counted from the publication date (DCT); anaphoric ones (« le lendemain »,
« la même année », « deux jours plus tard ») from the last date the text
mentioned. Where a year or a direction is missing, the tense of the governing
verb and the preposition before the expression decide (« a été opéré samedi »
is the Saturday before, « sera opéré samedi » the one after). Clock times and
parts of the day take the date of their sentence, else the day the story is at
(``_story_day``: the paragraph's last day, across one paragraph break, else the
lead's day), else the DCT. Without a DCT, relative values stay underspecified
(``XXXX-04-25``, ``XXXX-WXX-6``) rather than guessed.

The governing verb (``Tense.governor``) is found through auxiliaries, modals and
passive infinitives (« doit être reçu »), never across a quotation mark nor
across a « que » clause; the future and the conditional are also read from the
verb's form where the tagger misses them (« se tiendrait », « publierons »).
A bare weekday that is the DCT's own weekday is the DCT. « la veille » / « le
lendemain » count from their sentence's date (before them, else after them in
the clause governing them), from the day an earlier sentence gave to the noun
of « la veille de sa démission », else from the story's day.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ...model import Timex
from .lexicon import Lexicon, alt, norm
from .recognise import Cand

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
UNDATED = "XXXX-XX-XX"


def _roman(s: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = ROMAN.get(ch)
        if v is None:
            return None
        total += -v if v < prev else v
        prev = max(prev, v)
    return total


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    last = [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30,
            31, 31, 30, 31, 30, 31][month - 1]
    return dt.date(year, month, min(d.day, last))


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def easter(year: int) -> dt.date:
    """Easter Sunday of ``year`` (Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def fmt_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def fmt_num(x: float) -> str:
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.3f}".rstrip("0").rstrip(".")


@dataclass
class Ref:
    """A date the text mentioned, at some granularity (D, W, M, Y)."""

    date: dt.date
    gran: str


def value_of(date: dt.date, gran: str) -> str:
    if gran == "D":
        return date.isoformat()
    if gran == "W":
        return fmt_week(date)
    if gran == "M":
        return f"{date.year:04d}-{date.month:02d}"
    return f"{date.year:04d}"


def parse_value(value: str | None) -> Ref | None:
    """The date a value stands for, when it is concrete (``2025-04-25``, ``2025-04``, ``2025``)."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T|$)", value)
    if m:
        y, mo, d = int(m[1]), m[2], m[3]
        if d:
            date = safe_date(y, int(mo), int(d))
            return Ref(date, "D") if date else None
        try:
            if mo:
                return Ref(dt.date(y, int(mo), 1), "M")
            return Ref(dt.date(y, 1, 1), "Y")
        except ValueError:  # year 0 (a date counted back from year 1), month 13
            return None
    m = re.match(r"(\d{4})-W(\d{2})", value)
    if m:
        try:
            return Ref(dt.date.fromisocalendar(int(m[1]), int(m[2]), 1), "W")
        except ValueError:
            return None
    return None


class Tense:
    """The tense of the verb that governs a character offset, from the parse."""

    def __init__(self, doc: Doc, lex: Lexicon, text: str | None = None):
        self.doc = doc
        self.text = text  # the doc's text (``Doc.text`` is rebuilt token by token)
        self.starts = doc.to_array("IDX") if len(doc) else None  # token offsets (a fast C copy)
        tv = lex.raw["tense_verbs"]
        self.future_verbs = set(tv["future"])
        self.past_verbs = set(tv["past"])
        self.etre_verbs = set(tv["with_etre"])
        self.etre_aux = tv["auxiliary_etre"]
        self.scheduled_verbs = set(tv["scheduled"])
        tf = lex.raw["tense_forms"]
        self.stem_end = tf["stem_end"]
        self.fut_endings = sorted(tf["future_endings"], key=len, reverse=True)
        self.cnd_endings = sorted(tf["conditional_endings"], key=len, reverse=True)
        self.inf_endings = tuple(tf["infinitive_endings"])
        self.present_like = tuple(tf["present_like"])
        self.same_present_past = tuple(tf["same_present_past"])
        self._quotes: list[tuple[int, int]] | None = None
        self._pairs = [tuple(p) for p in lex.raw["quotation_marks"]["pairs"]]

    def token(self, char: int):
        if self.starts is None:
            return None
        i = int(self.starts.searchsorted(char, side="right")) - 1
        return self.doc[max(i, 0)]

    def quote_of(self, char: int) -> int:
        """The start of the quotation holding ``char``, or -1 outside any."""
        if self._quotes is None:
            text = self.text if self.text is not None else self.doc.text
            self._quotes = []
            for op, cl in self._pairs:
                pos = 0
                while True:
                    s = text.find(op, pos)
                    if s < 0:
                        break
                    e = text.find(cl, s + 1)
                    nl = text.find("\n", s + 1)
                    if e < 0 or (0 <= nl < e):
                        pos = s + 1  # unclosed in its paragraph
                        continue
                    self._quotes.append((s, e + 1))
                    pos = e + 1
        for s, e in self._quotes:
            if s <= char < e:
                return s
        return -1

    def _local_verb(self, tok, region: int):
        """The nearest verb of ``tok``'s quotation region in its sentence (left first)."""
        sent = tok.sent
        for rng in (range(tok.i - 1, sent.start - 1, -1), range(tok.i + 1, sent.end)):
            for k in rng:
                t = self.doc[k]
                if self.quote_of(t.idx) != region:
                    continue
                if t.pos_ in ("VERB", "AUX") and not t.dep_.startswith("aux") and t.dep_ != "cop":
                    return t
        return None

    def _completive(self, v, tok):
        """The verb of a « que » clause standing between ``v`` and the date ``tok`` (« a annoncé
        qu'elle se rendrait à Addis-Abeba en février »: a parse that hangs the date on
        « annoncé » across the clause is wrong), or None."""
        if v.i >= tok.i or tok.i - v.i > 25:
            return None
        doc = self.doc
        for k in range(tok.i - 1, v.i, -1):
            m = doc[k]
            if m.text in ".;:!?«»":
                return None
            if m.lemma_ == "que" and m.dep_ == "mark":
                for j in range(k + 1, tok.i):
                    w = doc[j]
                    if w.pos_ in ("VERB", "AUX") and not w.dep_.startswith("aux") and w.dep_ != "cop" \
                            and "Fin" in w.morph.get("VerbForm"):
                        return w
                return None
        return None

    def governor(self, char: int, end: int | None = None):
        """The verb (or predicate) governing the expression at ``char`` (its own words, up to
        ``end``, are never its verb: « l'été » tagged as the participle of « être »), or None."""
        tok = self.token(char)
        if tok is None:
            return None
        t = tok
        region = self.quote_of(tok.idx)
        for _ in range(8):
            if end is not None and char <= t.idx < end:
                pass
            elif (t.pos_ in ("VERB", "AUX") and not t.dep_.startswith("aux") and t.dep_ != "cop") or (
                    t is not tok and any(c.dep_ == "cop" or c.dep_.startswith("aux") for c in t.children)):
                # « sont incertains »: a predicate with its copula. A verb across a quotation
                # mark is a parse error: take the nearest verb on the date's side instead.
                if self.quote_of(t.idx) != region:
                    local = self._local_verb(tok, region)
                    if local is not None:
                        return local
                return self._completive(t, tok) or t
            if t.head is t:
                break
            t = t.head
        return None

    def at(self, char: int, end: int | None = None) -> str | None:
        """The tense governing the expression at ``char`` (see ``governor``)."""
        tok = self.token(char)
        if tok is None:
            return None
        v = self.governor(char, end)
        if v is not None:
            return self.verb(v)
        # no verb governs it (a broken parse, a headline): the sentence's first finite verb
        for t in tok.sent:
            if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm"):
                head = t.head if t.dep_.startswith("aux") or t.dep_ == "cop" else t
                return self.verb(head) if head.pos_ in ("VERB", "AUX", "ADJ", "NOUN") else self.verb(t)
        return None

    def form_tense(self, v) -> str | None:
        """« Fut » or « Cnd » read from a finite verb's form (« tiendrait », « publierons »)."""
        if "Fin" not in v.morph.get("VerbForm"):
            return None
        form, lemma = v.text.lower(), v.lemma_.lower()
        if lemma.endswith(self.present_like):
            return None
        base = lemma[:-2] if lemma.endswith(self.inf_endings) else None
        for endings, code in ((self.cnd_endings, "Cnd"), (self.fut_endings, "Fut")):
            for e in endings:
                if form.endswith(e) and len(form) > len(e) + 1:
                    stem = form[:-len(e)]
                    if stem.endswith(self.stem_end) and stem != base:
                        return code
                    break
        return None

    def infinitive_tense(self, v, depth: int) -> str | None:
        """An infinitive's tense, from the verb it depends on: a verb of future or
        past meaning places it; else only a future or conditional verb does
        (« a annoncé se rendre le 27 » looks ahead of its verb, not into the past)."""
        head = v.head
        if head is v or head.pos_ not in ("VERB", "AUX") or depth >= 3:
            return None
        if head.lemma_ in self.future_verbs:
            return "future"
        if head.lemma_ in self.past_verbs:
            return "past"
        return "future" if self.verb(head, depth + 1) == "future" else None

    def verb(self, v, depth: int = 0) -> str | None:
        morph = v.morph
        auxes = [c for c in v.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
        tense_aux = [a for a in auxes if a.dep_ == "aux:tense"]
        pass_aux = [a for a in auxes if a.dep_ in ("aux:pass", "cop")]
        if "Fut" in morph.get("Tense") or any("Fut" in a.morph.get("Tense") for a in auxes):
            return "future"
        if tense_aux:
            return "past"  # passé composé, plus-que-parfait, passé du conditionnel
        if pass_aux and "Inf" in pass_aux[0].morph.get("VerbForm"):
            # « doit être reçu »: the passive infinitive takes its tense from the verb above
            return self.infinitive_tense(v, depth)
        ft = self.form_tense(v) or next((x for a in pass_aux if (x := self.form_tense(a))), None)
        if ft is not None:
            return "future"
        if pass_aux and v.lemma_ in self.etre_verbs and pass_aux[0].lemma_ == self.etre_aux:
            return "past"  # « est rentré »: passé composé of a verb conjugated with être
        if pass_aux:
            a = pass_aux[0]
            t = a.morph.get("Tense")
            if "Imp" in t or "Past" in t:
                return "past"
            if "Cnd" in a.morph.get("Mood"):
                return "future"
            return "present"
        form = morph.get("VerbForm")
        if "Inf" in form:
            return self.infinitive_tense(v, depth)
        if "Part" in form:
            if v.lemma_ in self.scheduled_verbs:
                return None  # « prévue le 15 septembre »: no clue on the direction
            if "Pres" in morph.get("Tense"):
                head = v.head
                if head is not v and head.pos_ in ("VERB", "AUX") and depth < 3:
                    return self.verb(head, depth + 1)
                return None
            return "participle"  # « le navire arraisonné le 3 mars »: past, but no finite verb
        t = morph.get("Tense")
        if "Imp" in t:
            return "imperfect"  # a state at a past time: the caller decides if it places a date
        if "Past" in t:
            lemma, form = v.lemma_.lower(), v.text.lower()
            if lemma.endswith(self.same_present_past) and form in (lemma[:-1] + "t", lemma[:-2] + "t",
                                                                   lemma[:-1] + "s", lemma[:-2] + "s"):
                return "present"  # « le conseil se réunit en mars »
            return "past"
        if "Cnd" in morph.get("Mood"):
            return "future"
        if "Pres" in t:
            if v.lemma_ in self.future_verbs and any(c.morph.get("VerbForm") == ["Inf"] for c in v.children):
                return "future"
            return "present"
        return None


class Cues:
    """The compiled context patterns of the resolver (once per process)."""

    def __init__(self, lex: Lexicon):
        from .lexicon import _form, alt

        cues = lex.raw["tense_cues"]
        self.past_cue = re.compile(r"(?:^|\W)(?:" + "|".join(_form(w) for w in cues["past"]) + r")\s+(?:\w+\s+)?$", re.I)
        self.future_cue = re.compile(r"(?:^|\W)(?:" + "|".join(_form(w) for w in cues["future"]) + r")\s*(?:\w+\s+)?$", re.I)
        self.range_link = re.compile(r"\s*" + alt(lex.raw["ranges"]["links"]) + r"\s*", re.I)


_CUES: dict[int, Cues] = {}


class Resolver:
    def __init__(self, doc: Doc, dct: dt.date | None, lex: Lexicon, text: str | None = None):
        self.doc = doc
        self.text = doc.text if text is None else text
        self.dct = dct
        self.lex = lex
        cues = _CUES.get(id(lex))
        if cues is None:
            cues = _CUES[id(lex)] = Cues(lex)
        self.past_cue, self.future_cue, self.range_link = cues.past_cue, cues.future_cue, cues.range_link
        self._tense: Tense | None = None
        self._sents: list[tuple[int, int]] | None = None
        self.ref: Ref | None = None
        self.nowadays = norm(lex.raw["nowadays"]["word"])
        self.age_verbs = set(lex.raw["ages"]["verbs"])
        self.same_season_words = {norm(w) for w in lex.raw["same"]["time_of_year"]}
        self.ambiguous_units = {norm(w) for w in lex.raw["duration_exceptions"]["ambiguous_units"]}
        self.one_words = {norm(w) for w in lex.raw["duration_exceptions"]["one"]}
        sv = lex.raw["story_verbs"]
        self.reporting_verbs = set(sv["reporting"])
        self.happening_verbs = set(sv["happening"])
        self.announcing_verbs = set(sv["announcing"])
        self.future_plurals = {norm(w) for w in lex.raw["future_adjectives"]["words"]}
        self.quoted_deictics = {norm(w) for w in sv["quoted_deictics"]}
        self.daily_hours = re.compile(
            r"(?:^|\W)" + alt(lex.raw["daily_hours"]["nouns"]) + r"\s+(?:de|entre)\s+(?:\d{1,2}\s*(?:h|heures?)\s*(?:\d{2})?\s*(?:à|et)\s+)?$",
            re.I)
        self._day_ref: Ref | None = None
        self._seen_days: list[tuple[int, dt.date]] = []  # day-level dates so far (start, date)
        self._cands: list[Cand] = []

    # ------------------------------------------------------------ context --

    @property
    def tense(self) -> Tense:
        if self._tense is None:
            self._tense = Tense(self.doc, self.lex, self.text)
        return self._tense

    def sentence(self, char: int) -> tuple[int, int]:
        if self._sents is None:
            try:
                self._sents = [(s.start_char, s.end_char) for s in self.doc.sents]
            except ValueError:  # no sentence boundaries: the doc is one sentence
                self._sents = [(0, len(self.text))]
            self._sent_starts = [s for s, _ in self._sents]
        i = max(bisect.bisect_right(self._sent_starts, char) - 1, 0)
        return self._sents[i] if self._sents else (0, len(self.text))

    def direction(self, c: Cand, present: int = 0, default: int = 0, imperfect: int = -1,
                  participle: int = -1) -> int:
        """-1 (before the DCT), +1 (after) or 0 (no clue), from the words before and the tense
        (``imperfect``, ``participle``: the direction given by an imperfect or by a past
        participle with no auxiliary, when a caller trusts them less than a perfect)."""
        before = self.text[max(0, c.start - 20):c.start]
        if self.past_cue.search(before):
            return -1
        t = self.tense.at(c.start, c.end)
        ahead = self.future_cue.search(before)
        for code, value in (("imperfect", imperfect), ("participle", participle)):
            if t == code:
                if value != -1:
                    return 1 if ahead else value
                t = "past"
        if t == "past":
            return 0 if ahead else -1  # « a donné jusqu'au 30 juin »: no clue
        if t == "future" or ahead:
            return 1
        if t == "present":
            return present
        return default

    # ------------------------------------------------------------ helpers --

    def month_num(self, s: str) -> int | None:
        return self.lex.months.get(norm(s))

    def year_num(self, s: str) -> int:
        s = s.lstrip("'’")
        y = int(s)
        if len(s) == 2:
            base = self.dct.year if self.dct else 2000
            y += (base // 100) * 100
            if y > base + 10:
                y -= 100
        return y

    def infer_md(self, month: int, day: int, direction: int, strict: bool = False) -> dt.date | None:
        dct = self.dct
        cands = [d for d in (safe_date(y, month, day) for y in (dct.year - 1, dct.year, dct.year + 1)) if d]
        if not cands:
            return None
        if direction < 0:
            ok = [d for d in cands if (d < dct if strict else d <= dct)]
            return max(ok) if ok else min(cands, key=lambda d: abs((d - dct).days))
        if direction > 0:
            ok = [d for d in cands if (d > dct if strict else d >= dct)]
            return min(ok) if ok else min(cands, key=lambda d: abs((d - dct).days))
        return min(cands, key=lambda d: abs((d - dct).days))

    def infer_month(self, month: int, direction: int, strict: bool = False) -> int:
        dct = self.dct
        here = dct.year * 12 + dct.month - 1
        cands = [(y * 12 + month - 1, y) for y in (dct.year - 1, dct.year, dct.year + 1)]
        if direction < 0:
            ok = [(k, y) for k, y in cands if (k < here if strict else k <= here)]
            if ok:
                return max(ok)[1]
        elif direction > 0:
            ok = [(k, y) for k, y in cands if (k > here if strict else k >= here)]
            if ok:
                return min(ok)[1]
        return min(cands, key=lambda ky: abs(ky[0] - here))[1]

    def weekday_date(self, wd: int, direction: int, include_today: bool = False) -> dt.date:
        dct = self.dct
        delta = (wd - dct.weekday()) % 7
        if direction > 0:
            return dct + dt.timedelta(days=delta if (delta or include_today) else 7)
        back = (dct.weekday() - wd) % 7
        return dct - dt.timedelta(days=back if (back or include_today) else 7)

    def explicit_dir(self, c: Cand) -> tuple[int, bool]:
        """(direction, anaphoric) of « dernier », « prochain », « suivant »..."""
        d = c.parts.get("dir")
        if not d:
            return 0, False
        k = norm(d)
        if k in self.lex.dir_deictic:
            return self.lex.dir_deictic[k], False
        return self.lex.dir_anaphoric.get(k, 0), True

    def part_code(self, c: Cand) -> str | None:
        p = c.parts.get("part") or c.parts.get("part2")
        return self.lex.day_parts.get(norm(p)) if p else None

    def with_part(self, value: str, c: Cand) -> tuple[str, str]:
        code = self.part_code(c)
        if code:
            return "TIME", f"{value}T{code}"
        return "DATE", value

    # ------------------------------------------------------------ resolve --

    def resolve(self, cands: list[Cand]) -> list[Timex]:
        self.weekday_dates = self._explicit_weekdays(cands)
        self._cands = cands
        results: dict[int, tuple[str, str] | None] = {}
        pending = []
        for i, c in enumerate(cands):
            if c.kind in ("clock", "clockword", "daypart", "day") or (
                    c.kind == "bound_period" and c.type == "TIME"):
                pending.append(i)
                continue
            try:
                res = getattr(self, f"_v_{c.kind}")(c, i, cands)
            except (ValueError, OverflowError, KeyError):
                res = None
            results[i] = res
            if res is not None:
                ref = parse_value(res[1])
                if ref is not None and c.kind not in ("duration", "reference"):
                    self.ref = ref
                    if ref.gran == "D":
                        if c.parts.get("night_span"):  # after « la nuit de samedi à dimanche »: Sunday
                            ref = Ref(ref.date + dt.timedelta(days=1), "D")
                        self._day_ref = ref
                        self._seen_days.append((c.start, ref.date))
        self._days = sorted((cands[i].start, cands[i].end, self._day_after(cands[i], res[1][:10]))
                            for i, res in results.items()
                            if res is not None and (r := parse_value(res[1])) is not None and r.gran == "D")
        for i in pending:
            c = cands[i]
            try:
                results[i] = getattr(self, f"_v_{c.kind}")(c, i, cands)
            except (ValueError, OverflowError, KeyError):
                results[i] = None
        out = []
        for i, c in enumerate(cands):
            res = results.get(i)
            if res is None:
                continue
            typ, value = res
            out.append(Timex(start=c.start, end=c.end, text=self.text[c.start:c.end], type=typ, value=value))
        return out

    @staticmethod
    def _day_after(c: Cand, day: str) -> str:
        if not c.parts.get("night_span"):
            return day
        return (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()

    def _explicit_weekdays(self, cands) -> dict[int, list[dt.date]]:
        """Dates given with their weekday (« mardi 1er juin »): a later bare « mardi » is that day."""
        out: dict[int, list[dt.date]] = {}
        if self.dct is None:
            return out
        for c in cands:
            if c.kind in ("daymonth", "deictic") and c.parts.get("wd") and c.parts.get("month"):
                d = self._daymonth_date(c)
                if d is not None and abs((d - self.dct).days) <= 7:
                    out.setdefault(self.lex.weekdays[norm(c.parts["wd"])], []).append(d)
        return out

    # one method per kind: returns (type, value) or None to drop the candidate

    def _v_iso(self, c, i, cands):
        d = safe_date(int(c.parts["year"]), int(c.parts["m"]), int(c.parts["d"]))
        return ("DATE", d.isoformat()) if d else None

    def _v_numeric(self, c, i, cands):
        y = self.year_num(c.parts["year"])
        d = safe_date(y, int(c.parts["m"]), int(c.parts["d"]))
        return ("DATE", d.isoformat()) if d else None

    def _daymonth_date(self, c: Cand, year_hint: int | None = None) -> dt.date | None | str:
        p = c.parts
        day = int(self.lex.number(p["day"]))
        month = self.month_num(p["month"])
        if month is None:
            return None
        if p.get("year"):
            return safe_date(int(p["year"]), month, day)
        if year_hint:
            return safe_date(year_hint, month, day)
        if self.dct is None:
            return f"XXXX-{month:02d}-{day:02d}"
        if p.get("wd"):
            wd = self.lex.weekdays[norm(p["wd"])]
            fits = [d for d in (safe_date(y, month, day) for y in (self.dct.year - 1, self.dct.year, self.dct.year + 1))
                    if d and d.weekday() == wd]
            if fits:
                return min(fits, key=lambda d: abs((d - self.dct).days))
        d, _ = self.explicit_dir(c)
        if d:
            return self.infer_md(month, day, d, strict=True)
        d = self.direction(c)
        if d < 0 and self._announced(c):
            d = 0  # « ont annoncé une nouvelle mobilisation le 26 mars »: the nearest 26 March
        return self.infer_md(month, day, d)

    def _range_year(self, i, cands, month: int | None = None) -> int | None:
        """A date without year followed by « au 3 mai 2025 », « et juin 2017 »: the year of the end."""
        c = cands[i]
        if i + 1 < len(cands):
            n = cands[i + 1]
            gap = self.text[c.end:n.start]
            if self.range_link.fullmatch(gap) and n.parts.get("year") and n.kind in ("daymonth", "monthyear"):
                year = self.year_num(n.parts["year"])
                other = self.month_num(n.parts["month"])
                if month is not None and other is not None and month > other:
                    year -= 1  # « de décembre à mars 2025 »
                return year
        return None

    def _v_daymonth(self, c, i, cands):
        d = self._daymonth_date(c, self._range_year(i, cands, self.month_num(c.parts["month"])))
        if d is None:
            return None
        value = d if isinstance(d, str) else d.isoformat()
        return self.with_part(value, c)

    def _v_dayonly(self, c, i, cands):
        if i + 1 >= len(cands) or cands[i + 1].kind != "daymonth":
            return None
        n = cands[i + 1]
        nd = self._daymonth_date(n)
        day = int(self.lex.number(c.parts["day"]))
        if nd is None:
            return None
        if isinstance(nd, str):
            return "DATE", f"{nd[:8]}{day:02d}"
        d = safe_date(nd.year, nd.month, day)
        if d is None:
            return None
        if d > nd:  # « du 30 avril au 2 mai » is handled by daymonth; « du 30 au 2 mai » is the month before
            d = safe_date(*(lambda x: (x.year, x.month, day))(add_months(nd, -1)))
        return ("DATE", d.isoformat()) if d else None

    def _v_monthyear(self, c, i, cands):
        month = self.month_num(c.parts["month"])
        y = self.year_num(c.parts["year"])
        return "DATE", f"{y:04d}-{month:02d}"

    def _v_month(self, c, i, cands):
        month = self.month_num(c.parts["month"])
        if month is None:
            return None
        if self.dct is None:
            return "DATE", f"XXXX-{month:02d}"
        d, _ = self.explicit_dir(c)
        if d:
            y = self.infer_month(month, d, strict=True)
        else:
            y = self._range_year(i, cands, month) or self._sentence_year(c)
            if y is None:
                y = self.infer_month(month, self._month_direction(c, month))
        return "DATE", f"{y:04d}-{month:02d}"

    def _month_direction(self, c, month: int) -> int:
        """The direction of a month without year: the tense; a present looks ahead (« arrive à
        échéance en décembre »), but the month just ended is the one a present reports on."""
        d = self.direction(c, present=2)
        if d == 2:
            return -1 if (self.dct.month - month) % 12 == 1 else 1
        return d

    def _sentence_year(self, c) -> int | None:
        """An explicit year earlier in the same sentence (« en 1998, en mai... »)."""
        if self.ref is None or self.ref.gran != "Y":
            return None
        s, _ = self.sentence(c.start)
        m = None
        for m in re.finditer(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)", self.text[s:c.start]):
            pass
        if m and int(m.group(1)) == self.ref.date.year:
            return self.ref.date.year
        return None

    def _v_year(self, c, i, cands):
        if c.parts.get("check_noun"):
            tok = self.tense.token(c.start)
            nxt = tok.nbor(1) if tok is not None and tok.i + 1 < len(self.doc) else None
            if nxt is not None and nxt.pos_ == "NOUN" and nxt.text[:1].islower() \
                    and norm(nxt.text) not in self.lex.months and norm(nxt.text) not in self.lex.periods:
                return None
        return "DATE", f"{int(c.parts['year']):04d}"

    def _v_decade(self, c, i, cands):
        dec = c.parts["dec"]
        if len(dec) == 2:
            n = int(dec)
            century = 20 if self.dct and 2000 + n + 10 <= self.dct.year else 19
            return "DATE", f"{century}{dec[0]}X"
        return "DATE", f"{dec[:3]}X"

    def _v_century(self, c, i, cands):
        n = c.parts["n"]
        k = int(n) if n.isdigit() else _roman(n)
        if not k or k > 30:
            return None
        return "DATE", f"{k - 1:02d}"

    def _v_deictic(self, c, i, cands):
        p = c.parts
        w = norm(p["w"])
        if w == self.nowadays and not p.get("wd") and not p.get("part") and self._is_nowadays(c):
            return "TIME", "PRESENT_REF"
        if self.dct is None:
            if p.get("month"):
                d = self._daymonth_date(c)
                return self.with_part(d if isinstance(d, str) else d.isoformat(), c)
            return self.with_part(UNDATED, c)
        if p.get("month"):
            d = self._daymonth_date(c)
            if isinstance(d, dt.date):
                return self.with_part(d.isoformat(), c)
        base = self.dct
        if w in self.quoted_deictics and self.tense.quote_of(c.start) >= 0:
            # « il fera appel dès demain », said on the day the story is at
            said = self._story_day(c.start, self._seen_days)
            if isinstance(said, dt.date) and 0 < (self.dct - said).days <= 3:
                base = said
        d = base + dt.timedelta(days=self.lex.deictic_days[w])
        return self.with_part(d.isoformat(), c)

    def _is_nowadays(self, c) -> bool:
        """« Aujourd'hui, les jeunes lisent moins »: present tense, head of the sentence."""
        s, _ = self.sentence(c.start)
        if self.text[s:c.start].strip():
            return False
        if not re.match(r"\s*,", self.text[c.end:c.end + 3]):
            return False
        return self.tense.at(c.start) == "present"

    def _v_weekday(self, c, i, cands):
        p = c.parts
        wd = self.lex.weekdays[norm(p["wd"])]
        if self.dct is None:
            return self.with_part(f"XXXX-WXX-{wd + 1}", c)
        if i + 1 < len(cands) and cands[i + 1].kind == "daymonth" and \
                re.fullmatch(r"[\s,]*", self.text[c.end:cands[i + 1].start]):
            nd = self._daymonth_date(cands[i + 1])  # « dimanche, le 21 octobre »
            if isinstance(nd, dt.date):
                return self.with_part(nd.isoformat(), c)
        if p.get("dom"):
            date = self._weekday_dom(wd, int(self.lex.number(p["dom"])), c)
            if date is not None:
                return self.with_part(date.isoformat(), c)
        d, anaph = self.explicit_dir(c)
        if d and not anaph:
            date = self.weekday_date(wd, d)
        elif d and anaph:
            base = self.ref.date if self.ref and self.ref.gran == "D" else self.dct
            delta = (wd - base.weekday()) % 7 or 7
            date = base + dt.timedelta(days=delta if d > 0 else delta - 7)
        else:
            known = self.weekday_dates.get(wd)
            if known:
                date = min(known, key=lambda x: abs((x - self.dct).days))
            else:
                d = self.direction(c, present=1, default=-1)
                # the publication day's own weekday, without « prochain » or « dernier »,
                # is that very day, whatever the tense (« sera reçu mardi » on a Tuesday)
                date = self.weekday_date(wd, d, include_today=True)
        return self.with_part(date.isoformat(), c)

    def _weekday_dom(self, wd: int, dom: int, c: Cand) -> dt.date | None:
        """« samedi 18 »: the day near the DCT that is both a Saturday and the 18th."""
        near = [self.dct + dt.timedelta(days=k) for k in range(-60, 61)]
        fits = [d for d in near if d.day == dom and d.weekday() == wd]
        if not fits:
            fits = [d for d in near if d.day == dom]
        return min(fits, key=lambda d: abs((d - self.dct).days)) if fits else None

    def _period_value(self, base: dt.date, code: str, shift: int = 0) -> str | None:
        """The calendar period of ``code`` around ``base``, moved by ``shift`` periods."""
        if code == "D":
            return (base + dt.timedelta(days=shift)).isoformat()
        if code == "W":
            return fmt_week(base + dt.timedelta(weeks=shift))
        if code == "WE":
            return fmt_week(base + dt.timedelta(weeks=shift)) + "-WE"
        if code == "M":
            d = add_months(base, shift)
            return f"{d.year:04d}-{d.month:02d}"
        if code == "Q":
            q = (base.month - 1) // 3 + shift
            y, q = base.year + q // 4, q % 4
            return f"{y:04d}-Q{q + 1}"
        if code == "H":
            h = (base.month - 1) // 6 + shift
            y, h = base.year + h // 2, h % 2
            return f"{y:04d}-H{h + 1}"
        if code == "Y":
            return f"{base.year + shift:04d}"
        if code == "DE":
            return f"{base.year // 10 + shift}X"
        if code == "CE":
            return f"{base.year // 100 + shift:02d}"
        return None

    def _undated(self, code: str) -> str:
        return {"D": UNDATED, "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Y": "XXXX",
                "Q": "XXXX-QX", "H": "XXXX-HX", "DE": "XXX", "CE": "XX"}.get(code, "XXXX")

    def _anchor_ref(self) -> Ref | None:
        if self.ref is not None:
            return self.ref
        return Ref(self.dct, "D") if self.dct else None

    def _day_anchor(self) -> Ref | None:
        """The last day the text mentioned, else the publication date (« le lendemain »)."""
        if self._day_ref is not None:
            return self._day_ref
        return Ref(self.dct, "D") if self.dct else None

    def _v_dem_period(self, c, i, cands):
        p = norm(c.parts["p"])
        suf = norm(c.parts.get("suf") or "")
        anaph = suf.endswith("là")
        if p in self.lex.day_parts:
            code = self.lex.day_parts[p]
            base = self._anchor_ref() if anaph else (Ref(self.dct, "D") if self.dct else None)
            if base is None or base.gran != "D":
                return "TIME", f"{UNDATED}T{code}"
            return "TIME", f"{base.date.isoformat()}T{code}"
        if p in self.lex.seasons:
            code = self.lex.seasons[p]
            base = self._anchor_ref() if anaph else (Ref(self.dct, "D") if self.dct else None)
            return "DATE", f"{base.date.year:04d}-{code}" if base else f"XXXX-{code}"
        code = self.lex.periods.get(p)
        if code is None:
            return None
        if anaph:
            ref = self._anchor_ref()
            if ref is None:
                return "DATE", self._undated(code)
            return "DATE", self._period_value(ref.date, code)
        if self.dct is None:
            return "DATE", self._undated(code)
        if code == "WE" and self.dct.weekday() < 5 and self.direction(c) < 0:
            return "DATE", self._period_value(self.dct, "WE", -1)
        return "DATE", self._period_value(self.dct, code)

    def _v_det_period_dir(self, c, i, cands):
        p = norm(c.parts["p"])
        d, anaph = self.explicit_dir(c)
        base = self._anchor_ref() if anaph else (Ref(self.dct, "D") if self.dct else None)
        if p in self.lex.day_parts:
            code = self.lex.day_parts[p]
            if base is None or base.gran != "D":
                return "TIME", f"{UNDATED}T{code}"
            return "TIME", f"{(base.date + dt.timedelta(days=d if anaph else min(d, 0))).isoformat()}T{code}"
        if p in self.lex.seasons:
            code = self.lex.seasons[p]
            if base is None:
                return "DATE", f"XXXX-{code}"
            return "DATE", f"{self._season_shift(base.date, code, d):04d}-{code}"
        code = self.lex.periods.get(p)
        if code is None:
            return None
        if base is None:
            return "DATE", self._undated(code)
        if code == "WE" and not anaph:
            # the last / next weekend, seen from the DCT
            wd = base.date.weekday()
            if d < 0:
                return "DATE", self._period_value(base.date, "WE", 0 if wd >= 5 else -1) if wd < 5 else \
                    self._period_value(base.date, "WE", -1)
            return "DATE", self._period_value(base.date, "WE", 0 if wd < 5 else 1)
        return "DATE", self._period_value(base.date, code, d)

    def _season_shift(self, base: dt.date, code: str, d: int) -> int:
        mm, dd = self.lex.season_starts[code]
        y = base.year
        start = safe_date(y, mm, dd)
        end = add_months(start, 3)
        if d < 0:
            return y if end <= base else y - 1
        return y if start > base else y + 1

    def _v_season(self, c, i, cands):
        code = self.lex.seasons[norm(c.parts["s"])]
        if c.parts.get("year"):
            return "DATE", f"{int(c.parts['year']):04d}-{code}"
        if c.parts.get("dir"):
            return self._v_det_period_dir(Cand(c.start, c.end, "det_period_dir", {"p": c.parts["s"], "dir": c.parts["dir"]}),
                                          i, cands)
        if not c.parts.get("det") and not c.parts.get("mod") and c.parts.get("prep") != "au":
            return "DATE", f"XXXX-{code}"  # « en été », « été comme hiver »: any summer
        if self.dct is None:
            return "DATE", f"XXXX-{code}"
        dem = c.parts.get("det") and norm(c.parts["det"]) in self.lex.demonstratives
        if self.ref is not None and self.ref.gran == "Y" and not dem and self._sentence_year(c):
            return "DATE", f"{self.ref.date.year:04d}-{code}"
        if not dem:
            # « depuis l'automne », « les pluies de l'été ont... »: the last one begun;
            # « se tiendra à l'automne »: the next one not yet over. An imperfect describes a
            # state then (« des élections à l'automne semblaient probables »): no clue
            d = self.direction(c, imperfect=0, participle=0)
            mm, dd = self.lex.season_starts[code]
            y = self.dct.year
            if d < 0:
                return "DATE", f"{y if safe_date(y, mm, dd) <= self.dct else y - 1:04d}-{code}"
            if d > 0:
                return "DATE", f"{y if add_months(safe_date(y, mm, dd), 3) > self.dct else y + 1:04d}-{code}"
        return "DATE", f"{self.dct.year:04d}-{code}"

    def _v_holiday(self, c, i, cands):
        """« Noël », « le lundi de Pentecôte »: a fixed day or one counted from Easter."""
        rule = self.lex.holidays[norm(c.parts["h"])]
        year = int(c.parts["year"]) if c.parts.get("year") else None

        def day_in(y: int) -> dt.date | None:
            if rule.startswith("easter"):
                return easter(y) + dt.timedelta(days=int(rule[6:] or 0))
            mm, dd = (int(x) for x in rule.split("-"))
            return safe_date(y, mm, dd)

        if year is None:
            if self.dct is None:
                return "DATE", f"XXXX-{rule}" if not rule.startswith("easter") else UNDATED
            d, _ = self.explicit_dir(c)
            direction = d or self.direction(c)
            days = [x for x in (day_in(y) for y in (self.dct.year - 1, self.dct.year, self.dct.year + 1)) if x]
            if direction < 0:
                ok = [x for x in days if (x < self.dct if d else x <= self.dct)]
                day = max(ok) if ok else None
            elif direction > 0:
                ok = [x for x in days if (x > self.dct if d else x >= self.dct)]
                day = min(ok) if ok else None
            else:
                day = min(days, key=lambda x: abs((x - self.dct).days))
        else:
            day = day_in(year)
        return ("DATE", day.isoformat()) if day else None

    def _v_weekend_of(self, c, i, cands):
        """« le week-end de la Pentecôte », « le week-end du 15 août »: the weekend nearest that day."""
        p = c.parts
        if p.get("h"):
            res = self._v_holiday(Cand(c.start, c.end, "holiday", {"h": p["h"], **({"year": p["year"]} if p.get("year") else {})}), i, cands)
        else:
            res = self._v_daymonth(Cand(c.start, c.end, "daymonth", {k: p[k] for k in ("day", "month", "year") if p.get(k)}), i, cands)
        if res is None:
            return None
        r = parse_value(res[1])
        if r is None or r.gran != "D":
            return "DATE", "XXXX-WXX-WE"
        d = r.date
        if d.weekday() in self.lex.raw["weekend_of"]["before_previous"]:
            d -= dt.timedelta(days=7)
        return "DATE", fmt_week(d) + "-WE"

    def _v_season_of(self, c, i, cands):
        return "DATE", f"XXXX-{self.lex.seasons[norm(c.parts['s'])]}"

    def _v_ordinal_wd(self, c, i, cands):
        """« le premier dimanche de mai », « le dernier lundi du mois », « ... du printemps »."""
        p = c.parts
        k = int(self.lex.ordinals[norm(p["ord"])])
        wd = self.lex.weekdays[norm(p["wd"])]
        tgt = norm(p["tgt"])
        base = self._anchor_ref()
        year = int(p["year"]) if p.get("year") else (base.date.year if base else None)
        if tgt in self.lex.months:
            month = self.lex.months[tgt]
            if year is None:
                return "DATE", f"XXXX-{month:02d}-WXX-{wd + 1}"
            if not p.get("year") and self.dct and base and base.gran == "D":
                year = self.infer_month(month, self.direction(c))
            start, end = dt.date(year, month, 1), add_months(dt.date(year, month, 1), 1)
        elif tgt in self.lex.seasons:
            code = self.lex.seasons[tgt]
            if year is None:
                return "DATE", f"XXXX-{code}"
            mm, dd = self.lex.season_starts[code]
            start = dt.date(year, mm, dd)
            end = add_months(start, 3)
        elif self.lex.periods.get(tgt) in ("M", "Y", "W") and base is not None:
            code = self.lex.periods[tgt]
            if code == "M":
                start = dt.date(base.date.year, base.date.month, 1)
                end = add_months(start, 1)
            elif code == "Y":
                start, end = dt.date(base.date.year, 1, 1), dt.date(base.date.year + 1, 1, 1)
            else:
                start = base.date - dt.timedelta(days=base.date.weekday())
                end = start + dt.timedelta(days=7)
        else:
            return "DATE", UNDATED
        days = [start + dt.timedelta(days=n) for n in range((end - start).days)]
        days = [d for d in days if d.weekday() == wd]
        if not days:
            return None
        if k < 0:
            return "DATE", days[-1].isoformat()
        return ("DATE", days[k - 1].isoformat()) if k <= len(days) else None

    def _v_same(self, c, i, cands):
        p = norm(c.parts["p"])
        ref = self._anchor_ref()
        if p in self.lex.day_parts or self.lex.periods.get(p) == "D":
            day = self._clause_day(c, i)  # « le matin même », « le jour même »
            ref = Ref(day, "D") if day is not None else None
        if p in self.lex.day_parts:
            code = self.lex.day_parts[p]
            if ref is None or ref.gran != "D":
                return "TIME", f"{UNDATED}T{code}"
            return "TIME", f"{ref.date.isoformat()}T{code}"
        code = self.lex.periods.get(p)
        if ref is None:
            return "DATE", self._undated(code or "D")
        if code is None:  # « à la même époque »: the same time of another year
            if ref.gran == "Y" and self.dct and p in self.same_season_words:
                return "DATE", f"{ref.date.year:04d}-{self.dct.month:02d}"
            return "DATE", value_of(ref.date, ref.gran)
        gran_rank = {"D": 0, "W": 1, "M": 2, "Y": 3}
        if gran_rank.get(ref.gran, 3) > gran_rank.get(code, 0):
            return "DATE", value_of(ref.date, ref.gran)
        return "DATE", self._period_value(ref.date, code)

    def _v_anaphoric(self, c, i, cands):
        off = self.lex.anaphoric_days[norm(c.parts["w"])]
        after = self.text[c.end:c.end + 12]
        base = None
        if i + 1 < len(cands) and re.fullmatch(r"\s*(?:de|du|d['’])\s*(?:la\s+|l['’]\s*)?",
                                                 self.text[c.end:cands[i + 1].start], re.I):
            nxt = cands[i + 1]
            try:
                res = getattr(self, f"_v_{nxt.kind}")(nxt, i + 1, cands)
            except (ValueError, KeyError, AttributeError):
                res = None
            r = parse_value(res[1]) if res else None
            if r is not None and r.gran == "D":
                base = r.date
        elif (m := re.match(r"\s+(?:de|du|des|d['’])\s*", after, re.I)) is not None:
            nxt = self.tense.token(c.end + m.end())
            if nxt is None or nxt.pos_ not in ("VERB", "AUX"):
                # « la veille de sa démission »: the day the text gave to the démission,
                # else « au lendemain de la démission »: the time the text is at
                base = self._noun_day(nxt, c) if nxt is not None else None
                if base is None and re.search(r"(?:^|\W)(?:au|aux)\s+$", self.text[max(0, c.start - 5):c.start], re.I):
                    off = 0  # « au lendemain de la démission »: shortly after, the time the text is at
        if base is None:
            base = self._clause_day(c, i)
            if base is None:
                return self.with_part(UNDATED, c)
        return self.with_part((base + dt.timedelta(days=off)).isoformat(), c)

    def _noun_day(self, tok, c) -> dt.date | None:
        """The day an earlier sentence gave to the event the noun phrase at ``tok`` names
        (« le lendemain de la libération » after « la libération est intervenue mardi »)."""
        doc = self.doc
        head = None
        for k in range(tok.i, min(tok.i + 4, len(doc))):
            if doc[k].pos_ == "NOUN":
                head = doc[k]
                break
            if doc[k].pos_ not in ("DET", "ADJ"):
                break
        if head is None or not self._seen_days:
            return None
        lemma = head.lemma_.lower()
        s0, _ = self.sentence(c.start)
        for t in reversed(doc[:head.i]):
            if t.idx >= s0 or t.pos_ != "NOUN" or t.lemma_.lower() != lemma:
                continue
            if t.dep_ in ("nsubj", "nsubj:pass") and t.head.lemma_.lower() not in self.happening_verbs:
                continue  # « l'attaque a été revendiquée mercredi »: the day of the claim
            s, e = self.sentence(t.idx)
            region = self.tense.quote_of(t.idx)  # a date outside the quotation naming X is not X's
            days = [(abs(st - t.idx), d) for st, d in self._seen_days
                    if s <= st < e and self.tense.quote_of(st) == region]
            if days:
                return min(days, key=lambda x: x[0])[1]
        return None

    def _clause_day(self, c, i: int) -> dt.date | None:
        """The day an anaphoric expression counts from: the date of its own sentence (before
        it, else after it: « interdite la veille, la marche s'est tenue mardi »), else the
        last day the text mentioned, else the publication date."""
        s, e = self.sentence(c.start)
        before = [d for st, d in self._seen_days if s <= st < c.start]
        if before:
            return before[-1]
        mine = self.tense.governor(c.start, c.end)
        for k in range(i + 1, len(self._cands)):
            n = self._cands[k]
            if n.start >= e:
                break
            if n.kind not in ("daymonth", "weekday", "deictic", "iso", "numeric"):
                continue
            # a date further on counts only for the clause it governs (« la marche, interdite
            # la veille, s'est tenue mardi »), not for a clause after it (« dès le lendemain,
            # le site a annoncé que la rencontre aurait lieu le 25 »)
            other = self.tense.governor(n.start, n.end)
            if mine is None or other is None or other == mine or not other.is_ancestor(mine):
                break
            try:
                res = getattr(self, f"_v_{n.kind}")(n, k, self._cands)
            except (ValueError, OverflowError, KeyError):
                res = None
            r = parse_value(res[1]) if res else None
            if r is not None and r.gran == "D":
                return r.date
        return self._story_day(c.start, self._seen_days)

    def _v_ordinal_period(self, c, i, cands):
        return "DATE", f"{int(c.parts['year']):04d}-{c.parts['code']}{c.parts['n']}"

    def _v_bound_period(self, c, i, cands):
        p = norm(c.parts["p"])
        if c.parts.get("daybound"):
            day = self._anchor_day(c)
            return "TIME", f"{day or UNDATED}T{c.parts['daybound']}"
        if p in self.lex.day_parts:
            return self._v_daypart(c, i, cands, part=p)
        det2 = c.parts.get("det2")
        if det2 and norm(det2) in self.lex.demonstratives:
            return self._v_dem_period(Cand(c.start, c.end, "dem_period", {"p": p, "dem": det2}), i, cands)
        if c.parts.get("dir"):
            return self._v_det_period_dir(c, i, cands)
        if p in self.lex.seasons:
            return self._v_season(Cand(c.start, c.end, "season", {"s": p, "det": det2 or "le"}), i, cands)
        code = self.lex.periods.get(p)
        if code is None:
            return None
        if self.dct is None:
            return "DATE", self._undated(code)
        return "DATE", self._period_value(self.dct, code)

    def _anchor_day(self, c: Cand) -> str | None:
        """The day a clock time or part of the day belongs to."""
        s, e = self.sentence(c.start)
        best, dist = None, None
        for t in self._days:
            if s <= t[0] < e:
                dd = abs(t[0] - c.start)
                if dist is None or dd < dist:
                    best, dist = t[2], dd
        if best:
            return best
        day = self._story_day(c.start, [(t[0], t[2]) for t in self._days])
        return day if isinstance(day, str) or day is None else day.isoformat()

    def _announced(self, c: Cand) -> bool:
        """A date after the thing a verb of announcing announces (« a annoncé une grève le
        4 mars »): the date of that thing, which may be after the publication date."""
        tok = self.tense.token(c.start)
        v = self.tense.governor(c.start, c.end)
        if tok is None or v is None or v.lemma_.lower() not in self.announcing_verbs or v.i > tok.i:
            return False
        return any(ch.dep_ in ("obj", "obl:arg") and ch.pos_ == "NOUN" and v.i < ch.i < tok.i
                   for ch in v.children)

    def _story_days(self, days: list) -> list:
        """``days`` without those a verb of reporting governs, when their sentence gives
        another (« tués mardi à l'aube, a-t-on appris mercredi »: the story is at Tuesday)."""
        out = []
        for st, d in days:
            v = self.tense.governor(st)
            if v is not None and v.lemma_.lower() in self.reporting_verbs:
                s, e = self.sentence(st)
                if any(s <= st2 < e and st2 != st and self._governed_by_other(st2, v) for st2, _ in days):
                    continue
            out.append((st, d))
        return out

    def _governed_by_other(self, st: int, verb) -> bool:
        v = self.tense.governor(st)
        return v is not None and v is not verb and v.lemma_.lower() not in self.reporting_verbs

    def _story_day(self, char: int, days: list):
        """The day an expression with no date in its sentence refers to: the last day given
        earlier in its paragraph; for the first sentence of a paragraph, the last day of the
        paragraph before (the story goes on across one paragraph break); else the day of the
        lead (the last day of the first sentence that gives one: the main event of a news
        article, not a background date given later); else the publication date.
        ``days``: (start, date) in text order."""
        text = self.text
        days = self._story_days(days)
        para = text.rfind("\n", 0, char) + 1
        before = [d for st, d in days if para <= st < char]
        if before:
            return before[-1]
        s0, _ = self.sentence(char)
        if not text[para:max(s0, para)].strip():
            k = para - 1
            while k > 0 and text[k - 1].isspace():
                k -= 1
            prev = text.rfind("\n", 0, k) + 1 if k > 0 else 0
            before = [d for st, d in days if prev <= st < k]
            if before:
                return before[-1]
        for st, _ in days:
            if st >= char:
                break
            tok = self.tense.token(st)
            if tok is not None and not any(t.pos_ in ("VERB", "AUX") for t in tok.sent):
                continue  # a dateline (« 6 novembre 2023. – »): no event of its own
            s, e = self.sentence(st)
            return [d for st2, d in days if s <= st2 < e][-1]
        return self.dct if self.dct else None

    def _v_daypart(self, c, i, cands, part=None):
        code = self.lex.day_parts[norm(part or c.parts["part"])]
        day = self._anchor_day(c)
        if code == "NI" and self.dct is not None and day == self.dct.isoformat() \
                and not self._day_in_sentence(c) and self.tense.at(c.start, c.end) in ("past", "participle"):
            # « frappée dans la nuit », told on the publication day: the night that ended
            # that morning, dated by its start
            day = (self.dct - dt.timedelta(days=1)).isoformat()
        return "TIME", f"{day or UNDATED}T{code}"

    def _day_in_sentence(self, c: Cand) -> bool:
        s, e = self.sentence(c.start)
        return any(s <= t[0] < e for t in self._days)

    def _v_day(self, c, i, cands):
        day = self._anchor_day(c)
        return "DATE", day or UNDATED

    def _v_clock(self, c, i, cands):
        p = c.parts
        h, m = p["hour"], p["minute"]
        cp = p.get("cp")
        if cp:
            add = self.lex.clock_part_words.get(norm(cp), 0)
            if h < 12:
                h += add
        if self.daily_hours.search(self.text[max(0, c.start - 40):c.start]):
            return "TIME", f"{UNDATED}T{h:02d}:{m:02d}"  # « un couvre-feu de 19 heures à 6 heures »: every day
        day = self._anchor_day(c)
        return "TIME", f"{day or UNDATED}T{h:02d}:{m:02d}"

    def _v_clock_duration(self, c, i, cands):
        p = c.parts
        h, m, sec = p["hour"], p["minute"], int(p.get("sec") or 0)
        return "DURATION", "PT" + (f"{h}H" if h else "") + (f"{m}M" if m else "") + (f"{sec}S" if sec else "")

    def _v_clockword(self, c, i, cands):
        v = self.lex.clock_words[norm(c.parts["w"])]
        day = self._anchor_day(c)
        return "TIME", f"{day or UNDATED}T{v}"

    # durations -----------------------------------------------------------

    def _unit(self, u: str) -> tuple[bool, float, str]:
        period = self.lex.units.get(norm(u)) or self.lex.unit_nouns.get(norm(u))
        m = re.fullmatch(r"P(T?)(\d+(?:\.\d+)?)([A-Z]+)", period)
        return bool(m[1]), float(m[2]), m[3]

    @staticmethod
    def _period(time: bool, n: float | None, unit: str) -> str:
        if n is None:
            return f"P{'T' if time else ''}X{unit}"
        down = {("Y", False): (12, "M", False), ("DE", False): (10, "Y", False),
                ("CE", False): (100, "Y", False), ("W", False): (7, "D", False),
                ("D", False): (24, "H", True), ("H", True): (60, "M", True), ("M", True): (60, "S", True)}
        if not float(n).is_integer() and (unit, time) in down:
            k, smaller, stime = down[(unit, time)]
            if float(round(n * k, 6)).is_integer():  # P2.5Y → P30M, but P3.2D stays
                n, unit, time = round(n * k, 6), smaller, stime
        return f"P{'T' if time else ''}{fmt_num(n)}{unit}"

    def _amount(self, c) -> float | None:
        p = c.parts
        if "value" in p:
            n = p["value"]
        elif p.get("an"):
            n = float(self.lex.approx_numbers[re.sub(r"s$", "", norm(p["an"]))])
        else:
            return None
        if p.get("frac"):
            n += self.lex.fractions[norm(p["frac"])]
        return n

    def _shift(self, base: dt.date, time: bool, n: float, unit: str, sign: int) -> tuple[dt.date, str]:
        n = n * sign
        if time:
            return base + dt.timedelta(hours=n if unit == "H" else 0), "D"
        if unit == "D":
            return base + dt.timedelta(days=n), "D"
        if unit == "W":
            return base + dt.timedelta(weeks=n), "D"
        if unit == "WE":
            return base + dt.timedelta(weeks=n), "W"
        if unit == "M":
            return add_months(base, int(round(n))), "M"
        if unit == "Y":
            return add_months(base, int(round(n * 12))), "Y"
        if unit == "DE":
            return add_months(base, int(round(n * 120))), "Y"
        if unit == "CE":
            return add_months(base, int(round(n * 1200))), "Y"
        raise ValueError(unit)

    def _v_duration(self, c, i, cands):
        p = c.parts
        if "age_word" in p:
            tok = self.tense.token(p["age_word"])
            if tok is not None and tok.pos_ in ("NOUN", "ADJ", "PROPN"):
                return None  # « un électricien allemand de 37 ans »: an age
        if not p.get("ago") and self._after_age_verb(c):
            return None  # « il avait 73 ans »
        if norm(p["u"]) in self.ambiguous_units and p.get("n") and norm(p["n"]) in self.one_words:
            tok = self.tense.token(c.end - 1)
            if tok is not None and tok.pos_ != "NOUN":
                return None  # « une seconde place »
        time, qty, unit = self._unit(p["u"])
        n = self._amount(c)
        total = None if n is None else n * qty
        sign = -1 if p.get("ago") or p.get("earlier") else 1 if p.get("later") or p.get("ahead") else 0
        if sign == 0:
            return "DURATION", self._period(time, total, unit)
        if total is None:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
        if p.get("ago") or p.get("ahead"):
            if self.dct is None:
                return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
            base = Ref(self.dct, "D")
        else:
            base = self._anchor_ref()
            if base is None:
                return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
        date, gran = self._shift(base.date, time, total, unit, sign)
        rank = {"D": 0, "W": 1, "M": 2, "Y": 3}
        if rank[base.gran] > rank[gran]:
            gran = base.gran
        return "DATE", value_of(date, gran)

    def _after_age_verb(self, c) -> bool:
        tok = self.tense.token(c.start)
        if tok is None or tok.i == 0 or not norm(c.parts["u"]).startswith(("an", "année")):
            return False
        prev = tok.nbor(-1)
        while prev.pos_ == "ADV" and prev.i > 0:
            prev = prev.nbor(-1)
        return prev.lemma_ in self.age_verbs and prev.pos_ in ("VERB", "AUX")

    def _v_fraction(self, c, i, cands):
        time, qty, unit = self._unit(c.parts["u"])
        n = self.lex.fractions[norm(c.parts["frac"])] * qty
        return "DURATION", self._period(time, n, unit)

    def _v_plural_dir(self, c, i, cands):
        time, qty, unit = self._unit(c.parts["u"])
        if norm(c.parts["pdir"]) in self.future_plurals and not re.search(
                r"(?:pendant|durant)\s+$", self.text[max(0, c.start - 10):c.start], re.I):
            return "TIME", "FUTURE_REF"  # « dans les prochains jours »: some time ahead, no length
        return "DURATION", self._period(time, None, unit)

    def _v_unit_noun(self, c, i, cands):
        time, qty, unit = self._unit(c.parts["u"])
        return "DURATION", self._period(time, qty, unit)

    def _v_whole(self, c, i, cands):
        time, qty, unit = self._unit(c.parts["u"])
        return "DURATION", self._period(time, qty, unit)

    def _v_set(self, c, i, cands):
        u = norm(c.parts["u"])
        n = c.parts.get("value", 1.0)
        if u in self.lex.units:
            time, qty, unit = self._unit(u)
            return "SET", self._period(time, n * qty, unit)
        single = re.sub(r"s$", "", u)
        if single in self.lex.weekdays:
            return "SET", f"XXXX-WXX-{self.lex.weekdays[single] + 1}"
        if single in self.lex.day_parts or u in self.lex.day_parts:
            return "SET", f"{UNDATED}T{self.lex.day_parts.get(u) or self.lex.day_parts[single]}"
        if single in self.lex.seasons or u in self.lex.seasons:
            return "SET", f"XXXX-{self.lex.seasons.get(u) or self.lex.seasons[single]}"
        if u in self.lex.months:
            return "SET", f"XXXX-{self.lex.months[u]:02d}"
        return None

    def _v_per(self, c, i, cands):
        time, qty, unit = self._unit(c.parts["u"])
        return "SET", self._period(time, qty, unit)

    def _v_set_adverb(self, c, i, cands):
        return "SET", self.lex.set_adverbs[norm(c.parts["w"])]

    def _v_reference(self, c, i, cands):
        v = self.lex.references[norm(c.parts["w"])]
        if v == "DCT":
            return ("DATE", self.dct.isoformat()) if self.dct else ("TIME", "PRESENT_REF")
        return "TIME", v

    def _v_reference_after(self, c, i, cands):
        entry = self.lex.references_after.get(norm(c.parts["w"]))
        return ("TIME", entry[1]) if entry else None

    def _v_future_adj(self, c, i, cands):
        return "TIME", "FUTURE_REF"

    def _v_here(self, c, i, cands):
        return ("DATE", self.dct.isoformat()) if self.dct else ("TIME", "PRESENT_REF")
