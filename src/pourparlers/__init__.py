"""pourparlers: who met whom, who said what, when — from French news, with proof.

Library API::

    from pourparlers import Extractor, read_inputs
    extractor = Extractor()
    for record in extractor.records(a for a in read_inputs(["news/"]) if isinstance(a, Article)):
        print(record.to_dict()["quotes"])
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import Errors, InputError, UsageError  # noqa: E402
from .model import (SCHEMA_VERSION, Article, Entity, Event, Mention, Quote,  # noqa: E402
                    Record, Timex)


def __getattr__(name: str):
    # Heavy imports (spaCy) only when asked for.
    if name in ("Extractor", "extract_text"):
        from . import pipeline
        return getattr(pipeline, name)
    if name == "read_inputs":
        from .ingest import read_inputs
        return read_inputs
    raise AttributeError(name)


__all__ = ["Article", "Entity", "Errors", "Event", "Extractor", "InputError", "Mention",
           "Quote", "Record", "SCHEMA_VERSION", "Timex", "UsageError", "__version__",
           "extract_text", "read_inputs"]
