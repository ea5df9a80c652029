"""The Ray Data engine: same records as the local engine, on a real local Ray cluster.

The reading stage (work units) and the Parquet columns are tested without Ray;
the engine itself runs on one local cluster of 2 CPUs for this module.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pourparlers.errors import InputError
from pourparlers.ingest import read_inputs
from pourparlers.model import Article
from pourparlers.scale.columns import read_parquet_records, write_parquet_records
from pourparlers.scale.units import plan, read_units

from conftest import EXAMPLES, ROOT

ARTICLES = [
    ("conseil-regional", "2024-06-11",
     "Le conseil régional de Bretagne a voté lundi un plan de 120 millions d'euros pour les ports "
     "de pêche. « Nous ne laisserons pas tomber les équipages », a déclaré la présidente de la "
     "région, Annick Le Gall, à l'issue de la séance. L'opposition a dénoncé un budget "
     "« trop tardif » et réclamé une étude d'impact avant l'automne."),
    ("sommet-nice", "2024-09-02",
     "Le ministre italien des Affaires étrangères, Paolo Ferrante, a rencontré mardi à Nice son "
     "homologue français pour préparer le sommet franco-italien de novembre. Les deux hommes se "
     "sont entretenus pendant deux heures de la question migratoire, selon un communiqué du Quai "
     "d'Orsay. Paolo Ferrante a affirmé que Rome souhaitait « un accord avant la fin de l'année »."),
    ("greve-transports", "2025-01-20",
     "Les syndicats de la RATP ont appelé à une grève reconductible à partir du 3 février. "
     "La direction a proposé jeudi une hausse des salaires de 2 %, que la CGT a jugée "
     "insuffisante. « Les agents attendent des actes, pas des promesses », a expliqué son "
     "secrétaire général, Karim Benali, devant le siège de l'entreprise."),
    ("visite-ottawa", None,
     "La Première ministre canadienne est arrivée hier soir à Paris pour une visite de trois jours. "
     "Elle sera reçue vendredi à l'Élysée par le président de la République, avec qui elle doit "
     "signer un accord sur les minerais critiques. Selon son entourage, elle rencontrera aussi des "
     "chefs d'entreprise à Lyon samedi."),
]
ENGLISH = ("The regional council voted on Monday for a plan of 120 million euros for the fishing "
           "ports, and the president of the region said that the crews would not be abandoned.")


def _jsonl(path: Path, blank_run: bool = True) -> Path:
    lines = []
    for i, (id, published, text) in enumerate(ARTICLES):
        lines.append(json.dumps({"id": id, "published": published, "text": text}, ensure_ascii=False))
        if i == 1 and blank_run:
            lines += ["", "", "", "{pas du json", json.dumps({"id": "sans-texte", "title": "Vide"})]
    lines.append(json.dumps({"id": "anglais", "text": ENGLISH}))
    lines.append(json.dumps({"text": ARTICLES[0][2].replace("Bretagne", "Normandie")}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _html(title: str, text: str) -> bytes:
    return (f"<html lang='fr'><head><title>{title}</title></head><body><nav>Accueil · Monde</nav>"
            f"<article><h1>{title}</h1><p>{text}</p></article></body></html>").encode()


def _warc(records: list[tuple[str, bytes]], uri: str = "https://exemple.invalid/") -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i, (ctype, body) in enumerate(records):
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(f"{uri}{i}", "response", payload=io.BytesIO(body),
                                        http_headers=headers)
        writer.write_record(rec)
    return buf.getvalue()


def mixed_inputs(root: Path) -> list[str]:
    """Every input kind, good and bad items mixed: a directory, JSONL, WARC (one cut short)."""
    d = root / "dossier"
    d.mkdir()
    (d / "a-conseil.txt").write_text(ARTICLES[0][2], encoding="utf-8")
    (d / "b-vide.txt").write_bytes(b"\n \n")
    (d / "c-sommet.html").write_bytes(_html("Sommet à Nice", ARTICLES[1][2]))
    _jsonl(root / "lot.jsonl")
    records = [("text/html; charset=utf-8", _html("Grève", ARTICLES[2][2])),
               ("image/png", b"\x89PNG\r\n\x1a\n...."),                      # not HTML
               ("text/html", _html("Council", ENGLISH)),                    # not French
               ("text/html", b"<html><body><nav>menu</nav></body></html>"),  # no article text
               ("text/html", _html("Ottawa", ARTICLES[3][2]))]
    (root / "crawl.warc.gz").write_bytes(_warc(records))
    whole = _warc(records, uri="https://coupe.invalid/")
    (root / "coupe.warc.gz").write_bytes(whole[: len(whole) * 3 // 5])  # truncated archive
    return [str(EXAMPLES), str(d), str(root / "lot.jsonl"), str(root / "crawl.warc.gz"),
            str(root / "coupe.warc.gz"), str(root / "absent.jsonl")]


def _key(item: Article | InputError):
    return ("error", str(item)) if isinstance(item, InputError) else ("article", item.to_dict())


# ------------------------------------------------------------- without Ray

def test_jsonl_shards_read_exactly_as_the_local_reader(tmp_path: Path):
    paths = mixed_inputs(tmp_path)
    for shard_lines in (1, 2, 3, 64):
        units = plan(paths, shard_lines=shard_lines)
        ours = [_key(i) for i in read_units(units)]
        theirs = [_key(i) for i in read_inputs(paths)]
        assert ours == theirs, shard_lines
    units = plan(paths, shard_lines=2)
    lines = [u for u in units if u["kind"] == "lines"]
    assert len(lines) >= 4  # the JSONL file was cut (and the run of blank lines dropped)
    firsts = {u["first_line"] for u in lines}
    assert 1 in firsts and 3 not in firsts  # lines 3-4 are blank: no unit for them
    assert [u["kind"] for u in units].count("missing") == 1
    errors = [i for i in read_units(units) if isinstance(i, InputError)]
    assert any("lot.jsonl:6" in str(e) and "E004" in str(e) for e in errors)  # line numbers kept


def test_empty_jsonl_file_is_one_error(tmp_path: Path):
    p = tmp_path / "vide.jsonl"
    p.write_text("\n\n  \n", encoding="utf-8")
    units = plan([str(p)], shard_lines=1)
    (err,) = list(read_units(units))
    assert isinstance(err, InputError) and "E003" in str(err)


def test_stdin_is_read_on_the_driver_like_the_local_reader(tmp_path: Path):
    data = _jsonl(tmp_path / "x.jsonl").read_bytes()
    ours = [_key(i) for i in read_units(plan(["-"], shard_lines=2, stdin=io.BytesIO(data)))]
    theirs = [_key(i) for i in read_inputs(["-"], stdin=io.BytesIO(data))]
    assert ours == theirs and len(ours) > 4
    text = ARTICLES[2][2].encode()
    ours = [_key(i) for i in read_units(plan(["-"], stdin=io.BytesIO(text)), published="2025-01-21")]
    theirs = [_key(i) for i in read_inputs(["-"], stdin=io.BytesIO(text), published="2025-01-21")]
    assert ours == theirs and ours[0][1]["published"] == "2025-01-21"


def test_keep_drops_articles_before_analysis(tmp_path: Path):
    units = plan([str(_jsonl(tmp_path / "x.jsonl"))], shard_lines=2)
    kept = [i for i in read_units(units, keep=lambda a: a.id != "sommet-nice") if isinstance(i, Article)]
    assert "sommet-nice" not in [a.id for a in kept] and "conseil-regional" in [a.id for a in kept]


def test_parquet_round_trip_is_lossless(extractor, tmp_path: Path):
    arts = [Article(id=id, text=text, published=pub) for id, pub, text in ARTICLES]
    records = extractor.process(arts)
    assert any(r["mentions"] for r in records) and all(r["sentences"] for r in records)
    # and a record with every kind of item, free-form event attributes included
    from pourparlers.model import Event, Participant, Quote, Record, Span, Timex

    text = ARTICLES[1][2]
    a = text.index("«")
    b = text.index("»") + 1
    full = Record(article=Article(id="complet", text=text, title="Sommet", published="2024-09-02"),
                  quotes=[Quote(id="q1", text=text[a:b], start=a, end=b, kind="direct",
                                speaker_name="Paolo Ferrante", cue="affirmer",
                                cue_span=Span(0, 2, text[:2]))],
                  events=[Event(id="v1", type="CONSULT", mode="visit", evidence=Span(0, 50, text[:50]),
                                actors=[Participant("Paolo Ferrante", "e1")],
                                attributes={"score": 0.5, "notes": ["a", None], "nested": {"x": 1}})],
                  timexes=[Timex(0, 5, text[:5], "DATE", None)]).to_dict()
    records.append(full)
    assert write_parquet_records(records, tmp_path / "r.parquet") == len(records)
    back = list(read_parquet_records(tmp_path / "r.parquet"))
    assert [json.dumps(r, ensure_ascii=False) for r in back] == \
        [json.dumps(r, ensure_ascii=False) for r in records]  # same lines, key order included
    write_parquet_records(records, tmp_path / "dir", directory=True)
    assert list(read_parquet_records(tmp_path / "dir")) == records
    import duckdb  # the columns are queryable as they are

    n, = duckdb.connect().execute(f"SELECT count(*) FROM '{tmp_path / 'r.parquet'}' "
                                  "WHERE json_array_length(quotes) > 0").fetchone()
    assert n == sum(1 for r in records if r["quotes"])


def test_an_article_that_breaks_its_batch_is_skipped_alone():
    """A failure outside our components (they isolate their own) costs one article, not the batch."""
    import spacy
    from spacy.language import Language

    from pourparlers.pipeline import Extractor
    from pourparlers.scale.engine import analyse

    @Language.component("test_scale_fails_on_boum")
    def fails(doc):
        if "BOUM" in doc.text:
            raise RuntimeError("explosion")
        return doc

    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_scale_fails_on_boum")
    ex = Extractor(nlp=nlp, batch_size=8)
    arts = [Article(id="a", text=ARTICLES[0][2]), Article(id="b", text="Un texte BOUM.", origin="lot.jsonl:2"),
            Article(id="c", text=ARTICLES[1][2])]
    out = analyse(ex, arts)
    assert [r["id"] if r else None for r, _, _ in out] == ["a", None, "c"]
    assert out[1][2].startswith("[E017]") and "lot.jsonl:2" in out[1][2] and "explosion" in out[1][2]
    assert out[0][0] == ex.process(arts[:1])[0]


def _cli(*args, env=None, timeout=600, cwd=ROOT):
    if env is None:  # this checkout's code, whatever the working directory
        path = os.pathsep.join([str(ROOT / "src")] + [p for p in [os.environ.get("PYTHONPATH")] if p])
        env = dict(os.environ, PYTHONPATH=path)
    return subprocess.run([sys.executable, "-m", "pourparlers", *args], capture_output=True,
                          cwd=cwd, timeout=timeout, env=env)


def test_ray_engine_without_ray_says_how_to_install(tmp_path: Path):
    block = tmp_path / "block"
    block.mkdir()
    (block / "sitecustomize.py").write_text(
        "import sys\nclass _NoRay:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'ray' or name.startswith('ray.'):\n"
        "            raise ImportError('No module named ray')\n"
        "sys.meta_path.insert(0, _NoRay())\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(block), str(ROOT / "src")]))
    res = _cli("extract", "--engine", "ray", str(EXAMPLES), env=env, timeout=120)
    err = res.stderr.decode()
    assert res.returncode == 2, err
    assert err.strip().count("\n") == 0 and "E700" in err and "pip install 'pourparlers[ray]'" in err
    assert res.stdout == b""


def test_unreachable_cluster_is_one_line_not_a_hang():
    pytest.importorskip("ray")
    res = _cli("extract", "--engine", "ray", "--address", "127.0.0.1:1", str(EXAMPLES), timeout=120)
    err = res.stderr.decode()
    assert res.returncode == 2, err
    assert "E701" in err and "127.0.0.1:1" in err and "Traceback" not in err


def test_ray_options_need_the_ray_engine():
    res = _cli("extract", "--workers", "2", str(EXAMPLES), timeout=120)
    assert res.returncode == 2 and "E702" in res.stderr.decode() and "--workers" in res.stderr.decode()
    res = _cli("extract", "--engine", "spark", str(EXAMPLES), timeout=120)
    assert res.returncode == 2 and "E703" in res.stderr.decode()


# ------------------------------------------------------------- on Ray

@pytest.fixture(scope="module")
def ray_session():
    ray = pytest.importorskip("ray")
    from pourparlers.scale.engine import _quiet_ray_logs, _worker_pythonpath, no_usage_report

    _quiet_ray_logs()
    no_usage_report()
    started = not ray.is_initialized()
    if started:
        path = _worker_pythonpath()
        ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False,
                 logging_level="error",
                 runtime_env={"env_vars": {"PYTHONPATH": path}} if path else None)
    yield ray
    if started:
        ray.shutdown()


def local_engine(extractor, paths: list[str], stdin: bytes | None = None):
    """What `pourparlers extract` (local) produces: errors and records, in input order."""
    items = list(read_inputs(paths, stdin=io.BytesIO(stdin) if stdin is not None else None))
    errors = [str(i) for i in items if isinstance(i, InputError)]
    records = extractor.process([i for i in items if isinstance(i, Article)])
    return errors, records


def ray_engine(paths: list[str], **options):
    """Records and errors of the library entry point (Parquet rows on the wire)."""
    from pourparlers.scale import iter_records

    items = list(iter_records(paths, workers=2, **options))
    errors = [str(i) for i in items if isinstance(i, InputError)]
    return errors, [i for i in items if not isinstance(i, InputError)]


def _by_id(records):
    return sorted(records, key=lambda r: r["id"])


@pytest.mark.slow
def test_ray_and_local_engines_give_identical_records(ray_session, extractor, tmp_path: Path):
    from pourparlers.scale import iter_rows

    paths = mixed_inputs(tmp_path) + ["-"]
    piped = json.dumps({"id": "tube", "text": ARTICLES[3][2]}, ensure_ascii=False).encode() + b"\n{oups\n"
    rows = list(iter_rows(paths, workers=2, shard_lines=2, fmt="jsonl", stdin=io.BytesIO(piped)))
    local_errors, local_records = local_engine(extractor, paths, stdin=piped)
    records = [json.loads(r["line"]) for r in rows if not r["error"]]
    assert _by_id(records) == _by_id(local_records)
    # the very JSON lines of the local engine, in input order too
    assert [r["line"] for r in rows if not r["error"]] == \
        [json.dumps(r, ensure_ascii=False) for r in local_records]
    # every bad item skipped and counted, with the same message as locally
    errors = [r["error"] for r in rows if r["error"]]
    assert errors == local_errors
    joined = "\n".join(errors)
    for expected in ("b-vide.txt", "lot.jsonl:6", "lot.jsonl:7", "lot.jsonl:10", "absent.jsonl",
                     "not HTML", "E008", "coupe.warc.gz", "<stdin>:2"):
        assert expected in joined, expected
    ids = [r["id"] for r in records]
    assert "https://exemple.invalid/0" in ids and "https://exemple.invalid/4" in ids and "tube" in ids
    assert len(ids) == len(set(ids)) and len(records) >= 10


@pytest.mark.slow
def test_ray_workers_import_this_checkout(ray_session):
    import pourparlers

    @ray_session.remote(num_cpus=0)
    def where() -> str:
        import pourparlers as p

        return str(Path(p.__file__).resolve())

    assert ray_session.get(where.remote()) == str(Path(pourparlers.__file__).resolve())


@pytest.mark.slow
def test_dev_corpus_identical_on_ray(ray_session, extractor, shared: Path):
    corpus = shared / "corpus" / "dev" / "articles.jsonl"
    if not corpus.exists():
        pytest.skip("no dev corpus")
    errors, records = ray_engine([str(corpus)], shard_lines=4)
    local_errors, local_records = local_engine(extractor, [str(corpus)])
    assert errors == local_errors
    assert _by_id(records) == _by_id(local_records) and len(records) == len(local_records) > 0


@pytest.mark.slow
def test_cli_on_an_existing_cluster_writes_parquet_and_reports(ray_session, extractor, tmp_path: Path,
                                                               monkeypatch):
    # paths relative to the command's working directory, which the cluster's workers do not share
    paths = [p if not p.startswith(str(tmp_path)) else os.path.relpath(p, tmp_path)
             for p in mixed_inputs(tmp_path)]
    monkeypatch.chdir(tmp_path)
    address = ray_session.get_runtime_context().gcs_address
    out = tmp_path / "out.parquet"
    res = _cli("extract", "--engine", "ray", "--address", address, "--workers", "1", *paths, "-o", "out.parquet",
               cwd=tmp_path)
    err = res.stderr.decode()
    assert res.returncode == 1, err
    assert "Traceback" not in err
    local_errors, local_records = local_engine(extractor, paths)
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert lines == [f"error: {e}" for e in local_errors]
    assert f"{len(local_errors)} input item(s) skipped" in err
    assert f"{len(local_records)} record(s) written" in err
    assert list(read_parquet_records(out)) == local_records
