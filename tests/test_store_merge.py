"""Cross-article event merge (issue 7): one real-world event, every report kept; conservative."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pourparlers.store import Store
from pourparlers.store.merge import EventItem, cluster_group, interval

from fixtures.records import OUCHAKOV, POUTINE, WITKOFF, make_record, meeting_records


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("value, lo, hi, precision", [
    ("2025-04-25", "2025-04-25", "2025-04-25", "day"),
    ("2025-04-25T15:00", "2025-04-25", "2025-04-25", "day"),
    ("2025-04", "2025-04-01", "2025-04-30", "month"),
    ("2024-02", "2024-02-01", "2024-02-29", "month"),
    ("2025", "2025-01-01", "2025-12-31", "year"),
    ("2025-W17", "2025-04-21", "2025-04-27", "week"),
    ("2025-Q2", "2025-04-01", "2025-06-30", "quarter"),
])
def test_date_values_are_intervals(value, lo, hi, precision):
    span = interval(value)
    assert (span.lo.isoformat(), span.hi.isoformat(), span.precision) == (lo, hi, precision)


@pytest.mark.parametrize("value", [None, "", "XXXX-04-25", "PRESENT_REF", "2025-13", "2025-02-30", "P1Y"])
def test_dates_that_cannot_be_placed(value):
    assert interval(value) is None


# ---------------------------------------------------------------- clustering one group

def item(article: str, date: str | None, published: str | None = None, mode: str | None = None,
         location: str | None = None, event: str = "v1", outlet: str | None = None, **kw) -> EventItem:
    return EventItem(article, event, "CONSULT", date=date, mode=mode, location=location,
                     published=published or (date if date and len(date) == 10 else "2025-04-30"),
                     outlet=outlet or article, **kw)


def groups(clusters) -> list[set[str]]:
    return sorted(({m.article_id for m in c.members} for c in clusters), key=sorted)


def test_same_day_and_compatible_month_merge():
    cs = cluster_group([item("a", "2025-04-25"), item("b", "2025-04-25", "2025-04-26"),
                        item("c", "2025-04", "2025-04-30")])
    assert groups(cs) == [{"a", "b", "c"}]
    s = cs[0].summary()
    assert s["date"] == "2025-04-25" and s["n_sources"] == 3 and s["first_article_id"] == "a"
    reasons = {m["article_id"]: m["reason"] for m in s["explanation"]["members"]}
    assert reasons == {"a": "first report", "b": "same day (2025-04-25)",
                       "c": "date 2025-04 contains 2025-04-25, the only compatible event"}
    assert "date (compatible with 2025-04-25)" in s["explanation"]["agreed"]


def test_a_month_that_fits_two_meetings_is_not_merged():
    cs = cluster_group([item("a", "2025-04-11"), item("b", "2025-04-25"), item("c", "2025-04", "2025-04-30")])
    assert groups(cs) == [{"a"}, {"b"}, {"c"}]
    (lone,) = [c for c in cs if c.members[0].article_id == "c"]
    s = lone.summary()
    assert len(s["explanation"]["ambiguous_with"]) == 2
    assert "fits 2 events" in s["explanation"]["members"][0]["reason"]


def test_a_report_cannot_precede_the_event():
    # published on 20 April, « en avril » can only be the meeting of the 11th
    cs = cluster_group([item("a", "2025-04-11"), item("b", "2025-04-25"), item("c", "2025-04", "2025-04-20")])
    assert groups(cs) == [{"a", "c"}, {"b"}]


def test_undated_events_are_never_merged():
    cs = cluster_group([item("a", None, "2025-04-25"), item("b", None, "2025-04-25"), item("c", "2025-04-25")])
    assert groups(cs) == [{"a"}, {"b"}, {"c"}]
    assert cs[0].summary()["explanation"]["members"][0]["reason"] == "no date: never merged"


def test_different_modes_on_one_day_stay_two_events():
    cs = cluster_group([item("a", "2025-04-25", mode="phone"), item("b", "2025-04-25", mode="visit"),
                        item("c", "2025-04-25", mode="visit")])
    assert groups(cs) == [{"a"}, {"b", "c"}]


def test_a_different_place_keeps_a_vague_date_apart():
    cs = cluster_group([item("a", "2025-04-25", location="Moscou"),
                        item("b", "2025-04", "2025-04-30", location="Riyad")])
    assert groups(cs) == [{"a"}, {"b"}]


def test_two_events_of_one_article_are_never_one():
    cs = cluster_group([item("a", "2025-04"), item("a", "2025-04", event="v2")])
    assert groups(cs) == [{"a"}, {"a"}]


def test_month_only_reports_merge_with_each_other():
    cs = cluster_group([item("a", "2025-04"), item("b", "2025-04")])
    assert groups(cs) == [{"a", "b"}] and cs[0].summary()["date"] == "2025-04"


def test_reprints_and_shared_sources_are_not_independent():
    cs = cluster_group([
        item("a", "2025-04-25", outlet="Agence", text_hash="h1"),
        item("b", "2025-04-25", outlet="Journal régional", text_hash="h1"),  # the same dispatch, reprinted
        item("c", "2025-04-25", outlet="Quotidien", text_hash="h2", attributed="Axios"),
        item("d", "2025-04-25", outlet="Hebdo", text_hash="h3", attributed="selon Axios"[6:]),
    ])
    s = cs[0].summary()
    assert (s["n_articles"], s["n_sources"], s["n_independent"]) == (4, 4, 2)


def test_merge_is_independent_of_input_order():
    items = [item("a", "2025-04-11"), item("b", "2025-04-25"), item("c", "2025-04", "2025-04-20"),
             item("d", "2025-04-25", "2025-04-27"), item("e", "2025", "2025-12-31"), item("f", None)]
    ref = groups(cluster_group(items))
    assert groups(cluster_group(list(reversed(items)))) == ref
    assert groups(cluster_group(items[2:] + items[:2])) == ref


# ---------------------------------------------------------------- in the store

@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "merge.duckdb") as s:
        s.ingest_records(meeting_records())
        yield s


def test_three_reports_are_one_event_and_a_week_later_is_another(store: Store):
    first, second = store.events(actor=["Poutine", "Witkoff"], type="CONSULT")
    assert (first["ordinal"], first["date"], first["n_sources"], first["n_articles"]) == (1, "2025-04-25", 3, 3)
    assert [s["article_id"] for s in first["sources"]] == ["quotidien-0425", "gazette-0426", "hebdo-0430"]
    assert {s["outlet"] for s in first["sources"]} == {"Le Quotidien du Matin", "La Gazette de l'Est",
                                                       "L'Hebdo international"}
    assert first["first_published"] == "2025-04-25" and first["first_article_id"] == "quotidien-0425"
    assert first["sources"][1]["attributed_to"] == "Kremlin"
    assert first["sources"][2]["evidence"]["text"].startswith("En avril, Steve Witkoff")
    assert {a["name"] for a in first["actors"] + first["targets"]} == {"Vladimir Poutine", "Steve Witkoff"}
    assert first["location"] == "Moscou"
    assert any(c.startswith("location") for c in first["explanation"]["conflicts"])  # Moscou / Kremlin
    assert (second["ordinal"], second["date"], second["n_sources"]) == (2, "2025-05-02", 1)
    assert second["location"] == "Saint-Pétersbourg"
    assert store.event(first["id"])["sources"] == first["sources"]


def test_the_nth_meeting_in_a_period(store: Store):
    assert [e["ordinal"] for e in store.events(actor=["Witkoff", "Poutine"], since="2025", until="2025")] == [1, 2]
    (may,) = store.events(actor=["Witkoff"], since="2025-05")
    assert may["date"] == "2025-05-02"
    (april,) = store.events(actor=["Witkoff"], until="2025-04-30")
    assert april["date"] == "2025-04-25"
    assert store.events(type="ACCUSE") == []


def test_other_participants_or_modality_are_other_events(store: Store):
    text = "Iouri Ouchakov a rencontré Vladimir Poutine le 25 avril. Witkoff ne verra pas Poutine le 25 avril."
    rec = make_record("autre-0426", text, published="2025-04-26", source="Le Soir",
                      entities=[OUCHAKOV, POUTINE, WITKOFF],
                      events=[dict(type="CONSULT", actors=["Iouri Ouchakov", "Vladimir Poutine"], date="2025-04-25",
                                   evidence="Iouri Ouchakov a rencontré Vladimir Poutine le 25 avril."),
                              dict(type="CONSULT", actors=["Steve Witkoff"], targets=["Vladimir Poutine"],
                                   date="2025-04-25", modality="negated",
                                   evidence="Witkoff ne verra pas Poutine le 25 avril.")])
    store.ingest_records([rec])
    dated = store.events(actor=["Poutine"], since="2025-04-25", until="2025-04-25")
    assert sorted((e["n_sources"], e["modality"]) for e in dated) == [(1, "asserted"), (1, "negated"), (3, "asserted")]


def test_removing_a_report_splits_nothing_else(store: Store):
    # the Gazette's report loses its date (same article, analysed again: hence force)
    rec = meeting_records()[1]
    rec.events[0].date = None
    assert store.ingest_records([rec]).unchanged == 1
    assert store.ingest_records([rec], force=True).replaced == 1
    first = store.events(actor=["Poutine", "Witkoff"])[0]
    assert first["n_sources"] == 2 and {s["article_id"] for s in first["sources"]} == {"quotidien-0425", "hebdo-0430"}
    assert len(store.events(actor=["Poutine", "Witkoff"])) == 3  # + the undated report, alone
    assert store.counts()["collection_event_links"] == store.counts()["events"]


def test_every_event_belongs_to_exactly_one_collection_event(store: Store):
    dup = store.con.execute("SELECT article_id, event_id, count(*) FROM collection_event_links "
                            "GROUP BY ALL HAVING count(*) > 1").fetchall()
    assert dup == []
    missing = store.con.execute("SELECT count(*) FROM events e ANTI JOIN collection_event_links l "
                                "USING (article_id, event_id)").fetchone()[0]
    assert missing == 0


def test_ordinal_follows_dates_not_ingest_order(tmp_path: Path):
    records = meeting_records()
    with Store(tmp_path / "o.duckdb") as s:
        s.ingest_records(records[::-1])
        dates = [e["date"] for e in s.events(actor=["Poutine"])]
    assert dates == sorted(dates) and dt.date.fromisoformat(dates[0]) < dt.date.fromisoformat(dates[1])
