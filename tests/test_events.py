"""PLOVER events (issue 6): types and modes, participants, modality, dates,
places, attributes, sources and the within-article merge.

Every text here is our own writing. The real pipeline runs (session fixtures
of conftest.py); each assertion is about what the sentence says, so each test
fails if the component stops finding it.
"""

from __future__ import annotations

import pytest

from pourparlers.nlp.events.lexicon import TYPES, build, lexicon
from pourparlers.nlp.events.merge import compatible_dates, finer_date

PUB = "2024-03-14"  # a Thursday


def fold(text: str) -> str:
    import unicodedata
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def named(participants, name: str) -> bool:
    """A participant named like ``name`` (by its last word, as the scorer does)."""
    want = fold(name).split()[-1]
    return any(want in fold(p.name).split() for p in participants)


def events_of(record, type_=None):
    return [e for e in record.events if type_ is None or e.type == type_]


def one(record, type_):
    found = events_of(record, type_)
    assert found, f"no {type_} event in {[(e.type, e.trigger.text) for e in record.events]}"
    return found[0]


# ------------------------------------------------------------------ types

TYPE_CASES = [
    # (text, type, mode or None to ignore, an actor, a target or None)
    ("Le président français a rencontré le chancelier allemand Olaf Scholz à Berlin.",
     "CONSULT", None, "Scholz", None),
    ("La France et l'Allemagne ont convenu de renforcer leur coopération militaire.",
     "AGREE", None, "Allemagne", None),
    ("Le Japon et la Corée du Sud ont signé un accord de libre-échange.",
     "SUPPORT", None, "Japon", None),
    ("Le président Joe Biden a gracié Hunter Biden.", "CONCEDE", None, "Biden", None),
    ("Le Brésil et l'Argentine ont coopéré dans la lutte contre le narcotrafic.",
     "COOPERATE", None, "Brésil", None),
    ("Les États-Unis ont livré des missiles antichars à l'Ukraine.", "AID", None, "États-Unis", "Ukraine"),
    ("Le Hamas a libéré trois otages israéliens.", "RETREAT", "release", "Hamas", "otages"),
    ("L'ONU a appelé à un cessez-le-feu immédiat.", "REQUEST", "yield", "ONU", None),
    ("Le ministre a accusé l'opposition de mentir.", "ACCUSE", "allege", "ministre", "opposition"),
    ("Pékin a rejeté les accusations de Washington.", "REJECT", None, "Chine", None),
    ("Le président turc a menacé la Suède de représailles.", "THREATEN", None, "président", "Suède"),
    ("Des milliers de manifestants ont défilé à Lyon contre la réforme.", "PROTEST", "demo",
     "manifestants", None),
    ("L'Union européenne a sanctionné la Biélorussie.", "SANCTION", None, "Union", "Biélorussie"),
    ("La Russie a déployé des troupes à la frontière.", "MOBILIZE", "troops", "Russie", None),
    ("La police a arrêté l'opposant Alexeï Navalny.", "COERCE", "arrest", "police", "Navalny"),
    ("L'armée a bombardé la ville de Rafah.", "ASSAULT", "aerial", "armée", "Rafah"),
]


def test_every_plover_type_has_a_case():
    assert {c[1] for c in TYPE_CASES} == set(TYPES)


@pytest.mark.parametrize("text,type_,mode,actor,target", TYPE_CASES, ids=[c[1] for c in TYPE_CASES])
def test_plover_types(analyse, text, type_, mode, actor, target):
    e = one(analyse(text, PUB), type_)
    if mode is not None:
        assert e.mode == mode
    assert named(e.actors, actor), e.actors
    if target is not None:
        assert named(e.targets, target), e.targets


def test_nominal_triggers(analyse):
    r = analyse("Une rencontre entre le président chinois et le président américain a eu lieu à Genève.", PUB)
    e = one(r, "CONSULT")
    assert len(e.actors) == 2 and e.targets == []
    r = analyse("Les frappes aériennes de l'armée ont touché un hôpital.", PUB)
    assert one(r, "ASSAULT").mode == "aerial"
    r = analyse("Le pays a décrété de nouvelles sanctions contre l'Iran.", PUB)
    assert named(one(r, "SANCTION").targets, "Iran")


def test_weapons_test_without_target_is_mobilize(analyse):
    r = analyse("Le régime a tiré un missile balistique au large de ses côtes.", PUB)
    e = one(r, "MOBILIZE")
    assert e.mode == "weapons"
    assert not events_of(r, "ASSAULT")


def test_call_is_request_not_the_event_called_for(analyse):
    r = analyse("Le gouvernement a appelé à la libération des otages.", PUB)
    assert one(r, "REQUEST").mode == "yield"
    assert not events_of(r, "RETREAT")


def test_passive_agent_is_the_actor(analyse):
    r = analyse("Le journaliste a été arrêté par la police militaire.", PUB)
    e = one(r, "COERCE")
    assert named(e.actors, "police") and named(e.targets, "journaliste")


def test_condemning_an_attack_targets_its_author(analyse):
    r = analyse("L'Égypte a condamné l'attaque des rebelles contre le convoi.", PUB)
    e = one(r, "ACCUSE")
    assert named(e.targets, "rebelles")


def test_no_event_from_an_anniversary_or_a_possibility(analyse):
    r = analyse("Le maire a célébré le 60e anniversaire de la rencontre entre de Gaulle et Adenauer.", PUB)
    assert not events_of(r, "CONSULT")
    r = analyse("La possibilité d'une rencontre entre les deux présidents a été évoquée.", PUB)
    assert not events_of(r, "CONSULT")


def test_visit_visitor_is_actor_host_is_target(analyse):
    text = ("Le chancelier autrichien est arrivé à Rome mardi.\n"
            "Le chancelier autrichien a rencontré la présidente du Conseil Giorgia Meloni mardi.")
    r = analyse(text, PUB)
    e = one(r, "CONSULT")
    assert len(events_of(r, "CONSULT")) == 1
    assert e.mode == "visit"
    assert named(e.actors, "chancelier")
    assert named(e.targets, "Meloni")
    assert e.location == "Rome"


def test_an_arrival_alone_is_no_event(analyse):
    r = analyse("La délégation est arrivée à Genève dans la soirée.", PUB)
    assert not events_of(r)


# -------------------------------------------------------------- modality

