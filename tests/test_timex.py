"""Temporal expressions: detection, span and TIMEX3 value, family by family.

Every sentence is our own. Each case is (text, publication date, expected span
text, TIMEX3 type, value); the expression is looked up by its text, so a case
fails when the span, the type or the value differs.
"""

from __future__ import annotations

import pytest

from pourparlers.model import Timex
from pourparlers.nlp.timex import event_date, timex_in

# 2024-03-15 is a Friday; 2017-01-23 a Monday.
FRI = "2024-03-15"
MON = "2017-01-23"


def find(record, span_text):
    hits = [t for t in record.timexes if t.text == span_text]
    assert hits, f"no timex {span_text!r} in {[(t.text, t.value) for t in record.timexes]}"
    return hits[0]


def check(analyse, text, published, span_text, type_, value):
    record = analyse(text, published)
    t = find(record, span_text)
    assert (t.type, t.value) == (type_, value), (t.type, t.value)
    assert text[t.start:t.end] == t.text


CASES = {
    "absolute dates": [
        ("La réunion s'est tenue le 25 avril 2024 à Genève.", FRI, "le 25 avril 2024", "DATE", "2024-04-25"),
        ("Le contrat a été signé en avril 2023.", FRI, "avril 2023", "DATE", "2023-04"),
        ("Le traité a été ratifié en 2019 par le Sénat.", FRI, "2019", "DATE", "2019"),
        ("Le décret est paru le 1er mars au Journal officiel.", FRI, "le 1er mars", "DATE", "2024-03-01"),
        ("Le scrutin est fixé au 25/04/2026 par le décret.", FRI, "25/04/2026", "DATE", "2026-04-25"),
        ("Le rapport publié le 2023-11-07 fait date.", FRI, "2023-11-07", "DATE", "2023-11-07"),
        ("Le ministre arrivera mardi 19 mars à Berlin.", FRI, "mardi 19 mars", "DATE", "2024-03-19"),
        ("Le romancier est né le trente et un décembre 1950.", FRI, "le trente et un décembre 1950", "DATE", "1950-12-31"),
        ("Les accords de paix ont été conclus en octobre 98.", "1999-05-02", "octobre 98", "DATE", "1998-10"),
        ("Le bureau politique se réunira le mois de juin prochain.", FRI, "le mois de juin prochain", "DATE", "2024-06"),
        ("La salle sera inaugurée en l'an 2000.", "1999-05-02", "l'an 2000", "DATE", "2000"),
    ],
    "year inferred from the tense": [
        ("Les ministres se sont retrouvés le 3 mars à Oslo.", FRI, "le 3 mars", "DATE", "2024-03-03"),
        ("Le sommet aura lieu le 12 janvier à Dakar.", "2023-12-20", "le 12 janvier", "DATE", "2024-01-12"),
        ("Les négociations avaient commencé le 28 décembre.", "2024-01-05", "le 28 décembre", "DATE", "2023-12-28"),
        ("Le gendarme avait été grièvement blessé le 21 juin à Lens.", "2024-05-27", "le 21 juin", "DATE", "2023-06-21"),
        ("La grève a commencé en novembre dans les raffineries.", FRI, "novembre", "DATE", "2023-11"),
        ("Les travaux reprendront en septembre.", FRI, "septembre", "DATE", "2024-09"),
        ("Les élections ont eu lieu en septembre dernier.", FRI, "septembre dernier", "DATE", "2023-09"),
        ("Le parti tiendra son congrès en juin prochain.", FRI, "juin prochain", "DATE", "2024-06"),
    ],
    "unknown year": [
        ("La cérémonie a eu lieu le 25 avril à Kiev.", None, "le 25 avril", "DATE", "XXXX-04-25"),
        ("La séance a été levée lundi soir.", None, "lundi soir", "TIME", "XXXX-WXX-1TEV"),
        ("Le ministre a démissionné hier.", None, "hier", "DATE", "XXXX-XX-XX"),
        ("Le congrès s'ouvrira en mai.", None, "mai", "DATE", "XXXX-05"),
    ],
    "weekdays": [
        ("Le président a reçu samedi son homologue.", MON, "samedi", "DATE", "2017-01-21"),
        ("Le président recevra samedi son homologue.", MON, "samedi", "DATE", "2017-01-28"),
        ("Ils se retrouveront samedi prochain à Rome.", MON, "samedi prochain", "DATE", "2017-01-28"),
        ("Les délégués se sont réunis vendredi dernier.", MON, "vendredi dernier", "DATE", "2017-01-20"),
        ("Le ministre doit se rendre jeudi à Bruxelles.", MON, "jeudi", "DATE", "2017-01-26"),
        ("Les obsèques ont eu lieu dimanche matin.", MON, "dimanche matin", "TIME", "2017-01-22TMO"),
        ("Jeudi, les syndicats ont manifesté devant le ministère.", MON, "Jeudi", "DATE", "2017-01-19"),
        ("Le conseil s'est réuni ce lundi à Paris.", MON, "ce lundi", "DATE", "2017-01-23"),
        ("La séance a été levée lundi.", None, "lundi", "DATE", "XXXX-WXX-1"),
    ],
    "relative days": [
        ("Le gouvernement a présenté hier son budget.", FRI, "hier", "DATE", "2024-03-14"),
        ("Le parlement vote aujourd'hui la réforme.", FRI, "aujourd'hui", "DATE", "2024-03-15"),
        ("La délégation repartira demain matin.", FRI, "demain matin", "TIME", "2024-03-16TMO"),
        ("Le texte avait été adopté avant-hier par les députés.", FRI, "avant-hier", "DATE", "2024-03-13"),
        ("Les résultats seront connus après-demain.", FRI, "après-demain", "DATE", "2024-03-17"),
        ("Le premier ministre a pris la parole hier soir à la télévision.", FRI, "hier soir", "TIME", "2024-03-14TEV"),
        ("L'arrivée de l'émissaire a été signalée plus tôt ce matin.", FRI, "ce matin", "TIME", "2024-03-15TMO"),
        ("Le Conseil se réunit aujourd'hui vendredi à Bruxelles.", FRI, "aujourd'hui vendredi", "DATE", "2024-03-15"),
        ("Aujourd'hui, les jeunes lisent moins de journaux.", FRI, "Aujourd'hui", "TIME", "PRESENT_REF"),
    ],
    "relative periods": [
        ("Les exportations ont chuté l'an dernier.", FRI, "l'an dernier", "DATE", "2023"),
        ("La réforme entrera en vigueur l'année prochaine.", FRI, "l'année prochaine", "DATE", "2025"),
        ("Le ministre s'est rendu à Kiev la semaine dernière.", FRI, "la semaine dernière", "DATE", "2024-W10"),
        ("Le texte sera examiné le mois prochain.", FRI, "le mois prochain", "DATE", "2024-04"),
        ("Les deux pays ont signé cette semaine un accord.", FRI, "cette semaine", "DATE", "2024-W11"),
        ("Les prix ont encore augmenté ce mois-ci.", FRI, "ce mois-ci", "DATE", "2024-03"),
        ("Quatrième rencontre cette année entre les deux dirigeants.", FRI, "cette année", "DATE", "2024"),
        ("Des combats ont éclaté le week-end dernier.", FRI, "le week-end dernier", "DATE", "2024-W10-WE"),
        ("Les inondations de l'été dernier ont coûté cher.", FRI, "l'été dernier", "DATE", "2023-SU"),
        ("Le siècle dernier a connu deux guerres mondiales.", FRI, "Le siècle dernier", "DATE", "19"),
        ("Le gouvernement promet l'équilibre budgétaire d'ici à 2027.", FRI, "2027", "DATE", "2027"),
        ("Le gouvernement promet l'équilibre budgétaire d'ici le 1er juillet.", FRI, "ici", "DATE", "2024-03-15"),
        ("Six attentats ont eu lieu depuis le début de l'année.", FRI, "le début de l'année", "DATE", "2024"),
        ("Le texte sera voté à la fin du mois.", FRI, "la fin du mois", "DATE", "2024-03"),
        ("L'usine a fermé il y a trois ans.", FRI, "il y a trois ans", "DATE", "2021"),
        ("Le navire a disparu il y a deux semaines.", FRI, "il y a deux semaines", "DATE", "2024-03-01"),
        ("Le verdict sera rendu dans trois jours.", FRI, "trois jours", "DATE", "2024-03-18"),
    ],
    "anaphora": [
        ("Les deux dirigeants se sont parlé le 22 avril. Le lendemain, l'accord était signé.",
         "2025-04-25", "Le lendemain", "DATE", "2025-04-23"),
        ("L'accord a été signé le 10 juin. La veille, les négociateurs avaient veillé tard.",
         "2025-06-20", "La veille", "DATE", "2025-06-09"),
        ("Le séisme a frappé le 6 février 2023. Deux jours plus tard, les secours arrivaient.",
         FRI, "Deux jours plus tard", "DATE", "2023-02-08"),
        ("Le séisme a frappé le 6 février 2023. Le même jour, une réplique a suivi.",
         FRI, "Le même jour", "DATE", "2023-02-06"),
        ("La loi a été votée en 1905. La même année, le pays changeait de gouvernement.",
         FRI, "La même année", "DATE", "1905"),
        ("Le traité a été signé en 1992. L'année suivante, il entrait en vigueur.",
         FRI, "L'année suivante", "DATE", "1993"),
        ("Le navire a quitté le port le 4 mars. Il a été arraisonné le lendemain matin.",
         FRI, "le lendemain matin", "TIME", "2024-03-05TMO"),
    ],
    "seasons": [
        ("Des législatives anticipées auront lieu à l'automne.", FRI, "l'automne", "DATE", "2024-FA"),
        ("La station attire les foules en été.", FRI, "été", "DATE", "XXXX-SU"),
        ("L'offensive a été lancée au printemps 2022.", FRI, "printemps 2022", "DATE", "2022-SP"),
        ("La récolte de cet été s'annonce mauvaise.", FRI, "cet été", "DATE", "2024-SU"),
        ("Les prix grimpent pendant les mois d'hiver.", FRI, "les mois d'hiver", "DATE", "XXXX-WI"),
    ],
    "parts of the day": [
        ("Le ministre est arrivé hier à Lyon et a dîné dans la soirée avec le maire.",
         FRI, "la soirée", "TIME", "2024-03-14TEV"),
        ("Le 2 mars, les manifestants ont passé la nuit devant la préfecture.",
         FRI, "la nuit", "TIME", "2024-03-02TNI"),
        ("Le Kremlin a annoncé la rencontre en début d'après-midi.", FRI, "en début d'après-midi", "TIME", "2024-03-15TAF"),
    ],
    "clock times": [
        ("La séance reprendra à 14h30 au Sénat.", FRI, "14h30", "TIME", "2024-03-15T14:30"),
        ("Le train spécial est parti à 9 heures de Vienne.", FRI, "9 heures", "TIME", "2024-03-15T09:00"),
        ("Les bureaux de vote fermeront à 20 h dimanche.", FRI, "20 h", "TIME", "2024-03-17T20:00"),
        ("Le conseil municipal se réunira le 20 mars à 18 h 30.", FRI, "18 h 30", "TIME", "2024-03-20T18:30"),
        ("Les coups de feu ont éclaté vers midi.", FRI, "vers midi", "TIME", "2024-03-15T12:00"),
        ("Le cortège s'est dispersé vers 22 heures.", FRI, "vers 22 heures", "TIME", "2024-03-15T22:00"),
        ("Le conseil a été convoqué à neuf heures du soir.", FRI, "neuf heures du soir", "TIME", "2024-03-15T21:00"),
    ],
    "durations": [
        ("L'entretien entre les deux présidents a duré trois heures.", FRI, "trois heures", "DURATION", "PT3H"),
        ("Il a été condamné à dix ans de prison.", FRI, "dix ans", "DURATION", "P10Y"),
        ("La coureuse devance sa rivale de 30,4 secondes.", FRI, "30,4 secondes", "DURATION", "PT30.4S"),
        ("Les pourparlers durent depuis plusieurs mois.", FRI, "plusieurs mois", "DURATION", "PXM"),
        ("Le chantier devrait durer une dizaine d'années.", FRI, "une dizaine d'années", "DURATION", "P10Y"),
        ("La grève a duré deux ans et demi.", FRI, "deux ans et demi", "DURATION", "P30M"),
        ("Le vote a été suspendu une demi-heure.", FRI, "une demi-heure", "DURATION", "PT30M"),
        ("Le conflit dure depuis plus de vingt ans.", FRI, "plus de vingt ans", "DURATION", "P20Y"),
        ("Les prix ont doublé au cours des trois derniers mois.", FRI, "trois derniers mois", "DURATION", "P3M"),
        ("Le pays vit en guerre depuis vingt-cinq ans.", FRI, "vingt-cinq ans", "DURATION", "P25Y"),
        ("Le délai de recours est de quatre-vingt-dix jours.", FRI, "quatre-vingt-dix jours", "DURATION", "P90D"),
        ("La ville a été fondée il y a deux mille ans.", FRI, "il y a deux mille ans", "DATE", "0024"),
        ("Le mandat présidentiel est devenu un quinquennat.", FRI, "quinquennat", "DURATION", "P5Y"),
        ("Les négociations ont pris deux semaines.", FRI, "deux semaines", "DURATION", "P2W"),
    ],
    "sets": [
        ("Le forum se réunit chaque année à Davos.", FRI, "chaque année", "SET", "P1Y"),
        ("Les inspecteurs passent tous les deux ans.", FRI, "tous les deux ans", "SET", "P2Y"),
        ("Le marché se tient tous les lundis sur la place.", FRI, "tous les lundis", "SET", "XXXX-WXX-1"),
        ("Le pays exporte cinq millions de tonnes par an.", FRI, "an", "SET", "P1Y"),
        ("Le bulletin paraît quotidiennement.", FRI, "quotidiennement", "SET", "P1D"),
        ("Les gardes changent chaque matin.", FRI, "chaque matin", "SET", "XXXX-XX-XXTMO"),
    ],
    "decades and centuries": [
        ("Le pays s'est industrialisé dans les années 1990.", FRI, "les années 1990", "DATE", "199X"),
        ("Le groupe s'est formé au début des années 80.", FRI, "début des années 80", "DATE", "198X"),
        ("Le XXe siècle a vu naître l'aviation.", FRI, "Le XXe siècle", "DATE", "19"),
        ("Le palais a été construit au 17e siècle.", FRI, "17e siècle", "DATE", "16"),
    ],
    "datelines": [
        ("PARIS, 12 mars 2017 (AFP) - Le ministre a démissionné.", "2017-03-12", "12 mars 2017", "DATE", "2017-03-12"),
        ("Accord à Bruxelles\n\n21 janvier 2016. – Les Vingt-Huit se sont entendus.", "2016-01-21",
         "21 janvier 2016", "DATE", "2016-01-21"),
    ],
    "references": [
        ("Le pays compte actuellement trois millions de chômeurs.", FRI, "actuellement", "TIME", "PRESENT_REF"),
        ("Le ministre a récemment changé de ton.", FRI, "récemment", "TIME", "PAST_REF"),
        ("La frontière est désormais fermée.", FRI, "désormais", "DATE", "2024-03-15"),
    ],
}

