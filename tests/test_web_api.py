"""The HTTP API and the pages, through FastAPI's TestClient over a real DuckDB file (issue 8).

The store is filled from records built by hand (tests/fixtures/web_records.py):
six articles of our own with seven events and four quotations, and a hostile
article. Every endpoint, its filters, its paging, and its bad parameters (400
with a clear message, never 500).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import warnings
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fixtures.web_records import HOSTILE_ID, HOSTILE_QUOTE, HOSTILE_TITLE, collection, fill_store, hostile

ROOT = Path(__file__).resolve().parents[1]

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH", "")) if p)
    env.pop("POURPARLERS_DB", None)
    return env


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web-api") / "web.duckdb"
    fill_store(path)
    return path


@pytest.fixture(scope="module")
def client(db):
    from pourparlers.web import create_app

    with TestClient(create_app(db)) as c:  # a server error raises in the test
        yield c


def ok(client, url: str) -> dict:
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    return r.json()


def bad(client, url: str, code: str = "E800", status: int = 400) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    msg = r.json()["error"]
    assert msg.startswith(f"[{code}] "), msg
    return msg


def types(page: dict) -> list[str]:
    return [e["type"] for e in page["items"]]


# ------------------------------------------------------------------ events

def test_status_counts_what_the_store_holds(client):
    s = ok(client, "/api/status")
    assert s["ok"] is True
    assert s["articles"] == 7 and s["quotes"] == 5 and s["events"] == 8


def test_events_all_in_date_order_with_sources_and_evidence(client):
    page = ok(client, "/api/events")
    assert page["total"] == 8 and page["offset"] == 0 and page["limit"] == 50
    dates = [e["date"] for e in page["items"]]
    assert dates == sorted(dates)
    for e in page["items"]:
        src = e["sources"][0]
        assert src["evidence"]["text"] and src["article_id"]


def test_events_filters(client):
    assert sorted(types(ok(client, "/api/events?actor=Berg"))) == ["ACCUSE", "AGREE", "SANCTION"]
    # two actors: events involving both
    assert sorted(types(ok(client, "/api/events?actor=Berg&actor=Vidal"))) == []
    assert sorted(types(ok(client, "/api/events?actor=Vidal&actor=Diallo"))) == ["CONSULT", "SUPPORT"]
    assert types(ok(client, "/api/events?type=consult")) == ["CONSULT"] * 3
    assert types(ok(client, "/api/events?type=CONSULT&mode=visit")) == ["CONSULT"]
    assert sorted(types(ok(client, "/api/events?since=2026-02&until=2026-02"))) == ["ACCUSE", "CONSULT", "SUPPORT"]
    assert types(ok(client, "/api/events?since=2026-03-20")) == ["SANCTION", "AGREE"]


def test_events_paging(client):
    first = ok(client, "/api/events?limit=3")
    second = ok(client, "/api/events?limit=3&offset=3")
    assert first["total"] == second["total"] == 8
    assert len(first["items"]) == 3 and len(second["items"]) == 3
    assert [e["ordinal"] for e in first["items"] + second["items"]] == [1, 2, 3, 4, 5, 6]
    past = ok(client, "/api/events?offset=100")
    assert past["items"] == [] and past["total"] == 8  # still the number of matches


def test_event_by_id(client):
    ev = ok(client, "/api/events?type=SANCTION")["items"][0]
    one = ok(client, f"/api/events/{quote(ev['id'], safe='')}")
    assert one["id"] == ev["id"] and one["sources"][0]["evidence"] == ev["sources"][0]["evidence"]
    bad(client, "/api/events/ev:nothing", "E803", 404)


@pytest.mark.parametrize("query, name", [
    ("since=abc", "since"), ("until=2026-13", "until"), ("since=2026-04&until=2026-01", "until"),
    ("limit=0", "limit"), ("limit=501", "limit"), ("limit=ten", "limit"), ("offset=-1", "offset"),
    ("type=MEETING", "type"), ("actor=" + "x" * 201, "actor"), ("actor=a%00b", "actor"),
    ("actor=a&actor=b&actor=c&actor=d&actor=e&actor=f", "actor"),
])
def test_events_bad_parameters_are_400_naming_the_parameter(client, query, name):
    msg = bad(client, f"/api/events?{query}")
    assert f"invalid value for {name}" in msg


# ------------------------------------------------------------------ quotes, actors, timeline

def test_quotes_filters_and_paging(client):
    assert [q["speaker"] for q in ok(client, "/api/quotes?speaker=Vidal")["items"]] == ["Clara Vidal"]
    found = ok(client, "/api/quotes?contains=DIALOGUE")["items"]
    assert [q["text"] for q in found] == ["Le dialogue reste notre meilleure arme"]
    assert ok(client, "/api/quotes?contains=laisse de cote")["total"] == 1  # accents ignored
    assert ok(client, "/api/quotes?since=2026-03")["total"] == 2
    page = ok(client, "/api/quotes?limit=2&offset=1")
    assert page["total"] == 5 and len(page["items"]) == 2 and page["offset"] == 1
    q = found[0]
    rec = ok(client, f"/api/articles/{quote(q['article_id'], safe='')}")
    assert rec["text"][q["start"]:q["end"]] == q["text"]
    bad(client, "/api/quotes?since=hier")
    bad(client, "/api/quotes?limit=-5")


def test_actors_and_actor(client):
    page = ok(client, "/api/actors?name=berg")
    assert [a["name"] for a in page["items"]] == ["Lars Berg"]
    actor = page["items"][0]
    assert actor["roles"][0]["role"] == "commissaire européen au Commerce"
    assert {a["type"] for a in ok(client, "/api/actors?type=org")["items"]} == {"ORG"}
    assert ok(client, f"/api/actors/{quote(actor['id'], safe='')}")["name"] == "Lars Berg"
    bad(client, "/api/actors/per:nobody", "E803", 404)
    bad(client, "/api/actors?type=PERSON")


def test_speakers_most_quoted_first(client):
    page = ok(client, "/api/speakers?limit=10")
    assert page["total"] == 5
    assert all(s["n_quotes"] == 1 for s in page["items"])
    assert "Clara Vidal" in [s["name"] for s in page["items"]]


def test_timeline(client):
    items = ok(client, "/api/timeline?actor=Clara%20Vidal")["items"]
    kinds = [i["kind"] for i in items]
    assert kinds.count("event") == 3 and kinds.count("quote") == 1
    assert ok(client, "/api/timeline?actor=Vidal&since=2026-02")["total"] < len(items)
    bad(client, "/api/timeline", "E806")
    bad(client, "/api/timeline?actor=%20", "E806")
    bad(client, "/api/timeline?actor=Vidal&until=demain")


# ------------------------------------------------------------------ articles and graph

def test_articles_and_record(client):
    page = ok(client, "/api/articles?limit=2")
    assert page["total"] == 7 and len(page["items"]) == 2
    assert [a["published"] for a in page["items"]] == ["2026-03-28", "2026-03-11"]  # newest first
    rec = ok(client, "/api/articles/web-addis")
    assert rec["schema"] == 1 and len(rec["events"]) == 2
    for ev in rec["events"]:
        span = ev["evidence"]
        assert rec["text"][span["start"]:span["end"]] == span["text"]
    bad(client, "/api/articles/nothing-here", "E803", 404)


def test_hostile_record_comes_back_unchanged_as_json(client):
    rec = ok(client, "/api/articles/" + quote(HOSTILE_ID, safe=""))
    assert rec["id"] == HOSTILE_ID and rec["title"] == HOSTILE_TITLE
    assert rec["quotes"][0]["text"] == HOSTILE_QUOTE


def test_graph(client):
    g = ok(client, "/api/graph")
    names = {n["name"] for n in g["nodes"]}
    assert {"Clara Vidal", "Tomasz Nowicki", "Lars Berg", "Amina Diallo"} <= names
    assert "Force commune" not in names  # demonstrated alone: no interaction
    by_pair = {frozenset((e["source"], e["target"])): e for e in g["edges"]}
    ids = {n["name"]: n["id"] for n in g["nodes"]}
    berg_nowicki = by_pair[frozenset((ids["Lars Berg"], ids["Tomasz Nowicki"]))]
    assert berg_nowicki["types"] == {"ACCUSE": 1, "AGREE": 1, "SANCTION": 1}
    assert by_pair[frozenset((ids["Clara Vidal"], ids["Amina Diallo"]))]["types"] == {"CONSULT": 1, "SUPPORT": 1}
    assert g["events"] == 8 and g["truncated"] is False
    only = ok(client, "/api/graph?type=SANCTION")
    assert len(only["edges"]) == 1
    assert len(ok(client, "/api/graph?nodes=2")["nodes"]) == 2
    bad(client, "/api/graph?nodes=0")
    bad(client, "/api/graph?type=WAR")


def test_openapi_describes_every_endpoint(client):
    schema = ok(client, "/api/openapi.json")
    paths = set(schema["paths"])
    for p in ("/api/events", "/api/events/{event_id}", "/api/quotes", "/api/actors", "/api/actors/{actor_id}",
              "/api/timeline", "/api/articles", "/api/articles/{article_id}", "/api/graph", "/api/status",
              "/api/speakers"):
        assert p in paths, p
    params = {p["name"]: p for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "type", "since", "until", "mode", "limit", "offset"} <= set(params)
    assert all(p.get("description") for p in params.values())
    assert not any(p.startswith("/timeline") or p == "/" for p in paths)  # pages are not API
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["/api/events", "/api/quotes", "/api/timeline", "/api/actors", "/api/graph",
                        "/timeline", "/quotes", "/network", "/actors"]),
       st.dictionaries(st.sampled_from(["actor", "type", "since", "until", "limit", "offset", "speaker",
                                        "contains", "name", "mode", "nodes"]),
                       st.text(max_size=12), max_size=4))
def test_any_parameters_give_200_or_400_never_500(client, path, params):
    r = client.get(path, params=params)
    assert r.status_code in (200, 400), (path, params, r.status_code, r.text[:300])
    if r.status_code == 400 and path.startswith("/api/"):
        assert re.match(r"\[E80\d\] ", r.json()["error"])


# ------------------------------------------------------------------ pages and security

PAGES = ["/", "/timeline", "/timeline?actor=Berg&type=ACCUSE", "/network", "/network?since=2026-02",
         "/actors", "/actors?name=vidal&type=PER", "/quotes", "/quotes?speaker=Diallo&contains=dialogue",
         "/articles", "/articles/web-addis?event=v2", "/api"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_answer_html_with_a_strict_policy(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    audit(r.text)


class _Audit(HTMLParser):
    """Every tag and attribute of a page, as the browser parses it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src") != "/static/app.js":
            self.problems.append(f"script {a}")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.problems.append(f"{tag} {name}={value!r}")
            if name in ("href", "src", "action") and value:
                v = value.strip().lower()
                if v.startswith(("http://", "https://", "//")):
                    if tag != "a" or "noopener" not in a.get("rel", ""):
                        self.problems.append(f"external {tag} {name}={value!r}")
                elif ":" in v.split("/")[0].split("?")[0].split("#")[0]:
                    self.problems.append(f"{tag} {name}={value!r}")  # javascript:, data:...