MODALITY_CASES = [
    ("Le ministre a rencontré son homologue espagnol.", "CONSULT", "asserted"),
    ("Le ministre aurait rencontré des émissaires iraniens.", "CONSULT", "hypothetical"),
    ("Si la Russie attaque la Moldavie, l'alliance pourrait riposter.", "ASSAULT", "hypothetical"),
    ("Le gouvernement va sanctionner la Biélorussie.", "SANCTION", "future"),
    ("Le gouvernement devrait sanctionner la Biélorussie.", "SANCTION", "future"),
    ("La Hongrie prévoit de sanctionner la Biélorussie.", "SANCTION", "future"),
]


@pytest.mark.parametrize("text,type_,modality", MODALITY_CASES)
def test_modality(analyse, text, type_, modality):
    assert one(analyse(text, PUB), type_).modality == modality


NEGATED_CASES = [
    # what did not happen is no event (the gold annotates none)
    ("Le ministre n'a pas rencontré son homologue espagnol.", "CONSULT"),
    ("Le porte-parole du gouvernement grec n'a ni confirmé ni démenti.", "REJECT"),
    ("La sénatrice a critiqué la réforme, sans toutefois appeler à la démission du ministre.",
     "REQUEST"),
    ("Le parti n'avait jamais soutenu le candidat sortant.", "SUPPORT"),
]


@pytest.mark.parametrize("text,type_", NEGATED_CASES)
def test_negated_event_is_no_event(analyse, text, type_):
    assert not events_of(analyse(text, PUB), type_)


def test_negation_needs_ne(analyse):
    # « un premier pas » is a noun, not a negation
    r = analyse("La présidente de l'ONG, Ingrid Larsen, a salué « un premier pas ».", PUB)
    assert one(r, "SUPPORT").modality == "asserted"


NON_EVENT_CASES = [
    # trigger words inside names and fixed phrases, states, refusals to comment
    ("Les Forces de soutien rapide contrôlent le nord de la ville.", "SUPPORT"),
    ("Selon l'organisation de défense des droits humains Memorial, la répression s'accroît.",
     "SUPPORT"),
    ("Des hommes armés ont pillé le dépôt de la Croix-Rouge.", "AID"),
    ("Des combattants se réclamant du groupe ont revendiqué l'attaque.", "REQUEST"),
    ("Interrogé sur la crise, le ministre s'est refusé à tout commentaire.", "REJECT"),
    ("Le porte-parole de l'armée a refusé de commenter ces informations.", "REJECT"),
    ("Près de deux millions de Yéménites sont menacés de famine, selon l'ONU.", "THREATEN"),
]


@pytest.mark.parametrize("text,type_", NON_EVENT_CASES)
def test_trigger_word_without_event(analyse, text, type_):
    assert not events_of(analyse(text, PUB), type_)


def test_planned_meeting_is_agree(analyse):
    r = analyse("Le président sénégalais rencontrera le Premier ministre indien vendredi.", PUB)
    e = one(r, "AGREE")
    assert e.modality == "future" and not events_of(r, "CONSULT")
    assert e.date == "2024-03-15"


def test_refusal_is_reject_asserted(analyse):
    e = one(analyse("Le parti a refusé de participer au gouvernement.", PUB), "REJECT")
    assert e.modality == "asserted"


def test_perfect_infinitive_after_announce_is_past(analyse):
    r = analyse("Le régime annonce avoir tiré un nouveau missile balistique.", PUB)
    assert one(r, "MOBILIZE").modality == "asserted"


# ------------------------------------------------------------------ dates

def test_date_attached_to_the_trigger(analyse):
    r = analyse("Après sa rencontre avec le roi le 2 mars, le ministre a critiqué l'opposition le 5 mars.",
                PUB)
    assert one(r, "CONSULT").date == "2024-03-02"
    assert one(r, "ACCUSE").date == "2024-03-05"


def test_date_of_the_sentence(analyse):
    r = analyse("Lundi, selon le journal, le ministre des Finances a démissionné.", PUB)
    assert one(r, "RETREAT").date == "2024-03-11"


def test_date_of_the_paragraph(analyse):
    text = ("Le 3 mars, le ministre a visité l'usine.\n"
            "Le 4 mars, le syndicat a dénoncé la réforme. Il a appelé les salariés à la grève.")
    r = analyse(text, PUB)
    assert one(r, "REQUEST").date == "2024-03-04"


def test_no_date_is_null_not_the_publication_date(analyse):
    r = analyse("Le ministre a rencontré son homologue espagnol.", PUB)
    assert one(r, "CONSULT").date is None


def test_date_across_a_reporting_verb_is_not_the_event_date(analyse):
    r = analyse("Des rebelles ont attaqué un convoi, a indiqué l'armée mardi.", PUB)
    assert one(r, "ASSAULT").date is None


def test_undated_background_event_without_publication_date(analyse):
    r = analyse("Le président a rencontré le pape.", None)
    assert one(r, "CONSULT").date is None


# ------------------------------------------------------------- the merge

def test_headline_lede_and_body_are_one_event(analyse):
    text = ("Rencontre entre le président Lula et le président Milei\n"
            "Le président Lula a rencontré le président Milei le 12 mars à Brasilia.\n"
            "La rencontre entre le président Lula et le président Milei a duré deux heures.")
    r = analyse(text, PUB)
    consults = events_of(r, "CONSULT")
    assert len(consults) == 1
    e = consults[0]
    assert e.date == "2024-03-12"
    assert named(e.actors, "Lula") and named(e.actors, "Milei")
    # the evidence is a body sentence, not the headline
    assert e.evidence.start > text.index("\n")


def test_same_type_different_dates_stay_apart(analyse):
    text = ("Le régime a procédé à un essai de missile le 2 janvier.\n"
            "Le régime avait procédé à un essai de missile le 5 novembre 2023.")
    r = analyse(text, PUB)
    dates = sorted(e.date for e in events_of(r, "MOBILIZE"))
    assert dates == ["2023-11-05", "2024-01-02"]


def test_merge_helpers():
    assert compatible_dates("2024-03", "2024-03-12") and compatible_dates(None, "2024")
    assert not compatible_dates("2024-03-11", "2024-03-12")
    assert finer_date("2024-03", "2024-03-12") == "2024-03-12"


# ------------------------------------------------------------- attributes