PARAMS = [pytest.param(*case, id=f"{family}: {case[2]}") for family, cases in CASES.items() for case in cases]


@pytest.mark.parametrize("text,published,span_text,type_,value", PARAMS)
def test_timex(analyse, text, published, span_text, type_, value):
    check(analyse, text, published, span_text, type_, value)


NOT_TIMEXES = [
    ("Un homme de 45 ans a été interpellé.", "45 ans"),
    ("Marie Dupont, 32 ans, a témoigné devant la cour.", "32 ans"),
    ("L'écrivain est mort à 85 ans dans sa maison.", "85 ans"),
    ("Une adolescente âgée de 17 ans a été blessée.", "17 ans"),
    ("Le tournoi est réservé aux moins de 17 ans.", "17 ans"),
    ("Le projet a été abandonné par la mairie.", "été"),
    ("La manifestation a réuni 2000 personnes.", "2000"),
    ("Le budget atteint 1 500 000 euros.", "500"),
    ("Les fidèles ont célébré le Vendredi saint.", "Vendredi"),
    ("Les Jeux olympiques d'hiver se tiennent en Italie.", "hiver"),
    ("La sonde a photographié Mars pendant la nuit.", "Mars"),
    ("En maintenant ses taux, la banque rassure les marchés.", "maintenant"),
    ("Il reviendra un jour dans son pays natal.", "un jour"),
    ("L'autoroute limite la vitesse à 130 km/h.", "130"),
]


