"""Store safety (issue 10): a damaged store file, a full disk, and the web server
answering while a real `pourparlers ingest` writes the store.

Killed and interrupted ingests are tested in test_store_crash.py, older schema
versions in test_store.py (migrated, a copy kept).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import httpx
import pytest

from fixtures.records import meeting_records
from pourparlers.errors import UsageError
from pourparlers.store import Store

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from load import synthetic_records  # noqa: E402  (our own invented articles)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    paths = [str(ROOT / "src"), str(ROOT / "tests"), str(ROOT / "benchmarks"), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    env.pop("POURPARLERS_DB", None)
    env.pop("POURPARLERS_STRICT", None)
    return env


def _cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pourparlers", *args], capture_output=True, text=True,
                          env=_env(), timeout=timeout)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _whole_articles(store: Store) -> None:
    """Every stored article has all its rows (our records: 3 entities, 1 event, 1 quote each)."""
    for table, n in (("entities", 3), ("events", 1), ("quotes", 1), ("event_participants", 2), ("timexes", 1)):
        shapes = {c for _, c in store.con.execute(
            f"SELECT a.article_id, count(t.article_id) FROM articles a LEFT JOIN {table} t "
            "USING (article_id) GROUP BY a.article_id").fetchall()}
        assert shapes <= {n}, (table, shapes)
    assert store.con.execute("SELECT count(*) FROM entities WHERE actor_id IS NULL").fetchone()[0] == 0
    assert store.counts()["collection_events"] > 0


# ------------------------------------------------------------------ a damaged store file

@pytest.fixture(scope="module")
def good_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("good") / "good.duckdb"
    with Store(path) as store:
        store.ingest_records(meeting_records())
    return path


def _damaged(good: Path) -> dict[str, bytes]:
    data = good.read_bytes()

    def flip(offset: int) -> bytes:
        b = bytearray(data)
        for i in range(offset, min(offset + 64, len(b))):
            b[i] ^= 0xFF
        return bytes(b)

    import random

    rnd = random.Random(10)
    return {"truncated to half": data[: len(data) // 2], "truncated to 4 KB": data[:4096],
            "header flipped": flip(0), "database header flipped": flip(4096),
            "zeros": bytes(len(data)), "random bytes": rnd.randbytes(len(data)),
            "a text file": "Notes de réunion, pas une base.\n".encode(), "empty": b""}


def _read_everything(store: Store) -> None:
    store.counts()
    store.events()
    store.quotes()
    store.actors()
    for a in store.articles():
        store.record(a["id"])


def test_a_damaged_store_is_refused_in_one_line_and_never_written(good_store: Path, tmp_path: Path):
    """Refused on opening (E500, one line), or — data missing past a sound header — a
    DuckDB error when the data is read (the command line makes it one line: E902).
    Never a crash, never a change to the file, never a store silently recreated."""
    refused = 0
    for name, data in _damaged(good_store).items():
        path = tmp_path / (re.sub(r"\W+", "-", name) + ".duckdb")
        path.write_bytes(data)
        before = _sha(path)
        for read_only in (True, False):
            try:
                store = Store(path, read_only=read_only)
            except UsageError as err:
                message = str(err)
                assert message.startswith("[E500]") and str(path) in message and "\n" not in message, (name, message)
                refused += 1
                continue
            try:
                with pytest.raises(duckdb.Error):
                    _read_everything(store)
            finally:
                store.close()
        assert _sha(path) == before, name
        assert not path.with_name(path.name + ".wal").exists(), name
    assert refused >= 12  # most damage is seen on opening


def test_the_command_line_and_the_web_say_so_in_one_line(good_store: Path, tmp_path: Path):
    path = tmp_path / "damaged.duckdb"
    path.write_bytes(_damaged(good_store)["header flipped"])
    before = _sha(path)
    inputs = tmp_path / "one.jsonl"
    inputs.write_text(json.dumps({"id": "a", "text": "La maire de Valbourg a inauguré lundi une école."},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    for args in (["ingest", str(inputs)], ["events"], ["actors", "--format", "json"]):
        res = _cli(*args, "--db", str(path))
        assert res.returncode != 0, args
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: [E500]") and "Traceback" not in res.stderr, (args, res.stderr)
    assert _sha(path) == before

    from fastapi.testclient import TestClient

    from pourparlers.web import create_app

    with TestClient(create_app(path)) as c:
        r = c.get("/api/events")
        assert r.status_code == 503 and "[E500]" in r.json()["error"]
        assert c.get("/").status_code == 503
    assert _sha(path) == before


def test_damage_met_by_a_query_is_one_line_too(good_store: Path, tmp_path: Path):
    """A damaged data block is found by DuckDB's checksums when a query reads it."""
    data = good_store.read_bytes()
    block = 262144
    for offset in range(2 * block, len(data), block):
        path = tmp_path / f"block-{offset}.duckdb"
        b = bytearray(data)
        for i in range(offset + 100, offset + 164):
            b[i] ^= 0xFF
        path.write_bytes(bytes(b))
        try:
            with Store(path, read_only=True) as store:
                store.events()
        except duckdb.Error:
            break  # this block holds events: the command line must say it in one line
        path.unlink()
    else:
        pytest.skip("no damaged block met by the events query")
    before = _sha(path)
    res = _cli("events", "--db", str(path))
    assert res.returncode == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: [E902]"), res.stderr
    assert "Corrupt database file" in lines[0]
    assert _sha(path) == before