def test_duration_and_ordinal(analyse):
    text = ("Le président a eu un entretien de deux heures avec le roi Abdallah le 2 mars.\n"
            "C'était leur troisième rencontre cette année.")
    r = analyse(text, PUB)
    e = one(r, "CONSULT")
    assert e.attributes.get("duration") == "PT2H"
    r = analyse("Cette cinquième rencontre entre le roi Abdallah et le président a eu lieu à Amman.", PUB)
    assert one(r, "CONSULT").attributes.get("ordinal") == 5


def test_offsets_are_exact(analyse):
    text = ("Manifestations en Serbie\n"
            "Des milliers de manifestants ont défilé samedi à Belgrade contre le gouvernement.")
    r = analyse(text, PUB)
    assert r.events
    for e in r.events:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.text
        assert text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert e.evidence.start <= e.trigger.start < e.evidence.end
    assert [e.id for e in r.events] == [f"v{i}" for i in range(1, len(r.events) + 1)]


# ---------------------------------------------------------- quotations

def test_source_is_the_quotation_that_reports_it(analyse):
    text = "Le ministre a rencontré l'émissaire américain, a annoncé le porte-parole du gouvernement."
    r = analyse(text, PUB)
    if not r.quotes:
        pytest.skip("the quotation component gives no quotations on this branch")
    e = one(r, "CONSULT")
    assert e.source is not None and e.source.quote in {q.id for q in r.quotes}
    assert "porte-parole" in e.source.name or e.source.entity


def test_statement_that_accuses_is_an_event(analyse):
    text = "« C'est une violation flagrante du droit international », a déclaré Josep Borrell."
    r = analyse(text, PUB)
    if not r.quotes:
        pytest.skip("the quotation component gives no quotations on this branch")
    e = one(r, "ACCUSE")
    assert named(e.actors, "Borrell")


def test_no_event_inside_a_direct_quotation_by_its_words(analyse):
    r = analyse("« Nous ne rencontrerons jamais ces gens-là », a déclaré le ministre.", PUB)
    if not r.quotes:
        pytest.skip("the quotation component gives no quotations on this branch")
    assert not events_of(r, "CONSULT")


# ---------------------------------------------------------------- lexicon

def test_lexicon_is_data_and_checked():
    lex = lexicon()
    assert lex.verbs["rencontrer"].type == "CONSULT"
    assert lex.nouns["manifestation"].type == "PROTEST"
    with pytest.raises(ValueError):
        build({"verbs": {"faire": {"type": "NOT-A-TYPE"}}})
    with pytest.raises(ValueError):
        build({"verbs": {"faire": {"type": "AGREE", "frame": "sideways"}}})


def test_meeting_in_the_country_of_one_side_is_its_visit(analyse):
    r = analyse("Le président turc Recep Tayyip Erdogan s'est entretenu avec le chancelier allemand "
                "Olaf Scholz à Ankara.", PUB)
    e = one(r, "CONSULT")
    assert e.mode == "visit" and e.location == "Ankara"
    assert named(e.actors, "Scholz") and named(e.targets, "Erdogan")


def test_an_untied_role_is_not_a_third_participant(analyse):
    text = ("Entretien entre Lula et l'envoyé de Washington\n"
            "Le conseiller spécial de la Maison Blanche, John Miller, s'est entretenu lundi avec le "
            "président Lula à Brasilia.")
    r = analyse(text, PUB)
    e = one(r, "CONSULT")
    names = [p.name for p in e.actors + e.targets]
    assert len(names) == 2 and named(e.actors + e.targets, "Lula") and named(e.actors + e.targets, "Miller")


# ------------------------------------------------- statements (round 2)

STATEMENT_CASES = [
    # (text, type, an actor, a target or None): the cue or what is said makes the event
    ("« Toute provocation recevra une réponse ferme », a averti le porte-parole du Kremlin, "
     "Dmitri Peskov.", "THREATEN", "Peskov", None),
    ("La ministre suédoise a prévenu que son pays répondrait à toute incursion.",
     "THREATEN", "ministre", None),
    ("La maire de Lille regrette que le gouvernement ne vienne que pour réprimer.",
     "ACCUSE", "maire", "gouvernement"),
    ("L'Espagne a regretté « une décision incompréhensible » de la Commission.",
     "ACCUSE", "Espagne", None),
    ("Le syndicat a qualifié la réforme d'« injuste ».", "ACCUSE", "syndicat", None),
    ("La direction de la SNCF juge ces revendications « irréalistes ».",
     "REJECT", "SNCF", None),
    ("Le gouvernement japonais attend de Pékin qu'il libère les pêcheurs arrêtés.",
     "REQUEST", "gouvernement", "Chine"),
    ("« Il faut que l'Union européenne prenne enfin ses responsabilités », a déclaré le député "
     "Paul Durand.", "REQUEST", "Durand", "Union"),
    ("« Nous condamnons fermement cette attaque », a déclaré le ministre belge, Luc Janssens.",
     "ACCUSE", "Janssens", None),
    ("« Je veux remercier les autorités maliennes », a déclaré la journaliste Anne Morel.",
     "SUPPORT", "Morel", "autorités"),
    ("L'ONG Human Rights Watch a appelé les autorités tunisiennes à « libérer sans délai les "
     "journalistes ».", "REQUEST", "Human Rights Watch", "autorités"),
]


@pytest.mark.parametrize("text,type_,actor,target", STATEMENT_CASES, ids=[c[1] for c in STATEMENT_CASES])
def test_statement_events(analyse, text, type_, actor, target):
    e = one(analyse(text, PUB), type_)
    assert named(e.actors, actor), e.actors
    if target is not None:
        assert named(e.targets, target), e.targets


def test_said_thanks_are_asserted(analyse):
    r = analyse("« Je veux remercier les autorités maliennes », a déclaré la journaliste Anne Morel.", PUB)
    assert one(r, "SUPPORT").modality == "asserted"


NEUTRAL_STATEMENTS = [
    # regret, evaluation or « il faut » that blames no one and asks nothing of anyone
    ("Plusieurs délégations ont regretté l'absence du Mali et du Niger.", "ACCUSE"),
    ("Le ministre juge la situation « stable » dans le nord du pays.", "ACCUSE"),
    ("Pour sortir de la crise, il faut que les négociations reprennent.", "REQUEST"),
    ("Le ministre reconnaît qu'il faut que le budget soit « rééquilibré ».", "REQUEST"),
    ("La ministre a prévenu les secours dès le début de l'incendie.", "THREATEN"),
]


@pytest.mark.parametrize("text,type_", NEUTRAL_STATEMENTS)
def test_neutral_statement_is_no_event(analyse, text, type_):
    assert not events_of(analyse(text, PUB), type_)


