"""The command line, run as a user runs it: real processes, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pourparlers.schema import problems

from conftest import EXAMPLES

GOOD = ("Le port de Brest accueille une escale inédite\n\n"
        "12 mai 2023. – Le plus grand voilier-école du monde a fait escale vendredi à Brest, "
        "a annoncé la préfecture maritime de l'Atlantique. « C'est une fierté pour la ville », "
        "a déclaré le maire, qui attend cinquante mille visiteurs ce week-end.\n")


def run(*args, stdin: bytes | None = None, cwd: Path | None = None):
    return subprocess.run([sys.executable, "-m", "pourparlers", *args], input=stdin,
                          capture_output=True, cwd=cwd, timeout=300)


def test_extract_skips_every_bad_input_and_keeps_the_rest(tmp_path: Path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (d / "b-empty.txt").write_bytes(b"")
    (d / "c-binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "d-latin1.txt").write_bytes(GOOD.replace("–", "-").replace("«", '"').replace("»", '"').encode("latin-1"))
    (d / "e-lines.jsonl").write_text("\n".join([
        "{broken",
        json.dumps({"id": "no-text", "title": "x"}),
        json.dumps({"id": "j-good", "text": GOOD}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    (d / "f-menu.html").write_text("<html><body><nav>Accueil · Contact</nav></body></html>", encoding="utf-8")
    (d / "g-english.txt").write_text(
        "The harbour of Brest welcomed the largest sailing ship in the world on Friday, "
        "the maritime prefecture announced, and the mayor expects fifty thousand visitors.", encoding="utf-8")
    res = run("extract", str(d))
    err = res.stderr.decode()
    assert res.returncode == 1, err
    assert "Traceback" not in err
    records = [json.loads(line) for line in res.stdout.decode().splitlines()]
    assert [r["id"] for r in records] == ["a-good", "j-good"]
    for r in records:
        assert problems(r) == []
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    expected = ["b-empty.txt", "c-binary.txt", "d-latin1.txt", "e-lines.jsonl:1", "e-lines.jsonl:2",
                "f-menu.html", "g-english.txt"]
    assert len(lines) == len(expected), err
    for name, line in zip(expected, lines):
        assert name in line, (name, line)


def test_extract_stdin_and_output_file(tmp_path: Path):
    out = tmp_path / "out.jsonl"
    res = run("extract", "-", "-o", str(out), "--published", "2023-05-13", stdin=GOOD.encode())
    assert res.returncode == 0, res.stderr.decode()
    (rec,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rec["id"] == "stdin" and rec["published"] == "2023-05-13"
    assert rec["text"] == GOOD
    assert not list(tmp_path.glob("*.part"))


def test_bad_option_is_one_line(tmp_path: Path):
    res = run("extract", str(EXAMPLES), "--published", "hier")
    assert res.returncode == 2
    assert "Traceback" not in res.stderr.decode()
    assert "YYYY-MM-DD" in res.stderr.decode()
    res = run("evaluate", "--gold", str(EXAMPLES / "2026-03-15-manifestation-lyon.txt"))
    assert res.returncode == 2 and "Traceback" not in res.stderr.decode()


def test_show_prints_a_summary(tmp_path: Path):
    out = tmp_path / "ex.jsonl"
    assert run("extract", str(EXAMPLES), "-o", str(out)).returncode == 0
    res = run("show", str(out))
    assert res.returncode == 0
    text = res.stdout.decode()
    assert "Lyon : des milliers de manifestants" in text
    assert "Actors:" in text
