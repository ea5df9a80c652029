"""The web page as a user sees it: a real `pourparlers serve` process and headless Chromium (issue 8).

The store is a real DuckDB file, filled by `pourparlers ingest` on articles we
wrote (tests/fixtures/web_articles, a hostile JSONL line among them) and with
records built by hand (tests/fixtures/web_records.py), so that the pages have
events and quotations whatever the extraction finds today. One server and one
browser for the module. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import quote
from urllib.request import urlopen

import pytest

from fixtures.web_records import HOSTILE_ID, HOSTILE_TITLE, fill_store

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = Path(__file__).resolve().parent / "fixtures" / "web_articles"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.slow


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH", "")) if p)
    env.pop("POURPARLERS_DB", None)
    env.pop("POURPARLERS_STRICT", None)
    return env


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web-e2e") / "web.duckdb"
    res = subprocess.run([sys.executable, "-m", "pourparlers", "ingest", str(ARTICLES), "--db", str(path)],
                         capture_output=True, text=True, env=_env(), timeout=600)
    assert res.returncode == 0, res.stderr
    assert "3 new" in res.stderr
    fill_store(path)
    return path


@pytest.fixture(scope="module")
def server(db):
    """``pourparlers serve --port 0`` in its own process; yields its base URL."""
    proc = subprocess.Popen([sys.executable, "-m", "pourparlers", "serve", "--db", str(db), "--port", "0"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env())
    url = None
    log: list[str] = []
    for line in proc.stderr:
        log.append(line)
        m = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
        if m:
            url = m.group(1)
            break
    assert url, "".join(log)
    # keep reading the server's log so that it never blocks on a full pipe
    threading.Thread(target=lambda: log.extend(proc.stderr), daemon=True).start()
    yield url
    proc.terminate()
    proc.wait(timeout=30)
    assert not any("Traceback" in line for line in log), "".join(log)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Visit:
    """A browser page that records console errors, page errors and failed requests."""

    def __init__(self, browser, base: str) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url}"))
        self.page.on("response", lambda r: r.status >= 400 and self.errors.append(f"{r.status}: {r.url}"))

    def go(self, path: str):
        response = self.page.goto(self.base + path)
        assert response is not None and response.status == 200, (path, response and response.status)
        return self.page

    def pwned(self):
        return self.page.evaluate("() => window.__pwned")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser, server):
    v = Visit(browser, server)
    yield v
    v.close()


def api(server: str, path: str) -> dict:
    with urlopen(server + path, timeout=30) as r:
        return json.load(r)


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5000
    return path


def marks_shown(page) -> list[str]:
    return page.locator("#timeline-chart .ev-mark").evaluate_all("els => els.map(e => e.dataset.event)")


# ------------------------------------------------------------------ every page

def page_paths(server: str) -> list[str]:
    vidal = api(server, "/api/actors?name=vidal")["items"][0]["id"]
    ev = api(server, "/api/events?type=SUPPORT")["items"][0]["id"]
    return ["/", "/timeline", "/timeline?actor=Nowicki&since=2026-02", "/network", "/network?type=CONSULT",
            "/actors", "/actors?type=ORG", f"/actors/{quote(vidal, safe='')}", "/quotes",
            "/quotes?contains=dialogue", "/articles", "/articles/web-addis?event=v1",
            "/articles/2026-03-20-conseil-regional", f"/events/{quote(ev, safe='')}", "/api"]


def test_every_page_loads_without_console_errors(visit, server):
    for path in page_paths(server):
        page = visit.go(path)
        page.wait_for_load_state("load")
        assert page.locator("main h1").count() == 1, path
    assert visit.errors == []


# ------------------------------------------------------------------ timeline

def test_timeline_chart_renders(visit):
    page = visit.go("/timeline")
    svg = page.locator("svg#timeline-chart")
    box = svg.bounding_box()
    assert box and box["width"] > 600 and box["height"] > 100
    marks = marks_shown(page)
    assert len(marks) >= 8 and len(set(marks)) == len(marks)
    lanes = page.locator("#timeline-chart .lane-label").all_text_contents()
    assert {"CONSULT", "ACCUSE", "SUPPORT", "PROTEST", "AGREE", "SANCTION"} <= set(lanes)
    circle = page.locator("#timeline-chart .ev-mark circle").first.bounding_box()
    assert circle and circle["width"] > 5  # drawn, not collapsed
    shot(page, "timeline")
    assert visit.errors == []


def test_filtering_the_timeline_by_actor_changes_what_is_shown(visit):
    page = visit.go("/timeline")
    everything = set(marks_shown(page))
    page.fill("form.filters input[name=actor]", "Lars Berg")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert "actor=Lars+Berg" in page.url
    berg = set(marks_shown(page))
    assert berg and berg < everything and len(berg) == 3
    titles = page.locator("#timeline-chart .ev-mark title").all_text_contents()
    assert all("Lars Berg" in t for t in titles)
    assert page.locator("table.events tbody tr").count() == 3
    # a type chosen in the menu applies at once (the page's own script)
    with page.expect_navigation():
        page.select_option("form.filters select[name=type]", "SANCTION")
    assert "type=SANCTION" in page.url
    assert len(marks_shown(page)) == 1
    shot(page, "timeline-berg-sanction")
    assert visit.errors == []


# ------------------------------------------------------------------ network

def test_network_graph_renders_and_links(visit):
    page = visit.go("/network")
    svg = page.locator("svg#network-chart")
    box = svg.bounding_box()
    assert box and box["width"] > 600 and box["height"] > 300
    labels = page.locator("#network-chart .node text").all_text_contents()
    assert {"Clara Vidal", "Tomasz Nowicki", "Lars Berg", "Amina Diallo"} <= set(labels)
    assert page.locator("#network-chart .edge line").count() >= 3
    nodes = page.locator("#network-chart .node circle")
    centres = {(round(b["x"]), round(b["y"])) for b in (nodes.nth(i).bounding_box() for i in range(nodes.count()))}
    assert len(centres) == nodes.count()  # laid out, not piled up
    shot(page, "network")
    # the line between Berg and Nowicki lists their three events
    edge = page.locator("#network-chart .edge", has=page.locator("title", has_text="Lars Berg")).filter(
        has=page.locator("title", has_text="Tomasz Nowicki"))
    assert edge.count() == 1
    assert "1 ACCUSE" in edge.locator("title").text_content()
    with page.expect_navigation():
        edge.locator("line").dispatch_event("click")
    assert "/timeline" in page.url
    assert len(marks_shown(page)) == 3
    # an actor's node opens the actor page
    visit.go("/network")
    with page.expect_navigation():
        page.locator("#network-chart .node", has_text="Amina Diallo").locator("circle").click()
    assert "/actors/" in page.url
    assert page.locator("h1").inner_text().startswith("Amina Diallo")
    assert "Le dialogue reste notre meilleure arme" in page.locator("ul.quotes").inner_text()
    shot(page, "actor")
    assert visit.errors == []


# ------------------------------------------------------------------ evidence

def _focused(page) -> str:
    return "".join(page.locator("#article-text mark.focus").all_text_contents())


def test_clicking_an_event_opens_the_article_with_the_evidence_highlighted(visit, server):
    ev = api(server, "/api/events?type=SANCTION")["items"][0]
    evidence = ev["sources"][0]["evidence"]["text"]
    page = visit.go("/timeline?type=SANCTION")
    with page.expect_navigation():
        page.locator("#timeline-chart .ev-mark circle").first.click()
    assert "/articles/web-amende" in page.url and "event=" in page.url
    assert _focused(page) == evidence
    mark = page.locator("#article-text mark.focus").first
    mark_box = mark.bounding_box()
    assert mark_box and 0 <= mark_box["y"] < 900  # scrolled into view
    assert page.locator("#article-events li.current").count() == 1
    shot(page, "article")
    assert visit.errors == []


def test_event_list_and_quotation_search_link_to_their_evidence(visit, server):
    page = visit.go("/timeline?actor=Diallo")
    with page.expect_navigation():
        page.locator("table.events tbody tr", has_text="CONSULT").locator("a.evidence-link").click()
    assert _focused(page).startswith("La présidente de la Commission de l'Union africaine, Amina Diallo")
    # from the article's own list of quotations
    with page.expect_navigation():
        page.locator("#article-quotes a.fact-link").first.click()
    assert _focused(page) == "Le dialogue reste notre meilleure arme"
    # from the quotation search
    page = visit.go("/quotes?contains=injuste")
    assert page.locator("#quote-results li").count() == 1
    with page.expect_navigation():
        page.locator("#quote-results a.evidence-link").click()
    assert _focused(page) == "Cette politique est injuste et dangereuse"
    shot(page, "article-quote")
    # the article ingested through the pipeline shows its text, dates and names
    page = visit.go("/articles/2026-03-20-conseil-regional")
    assert "Nous avons obtenu des garanties" in page.locator("#article-text").inner_text()
    assert visit.errors == []


# ------------------------------------------------------------------ hostile article

def test_hostile_article_shows_as_text_and_never_runs(visit, server):
    hostile = "/articles/" + quote(HOSTILE_ID, safe="")
    ev = api(server, "/api/events?actor=Marchand")["items"][0]["id"]
    paths = [hostile, hostile + "?event=v1", hostile + "?quote=q1", "/articles/courrier-piege", "/",
             "/articles", "/quotes", "/quotes?contains=refuse", "/timeline", "/network", "/actors",
             f"/events/{quote(ev, safe='')}"]
    for path in paths:
        page = visit.go(path)
        page.mouse.move(10, 10)
        for text in page.locator("#article-text b, #article-text span.m").all()[:5]:
            text.hover()  # an onmouseover that got through would fire now
        assert visit.pwned() is None, path
        assert page.locator("main img, main iframe, main object").count() == 0, path
        assert page.locator("a[href^='javascript' i]").count() == 0, path
        assert page.locator("script").count() == 1, path  # ours only
    page = visit.go(hostile)
    assert page.locator("#article-title").inner_text() == HOSTILE_TITLE
    text = page.locator("#article-text").inner_text()
    assert "<script>window.__pwned = 'text'</script>" in text
    assert "</script><script>window.__pwned = 'quote'</script>" in text
    assert "javascript:window.__pwned='url'" in page.locator("p.meta").inner_text()  # not a link
    shot(page, "hostile-article")
    page = visit.go("/articles/courrier-piege")
    assert page.locator("#article-title").inner_text() == "<script>window.__pwned = 'jsonl'</script> Un titre <b>gras</b> & piégé"
    assert "<script>window.__pwned = 'jsonl-text'</script>" in page.locator("#article-text").inner_text()
    assert visit.pwned() is None
    assert visit.errors == []


def test_a_missing_store_is_explained_on_the_page(browser, tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "pourparlers", "serve", "--db", str(tmp_path / "none.duckdb"),
                             "--port", "0"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env())
    try:
        url = None
        lines = []
        for line in proc.stderr:
            lines.append(line)
            if m := re.search(r"at (http://127\.0\.0\.1:\d+)/", line):
                url = m.group(1)
                break
        assert url, lines
        assert any("[W801]" in line for line in lines)
        context = browser.new_context()
        page = context.new_page()
        response = page.goto(url + "/timeline")
        assert response.status == 503
        assert "no store at" in page.locator("#error-message").inner_text()
        context.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