@pytest.mark.parametrize("text,word", NOT_TIMEXES, ids=[w for _, w in NOT_TIMEXES])
def test_not_a_timex(analyse, text, word):
    record = analyse(text, FRI)
    i = text.index(word)
    overlapping = [t for t in record.timexes if t.start < i + len(word) and i < t.end]
    assert not overlapping, [(t.text, t.type, t.value) for t in overlapping]


def test_offsets_sorted_and_exact(analyse):
    text = ("Le 22 avril, le ministre a rencontré son homologue pendant trois heures. "
            "Le lendemain matin, vers 9 h 30, il repartait. Il reviendra chaque année.")
    record = analyse(text, "2025-04-25")
    starts = [t.start for t in record.timexes]
    assert starts == sorted(starts) and len(record.timexes) >= 5
    for a, b in zip(record.timexes, record.timexes[1:]):
        assert a.end <= b.start
    for t in record.timexes:
        assert text[t.start:t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")


def test_timex_in_and_event_date(analyse, nlp):
    from pourparlers.model import Article

    text = "Le ministre a rencontré son homologue le 22 avril. Les deux hommes se reverront en juin."
    doc = nlp.make_doc(text)
    doc._.article = Article(id="t", text=text, published="2025-04-25")
    doc = nlp(doc)
    first = text.index(".") + 1
    inside = timex_in(doc, 0, first)
    assert [t.text for t in inside] == ["le 22 avril"]
    assert event_date(inside[0]) == "2025-04-22"
    later = timex_in(doc, first, len(text))
    assert [event_date(t) for t in later] == ["2025-06"]
    assert timex_in(doc, 0, 5) == []


@pytest.mark.parametrize("value,expected", [
    ("2025-04-25", "2025-04-25"), ("2025-04", "2025-04"), ("2025", "2025"),
    ("2025-04-25TMO", "2025-04-25"), ("2025-04-25T14:30", "2025-04-25"),
    ("2024-W11", "2024-03"), ("2024-SU", "2024"), ("XXXX-04-25", None),
    ("PRESENT_REF", None), ("199X", None),
])
def test_event_date_values(value, expected):
    assert event_date(value) == expected
    assert event_date(Timex(0, 1, "x", "DURATION", "P3Y")) is None


MORE = [
    ("Le festival se tiendra du 12 au 15 juillet 2025 à Avignon.", FRI, "12", "DATE", "2025-07-12"),
    ("Les législatives de mai et juin 2027 s'annoncent serrées.", FRI, "mai", "DATE", "2027-05"),
    ("La finale s'est jouée samedi 9 et dimanche 10.", FRI, "samedi 9", "DATE", "2024-03-09"),
    ("La canonisation aura lieu dimanche, le 24 mars, à Rome.", FRI, "dimanche", "DATE", "2024-03-24"),
    ("Il l'a répété le 3 mai 1976. Cette année-là, la sécheresse a frappé.", FRI, "Cette année-là", "DATE", "1976"),
    ("M. Blair a donné jusqu'au 30 juin aux partis pour s'entendre.", "1999-05-21", "30 juin", "DATE", "1999-06-30"),
    ("La planète tourne autour de son étoile en 3,2 jours.", FRI, "3,2 jours", "DURATION", "P3.2D"),
    ("Les prix ont grimpé pendant les prochains 90 jours.", FRI, "les prochains 90 jours", "DURATION", "P90D"),
    ("Ils ont eu un entretien de trois heures au Kremlin.", FRI, "trois heures", "DURATION", "PT3H"),
    ("Après trois heures de discussion, la séance a été levée.", FRI, "trois heures", "DURATION", "PT3H"),
    ("Le bureau est ouvert de 10 heures à 12 heures.", FRI, "10 heures", "TIME", "2024-03-15T10:00"),
]


@pytest.mark.parametrize("text,published,span_text,type_,value", MORE, ids=[c[2] for c in MORE])
def test_timex_context(analyse, text, published, span_text, type_, value):
    check(analyse, text, published, span_text, type_, value)


def test_anaphora_without_earlier_date_uses_publication_date(analyse):
    check(analyse, "Le Royaume-Uni avait menacé la veille d'intervenir.", FRI, "la veille", "DATE", "2024-03-14")


def test_ages_after_avoir_and_adjectival_seconds(analyse):
    for text, word in [("Il avait 73 ans lorsqu'il a quitté la scène.", "73 ans"),
                       ("L'athlète termine à une seconde place honorable.", "seconde"),
                       ("L'électricien allemand de 37 ans a été interpellé.", "37 ans")]:
        record = analyse(text, FRI)
        i = text.index(word)
        assert not [t for t in record.timexes if t.start < i + len(word) and i < t.end], text


HOLIDAYS = [
    ("Les familles se retrouveront à Noël.", FRI, "Noël", "DATE", "2024-12-25"),
    ("Le cessez-le-feu a été rompu à Pâques.", "2024-04-10", "Pâques", "DATE", "2024-03-31"),
    ("Le défilé aura lieu le lundi de Pentecôte.", FRI, "le lundi de Pentecôte", "DATE", "2024-05-20"),
    ("Les cloches ont sonné pour la Toussaint 2001.", FRI, "la Toussaint 2001", "DATE", "2001-11-01"),
]


@pytest.mark.parametrize("text,published,span_text,type_,value", HOLIDAYS, ids=[c[2] for c in HOLIDAYS])
def test_holidays(analyse, text, published, span_text, type_, value):
    check(analyse, text, published, span_text, type_, value)


def test_holiday_as_a_modifier_is_not_a_date(analyse):
    record = analyse("Le marché de Noël a ouvert ses portes.", FRI)
    assert not [t for t in record.timexes if t.text == "Noël"]


# Robustness: any mix of temporal words, numbers and punctuation gives exact,
# sorted, non-overlapping spans with a TIMEX3 type, and never raises.
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = ["le", "la", "l'", "de", "du", "à", "en", "depuis", "il y a", "dans", "hier", "demain", "lundi",
         "samedi", "prochain", "dernier", "mars", "août", "1999", "2025", "25", "1er", "h", "heures", "30",
         "trois", "ans", "jours", "semaine", "mois", "chaque", "tous les", "matin", "soir", "été", "Noël",
         "lendemain", "veille", "fin", "début", "mi-", "années", "XXe", "siècle", ",", ".", "-", "/", "\n"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25),
       st.sampled_from([None, "2024-02-29", "1999-12-31"]))