def audit(html: str) -> None:
    """No script but ours, no event handler, no inline style, no foreign resource, no
    ``javascript:`` link; article links (http(s) only) open without referrer."""
    p = _Audit()
    p.feed(html)
    assert not p.problems, p.problems


def test_actor_and_event_pages(client):
    actor = ok(client, "/api/actors?name=diallo")["items"][0]
    html = client.get(f"/actors/{quote(actor['id'], safe='')}").text
    assert "Amina Diallo" in html and "Le dialogue reste notre meilleure arme" in html
    assert "présidente de la Commission de l&#39;Union africaine" in html
    ev = ok(client, "/api/events?type=SUPPORT")["items"][0]
    r = client.get(f"/events/{quote(ev['id'], safe='')}")
    assert r.status_code == 200 and "La ministre française a salué" in r.text


def test_page_bad_parameters_and_unknown_ids(client):
    r = client.get("/timeline?since=yesterday")
    assert r.status_code == 400 and "[E800] invalid value for since" in r.text
    r = client.get("/articles/no-such-article")
    assert r.status_code == 404 and "[E803]" in r.text
    r = client.get("/no/such/page")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]


def test_hostile_article_is_escaped_everywhere(client):
    url = "/articles/" + quote(HOSTILE_ID, safe="")
    pages = [url, url + "?quote=q1", url + "?event=v1", "/", "/articles", "/quotes", "/timeline", "/network",
             "/quotes?contains=refuse"]
    for p in pages:
        html = client.get(p).text
        audit(html)
        assert "<script>window" not in html and "<img src=x" not in html and "<b onmouseover" not in html, p
        assert "<svg onload" not in html and 'href="javascript:' not in html.lower(), p
    article = client.get(url).text
    assert "&lt;script&gt;window.__pwned = &#39;title&#39;&lt;/script&gt;" in article
    assert "&lt;/script&gt;&lt;script&gt;window.__pwned = &#39;quote&#39;&lt;/script&gt;" in article
    assert "javascript:window.__pwned=&#39;url&#39;" in article  # shown as text, not a link


