"""The FastAPI application: a JSON API over the store and the web pages.

    from pourparlers.web import create_app
    app = create_app("news.duckdb")      # then: uvicorn, or fastapi.testclient.TestClient(app)

The store is opened read-only for each request and closed at its end, so that a
``pourparlers ingest`` in another process can take DuckDB's write lock between
requests; while it holds it (or when there is no store yet) the API answers 503
and the pages say why. Every string from an article reaches the browser through
Jinja2's autoescape; no page has an inline script or style, and the
Content-Security-Policy header forbids them.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

import duckdb
import jinja2
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import Errors, UsageError
from ..model import ENTITY_TYPES
from ..store.store import Store, default_path
from . import charts
from . import params as P
from .highlight import marks, pieces

log = logging.getLogger("pourparlers.web")

CSP = "; ".join([
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'",
    "font-src 'self'", "connect-src 'self'", "form-action 'self'", "base-uri 'none'",
    "frame-ancestors 'none'"])
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
TIMELINE_EVENTS = 1000  # events drawn on the timeline chart (the latest ones)
GRAPH_EVENTS = 3000  # events read for the network (the latest ones)
PAGE = 50


class StoreUnavailable(Exception):
    """The store is missing, locked by a writer, or not a store: 503."""


class NotFound(Exception):
    """An article, event or actor id that the store does not have: 404."""


@contextmanager
def open_store(path: Path) -> Iterator[Store]:
    """The store, read-only, for one request."""
    try:
        store = Store(path, read_only=True)
    except UsageError as err:
        raise StoreUnavailable(Errors.E804.format(reason=err)) from None
    except duckdb.Error as err:  # not expected: Store turns these into UsageError
        raise StoreUnavailable(Errors.E804.format(reason=str(err).splitlines()[0])) from None
    try:
        yield store
    finally:
        store.close()


# ------------------------------------------------------------------ links

def href(path: str, **query: Any) -> str:
    """A local URL: ``path`` plus the non-empty query values (lists repeat the key)."""
    items = []
    for k, v in query.items():
        for one in v if isinstance(v, (list, tuple)) else [v]:
            if one is not None and one != "":
                items.append((k, str(one)))
    return path + ("?" + urlencode(items) if items else "")


def seg(value: str) -> str:
    """A path segment from data (an id): every reserved character encoded."""
    return quote(str(value), safe="")


def safe_url(url: str | None) -> str | None:
    """An article's URL, only when it is http(s): never ``javascript:`` or ``data:``."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def article_href(article_id: str, event: str | None = None, quote: str | None = None) -> str:
    path = href(f"/articles/{seg(article_id)}", event=event, quote=quote)
    if event:
        return f"{path}#{seg('ev-' + event)}"
    if quote:
        return f"{path}#{seg('q-' + quote)}"
    return path


def evidence_href(ev: dict[str, Any]) -> str | None:
    """The first report of a collection event, with its evidence highlighted."""
    src = (ev.get("sources") or [None])[0]
    if not src:
        return href(f"/events/{seg(ev['id'])}")
    return article_href(src["article_id"], event=src["event_id"])


def actor_href(p: dict[str, Any]) -> str:
    """An actor page for a registry actor; the timeline by name for anyone else."""
    if p.get("id") and not str(p["id"]).startswith("name:"):
        return f"/actors/{seg(p['id'])}"
    return href("/timeline", actor=p.get("name"))


# ------------------------------------------------------------------ templates