def test_any_text_gives_exact_spans(analyse, words, published):
    text = " ".join(words)
    record = analyse(text, published)
    previous_end = 0
    for t in record.timexes:
        assert text[t.start:t.end] == t.text and t.start >= previous_end
        assert t.type in ("DATE", "TIME", "DURATION", "SET") and t.value
        previous_end = t.end


@pytest.mark.parametrize("text, expected", [
    ("Ils ont eu un entretien de trois heures à Rome.", ("trois heures", "DURATION", "PT3H")),
    ("Une réunion de deux heures à Genève a suivi.", ("deux heures", "DURATION", "PT2H")),
    ("Les bureaux ouvrent de huit heures à midi.", ("huit heures", "TIME", "2024-03-12T08:00")),
])
def test_hours_after_de_then_a_place_are_a_duration(analyse, text, expected):
    got = [(t.text, t.type, t.value) for t in analyse(text, "2024-03-12").timexes]
    assert got[0] == expected


# --- Round 2: generalisation classes (own sentences) -------------------------
# 2025-02-11 is a Tuesday; 2024-11-20 a Wednesday.
TUE = "2025-02-11"
WED = "2024-11-20"

WEEKDAY_DIRECTION = [
    # a modal or a passive between the weekday and its verb: the verb that carries the tense
    ("La délégation doit être accueillie mardi par le Premier ministre.", TUE, "mardi", "DATE", TUE),
    ("Le ministre devrait se rendre jeudi à Varsovie.", TUE, "jeudi", "DATE", "2025-02-13"),
    ("Les deux chefs d'État vont signer vendredi un accord de défense.", TUE, "vendredi", "DATE", "2025-02-14"),
    # the weekday of the publication day, with no « prochain »: that very day, whatever the tense
    ("Le ministre sera reçu mardi à l'Élysée.", TUE, "mardi", "DATE", TUE),
    ("Le gouvernement présente ce mardi son plan pour l'hôpital.", TUE, "ce mardi", "DATE", TUE),
    ("Les sénateurs ont adopté le texte mardi en première lecture.", TUE, "mardi", "DATE", TUE),
    # a conditional the tagger reads as an imperfect, a future it reads as a present
    ("Le porte-parole a précisé qu'une rencontre se tiendrait vendredi à Genève.", TUE, "vendredi", "DATE", "2025-02-14"),
    ("Les négociateurs ont assuré qu'ils reviendraient jeudi avec une offre.", TUE, "jeudi", "DATE", "2025-02-13"),
    ("« Nous publierons jeudi nos propositions », a promis la syndicaliste.", TUE, "jeudi", "DATE", "2025-02-13"),
    # a weekday after the quote belongs to the speech verb, not to a verb inside the quote
    ("« Notre pays ne renoncera à rien. Nous attendons des actes », a affirmé le ministre dimanche soir à la télévision.",
     TUE, "dimanche soir", "TIME", "2025-02-09TEV"),
    ("« Le dialogue reste ouvert », a répondu lundi la porte-parole du gouvernement.", TUE, "lundi", "DATE", "2025-02-10"),
]