def test_one_statement_one_event(analyse):
    # the cue says what the statement is; its words do not make a second event
    r = analyse("Le ministère a dénoncé une « provocation » et averti que Moscou prendrait « toutes "
                "les mesures nécessaires ».", PUB)
    assert len(events_of(r, "ACCUSE")) == 1
    assert len(events_of(r, "THREATEN")) == 1
    # the call is the event; what it calls for is not one of its own
    r = analyse("L'ONG a appelé les autorités à « libérer sans délai les journalistes ».", PUB)
    assert not events_of(r, "RETREAT")


# ------------------------------------- nominal and agentless mentions (round 2)

NOMINAL_CASES = [
    # (text, type, mode or None, an actor or None, a target or None)
    ("Quelque 500 policiers et gendarmes ont été mobilisés mardi à Lyon.",
     "MOBILIZE", "police", "policiers", None),
    ("Le gouvernement malien a annoncé lundi l'envoi de deux bataillons supplémentaires dans la région.",
     "MOBILIZE", "troops", "gouvernement", None),
    ("Les deux otages ont été enlevés en 2023 au Niger. Leur libération est intervenue mardi.",
     "RETREAT", "release", None, "otages"),
    ("Les otages ont été libérés après une médiation menée par le Qatar.",
     "CONSULT", "third-party", "Qatar", None),
    ("Les exportations ont chuté après l'imposition de droits de douane par Washington.",
     "SANCTION", None, "États-Unis", None),
    ("Pékin a imposé des droits de douane sur les voitures européennes.", "SANCTION", None, "Chine", None),
    ("La veille, des combats avaient opposé l'armée aux rebelles près de Goma.",
     "ASSAULT", None, "rebelles", None),
    ("Les exercices conjoints avec l'armée lettone commenceront en mars.",
     "COOPERATE", None, "armée", None),
    ("Le ministre est visé par une enquête du parquet national financier.",
     "ACCUSE", "investigate", "parquet", "ministre"),
    ("Des centaines de partisans se sont rassemblés devant le siège de la Commission électorale.",
     "PROTEST", "demo", "partisans", None),
    ("Les manifestants ont été dispersés par la police.", "COERCE", None, "police", "manifestants"),
    ("La marche, interdite la veille par le préfet, s'est tenue mardi.",
     "COERCE", "restrict", "préfet", None),
    ("Des bombardements de l'artillerie sur un camp de réfugiés ont fait vingt morts.",
     "ASSAULT", "heavy-weapons", None, "réfugiés"),
    ("Au moins douze civils ont été tués dans des frappes de drones des rebelles.",
     "ASSAULT", None, "rebelles", "civils"),
]


@pytest.mark.parametrize("text,type_,mode,actor,target", NOMINAL_CASES, ids=[c[1] for c in NOMINAL_CASES])
def test_nominal_and_agentless_mentions(analyse, text, type_, mode, actor, target):
    e = one(analyse(text, PUB), type_)
    if mode is not None:
        assert e.mode == mode
    if actor is not None:
        assert named(e.actors, actor), e.actors
    if target is not None:
        assert named(e.targets, target), e.targets


def test_one_event_told_by_two_nested_words(analyse):
    r = analyse("Les exportations ont chuté après l'imposition de droits de douane par Washington.", PUB)
    assert len(events_of(r, "SANCTION")) == 1
    r = analyse("Au moins douze civils ont été tués dans des frappes de drones des rebelles.", PUB)
    assert len(events_of(r, "ASSAULT")) == 1


def test_pronominal_perfect_is_not_passive(analyse):
    r = analyse("Le syndicaliste a parlé devant la gare, où quelque 600 grévistes s'étaient rassemblés.", PUB)
    e = one(r, "PROTEST")
    assert named(e.actors, "grévistes") and not e.targets


# ------------------------------------------------------ triggers (round 2)

def test_court_sentence_is_a_conviction(analyse):
    r = analyse("Le tribunal de Lyon a condamné jeudi l'ancien maire, Paul Roux, à trois ans de prison. "
                "Le promoteur, jugé à ses côtés, a été condamné à deux ans de prison avec sursis.", PUB)
    convictions = events_of(r, "SANCTION")
    assert len(convictions) == 2 and all(e.mode == "convict" for e in convictions)
    assert not events_of(r, "ACCUSE")
    r = analyse("La France a condamné l'attaque des rebelles contre le convoi.", PUB)
    assert events_of(r, "ACCUSE") and not events_of(r, "SANCTION")


def test_prosecutor_demand_and_appeal(analyse):
    r = analyse("Le parquet avait requis en octobre quatre ans de prison contre l'ancien maire.", PUB)
    assert named(one(r, "REQUEST").actors, "parquet")
    r = analyse("Un responsable onusien, qui a requis l'anonymat, décrit une situation grave.", PUB)
    assert not events_of(r, "REQUEST")


def test_not_ruling_out_sanctions_threatens(analyse):
    r = analyse("Le gouvernement n'exclut pas de nouvelles sanctions contre Minsk.", PUB)
    assert named(one(r, "THREATEN").actors, "gouvernement")
    assert not events_of(r, "SANCTION")
    r = analyse("Le Premier ministre a exclu toute sanction contre le ministre.", PUB)
    assert not events_of(r)


def test_veto_rejects_the_author_of_the_draft(analyse):
    r = analyse("La Russie a opposé mardi son veto à un projet de résolution présenté par la France.", PUB)
    e = one(r, "REJECT")
    assert named(e.actors, "Russie") and named(e.targets, "France")


def test_summoning_a_diplomat_is_a_protest(analyse):
    r = analyse("Le ministère danois a convoqué l'ambassadeur de Russie.", PUB)
    assert not events_of(r, "CONSULT")
    e = one(r, "ACCUSE")
    assert named(e.actors, "ministère") and named(e.targets, "ambassadeur")
    r = analyse("Le juge a convoqué le témoin.", PUB)
    assert not events_of(r, "ACCUSE")


FUTURE_MEETING_CASES = [
    # meetings to come, or that may come, are intentions (AGREE); a past meeting
    # told with reserve stays a meeting
    ("Une première réunion entre les ministres allemand et chinois pourrait se tenir à Oslo.", "AGREE"),
    ("Un porte-parole a indiqué qu'une nouvelle réunion avec les syndicats se tiendrait jeudi.", "AGREE"),
    ("La présidente a annoncé qu'elle se rendrait à Nairobi pour rencontrer le président kényan.",
     "AGREE"),
    ("Le ministre aurait rencontré des émissaires iraniens.", "CONSULT"),
]