# ------------------------------------------------------------------ a full disk

FSIZE_INGEST = """
import os, resource, signal, sys
from load import synthetic_records
from pourparlers.store import Store

db = sys.argv[1]
limit = os.path.getsize(db) + 1_000_000  # no file of the store may grow past this
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
stored = [0]

def progress(stage, stats):
    if stage == "committed":
        stored[0] = stats.stored

try:
    with Store(db, keep_open=False) as store:
        store.ingest_records(synthetic_records(3000)[40:], commit_every=50, progress=progress)
except Exception as err:
    print("failed", stored[0], type(err).__name__, str(err).splitlines()[0], flush=True)
    sys.exit(3)
print("everything stored", flush=True)
"""


def test_a_failing_write_keeps_every_committed_batch_whole(tmp_path: Path):
    """A full disk, simulated by a file size limit (any user): the failing batch is
    rolled back, the batches committed before it stay whole, the store still works."""
    db = tmp_path / "limited.duckdb"
    with Store(db) as store:
        store.ingest_records(synthetic_records(40))
    res = subprocess.run([sys.executable, "-c", FSIZE_INGEST, str(db)], capture_output=True, text=True,
                         env=_env(), timeout=600)
    assert res.returncode == 3, (res.stdout, res.stderr)
    m = re.match(r"failed (\d+) (\w+) (.*)", res.stdout.strip())
    assert m and "File too large" in m.group(3), res.stdout
    committed = int(m.group(1))
    assert committed > 0 and committed % 50 == 0
    with Store(db) as store:
        assert store.counts()["articles"] == 40 + committed
        _whole_articles(store)
        assert store.ingest_records(synthetic_records(3000)[40:45]).unchanged == 5
        store.ingest_records(synthetic_records(3000)[2990:])  # and it takes new articles again
        assert store.counts()["articles"] == 40 + committed + 10


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 16 MB tmpfs (as root); skipped where it cannot be mounted."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small file system needs root")
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mnt)], capture_output=True)
    if res.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {res.stderr.decode().strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def _fill(directory: Path) -> Path:
    """Take every free byte of the file system."""
    filler = directory / "filler"
    with filler.open("wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass
    return filler


@pytest.mark.slow
def test_ingest_on_a_full_disk_is_one_clear_line_and_the_store_stays_intact(small_disk: Path, tmp_path: Path):
    db = small_disk / "news.duckdb"
    with Store(db) as store:
        store.ingest_records(synthetic_records(30))
    inputs = tmp_path / "new.jsonl"
    texts = ["La maire de Valbourg, Sophie Garnier, a inauguré lundi une école dans le quartier du port. "
             "« Cette école est une promesse tenue », a-t-elle déclaré devant les parents.",
             "Le conseil régional a voté jeudi un budget en hausse pour les transports. Le président de la "
             "région, Marc Delorme, a salué « un effort sans précédent » pour les lignes rurales."]
    with inputs.open("w", encoding="utf-8") as fh:
        for i in range(6):
            fh.write(json.dumps({"id": f"plein-{i}", "text": texts[i % 2] + f" Dépêche {i}.",
                                 "published": "2026-03-02"}, ensure_ascii=False) + "\n")
    filler = _fill(small_disk)
    res = _cli("ingest", str(inputs), "--db", str(db), "--commit-every", "2", "--batch-size", "2")
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    (line,) = [x for x in res.stderr.splitlines() if x.startswith("error:")]
    assert line.startswith(f"error: [E901] the store {db} could not be written") and "No space left" in line
    assert "rolled back" in line
    filler.unlink()
    with Store(db) as store:
        assert store.counts()["articles"] == 30
        _whole_articles(store)
    res = _cli("ingest", str(inputs), "--db", str(db), "--commit-every", "2")
    assert res.returncode == 0, res.stderr
    assert "6 new" in res.stderr


# ------------------------------------------------------------------ serving while an ingest writes

ARTICLE = ("Conseil municipal de {town}\n\n"
           "Le conseil municipal de {town} s'est réuni mardi soir pour voter le budget de la commune. "
           "« Nous avons fait le choix des écoles », a déclaré la maire, Sophie Garnier, devant les élus. "
           "Les conseillers ont adopté le texte après trois heures de débat.")
TOWNS = ["Valbourg", "Montclair", "Saint-Aubin", "Bellerive", "Rochefort-sur-Lys", "Castelnau",
         "Vauclerc", "Port-Aven", "Mirabel", "Lanvallon", "Haute-Rive", "Sainte-Odile"]


def _start_server(db: Path) -> tuple[subprocess.Popen, str, list[str]]:
    proc = subprocess.Popen([sys.executable, "-m", "pourparlers", "serve", "--db", str(db), "--port", "0"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env())
    log: list[str] = []
    for line in proc.stderr:
        log.append(line)
        m = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
        if m:
            threading.Thread(target=lambda: log.extend(proc.stderr), daemon=True).start()
            return proc, m.group(1), log
    proc.kill()
    pytest.fail("the server did not start: " + "".join(log))


@pytest.mark.slow
def test_the_server_answers_between_the_batches_of_a_real_ingest(tmp_path: Path):
    """Before: ingest held DuckDB's lock for its whole run and the server answered 503
    throughout. Now every request is answered (200), and the counts grow batch by batch."""
    db = tmp_path / "live.duckdb"
    Store(db).close()
    inputs = tmp_path / "towns.jsonl"
    n = 24
    with inputs.open("w", encoding="utf-8") as fh:
        for i in range(n):
            town = TOWNS[i % len(TOWNS)]
            fh.write(json.dumps({"id": f"conseil-{i:02d}", "text": ARTICLE.format(town=town) + f" Séance {i}.",
                                 "published": "2026-03-03", "source": f"La Gazette {i % 3}"},
                                ensure_ascii=False) + "\n")
    server, url, log = _start_server(db)
    statuses: list[int] = []
    counts: list[int] = []
    try:
        with httpx.Client(base_url=url, timeout=30) as c:
            assert c.get("/api/status").json()["articles"] == 0
            ingest = subprocess.Popen([sys.executable, "-m", "pourparlers", "ingest", str(inputs), "--db", str(db),
                                       "--commit-every", "2", "--batch-size", "2"],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
            deadline = time.monotonic() + 600
            while ingest.poll() is None and time.monotonic() < deadline:
                for path in ("/api/status", "/api/events?limit=5", "/"):
                    r = c.get(path)
                    statuses.append(r.status_code)
                    if path == "/api/status" and r.status_code == 200:
                        counts.append(r.json()["articles"])
                time.sleep(0.02)
            _, err = ingest.communicate(timeout=120)
            assert ingest.returncode == 0, err
            assert f"{n} new" in err
            final = c.get("/api/status").json()
            assert final["articles"] == n
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert set(statuses) == {200}, sorted(set(statuses))
    assert counts == sorted(counts), "the article count went backwards"
    between = {k for k in counts if 0 < k < n}
    assert len(between) >= 2, f"no answer between batches: {sorted(set(counts))}"
    assert not any("Traceback" in line for line in log), "".join(log)


def test_a_writer_is_not_starved_by_a_stream_of_readers(tmp_path: Path):
    """Readers keep the file open back to back (a busy web server); a writer still
    gets in within its wait, because new readers queue at the turnstile."""
    db = tmp_path / "busy.duckdb"
    with Store(db) as store:
        store.ingest_records(synthetic_records(20))
    stop = threading.Event()
    failures: list[str] = []

    def reader() -> None:
        while not stop.is_set():
            try:
                with Store(db, read_only=True) as s:
                    s.counts()
                    time.sleep(0.05)  # a slow request holds the file
            except UsageError as err:
                failures.append(str(err))

    code = ("import sys, time\nfrom load import synthetic_records\nfrom pourparlers.store import Store\n"
            "t = time.monotonic()\n"
            "with Store(sys.argv[1], keep_open=False) as s:\n"
            "    s.ingest_records(synthetic_records(40)[20:], commit_every=5)\n"
            "print(round(time.monotonic() - t, 2))\n")
    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    try:
        res = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, env=_env(),
                             timeout=300)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=30)
    assert res.returncode == 0, res.stderr  # no E503: the writer got the file for each of its 4 batches
    assert not failures, failures[:3]  # and the readers waited for each commit instead of failing
    with Store(db, read_only=True) as s:
        assert s.counts()["articles"] == 40
