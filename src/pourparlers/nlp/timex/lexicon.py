"""The words of the temporal tagger, from ``data/fr/timex.toml`` and ``calendar.toml``.

``lexicon()`` loads them once and turns each word class into a regular
expression fragment (longest form first, apostrophes and spaces made
flexible), plus the lookup tables the normaliser needs. Nothing here is a
word list: every word comes from the data files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from ... import resources

SP = r"[^\S\n]+"  # one run of spaces, never across a line
APOS = "['’]"


_FOLD = str.maketrans("àâäéèêëîïôöùûüç", "aaaeeeeiioouuuc")


def _form(word: str) -> str:
    """A word or phrase as a regex: flexible apostrophes, spaces and hyphens; an
    accented first letter may lose its accent (capitals: « Eté », « A venir »)."""
    out = []
    for i, ch in enumerate(word):
        if i == 0 and ch.lower() != ch.lower().translate(_FOLD):
            out.append(f"[{re.escape(ch)}{ch.lower().translate(_FOLD)}]")
        elif ch in "'’":
            out.append(APOS)
        elif ch == " ":
            out.append(SP)
        elif ch == "-":
            out.append(r"[-‑]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of ``words``, longest first."""
    forms = sorted({w for w in words if w}, key=len, reverse=True)
    return "(?:" + "|".join(_form(w) for w in forms) + ")"


def prefix(words: Iterable[str]) -> str:
    """Words that precede another (determiners): « l' » glues, « le » takes a space."""
    glued = [w for w in words if w.endswith(("'", "’"))]
    spaced = [w for w in words if not w.endswith(("'", "’"))]
    parts = []
    if glued:
        parts.append(alt(glued) + r"[^\S\n]*")
    if spaced:
        parts.append(alt(spaced) + SP)
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=4096)
def norm(text: str) -> str:
    """The lookup key of a matched form: lower case, plain apostrophe, single spaces,
    no accent on the first letter (so that « Eté » finds « été »)."""
    t = re.sub(r"\s+", " ", text.lower().replace("’", "'").replace("‑", "-")).strip()
    return t[:1].translate(_FOLD) + t[1:]


def plurals(words: Iterable[str]) -> list[str]:
    """Singular forms and their plurals (French -s, kept for words in -s/-x/-z)."""
    out = []
    for w in words:
        out.append(w)
        if not w.endswith(("s", "x", "z")) and w[-1].isalpha():
            out.append(w + "s")
    return out


@dataclass
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    approx_numbers: dict[str, int]
    fractions: dict[str, float]
    units: dict[str, str]  # every surface form (plurals too) → period of one unit
    unit_nouns: dict[str, str]
    periods: dict[str, str]
    deictic_days: dict[str, int]
    anaphoric_days: dict[str, int]
    day_parts: dict[str, str]
    clock_words: dict[str, str]
    clock_part_words: dict[str, int]
    seasons: dict[str, str]
    season_starts: dict[str, tuple[int, int]]
    dir_deictic: dict[str, int]
    dir_anaphoric: dict[str, int]
    dir_plural: dict[str, int]
    boundaries: dict[str, str]
    references: dict[str, str]
    references_after: dict[str, tuple[list[str], str]]
    set_adverbs: dict[str, str]
    holidays: dict[str, str]
    demonstratives: set[str] = field(default_factory=set)
    raw: dict = field(repr=False, default_factory=dict)
    re: dict[str, str] = field(repr=False, default_factory=dict)  # regex fragments

    def number(self, text: str) -> float | None:
        return _number(self, text)

    def __hash__(self) -> int:
        return id(self)

    def _number(self, text: str) -> float | None:
        """The value of a number in digits or words (« 30,4 », « vingt-et-un »)."""
        t = norm(text)
        if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
            return float(t.replace(",", "."))
        if t in self.ordinals:
            return float(self.ordinals[t])
        m = re.fullmatch(r"(\d+)(?:er|re|ère|e|ème)", t)
        if m:
            return float(m[1])
        total = current = 0
        prev = 0
        for w in re.split(r"[-\s]+", t):
            if w == "et" or not w:
                continue
            v = self.numbers.get(w)
            if v is None:
                return None
            if v == 1000:
                total += max(current, 1) * 1000
                current = 0
            elif v == 100:
                current = max(current, 1) * 100
            elif v == 20 and prev == 4 and current % 100 == 4:  # quatre-vingt
                current = current - 4 + 80
            else:
                current += v
            prev = v
        return float(total + current)