@pytest.mark.parametrize("text,type_", FUTURE_MEETING_CASES)
def test_future_and_possible_meetings(analyse, text, type_):
    r = analyse(text, PUB)
    assert events_of(r, type_), [(e.type, e.trigger.text) for e in r.events]
    other = "CONSULT" if type_ == "AGREE" else "AGREE"
    assert not events_of(r, other)


def test_negation_by_aucun(analyse):
    r = analyse("Selon ses proches, le ministre n'aurait aucun intérêt à démissionner.", PUB)
    assert not events_of(r, "RETREAT")


# ------------------------------------------- participants (round 2)

COORDINATION_CASES = [
    # the second verb of a coordination shares the speaker's subject, even when
    # the parser hangs it on the reported clause before it
    ("Le président du syndicat, Paul Roux, a réclamé que « les salaires augmentent » et menacé "
     "d'organiser une grève.", "THREATEN", "Roux"),
    ("La présidente de l'association, Julie Morel, regrette que « l'État ne vienne que pour punir » "
     "et réclame la réouverture du centre.", "REQUEST", "Morel"),
    ("« Ce gouvernement prend l'eau », a lancé mardi le député Paul Roux, qui réclame la tenue "
     "d'un débat.", "REQUEST", "Roux"),
]


@pytest.mark.parametrize("text,type_,actor", COORDINATION_CASES, ids=[c[1] for c in COORDINATION_CASES])
def test_coordinated_and_relative_verbs_keep_their_subject(analyse, text, type_, actor):
    e = one(analyse(text, PUB), type_)
    assert named(e.actors, actor), e.actors


def test_two_subjects_both_act(analyse):
    r = analyse("L'armée malienne et les rebelles touareg ont accepté une trêve de 48 heures.", PUB)
    e = one(r, "AGREE")
    assert named(e.actors, "armée") and named(e.actors, "rebelles")


def test_the_two_countries_of_the_two_ministers(analyse):
    text = ("Le ministre tunisien des Affaires étrangères, Hédi Karoui, a été reçu lundi à Alger par son "
            "homologue algérien, Farid Benali. Les deux ministres ont signé lundi soir un accord sur "
            "l'énergie. Les deux pays avaient signé il y a trois ans un premier accord sur la pêche.")
    signed = events_of(analyse(text, PUB), "SUPPORT")
    assert len(signed) == 2
    people = signed[0].actors + signed[0].targets
    assert named(people, "Karoui") and named(people, "Benali")
    countries = signed[1].actors + signed[1].targets
    assert named(countries, "Tunisie") and named(countries, "Algérie")


def test_the_two_countries_last_named(analyse):
    r = analyse("Le Sénégal et le Maroc veulent renforcer leur coopération. Les deux pays ont signé "
                "mardi un accord sur la pêche.", PUB)
    e = one(r, "SUPPORT")
    assert named(e.actors, "Sénégal") and named(e.actors, "Maroc")


def test_another_name_of_the_same_organisation(analyse):
    r = analyse("L'OTAN renforce sa présence en Lituanie. L'Alliance atlantique déploiera un millier "
                "de soldats supplémentaires en Lituanie, a annoncé le ministre lituanien de la Défense.", PUB)
    e = one(r, "MOBILIZE")
    assert [p.name for p in e.actors] == ["OTAN"]


def test_deadline_dates_the_event(analyse):
    r = analyse("L'Alliance atlantique déploiera d'ici à la fin du mois de mai un millier de soldats "
                "supplémentaires en Lituanie.", PUB)
    assert one(r, "MOBILIZE").date == "2024-05"


def test_praise_of_a_quality_targets_its_owner(analyse):
    r = analyse("Le Premier ministre a salué « le sens des responsabilités » de Mme Dubois.", PUB)
    assert named(one(r, "SUPPORT").targets, "Dubois")


def test_an_evaluation_needs_someone_who_says_it(analyse):
    r = analyse("La Corée du Nord est considérée comme l'un des pays où les droits de l'homme sont le "
                "plus violés.", PUB)
    assert not events_of(r, "ACCUSE")


def test_the_next_summit_is_another_event(analyse):
    text = ("Le sommet de l'Union africaine s'est tenu samedi à Addis-Abeba.\n"
            "En marge du sommet, le président kényan, William Ruto, s'est entretenu avec le Premier "
            "ministre éthiopien, Abiy Ahmed. Les deux dirigeants sont convenus de renforcer leur "
            "coopération.\nLe prochain sommet se tiendra en février 2025.")
    r = analyse(text, PUB)
    agreed = [e for e in events_of(r, "AGREE") if named(e.actors, "Ruto")]
    assert agreed and agreed[0].date is None  # not the date of the next summit
    nxt = [e for e in events_of(r, "AGREE") if e.date == "2025-02"]
    assert nxt and named(nxt[0].actors, "Union")
    talks = [e for e in events_of(r, "CONSULT") if named(e.actors + e.targets, "Ruto")]
    assert talks and not named(talks[0].actors + talks[0].targets, "Union")


DATE_SCOPE_CASES = [
    # the clause's date is not the date of what came before it, nor of a
    # relative clause's own event
    ("Leur libération est intervenue mardi, à la suite d'une médiation menée par le Qatar.", "CONSULT"),
    ("La semaine dernière, des frappes avaient fait 20 morts, d'après l'ONG Amnesty International, "
     "qui a accusé l'armée de crimes de guerre.", "ACCUSE"),
]


@pytest.mark.parametrize("text,type_", DATE_SCOPE_CASES)
def test_clause_date_does_not_reach_other_events(analyse, text, type_):
    assert one(analyse(text, PUB), type_).date is None


def test_trigger_word_in_a_capitalised_name(analyse):
    r = analyse("Selon le ministère, les Forces de soutien rapide ont accepté la trêve.", PUB)
    assert not events_of(r, "SUPPORT")
    assert named(one(r, "AGREE").actors, "Forces")


def test_strike_called_by_unions(analyse):
    r = analyse("La circulation des trains reste perturbée mercredi, en raison d'une grève des "
                "contrôleurs lancée dimanche soir à l'appel du syndicat SUD-Rail.", PUB)
    e = one(r, "PROTEST")
    assert named(e.actors, "SUD-Rail")
    assert e.date == "2024-03-10"


