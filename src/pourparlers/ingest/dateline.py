"""Publication dates from a dateline at the head of an article ("21 janvier 2016. –")."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .. import resources

# How far into the text a dateline may start (after the headline).
HEAD_CHARS = 400


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    months = resources.load("calendar")["months"]
    names = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    # A line that starts with an optional place ("PARIS,"), a weekday, then the date,
    # an optional time, and dateline punctuation: ". –", " -", ",", ":".
    return re.compile(
        r"(?:^|\n)[ \t]*(?:[A-ZÀ-Ÿ][\w'’ -]{0,40},[ \t]*)?"
        r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)[ \t]+)?"
        r"(?P<day>\d{1,2})(?:er)?[ \t\u00a0]+(?P<month>" + names + r")[ \t\u00a0]+(?P<year>\d{4})"
        r"(?:[ \t]*,?[ \t]*(?:à[ \t]+)?\d{1,2}[ \t]*h[ \t]*\d{0,2})?"
        r"[ \t]*(?:\.|,|:)?[ \t]*(?:[-–—]|\(|\n|$)",
        re.IGNORECASE,
    )


def find_dateline(text: str) -> tuple[str, int, int] | None:
    """Return (ISO date, start, end) of a dateline near the head of ``text``."""
    m = _pattern().search(text[:HEAD_CHARS])
    if not m:
        return None
    months = resources.load("calendar")["months"]
    try:
        day = dt.date(int(m["year"]), months[m["month"].lower()], int(m["day"]))
    except (ValueError, KeyError):
        return None
    start = m.start("day")
    return day.isoformat(), start, m.end("year")


def normalise_date(value) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date string, datetime or None; None if unusable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", s)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None