MONTH_YEAR_BY_TENSE = [
    ("Le mandat de la mission arrive à échéance en novembre.", TUE, "novembre", "DATE", "2025-11"),
    ("La ministre a indiqué qu'elle se rendrait à Tokyo en janvier.", WED, "janvier", "DATE", "2025-01"),
    ("Le gouvernement présente son budget avant le sommet de juin.", TUE, "juin", "DATE", "2025-06"),
    # a present the tagger reads as a passé simple (same form)
    ("Le conseil se réunit en mars pour voter le budget.", TUE, "mars", "DATE", "2025-03"),
    # a parse that hangs the month on the main verb across the « que » clause (a hyphenated name)
    ("Le ministre a annoncé qu'il se rendrait à Port-au-Prince en mars.", WED, "mars", "DATE", "2025-03"),
    ("Les accords ont été signés en décembre à Dakar.", TUE, "décembre", "DATE", "2024-12"),
    ("La grève a commencé en février dans les ports.", TUE, "février", "DATE", "2025-02"),
    # seasons: « depuis » and a past tense look back, a future looks ahead
    ("Le dialogue entre les deux capitales est suspendu depuis l'automne.", TUE, "l'automne", "DATE", "2024-FA"),
    ("Les inondations de l'été ont ravagé la vallée.", TUE, "l'été", "DATE", "2024-SU"),
    ("Une nouvelle conférence se tiendra à l'automne.", TUE, "l'automne", "DATE", "2025-FA"),
    ("La mission arrivera au printemps.", "2024-11-20", "printemps", "DATE", "2025-SP"),
    # no publication date: the year stays unknown
    ("Le dialogue est suspendu depuis l'automne.", None, "l'automne", "DATE", "XXXX-FA"),
]

