"""The documentation matches the code (after datasette's documentation tests)."""

from __future__ import annotations

import re
import string

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands():
    import typer.main

    from pourparlers.cli import app

    return sorted(typer.main.get_command(app).commands)


def test_every_command_is_documented_in_the_readme():
    documented = set(re.findall(r"^### `(\w+)`", README, flags=re.M))
    missing = [c for c in commands() if c not in documented]
    assert not missing, f"commands without a README section: {missing}"


def test_readme_quick_start_is_two_commands():
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    block = re.search(r"```sh\n(.*?)```", quick, flags=re.S).group(1)
    lines = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert lines == ["make demo", "make test"]


def test_error_codes_are_unique_and_well_formed():
    from pourparlers import errors

    source = (ROOT / "src/pourparlers/errors.py").read_text(encoding="utf-8")
    codes = re.findall(r"^    ([EW]\d{3}) = ", source, flags=re.M)
    assert len(codes) == len(set(codes)), "duplicate error codes"
    for code in codes:
        msg = getattr(errors.Errors, code)
        assert msg.startswith(f"[{code}] ")
        fields = {f for _, f, _, _ in string.Formatter().parse(msg) if f}
        msg.format(**{f: "x" for f in fields})  # every placeholder is a plain name


def test_components_in_docs_are_registered():
    from pourparlers.nlp import COMPONENTS

    for _, factory, _ in COMPONENTS:
        assert factory in README or factory in (ROOT / "DEVELOPERS.md").read_text(encoding="utf-8")


def test_options_in_documented_examples_exist():
    """Every ``--option`` of a ``pourparlers COMMAND`` line in a README or docs/ example is one of
    that command's options (an option renamed in the code and not in the docs fails here)."""
    import typer.main

    from pourparlers.cli import app

    cli = typer.main.get_command(app)
    texts = [README, *(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))]
    checked = 0
    for text in texts:
        for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
            for line in block.splitlines():
                words = line.split("#")[0].split()
                if "pourparlers" not in words or words.index("pourparlers") + 1 >= len(words):
                    continue
                name = words[words.index("pourparlers") + 1]
                assert name in cli.commands, f"unknown command in an example: {line.strip()}"
                known = {o for p in cli.commands[name].params for o in p.opts + p.secondary_opts}
                for word in words:
                    option = word.split("=")[0]
                    if option.startswith("--"):
                        assert option in known, f"{option} is no option of {name}: {line.strip()}"
                        checked += 1
    assert checked > 10  # the examples were found
