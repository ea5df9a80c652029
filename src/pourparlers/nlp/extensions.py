"""``Doc`` extensions set by our components.

Every component writes plain model objects (``pourparlers.model``) with
character offsets, so that other spaCy pipelines can reuse them and the record
is assembled without further work:

- ``Doc._.article``: the ``Article`` the doc was made from (publication date!).
- ``Doc._.entities`` / ``Doc._.mentions``: actors and their mentions.
- ``Doc._.quotes``, ``Doc._.timexes``, ``Doc._.events``: the extracted facts.
- ``Doc._.errors``: messages of components that failed on this doc.
- ``Doc._.rejected``: why the article was not analysed (an empty placeholder doc).
- ``doc.spans["paragraphs"]``: one span per paragraph (set by the segmenter).
"""

from __future__ import annotations

from spacy.tokens import Doc

_FIELDS = ("article", "entities", "mentions", "quotes", "timexes", "events", "errors", "rejected")


def register() -> None:
    """Register the extensions (idempotent). Lists default to None: components
    always assign a fresh list, so no list is ever shared between docs."""
    for name in _FIELDS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def published(doc: Doc) -> str | None:
    """The publication date (ISO) of the doc's article, if known."""
    art = doc._.article
    return getattr(art, "published", None) if art is not None else None


register()