ANAPHORA_ANCHORS = [
    # the date of the clause the expression depends on, even written after it
    ("Le cortège, autorisé la veille par la préfecture, a défilé samedi après-midi dans le centre.",
     TUE, "la veille", "DATE", "2025-02-07"),
    ("Le navire, arraisonné le 3 février, a été relâché le lendemain au large de Brest.",
     TUE, "le lendemain", "DATE", "2025-02-04"),
    # ... but not the date of a later clause
    ("Le Kremlin a confirmé la visite le 6 février. Dès le lendemain, la presse a révélé que les "
     "deux hommes se verraient le 14 février.", TUE, "le lendemain", "DATE", "2025-02-07"),
    # no date in the sentence: the paragraph's, the one before a paragraph break, else the lead's
    ("Des frappes ont visé dimanche un dépôt de carburant, a indiqué l'armée.\n\n"
     "Le ministre a convoqué lundi soir le chargé d'affaires.\n\n"
     "Des manifestants se sont rassemblés dans la nuit devant l'ambassade.", TUE, "la nuit", "TIME", "2025-02-10TNI"),
    ("Des frappes ont visé dimanche un dépôt de carburant, a indiqué l'armée.\n\n"
     "Le 3 janvier, un premier dépôt avait brûlé dans la même région.\n\n"
     "Les pompiers ont lutté contre les flammes.\n\n"
     "Le gouverneur s'est rendu sur place à 15 heures.", TUE, "15 heures", "TIME", "2025-02-09T15:00"),
    ("Le 20 janvier, la ministre a signé l'accord. Elle est arrivée le 5 février à Alger et a "
     "rencontré le président le soir même.", TUE, "le soir même", "TIME", "2025-02-05TEV"),
    # « la veille de X », « le lendemain de X »: the day the text gave to X
    ("Leur arrestation a eu lieu le 4 février à Lyon. Un voisin a témoigné devant le juge mercredi. "
     "Le lendemain de l'arrestation, leurs avocats avaient déposé plainte.", TUE, "Le lendemain", "DATE", "2025-02-05"),
    ("La sénatrice a annoncé jeudi sa démission.\n\n« Une démission de plus », a ironisé samedi un élu.\n\n"
     "La veille de sa démission, elle présidait encore une commission.", TUE, "La veille", "DATE", "2025-02-05"),
    # a part of the day with no date in its sentence: the day the story is at
    ("Des tirs ont visé dimanche un convoi humanitaire près de la frontière.\n\n"
     "« Ces attaques sont inacceptables. Elles doivent cesser », a dit le coordinateur de l'ONU. "
     "Il a demandé une enquête.\n\n"
     "Dans un message diffusé dans la soirée, l'état-major a démenti toute implication.",
     TUE, "la soirée", "TIME", "2025-02-09TEV"),
]

EXTENTS = [
    ("Les gendarmes sont intervenus jeudi à l'aube dans le quartier.", TUE, "jeudi à l'aube", "TIME", "2025-02-06TMO"),
    ("L'assaut a été donné le 2 février à l'aube.", TUE, "le 2 février à l'aube", "TIME", "2025-02-02TMO"),
    ("Les routes seront chargées pendant le week-end de Pâques.", "2025-04-10", "le week-end de Pâques", "DATE", "2025-W16-WE"),
    ("Les contrôleurs menacent de faire grève tout le week-end de l'Ascension.", "2025-05-20",
     "le week-end de l'Ascension", "DATE", "2025-W22-WE"),
    ("Le directeur, renvoyé quelques semaines plus tard, a porté plainte.", TUE, "quelques semaines", "DURATION", "PXW"),
    ("Il a été condamné à deux ans de prison et à cinq ans d'inéligibilité.", TUE, "cinq ans", "DURATION", "P5Y"),
    ("La cour l'a condamnée à trois ans d'interdiction de gérer une entreprise.", TUE, "trois ans", "DURATION", "P3Y"),
]

