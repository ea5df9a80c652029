"""The web page and HTTP API over the store: ``pourparlers serve``.

    from pourparlers.web import create_app
    app = create_app("news.duckdb")   # a FastAPI application; run it with uvicorn

Pages (server-rendered HTML and SVG, no script needed): an overview, a timeline
of events, the actor-interaction network, actor pages, a quotation search and
article pages with every fact highlighted in the text. The JSON API lives under
``/api`` (OpenAPI schema at ``/api/openapi.json``).
"""

from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from .app import create_app
        return create_app
    raise AttributeError(name)
