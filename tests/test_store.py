"""The collection store (issue 7) on a real DuckDB file: ingest, replace, migrate, query, export."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import duckdb
import pytest

from pourparlers.errors import UsageError
from pourparlers.resolve import AliasEntry
from pourparlers.store import Store
from pourparlers.store.schema import V1

from fixtures.records import POUTINE, WITKOFF, make_record, meeting_records, people_records


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "collection.duckdb"


@pytest.fixture
def store(db: Path):
    with Store(db) as s:
        s.ingest_records(meeting_records())
        yield s


def per_article(s: Store, article_id: str) -> dict[str, int]:
    out = {}
    for t in ("entities", "mentions", "quotes", "events", "event_participants", "timexes", "entity_blocks"):
        out[t] = s.con.execute(f"SELECT count(*) FROM {t} WHERE article_id = ?", [article_id]).fetchone()[0]
    return out


# ---------------------------------------------------------------- ingest

def test_ingest_twice_changes_nothing(db: Path):
    with Store(db) as s:
        first = s.ingest_records(meeting_records())
        counts = s.counts()
    assert (first.new, first.replaced, first.unchanged) == (4, 0, 0)
    assert counts["articles"] == 4 and counts["mentions"] > 0 and counts["collection_events"] == 2
    with Store(db) as s:
        again = s.ingest_records(meeting_records())
        assert (again.new, again.replaced, again.unchanged) == (0, 0, 4)
        assert s.counts() == counts


def test_changed_article_replaces_its_rows(store: Store):
    before = store.counts()
    old = per_article(store, "hebdo-0430")
    rec = meeting_records()[2]
    text = rec.article.text + " Il est revenu en Russie début mai."
    changed = make_record("hebdo-0430", text, published="2025-05-03", source="L'Hebdo international",
                          entities=[WITKOFF, POUTINE, ("Russie", "LOC", [], [])],
                          events=[dict(type="CONSULT", mode="visit", actors=["Steve Witkoff"],
                                       targets=["Vladimir Poutine"], date="2025-05",
                                       evidence="En avril, Steve Witkoff s'est rendu à Moscou")])
    stats = store.ingest_records([changed])
    assert (stats.new, stats.replaced, stats.unchanged) == (0, 1, 0)
    assert store.counts()["articles"] == before["articles"]
    (stored_text,) = store.con.execute("SELECT text FROM articles WHERE article_id = 'hebdo-0430'").fetchone()
    assert stored_text == text
    new = per_article(store, "hebdo-0430")
    assert new["entities"] == old["entities"] + 1 and new["mentions"] == old["mentions"] + 1
    # the derived tables followed: the report now dates the meeting to May, not April
    (april, may) = store.events(actor=["Witkoff"], type="CONSULT")
    assert [s["article_id"] for s in april["sources"]] == ["quotidien-0425", "gazette-0426"]
    assert [s["article_id"] for s in may["sources"]] == ["quotidien-0502", "hebdo-0430"]
    assert store.record("hebdo-0430").to_dict() == changed.to_dict()


def test_records_come_back_as_they_went_in(store: Store):
    for rec in meeting_records():
        assert store.record(rec.article.id).to_dict() == rec.to_dict()
    assert store.record("nothing") is None


def test_same_id_twice_in_a_batch_keeps_the_later(db: Path):
    a, b = meeting_records()[0], copy.deepcopy(meeting_records()[0])
    b.article.title = "Titre corrigé"
    with Store(db) as s:
        stats = s.ingest_records([a, b])
        assert stats.new == 1 and s.counts()["articles"] == 1
        assert s.record(a.article.id).article.title == "Titre corrigé"


def test_force_stores_unchanged_articles_again(store: Store):
    counts = store.counts()
    stats = store.ingest_records(meeting_records(), force=True)
    assert stats.replaced == 4 and store.counts() == counts


# ---------------------------------------------------------------- opening and migrations

def _old_store(path: Path) -> None:
    """A store as version 1 of the schema wrote it, with one article."""
    con = duckdb.connect(str(path))
    for statement in V1.split(";"):
        if statement.strip():
            con.execute(statement)
    con.execute("INSERT INTO schema_version VALUES (1, now(), 'v1')")
    con.execute("INSERT INTO articles (article_id, published, text, content_hash, text_hash, ingested_at) "
                "VALUES ('old', DATE '2025-04-25', 'Vladimir Poutine a reçu Steve Witkoff.', 'h', 't', now())")
    con.execute("INSERT INTO entities VALUES ('old', 'e1', 'Vladimir Poutine', 'PER', [], []), "
                "('old', 'e2', 'Steve Witkoff', 'PER', [], [])")
    con.execute("INSERT INTO events (article_id, event_id, type, date, modality) "
                "VALUES ('old', 'v1', 'CONSULT', '2025-04-25', 'asserted')")
    con.execute("INSERT INTO event_participants VALUES ('old', 'v1', 'actor', 0, 'e2', 'e2', 'Steve Witkoff'), "
                "('old', 'v1', 'target', 0, 'e1', 'e1', 'Vladimir Poutine')")
    con.close()


def test_an_older_store_is_migrated_and_nothing_is_lost(db: Path):
    _old_store(db)
    with Store(db) as s:
        assert s.migrated_from == 1 and s.version == 2
        assert s.backup is not None and s.backup.exists()
        assert s.counts()["articles"] == 1 and s.counts()["entities"] == 2
        # the collection layer of version 2 was computed from the old rows
        assert {a["id"] for a in s.actors()} == {"per:vladimir-poutine", "per:steve-witkoff"}
        (ev,) = s.events(actor=["Poutine", "Witkoff"])
        assert ev["date"] == "2025-04-25"
        s.ingest_records(meeting_records())
        assert s.counts()["articles"] == 5
    with duckdb.connect(str(db.with_name(db.name + ".v1.bak")), read_only=True) as old:
        assert old.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 1


def test_read_only_open_migrates_too(db: Path):
    _old_store(db)
    with Store(db, read_only=True) as s:
        assert s.version == 2 and len(s.actors()) == 2


def test_a_newer_store_is_refused(db: Path):
    Store(db).close()
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO schema_version VALUES (99, now(), 'future')")
    with pytest.raises(UsageError, match=r"\[E501\].*99"):
        Store(db)


def test_what_is_not_a_store_is_refused(tmp_path: Path):
    text = tmp_path / "notes.duckdb"
    text.write_text("pas une base", encoding="utf-8")
    with pytest.raises(UsageError, match=r"\[E500\]"):
        Store(text)
    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("CREATE TABLE t (x INTEGER)")
    with pytest.raises(UsageError, match=r"\[E500\].*schema_version"):
        Store(other)
    with pytest.raises(UsageError, match=r"\[E502\]"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_default_path_comes_from_the_environment(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("POURPARLERS_DB", str(tmp_path / "env.duckdb"))
    with Store() as s:
        assert s.path == tmp_path / "env.duckdb"
    assert (tmp_path / "env.duckdb").exists()


# ---------------------------------------------------------------- queries

def test_actor_names_resolve_through_the_registry(store: Store):
    assert store.resolve_actor("Poutine")[0] == "per:vladimir-poutine"
    assert store.resolve_actor("vladimir poutine")[0] == "per:vladimir-poutine"
    assert store.resolve_actor("per:steve-witkoff") == ["per:steve-witkoff"]
    assert [e["date"] for e in store.events(actor="Poutine")] == ["2025-04-25", "2025-05-02"]
    assert len(store.events(actor=["Poutine", "Ouchakov"])) == 0
    (p,) = store.actors(name="poutin")
    assert p["name"] == "Vladimir Poutine" and p["n_articles"] == 4
    assert p["roles"] == [{"role": "président russe", "first_seen": "2025-04-25",
                           "last_seen": "2025-05-02", "n_articles": 3}]


def test_quotes_by_speaker_with_article_and_date(store: Store):
    qs = store.quotes(speaker="Ouchakov")
    assert [(q["article_id"], q["published"]) for q in qs] == [
        ("quotidien-0425", "2025-04-25"), ("gazette-0426", "2025-04-26"), ("quotidien-0502", "2025-05-02")]
    assert {q["speaker"] for q in qs} == {"Iouri Ouchakov"}
    assert qs[1]["speaker_name"] == "Ouchakov"  # as the article wrote it
    (q,) = store.quotes(speaker="Ouchakov", contains="ECHANGE")  # case and accents ignored
    assert q["text"].startswith("L'échange")
    assert store.quotes(speaker="Witkoff") == []


def test_user_values_are_never_sql(store: Store):
    nasty = "x'); DROP TABLE articles; --"
    assert store.actors(name=nasty) == []
    assert store.quotes(contains="%' OR 1=1 --") == []
    assert store.events(actor=[nasty]) == []
    assert store.counts()["articles"] == 4


def test_queries_are_paginated(store: Store):
    page = store.events(limit=1, offset=1)
    assert page.total == 2 and len(page) == 1 and page[0]["ordinal"] == 2
    assert store.actors(limit=2).total == store.counts()["actors"]
    assert len(store.quotes(limit=None)) == 3


def test_bad_dates_are_one_clear_error(store: Store):
    with pytest.raises(UsageError, match=r"\[E505\].*--since"):
        store.events(since="hier")


def test_timeline_mixes_events_quotes_and_roles_in_date_order(store: Store):
    items = store.timeline("Ouchakov")
    assert [(i["date"], i["kind"]) for i in items] == [
        ("2025-04-25", "quote"), ("2025-04-25", "role"), ("2025-04-26", "quote"), ("2025-05-02", "quote")]
    events = [i for i in store.timeline("Witkoff") if i["kind"] == "event"]
    assert [(e["date"], e["text"]) for e in events] == [("2025-04-25", "Vladimir Poutine"),
                                                       ("2025-05-02", "Vladimir Poutine")]
    assert len(store.timeline("Witkoff", since="2025-05")) == 1 + 0  # the May meeting only
    assert store.timeline("Witkoff", since="2025-05")[0]["date"] == "2025-05-02"


# ---------------------------------------------------------------- alias file

def test_alias_file_overrides_and_query_names_follow_it(store: Store):
    putin = make_record("wire-0425", "Vladimir Putin a reçu Steve Witkoff le 25 avril.",
                        published="2025-04-25", source="Agence anglophone",
                        entities=[("Vladimir Putin", "PER", [], []), WITKOFF],
                        events=[dict(type="CONSULT", actors=["Steve Witkoff"], targets=["Vladimir Putin"],
                                     date="2025-04-25", evidence="Vladimir Putin a reçu Steve Witkoff le 25 avril.")])
    store.ingest_records([putin])
    assert store.events(actor=["Poutine", "Witkoff"])[0]["n_sources"] == 3  # « Putin » is someone else
    changed = store.set_aliases([AliasEntry("Vladimir Poutine", ("Vladimir Putin",), "PER", "RU")])
    assert changed and not store.set_aliases([AliasEntry("Vladimir Poutine", ("Vladimir Putin",), "PER", "RU")])
    first = store.events(actor=["Putin", "Witkoff"])[0]
    assert first["n_sources"] == 4 and "wire-0425" in [s["article_id"] for s in first["sources"]]
    (p,) = store.actors(name="putin")
    assert p["country"] == "RU" and p["id"] == "per:vladimir-poutine"
    # a later ingest keeps to the file
    store.ingest_records([make_record("wire-0502", "Vladimir Putin a revu Steve Witkoff le 2 mai.",
                                      published="2025-05-02", entities=[("Vladimir Putin", "PER", [], []), WITKOFF])])
    assert store.con.execute("SELECT actor_id FROM entities WHERE article_id = 'wire-0502' AND entity_id = 'e1'"
                             ).fetchone()[0] == "per:vladimir-poutine"


# ---------------------------------------------------------------- incremental = from scratch

def _derived(s: Store):
    return (sorted(s.con.execute("SELECT article_id, entity_id, actor_id FROM entities").fetchall()),
            sorted(s.con.execute("SELECT actor_id, name, type FROM actors").fetchall()),
            sorted(s.con.execute("SELECT cevent_id, date, n_sources, n_articles FROM collection_events").fetchall()),
            sorted(s.con.execute("SELECT cevent_id, article_id, event_id FROM collection_event_links").fetchall()))


def test_registry_built_article_by_article_equals_a_rebuild(tmp_path: Path):
    """Known names take a fast path; new names, ambiguous surnames and new roles do not."""
    records = people_records()
    with Store(tmp_path / "people.duckdb") as s:
        for rec in records:
            s.ingest_records([rec])
        incremental = _derived(s)
        names = {a["name"]: a for a in s.actors(limit=None)}
        s.rebuild()
        assert _derived(s) == incremental
    assert names["Marine Le Pen"]["n_articles"] == 4  # p1, p4, p5 (shared role), p10
    assert names["Le Pen"]["n_articles"] == 1  # p3: no role decides between the two
    assert names["Vladimir Vladimirovitch Poutine"]["n_articles"] == 3  # p6, p7, p9
    assert names["Organisation du traité de l'Atlantique nord"]["n_articles"] == 3


@pytest.mark.parametrize("order", [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2]])
def test_incremental_updates_equal_a_rebuild(tmp_path: Path, order):
    records = meeting_records()
    with Store(tmp_path / "inc.duckdb") as s:
        for i in order:  # one article per transaction, in this order
            s.ingest_records([records[i]])
        incremental = _derived(s)
        s.rebuild()
        assert _derived(s) == incremental
    with Store(tmp_path / "all.duckdb") as s:
        s.ingest_records(records)
        assert _derived(s) == incremental


# ---------------------------------------------------------------- export

@pytest.mark.parametrize("fmt", ["parquet", "jsonl", "csv"])
def test_export_writes_every_table_and_the_event_table(store: Store, tmp_path: Path, fmt: str):
    out = tmp_path / "out"
    files = store.export(fmt, out)
    counts = store.counts()
    reader = {"parquet": "read_parquet", "jsonl": "read_json_auto", "csv": "read_csv_auto"}[fmt]
    con = duckdb.connect()
    for table, n in counts.items():
        path = out / f"{table}.{fmt}"
        assert path in files
        if n:
            assert con.execute(f"SELECT count(*) FROM {reader}(?)", [str(path)]).fetchone()[0] == n
    rows = con.execute(f"SELECT * FROM {reader}(?) ORDER BY event_date", [str(out / f"events_plover.{fmt}")])
    names = [d[0] for d in rows.description]
    plover = [dict(zip(names, r)) for r in rows.fetchall()]
    assert len(plover) == 2
    first = plover[0]
    assert str(first["event_date"]) == "2025-04-25" and first["event_type"] == "CONSULT"
    assert first["source_url"] == "https://quotidien.example/monde/poutine-witkoff"
    assert "Vladimir Poutine" in first["evidence"] and first["n_sources"] == 3
    assert {first["actor"], first["recipient"]} == {"Steve Witkoff", "Vladimir Poutine"}
    assert not list(out.glob(".*.part"))


def test_export_refuses_a_file_as_directory(store: Store, tmp_path: Path):
    f = tmp_path / "f.txt"
    f.write_text("x")
    with pytest.raises(UsageError, match=r"\[E507\]"):
        store.export("csv", f)
    with pytest.raises(UsageError, match=r"\[E508\]"):
        store.export("xlsx", tmp_path / "o")


def test_json_columns_hold_json(store: Store):
    (raw,) = store.con.execute("SELECT explanation FROM collection_events WHERE n_articles = 3").fetchone()
    assert json.loads(raw)["members"][0]["reason"] == "first report"


def test_article_hash_covers_the_engine():
    """Same article and engine: same hash (re-ingest changes nothing); another engine
    fingerprint: another hash (an upgraded engine analyses the article again)."""
    from pourparlers import fingerprint
    from pourparlers.store import store as store_module

    d = {"id": "a", "text": "Un texte.", "title": None, "url": None, "source": None,
         "published": "2025-01-02", "language": "fr"}
    first = store_module.article_hash(d)
    assert store_module.article_hash(dict(d)) == first
    assert store_module.article_hash(d, engine=fingerprint.engine_fingerprint()) == first
    assert store_module.article_hash(d, engine="another-engine") != first
    assert len(fingerprint.engine_fingerprint()) == 16
