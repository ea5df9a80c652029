"""The collection: an embedded DuckDB store, idempotent ingest, cross-source event
merge, queries and exports. See :class:`pourparlers.store.store.Store`::

    from pourparlers.store import Store
    with Store("news.duckdb") as store:
        store.ingest_records(records)
        store.events(actor=["Poutine", "Witkoff"], type="CONSULT", since="2025")
"""

from __future__ import annotations

__all__ = ["DEFAULT_DB", "ENV_DB", "EventItem", "IngestStats", "Interval", "Page", "Store",
           "article_hash", "cluster_group", "default_path", "interval"]


def __getattr__(name: str):
    # DuckDB is imported only when the store is used (not by `pourparlers extract`).
    if name in ("EventItem", "Interval", "cluster_group", "interval"):
        from . import merge
        return getattr(merge, name)
    if name in __all__:
        from . import store
        return getattr(store, name)
    raise AttributeError(name)
