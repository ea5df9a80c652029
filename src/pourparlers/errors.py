"""Coded, one-line error messages (after spaCy's ``errors.py``).

Every message a user can see for bad input or misuse lives here, with a stable
code, so that it can be searched for, documented and tested. Use them as
``Errors.E001.format(...)``.
"""

from __future__ import annotations


class _Messages(type):
    """Prefix every message with its code: ``[E001] ...``."""

    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith(("E", "W")) and code[1:].isdigit():
            return f"[{code}] {msg}"
        return msg


class Errors(metaclass=_Messages):
    # Reading input (the reader stage). {where} is "file" or "file:line".
    E001 = "{where}: cannot read: {reason}"
    E002 = "{where}: not valid UTF-8 text (byte {offset}); is this a binary file?"
    E003 = "{where}: the file is empty"
    E004 = "{where}: line is not valid JSON: {reason}"
    E005 = "{where}: JSON line has no 'text' or 'html' field"
    E006 = "{where}: the HTML page has no article text"
    E007 = "{where}: the article text is empty"
    E008 = "{where}: the text is not French (detected '{lang}'); only French is supported"
    E009 = "{where}: JSON line is not an object"
    E010 = "{where}: no such file or directory"
    E011 = "{where}: unsupported input type '{suffix}' (use .txt, .html, .jsonl, .xml/.rss/.atom, .warc[.gz] or -)"
    E012 = "{where}: the text looks like binary data, not an article"
    E013 = "{where}: invalid publication date '{value}' (expected YYYY-MM-DD)"
    E014 = "{where}: the feed could not be parsed: {reason}"
    E015 = "{where}: WARC record could not be read: {reason}"
    E016 = "{where}: the article took longer than {seconds}s to analyse and was skipped"
    E017 = "{where}: the article failed to analyse: {reason}"
    E018 = "{where}: the article is too long ({n} characters, limit {limit}); raise it with --max-chars"

    # Command line and library misuse.
    E100 = "invalid value for --published: '{value}' (expected YYYY-MM-DD)"
    E101 = "gold file {path}: line {line} is not valid JSON"
    E102 = "cannot tell the kind of gold file {path}: expected 'quotes'/'events', 'timexes' or 'entities' fields"
    E103 = "system file {path} not found; run `pourparlers extract` first or pass --system"
    E104 = "the spaCy model '{name}' is not installed; run `make install` (it is a pinned dependency)"
    E105 = "unknown pipeline component '{name}'; known: {known}"
    E106 = "language resource '{name}' not found in the package data"
    E107 = "language resource '{name}' is malformed: {reason}"
    E108 = "no input given; pass files, directories or - for standard input"

    # Named entities (pourparlers.nlp.ner).
    E400 = "the fine-tuned NER weights in {path} could not be loaded: {reason}"

    # The store and the collection (E500-E599).
    E500 = "{path}: not a pourparlers store ({reason})"
    E501 = "the store {path} has schema version {found}, newer than this pourparlers supports ({supported}); upgrade pourparlers"
    E502 = "no store at {path}; run `pourparlers ingest` first (or pass --db / set POURPARLERS_DB)"
    E503 = "the store {path} cannot be opened: {reason} (is another pourparlers process using it?)"
    E504 = "alias file {where}: {reason}"
    E505 = "invalid date for {option}: '{value}' (expected YYYY, YYYY-MM or YYYY-MM-DD)"
    E506 = "migrating the store {path} from version {old} to {new} failed: {reason}; the store is unchanged (copy before migration: {backup})"
    E507 = "cannot export to {path}: {reason}"
    E508 = "invalid value for {option}: {value} ({reason})"

    # The web page and HTTP API (E800-E849).
    E800 = "invalid value for {name}: '{value}' ({reason})"
    E801 = "refusing to listen on {host}: it is not a loopback address, so other machines could read the store; pass --allow-remote to do it anyway"
    E802 = "cannot listen on {host}:{port}: {reason}"
    E803 = "no {what} '{id}' in the store"
    E804 = "the store is not available: {reason}"
    E805 = "unexpected error on the server ({kind}); the server log has the details"
    E806 = "missing parameter {name}"
    E807 = "no such page: {path}"
    E808 = "this server does not answer for the host '{host}' (open it by its loopback address)"
    W800 = "serving on {host}, which other machines may reach: anyone who can connect can read the store"
    W801 = "no store at {path} yet: the page says so until `pourparlers ingest` creates it"
    # Scale-out engine (Ray Data).
    E700 = "--engine ray needs Ray Data, which is not installed: pip install 'pourparlers[ray]'"
    E701 = "cannot attach to the Ray cluster at '{address}': {reason}"
    E702 = "{option} applies only to --engine ray"
    E703 = "unknown engine '{engine}'; use 'local' or 'ray'"
    E704 = "cannot write {path}: {reason}"
    E705 = "the Ray job failed: {reason}"
    E706 = ("cannot attach to the Ray cluster at '{address}': {reason} (a cluster with token "
            "authentication needs RAY_AUTH_MODE=token and its token in ~/.ray/auth_token or RAY_AUTH_TOKEN)")

    # Robustness: hostile and oversized input (E900-E949).
    E900 = "{where}: the page is too large ({n} bytes, limit {limit}); no news page comes near it"
    E901 = ("the store {path} could not be written: {reason}; the batch in progress was rolled back, "
            "the {n} article(s) this ingest committed before it are kept")
    E902 = "the store could not be read: {reason} (is the file damaged? it was not changed)"

    # Warnings.
    W001 = "{where}: no publication date found; relative dates stay unresolved"
    W500 = "no actor in the store matches '{name}'"
    W501 = "the store {path} was migrated from schema version {old} to {new} (copy of the old file: {backup})"
    W400 = "the fine-tuned NER weights were built for {base}; the pipeline {model} keeps its own ner"


class InputError(Exception):
    """One input item could not be read or analysed; the rest goes on.

    ``where`` names the file (and line); ``str(error)`` is the one-line message.
    """

    def __init__(self, message: str, where: str = "") -> None:
        # one line, whatever a library's reason quoted (a damaged record's bytes)
        super().__init__(" ".join(message.split()) if "\n" in message or "\r" in message else message)
        self.where = where


class UsageError(Exception):
    """The user asked for something impossible (bad option, missing file)."""


class ResourceError(Exception):
    """A language resource in the package data is missing or malformed."""
