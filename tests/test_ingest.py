"""Readers: every input kind of DESIGN.md, and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from pourparlers.errors import InputError
from pourparlers.ingest import find_dateline, read_inputs, read_stream
from pourparlers.model import Article

ARTICLE = (
    "Le Conseil municipal de Grenoble adopte un budget serré\n\n"
    "3 février 2024. – Réunis mardi soir, les élus de Grenoble ont voté un budget "
    "en baisse de quatre pour cent. « Nous n'avions pas le choix », a expliqué le maire, "
    "qui a promis de préserver les écoles et les bibliothèques de la ville.\n"
)
ENGLISH = ("The city council of Grenoble adopted a tight budget on Tuesday evening, "
           "cutting spending by four per cent while promising to protect schools.")


def read_all(*paths, **kw):
    items = list(read_inputs([str(p) for p in paths], **kw))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


def test_txt_title_and_dateline(tmp_path: Path):
    p = tmp_path / "grenoble.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    (art,), errors = read_all(p)
    assert not errors
    assert art.id == "grenoble"
    assert art.title == "Le Conseil municipal de Grenoble adopte un budget serré"
    assert art.published == "2024-02-03"
    assert art.text == ARTICLE
    assert art.origin == str(p)


def test_published_option_wins_over_dateline(tmp_path: Path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    (art,), _ = read_all(p, published="2024-02-05")
    assert art.published == "2024-02-05"


@pytest.mark.parametrize("head, expected", [
    ("21 janvier 2016. – Le texte commence.", "2016-01-21"),
    ("1er mars 2017, 14h30. – Le texte commence.", "2017-03-01"),
    ("PARIS, 12 mars 2017 (AFP) - Le texte commence.", "2017-03-12"),
    ("4 septembre 2012. - Le texte commence.", "2012-09-04"),
    ("Le 12 mars 2017, il pleuvait sur la ville.", None),  # a date in a sentence is no dateline
    ("31 février 2017. – Impossible.", None),
])
def test_dateline(head, expected):
    found = find_dateline("Un titre\n\n" + head)
    assert (found[0] if found else None) == expected


def test_html_main_text_title_date_url(tmp_path: Path):
    page = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
    <title>Nantes : la ligne de tramway prolongée</title>
    <meta property="article:published_time" content="2023-06-09T08:00:00+02:00">
    <link rel="canonical" href="https://journal.invalid/nantes/tram"></head>
    <body><nav><a href="/">Accueil</a></nav><article><h1>Nantes : la ligne de tramway prolongée</h1>
    <p>La métropole de Nantes a annoncé vendredi le prolongement de la ligne 1 du tramway
    jusqu'à la gare de Bellevue, pour un coût de quatre-vingts millions d'euros.</p>
    <p>« Les travaux commenceront à l'automne », a précisé la vice-présidente chargée des
    mobilités lors d'une conférence de presse.</p></article>
    <footer>Mentions légales et cookies</footer></body></html>"""
    p = tmp_path / "tram.html"
    p.write_text(page, encoding="utf-8")
    (art,), errors = read_all(p)
    assert not errors
    assert art.title == "Nantes : la ligne de tramway prolongée"
    assert art.text.startswith("Nantes : la ligne de tramway prolongée\n\n")
    assert "prolongement de la ligne 1" in art.text
    assert "Mentions légales" not in art.text and "Accueil" not in art.text
    assert art.published == "2023-06-09"
    assert art.url == "https://journal.invalid/nantes/tram"


def test_jsonl_fields_and_default_id(tmp_path: Path):
    p = tmp_path / "batch.jsonl"
    lines = [
        {"id": "a1", "text": ARTICLE, "title": "T", "published": "2024-02-03T10:00:00Z",
         "url": "https://x.invalid/a1", "source": "Le Dauphiné"},
        {"text": ARTICLE},
        {"id": "h1", "html": "<html><body><article><p>" + ARTICLE.replace("\n", " ") + "</p></article></body></html>"},
    ]
    p.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    arts, errors = read_all(p)
    assert not errors
    assert [a.id for a in arts] == ["a1", "batch-2", "h1"]
    assert arts[0].published == "2024-02-03" and arts[0].source == "Le Dauphiné"
    assert arts[0].title == "T" and arts[0].url == "https://x.invalid/a1"
    assert arts[1].published == "2024-02-03"  # from the dateline
    assert "budget" in arts[2].text


def test_directory_is_walked_in_order(tmp_path: Path):
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    arts, errors = read_all(tmp_path)
    assert [a.id for a in arts] == ["a", "b"] and not errors


def test_stdin_text_and_jsonl():
    (art,) = list(read_stream(io.BytesIO(ARTICLE.encode())))
    assert art.id == "stdin" and art.published == "2024-02-03"
    data = (json.dumps({"id": "s1", "text": ARTICLE}) + "\n" + json.dumps({"id": "s2", "text": ARTICLE})).encode()
    assert [a.id for a in read_stream(io.BytesIO(data))] == ["s1", "s2"]