def test_anonymous_victims_without_author_are_no_event(analyse):
    r = analyse("Selon la police, 17 personnes ont été tuées dans la région depuis janvier.", PUB)
    assert not events_of(r, "ASSAULT")


def test_one_name_before_merging(analyse):
    text = ("L'OTAN va déployer un millier de soldats en Lituanie\n"
            "L'Alliance atlantique déploiera d'ici à la fin du mois de mai un millier de soldats "
            "supplémentaires en Lituanie.")
    r = analyse(text, PUB)
    assert len(events_of(r, "MOBILIZE")) == 1
    assert one(r, "MOBILIZE").date == "2024-05"


def test_suspensions_and_blockades(analyse):
    r = analyse("L'UE a suspendu son aide au Niger.", PUB)
    e = one(r, "SANCTION")
    assert named(e.actors, "UE") and named(e.targets, "Niger")
    assert not events_of(r, "AID")
    r = analyse("Le Mali et le Niger, suspendus de l'organisation après les coups d'État, étaient absents.", PUB)
    assert named(one(r, "SANCTION").targets, "Niger")
    r = analyse("Les douanes turques ont bloqué plusieurs cargaisons de blé ukrainien.", PUB)
    assert one(r, "COERCE").mode == "restrict"
    r = analyse("Le gardien a bloqué le ballon.", PUB)
    assert not events_of(r, "COERCE")


IMPLICIT_ACCUSER_CASES = [
    # an accusation told by a participle set apart is made by whoever acts on
    # the accused
    ("La police a arrêté trois hommes, soupçonnés d'avoir préparé un attentat.", "police", "hommes"),
    ("Les ministres de l'UE ont adopté des sanctions contre douze responsables biélorusses, accusés "
     "d'avoir participé à la répression.", "ministres", "responsables"),
]


@pytest.mark.parametrize("text,actor,target", IMPLICIT_ACCUSER_CASES)
def test_implicit_accuser(analyse, text, actor, target):
    e = one(analyse(text, PUB), "ACCUSE")
    assert named(e.actors, actor) and named(e.targets, target)


def test_two_more_are_not_the_two_known(analyse):
    r = analyse("La Pologne a rencontré la Lituanie. Minsk a annoncé l'expulsion de deux diplomates "
                "polonais, accusés d'« activités incompatibles avec leur statut ».", PUB)
    e = one(r, "ACCUSE")
    assert not named(e.actors + e.targets, "Lituanie")
    assert not named(e.actors, "activités")


def test_a_capital_stands_for_its_country(analyse):
    r = analyse("Rome a remercié Nouakchott pour sa médiation.", PUB)
    e = one(r, "SUPPORT")
    assert named(e.actors, "Italie") and named(e.targets, "Mauritanie")
    # but Brussels for the European Union keeps its name
    r = analyse("Bruxelles a salué la formation du gouvernement grec.", PUB)
    assert named(one(r, "SUPPORT").actors, "Bruxelles")


def test_participle_cut_from_its_auxiliary(analyse):
    r = analyse("Le ministre malien a de son côté salué « l'engagement constant » du Maroc.", PUB)
    assert named(one(r, "SUPPORT").actors, "ministre")


def test_date_of_the_statement_medium(analyse):
    r = analyse("Dans un communiqué publié dans la soirée de mardi, le mouvement a démenti toute "
                "implication.", PUB)
    assert one(r, "REJECT").date == "2024-03-12"


def test_an_event_over_two_days_is_dated_by_the_first(analyse):
    r = analyse("Réunis samedi et dimanche à Nairobi pour le sommet de l'Union africaine, les chefs "
                "d'État se sont engagés à créer une force commune.", PUB)
    assert one(r, "CONSULT").date == "2024-03-09"


def test_obliques_parsed_as_objects(analyse):
    r = analyse("« L'Italie ne cherche pas la confrontation. Mais nous attendons de la Turquie qu'elle "
                "respecte les règles du commerce », a résumé Mme Giulia Rossi dimanche.", PUB)
    e = one(r, "REQUEST")
    assert named(e.actors, "Rossi") and named(e.targets, "Turquie")
    assert e.date == "2024-03-10"
    r = analyse("Le ministre délégué aux Transports, Paul Roux, a appelé « chacun à la responsabilité ».", PUB)
    assert named(one(r, "REQUEST").actors, "Roux")


def test_threat_target_in_its_content(analyse):
    r = analyse("La Commission menace d'activer son instrument anti-coercition contre la Chine.", PUB)
    e = one(r, "THREATEN")
    assert named(e.actors, "Commission") and named(e.targets, "Chine")


def test_a_capital_visited_to_meet_a_host_is_the_place_only(analyse):
    r = analyse("Le ministre kényan Daniel Otieno s'est rendu jeudi à Rome pour y rencontrer Giorgia Meloni.", PUB)
    e = one(r, "CONSULT")
    assert named(e.targets, "Meloni") and not named(e.targets, "Italie") and e.location == "Rome"
    # with no host named, the country visited is the host (ANNOTATION §2: « un voyage en Allemagne »)
    r = analyse("Le président tchadien Idriss Déby s'est rendu jeudi à Rome.", PUB)
    assert named(one(r, "CONSULT").targets, "Italie")


def test_statement_words_in_quotes(analyse):
    # a blame word describing an object is said even under a negated verb
    r = analyse("« Nous n'accepterons jamais cette politique néocoloniale », a déclaré mardi le ministre "
                "malien Amadou Traoré.", PUB)
    assert named(one(r, "ACCUSE").actors, "Traoré")
    # a negated acceptability criticises
    r = analyse("« Il n'est plus acceptable que nos pêcheurs soient sacrifiés », a lancé mardi le ministre "
                "portugais Rui Costa.", PUB)
    assert named(one(r, "ACCUSE").actors, "Costa")
    # blame said of accusations rejects them
    r = analyse("« Ces allégations sont absurdes et mensongères », a réagi mercredi le porte-parole du "
                "gouvernement serbe, Milan Petrović.", PUB)
    assert named(one(r, "REJECT").actors, "Petrović") and not events_of(r, "ACCUSE")


def test_promised_retaliation_is_a_threat(analyse):
    r = analyse("Le porte-parole du Kremlin, Dmitri Orlov, a promis mardi des « mesures de représailles » "
                "contre la Pologne.", PUB)
    assert named(one(r, "THREATEN").actors, "Orlov") and not events_of(r, "AGREE")


