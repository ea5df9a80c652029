"""Finding temporal expressions: compiled regular expressions over the raw text.

Each pattern is built from the word classes of ``lexicon`` and yields
``Cand``idates: a span, a *kind* (which normaliser handles it) and the parts
it matched. ``find`` runs every pattern, keeps the longest non-overlapping
candidates and applies the few rules that need the neighbouring text (ages,
years that are quantities, « d'ici »...). Values are computed later, in
``normalise``, where the publication date and the context are known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ... import resources
from .lexicon import APOS, SP, Lexicon, lexicon, norm, plurals

SPO = r"[^\S\n]*"  # optional spaces

L = r"(?<![\w‑-])"  # left word boundary (« après-midi » is not « midi »)
WINDOW = 70  # characters around a trigger word where a pattern may start or end
WORD = re.compile(r"\w+")


@dataclass
class Cand:
    start: int
    end: int
    kind: str
    parts: dict = field(default_factory=dict)
    priority: int = 50
    type: str = "DATE"  # provisional TIMEX3 type

    @property
    def length(self) -> int:
        return self.end - self.start


class Recogniser:
    """All patterns, compiled once per process."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        R = lex.re
        raw = lex.raw
        det, dem, poss = R["det"], R["dem"], R["poss"]
        bound = R["bound"]
        num, daynum, month, year4 = R["num"], R["daynum"], R["month"], R["year4"]
        wd, part, season, period, unit = R["weekday"], R["daypart"], R["season"], R["period"], R["unit"]
        dir_ = R["dir"]
        approx = R["approx"]
        after_apos = r"(?:" + SP + r"|(?<=['’]))"
        tx = raw
        ages = tx["ages"]
        self.age_cues = re.compile(r"(?:^|[^\w])(?:" + "|".join(_words(ages["cues"])) + r")\s*$", re.I)
        self.age_groups = re.compile(r"(?:^|[^\w])(?:" + "|".join(_words(ages["groups"])) + r")\s*$", re.I)
        self.age_nouns = {norm(n) for n in ages["nouns"]}
        self.sentence_nouns = {norm(n) for n in ages["sentence_nouns"]}
        self.sentence_after = re.compile(r"[^\S\n]+" + _alt(ages["sentence_after"]) + r"(?![\w])", re.I)
        self.duration_cues = re.compile(
            r"(?:^|[^\w])(?:" + "|".join(_words(tx["duration_cues"]["words"])) + r")\s*$", re.I)
        ck = tx["clock"]
        self.time_cues = re.compile(
            r"(?:^|[^\w])(?:" + "|".join(_words(ck["time_cues"])) + r")\s*$", re.I)
        self.clock_duration_cues = re.compile(
            r"(?:^|[^\w])(?:" + "|".join(_words(ck["duration_cues"])) + r")\s*$", re.I)
        self.ahead = re.compile(r"(?:^|[^\w])" + R["ahead"] + r"\s*$", re.I)
        rel = tx["relative"]
        self.standalone_only = {norm(w) for w in rel["standalone_only"]}
        yrs = tx["years"]
        self.year_not_after = re.compile(r"(?:^|[^\w])(?:" + "|".join(_words(yrs["not_after"])) + r")\s*$", re.I)
        self.year_not_before = re.compile(r"[^\S\n]*(?:" + "|".join(
            re.escape(w) for w in sorted(yrs["not_before"], key=len, reverse=True)) + r")(?![\w])", re.I)
        self.old_year_cues = re.compile(r"(?:^|[^\w])(?:" + "|".join(_words(yrs["old_year_cues"])) + r")\s*$", re.I)
        self.holiday_after = re.compile(r"[^\S\n]+(?:" + "|".join(_words(tx["weekday_holidays"]["after"])) + r")(?![\w])", re.I)
        self.day_words = {norm(k): re.compile(r"(?:^|[^\w])(?:" + "|".join(_words(v)) + r")\s+$", re.I)
                          for k, v in tx["day_words"].items()}
        self.ambiguous_seasons = {norm(w) for w in tx["season_words"]["ambiguous"]}
        self.season_generic_before = re.compile(
            r"\s+(?:" + "|".join(_words(tx["season_words"]["generic_before"])) + r")\b", re.I)
        self.duration_nouns = {norm(w) for w in ages["duration_nouns"]}
        self.age_determiners = {norm(w) for w in ages["age_determiners"]}
        self.figurative_parts = {norm(w) for w in tx["day_parts_figurative"]["words"]}
        ex = tx["duration_exceptions"]
        self.one_words = {norm(w) for w in ex["one"]}
        self.one_units = {norm(w) for w in ex["units"]}
        self.possessives = {norm(w) for w in tx["determiners"]["possessive"]}
        self.group_dets = re.compile(r"(?:^|[^\w])(?:" + "|".join(_words(ages["group_determiners"])) + r")\s+$", re.I)
        self.anaphoric_bare = re.compile(r"(?:^|[^\w])(?:" + "|".join(_words(tx["anaphoric_bare"]["after"])) + r")\s+$", re.I)
        from .lexicon import prefix
        self.reference_not_after = {
            norm(k): re.compile(r"(?:^|[^\w])" + prefix(v) + "$", re.I)
            for k, v in tx["references_not_after"].items()}
        here = tx["here"]
        # the head of a name, capitalised (« le Mouvement du 23 mars »), or a place
        # noun (« la place du 14-Juillet »), then « du » before a day and month
        names = tx["date_names"]
        heads = "|".join(rf"{w[0].upper()}{re.escape(w[1:])}s?" for w in names["heads"])
        self.name_before = re.compile(
            rf"(?:^|(?<=\W))(?:{heads}|(?i:{'|'.join(_words(names['places']))})s?)[^\S\n]+du[^\S\n]+$")
        self.day_bound_periods = {norm(w) for w in tx["day_bounds"]["periods"]}
        self.day_bounds = {norm(k): v for k, v in tx["day_bounds"]["codes"].items()}
        self.ordinal_period_max = {"H": 2, "Q": 4}
        self.future_adj_singular = {norm(w) for w in tx["future_adjectives"]["singular"]}
        self.here_before = re.compile("(?:" + "|".join(_words(here["before"])) + r")$", re.I)

        P = []  # (kind, priority, type, regex)

        def add(kind, regex, prio=50, typ="DATE"):
            P.append((kind, prio, typ, re.compile(regex, re.I)))

        # 25/04/2025, 2025-04-25
        add("iso", rf"(?<![\w/.-])(?P<year>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\w-])", 10)
        add("numeric", rf"(?<![\w/.,-])(?P<d>\d{{1,2}})(?P<sep>[/.])(?P<m>\d{{1,2}})(?P=sep)"
                       rf"(?P<year>\d{{4}}|\d{{2}})(?![\w/]|[.,]\d)", 10)
        # [le|ce] [mardi] 25 avril [2025] [dernier] [au soir]
        add("daymonth", rf"{L}(?P<mod>{bound})?(?P<det>{det}|{dem})?(?:(?P<wd>{wd}){SP})?"
                        rf"(?P<day>{daynum}){SP}(?P<month>{month})(?:{SP}(?P<year>{year4}))?"
                        rf"(?:{SP}(?P<dir>{dir_}))?(?:{SP}{R['part_link']}(?P<part>{part}))?", 20)
        # the first day of a range: « du 12 au 15 mars », « les 3 et 4 mai »
        add("dayonly", rf"{L}(?P<det>{det})?(?:(?P<wd>{wd}){SP})?(?P<day>\d{{1,2}}(?:er)?|{R['day_first']})"
                       rf"(?={SPO}(?:{_alt(tx['ranges']['links'])}|,){SPO}(?:{det})?(?:{wd}{SP})?{daynum}{SP}{month})", 25)
        # [le mois de] avril 2025, octobre 98
        add("monthyear", rf"{L}(?P<mod>{bound})?(?P<pre>(?:{det})?{R['month_noun']}{SP}(?:de{SP}|d{APOS}))?"
                         rf"(?P<month>{month}){SP}(?P<year>{year4}|{APOS}?\d{{2}}(?![\d]))", 20)
        # [le mois de] avril [dernier]
        add("month", rf"{L}(?P<mod>{bound})?(?P<pre>(?:{det}|{dem})?{R['month_noun']}{SP}(?:de{SP}|d{APOS})|{dem})?"
                     rf"(?P<month>{R['month_full']})(?:{SP}(?P<dir>{dir_}))?", 40)
        # [l'année] 2001, [fin] 2014
        add("year", rf"(?:{L}|(?<=\d{{4}}[-‑–]))(?P<mod>{bound})?(?P<pre>(?:{det})?{R['year_noun']}{SP})?(?P<year>{year4})", 40)
        # [début des] années 60
        add("decade", rf"{L}(?P<mod>{bound})?(?P<det>{det}|{dem})?{R['decade_word']}{SP}"
                      rf"(?P<dec>(?:1\d|20)?\d0)(?![\d])", 20)
        # [le] XXe siècle
        add("century", rf"{L}(?P<mod>{bound})?(?P<det>{det}|{dem})?(?P<n>[IVXLC]+|\d{{1,2}})"
                       rf"{R['century_suffix']}{SP}{R['century_word']}(?![\w])", 20)
        # hier [soir], aujourd'hui [vendredi [25 avril]], demain matin
        add("deictic", rf"{L}(?P<w>{R['deictic']})(?:{SP}(?P<wd>{wd})(?:{SP}(?P<day>{daynum}){SP}"
                       rf"(?P<month>{month})(?:{SP}(?P<year>{year4}))?)?)?"
                       rf"(?:{SP}(?:{R['part_link']})?(?P<part>{part}))?", 20)
        # [le] samedi [matin] [prochain]
        add("weekday", rf"{L}(?P<det>{det}|{dem})?(?P<wd>{wd})(?:{SP}(?P<dom>\d{{1,2}}(?:er)?)(?![\d\w])"
                       rf"(?!{SPO}[,/.-]?{SPO}(?:{month}|\d)))?(?:{SP}(?:{R['part_link']})?(?P<part>{part}))?"
                       rf"(?:{SP}(?P<dir>{dir_}))?(?:{SP}(?P<part2>{part}))?", 30)
        # cette semaine, ce mois-ci, ce jour-là, cet été, ce matin
        add("dem_period", rf"{L}(?P<dem>{dem})(?P<p>{R['period_nb']}|{season}|{part})"
                          rf"(?P<suf>{R['dem_suffix']})?(?![\w-])", 30)
        # la semaine dernière, l'an prochain, l'année suivante, l'été dernier
        add("det_period_dir", rf"{L}(?P<det>{det})(?P<p>{period}|{season}|{part})(?:{SP}(?P<year>{year4}))?"
                              rf"{SP}(?P<dir>{dir_})", 25)
        # [la fin de] l'été [2003], au printemps, en hiver, cet été
        add("season", rf"{L}(?P<mod>{bound})?(?P<det>{det}|{dem})?(?P<s>{season})"
                      rf"(?:{SP}(?P<year>{year4}))?(?:{SP}(?P<dir>{dir_}))?", 40)
        # le même jour, la même année, le jour même
        add("same", rf"{L}(?P<det>{det}){R['same']}{SP}(?P<p>{R['same_period']})", 25)
        add("same", rf"{L}(?P<det>{det})(?P<p>{R['same_period']}){SP}{R['same']}(?![\w])", 25)
        # le lendemain [matin], la veille [au soir]
        add("anaphoric", rf"{L}(?P<det>{det})?(?P<w>{R['anaphoric']})"
                         rf"(?:{SP}(?:{R['part_link']})?(?P<part>{part}))?", 25)
        # [la fin de] l'année, le début du mois, fin d'après-midi, la fin de la semaine dernière
        add("bound_period", rf"{L}(?P<det>{det})?(?P<b>{R['boundary']}){SPO}{R['boundary_link']}"
                            rf"(?P<det2>{det}|{dem})?(?P<p>{period}|{season}|{part})"
                            rf"(?:{SP}(?P<dir>{dir_}))?", 30)
        # la nuit de samedi à dimanche: the night that starts on the first day
        ns = tx["night_span"]
        add("weekday", rf"{L}(?:{det})?(?P<part>{_alt(ns['parts'])}){SP}(?:de{SP}|du{SP})(?P<wd>{wd}){SP}"
                       rf"(?:{_alt(ns['links'])}){SP}(?P<night_span>{wd})(?![\w-])", 10, "TIME")
        # le premier semestre 2026, le troisième trimestre 2024
        add("ordinal_period", rf"{L}(?P<det>{det})?(?P<ord>{R['ordinal']}){SP}(?P<p>{_alt(tx['ordinal_periods']['words'])})"
                              rf"{SP}(?:de{SP}|d{APOS})?(?P<year>{year4})", 15)
        # la soirée, la nuit, le matin, en soirée
        add("daypart", rf"{L}(?P<det>{det})?(?P<part>{part})", 60, "TIME")
        # dans la journée
        add("day", rf"{L}(?P<det>{det})(?P<p>{_alt(tx['day_words'])})(?![\w-])", 60)
        # les mois d'été
        add("season_of", rf"{L}(?P<det>{det})?(?P<noun>{_alt(tx['season_of']['nouns'])}){SP}d{APOS}"
                         rf"(?P<s>{season})", 30)
        # le premier dimanche de mai, le dernier lundi du mois, le premier dimanche du printemps
        add("ordinal_wd", rf"{L}(?P<det>{det})?(?P<ord>{R['ordinal']}){SP}(?P<wd>{wd}){SP}"
                          rf"(?:de{SP}|du{SP}|d{APOS})(?P<det2>{det}|{dem})?(?:{R['month_noun']}{SP}(?:de{SP}|d{APOS}))?"
                          rf"(?P<tgt>{R['month_full']}|{season}|{period})(?:{SP}(?P<year>{year4}))?", 15)
        # 14 h 30, 14h, 14:30, vers 9 heures du soir, neuf heures et quart
        add("clock", rf"{L}(?P<approx>{approx})?(?P<h>\d{{1,2}})(?:{SPO}(?P<hm>h)(?![^\W\d])"
                     rf"(?:{SPO}(?P<m>\d{{2}})(?!\d)(?:{SPO}{R['minute_mark']}(?![\w]))?"
                     rf"(?:{SPO}(?P<sec>\d{{1,2}}){SPO}{R['second_mark']}(?![\w]))?)?|:(?P<m3>\d{{2}})(?![:\d])|{SP}(?P<hw>heures?)"
                     rf"(?:{SP}(?P<m2>\d{{1,2}})(?!\d))?)(?:{SP}(?P<cp>{R['clockpart']}))?"
                     rf"(?:{SP}(?P<zone>{R['zone']})(?![\w]))?", 15, "TIME")
        add("clock", rf"{L}(?P<approx>{approx})?(?P<hword>{R['numword']}){SP}(?P<hw>heures?)"
                     rf"(?:{SP}(?P<fr>et{SP}{R['fraction']})|{SP}(?P<mword>{R['numword']}))?"
                     rf"(?:{SP}(?P<cp>{R['clockpart']}))?(?![\w])", 15, "TIME")
        add("clockword", rf"{L}(?P<approx>{approx})?(?P<w>{R['clockword']})", 50, "TIME")
        # trois heures, dix ans, plus de vingt ans, quelques jours, une dizaine d'années,
        # il y a trois ans, deux jours plus tard, les trois derniers mois, deux ans et demi
        add("duration", rf"{L}(?P<ago>{R['ago']}{SP})?(?P<approx>{approx})?(?P<det>{det}|{dem}|{poss})?"
                        rf"(?:(?P<pdir0>{R['dir_plural']}){SP})?(?:(?P<n>{num})|(?P<vs>{R['vague_strong']})|(?P<vw>{R['vague_weak']})"
                        rf"|(?:une?{SP})?(?P<an>{R['approxnum']}){SP}(?:de|d{APOS}))"
                        rf"(?:{SP}(?P<pdir>{R['dir_plural']}))?{after_apos}(?P<u>{unit})"
                        rf"(?:{SP}et{SP}(?P<frac>{R['fraction']}))?"
                        rf"(?:{SP}(?P<later>{R['later']})|{SP}(?P<earlier>{R['earlier']}))?(?![\w])",
            35, "DURATION")
        # Noël, la Toussaint, Pâques 2002, le lundi de Pentecôte
        add("holiday", rf"{L}(?P<det>{det}|{dem})?(?P<h>{_alt(tx['holidays'])})(?![\w-])"
                       rf"(?:{SP}(?P<year>{year4}))?(?:{SP}(?P<dir>{dir_}))?", 20)
        # le week-end de Pâques, le week-end du 15 août
        we = tx["weekend_of"]
        add("weekend_of", rf"{L}(?P<det>{det}|{dem})?(?:{_alt(we['words'])}){SP}(?:de{SP}|du{SP}|d{APOS})"
                          rf"(?:(?P<det2>{det}))?(?:(?P<h>{_alt(tx['holidays'])})|(?P<day>{daynum}){SP}(?P<month>{month}))"
                          rf"(?![\w-])(?:{SP}(?P<year>{year4}))?", 15)
        # une demi-heure, un quart d'heure
        add("fraction", rf"{L}(?P<det>une?{SP}|{det})?(?P<frac>{R['fraction']})[-‑]?(?:{SP}d{APOS}|{SP}de{SP})?"
                        rf"(?P<u>{R['unit_sing']})", 30, "DURATION")
        # ces dernières années, les prochains jours
        add("plural_dir", rf"{L}(?P<det>{det}|{dem})?(?P<pdir>{R['dir_plural']}){SP}(?P<u>{R['unit_plural']})",
            30, "DURATION")
        # un quinquennat
        add("unit_noun", rf"{L}(?P<u>{R['unit_noun']})", 60, "DURATION")
        # chaque année, tous les deux ans, tous les lundis, chaque matin
        add("set", rf"{L}(?P<q>{R['sets_q']}){SP}(?:(?P<n>{num}){SP})?"
                   rf"(?P<u>{unit}|{R['weekdays_plural']}|{wd}|{part}s?|{season}s?|{R['month_full']})(?![\w])",
            20, "SET")
        # par an, par semaine: the unit only
        add("per", rf"{L}(?P<per>{R['sets_per']}){SP}(?P<u>{R['unit_sing']})", 40, "SET")
        add("set_adverb", rf"{L}(?P<w>{R['set_adverb']})", 40, "SET")
        # toute l'année, toute la journée
        add("whole", rf"{L}(?:{_alt(tx['whole']['words'])}){SP}(?P<det>{det})(?P<u>{R['unit_sing']})",
            25, "DURATION")
        # actuellement, désormais, auparavant, à présent
        add("reference", rf"{L}(?P<w>{R['reference']})", 45, "TIME")
        for word, (befores, _) in lex.references_after.items():
            add("reference_after", rf"(?<![\w])(?:{_alt(befores)}){SP}(?P<w>{_alt([word])})(?![\w-])",
                45, "TIME")
        add("future_adj", rf"{L}(?P<w>{R['future_adj']})", 70, "TIME")
        # « d'ici le 30 juin »: ici; not « d'ici à 2027 », where the bound alone is tagged
        add("here", rf"(?<=[dD]['’])(?P<w>{_alt([here['word']])})(?![\w-])(?![^\S\n]+(?:{_alt(here['not_before'])})(?![\w-]))", 70)
        # Every pattern holds a word of one of these classes (or a digit): each
        # pattern runs only near its trigger words, which keeps the component cheap.
        cal = resources.load("calendar")
        classes = {
            "digit": None,
            "month": list(cal["months"]),
            "weekday": plurals(cal["weekdays"]),
            "unit": plurals(list(raw["units"]) + list(raw["unit_nouns"])) + list(raw["clock"]["hour_marks"]),
            "period": plurals(raw["periods"]),
            "season": plurals(raw["seasons"]),
            "part": plurals(raw["day_parts"]),
            "deictic": list(raw["deictic_days"]),
            "anaphoric": list(raw["anaphoric_days"]),
            "clockword": list(raw["clock_words"]),
            "reference": (list(raw["references"]) + list(raw["set_adverbs"]) + list(raw["references_after"])
                          + list(raw["future_adjectives"]["words"]) + [raw["here"]["word"]]),
            "decade": list(raw["decades"]["word"]),
            "century": list(raw["centuries"]["word"]),
            "same": list(raw["same"]["periods"]),
            "day": list(raw["day_words"]),
            "holiday": list(raw["holidays"]),
        }
        # a word of the text → the classes it triggers (a phrase is known by its longest word)
        self.trigger_words: dict[str, tuple[str, ...]] = {}
        for name, words in classes.items():
            for w in words or ():
                piece = max(re.findall(r"\w+", w.lower()), key=len)
                for key in {piece, norm(piece)}:
                    if name not in self.trigger_words.get(key, ()):
                        self.trigger_words[key] = self.trigger_words.get(key, ()) + (name,)
        self.classes = list(classes)
        self.patterns = [(kind, prio, typ, rx, KIND_TRIGGERS[kind]) for kind, prio, typ, rx in P]

    # ------------------------------------------------------------------

    def windows(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """For each trigger class, the stretches of text around its words: only
        there can a pattern of that class match."""
        out: dict[str, list[list[int]]] = {name: [] for name in self.classes}
        n = len(text)
        lookup = self.trigger_words
        digit = ("digit",)
        for m in WORD.finditer(text):
            w = m.group()
            names = digit if w[0].isdigit() or w[-1].isdigit() else lookup.get(w.lower())
            if not names:
                continue
            s, e = max(0, m.start() - WINDOW), min(n, m.end() + WINDOW)
            for name in names:
                wins = out[name]
                if wins and s <= wins[-1][1]:
                    wins[-1][1] = max(wins[-1][1], e)
                else:
                    wins.append([s, e])
        return out

    def find(self, text: str) -> list[Cand]:
        cands: list[Cand] = []
        wins = self.windows(text)
        for kind, prio, typ, rx, classes in self.patterns:
            spans = wins[classes[0]] if len(classes) == 1 else _union([wins[k] for k in classes])
            for ws, we in spans:
                for m in rx.finditer(text, ws, we):
                    c = self._build(kind, prio, typ, m, text)
                    if c is not None:
                        cands.append(c)
        return self._select(cands, text) if cands else []

    def _build(self, kind, prio, typ, m, text) -> Cand | None:
        parts = {k: v for k, v in m.groupdict().items() if v is not None}
        start, end = m.start(), m.end()
        c = Cand(start, end, kind, parts, prio, typ)
        check = getattr(self, f"_check_{kind}", None)
        if check is not None and not check(c, m, text):
            return None
        return c

    def _select(self, cands: list[Cand], text: str) -> list[Cand]:
        """Longest first, then by priority; no overlaps."""
        cands.sort(key=lambda c: (-c.length, c.priority, c.start))
        taken: list[Cand] = []
        occupied = bytearray(len(text) + 1)
        for c in cands:
            if c.start >= c.end or any(occupied[c.start:c.end]):
                continue
            occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
            taken.append(c)
        taken.sort(key=lambda c: c.start)
        return self._post(taken, text)

    def _post(self, cands: list[Cand], text: str) -> list[Cand]:
        out = []
        for i, c in enumerate(cands):
            if c.parts.get("in_name"):
                continue
            if c.kind == "here":
                nxt = cands[i + 1] if i + 1 < len(cands) else None
                if nxt is None or nxt.start - c.end > 12 or not re.fullmatch(
                        r"\s*(?:à|au|aux|la|le|les|l['’])?\s*", text[c.end:nxt.start], re.I):
                    continue
            out.append(c)
        return out

    # ------------------------------------------------------------ checks --

    def _check_daymonth(self, c, m, text):
        day = self.lex.number(c.parts["day"])
        if day is None or not 1 <= day <= 31:
            return False
        d = c.parts["day"]
        if not d[0].isdigit() and "det" not in c.parts and norm(d) not in self.lex.ordinals:
            return False  # « un mars » is no date; « le deux mai » is
        if not c.parts.get("det") and not c.parts.get("wd") and not c.parts.get("mod"):
            if self.name_before.search(text[max(0, c.start - 40):c.start]):
                c.parts["in_name"] = True  # kept to hold its span, dropped after selection  # « le Mouvement du 23 mars », « la place du 14 Juillet »: a name
        if "part" in c.parts:
            c.type = "TIME"
        return True

    def _check_dayonly(self, c, m, text):
        day = self.lex.number(c.parts["day"])
        return day is not None and 1 <= day <= 31

    def _check_monthyear(self, c, m, text):
        y = c.parts["year"]
        if len(y.lstrip("'’")) == 2:
            after = text[c.end:c.end + 3]
            if re.match(r"\s*[a-zà-ÿ0-9%€$]", after):  # « avril 20 personnes »
                return False
        return self._month_ok(c, text)

    def _check_month(self, c, m, text):
        return self._month_ok(c, text)

    def _month_ok(self, c, text):
        mo = c.parts["month"]
        # a capitalised month in mid-sentence is a name (Mars, the planet; « Août 1914 » is fine
        # with a year, checked by the longer pattern)
        if mo[0].isupper() and not c.parts.get("pre") and not c.parts.get("mod") and "year" not in c.parts:
            before = text[max(0, c.start - 3):c.start]
            if not re.search(r"(?:^|[.!?:»\n]\s*)$", before) and c.start != 0:
                return False
        return True

    def _check_year(self, c, m, text):
        y = int(c.parts["year"])
        before = text[max(0, c.start - 25):c.start]
        after = text[c.end:c.end + 20]
        if re.search(r"\d[\s\u00a0\u202f.,]$", before) or re.match(r"[\s\u00a0\u202f.,]\d", after):
            return False  # part of a bigger number: 12 000, 1.500, 2,5
        if self.year_not_before.match(after) or re.match(r"\s*\d|-\d{1,3}(?!\d)", after):
            return False  # « 1999 F », « 2000 km », « 1998-3 »; « 1939-1945 » stays
        if self.year_not_after.search(before):
            return False
        if c.parts.get("pre") or c.parts.get("mod"):
            return True
        c.parts["check_noun"] = True  # a noun right after (« 2000 personnes ») is checked on tokens
        if y < 1800:
            return bool(self.old_year_cues.search(before))
        return True

    def _check_season(self, c, m, text):
        s = c.parts["s"]
        before = text[max(0, c.start - 4):c.start]
        after = text[c.end:c.end + 12]
        if re.match(r"\s+(?:de|du|des|d['’])\s*(?![\d])", after) and "year" not in c.parts:
            return False  # « le Printemps de Bourges »: a name
        has_det = bool(c.parts.get("det") or c.parts.get("mod") or c.parts.get("year"))
        prep = re.search(r"(?:^|\W)(en|au|d['’])\s*$", before, re.I)
        if prep:
            c.parts["prep"] = norm(prep.group(1))
            if c.parts["prep"] == "d'" and not has_det:
                return False  # « Jeux d'hiver », « heure d'été »: an adjective
        if norm(s) in self.ambiguous_seasons and not (has_det or prep):
            # « été » is mostly the participle of « être »
            return s[0].isupper() and (re.match(r"\s*[,\d]", after) is not None
                                       or self.season_generic_before.match(after) is not None)
        return True

    def _check_weekday(self, c, m, text):
        if self.holiday_after.match(text, c.end):
            return False  # « Vendredi saint »
        if c.parts["wd"][0].isupper():
            c.parts["cap"] = True
        if "part" in c.parts or "part2" in c.parts:
            c.type = "TIME"
        return True

    def _check_deictic(self, c, m, text):
        if "part" in c.parts:
            c.type = "TIME"
        return True

    def _check_anaphoric(self, c, m, text):
        if not c.parts.get("det") and not self.anaphoric_bare.search(text[max(0, c.start - 8):c.start]):
            return False  # « l'incertitude du lendemain »
        if "part" in c.parts:
            c.type = "TIME"
        return True

    def _check_dem_period(self, c, m, text):
        if norm(c.parts["p"]) in self.lex.day_parts:
            c.type = "TIME"
        return True

    def _check_det_period_dir(self, c, m, text):
        if norm(c.parts["p"]) in self.lex.day_parts:
            c.type = "TIME"
        return True

    def _check_bound_period(self, c, m, text):
        if norm(c.parts["p"]) in self.lex.day_parts:
            c.type = "TIME"
            en = re.search(r"(?:^|(?<=\W))en[^\S\n]+$", text[max(0, c.start - 4):c.start], re.I)
            if en and not c.parts.get("det"):
                c.start -= len(en.group(0))  # « en fin de matinée »
        elif norm(c.parts["p"]) in self.day_bound_periods and norm(c.parts["b"]) in self.day_bounds \
                and not c.parts.get("det2"):
            # « en fin de journée »: a part of the day (the evening), « en » inside the span
            c.type = "TIME"
            c.parts["daybound"] = self.day_bounds[norm(c.parts["b"])]
            en = re.search(r"(?:^|(?<=\W))en[^\S\n]+$", text[max(0, c.start - 4):c.start], re.I)
            if en and not c.parts.get("det"):
                c.start -= len(en.group(0))
        return True

    def _check_ordinal_period(self, c, m, text):
        n = self.lex.ordinals.get(norm(c.parts["ord"]))
        per = self.lex.periods.get(norm(c.parts["p"]))
        if per in self.ordinal_period_max and n == -1:
            n = self.ordinal_period_max[per]  # « le dernier trimestre 2024 »
        if n is None or per not in self.ordinal_period_max or not 1 <= n <= self.ordinal_period_max[per]:
            return False
        n = int(n)
        c.parts["n"], c.parts["code"] = n, per
        return True

    def _check_daypart(self, c, m, text):
        part = c.parts["part"]
        before = text[max(0, c.start - 6):c.start]
        after = text[c.end:c.end + 4]
        if norm(part) in self.figurative_parts and re.match(r"\s*(?:d['’]|(?:de|du|des)(?!\w))", after, re.I):
            return False  # « à l'aube d'une ère nouvelle »
        if "det" not in c.parts:
            if not re.search(r"(?:^|\W)en\s+$", before, re.I):
                return False
        if part[0].isupper():
            # « Soirée théâtre », « Le Soir » (a newspaper): only a part of the day at a sentence head
            if not c.parts.get("det") or not re.search(r"(?:^|[.!?»\n]\s*)$", text[max(0, c.start - 3):c.start]):
                return False
        if c.parts.get("det") and norm(c.parts["det"]) == "les":
            return False  # « les soirées » generic
        return True

    def _check_day(self, c, m, text):
        cue = self.day_words.get(norm(c.parts["p"]))
        return bool(cue and cue.search(text[max(0, c.start - 20):c.start]))

    def _check_clock(self, c, m, text):
        p = c.parts
        before = text[max(0, c.start - 25):c.start]
        after = text[c.end:c.end + 6]
        if "h" in p:
            h = int(p["h"])
        else:
            h = self.lex.number(p["hword"])
            if h is None or h != int(h):
                return False
            h = int(h)
        if h > 24:
            return False
        minutes = p.get("m") or p.get("m3") or p.get("m2")
        if minutes is None and p.get("mword"):
            mv = self.lex.number(p["mword"])
            if mv is None or mv >= 60:
                return False
            minutes = str(int(mv))
        if minutes is not None and int(minutes) >= 60:
            return False
        if re.match(r"\s*(?:/|sur\s+24)", after):
            return False  # « 24 h/24 »
        frac = self.lex.fractions.get(norm(p["fr"].split()[-1])) if p.get("fr") else None
        p["hour"], p["minute"] = h, int(minutes) if minutes is not None else int(60 * frac) if frac else 0
        word_hours = "hw" in p
        if self.clock_duration_cues.search(before) or (
                p.get("approx") and self.clock_duration_cues.search(" " + p["approx"].rstrip())):
            if word_hours and minutes is None and not p.get("cp"):
                return False  # a plain duration, the duration pattern takes it
            c.kind, c.type = "clock_duration", "DURATION"
            return True
        if word_hours and minutes is None and not p.get("cp") and not p.get("fr"):
            # « trois heures » is a duration unless a time cue comes before (« à 9 heures »,
            # « de 10 heures à 12 heures »), and « trois heures de route » always is
            if re.match(r"\s+(?:de|d['’])\s*[a-zà-ÿ]", text[c.end:c.end + 6]):
                return False
            # « de 10 heures à 12 heures »: a range needs a time after « à »
            # (« un entretien de trois heures à Rome » is a duration)
            from_to = re.search(r"(?:^|\W)de\s+$", before, re.I) and re.match(
                r"\s+(?:à|jusqu['’]\s*à)\s+(?:\d{1,2}\s*h|midi|minuit|[a-zà-ÿ-]+\s+heures?\b)",
                text[c.end:c.end + 30], re.I)
            if not (self.time_cues.search(before) or from_to or p.get("approx")):
                return False
        return True

    def _check_clockword(self, c, m, text):
        w = c.parts["w"]
        if w[0].isupper():
            before = text[max(0, c.start - 3):c.start]
            if c.start and not re.search(r"(?:^|[.!?\n]\s*)$", before):
                return False  # le Midi (the South of France)
        return True

    def _check_duration(self, c, m, text):
        p = c.parts
        before = text[max(0, c.start - 30):c.start]
        after = text[c.end:c.end + 30]
        u = norm(p["u"])
        det = norm(p["det"]) if p.get("det") else None
        if p.get("n"):
            n = self.lex.number(p["n"])
            if n is None:
                return False
            p["value"] = n
            if n == 0:
                return False
            if re.match(rf"\s+sur\s+(?:{re.escape(p['n'])}|\d+)\b", after, re.I):
                return False  # « 24 heures sur 24 », « sept jours sur sept »: a manner, not a time
        if "vw" in p and not self.duration_cues.search(before) and not p.get("ago"):
            return False  # « des jours meilleurs »
        if det is not None and p.get("n") is None and not p.get("pdir") and not p.get("an") and not p.get("vs"):
            return False
        # « un jour » (some day), « une heure » after « à » (one o'clock) are no durations
        if p.get("n") and norm(p["n"]) in self.one_words and u in self.one_units and not (
                self.duration_cues.search(before) or p.get("ago") or p.get("approx")):
            return False
        if self.time_cues.search(before) and u.startswith("heure") and not p.get("ago") \
                and not self.duration_cues.search(before) \
                and not re.match(r"\s+(?:de|d['’])\s*[a-zà-ÿ]", after):
            return False  # « à 9 heures » is a clock time
        if self._is_age(c, text, before, after, years=self.lex.units.get(u) == "P1Y"):
            return False
        if p.get("later") and norm(p["later"]) in self.standalone_only or \
                p.get("earlier") and norm(p["earlier"]) in self.standalone_only:
            if not re.match(r"\s*(?:[,.;:!?)»]|$)", after):
                # « deux jours avant les élections »: leave « avant » out
                cut = c.start + m.group(0).rfind(p.get("later") or p.get("earlier"))
                c.end = len(text[:cut].rstrip()) if text[:cut].rstrip() else cut
                p.pop("later", None)
                p.pop("earlier", None)
        if (p.get("later") or p.get("earlier")) and not (p.get("n") or p.get("an")):
            # « quelques mois plus tard »: no date to compute; the amount is a duration
            cut = c.start + m.group(0).rfind(p.get("later") or p.get("earlier"))
            c.end = len(text[:cut].rstrip())
            p.pop("later", None)
            p.pop("earlier", None)
        if det and det in self.possessives:
            return False  # « ses 80 ans »
        if p.get("ago") or p.get("later") or p.get("earlier"):
            c.type = "DATE"
        elif self.ahead.search(before) and not det and p.get("n"):
            p["ahead"] = True
            c.type = "DATE"
        return True

    def _is_age(self, c, text, before, after, years: bool) -> bool:
        p = c.parts
        if self.age_cues.search(before):
            return True  # « âgé de 17 ans », « âgé de six mois »
        m = re.search(r"(\w+)\s+(?:âgée?s?\s+)?de\s+$", before)
        if m and norm(m.group(1)) in self.age_nouns:
            return True  # « un bébé de six mois »
        if not years:
            return False
        if self.age_groups.search(before):
            return True
        if p.get("approx") and self.group_dets.search(before):
            return True  # « les moins de 17 ans »
        if re.search(r"(?:^|\W)(?:à|a)\s+$", before, re.I) or re.search(r"\W[àa]\s+(?:plus\s+de\s+|près\s+de\s+|environ\s+)$", before, re.I):
            if self.sentence_after.match(after):
                return False  # « condamné à un an avec sursis », « à deux ans ferme »: a sentence
            nxt = re.match(r"\s+(?:de\s+|d['’]\s*)(\w+['’]?)", after)
            if nxt and norm(nxt.group(1)) not in self.age_determiners:
                return False  # « à cinq ans d'inéligibilité »: the length of a sentence
            return not (nxt and norm(nxt.group(1)) in self.sentence_nouns)
        if re.search(r"[,(]\s*$", before) and re.match(r"\s*(?:[,)]|et\s)", after):
            return True  # « Jean Dupont, 45 ans, », « (45 ans) »
        if re.search(r"[A-ZÀ-Ý][\w.-]*\s*,\s*$", before):
            return True  # « Zuzana Novak, 26 ans »: an apposition to a name
        if m:
            word = norm(m.group(1))
            if m.group(1)[0].isupper():
                return True
            if word not in self.duration_nouns:
                p["age_word"] = c.start - (len(before) - m.start(1))  # decided on its part of speech
        return False

    def _check_set(self, c, m, text):
        if c.parts.get("n"):
            n = self.lex.number(c.parts["n"])
            if n is None:
                return False
            c.parts["value"] = n
        return True

    def _check_holiday(self, c, m, text):
        if not any(ch.isupper() for ch in c.parts["h"]):
            return False
        return c.parts.get("det") is not None or not re.search(
            r"(?:^|\W)(?:de|du|d['’])\s*$", text[max(0, c.start - 4):c.start], re.I)

    def _check_plural_dir(self, c, m, text):
        # « les dernières journées de la saison » is not « ces derniers jours »
        if re.match(r"\s+(?:de|du|des|d['’])\W", text[c.end:c.end + 5], re.I):
            return False
        # without a determiner, only after « des », « aux » (« au cours des dernières années »)
        return bool(c.parts.get("det")) or bool(re.search(rf"(?:^|\W){self.lex.re['contracted_plural']}\s+$",
                                                          text[max(0, c.start - 6):c.start], re.I))

    def _check_per(self, c, m, text):
        c.start = m.start("u")
        return True

    def _check_reference_after(self, c, m, text):
        c.start = m.start("w")
        return True

    def _check_future_adj(self, c, m, text):
        # « prochain » alone qualifies a noun that follows: « les prochaines élections »;
        # a singular one names the next thing itself, no time: « le prochain sommet »,
        # « Prochain rendez-vous. »
        if norm(c.parts["w"]) in self.future_adj_singular:
            return False
        return re.match(r"[^\S\n]+\w", text[c.end:c.end + 3]) is not None

    def _check_whole(self, c, m, text):
        # « toute la journée de mercredi »: the day named after it is the date
        return re.match(r"[^\S\n]+(?:de|du|d['’])(?:\W)", text[c.end:c.end + 6], re.I) is None

    def _check_reference(self, c, m, text):
        rx = self.reference_not_after.get(norm(c.parts["w"]))
        return not (rx and rx.search(text[max(0, c.start - 12):c.start]))


# The trigger classes of each kind of pattern (see ``Recogniser.__init__``).
KIND_TRIGGERS = {
    "iso": ("digit",), "numeric": ("digit",), "daymonth": ("month",), "dayonly": ("month",),
    "monthyear": ("month",), "month": ("month",), "year": ("digit",), "decade": ("decade",),
    "century": ("century",), "deictic": ("deictic",), "weekday": ("weekday",),
    "dem_period": ("period", "season", "part"), "det_period_dir": ("period", "season", "part"),
    "season": ("season",), "same": ("same",), "weekend_of": ("unit",), "anaphoric": ("anaphoric",),
    "bound_period": ("period", "season", "part"), "daypart": ("part",), "day": ("day",),
    "season_of": ("season",), "ordinal_wd": ("weekday",), "clock": ("digit", "unit"),
    "clockword": ("clockword",), "duration": ("unit",), "fraction": ("unit",), "plural_dir": ("unit",),
    "unit_noun": ("unit",), "set": ("unit", "weekday", "part", "season", "month"), "per": ("unit",),
    "set_adverb": ("reference",), "whole": ("unit",), "holiday": ("holiday",), "reference": ("reference",),
    "reference_after": ("reference",), "future_adj": ("reference",), "here": ("reference",),
    "ordinal_period": ("period",),
}


def _union(lists: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(x for lst in lists for x in lst):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _words(words) -> list[str]:
    from .lexicon import _form

    return [_form(w.lower()) for w in sorted(words, key=len, reverse=True)]


def _alt(words) -> str:
    from .lexicon import alt

    return alt(words)


@lru_cache(maxsize=1)
def recogniser() -> Recogniser:
    return Recogniser(lexicon())
