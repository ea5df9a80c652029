"""Language resources: the data files under ``pourparlers/data``.

Cue verbs, event triggers, titles, month names and the like live in TOML files
by language (``data/fr/*.toml``), not in code, as HeidelTime and spaCy do. This
module loads them once and caches them.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import Errors, ResourceError


@lru_cache(maxsize=None)
def load(name: str, lang: str = "fr") -> dict[str, Any]:
    """Return the parsed TOML resource ``data/<lang>/<name>.toml``."""
    path = resources.files("pourparlers") / "data" / lang / f"{name}.toml"
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, OSError):
        raise ResourceError(Errors.E106.format(name=f"{lang}/{name}.toml")) from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ResourceError(Errors.E107.format(name=f"{lang}/{name}.toml", reason=err)) from None


def data_path(*parts: str):
    """A path (Traversable) inside the package data folder."""
    p = resources.files("pourparlers") / "data"
    for part in parts:
        p = p / part
    return p