def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("pourparlers.web", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.globals.update(href=href, seg=seg, safe_url=safe_url, article_href=article_href,
                       evidence_href=evidence_href, actor_href=actor_href, colour=charts.colour,
                       describe_event=charts.describe_event, event_types=charts.event_types,
                       entity_types=ENTITY_TYPES, version=__version__)
    return env


def _pager(request: Request, page) -> dict[str, Any]:
    """Previous/next links for a :class:`Page`, keeping the other query parameters."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "offset"]

    def at(offset: int) -> str:
        return request.url.path + "?" + urlencode(params + [("offset", str(offset))])

    limit = page.limit or len(page) or 1
    back = max(0, page.offset - limit) if len(page) else max(0, page.total - limit)
    return {
        "first": page.offset + 1 if len(page) else 0, "last": page.offset + len(page),
        "total": page.total,
        "prev": at(back) if page.offset > 0 else None,
        "next": at(page.offset + limit) if page.offset + len(page) < page.total else None,
    }


# ------------------------------------------------------------------ API models

class PageOut(BaseModel):
    """One page of results: ``items``, and ``total`` matches for paging with limit/offset."""

    items: list[dict[str, Any]]
    total: int = Field(description="Number of matches in all.")
    limit: int
    offset: int


class ErrorOut(BaseModel):
    error: str = Field(description="What went wrong, with its code: '[E800] invalid value for ...'.")


class GraphOut(BaseModel):
    nodes: list[dict[str, Any]] = Field(description="Actors: id, name, events (how many they take part in).")
    edges: list[dict[str, Any]] = Field(description="Pairs of actors: source, target, events, types (count per PLOVER type).")
    events: int = Field(description="Events the graph was drawn from.")
    truncated: bool = Field(description="True when only the latest events were read.")


ERRORS = {400: {"model": ErrorOut, "description": "A bad parameter."},
          503: {"model": ErrorOut, "description": "The store is missing or busy (an ingest is writing)."}}
NOT_FOUND = {404: {"model": ErrorOut, "description": "No such id in the store."}}

Limit = Annotated[int, Query(ge=1, le=P.MAX_LIMIT, description="At most this many results.")]
Offset = Annotated[int, Query(ge=0, le=10 ** 12, description="Skip this many results first.")]
Since = Annotated[str | None, Query(description="From this date on: YYYY, YYYY-MM or YYYY-MM-DD.")]
Until = Annotated[str | None, Query(description="Up to this date: YYYY, YYYY-MM or YYYY-MM-DD.")]
ActorList = Annotated[list[str] | None, Query(
    description="An actor's name, alias or id (repeat: events involving all of them).")]
EventType = Annotated[str | None, Query(description="PLOVER type: " + ", ".join(charts.event_types()) + ".")]


def paged(query, limit: int, offset: int, *args: Any, **filters: Any):
    """``query(*args, limit=, offset=, **filters)``, with the right ``total`` even for a
    page past the last match (the store counts the matches on the rows it returns)."""
    page = query(*args, limit=limit, offset=offset, **filters)
    if not page and offset > 0:
        page.total = query(*args, limit=1, offset=0, **filters).total
    return page


def _out(page) -> dict[str, Any]:
    return {"items": list(page), "total": page.total, "limit": page.limit, "offset": page.offset}


def _latest(store: Store, n: int, **filters: Any):
    """The last ``n`` events (in date order) matching the filters, and how many match."""
    total = store.events(limit=1, **filters).total
    page = store.events(limit=n, offset=max(0, total - n), **filters)
    return page, total


# ------------------------------------------------------------------ the application

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def host_of(header: str) -> str:
    """The host name of a Host header, without its port: ``[::1]:8000`` → ``::1``."""
    h = header.strip().lower()
    if h.startswith("["):
        return h[1:].split("]", 1)[0]
    return h.rsplit(":", 1)[0] if h.count(":") == 1 else h


def create_app(db: str | os.PathLike | None = None, hosts: list[str] | None = None) -> FastAPI:
    """The web application over the store at ``db`` (default: ``$POURPARLERS_DB`` or
    ``pourparlers.duckdb``).

    ``hosts``: the Host names requests may carry (``pourparlers serve`` on loopback
    passes the loopback names, so that a web page elsewhere cannot read the store
    through DNS rebinding); None accepts any.
    """
    db_path = Path(db) if db is not None else default_path()
    allowed = {h.strip("[]").lower() for h in hosts} if hosts is not None else None
    app = FastAPI(
        title="pourparlers",
        version=__version__,
        description="Who met whom, who said what, when: evidence-backed events and quotations "
                    "from French news. Every list is paginated (limit, offset; total gives the "
                    "number of matches). Errors are JSON: {\"error\": \"[E800] ...\"}.",
        docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.db = db_path
    env = _environment()
    app.mount("/static", StaticFiles(packages=[("pourparlers.web", "static")]), name="static")

    def store():
        return open_store(app.state.db)

    def render(request: Request, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        ctx.setdefault("title", "pourparlers")
        html = env.get_template(template).render(request=request, path=request.url.path,
                                             store_path=str(app.state.db), **ctx)
        return HTMLResponse(html, status_code=status)

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/api"

    def problem(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
        if is_api(request):
            return JSONResponse({"error": message}, status_code=status, headers=headers)
        titles = {400: "Bad request", 404: "Not found", 503: "Store not available", 500: "Server error"}
        return render(request, "error.html", status=status, title=titles.get(status, "Error"),
                      message=message, retry=status == 503)

    # -------------------------------------------------------------- errors and headers

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        if allowed is not None and host_of(request.headers.get("host", "")) not in allowed:
            response = problem(request, 400, Errors.E808.format(host=request.headers.get("host", "")))
        else:
            response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        if not request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(P.BadParameter)
    async def bad_parameter(request: Request, err: P.BadParameter):
        return problem(request, 400, str(err))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError):
        e = err.errors()[0] if err.errors() else {}
        loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "path")]
        name = loc[0] if loc else "parameter"
        if e.get("type") == "missing":
            return problem(request, 400, Errors.E806.format(name=name))
        value = e.get("input")
        reason = str(e.get("msg", "invalid")).replace("Input should be", "expected")
        return problem(request, 400, str(P.BadParameter(name, "" if value is None else value, reason)))

    @app.exception_handler(StoreUnavailable)
    async def unavailable(request: Request, err: StoreUnavailable):
        return problem(request, 503, str(err), headers={"Retry-After": "5"})

    @app.exception_handler(NotFound)
    async def not_found(request: Request, err: NotFound):
        return problem(request, 404, str(err))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException):
        if err.status_code == 404:
            return problem(request, 404, Errors.E807.format(path=request.url.path))
        return problem(request, err.status_code, str(err.detail))

    @app.exception_handler(Exception)
    async def crashed(request: Request, err: Exception):
        log.exception("error on %s", request.url.path)
        return problem(request, 500, Errors.E805.format(kind=type(err).__name__))

    # -------------------------------------------------------------- JSON API

    @app.get("/api/status", tags=["store"], responses=ERRORS)
    def api_status() -> dict[str, Any]:
        """Whether the store can be read, and how many articles, actors, events and quotations it holds."""
        with store() as s:
            c = s.counts()
        return {"ok": True, "version": __version__, "articles": c["articles"], "actors": c["actors"],
                "events": c["collection_events"], "quotes": c["quotes"]}

    @app.get("/api/events", tags=["events"], response_model=PageOut, responses=ERRORS)
    def api_events(actor: ActorList = None, type: EventType = None, since: Since = None,
                   until: Until = None,
                   mode: Annotated[str | None, Query(description="PLOVER mode, e.g. visit.")] = None,
                   limit: Limit = PAGE, offset: Offset = 0):
        """Collection events, oldest first: one per real-world event, with every report
        (``sources``: article, outlet, date, evidence span). ``ordinal`` numbers the matches in date order."""
        actors = P.texts(actor, "actor")
        type_, mode = P.event_type(type), P.text(mode, "mode")
        since, until = P.period(since, until)
        with store() as s:
            return _out(paged(s.events, limit, offset, actor=actors or None, type=type_, since=since,
                              until=until, mode=mode))

    @app.get("/api/events/{event_id}", tags=["events"], responses={**ERRORS, **NOT_FOUND})
    def api_event(event_id: str) -> dict[str, Any]:
        """One collection event, with its sources and why they were merged."""
        with store() as s:
            ev = s.event(event_id)
        if ev is None:
            raise NotFound(Errors.E803.format(what="event", id=event_id))
        return ev

    @app.get("/api/quotes", tags=["quotes"], response_model=PageOut, responses=ERRORS)
    def api_quotes(speaker: Annotated[str | None, Query(description="The speaker's name, alias or actor id.")] = None,
                   contains: Annotated[str | None, Query(description="Words the quotation contains (case and accents ignored).")] = None,
                   since: Since = None, until: Until = None, limit: Limit = PAGE, offset: Offset = 0):
        """Quotations with their speaker, article, outlet and publication date (``start``/``end``: offsets in the article text)."""
        speaker, contains = P.text(speaker, "speaker"), P.text(contains, "contains")
        since, until = P.period(since, until)
        with store() as s:
            return _out(paged(s.quotes, limit, offset, speaker=speaker, contains=contains, since=since,
                              until=until))

    @app.get("/api/actors", tags=["actors"], response_model=PageOut, responses=ERRORS)
    def api_actors(name: Annotated[str | None, Query(description="Part of a name or alias.")] = None,
                   type: Annotated[str | None, Query(description="PER, ORG, LOC or MISC.")] = None,
                   limit: Limit = PAGE, offset: Offset = 0):
        """Actors of the collection registry, most reported first, with aliases and roles over time."""
        name, type_ = P.text(name, "name"), P.entity_type(type)
        with store() as s:
            return _out(paged(s.actors, limit, offset, name=name, type=type_))

    @app.get("/api/actors/{actor_id:path}", tags=["actors"], responses={**ERRORS, **NOT_FOUND})
    def api_actor(actor_id: str) -> dict[str, Any]:
        """One registry actor by id (``per:vladimir-poutine``)."""
        with store() as s:
            a = s.actor(actor_id)
        if a is None:
            raise NotFound(Errors.E803.format(what="actor", id=actor_id))
        return a

    @app.get("/api/speakers", tags=["quotes"], response_model=PageOut, responses=ERRORS)
    def api_speakers(limit: Limit = 10, offset: Offset = 0):
        """Speakers, most quoted first (``id`` is null for a speaker no registry actor resolves)."""
        with store() as s:
            return _out(paged(s.speakers, limit, offset))

    @app.get("/api/timeline", tags=["actors"], response_model=PageOut, responses=ERRORS)
    def api_timeline(actor: Annotated[str, Query(description="The actor's name, alias or id.")],
                     since: Since = None, until: Until = None, limit: Limit = 100, offset: Offset = 0):
        """Everything about an actor in date order: events, quotations, roles first given."""
        actor_ = P.text(actor, "actor", required=True)
        since, until = P.period(since, until)
        with store() as s:
            return _out(paged(s.timeline, limit, offset, actor_, since=since, until=until))

    @app.get("/api/articles", tags=["articles"], response_model=PageOut, responses=ERRORS)
    def api_articles(limit: Limit = PAGE, offset: Offset = 0):
        """Stored articles (without their text), newest first."""
        with store() as s:
            return _out(paged(s.articles, limit, offset))

    @app.get("/api/articles/{article_id:path}", tags=["articles"], responses={**ERRORS, **NOT_FOUND})
    def api_article(article_id: str) -> dict[str, Any]:
        """The stored record of one article (schema 1): text, entities, mentions, quotations,
        events and time expressions, every span a character offset into ``text``."""
        with store() as s:
            rec = s.record(article_id)
        if rec is None:
            raise NotFound(Errors.E803.format(what="article", id=article_id))
        return rec.to_dict()

    @app.get("/api/graph", tags=["events"], response_model=GraphOut, responses=ERRORS)
    def api_graph(actor: ActorList = None, type: EventType = None, since: Since = None,
                  until: Until = None,
                  nodes: Annotated[int, Query(ge=1, le=500, description="At most this many actors (those with most interactions).")] = 100):
        """Who interacted with whom: an edge joins the actor and the target of an event (or the
        participants of a meeting with no host), counted by PLOVER type."""
        actors = P.texts(actor, "actor")
        type_ = P.event_type(type)
        since, until = P.period(since, until)
        with store() as s:
            events, total = _latest(s, GRAPH_EVENTS, actor=actors or None, type=type_, since=since, until=until)
        ns, es = charts.interactions(events)
        degree: dict[str, int] = {}
        for (a, b), e in es.items():
            degree[a] = degree.get(a, 0) + e.events
            degree[b] = degree.get(b, 0) + e.events
        keep = set(sorted(degree, key=lambda k: (-degree[k], k))[:nodes])
        return {
            "nodes": [{"id": k, "name": ns[k].name, "events": ns[k].weight} for k in sorted(keep)],
            "edges": [{"source": a, "target": b, "events": e.events, "types": dict(e.types)}
                      for (a, b), e in sorted(es.items()) if a in keep and b in keep],
            "events": len(events), "truncated": total > len(events)}

    # -------------------------------------------------------------- pages

    @app.get("/", include_in_schema=False)
    def overview(request: Request):
        with store() as s:
            c = s.counts()
            latest, _ = _latest(s, 8, since="0001")
            speakers = s.speakers(limit=10)
            actors = s.actors(limit=10)
            articles = s.articles(limit=8)
        return render(request, "overview.html", counts=c, latest=list(reversed(latest)),
                      speakers=speakers, actors=actors, articles=articles)

    def _event_filters(request: Request) -> dict[str, Any]:
        q = request.query_params
        since, until = P.period(q.get("since"), q.get("until"))
        return {"actor": P.texts(q.getlist("actor"), "actor"), "type": P.event_type(q.get("type")),
                "since": since, "until": until}

    def _unknown(s: Store, names: list[str]) -> list[str]:
        return [n for n in names if not [i for i in s.resolve_actor(n) if not i.startswith("name:")]]

    @app.get("/timeline", include_in_schema=False)
    def timeline_page(request: Request):
        f = _event_filters(request)
        off = P.offset(request.query_params.get("offset"))
        query = dict(actor=f["actor"] or None, type=f["type"], since=f["since"], until=f["until"])
        with store() as s:
            drawn, total = _latest(s, TIMELINE_EVENTS, **query)
            page = paged(s.events, PAGE, off, **query)
            unknown = _unknown(s, f["actor"])
            names = [a["name"] for a in s.actors(limit=200)]
        chart = charts.timeline_chart(list(drawn), evidence_href)
        return render(request, "timeline.html", title="Timeline", f=f, chart=chart, page=page,
                      paging=_pager(request, page), drawn=len(drawn), total=total, unknown=unknown,
                      actor_names=names)

    @app.get("/network", include_in_schema=False)
    def network_page(request: Request):
        f = _event_filters(request)
        max_nodes = P.integer(request.query_params.get("nodes"), "nodes", 40, 2, 150)
        with store() as s:
            events, total = _latest(s, GRAPH_EVENTS, actor=f["actor"] or None, type=f["type"],
                                    since=f["since"], until=f["until"])
            unknown = _unknown(s, f["actor"])
            names = [a["name"] for a in s.actors(limit=200)]

        def node_link(n) -> str:
            return actor_href({"id": n.id, "name": n.name})

        def edge_link(a, b) -> str:
            def name(n):
                return n.id if not n.id.startswith("name:") else n.name
            return href("/timeline", actor=[name(a), name(b)], type=f["type"], since=f["since"],
                        until=f["until"])

        chart = charts.network_chart(list(events), node_link, edge_link, max_nodes=max_nodes)
        return render(request, "network.html", title="Network", f=f, chart=chart, events=len(events),
                      total=total, unknown=unknown, actor_names=names, max_nodes=max_nodes)

    @app.get("/actors", include_in_schema=False)
    def actors_page(request: Request):
        q = request.query_params
        name, type_ = P.text(q.get("name"), "name"), P.entity_type(q.get("type"))
        off = P.offset(q.get("offset"))
        with store() as s:
            page = paged(s.actors, PAGE, off, name=name, type=type_)
        return render(request, "actors.html", title="Actors", page=page, paging=_pager(request, page),
                      name=name, type=type_)

    @app.get("/actors/{actor_id:path}", include_in_schema=False)
    def actor_page(request: Request, actor_id: str):
        with store() as s:
            actor = s.actor(actor_id)
            if actor is None:
                raise NotFound(Errors.E803.format(what="actor", id=actor_id))
            events, n_events = _latest(s, TIMELINE_EVENTS, actor=actor_id)
            recent = list(reversed(events[-20:]))
            quotes = s.quotes(speaker=actor_id, limit=PAGE)
        chart = charts.timeline_chart(list(events), evidence_href)
        spans = _role_bars(actor["roles"])
        return render(request, "actor.html", title=actor["name"], actor=actor, chart=chart, events=recent,
                      n_events=n_events, quotes=quotes, roles=spans)

    @app.get("/quotes", include_in_schema=False)
    def quotes_page(request: Request):
        q = request.query_params
        speaker, contains = P.text(q.get("speaker"), "speaker"), P.text(q.get("contains"), "contains")
        since, until = P.period(q.get("since"), q.get("until"))
        off = P.offset(q.get("offset"))
        with store() as s:
            page = paged(s.quotes, PAGE, off, speaker=speaker, contains=contains, since=since, until=until)
            unknown = _unknown(s, [speaker] if speaker else [])
            speakers = s.speakers(limit=100)
        return render(request, "quotes.html", title="Quotations", page=page, paging=_pager(request, page),
                      f={"speaker": speaker, "contains": contains, "since": since, "until": until},
                      unknown=unknown, speakers=speakers)

    @app.get("/articles", include_in_schema=False)
    def articles_page(request: Request):
        off = P.offset(request.query_params.get("offset"))
        with store() as s:
            page = paged(s.articles, PAGE, off)
        return render(request, "articles.html", title="Articles", page=page, paging=_pager(request, page))

    @app.get("/articles/{article_id:path}", include_in_schema=False)
    def article_page(request: Request, article_id: str):
        q = request.query_params
        event, quote_ = P.text(q.get("event"), "event"), P.text(q.get("quote"), "quote")
        with store() as s:
            rec = s.record(article_id)
        if rec is None:
            raise NotFound(Errors.E803.format(what="article", id=article_id))
        focus = f"ev-{event}" if event else (f"q-{quote_}" if quote_ else None)
        ms = marks(rec)
        shown = {m.ref for m in ms if m.ref}
        return render(request, "article.html", title=rec.article.title or rec.article.id, rec=rec,
                      pieces=pieces(rec.article.text, ms, focus), focus=focus, shown=shown,
                      entities={e.id: e for e in rec.entities})

    @app.get("/events/{event_id}", include_in_schema=False)
    def event_page(request: Request, event_id: str):
        with store() as s:
            ev = s.event(event_id)
        if ev is None:
            raise NotFound(Errors.E803.format(what="event", id=event_id))
        return render(request, "event.html", title=charts.describe_event(ev), ev=ev)

    @app.get("/api", include_in_schema=False)
    def api_page(request: Request):
        return render(request, "api.html", title="HTTP API", schema=app.openapi())

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        data = (Path(__file__).parent / "static" / "favicon.svg").read_bytes()
        return Response(data, media_type="image/svg+xml")

    return app


def _role_bars(roles: list[dict[str, Any]], width: int = 960, label: int = 300) -> dict[str, Any]:
    """Roles over time as bars from first to last seen (ISO dates)."""
    import datetime as dt

    dated = [(r, dt.date.fromisoformat(r["first_seen"]), dt.date.fromisoformat(r["last_seen"]))
             for r in roles if r.get("first_seen") and r.get("last_seen")]
    if not dated:
        return {"bars": [], "width": width, "height": 0, "ticks": []}
    lo = min(d for _, d, _ in dated) - dt.timedelta(1)
    hi = max(d for _, _, d in dated) + dt.timedelta(1)
    span = max(1, (hi - lo).days)
    plot = width - label - 20

    def x(d):
        return round(label + plot * (d - lo).days / span, 1)

    bars = [{"role": r["role"] if len(r["role"]) <= 44 else r["role"][:43] + "…",
             "x": x(a), "w": max(4.0, round(x(b) - x(a), 1)), "y": 8 + i * 22,
             "title": f"{r['role']}: {r['first_seen']} … {r['last_seen']} ({r['n_articles']} article(s))"}
            for i, (r, a, b) in enumerate(dated)]
    ticks = [{"x": x(d), "label": t} for d, t in charts.ticks(lo, hi, 6) if x(d) <= width - 36]
    return {"bars": bars, "width": width, "height": 8 + 22 * len(bars) + 24, "ticks": ticks,
            "axis": 8 + 22 * len(bars)}