ROUND2 = [pytest.param(*c, id=f"{fam}: {c[0][:40]}") for fam, cases in [
    ("weekday", WEEKDAY_DIRECTION), ("month", MONTH_YEAR_BY_TENSE), ("anaphora", ANAPHORA_ANCHORS),
    ("extent", EXTENTS)] for c in cases]


@pytest.mark.parametrize("text,published,span_text,type_,value", ROUND2)
def test_timex_round2(analyse, text, published, span_text, type_, value):
    check(analyse, text, published, span_text, type_, value)


@pytest.mark.parametrize("text,word", [
    ("Le pays se trouve à l'aube d'une nouvelle ère.", "aube"),
    ("Le romancier est mort à 91 ans d'une longue maladie.", "91 ans"),
])
def test_not_a_timex_round2(analyse, text, word):
    record = analyse(text, TUE)
    i = text.find(word)
    if i < 0:
        return
    overlapping = [t for t in record.timexes if t.start < i + len(word) and i < t.end]
    assert not overlapping, [(t.text, t.type, t.value) for t in overlapping]


# ---------------------------------------------------------------- round 3 --
# Not time expressions: « ici » in « d'ici à » (the bound alone is tagged), an
# office held now (« l'actuel ministre »), a singular « prochain » naming the next
# thing (« le prochain congrès »), « toute la journée de » before the named day.
NOT_TIMEX_ROUND3 = [
    ("Le syndicat veut obtenir un accord d'ici à la fin du mois.", "ici"),
    ("La compagnie promet de nouvelles lignes d'ici à 2028.", "ici"),
    ("L'actuelle présidente de la région a été réélue.", "actuelle"),
    ("Les actuels dirigeants du club refusent de partir.", "actuels"),
    ("Le prochain congrès du parti aura lieu à Lille.", "prochain"),
    ("Prochaine étape, le vote des militants.", "Prochaine"),
    ("Le port est resté bloqué toute la journée de jeudi par les pêcheurs.", "toute la journée"),
]


@pytest.mark.parametrize("text,word", NOT_TIMEX_ROUND3)
def test_not_a_timex_round3(analyse, text, word):
    record = analyse(text, TUE)
    i = text.find(word)
    overlapping = [t for t in record.timexes if t.start < i + len(word) and i < t.end]
    assert not overlapping, [(t.text, t.type, t.value) for t in overlapping]


ROUND3 = [
    ("Le préfet veut une décision d'ici le 30 juin.", TUE, "ici", "DATE", "2025-02-11"),
    ("Le syndicat veut obtenir un accord d'ici à la fin du mois.", TUE, "la fin du mois", "DATE", "2025-02"),
    ("Il est resté à l'hôpital toute la journée.", TUE, "toute la journée", "DURATION", "P1D"),
    ("Les prochaines élections municipales inquiètent le parti.", TUE, "prochaines", "TIME", "FUTURE_REF"),
]


@pytest.mark.parametrize("text,published,span_text,type_,value", ROUND3)
def test_timex_round3(analyse, text, published, span_text, type_, value):
    check(analyse, text, published, span_text, type_, value)


# T3/T5/T6: compound expressions kept whole, approximators, names holding a date
ROUND3_SPANS = [
    ("Des roquettes sont tombées sur le port dans la nuit de vendredi à samedi.", TUE,
     "la nuit de vendredi à samedi", "TIME", "2025-02-07TNI"),
    ("Lundi, la grève s'est durcie en fin de journée devant l'usine.", TUE, "en fin de journée", "TIME", "2025-02-10TEV"),
    ("Le tribunal avait été saisi il y a près d'un an par les riverains.", TUE, "il y a près d'un an", "DATE", "2024"),
    ("Les travaux dureront plus d'un an, selon la mairie.", TUE, "plus d'un an", "DURATION", "P1Y"),
    ("L'usine doit rouvrir au second semestre 2026.", TUE, "second semestre 2026", "DATE", "2026-H2"),
    ("Le chiffre d'affaires a baissé au troisième trimestre 2024.", TUE, "troisième trimestre 2024", "DATE", "2024-Q3"),
]


@pytest.mark.parametrize("text,published,span_text,type_,value", ROUND3_SPANS)
def test_timex_round3_spans(analyse, text, published, span_text, type_, value):
    check(analyse, text, published, span_text, type_, value)


@pytest.mark.parametrize("text,word", [
    ("Les combattants du Front du 12 avril ont quitté la ville.", "12 avril"),
    ("Le cortège est parti de la place du 4 septembre vers la gare.", "4 septembre"),
    ("Des drones ont frappé la ville dans la nuit de vendredi à samedi.", "la nuit"),
])
def test_no_date_inside_a_name_round3(analyse, text, word):
    record = analyse(text, TUE)
    i = text.find(word)
    if word == "la nuit":  # one expression, not three
        assert [t.text for t in record.timexes] == ["la nuit de vendredi à samedi"]
        return
    overlapping = [t for t in record.timexes if t.start < i + len(word) and i < t.end]
    assert not overlapping, [(t.text, t.type, t.value) for t in overlapping]


