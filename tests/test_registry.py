"""The collection actor registry (issue 5, part 3): one actor across articles, conservatively."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pourparlers.errors import UsageError
from pourparlers.resolve import (AliasEntry, EntityRef, blocks, load_alias_file, parse_alias_csv,
                                 person, resolve, role_key, subsumes)


def E(article: str, name: str, type: str = "PER", roles=(), aliases=(), published="2025-04-25",
      entity: str = "e1") -> EntityRef:
    return EntityRef(article, entity, name, type, tuple(aliases), tuple(roles), published)


def actor_of(actors, article: str, entity: str = "e1"):
    (hit,) = [a for a in actors if (article, entity) in a.members]
    return hit


def same(actors, *articles: str) -> bool:
    return len({actor_of(actors, a).actor_id for a in articles}) == 1


# ---------------------------------------------------------------- names

def test_person_name_parts():
    assert person("M. Jean-Marie Le Pen").given == ("jean-marie",)
    assert person("M. Jean-Marie Le Pen").surname == ("le", "pen")
    assert person("Mme Le Pen").given == () and person("Mme Le Pen").surname == ("le", "pen")
    assert person("Ursula von der Leyen").surname == ("von", "der", "leyen")
    assert person("Élisabeth Borne").key == "elisabeth borne"


def test_shorter_forms_are_subsumed_but_other_first_names_are_not():
    full = person("Vladimir Poutine")
    assert subsumes(full, person("Poutine"))
    assert subsumes(full, person("V. Poutine"))
    assert subsumes(person("Vladimir Vladimirovitch Poutine"), full)
    assert not subsumes(full, full)
    assert not subsumes(person("Jean-Marie Le Pen"), person("Marine Le Pen"))
    assert not subsumes(person("Jean-Paul Dupont"), person("Jean Dupont"))
    assert subsumes(person("Jean-Marie Le Pen"), person("J.-M. Le Pen"))
    assert not subsumes(person("Vladimir Poutine"), person("Lioudmila Poutine"))


def test_only_qualified_roles_are_distinctive():
    assert role_key("le président russe") == "president russe"
    assert role_key("présidente du Rassemblement national") == "presidente rassemblement national"
    assert role_key("le ministre") is None
    assert role_key("porte-parole") is None
    assert role_key("ancien président") is None


# ---------------------------------------------------------------- people

def test_surname_of_one_article_joins_full_name_of_another():
    actors = resolve([E("a1", "Vladimir Poutine", roles=["président russe"], aliases=["Poutine"]),
                      E("a2", "Poutine"), E("a3", "V. Poutine")])
    assert same(actors, "a1", "a2", "a3")
    (a,) = actors
    assert a.name == "Vladimir Poutine" and a.actor_id == "per:vladimir-poutine"
    assert {"Poutine", "V. Poutine"} <= a.aliases
    assert any("shorter form" in why for why in a.explanation)


def test_two_people_sharing_a_surname_stay_apart():
    actors = resolve([E("a1", "Marine Le Pen"), E("a2", "Jean-Marie Le Pen"),
                      E("a3", "Jean Dupont"), E("a4", "Jean-Paul Dupont")])
    assert len(actors) == 4
    assert not same(actors, "a1", "a2")
    assert not same(actors, "a3", "a4")


def test_ambiguous_surname_stays_apart_and_says_why():
    actors = resolve([E("a1", "Marine Le Pen"), E("a2", "Jean-Marie Le Pen"), E("a3", "Le Pen")])
    lone = actor_of(actors, "a3")
    assert lone.name == "Le Pen"
    assert lone.members == [("a3", "e1")]
    assert any("kept apart" in why for why in lone.explanation)


def test_shared_distinctive_role_decides_an_ambiguous_surname():
    role = "présidente du Rassemblement national"
    actors = resolve([E("a1", "Marine Le Pen", roles=[role], published="2024-05-01"),
                      E("a2", "Jean-Marie Le Pen", roles=["fondateur du Front national"]),
                      E("a3", "Mme Le Pen", roles=[role], published="2024-06-01"),
                      E("a4", "Le Pen", published="2024-06-02")])
    assert same(actors, "a1", "a3")
    assert not same(actors, "a1", "a4") and not same(actors, "a2", "a4")  # no role: apart
    assert any("shared role" in why for why in actor_of(actors, "a1").explanation)


def test_generic_or_distant_roles_do_not_decide():
    actors = resolve([E("a1", "Marine Le Pen", roles=["présidente"], published="2024-05-01"),
                      E("a2", "Jean-Marie Le Pen", roles=["président du Front national"], published="1990-01-01"),
                      E("a3", "Le Pen", roles=["présidente"], published="2024-05-02"),
                      E("a4", "Le Pen", roles=["président du Front national"], published="2024-05-02")])
    assert not same(actors, "a1", "a3")  # « présidente » alone names no one
    assert not same(actors, "a2", "a4")  # the same role, 34 years apart
    assert actor_of(actors, "a3").name == "Le Pen"


def test_different_types_and_surnames_never_join():
    actors = resolve([E("a1", "Paris", "LOC"), E("a2", "Paris", "PER"), E("a3", "Steve Witkoff"),
                      E("a4", "Witkoffski")])
    assert len(actors) == 4


# ---------------------------------------------------------------- organisations and places

def test_organisations_join_through_a_shared_alias():
    actors = resolve([E("a1", "Organisation du traité de l'Atlantique nord", "ORG", aliases=["OTAN"]),
                      E("a2", "OTAN", "ORG"), E("a3", "l'OTAN", "ORG"), E("a4", "ONU", "ORG")])
    assert same(actors, "a1", "a2") and not same(actors, "a1", "a4")
    assert actor_of(actors, "a1").type == "ORG"


# ---------------------------------------------------------------- alias file

ALIASES = """# canonical, aliases separated by |, type, country
canonical,aliases,type,country
Vladimir Poutine,Putin|Vladimir Putin|V. V. Poutine,PER,RU
Charles Witkoff,Witkoff,PER,US
Marine Le Pen,Le Pen,PER,FR
"""


def test_alias_file_is_parsed(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text(ALIASES, encoding="utf-8")
    entries = load_alias_file(path)
    assert entries[0] == AliasEntry("Vladimir Poutine", ("Putin", "Vladimir Putin", "V. V. Poutine"), "PER", "RU")
    assert entries[0].actor_id == "per:vladimir-poutine"


@pytest.mark.parametrize("text, where, why", [
    ("name,aliases\nX,Y\n", "aliases.csv", "header"),
    ("canonical,aliases,type\nX,Y,PERSON\n", "aliases.csv:2", "unknown type"),
    ("canonical,aliases\nVladimir Poutine,Poutine\nPoutine,\n", "aliases.csv:3", "already given"),
    ("canonical,aliases\n,Y\n", "aliases.csv:2", "empty canonical"),
])
def test_bad_alias_file_is_one_clear_error(text, where, why):
    with pytest.raises(UsageError) as err:
        parse_alias_csv(text, "aliases.csv")
    msg = str(err.value)
    assert msg.startswith("[E504]") and where in msg and why in msg


def test_alias_file_overrides_automatic_decisions():
    entries = parse_alias_csv(ALIASES)
    ents = [E("a1", "Vladimir Poutine"), E("a2", "Vladimir Putin"), E("a3", "Steve Witkoff"),
            E("a4", "Witkoff"), E("a5", "Marine Le Pen"), E("a6", "Jean-Marie Le Pen"), E("a7", "Le Pen")]
    auto = resolve(ents)
    assert not same(auto, "a1", "a2") and same(auto, "a3", "a4") and not same(auto, "a5", "a7")
    actors = resolve(ents, entries)
    poutine = actor_of(actors, "a1")
    assert same(actors, "a1", "a2") and poutine.country == "RU" and poutine.origin == "alias_file"
    assert not same(actors, "a3", "a4")  # the file says « Witkoff » is someone else
    assert actor_of(actors, "a4").name == "Charles Witkoff"
    assert same(actors, "a5", "a7") and not same(actors, "a6", "a7")


def test_alias_actors_are_never_joined_and_are_listed_even_unseen():
    entries = parse_alias_csv("canonical,aliases,type\nAnne Martin,,PER\nAnnie Martin,,PER\n")
    actors = resolve([E("a1", "Martin")], entries, keep=True)
    assert {a.name for a in actors} >= {"Anne Martin", "Annie Martin"}
    assert actor_of(actors, "a1").name == "Martin"  # fits both: kept apart


def test_blocks_group_what_can_be_the_same_actor():
    assert blocks(E("a", "Vladimir Poutine", aliases=["Poutine"])) == {"per:poutine"}
    assert blocks(E("a", "OTAN", "ORG")) == {"org:otan"}


# ---------------------------------------------------------------- order does not matter

PEOPLE = [E("a1", "Vladimir Poutine", roles=["président russe"]), E("a2", "Poutine"),
          E("a3", "Marine Le Pen", roles=["présidente du Rassemblement national"]),
          E("a4", "Jean-Marie Le Pen"), E("a5", "Le Pen", roles=["présidente du Rassemblement national"]),
          E("a6", "Le Pen"), E("a7", "V. Poutine"), E("a8", "OTAN", "ORG"),
          E("a9", "Organisation du traité de l'Atlantique nord", "ORG", aliases=["OTAN"])]


def _canon(actors):
    return sorted((a.actor_id, tuple(sorted(a.members))) for a in actors)


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_resolution_does_not_depend_on_order(rnd: random.Random):
    shuffled = list(PEOPLE)
    rnd.shuffle(shuffled)
    assert _canon(resolve(shuffled)) == _canon(resolve(PEOPLE))


def test_titles_before_a_name_are_not_the_name():
    actors = resolve([E("a1", "Manuel Valls"), E("a2", "Premier ministre Manuel Valls"),
                      E("a3", "le président Obama"), E("a4", "Barack Obama")])
    assert same(actors, "a1", "a2") and actor_of(actors, "a1").name == "Manuel Valls"
    assert same(actors, "a3", "a4") and actor_of(actors, "a3").name == "Barack Obama"
    assert person("la reine Élisabeth").key == "elisabeth"
    assert person("Le Pen").surname == ("le", "pen")  # a particle, not an article


def test_places_and_organisations_without_their_article():
    actors = resolve([E("a1", "la France", "LOC"), E("a2", "France", "LOC"), E("a3", "Le Havre", "LOC"),
                      E("a4", "le Kremlin", "ORG"), E("a5", "Kremlin", "ORG"), E("a6", "Kremlin", "LOC")])
    assert same(actors, "a1", "a2") and actor_of(actors, "a1").name == "France"
    assert same(actors, "a4", "a5") and not same(actors, "a5", "a6")  # types stay apart
    assert actor_of(actors, "a3").name == "Le Havre"