def test_hosting_a_population_or_deploying_civilians_is_no_event(analyse):
    r = analyse("La Turquie accueille aujourd'hui plus de trois millions de réfugiés syriens.", PUB)
    assert not events_of(r, "CONSULT")
    r = analyse("Le Chili accueille aujourd'hui plus de 500 000 Vénézuéliens, la première communauté "
                "étrangère du pays.", PUB)
    assert not events_of(r, "CONSULT")
    r = analyse("Le président kényan a accueilli mardi son homologue ougandais pour deux jours de visite.", PUB)
    assert events_of(r, "CONSULT")
    r = analyse("La mission de l'Union européenne a déployé 80 observateurs dans le pays.", PUB)
    assert not events_of(r, "MOBILIZE")
    r = analyse("L'armée française a déployé 300 soldats au Tchad.", PUB)
    assert events_of(r, "MOBILIZE")


def test_recalling_an_ambassador_is_a_sanction(analyse):
    r = analyse("Le Mali a rappelé mardi son ambassadeur à Paris.", PUB)
    e = one(r, "SANCTION")
    assert e.mode == "withdraw" and named(e.actors, "Mali")
    r = analyse("Le gouvernement malien a annoncé lundi le rappel de son ambassadeur à Alger.", PUB)
    assert one(r, "SANCTION").mode == "withdraw"
    r = analyse("Le ministre a fait un rappel des règles de sécurité.", PUB)
    assert not events_of(r, "SANCTION")


def test_members_of_a_named_body_meet_as_it(analyse):
    r = analyse("Les ministres de la Défense de l'OTAN se réuniront jeudi à Bruxelles.", PUB)
    e = one(r, "AGREE")
    assert e.modality == "future"
    r = analyse("Ses partisans se sont réunis dimanche devant la mairie.", PUB)
    assert not events_of(r, "CONSULT") and not events_of(r, "AGREE")


def test_state_of_emergency_is_martial_law(analyse):
    r = analyse("Le gouvernement péruvien a décrété lundi l'état d'urgence dans trois provinces.", PUB)
    e = one(r, "COERCE")
    assert e.mode == "martial-law" and named(e.actors, "gouvernement")
    r = analyse("Le gouvernement a prolongé lundi l'état des routes.", PUB)
    assert not events_of(r, "COERCE")


def test_material_triggers(analyse):
    r = analyse("Les deux milices s'affrontent depuis mars 2022 dans la région.", PUB)
    assert events_of(r, "ASSAULT")
    r = analyse("Des renforts ont été dépêchés mardi vers la frontière, selon l'armée nigériane.", PUB)
    assert one(r, "MOBILIZE").mode == "troops"
    r = analyse("Mardi, des manifestants ont lancé des pierres sur les gendarmes devant la préfecture.", PUB)
    e = one(r, "PROTEST")
    assert e.mode == "riot" and named(e.targets, "gendarmes")
    r = analyse("L'opération militaire conjointe lancée en 2021 avec l'Ouganda reste suspendue.", PUB)
    assert named(one(r, "COOPERATE").actors, "Ouganda")
    r = analyse("Le cessez-le-feu conclu sous l'égide du Qatar entre Israël et le Hamas a été violé.", PUB)
    e = one(r, "CONSULT")
    assert e.mode == "third-party" and named(e.actors, "Qatar")


def test_habitual_attacks_are_background(analyse):
    r = analyse("La région est le théâtre depuis 2015 d'attaques régulières de groupes armés.", PUB)
    assert not events_of(r, "ASSAULT")


def test_a_gerund_of_the_same_attack_is_one_event(analyse):
    r = analyse("Samedi, des hommes armés ont attaqué le village de Kessa, tuant au moins douze personnes.", PUB)
    assert len(events_of(r, "ASSAULT")) == 1


def test_two_modes_of_a_sanction_are_two_events(analyse):
    r = analyse("Le Pérou rappelle son ambassadeur en Bolivie après l'expulsion d'un diplomate péruvien.", PUB)
    modes = {e.mode for e in events_of(r, "SANCTION")}
    assert modes == {"withdraw", "expel"}


def test_on_nous_is_others_acting_on_the_speaker(analyse):
    r = analyse("« On nous demande de réduire nos prises de moitié », lance mardi Jean Kerbrat, patron pêcheur.", PUB)
    assert not events_of(r, "REQUEST")
    r = analyse("« On nous promet des aides depuis des mois », a déclaré mardi l'agriculteur Paul Leroux.", PUB)
    assert not events_of(r, "AGREE")
    r = analyse("« On demande au gouvernement de reculer », a déclaré mardi le syndicaliste Paul Leroux.", PUB)
    assert named(one(r, "REQUEST").actors, "Leroux")


def test_a_quoted_obligation_is_a_demand_on_its_subject(analyse):
    r = analyse("« Le gouvernement iranien doit libérer sans délai tous les journalistes détenus », a déclaré "
                "mardi le ministre français Jean Dupuis.", PUB)
    e = one(r, "REQUEST")
    assert named(e.actors, "Dupuis") and named(e.targets, "gouvernement")
    for text in ("« Le sommet doit commencer jeudi », a précisé mardi le porte-parole Jean Dupuis.",
                 "« Nous devons tout faire pour protéger les civils », a déclaré mardi le ministre Jean Dupuis.",
                 "« Cette décision doit être difficile pour lui », a déclaré mardi le ministre Jean Dupuis.",
                 "Jean Dupuis a indiqué que le gazoduc, qui doit relier les deux pays, serait achevé en 2027."):
        assert not events_of(analyse(text, PUB), "REQUEST"), text


def test_a_deadline_dates_only_what_is_to_come(analyse):
    r = analyse("Le Kenya déploiera 600 policiers en Haïti d'ici à la mi-octobre, a annoncé lundi la présidence, "
                "à l'issue d'un entretien téléphonique entre William Ruto et Garry Conille.", PUB)
    assert one(r, "MOBILIZE").date == "2024-10"
    assert one(r, "CONSULT").date != "2024-10"
    r = analyse("Le commissaire européen Marc Weber s'est engagé à présenter un plan avant l'été.", PUB)
    assert one(r, "AGREE").date is None


