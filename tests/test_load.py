"""The API under load (issue 10): ``benchmarks/load.py --short`` — 50 concurrent
clients for 10 seconds against a real ``pourparlers serve`` (uvicorn, the store
opened read-only per request) on loopback, over a synthetic store of 2,000
articles. Every answer must be a 200: no error, no timeout. Latency is printed,
not asserted (speed is measured by the benchmark's full run, not by tests).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def test_fifty_clients_for_ten_seconds_without_an_error():
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH", "")) if p)
    env.pop("POURPARLERS_DB", None)
    res = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "load.py"), "--short", "--clients", "50",
                          "--json"], capture_output=True, text=True, env=env, timeout=600)
    assert res.stdout.strip(), res.stderr
    result = json.loads(res.stdout.strip().splitlines()[-1])
    print(f"\nload, short run: {result}")
    assert result["clients"] == 50 and result["duration_s"] >= 10
    assert result["requests"] >= 50 and result["distinct_paths"] >= 20
    assert result["errors"] == 0, result["error_kinds"]
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
