"""The pieces behind the pages: text highlighting, chart geometry, links (issue 8)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pourparlers.model import Quote, Span, Timex
from pourparlers.web.app import article_href, host_of, href, safe_url, seg
from pourparlers.web.charts import interactions, network_chart, timeline_chart
from pourparlers.web.highlight import Mark, marks, pieces

from fixtures.web_records import collection, hostile

# ------------------------------------------------------------------ highlighting


@st.composite
def text_and_marks(draw):
    text = draw(st.text(alphabet="abc «»\n<>&é", min_size=1, max_size=60))
    n = len(text)
    spans = []
    for i in range(draw(st.integers(0, 8))):
        a = draw(st.integers(0, n - 1))
        b = draw(st.integers(a + 1, n))
        kind = draw(st.sampled_from(["ev", "q", "tx", "m"]))
        spans.append(Mark(a, b, kind, ref=f"r{i}", classes=(kind, f"c{i}"), note=f"n{i}"))
    return text, spans


@settings(max_examples=200, deadline=None)
@given(text_and_marks(), st.integers(0, 8))
def test_pieces_give_the_text_back_and_mark_exactly_the_focus(data, focus_index):
    text, spans = data
    focus = f"r{focus_index}"
    ps = pieces(text, spans, focus)
    assert "".join(p.text for p in ps) == text
    assert all(p.text for p in ps)
    pos = 0
    covered = set()
    for p in ps:
        for m in spans:
            inside = m.start <= pos and pos + len(p.text) <= m.end
            assert (m.classes[1] in p.classes) == inside  # the classes of exactly the covering marks
            assert (m.note in p.notes) == inside
            if inside and m.ref == focus:
                covered.update(range(pos, pos + len(p.text)))
        assert p.focus == any(m.ref == focus and m.start <= pos < m.end for m in spans)
        pos += len(p.text)
    target = [m for m in spans if m.ref == focus]
    assert covered == {i for m in target for i in range(m.start, m.end)}
    anchors = [a for p in ps for a in p.anchors]
    assert sorted(anchors) == sorted(m.ref for m in spans)


def test_marks_skip_spans_that_do_not_match_the_text():
    rec = collection()[0]
    good = len(marks(rec))
    rec.quotes.append(Quote(id="q9", text="pas dans le texte", start=3, end=20, kind="direct"))
    rec.timexes.append(Timex(start=5, end=10_000, text="trop long", type="DATE", value=None))
    rec.events[0].trigger = Span(0, 4, "faux")
    assert len(marks(rec)) == good
    refs = {m.ref for m in marks(rec)}
    assert "ev-v1" in refs and "q-q1" in refs and "q-q9" not in refs


def test_marks_describe_events_and_quotes():
    rec = hostile()
    by_ref = {m.ref: m for m in marks(rec) if m.ref}
    assert by_ref["ev-v1"].note.startswith("event CONSULT: Paul")
    assert "quotation (direct) by Paul" in by_ref["q-q1"].note
    assert rec.article.text[by_ref["q-q1"].start:by_ref["q-q1"].end] == rec.quotes[0].text


# ------------------------------------------------------------------ charts

def _event(id, type, date, actors=(), targets=(), modality="asserted"):
    return {"id": id, "type": type, "mode": None, "date": date, "modality": modality, "location": None,
            "n_sources": 1, "actors": [{"id": None, "name": a} for a in actors],
            "targets": [{"id": None, "name": t} for t in targets], "sources": []}


def test_timeline_places_days_as_points_and_months_as_bars():
    evs = [_event("a", "CONSULT", "2026-01-10"), _event("b", "CONSULT", "2026-03"),
           _event("c", "ACCUSE", "2026-02-01", modality="future"), _event("d", "ACCUSE", None),
           _event("e", "ACCUSE", "XXXX-04-01")]
    chart = timeline_chart(evs, lambda ev: f"/x/{ev['id']}")
    assert [lane.label for lane in chart.lanes] == ["CONSULT", "ACCUSE"]  # PLOVER order
    by_id = {m.event_id: m for m in chart.marks}
    assert set(by_id) == {"a", "b", "c"} and chart.undated == 2
    assert by_id["a"].width == 0 and by_id["b"].width > 20
    assert by_id["a"].x < by_id["c"].x < by_id["b"].x
    assert by_id["c"].tentative and not by_id["a"].tentative
    assert by_id["b"].href == "/x/b"
    assert chart.ticks and all(chart.left <= t.x <= chart.width for t in chart.ticks)
    assert timeline_chart([], str).empty


def test_timeline_stacks_events_of_the_same_day():
    evs = [_event(str(i), "CONSULT", "2026-01-10") for i in range(3)]
    ys = sorted(m.y for m in timeline_chart(evs, str).marks)
    assert len(set(ys)) == 3


def test_interactions_and_network_layout():
    evs = [_event("1", "CONSULT", "2026-01-01", ["A", "B", "C"]),  # a meeting with no host
           _event("2", "ACCUSE", "2026-01-02", ["A"], ["D"]),
           _event("3", "ACCUSE", "2026-01-03", ["A"], ["D"]),
           _event("4", "SUPPORT", "2026-01-04", ["E"], ["F"]),  # apart from the others
           _event("5", "PROTEST", "2026-01-05", ["G"])]  # alone: no interaction
    nodes, edges = interactions(evs)
    assert len(nodes) == 7
    assert {tuple(sorted(nodes[k].name for k in pair)) for pair in edges} == {
        ("A", "B"), ("A", "C"), ("B", "C"), ("A", "D"), ("E", "F")}
    ad = next(e for pair, e in edges.items() if {nodes[k].name for k in pair} == {"A", "D"})
    assert ad.events == 2 and ad.types == {"ACCUSE": 2}
    chart = network_chart(evs, lambda n: "/n", lambda a, b: "/e")
    assert {n.name for n in chart.nodes} == {"A", "B", "C", "D", "E", "F"} and chart.hidden_nodes == 1
    points = {(n.x, n.y) for n in chart.nodes}
    assert len(points) == 6
    assert all(0 < n.x < chart.width and 0 < n.y < chart.height for n in chart.nodes)
    again = network_chart(evs, lambda n: "/n", lambda a, b: "/e")
    assert [(n.x, n.y) for n in again.nodes] == [(n.x, n.y) for n in chart.nodes]  # deterministic
    assert len(network_chart(evs, str, lambda a, b: "", max_nodes=2).nodes) == 2


# ------------------------------------------------------------------ links

def test_links_encode_ids_and_keep_only_web_urls():
    assert seg("a/b?c#d e") == "a%2Fb%3Fc%23d%20e"
    assert href("/timeline", actor=["A B", "C"], type=None, since="") == "/timeline?actor=A+B&actor=C"
    assert article_href("x<y>", event="v1") == "/articles/x%3Cy%3E?event=v1#ev-v1"
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.example/x",
                "http:///nohost", "vbscript:x", None, ""):
        assert safe_url(bad) is None, bad


def test_host_header_parsing():
    assert host_of("127.0.0.1:8000") == "127.0.0.1"
    assert host_of("[::1]:8000") == "::1" and host_of("LOCALHOST") == "localhost"
    assert host_of("evil.example:80") == "evil.example"