def test_article_page_text_is_the_record_text(client):
    import html as htmlmod

    rec = ok(client, "/api/articles/web-varsovie")
    page = client.get("/articles/web-varsovie?quote=q1").text
    body = re.search(r'<div class="text" id="article-text">(.*?)</div>', page, flags=re.S).group(1)
    assert htmlmod.unescape(re.sub(r"<[^>]+>", "", body)) == rec["text"]
    focus = "".join(re.findall(r'<mark class="[^"]*focus[^"]*"[^>]*>(.*?)</mark>', body))
    assert htmlmod.unescape(focus) == rec["quotes"][0]["text"]


# ------------------------------------------------------------------ the store missing or busy

def test_missing_store_is_503_with_a_clear_message(tmp_path):
    from pourparlers.web import create_app

    with TestClient(create_app(tmp_path / "none.duckdb")) as c:
        r = c.get("/api/events")
        assert r.status_code == 503 and "[E804]" in r.json()["error"] and "[E502]" in r.json()["error"]
        assert r.headers["retry-after"]
        page = c.get("/")
        assert page.status_code == 503 and "no store at" in page.text and "Traceback" not in page.text


HOLD = """
import sys, time
from pourparlers.store import Store
store = Store(sys.argv[1])  # a writer: DuckDB's lock on the file
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
store.close()
print("released", flush=True)
"""