# T2: anchors of « la veille », « demain », clock times: the day the story is at,
# not the day of a report about it nor the publication day
ROUND3_ANCHORS = [
    # the attack is dated by the sentence that tells it, not by the later claim
    ("Six policiers ont été tués lundi dans l'attaque d'un poste frontalier, a-t-on appris mardi.\n\n"
     "L'attaque a été revendiquée mardi soir par un groupe armé.\n\n"
     "Un habitant affirme avoir vu des hommes armés la veille de l'attaque.", TUE, "la veille", "DATE", "2025-02-09"),
    # « la veille de son arrivée »: the day before the day the story is at
    ("Le Premier ministre indien a entamé samedi une visite de deux jours au Japon.\n\n"
     "La veille de son arrivée, des manifestants s'étaient rassemblés à Tokyo.", TUE, "La veille", "DATE", "2025-02-07"),
    # « demain » in a quotation said the day before publication
    ("Le tribunal de Lyon a condamné lundi l'ancien adjoint à un an de prison.\n\n"
     "Son avocat a annoncé qu'il ferait appel « dès demain ».", TUE, "demain", "DATE", "2025-02-11"),
    # the clock time of a quotation belongs to the day of the attack, not of the report
    ("Quatre gardes ont été tués lundi à l'aube dans l'attaque d'une prison, a-t-on appris mardi.\n\n"
     "« Ils sont arrivés vers 4 heures, en pick-up », a raconté un gardien.", TUE, "vers 4 heures", "TIME", "2025-02-10T04:00"),
    # after « la nuit de samedi à dimanche », the story is on Sunday
    ("Des missiles ont frappé Odessa dans la nuit de samedi à dimanche.\n\n"
     "« Les sirènes ont retenti vers 2 heures », a dit un habitant.", TUE, "vers 2 heures", "TIME", "2025-02-09T02:00"),
    # the hours of a curfew are every day
    ("Le préfet a instauré lundi un couvre-feu de 20 heures à 5 heures dans la commune.", TUE,
     "20 heures", "TIME", "XXXX-XX-XXT20:00"),
]


@pytest.mark.parametrize("text,published,span_text,type_,value", ROUND3_ANCHORS)
def test_timex_round3_anchors(analyse, text, published, span_text, type_, value):
    check(analyse, text, published, span_text, type_, value)


# T4: a day and month after the thing a past verb of announcing announces
ROUND3_ANNOUNCED = [
    ("Les agriculteurs ont annoncé une nouvelle manifestation le 20 février devant la préfecture.", TUE,
     "le 20 février", "DATE", "2025-02-20"),
    ("L'intersyndicale a appelé à une journée de grève le 18 février.", TUE, "le 18 février", "DATE", "2025-02-18"),
    # the date of the announcement itself stays in the past
    ("Le ministre a annoncé le 3 février la fermeture de la base.", TUE, "le 3 février", "DATE", "2025-02-03"),
    ("Le groupe a lancé le 20 novembre une offre de rachat.", TUE, "le 20 novembre", "DATE", "2024-11-20"),
]


@pytest.mark.parametrize("text,published,span_text,type_,value", ROUND3_ANNOUNCED)
def test_timex_round3_announced(analyse, text, published, span_text, type_, value):
    check(analyse, text, published, span_text, type_, value)


# T8: the length of a suspended or firm sentence is a duration, not an age
@pytest.mark.parametrize("text,span_text,value", [
    ("Son adjoint a été condamné à un an avec sursis.", "un an", "P1Y"),
    ("L'ancien trésorier a été condamné à deux ans ferme.", "deux ans", "P2Y"),
])
def test_sentence_length_round3(analyse, text, span_text, value):
    check(analyse, text, TUE, span_text, "DURATION", value)


def test_night_told_on_the_publication_day_round3(analyse):
    # « dans la nuit », past, the story on the publication day: the night that ended that morning
    text = "Ce qu'il faut retenir de la journée de mardi.\n\nOdessa visée dans la nuit par des drones."
    check(analyse, text, TUE, "la nuit", "TIME", "2025-02-10TNI")
    # a day in the sentence dates it
    text = "Jeudi, des tirs ont été entendus dans la nuit près du port."
    check(analyse, text, TUE, "la nuit", "TIME", "2025-02-06TNI")


@pytest.mark.parametrize("text,span_text,type_,value", [
    # « dans les prochains jours »: some time ahead (FUTURE_REF), no length; « pendant »: a length
    ("Le verdict sera connu dans les prochains jours.", "les prochains jours", "TIME", "FUTURE_REF"),
    ("Des renforts arriveront au cours des prochaines semaines.", "prochaines semaines", "TIME", "FUTURE_REF"),
    ("Il restera hospitalisé pendant les prochaines semaines.", "les prochaines semaines", "DURATION", "PXW"),
])
def test_future_plurals_round3(analyse, text, span_text, type_, value):
    check(analyse, text, TUE, span_text, type_, value)
