"""What every pourparlers component shares: failure isolation per document.

A component that fails on one article must not cost the others their results
(spaCy drops a doc whose component raised). ``Component.__call__`` runs
``process`` and, on an exception, records the message in ``Doc._.errors``,
gives the component's outputs their empty value and lets the doc go on. With
``strict=True`` (tests, ``POURPARLERS_STRICT=1``) the exception propagates.
"""

from __future__ import annotations

import os

from spacy.tokens import Doc

from .extensions import register

register()


def strict_default() -> bool:
    return os.environ.get("POURPARLERS_STRICT", "") not in ("", "0", "false")


class Component:
    name: str = "pourparlers_component"
    outputs: tuple[str, ...] = ()  # Doc extensions this component sets (lists)
    strict: bool | None = None

    def process(self, doc: Doc) -> Doc:  # pragma: no cover - abstract
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        strict = strict_default() if self.strict is None else self.strict
        if strict:
            return self.process(doc)
        try:
            return self.process(doc)
        except Exception as err:  # noqa: BLE001 - isolate one article's failure
            for field in self.outputs:
                setattr(doc._, field, [])
            errors = list(doc._.errors or [])
            errors.append(f"{self.name}: {type(err).__name__}: {err}")
            doc._.errors = errors
            return doc