def _holder(db: Path, seconds: float) -> subprocess.Popen:
    env = _env()
    env["PYTHONPATH"] += os.pathsep + str(ROOT / "tests")
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE,
                            text=True, env=env)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_store_busy_with_a_writer_is_503_then_back(tmp_path):
    from pourparlers.web import create_app

    db = tmp_path / "busy.duckdb"
    fill_store(db)
    with TestClient(create_app(db)) as c:
        assert c.get("/api/status").status_code == 200
        from pourparlers.store import Store

        # held longer than a reader waits for a writer's batch (Store.READER_LOCK_WAIT)
        proc = _holder(db, 2 * Store.READER_LOCK_WAIT + 2)
        try:
            r = c.get("/api/events")
            assert r.status_code == 503, r.text
            assert "[E503]" in r.json()["error"] and "another pourparlers process" in r.json()["error"]
            page = c.get("/timeline")
            assert page.status_code == 503 and "Store not available" in page.text
        finally:
            proc.wait(timeout=60)
        assert c.get("/api/events").status_code == 200  # the next request opens it again


INGEST = """
import sys, time
from pourparlers.store import Store
from fixtures.web_records import collection, hostile
for i, rec in enumerate(collection()):
    with Store(sys.argv[1]) as store:
        store.ingest_records([rec])
    time.sleep(0.05)
print("done", flush=True)
"""


def test_requests_during_an_ingest_in_another_process_never_fail(tmp_path):
    """An ingest writes article by article while the API is queried: each answer is
    200 or 503, and once the ingest is over everything is there."""
    from pourparlers.web import create_app

    db = tmp_path / "live.duckdb"
    from pourparlers.store import Store
    with Store(db) as store:
        store.ingest_records([hostile()])
    env = _env()
    env["PYTHONPATH"] += os.pathsep + str(ROOT / "tests")
    seen = set()
    with TestClient(create_app(db)) as c:
        proc = subprocess.Popen([sys.executable, "-c", INGEST, str(db)], stdout=subprocess.PIPE, text=True, env=env)
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            r = c.get("/api/events?limit=1")
            assert r.status_code in (200, 503), r.text
            seen.add(r.status_code)
            time.sleep(0.01)
        assert proc.wait(timeout=60) == 0, "the ingest failed while the server read the store"
        assert c.get("/api/status").json()["articles"] == 7
    assert 200 in seen


# ------------------------------------------------------------------ serve

def test_serve_refuses_a_non_loopback_address(tmp_path):
    res = subprocess.run([sys.executable, "-m", "pourparlers", "serve", "--db", str(tmp_path / "x.duckdb"),
                          "--host", "0.0.0.0", "--port", "0"], capture_output=True, text=True, env=_env(),
                         timeout=120)
    assert res.returncode == 2
    assert "[E801] refusing to listen on 0.0.0.0" in res.stderr and "--allow-remote" in res.stderr
    assert "Traceback" not in res.stderr


def test_loopback_addresses():
    from pourparlers.web.cli import is_loopback

    assert is_loopback("127.0.0.1") and is_loopback("127.8.0.1") and is_loopback("::1")
    assert is_loopback("localhost") and is_loopback("[::1]")
    assert not is_loopback("0.0.0.0") and not is_loopback("::") and not is_loopback("192.168.1.10")
    assert not is_loopback("example.org")


def test_serve_reports_a_port_in_use(tmp_path):
    from pourparlers.errors import UsageError
    from pourparlers.web.cli import bind

    sock = bind("127.0.0.1", 0)
    try:
        with pytest.raises(UsageError, match=r"\[E802\] cannot listen on 127.0.0.1"):
            bind("127.0.0.1", sock.getsockname()[1])
    finally:
        sock.close()


def test_only_the_expected_host_names_are_served(db):
    """A page elsewhere cannot reach the store through DNS rebinding."""
    from pourparlers.web import create_app

    app = create_app(db, hosts=["127.0.0.1", "localhost", "::1"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/status").status_code == 200
        assert c.get("/", headers={"host": "localhost:8000"}).status_code == 200
        assert c.get("/", headers={"host": "[::1]:8000"}).status_code == 200
        r = c.get("/api/events", headers={"host": "rebound.example:8000"})
        assert r.status_code == 400 and r.json()["error"].startswith("[E808]")
        page = c.get("/", headers={"host": "rebound.example"})
        assert page.status_code == 400 and "does not answer for the host" in page.text
