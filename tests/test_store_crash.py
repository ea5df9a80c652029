"""A killed or interrupted ingest never leaves half an article (issue 7), with real signals."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pourparlers.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    paths = [str(ROOT / "src"), str(ROOT / "tests"), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    return env


def _whole(store: Store) -> dict[str, set]:
    """Per-article row counts; every article of these tests has the same content."""
    shapes: dict[str, set] = {}
    for table in ("entities", "mentions", "timexes", "events", "event_participants", "entity_blocks"):
        rows = store.con.execute(
            f"SELECT a.article_id, count(t.article_id) FROM articles a LEFT JOIN {table} t "
            "USING (article_id) GROUP BY a.article_id").fetchall()
        shapes[table] = {n for _, n in rows}
    return shapes


SCRIPT = """
import sys, time
from pourparlers.store import Store
from fixtures.records import POUTINE, WITKOFF, make_record

TEXT = "Vladimir Poutine a reçu Steve Witkoff le 25 avril à Moscou, selon le Kremlin. Dépêche {i}."

def records():
    for i in range(200):
        yield make_record(f"d{i:03d}", TEXT.format(i=i), published="2025-04-26", source=f"Journal {i % 7}",
                          entities=[POUTINE, WITKOFF],
                          events=[dict(type="CONSULT", actors=["Steve Witkoff"], targets=["Vladimir Poutine"],
                                       date="2025-04-25", location="Moscou",
                                       evidence="Vladimir Poutine a reçu Steve Witkoff le 25 avril")],
                          timexes=[("le 25 avril", "DATE", "2025-04-25")])

def progress(stage, stats):
    print(stage, stats.new, flush=True)
    if stage == "stored" and stats.batches == HOLD:
        time.sleep(120)  # this batch's rows are written, its transaction is open: kill me now

with Store(sys.argv[1]) as store:
    store.ingest_records(records(), commit_every=5, progress=progress)
"""


def test_sigkill_inside_a_transaction_leaves_only_whole_articles(tmp_path: Path):
    db = tmp_path / "killed.duckdb"
    script = tmp_path / "ingest.py"
    script.write_text(textwrap.dedent(SCRIPT.replace("HOLD", "2")), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(db)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=_env(), text=True)
    seen = []
    try:
        for line in proc.stdout:
            seen.append(line.strip())
            if line.strip() == "stored 15":  # third batch written, not committed
                proc.send_signal(signal.SIGKILL)
                break
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, (seen, proc.stderr.read())
    assert seen == ["stored 5", "committed 5", "stored 10", "committed 10", "stored 15"]
    with Store(db) as store:
        counts = store.counts()
        assert counts["articles"] == 10  # the two committed batches, nothing of the third
        assert _whole(store) == {"entities": {2}, "mentions": {2}, "timexes": {1}, "events": {1},
                                 "event_participants": {2}, "entity_blocks": {2}}
        (ev,) = store.events()
        assert ev["n_articles"] == 10 and ev["n_sources"] == 7
        # the store is usable for writing again, and knows what it holds
        assert store.ingest_records([store.record("d000")]).unchanged == 1


def _cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pourparlers", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=_env(), text=True)


def _dispatches(path: Path, n: int) -> None:
    text = ("Rencontre au Kremlin\n\nLe président russe Vladimir Poutine a reçu vendredi à Moscou "
            "l'émissaire américain Steve Witkoff, a annoncé le Kremlin. « La discussion a été utile », "
            "a déclaré Iouri Ouchakov, conseiller du président russe.")
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"depeche-{i:03d}", "text": text, "published": "2025-04-26",
                                 "source": f"Journal {i % 5}"}, ensure_ascii=False) + "\n")


def _wait_for_first_commit(db: Path, proc: subprocess.Popen, timeout: float = 240) -> None:
    wal = db.with_name(db.name + ".wal")
    before = (db.stat().st_mtime_ns, db.stat().st_size)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if wal.exists() and wal.stat().st_size > 0:
            return
        if (db.stat().st_mtime_ns, db.stat().st_size) != before:
            return  # ingest lets go of the store after each batch: the WAL is checkpointed then
        if proc.poll() is not None:
            pytest.fail(f"ingest ended before any commit: {proc.stderr.read()}")
        time.sleep(0.02)
    pytest.fail("no commit seen")


@pytest.mark.slow
@pytest.mark.parametrize("sig, code", [(signal.SIGKILL, -signal.SIGKILL), (signal.SIGINT, 130)])
def test_killed_or_interrupted_cli_ingest_keeps_whole_articles(tmp_path: Path, sig, code):
    db = tmp_path / "cli.duckdb"
    Store(db).close()  # an empty store, checkpointed: the next WAL write is the first commit
    inputs = tmp_path / "depeches.jsonl"
    n = 30
    _dispatches(inputs, n)
    proc = _cli("ingest", str(inputs), "--db", str(db), "--commit-every", "3", "--batch-size", "3")
    try:
        _wait_for_first_commit(db, proc)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == code, err
    assert "Traceback" not in err
    with Store(db) as store:
        stored = store.counts()["articles"]
        assert 0 < stored < n and stored % 3 == 0
        shapes = _whole(store)
        assert all(len(v) == 1 for v in shapes.values()), shapes
        assert shapes["entities"] != {0}
        assert store.con.execute("SELECT count(*) FROM entities WHERE actor_id IS NULL").fetchone()[0] == 0
    # the next ingest resumes: what was stored is skipped, the rest is added
    res = subprocess.run([sys.executable, "-m", "pourparlers", "ingest", str(inputs), "--db", str(db)],
                         capture_output=True, text=True, env=_env(), timeout=600)
    assert res.returncode == 0, res.stderr
    assert f"{n - stored} new, 0 replaced, {stored} unchanged" in res.stderr
