"""Property-based and fuzz tests of every reader (issue 10): whatever the bytes,
a reader yields ``Article`` or ``InputError`` items — it never raises, never
hangs, never lets through text that the later stages cannot hold.

Families: arbitrary bytes for every input kind; valid files of every kind
(written here) mutated at random (bytes flipped, cut, hostile snippets
inserted); random Unicode (RTL marks, zero-width characters, combining
accents, emoji, lone surrogates through JSON); malformed dates; and the
heavy cases — 1 MB pages and texts, 50,000 one-word lines, deeply nested
HTML, tens of thousands of attributes, huge feeds, truncated WARC archives.
The heavy cases carry generous time bounds that only a hang or a quadratic
blow-up would break (the bounds are not speed measurements).
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import re
import tempfile
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pourparlers.errors import InputError
from pourparlers.ingest import find_dateline, normalise_date, read_inputs, read_stream
from pourparlers.ingest.html import MAX_HTML_BYTES
from pourparlers.model import Article

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FUZZ_DIR = Path(tempfile.mkdtemp(prefix="pourparlers-fuzz-readers-"))

PARAGRAPHS = [
    "Le conseil municipal de Valbourg s'est réuni mardi soir pour voter le budget de la commune.",
    "« Nous avons fait le choix des écoles », a déclaré la maire, Sophie Garnier, devant les élus.",
    "Les conseillers ont adopté le texte après trois heures de débat, malgré l'opposition.",
    "Le préfet de la région a reçu jeudi 12 mars les représentants des agriculteurs à Montclair.",
]
BODY = " ".join(PARAGRAPHS)
HOSTILE = ["<script>window.__pwned=1</script>", "\u202e", "\u200b\u200c\u200d\ufeff", "e\u0301\u0327",
           "👩‍👩‍👧🇫🇷", "«", "»", "\x00", "\r", "&#0;", "&#xD800;", "]]>", "<!--", "<![CDATA[", "\ufffe",
           "<?xml version='1.0' encoding='latin-1'?>", "\xe9", "\\ud800", "WARC/1.0\r\n", "\n" * 50]


def check(items: list) -> list[Article]:
    """The contract of every reader; returns the articles."""
    out = []
    for item in items:
        assert isinstance(item, (Article, InputError)), type(item)
        if isinstance(item, InputError):
            message = str(item)
            assert re.match(r"\[E\d{3}\] ", message) and "\n" not in message, message
            continue
        assert isinstance(item.text, str) and item.text.strip()
        assert not CONTROL.search(item.text), repr(CONTROL.search(item.text).group())
        assert unicodedata.is_normalized("NFC", item.text)
        item.text.encode("utf-8")  # every later stage writes UTF-8
        for value in (item.id, item.title, item.url, item.source):
            assert value is None or isinstance(value, str)
            if value is not None:
                value.encode("utf-8")
        if item.published is not None:
            assert dt.date.fromisoformat(item.published).isoformat() == item.published
        out.append(item)
    return out


def read_bytes(data: bytes, suffix: str, **kw) -> list[Article]:
    path = FUZZ_DIR / f"input{suffix}"
    path.write_bytes(data)
    return check(list(read_inputs([str(path)], **kw)))


# ------------------------------------------------------------------ valid seeds, written here

def html_page(title: str = "Le budget de Valbourg", body: str = BODY) -> str:
    return (f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{title}</title>"
            "<meta property='article:published_time' content='2026-03-03T10:00:00+01:00'></head>"
            f"<body><nav>Accueil | Politique</nav><article><h1>{title}</h1>"
            + "".join(f"<p>{p}</p>" for p in body.split(". ")) + "</article><footer>©</footer></body></html>")


def rss_feed(n: int = 3, title: str = "Le &lt;b&gt;budget&lt;/b&gt; de Valbourg") -> str:
    items = "".join(
        f"<item><title>{title} {i}</title><link>https://journal.example/{i}</link>"
        f"<guid>https://journal.example/{i}</guid><pubDate>Tue, 03 Mar 2026 10:00:00 +0100</pubDate>"
        f"<description>&lt;p&gt;{BODY} ({i})&lt;/p&gt;</description></item>" for i in range(n))
    return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>La Gazette</title><link>https://journal.example/</link>{items}</channel></rss>")


def atom_feed() -> str:
    return ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            "<title>La Gazette</title><entry><title type='html'>Le &lt;i&gt;budget&lt;/i&gt;</title>"
            "<id>urn:x:1</id><updated>2026-03-03T10:00:00Z</updated>"
            f"<content type='html'>&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>")


def warc_bytes(pages: list[bytes], gz: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i, page in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(f"https://journal.example/{i}", "response", payload=io.BytesIO(page),
                                        http_headers=headers)
        writer.write_record(rec)
    return buf.getvalue()


def jsonl_lines() -> str:
    rows = [{"id": "a", "title": "Le budget", "text": BODY, "published": "2026-03-03"},
            {"id": "b", "html": html_page(), "source": "La Gazette", "url": "https://journal.example/b"},
            {"id": "c", "text": "« Sans fin, a-t-il dit.", "published": "03/03/2026"}]
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n"


SEEDS = {
    ".txt": ("Le budget de Valbourg\n\n3 mars 2026. – " + BODY + "\n").encode(),
    ".html": html_page().encode(),
    ".jsonl": jsonl_lines().encode(),
    ".rss": rss_feed().encode(),
    ".atom": atom_feed().encode(),
    ".warc.gz": warc_bytes([html_page().encode(), html_page("Un autre titre").encode()]),
    ".warc": warc_bytes([html_page().encode()], gz=False),
}


def test_the_seeds_are_read():
    """The unmutated seeds give articles (so that the mutations start from real files)."""
    for suffix, data in SEEDS.items():
        arts = read_bytes(data, suffix)
        assert arts, suffix
        assert any("Valbourg" in a.text for a in arts), suffix


# ------------------------------------------------------------------ arbitrary bytes, every kind

@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl", ".xml", ".rss", ".atom", ".warc", ".warc.gz"])
@SETTINGS
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes(suffix, data):
    read_bytes(data, suffix)


@SETTINGS
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes_on_standard_input(data):
    check(list(read_stream(io.BytesIO(data))))


@st.composite
def mutated(draw, suffix: str) -> bytes:
    """A seed file with a few random edits: bytes flipped, cut, repeated, snippets inserted."""
    data = bytearray(SEEDS[suffix])
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "repeat", "delete"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif op == "cut":
            del data[at:]
        elif op == "insert":
            data[at:at] = draw(st.sampled_from(HOSTILE)).encode("utf-8", "surrogatepass")
        elif op == "repeat":
            data[at:at] = bytes(data[at:at + draw(st.integers(1, 200))]) * draw(st.integers(2, 50))
        else:
            del data[at:at + draw(st.integers(1, 200))]
        if not data:
            break
    return bytes(data)


@pytest.mark.parametrize("suffix", list(SEEDS))
@SETTINGS
@given(st.data())
def test_mutated_files(suffix, data):
    read_bytes(data.draw(mutated(suffix)), suffix)


# ------------------------------------------------------------------ random Unicode

UNICODE = st.lists(st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2069",
                     "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u0301", "\u0300", "\u0327", "\u0308",
                     "😀", "👩‍👩‍👧", "🇫🇷", "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F",
                     "«", "»", "“", "”", "‹", "›", "\u00a0", "\u202f", "\n", " ", "é", "ç"]),
    st.sampled_from(PARAGRAPHS)), max_size=120).map("".join)


@SETTINGS
@given(text=UNICODE)
def test_random_unicode_as_a_text_file(text):
    arts = read_bytes(text.encode("utf-8"), ".txt", language=None)
    if text.strip() and not CONTROL.search(text[:8192]):
        assert len(arts) == 1


@SETTINGS
@given(text=st.text(max_size=300), title=st.text(max_size=60), source=st.text(max_size=30))
def test_any_string_through_json_even_lone_surrogates(text, title, source):
    """JSON can escape what UTF-8 cannot hold (a lone "\\ud800"): it must not get through."""
    line = json.dumps({"id": title or "x", "title": title, "source": source, "text": text + " " + BODY})
    (art,) = read_bytes(line.encode("ascii"), ".jsonl", language=None)
    assert "\ufffd" in art.text or not re.search("[\ud800-\udfff]", text)


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                           max_leaves=20)


@SETTINGS
@given(obj=st.dictionaries(st.sampled_from(["id", "text", "html", "title", "published", "url", "source", "x"]),
                           JSON_VALUES, max_size=7))
def test_any_json_object_per_line(obj):
    read_bytes((json.dumps(obj) + "\n").encode(), ".jsonl", language=None)


# ------------------------------------------------------------------ malformed dates

BAD_DATES = ["2026-02-30", "2026-13-01", "0000-01-01", "9999-99-99", "99999-01-01", "2026-1-1", "03/03/2026",
             "hier", "", " ", "2026-03-03T99:99:99", "NaN", "-2026-03-03", "2026-03-03" + "0" * 1000, "１２３４-０１-０１",
             "2026\u200b-03-03", "Tue, 31 Feb 2026 25:61:00 +9999", "Mon, 01 Jan 0001 00:00:00 GMT", "1e308"]


@pytest.mark.parametrize("value", BAD_DATES)
def test_malformed_dates_everywhere(value):
    assert normalise_date(value) in (None, normalise_date(value[:10]))
    # JSONL field, RSS pubDate, Atom updated, HTML meta, WARC-Date, dateline
    (art,) = read_bytes(json.dumps({"id": "d", "published": value, "text": BODY}).encode(), ".jsonl")
    assert art.published is None or dt.date.fromisoformat(art.published)
    read_bytes(rss_feed(1).replace("Tue, 03 Mar 2026 10:00:00 +0100", value).encode(), ".rss")
    read_bytes(atom_feed().replace("2026-03-03T10:00:00Z", value).encode(), ".atom")
    read_bytes(html_page().replace("2026-03-03T10:00:00+01:00", value).encode(), ".html")
    read_bytes(f"Titre\n\n{value}. – {BODY}".encode(), ".txt")


@SETTINGS
@given(day=st.integers(-5, 99), month=st.sampled_from(["janvier", "février", "fevrier", "sept.", "mars", "xyz", ""]),
       year=st.integers(0, 99999), head=st.text(max_size=40))
def test_datelines_are_real_dates_or_nothing(day, month, year, head):
    found = find_dateline(f"Titre\n\n{head}{day} {month} {year}. – {BODY}")
    assert found is None or dt.date.fromisoformat(found[0])


# ------------------------------------------------------------------ the heavy cases: bounded

def bounded(seconds: float, fn, *args, **kw):
    """Run ``fn``; fail if it takes longer than ``seconds`` (a generous bound: a hang, not speed)."""
    t0 = time.perf_counter()
    out = fn(*args, **kw)
    took = time.perf_counter() - t0
    assert took < seconds, f"took {took:.1f} s (bound {seconds} s)"
    return out


def test_one_megabyte_inputs_of_every_kind():
    varied = " ".join(f"{p} (paragraphe {i})" for i, p in enumerate(PARAGRAPHS * 3000))[:1_000_000]
    (txt,) = bounded(30, read_bytes, f"Titre\n\n{varied}".encode(), ".txt")
    assert len(txt.text) > 900_000  # read whole: the pipeline's --max-chars decides (E018)
    (page,) = bounded(60, read_bytes, html_page(body=varied).encode(), ".html")
    assert len(page.text) > 500_000
    (line,) = bounded(30, read_bytes, json.dumps({"id": "big", "text": varied}).encode(), ".jsonl")
    assert len(line.text) > 900_000
    arts = bounded(60, read_bytes, warc_bytes([html_page(body=varied).encode()]), ".warc.gz")
    assert len(arts) == 1


def test_fifty_thousand_one_word_lines():
    words = "\n".join(["mot", "Valbourg", "budget", "école"] * 12_500) + "\n"
    (art,) = bounded(30, read_bytes, words.encode(), ".txt", language=None)
    assert art.text.count("\n") == 50_000
    arts = bounded(120, read_bytes, ("<html><body><article>" + "".join(f"<p>{w}</p>" for w in words.split())
                                     + "</article></body></html>").encode(), ".html", language=None)
    assert len(arts) <= 1


@pytest.mark.parametrize("depth", [1_000, 10_000, 100_000])
def test_deeply_nested_html(depth):
    for opener, closer in (("<div>", "</div>"), ("<div><span><b>", ""), ("<table><tr><td>", "</td></tr></table>")):
        page = "<html><body>" + opener * depth + html_page() + closer * depth + "</body></html>"
        bounded(60, read_bytes, page.encode(), ".html")


def test_a_page_over_the_size_limit_is_refused_at_once():
    page = html_page(body=" ".join(PARAGRAPHS * (MAX_HTML_BYTES // len(BODY) + 10)))
    assert len(page.encode()) > MAX_HTML_BYTES
    (err,) = bounded(10, lambda: [x for x in read_inputs([_write(page.encode(), ".html")])])
    assert isinstance(err, InputError) and "[E900]" in str(err)


def _write(data: bytes, suffix: str) -> str:
    path = FUZZ_DIR / f"big{suffix}"
    path.write_bytes(data)
    return str(path)


def test_an_element_with_a_hundred_thousand_attributes():
    """lxml and trafilatura are quadratic in one element's attributes: 430 KB took 8 s,
    this page (1.3 MB) would take minutes. The overlong tag is dropped before parsing."""
    attrs = " ".join(f"data-a{i}='x'" for i in range(100_000))
    page = html_page().replace("<article>", f"<article {attrs}>")
    (art,) = bounded(20, read_bytes, page.encode(), ".html")
    assert "Valbourg" in art.text


def test_a_data_uri_image_and_a_huge_inline_script():
    blob = "A" * 3_000_000
    page = html_page().replace("<article>", f"<article><img src='data:image/png;base64,{blob}'>"
                               f"<script>var x = '{'y' * 1_000_000}';</script>")
    (art,) = bounded(30, read_bytes, page.encode(), ".html")
    assert "Valbourg" in art.text and "AAAA" not in art.text and "yyyy" not in art.text


def test_a_feed_of_two_thousand_items_with_html_in_titles():
    arts = bounded(60, read_bytes, rss_feed(2_000, title="&lt;script&gt;alert(1)&lt;/script&gt;Le "
                                                          "&lt;b&gt;budget&lt;/b&gt;").encode(), ".rss")
    assert len(arts) == 2_000
    assert all(a.title.startswith("Le budget") and "alert" not in a.title for a in arts[:50])


def test_feeds_never_read_external_entities(tmp_path: Path):
    """XXE: an entity naming a local file or a URL is never read (nor fetched)."""
    secret = tmp_path / "secret.txt"
    secret.write_text("MOT-DE-PASSE", encoding="utf-8")
    xxe = f"<!DOCTYPE rss [<!ENTITY xxe SYSTEM 'file://{secret}'><!ENTITY net SYSTEM 'http://192.0.2.1/x'>]>"
    feed = rss_feed(1).replace("<rss", xxe + "<rss").replace("(0)", "&xxe; &net;")
    items = list(read_inputs([_write(feed.encode(), ".rss")]))
    check(items)
    assert all("MOT-DE-PASSE" not in (getattr(i, "text", None) or str(i)) for i in items)


def test_a_billion_laughs_feed_is_bounded():
    """Nested internal entities: expat's amplification guard stops them (at most a few
    MB: the pipeline's --max-chars then skips the article)."""
    entities = "<!ENTITY a 'aaaaaaaaaa'>" + "".join(
        f"<!ENTITY {chr(98 + i)} '" + f"&{chr(97 + i)};" * 10 + "'>" for i in range(9))
    feed = rss_feed(1).replace("<rss", f"<!DOCTYPE rss [{entities}]><rss").replace("(0)", "&j;")
    arts = bounded(20, read_bytes, feed.encode(), ".rss")
    assert all(len(a.text) < 10_000_000 for a in arts)


@pytest.mark.parametrize("cut", [0.1, 0.33, 0.5, 0.9, 0.999])
def test_truncated_warc_archives_keep_the_records_before_the_damage(cut):
    pages = [html_page(f"Titre {i}").encode() for i in range(6)]
    for gz, suffix in ((True, ".warc.gz"), (False, ".warc")):
        data = warc_bytes(pages, gz=gz)
        at = min(int(len(data) * cut) + 37, len(data) - 40)  # inside a record, not on a boundary
        items = list(read_inputs([_write(data[:at], suffix)]))
        arts = check(items)
        assert any(isinstance(i, InputError) for i in items), (suffix, cut)  # the damage is reported
        assert [a.title for a in arts] == [f"Titre {i}" for i in range(len(arts))]  # the records before it are kept
        if cut >= 0.5:
            assert len(arts) >= 2, (suffix, cut)