def test_rss_feed(tmp_path: Path):
    rss = f"""<?xml version="1.0" encoding="utf-8"?>
    <rss version="2.0"><channel><title>Le Petit Alpin</title>
    <item><title>Grenoble &lt;b&gt;vote&lt;/b&gt; son budget</title><link>https://x.invalid/1</link>
    <guid>urn:1</guid><pubDate>Sat, 03 Feb 2024 10:00:00 +0100</pubDate>
    <description>{ARTICLE.replace(chr(10), ' ')}</description></item>
    <item><title>Vide</title><link>https://x.invalid/2</link><description></description></item>
    </channel></rss>"""
    p = tmp_path / "feed.rss"
    p.write_text(rss, encoding="utf-8")
    arts, errors = read_all(p)
    assert [a.id for a in arts] == ["urn:1"]
    assert arts[0].title == "Grenoble vote son budget"  # markup in titles is dropped
    assert arts[0].published == "2024-02-03" and arts[0].source == "Le Petit Alpin"
    assert len(errors) == 1 and "item 2" in str(errors[0])


def _warc(records: list[tuple[str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for ctype, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record("https://x.invalid/" + str(len(body)), "response",
                                        payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(rec)
    return buf.getvalue()


def test_warc_html_records_and_bad_ones(tmp_path: Path):
    html = ("<html><head><title>Grenoble vote son budget</title></head><body><article><p>"
            + ARTICLE.replace("\n", " ") + "</p></article></body></html>").encode()
    data = _warc([("text/html; charset=utf-8", html), ("image/png", b"\x89PNG...."),
                  ("text/html", b"<html><body><nav>menu</nav></body></html>")])
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(data)
    arts, errors = read_all(p)
    assert len(arts) == 1 and "budget" in arts[0].text
    assert len(errors) == 2
    # a truncated archive keeps what was read before the damage
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    arts, errors = read_all(cut)
    assert len(arts) == 1 and errors


def test_a_damaged_compressed_record_prints_nothing_but_our_errors(tmp_path: Path, capfd):
    """zlib's own message (« Error -3 while decompressing data ») never reaches stderr raw."""
    import random

    rnd = random.Random(7)
    noise = " ".join("".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7)) for _ in range(12000))
    html = ("<html><body><article><p>" + ARTICLE.replace("\n", " ") + " " + noise
            + "</p></article></body></html>").encode()
    data = bytearray(_warc([("text/html", html), ("text/html", html)]))
    for k in range(len(data) // 4, len(data) // 4 + 40, 8):  # inside the first record, past its first block
        data[k] ^= 0x5A
    p = tmp_path / "damaged.warc.gz"
    p.write_bytes(bytes(data))
    arts, errors = read_all(p)
    assert errors and all(str(e).startswith("[E015]") for e in errors)
    assert capfd.readouterr().err == ""


# --- bad input: one clear error naming the file (and line), the rest goes on ---

def test_empty_file(tmp_path: Path):
    p = tmp_path / "vide.txt"
    p.write_bytes(b"  \n")
    arts, (err,) = read_all(p)
    assert not arts and "E003" in str(err) and str(p) in str(err)


def test_binary_file(tmp_path: Path):
    p = tmp_path / "image.txt"
    p.write_bytes(bytes(range(256)) * 4)
    arts, (err,) = read_all(p)
    assert not arts and ("E012" in str(err) or "E002" in str(err)) and str(p) in str(err)


def test_invalid_utf8(tmp_path: Path):
    p = tmp_path / "latin1.txt"
    p.write_bytes(ARTICLE.replace("–", "-").encode("latin-1"))
    arts, (err,) = read_all(p)
    assert not arts and "E002" in str(err) and "UTF-8" in str(err)


def test_jsonl_bad_lines_are_skipped_not_fatal(tmp_path: Path):
    p = tmp_path / "mix.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "ok1", "text": ARTICLE}),
        "{not json",
        json.dumps({"id": "notext", "title": "Sans texte"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps({"id": "ok2", "text": ARTICLE}),
    ]) + "\n", encoding="utf-8")
    arts, errors = read_all(p)
    assert [a.id for a in arts] == ["ok1", "ok2"]
    codes = [str(e)[1:5] for e in errors]
    assert codes == ["E004", "E005", "E009", "E007"]
    assert [e.where for e in errors] == [f"{p}:2", f"{p}:3", f"{p}:4", f"{p}:5"]


def test_html_without_article(tmp_path: Path):
    p = tmp_path / "menu.html"
    p.write_text("<html><body><nav><a href='/'>Accueil</a></nav></body></html>", encoding="utf-8")
    arts, (err,) = read_all(p)
    assert not arts and "E006" in str(err)


def test_non_french_text_is_skipped(tmp_path: Path):
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "fr.txt").write_text(ARTICLE, encoding="utf-8")
    arts, (err,) = read_all(tmp_path)
    assert [a.id for a in arts] == ["fr"]
    assert "E008" in str(err) and "'en'" in str(err)
    arts, errors = read_all(tmp_path, language=None)
    assert len(arts) == 2 and not errors


def test_missing_and_unsupported(tmp_path: Path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    arts, errors = read_all(tmp_path / "absent.txt", tmp_path / "x.pdf")
    assert not arts and [str(e)[1:5] for e in errors] == ["E010", "E011"]


def test_gzip_is_not_mistaken_for_text(tmp_path: Path):
    p = tmp_path / "packed.txt"
    p.write_bytes(gzip.compress(ARTICLE.encode()))
    arts, (err,) = read_all(p)
    assert not arts and str(p) in str(err)