@lru_cache(maxsize=4096)
def _number(lex: Lexicon, text: str) -> float | None:
    return lex._number(text)


def _keys(table: dict) -> dict:
    return {norm(k): v for k, v in table.items()}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    cal = resources.load("calendar")
    tx = resources.load("timex")
    units = {}
    for form, period in tx["units"].items():
        for f in plurals([form]):
            units[norm(f)] = period
    seasons = dict(tx["seasons"])
    lex = Lexicon(
        months={norm(k): v for k, v in cal["months"].items()},
        weekdays={norm(k): v for k, v in cal["weekdays"].items()},
        numbers={norm(k): v for k, v in tx["numbers"].items() if isinstance(v, int)},
        ordinals=_keys(tx["ordinals"]),
        approx_numbers=_keys(tx["approximate_numbers"]),
        fractions=_keys(tx["fractions"]),
        units=units,
        unit_nouns={norm(f): p for k, p in tx["unit_nouns"].items() for f in plurals([k])},
        periods=_keys(tx["periods"]),
        deictic_days={norm(k): v for k, v in tx["deictic_days"].items()},
        anaphoric_days=_keys(tx["anaphoric_days"]),
        day_parts=_keys(tx["day_parts"]),
        clock_words=_keys(tx["clock_words"]),
        clock_part_words={norm(k): v for k, v in tx["clock_part_words"].items()},
        seasons=_keys(seasons),
        season_starts={k: tuple(int(x) for x in v.split("-")) for k, v in tx["season_starts"].items()},
        dir_deictic={norm(k): v for k, v in tx["direction"]["deictic"].items()},
        dir_anaphoric={norm(k): v for k, v in tx["direction"]["anaphoric"].items()},
        dir_plural=_keys(tx["direction"]["plural"]),
        boundaries={k: v for k, v in tx["boundaries"].items() if isinstance(v, str)},
        references={norm(k): v for k, v in tx["references"].items()},
        references_after={norm(k): (v["before"], v["value"]) for k, v in tx["references_after"].items()},
        set_adverbs=_keys(tx["set_adverbs"]),
        holidays=_keys(tx["holidays"]),
        demonstratives={norm(w) for w in tx["determiners"]["demonstrative"]},
        raw=tx,
    )
    lex.re = _fragments(lex, tx)
    return lex