def test_a_participle_after_the_object_is_the_subjects_act(analyse):
    r = analyse("Le Brésil a rappelé son ambassadeur, accusant le Paraguay d'ingérence.", PUB)
    e = one(r, "ACCUSE")
    assert named(e.actors, "Brésil") and named(e.targets, "Paraguay")
    r = analyse("Les rebelles du M23, accusant Kinshasa de violer la trêve, ont repris les combats mardi.", PUB)
    assert named(one(r, "ACCUSE").actors, "rebelles")
    r = analyse("En 2021, Lima et La Paz avaient menacé de quitter les négociations, accusant les compagnies "
                "minières de « saboter » l'accord.", PUB)
    e = one(r, "ACCUSE")
    assert named(e.targets, "compagnies") and not named(e.actors, "négociations")


def test_accused_by_the_agent_of_the_passive_clause(analyse):
    r = analyse("Quinze responsables iraniens, accusés de « violations graves des droits humains », ont été "
                "sanctionnés lundi par l'Union européenne.", PUB)
    assert named(one(r, "ACCUSE").actors, "Union européenne")
    assert named(one(r, "SANCTION").actors, "Union européenne")


def test_regretting_a_decision_is_criticism(analyse):
    r = analyse("Le représentant du Brésil, qui parle au nom du groupe latino-américain, a lui aussi regretté "
                "le blocage, tout en appelant les pays voisins à « rester calmes ».", PUB)
    assert named(one(r, "ACCUSE").actors, "représentant")
    r = analyse("Le ministre italien Marco Bianchi a regretté jeudi l'absence de son collègue.", PUB)
    assert not events_of(r, "ACCUSE")


def test_a_planned_meeting_with_someone(analyse):
    r = analyse("Une réunion est prévue lundi prochain à Rome avec le cabinet du ministre de l'Agriculture.", PUB)
    e = one(r, "AGREE")
    assert e.modality == "future" and e.date == "2024-03-18"


def test_a_stance_towards_anything_of_a_kind_is_no_event(analyse):
    r = analyse("« Nous soutenons tout ce qui améliore la vie des paysans, mais la prudence reste de mise », "
                "estime un dirigeant syndical.", PUB)
    assert not events_of(r, "SUPPORT")
    r = analyse("« Nous soutenons le gouvernement malien », a déclaré le ministre Paul Roux.", PUB)
    assert named(one(r, "SUPPORT").actors, "Roux")


def test_killings_told_without_attacker_join_the_one_attack(analyse):
    text = ("Mali : vingt soldats tués dans l'attaque d'un camp militaire\n\n"
            "Au moins vingt soldats maliens ont été tués mardi dans l'attaque d'un camp militaire à Kidal. "
            "Le Front de libération de l'Azawad a revendiqué mardi l'attaque, affirmant avoir tué « des dizaines "
            "de soldats ».")
    r = analyse(text, PUB)
    attacks = events_of(r, "ASSAULT")
    assert attacks and all(a.actors for a in attacks)
    assert any(named(a.targets, "soldats") for a in attacks)
    assert not any(named(a.actors, "camp") for a in attacks)


def test_a_participle_sharing_an_auxiliary_shares_the_date(analyse):
    r = analyse("Le député Paul Roux a jugé mercredi que « cette démission arrive trop tard » et réclamé la "
                "création d'une commission d'enquête.", PUB)
    assert one(r, "REQUEST").date == "2024-03-13"


def test_recall_with_an_inserted_quotation(analyse):
    r = analyse("Le gouvernement péruvien a annoncé jeudi le rappel « pour consultations » de son ambassadeur "
                "à Quito.", PUB)
    e = one(r, "SANCTION")
    assert e.mode == "withdraw" and e.date == "2024-03-14"


def test_a_headline_restating_the_body_event_is_one_event(analyse):
    text = ("Inondations : Lima réclame une aide internationale\n\n"
            "Le président péruvien, Carlos Mendoza, a appelé mardi ses partenaires à « agir vite » après les "
            "inondations qui ont frappé le nord du pays.")
    r = analyse(text, PUB)
    requests = events_of(r, "REQUEST")
    assert len(requests) == 1 and named(requests[0].actors, "Mendoza")


def test_a_coordinated_verb_gets_the_object_after_it(analyse):
    r = analyse("La police a dispersé les manifestants à l'aide de gaz lacrymogène et interpellé au moins vingt "
                "personnes, a-t-on appris de source policière.", PUB)
    arrests = [e for e in events_of(r, "COERCE") if e.mode == "arrest"]
    assert arrests and named(arrests[0].actors, "police") and named(arrests[0].targets, "personnes")


def test_an_agreement_opposed_or_a_free_trade_kind_is_no_event(analyse):
    r = analyse("Quelque 3 000 agriculteurs ont manifesté jeudi à Bruxelles contre l'accord commercial entre "
                "l'UE et le Mercosur.", PUB)
    assert events_of(r, "PROTEST") and not events_of(r, "AGREE")
    r = analyse("Les syndicats ont dénoncé l'accord de libre-échange entre le Canada et l'UE.", PUB)
    assert not events_of(r, "CONSULT")


def test_a_reported_passive_violation_is_no_accusation(analyse):
    r = analyse("Moins de deux jours après son entrée en vigueur, le cessez-le-feu conclu sous l'égide du Qatar "
                "entre l'armée et les rebelles a été violé à plusieurs reprises dans la province, selon des "
                "sources locales.", PUB)
    assert not events_of(r, "ACCUSE")


def test_an_arrival_and_a_reception_are_one_visit(analyse):
    r = analyse("Le chef du gouvernement marocain reçoit le dirigeant portugais à Rabat\n\n"
                "Le Premier ministre portugais, Rui Matos, est arrivé lundi à Rabat pour une visite de trois jours. "
                "Il a été reçu au palais royal par le chef du gouvernement marocain, Karim Alami, avec qui il "
                "s'est entretenu pendant deux heures.", PUB)
    consults = [e for e in r.events if e.type == "CONSULT"]
    assert len(consults) == 1
    e = consults[0]
    assert named(e.actors, "Matos") and named(e.targets, "Alami") and e.date == "2024-03-11"
    assert e.location == "Rabat" and e.mode == "visit"


def test_two_visits_of_one_host_stay_two(analyse):
    r = analyse("La ministre suédoise Eva Lind est arrivée lundi à Rabat. Mardi, le président finlandais Olli Saari "
                "a été reçu par Karim Alami.", PUB)
    consults = [e for e in r.events if e.type == "CONSULT"]
    assert not any(named(e.actors, "Lind") and named(e.actors, "Saari") for e in consults)
