"""Checking the parameters of a request: one rule for the API and the pages.

Every check returns the clean value or raises :class:`BadParameter`, which the
application answers with 400 and the message (``Errors.E800``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..errors import Errors, UsageError
from ..model import ENTITY_TYPES
from ..store.store import date_bounds
from .charts import event_types

MAX_LIMIT = 500
MAX_TEXT = 200
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class BadParameter(ValueError):
    """A request parameter that cannot be used; ``str()`` is the message for the user."""

    def __init__(self, name: str, value: Any, reason: str) -> None:
        shown = str(value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        super().__init__(Errors.E800.format(name=name, value=shown, reason=reason))
        self.name = name


class MissingParameter(BadParameter):
    def __init__(self, name: str) -> None:
        ValueError.__init__(self, Errors.E806.format(name=name))
        self.name = name


def text(value: str | None, name: str, required: bool = False) -> str | None:
    """A free text (a name, words to find): trimmed; None when empty."""
    if value is None or not value.strip():
        if required:
            raise MissingParameter(name)
        return None
    if len(value) > MAX_TEXT:
        raise BadParameter(name, value, f"at most {MAX_TEXT} characters")
    if _CONTROL.search(value):
        raise BadParameter(name, value.encode("unicode_escape").decode("ascii"), "control characters are not allowed")
    return value.strip()


def texts(values: Sequence[str] | None, name: str, most: int = 5) -> list[str]:
    out = [v for v in (text(v, name) for v in values or []) if v]
    if len(out) > most:
        raise BadParameter(name, ", ".join(out), f"at most {most} values")
    return out


def integer(value: Any, name: str, default: int, lo: int, hi: int) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    try:
        n = int(str(value).strip())
    except ValueError:
        raise BadParameter(name, value, "expected a whole number") from None
    if not lo <= n <= hi:
        raise BadParameter(name, value, f"expected a number from {lo} to {hi}")
    return n


def limit(value: Any, default: int = 50, hi: int = MAX_LIMIT) -> int:
    return integer(value, "limit", default, 1, hi)


def offset(value: Any) -> int:
    return integer(value, "offset", 0, 0, 10 ** 12)


def date(value: str | None, name: str) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD (the store's date filters)."""
    value = text(value, name)
    if value is None:
        return None
    try:
        date_bounds(value, name)
    except UsageError:
        raise BadParameter(name, value, "expected YYYY, YYYY-MM or YYYY-MM-DD") from None
    return value


def period(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    since, until = date(since, "since"), date(until, "until")
    if since and until and date_bounds(since)[0] > date_bounds(until)[1]:
        raise BadParameter("until", until, f"it is before since ({since})")
    return since, until


def event_type(value: str | None) -> str | None:
    value = text(value, "type")
    if value is None:
        return None
    if value.upper() not in event_types():
        raise BadParameter("type", value, "a PLOVER type: " + ", ".join(event_types()))
    return value.upper()


def entity_type(value: str | None) -> str | None:
    value = text(value, "type")
    if value is None:
        return None
    if value.upper() not in ENTITY_TYPES:
        raise BadParameter("type", value, "one of " + ", ".join(ENTITY_TYPES))
    return value.upper()