def _fragments(lex: Lexicon, tx: dict) -> dict[str, str]:
    r: dict[str, str] = {}
    num_words = alt(k for k, v in tx["numbers"].items() if isinstance(v, int))
    after_et = alt(tx["numbers"]["number_after_et"])
    # a compound number in words: hyphens, « et un », spaces (« deux mille trois »).
    # Bounded repetitions (no number has more): unbounded ones made every pattern with
    # a number quadratic on a run of number words (« sept sept sept… », uninterruptible).
    chunk = rf"{num_words}(?:(?:[-‑]et[-‑]|{SP}et{SP}){after_et}|[-‑]{num_words}){{0,5}}(?![\w-])"
    r["numword"] = rf"{chunk}(?:{SP}{chunk}){{0,9}}"
    r["num"] = rf"(?:\d+(?:[.,]\d+)?|{r['numword']})"
    r["approxnum"] = alt(plurals(tx["approximate_numbers"]))
    r["vague_strong"] = alt(tx["vague"]["strong"])
    r["vague_weak"] = alt(tx["vague"]["weak"])
    r["fraction"] = alt(tx["fractions"])

    cal_months = resources.load("calendar")["months"]
    months_full = [m for m in cal_months if not m.endswith(".")]
    months_abbr = [m for m in cal_months if m.endswith(".")]
    r["month"] = rf"(?:{alt(months_full)}(?![\w-])|{alt(months_abbr)})"
    r["month_full"] = rf"{alt(months_full)}(?![\w-])"
    r["weekday"] = rf"{alt(lex.weekdays)}(?![\w-])"
    r["weekdays_plural"] = rf"{alt(w + 's' for w in lex.weekdays)}(?![\w-])"
    day_ord = [k for k, v in tx["ordinals"].items() if v == 1]
    r["ordinal"] = rf"{alt(tx['ordinals'])}(?![\w-])"
    r["day_first"] = rf"{alt(day_ord)}(?![\w-])"
    r["daynum"] = rf"(?:\d{{1,2}}(?:er|re|ère)?(?![\d\w])|{alt(day_ord)}(?![\w-])|{r['numword']}(?![\w-]))"
    r["year4"] = r"(?:1\d{3}|20\d{2})(?![\d])"

    r["unit"] = rf"{alt(plurals(tx['units']))}(?![\w-])"
    r["unit_noun"] = rf"{alt(plurals(tx['unit_nouns']))}(?![\w-])"
    unit_sing = list(tx["units"])
    r["unit_sing"] = rf"{alt(unit_sing)}(?![\w-])"
    r["unit_plural"] = rf"{alt(u + 's' for u in tx['units'] if not u.endswith('s'))}(?![\w-])"
    r["period"] = rf"{alt(tx['periods'])}(?![\w-])"
    r["period_nb"] = alt(tx["periods"])  # no right boundary: « ce mois-ci »
    r["season"] = rf"{alt(tx['seasons'])}(?![\w-])"
    r["daypart"] = rf"{alt(tx['day_parts'])}(?![\w-])"
    r["clockword"] = rf"{alt(tx['clock_words'])}(?![\w-])"
    r["clockpart"] = alt(lex.clock_part_words)
    r["deictic"] = rf"{alt(tx['deictic_days'])}(?![\w-])"
    r["anaphoric"] = rf"{alt(tx['anaphoric_days'])}(?![\w-])"

    det = tx["determiners"]
    r["det"] = prefix(det["definite"])
    r["dem"] = prefix(det["demonstrative"])
    r["poss"] = prefix(det["possessive"])
    r["contracted"] = alt(det["contracted"])
    r["part_link"] = prefix(tx["day_parts_figurative"]["links"])
    r["contracted_plural"] = alt(det["contracted_plural"])
    r["dir"] = rf"{alt(list(tx['direction']['deictic']) + list(tx['direction']['anaphoric']))}(?![\w-])"
    r["dir_plural"] = rf"{alt(tx['direction']['plural'])}(?![\w-])"
    r["same"] = alt(tx["same"]["words"])
    r["same_period"] = rf"{alt(tx['same']['periods'])}(?![\w-])"
    r["dem_suffix"] = alt(tx["demonstrative_suffix"])
    r["approx"] = prefix(tx["approximators"]["words"])
    bnd = tx["boundaries"]
    r["boundary"] = alt(lex.boundaries)
    r["boundary_prefix"] = alt(bnd["prefix"])
    r["boundary_link"] = prefix(bnd["links"])
    # « début », « la fin de », « mi- »: before a month, a year, a period
    r["bound"] = (rf"(?:(?:{r['det']})?{r['boundary']}(?:{SP}|{SP}{r['boundary_link']})"
                  rf"|{r['boundary_prefix']})")

    rel = tx["relative"]
    r["ago"] = alt(rel["ago"])
    r["ahead"] = alt(rel["ahead"])
    r["later"] = alt(rel["later"])
    r["earlier"] = alt(rel["earlier"])
    r["sets_q"] = alt(tx["sets"]["quantifiers"])
    r["sets_per"] = alt(tx["sets"]["per"])
    r["set_adverb"] = rf"{alt(tx['set_adverbs'])}(?![\w-])"
    r["reference"] = rf"{alt(tx['references'])}(?![\w-])"
    r["future_adj"] = rf"{alt(tx['future_adjectives']['words'])}(?![\w-])"
    r["century_word"] = alt(tx["centuries"]["word"])
    r["century_suffix"] = alt(tx["centuries"]["ordinal_suffixes"])
    r["decade_word"] = alt(tx["decades"]["word"])
    r["month_noun"] = alt(tx["calendar_nouns"]["month"])
    r["year_noun"] = alt(tx["calendar_nouns"]["year"])
    ck = tx["clock"]
    r["hour_mark"] = alt(ck["hour_marks"])
    r["minute_mark"] = alt(ck["minute_marks"])
    r["second_mark"] = alt(ck["second_marks"])
    r["zone"] = alt(ck["zones"])
    return r
