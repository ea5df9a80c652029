"""No network at run time, no remote code (issue 10, SECURITY.md).

- ``extract``, ``ingest`` and the query commands run with every socket to a
  non-loopback address refused and recorded (a ``sitecustomize`` in the child
  process), on inputs that name remote resources everywhere (scripts, images,
  styles, frames, a redirect, feeds with external entities, URLs in every
  field): they succeed, and nothing tried to connect anywhere.
- No code of ours evaluates or deserialises what it reads: no ``eval``,
  ``exec``, ``compile``, ``pickle``, ``marshal``, ``os.system``, shell
  subprocesses or dynamic imports in the package (a static check of its syntax
  tree; spaCy models and language resources are loaded from installed packages).
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "pourparlers"

GUARD = r'''
import os, socket, ipaddress
_LOG = os.environ["POURPARLERS_NET_LOG"]

def _local(address):
    host = address[0] if isinstance(address, tuple) else address
    if not isinstance(host, str):
        return True
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False

def _refuse(what):
    with open(_LOG, "a", encoding="utf-8") as fh:
        fh.write(what + "\n")
    raise OSError(101, "network is unreachable (blocked by the test)")

_connect, _connect_ex, _getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo

def connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _local(address):
        _refuse(f"connect {address!r}")
    return _connect(self, address)

def connect_ex(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _local(address):
        _refuse(f"connect_ex {address!r}")
    return _connect_ex(self, address)

def getaddrinfo(host, *args, **kw):
    if host is not None and not _local((host.decode() if isinstance(host, bytes) else host, 0)):
        _refuse(f"getaddrinfo {host!r}")
    return _getaddrinfo(host, *args, **kw)

socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo
'''

BODY = ("Le conseil municipal de Valbourg s'est réuni mardi soir pour voter le budget de la commune. "
        "« Nous avons fait le choix des écoles », a déclaré la maire, Sophie Garnier, devant les élus. "
        "Les conseillers ont adopté le texte après trois heures de débat.")
REMOTE = "http://192.0.2.10"  # TEST-NET-1: never routed


def _inputs(d: Path) -> Path:
    d.mkdir()
    page = (f"<!DOCTYPE html><html><head><base href='{REMOTE}/'><meta http-equiv='refresh' content='0; url={REMOTE}/'>"
            f"<link rel='stylesheet' href='{REMOTE}/a.css'><script src='{REMOTE}/a.js'></script>"
            f"<link rel='preconnect' href='https://example.org'><title>Le budget de Valbourg</title>"
            f"<link rel='canonical' href='{REMOTE}/canonical'></head>"
            f"<body><article><h1>Le budget de Valbourg</h1><img src='{REMOTE}/a.png'><iframe src='{REMOTE}/f'></iframe>"
            f"<p>{BODY}</p><object data='{REMOTE}/o'></object><video src='{REMOTE}/v.mp4'></video></article></body></html>")
    (d / "page.html").write_text(page, encoding="utf-8")
    feed = (f"<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY ext SYSTEM '{REMOTE}/entity'>]>"
            f"<rss version='2.0'><channel><title>La Gazette</title><link>{REMOTE}/</link>"
            f"<item><title>Le budget</title><link>{REMOTE}/1</link><enclosure url='{REMOTE}/a.mp3'/>"
            f"<description>&lt;p&gt;{BODY} &amp;ext;&lt;/p&gt;&lt;img src='{REMOTE}/b.png'&gt;</description></item>"
            "</channel></rss>")
    (d / "feed.rss").write_text(feed.replace("&amp;ext;", "&ext;"), encoding="utf-8")
    with (d / "lines.jsonl").open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "j1", "text": BODY, "url": f"{REMOTE}/j1", "source": REMOTE}) + "\n")
        fh.write(json.dumps({"id": "j2", "html": page, "url": "https://example.org/j2"}) + "\n")
    return d


def _run(args: list[str], guard_dir: Path, log: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(guard_dir), str(ROOT / "src")])
    env["POURPARLERS_NET_LOG"] = str(log)
    env.pop("POURPARLERS_DB", None)
    env.pop("POURPARLERS_STRICT", None)
    return subprocess.run([sys.executable, "-m", "pourparlers", *args], capture_output=True, text=True, env=env,
                          timeout=600)


@pytest.mark.slow
def test_no_command_reaches_the_network(tmp_path: Path):
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    log = tmp_path / "net.log"
    log.write_text("", encoding="utf-8")
    # the guard works: a connection elsewhere is refused and recorded
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('192.0.2.10', 80), 1)"],
                           capture_output=True, text=True, timeout=60,
                           env=dict(os.environ, PYTHONPATH=str(guard), POURPARLERS_NET_LOG=str(log)))
    assert probe.returncode != 0 and "192.0.2.10" in log.read_text(encoding="utf-8")
    log.write_text("", encoding="utf-8")

    inputs = _inputs(tmp_path / "in")
    out = tmp_path / "records.jsonl"
    res = _run(["extract", str(inputs), "-o", str(out)], guard, log)
    assert res.returncode in (0, 1), res.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 3 and all("Valbourg" in r["text"] for r in records)
    db = tmp_path / "store.duckdb"
    res = _run(["ingest", str(inputs), "--db", str(db)], guard, log)
    assert res.returncode in (0, 1) and "new" in res.stderr, res.stderr
    for args in (["events", "--format", "json"], ["quotes", "--format", "json"], ["actors"],
                 ["export", str(tmp_path / "export")]):
        res = _run([*args, "--db", str(db)], guard, log)
        assert res.returncode == 0, (args, res.stderr)
    assert log.read_text(encoding="utf-8") == "", log.read_text(encoding="utf-8")


FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "breakpoint"}
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "dill", "cloudpickle", "yaml", "subprocess", "ctypes"}


def test_no_code_of_ours_evaluates_what_it_reads():
    problems = []
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        rel = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                f = node.func
                name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
                if isinstance(f, ast.Name) and name in FORBIDDEN_CALLS:  # the builtins, not re.compile
                    problems.append(f"{rel}:{node.lineno}: {name}()")
                if isinstance(f, ast.Attribute) and name == "system" and getattr(f.value, "id", "") == "os":
                    problems.append(f"{rel}:{node.lineno}: os.system()")
                if name == "import_module":
                    problems.append(f"{rel}:{node.lineno}: import_module()")
                if any(k.arg == "shell" for k in node.keywords):
                    problems.append(f"{rel}:{node.lineno}: shell=")
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                for n in names:
                    if n.split(".")[0] in FORBIDDEN_MODULES:
                        problems.append(f"{rel}:{node.lineno}: import {n}")
    assert problems == [], problems
