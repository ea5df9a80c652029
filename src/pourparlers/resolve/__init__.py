"""Actor resolution beyond one article: the collection registry and the alias file.

    from pourparlers.resolve import resolve, EntityRef, load_alias_file
    actors = resolve(entities, load_alias_file("aliases.csv"))
"""

from __future__ import annotations

from .names import key, person, role_key, subsumes
from .registry import (Actor, AliasEntry, AliasIndex, EntityRef, alias_csv, blocks,
                       load_alias_file, parse_alias_csv, resolve)

__all__ = ["Actor", "AliasEntry", "AliasIndex", "EntityRef", "alias_csv", "blocks", "key",
           "load_alias_file", "parse_alias_csv", "person", "resolve", "role_key", "subsumes"]
