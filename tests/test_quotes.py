"""Quotations and their speakers (issue 3), on sentences written for these tests.

Every test runs the real pipeline (session fixtures of conftest.py) and checks
what ANNOTATION.md §1 asks for: the exact span of the quoted words, the kind,
the lemma of the reporting word and the speaker (entity, description or none).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def quotes_of(record):
    return [(q.kind, q.text, q.speaker_name, q.cue) for q in record.quotes]


def find(record, words: str):
    """The quote whose text contains ``words`` (exactly one)."""
    found = [q for q in record.quotes if words in q.text]
    assert len(found) == 1, f"{words!r} in {quotes_of(record)}"
    return found[0]


def check_spans(record):
    text = record.article.text
    for q in record.quotes:
        assert text[q.start:q.end] == q.text
        assert q.text == q.text.strip()
        if q.speaker_span is not None:
            assert text[q.speaker_span.start:q.speaker_span.end] == q.speaker_span.text
        if q.cue_span is not None:
            assert text[q.cue_span.start:q.cue_span.end] == q.cue_span.text
        if q.speaker is not None:
            names = {e.id: e.name for e in record.entities}
            assert names[q.speaker] in q.speaker_name  # (several speakers: « A et B »)


# ------------------------------------------------------------------ direct

def test_direct_quote_with_incise_after(analyse):
    r = analyse("« Nous ne céderons rien sur les salaires », a déclaré mardi la ministre du Travail, "
                "Claire Fontaine, devant les syndicats.")
    check_spans(r)
    q = find(r, "Nous ne céderons rien")
    assert q.kind == "direct"
    assert q.text == "Nous ne céderons rien sur les salaires"
    assert q.cue == "déclarer"
    assert q.speaker_name == "Claire Fontaine" and q.speaker_named
    assert "ministre du Travail" in next(e for e in r.entities if e.name == "Claire Fontaine").roles


@pytest.mark.parametrize("opening, closing", [("“", "”"), ('"', '"'), ("«\u00a0", "\u00a0»")])
def test_other_quotation_marks_and_non_breaking_spaces(analyse, opening, closing):
    r = analyse(f"{opening}La récolte sera mauvaise cette année{closing}, a prévenu Marc Lefèvre, "
                "président de la chambre d'agriculture.")
    check_spans(r)
    q = find(r, "La récolte")
    assert q.text == "La récolte sera mauvaise cette année"  # no mark, no space
    assert q.kind == "direct" and q.speaker_name == "Marc Lefèvre" and q.cue == "prévenir"


def test_quote_over_several_paragraphs_is_one_quote(analyse):
    text = ("Le maire de Villeneuve, Paul Girard, a pris la parole devant le conseil municipal.\n\n"
            "« Cette décision a été difficile. Nous avons consulté tous les habitants du quartier.\n\n"
            "« Le nouveau marché ouvrira au printemps et les travaux commenceront dès lundi », a-t-il affirmé.")
    r = analyse(text)
    check_spans(r)
    assert len(r.quotes) == 1
    q = r.quotes[0]
    assert q.text.startswith("Cette décision a été difficile") and q.text.endswith("dès lundi")
    assert q.kind == "direct" and q.speaker_name == "Paul Girard" and q.cue == "affirmer"


def test_quote_interrupted_by_an_incise_is_two_quotes_by_the_same_speaker(analyse):
    r = analyse("« Le port restera ouvert, explique Hélène Marchand, mais les navires devront attendre leur tour. »")
    check_spans(r)
    first, second = find(r, "Le port restera ouvert"), find(r, "les navires devront")
    assert first.text == "Le port restera ouvert"
    assert second.text == "mais les navires devront attendre leur tour."
    assert first.speaker_name == second.speaker_name == "Hélène Marchand"
    assert first.cue == second.cue == "expliquer"


def test_incise_with_pronoun_between_two_quotes(analyse):
    r = analyse("La présidente de la région, Sophie Renard, a visité l'usine jeudi.\n"
                "« Les emplois seront sauvés », a-t-elle dit, « et le site sera modernisé ».")
    check_spans(r)
    assert find(r, "Les emplois seront sauvés").speaker_name == "Sophie Renard"
    assert find(r, "le site sera modernisé").speaker_name == "Sophie Renard"


def test_quote_after_a_colon(analyse):
    r = analyse("Le directeur de l'hôpital, Alain Perrin, a déclaré : « Aucun patient n'a été blessé. »")
    check_spans(r)
    q = find(r, "Aucun patient")
    assert q.kind == "direct" and q.speaker_name == "Alain Perrin" and q.cue == "déclarer"


def test_quote_after_que_covering_the_whole_clause_is_direct(analyse):
    r = analyse("Le sénateur Louis Caron a affirmé que « la réforme ne passera pas cet hiver ».")
    q = find(r, "la réforme ne passera pas")
    assert q.kind == "direct" and q.speaker_name == "Louis Caron" and q.cue == "affirmer"
    assert len(r.quotes) == 1


def test_quote_after_a_colon_with_nothing_reporting_has_no_speaker(analyse):
    r = analyse("La nuit a été longue pour les pompiers.\n\n"
                "Le village est resté sans électricité : « tout le monde attend les secours depuis hier ».")
    q = find(r, "tout le monde attend")
    assert q.speaker is None and q.speaker_name is None and q.cue is None


def test_standalone_quote_continues_the_previous_speaker_in_the_paragraph(analyse):
    r = analyse("« Nous allons embaucher cent personnes », a annoncé le patron de l'entreprise, Yves Morel. "
                "« Pour moi, c'est une fierté. »")
    q = find(r, "c'est une fierté")
    assert q.kind == "direct" and q.speaker_name == "Yves Morel" and q.cue is None


def test_headline_quotes_are_found(analyse):
    r = analyse("Pêche : la députée Julie Navarro qualifie l'accord d'« injuste et dangereux »\n\n"
                "La députée a critiqué mercredi l'accord signé à Bruxelles par les ministres.")
    q = find(r, "injuste et dangereux")
    assert q.kind == "partial" and q.text == "injuste et dangereux" and q.speaker_name == "Julie Navarro"
    assert q.start < r.article.text.index("\n")


def test_headline_report_with_a_partial_quote_is_one_indirect_quote(analyse):
    r = analyse("Pêche : Julie Navarro dénonce un accord « injuste et dangereux »\n\n"
                "La députée a critiqué mercredi l'accord signé à Bruxelles.")
    q = find(r, "injuste et dangereux")
    assert q.kind == "indirect" and q.text == "un accord « injuste et dangereux »"
    assert q.speaker_name == "Julie Navarro" and q.cue == "dénoncer"


# ------------------------------------------------------------------ partial

def test_partial_quote_woven_into_the_sentence(analyse):
    r = analyse("Le syndicat Force ouvrière a qualifié la proposition de « provocation pure et simple ».")
    check_spans(r)
    q = find(r, "provocation pure et simple")
    assert q.kind == "partial" and q.text == "provocation pure et simple"
    assert q.speaker_name and "Force ouvrière" in q.speaker_name


def test_partial_quote_inside_indirect_speech_is_one_indirect_quote(analyse):
    r = analyse("Le ministre Pierre Lemoine a estimé que la situation restait « très préoccupante » dans le nord.")
    assert len(r.quotes) == 1
    q = r.quotes[0]
    assert q.kind == "indirect" and q.cue == "estimer" and q.speaker_name == "Pierre Lemoine"
    assert q.text == "la situation restait « très préoccupante » dans le nord"


def test_quoted_clause_and_reported_clause_after_que_are_split(analyse):
    r = analyse("Lundi, Nadia Benali a précisé que « le budget est bouclé » et que les élus voteraient en mars.")
    assert find(r, "le budget est bouclé").kind == "direct"
    rest = find(r, "les élus voteraient")
    assert rest.kind == "indirect" and rest.text == "les élus voteraient en mars"
    assert {q.speaker_name for q in r.quotes} == {"Nadia Benali"}


# ------------------------------------------------------------------ indirect

def test_reported_clause_after_que(analyse):
    r = analyse("Le Premier ministre, Étienne Roussel, a déclaré jeudi que les impôts ne baisseraient pas en 2026.")
    q = find(r, "les impôts")
    assert q.kind == "indirect" and q.cue == "déclarer"
    assert q.text == "les impôts ne baisseraient pas en 2026"
    assert q.speaker_name == "Étienne Roussel"


@pytest.mark.parametrize("source, cue", [("Selon", "selon"), ("D'après", "d'après")])
def test_selon_and_d_apres_at_the_head_of_the_sentence(analyse, source, cue):
    r = analyse(f"{source} l'agence Reuters, les négociations reprendront la semaine prochaine à Genève.")
    q = find(r, "les négociations reprendront")
    assert q.kind == "indirect" and q.cue == cue and q.speaker_name == "Reuters"
    assert q.text == "les négociations reprendront la semaine prochaine à Genève"


def test_selon_after_the_clause(analyse):
    r = analyse("Le barrage aurait cédé sous la pression de l'eau selon les autorités locales.")
    q = find(r, "Le barrage")
    assert q.text == "Le barrage aurait cédé sous la pression de l'eau"
    assert q.speaker is None and q.speaker_name == "autorités locales" and not q.speaker_named


def test_selon_closing_the_sentence_after_a_comma(analyse):
    r = analyse("Trois camions ont été incendiés dans la nuit près de l'usine, selon la préfecture.")
    q = find(r, "Trois camions")
    assert q.text == "Trois camions ont été incendiés dans la nuit près de l'usine"
    assert q.cue == "selon" and q.speaker_name == "préfecture"


def test_second_report_coordinated_with_the_first(analyse):
    r = analyse("Le ministre Hugo Berthier a affirmé que la réforme était prête et a menacé de démissionner.")
    first, second = find(r, "la réforme était prête"), find(r, "démissionner")
    assert first.text == "la réforme était prête" and first.cue == "affirmer"
    assert second.cue == "menacer"
    assert first.speaker_name == second.speaker_name == "Hugo Berthier"


def test_pour_x_at_the_head_of_the_sentence(analyse):
    r = analyse("Pour la sénatrice Anne Vidal, la loi arrive trop tard.")
    q = find(r, "la loi arrive")
    assert q.cue == "pour" and q.speaker_name == "Anne Vidal"


def test_pour_is_a_source_only_for_an_actor(analyse):
    r = analyse("Pour la première fois, la rivière a débordé en plein été.")
    assert r.quotes == []


def test_selon_lui_and_pronoun_incises_go_to_the_last_speaker(analyse):
    r = analyse("Le maire de Brest, Jacques Hamel, a annoncé la fermeture du pont. "
                "Selon lui, les travaux dureront six mois. "
                "La circulation sera déviée par le port, a-t-il ajouté.")
    assert find(r, "les travaux dureront").speaker_name == "Jacques Hamel"
    q = find(r, "La circulation sera déviée")
    assert q.cue == "ajouter" and q.speaker_name == "Jacques Hamel"


def test_inverted_incise_with_pronoun_estime_t_elle(analyse):
    r = analyse("L'économiste Laure Fabre suit le dossier depuis des années. "
                "La croissance repartira au printemps, estime-t-elle.")
    q = find(r, "La croissance repartira")
    assert q.kind == "indirect" and q.cue == "estimer" and q.speaker_name == "Laure Fabre"


def test_incise_in_the_middle_of_reported_speech(analyse):
    r = analyse("Par ailleurs, poursuit la juge Marion Besson, la procédure restera secrète jusqu'au procès.")
    q = find(r, "la procédure restera secrète")
    assert q.kind == "indirect" and q.cue == "poursuivre" and q.speaker_name == "Marion Besson"
    assert q.text == "la procédure restera secrète jusqu'au procès"


def test_announce_with_a_noun_phrase(analyse):
    r = analyse("Le groupe Renault a annoncé la fermeture de deux usines en Espagne.")
    q = find(r, "la fermeture")
    assert q.kind == "indirect" and q.cue == "annoncer"
    assert q.text == "la fermeture de deux usines en Espagne"
    assert "Renault" in q.speaker_name


def test_announce_with_an_infinitive(analyse):
    r = analyse("La ministre Isabelle Garnier a annoncé vouloir réformer le lycée dès la rentrée.")
    q = find(r, "réformer le lycée")
    assert q.cue == "annoncer" and q.speaker_name == "Isabelle Garnier"


def test_passive_announcement_with_its_agent(analyse):
    r = analyse("La visite du chef de l'État en Inde avait été annoncée par le porte-parole du gouvernement, "
                "Thomas Leroy, le 3 mars.")
    q = find(r, "La visite")
    assert q.kind == "indirect" and q.cue == "annoncer"
    assert q.text == "La visite du chef de l'État en Inde"
    assert q.speaker_name == "Thomas Leroy"


def test_passive_without_agent_reports_no_one(analyse):
    r = analyse("La date du scrutin n'a pas encore été annoncée.")
    assert r.quotes == []


def test_statement_noun_before_a_colon(analyse):
    r = analyse("L'organisation Greenpeace a réagi dans un communiqué : « Ce projet détruira la forêt. »")
    q = find(r, "Ce projet détruira")
    assert q.kind == "direct" and q.cue is not None and q.speaker_name == "Greenpeace"


def test_learnt_from_a_source(analyse):
    r = analyse("Le tournoi sera annulé, a-t-on appris auprès de la fédération française de tennis.")
    q = find(r, "Le tournoi sera annulé")
    assert q.kind == "indirect" and q.speaker_name is not None and "fédération" in q.speaker_name.lower()


def test_unnamed_speakers_keep_their_description(analyse):
    r = analyse("Plusieurs responsables européens ont affirmé que l'accord serait signé avant l'été.")
    q = find(r, "l'accord serait signé")
    assert q.speaker is None and not q.speaker_named
    assert q.speaker_name == "responsables européens"


def test_description_resolved_to_the_named_holder_of_the_role(analyse):
    r = analyse("La ministre de l'Agriculture, Claire Fontaine, s'est rendue à Rennes. "
                "Les éleveurs y ont manifesté toute la journée. "
                "La ministre de l'Agriculture a promis que les aides seraient versées avant Noël.")
    q = find(r, "les aides seraient versées")
    assert q.cue == "promettre" and q.speaker_name == "Claire Fontaine" and q.speaker_named


def test_relative_pronoun_speaker(analyse):
    r = analyse("L'accord a été salué par Marc Aubry, le président de la fédération, "
                "qui a déclaré que les clubs seraient indemnisés.")
    q = find(r, "les clubs seraient indemnisés")
    assert q.speaker_name == "Marc Aubry"


def test_name_and_colon_in_a_headline(analyse):
    r = analyse("Emmanuel Dubois : « Je ne céderai pas »\n\nLe président du Sénat s'est exprimé hier soir.")
    q = find(r, "Je ne céderai pas")
    assert q.kind == "direct" and q.speaker_name == "Emmanuel Dubois"


def test_participle_reports_for_the_same_speaker(analyse):
    r = analyse("Le préfet du Nord, Jean Bernard, est arrivé dans la matinée. « La situation est sous contrôle », "
                "a-t-il indiqué à la presse, précisant que les secours étaient sur place.")
    assert find(r, "La situation est sous contrôle").speaker_name == "Jean Bernard"
    q = find(r, "les secours étaient sur place")
    assert q.cue == "préciser" and q.speaker_name == "Jean Bernard"


def test_object_after_the_verbs_complements(analyse):
    r = analyse("L'équipementier Valmet a annoncé lundi dans un communiqué la suppression de 300 postes.")
    q = find(r, "la suppression de 300 postes")
    assert q.cue == "annoncer" and "Valmet" in q.speaker_name


def test_learnt_from_an_unnamed_source(analyse):
    r = analyse("La police a interpellé trois suspects, a-t-on appris de source judiciaire.")
    q = find(r, "La police a interpellé trois suspects")
    assert q.speaker is None and q.speaker_name == "source judiciaire"


def test_subject_set_apart_by_a_relative_clause(analyse):
    r = analyse("Le directeur, qui n'a pas souhaité être nommé, affirme que l'usine fermera en juin.")
    q = find(r, "l'usine fermera en juin")
    assert q.cue == "affirmer" and q.speaker_name == "directeur" and not q.speaker_named


def test_several_named_speakers(analyse):
    r = analyse("Marie Lenoir et Paul Girard ont estimé que le projet était mal conçu.")
    q = find(r, "le projet était mal conçu")
    assert q.speaker_name == "Marie Lenoir et Paul Girard"


# ------------------------------------------------------------------ not quotations

def test_names_in_quotation_marks_are_not_quotes(analyse):
    text = ("L'armée a lancé l'opération « Aube claire » dans le désert. "
            "La loi dite « Avenir numérique » a été votée hier. "
            "La banque centrale a présenté les billets de la série « Europe ». "
            "Le boxeur surnommé « le Taureau » a perdu son titre. "
            "Le candidat a raillé « Professeur » Dumont pendant le débat.")
    assert analyse(text).quotes == []


def test_scare_quotes_and_the_journalists_words_are_not_quotes(analyse):
    text = ("La ville mise sur une croissance « verte » pour attirer les entreprises. "
            "Les investisseurs restent prudents face à ce marché « émergent ».")
    assert analyse(text).quotes == []


def test_the_journalists_questions_and_reminders_are_not_quotes(analyse):
    text = ("Le gouvernement a-t-il annoncé la fin du programme de logement ? "
            "Rappelons que le programme avait coûté deux milliards d'euros.")
    assert analyse(text).quotes == []


def test_negated_or_future_reports_are_not_quotes(analyse):
    text = ("Le ministre n'a pas annoncé la date du sommet. "
            "La présidente annoncera sa décision demain. "
            "Le directeur devrait annoncer sa démission ce soir.")
    assert analyse(text).quotes == []


def test_repeated_quote_takes_the_speaker_of_its_other_occurrence(analyse):
    r = analyse("Le chantier jugé « hors de contrôle »\n\n"
                "Un rapport de la Cour des comptes publié mardi juge le chantier « hors de contrôle » "
                "et réclame un audit.")
    found = [q for q in r.quotes if q.text == "hors de contrôle"]
    assert len(found) == 2
    assert all(q.speaker_name for q in found)
    assert len({q.speaker_name for q in found}) == 1


def test_every_offset_is_exact_on_a_longer_article(analyse):
    text = ("Grève des transports : les syndicats réclament « un vrai dialogue »\n\n"
            "12 mars 2026. – La grève se poursuit dans les transports publics de Lyon. "
            "« Nous ne reprendrons pas le travail sans garanties », a lancé Karim Haddad, "
            "secrétaire du syndicat SUD-Rail. Selon la direction, le trafic reste très perturbé. "
            "Le maire, Denis Fabre, a appelé au calme et a proposé une médiation.")
    r = analyse(text, published="2026-03-12")
    check_spans(r)
    assert find(r, "Nous ne reprendrons pas").speaker_name == "Karim Haddad"
    assert find(r, "le trafic reste").cue == "selon"
    assert find(r, "calme").speaker_name == "Denis Fabre"


# ------------------------------------------------------------------ appositions and speakers

@pytest.mark.parametrize("text, words, speaker", [
    ("Son avocat, Me Paul Roche, dénonce « une cabale politique ».", "une cabale politique", "Paul Roche"),
    ("« Nous ne céderons pas devant la menace », a déclaré la haute représentante de l'ONU pour "
     "les droits humains, Maria Costa, à l'issue de la réunion.", "Nous ne céderons pas", "Maria Costa"),
    ("Son adversaire, le président sortant Marc Dubois, a annoncé le dépôt d'un recours.",
     "le dépôt d'un recours", "Marc Dubois"),
    ("Le directeur de l'usine, le Belge Jan Peeters, a assuré que les salaires seraient versés.",
     "les salaires seraient versés", "Jan Peeters"),
])
def test_speaker_named_in_apposition_to_a_description(analyse, text, words, speaker):
    r = analyse(text)
    check_spans(r)
    q = find(r, words)
    assert q.speaker_name == speaker and q.speaker_named


def test_pronoun_after_an_apposition_goes_to_the_name(analyse):
    r = analyse("« Nous attendons des réponses », a lancé le maire, Paul Girard. "
                "La ministre de la Santé, Jeanne Morel, a rejeté ces critiques. "
                "D'après elle, les hôpitaux fonctionnent normalement.")
    assert find(r, "les hôpitaux fonctionnent").speaker_name == "Jeanne Morel"


def test_par_la_voix_de_hung_on_the_subject(analyse):
    r = analyse("La Belgique, par la voix de son ambassadeur, Luc Janssens, a regretté « un vote absurde ».")
    assert find(r, "un vote absurde").speaker_name == "Luc Janssens"


# ------------------------------------------------------------------ cues

@pytest.mark.parametrize("text, words, speaker, cue", [
    ("« On ne sait jamais quand le bus passe », soupire Lucie Marchand, infirmière.",
     "On ne sait jamais", "Lucie Marchand", "soupirer"),
    ("« Le projet est mort », a tranché jeudi soir sur RTL le sénateur Marc Volant.",
     "Le projet est mort", "Marc Volant", None),
    ("« Il faut du temps », a justifié l'ambassadeur adjoint, Li Wen, avant le vote.",
     "Il faut du temps", "Li Wen", None),
])
def test_any_verb_of_an_incise_after_a_quote_reports_it(analyse, text, words, speaker, cue):
    r = analyse(text)
    q = find(r, words)
    assert q.kind == "direct" and q.speaker_name == speaker
    assert q.cue is not None and (cue is None or q.cue == cue)


@pytest.mark.parametrize("text, words, speaker", [
    ("« Ils promettent, puis ils oublient », confie un commerçant du quartier.", "Ils promettent",
     "commerçant du quartier"),
    ("« La route est coupée depuis lundi », raconte une habitante du village.", "La route est coupée",
     "habitante du village"),
])
def test_indefinite_subject_of_an_incise_is_an_unnamed_speaker(analyse, text, words, speaker):
    q = find(analyse(text), words)
    assert q.speaker_name == speaker and not q.speaker_named


def test_an_incise_verb_needs_its_subject_after_it(analyse):
    r = analyse("Le slogan « Paris respire » revient, et les élus applaudissent.")
    assert r.quotes == []


@pytest.mark.parametrize("text, words, cue", [
    ("L'ONG a exhorté les belligérants à garantir un accès « libre et durable » aux convois.",
     "les belligérants à garantir un accès « libre et durable » aux convois", "exhorter"),
    ("Le parti a appelé ses militants à manifester dimanche devant la préfecture.",
     "ses militants à manifester dimanche devant la préfecture", "appeler"),
    ("Le gouverneur accuse les rebelles du Front uni d'avoir mené l'attaque.",
     "les rebelles du Front uni d'avoir mené l'attaque", "accuser"),
])
def test_object_and_infinitive_of_a_request_or_accusation(analyse, text, words, cue):
    r = analyse(text)
    assert len(r.quotes) == 1
    q = r.quotes[0]
    assert q.kind == "indirect" and q.text == words and q.cue == cue


@pytest.mark.parametrize("text, words, cue", [
    ("Le procureur a requis cinq ans de prison contre l'ancien maire.", "cinq ans de prison", "requérir"),
    ("Le ministre a rejeté ces accusations devant les députés.", "ces accusations", "rejeter"),
    ("Les dirigeants se sont engagés à créer une force commune avant 2027.", "créer une force commune", "engager"),
    ("La ministre a exprimé ses réserves sur le calendrier.", "ses réserves", "exprimer"),
    ("Varsovie n'a pas exclu des mesures de réciprocité.", "des mesures de réciprocité", "exclure"),
    ("L'ambassade a fait savoir que le consulat resterait fermé.", "le consulat resterait fermé", "faire savoir"),
])
def test_more_reporting_verbs(analyse, text, words, cue):
    q = find(analyse(text), words)
    assert q.kind == "indirect" and q.cue == cue


def test_rejecting_a_text_by_vote_is_no_quote(analyse):
    r = analyse("Le Sénat a rejeté le projet de loi par 200 voix contre 120. "
                "Le texte a été rejeté par les députés.")
    assert r.quotes == []


def test_cue_mistagged_by_the_tagger_in_the_verb_slot(analyse):
    r = analyse("Moscou dément toute implication dans l'attaque du gazoduc.")
    q = find(r, "toute implication")
    assert q.cue == "démentir" and q.speaker_name == "Moscou"


# ------------------------------------------------------------------ verbs sharing a subject

def test_gerund_after_a_report_is_a_second_report_by_the_same_speaker(analyse):
    r = analyse("Le porte-parole de l'armée a confirmé l'accord tout en prévenant que ses troupes riposteraient.")
    first, second = find(r, "l'accord"), find(r, "ses troupes riposteraient")
    assert first.text == "l'accord" and first.cue == "confirmer"
    assert second.cue == "prévenir" and first.speaker_name == second.speaker_name == "porte-parole de l'armée"


def test_que_clause_stops_before_a_gerund_report(analyse):
    r = analyse("Un diplomate a reconnu que le dialogue était « au point mort », "
                "tout en assurant que la porte restait ouverte.")
    assert find(r, "le dialogue était").text == "le dialogue était « au point mort »"
    assert find(r, "la porte restait ouverte").cue == "assurer"


def test_present_participle_after_a_comma_reports_for_the_subject(analyse):
    r = analyse("L'ONG Amnesty International a dénoncé les violences, assurant que les civils étaient visés.")
    assert find(r, "les violences").text == "les violences"
    q = find(r, "les civils étaient visés")
    assert q.cue == "assurer" and "Amnesty International" in q.speaker_name


def test_coordinated_report_with_the_auxiliary_left_out(analyse):
    r = analyse("La Belgique a regretté « un blocage absurde » et appelé la junte à lever les restrictions.")
    q = find(r, "lever les restrictions")
    assert q.text == "la junte à lever les restrictions" and q.cue == "appeler" and q.speaker_name == "Belgique"


def test_relative_clause_report_by_the_antecedent(analyse):
    r = analyse("L'ancien maire, qui avait toujours clamé son innocence, n'a fait aucune déclaration. "
                "Le pont a été endommagé, un acte de sabotage selon Oslo, qui soupçonne un chalutier battant "
                "pavillon russe.")
    assert find(r, "son innocence").cue == "clamer"
    q = find(r, "un chalutier battant pavillon russe")
    assert q.cue == "soupçonner" and q.speaker_name == "Oslo"


def test_noun_object_before_an_infinitive_is_what_was_announced(analyse):
    q = find(analyse("Son avocate a annoncé son intention de faire appel."), "faire appel")
    assert q.text == "son intention de faire appel"


@pytest.mark.parametrize("text, words, speaker", [
    ("Une annonce accueillie avec prudence par plusieurs experts, pour qui de telles promesses "
     "restent rarement tenues.", "de telles promesses restent rarement tenues", "experts"),
    ("Le ministre a reçu le syndicaliste Paul Martin, selon qui la réforme est inévitable.",
     "la réforme est inévitable", "Paul Martin"),
])
def test_pour_qui_and_selon_qui_take_the_antecedent_as_source(analyse, text, words, speaker):
    q = find(analyse(text), words)
    assert q.text == words and q.speaker_name == speaker


# ------------------------------------------------------------------ extent of reported clauses

def test_report_closing_a_long_sentence_takes_the_rest_of_it(analyse):
    r = analyse("La ministre des Sports, Claire Duval, a présenté lundi soir sa démission au Premier ministre, "
                "moins de trois mois après sa nomination, a annoncé Matignon dans un communiqué.")
    q = find(r, "sa démission")
    assert q.cue == "annoncer" and q.speaker_name == "Matignon"
    assert q.text.startswith("La ministre des Sports") and q.text.endswith("après sa nomination")


def test_source_closing_the_sentence_with_a_relative_clause_of_its_own(analyse):
    r = analyse("La semaine dernière, des tirs sur un convoi au nord de Goma avaient fait au moins dix morts, "
                "d'après Human Rights Watch (HRW), qui a accusé les deux camps de « bafouer le droit ».")
    q = find(r, "au moins dix morts")
    assert q.cue == "d'après" and q.speaker_name == "Human Rights Watch"
    assert q.text == "La semaine dernière, des tirs sur un convoi au nord de Goma avaient fait au moins dix morts"
    second = find(r, "bafouer le droit")
    assert second.cue == "accuser" and second.speaker_name == "Human Rights Watch"


def test_selon_after_a_phrase_without_verb_is_the_source_of_that_phrase(analyse):
    r = analyse("La manifestation s'est tenue malgré tout samedi, rassemblant plusieurs milliers de personnes "
                "selon les syndicats, huit cents selon la police.")
    assert find(r, "plusieurs milliers").text == "rassemblant plusieurs milliers de personnes"
    q = find(r, "huit cents")
    assert q.text == "huit cents" and q.speaker_name == "police"


def test_selon_an_enumeration_keeps_the_whole_clause(analyse):
    r = analyse("Le prochain ministre pourrait être Paul Girard, l'actuel secrétaire d'État chargé du Commerce, "
                "de la Promotion du tourisme et des Français de l'étranger selon la radio RTL.")
    q = find(r, "Le prochain ministre")
    assert q.text.endswith("des Français de l'étranger")


@pytest.mark.parametrize("text, words, speaker", [
    ("Des coups de feu ont été entendus près du port, selon des témoins joints par téléphone.",
     "Des coups de feu ont été entendus près du port", "témoins"),
    ("Le candidat du centre a remporté le scrutin avec 51 % des voix, selon les résultats provisoires "
     "publiés lundi soir par la Commission électorale.", "Le candidat du centre a remporté le scrutin avec 51 % des voix",
     "Commission électorale"),
])
def test_participle_after_the_source_belongs_to_it(analyse, text, words, speaker):
    q = find(analyse(text), words)
    assert q.text == words and speaker in q.speaker_name


def test_source_with_an_acronym_in_brackets(analyse):
    r = analyse("Pour la fédération des transporteurs (FNTR), ces grèves ont déjà coûté « plusieurs millions "
                "d'euros » aux entreprises.")
    q = find(r, "ces grèves ont déjà coûté")
    assert q.cue == "pour" and "fédération des transporteurs" in q.speaker_name
    assert len(r.quotes) == 1


def test_condition_after_a_reported_clause_is_part_of_it(analyse):
    r = analyse("Le porte-parole a affirmé à l'AFP que le mouvement était « prêt à négocier » "
                "si l'armée levait le blocus de la ville.")
    q = find(r, "prêt à négocier")
    assert q.text == "le mouvement était « prêt à négocier » si l'armée levait le blocus de la ville"


# ------------------------------------------------------------------ hyphenated names

def test_hyphenated_first_name_is_one_speaker(analyse):
    r = analyse("« Le pouvoir a peur », a dénoncé le président du parti, Paul Mbida. "
                "Le ministre de la Communication, Paul-Marie Owona, a rejeté ces accusations. "
                "D'après lui, la marche n'avait pas été déclarée.")
    assert find(r, "ces accusations").speaker_name == "Paul-Marie Owona"
    assert find(r, "la marche n'avait pas").speaker_name == "Paul-Marie Owona"


def test_hyphenated_place_after_a_preposition_is_no_speaker(analyse):
    r = analyse("À Addis-Abeba, les dirigeants africains promettent une force commune.")
    q = find(r, "une force commune")
    assert q.speaker_name == "dirigeants africains"
    assert any(m.text == "Addis-Abeba" for m in r.mentions)


# ------------------------------------------------------------------ incises inside the marks

def test_incise_with_a_plain_cue_and_a_full_stop_inside_the_marks(analyse):
    r = analyse("Le ministre, Karim Salhi, a reçu son homologue. « Nos deux villes ouvrent un nouveau chapitre, "
                "a déclaré M. Salhi à l'issue de l'entretien. Le port sera rénové avant l'été. »")
    first, second = find(r, "Nos deux villes"), find(r, "Le port sera rénové")
    assert first.text == "Nos deux villes ouvrent un nouveau chapitre"
    assert second.text == "Le port sera rénové avant l'été."
    assert first.speaker_name == second.speaker_name == "Karim Salhi"
    assert first.cue == second.cue == "déclarer"


def test_incise_with_a_complement_between_two_parts(analyse):
    r = analyse("« La grève durera, a affirmé mardi la syndicaliste Anne Vidal, jusqu'à ce que le ministre cède. »")
    first, second = find(r, "La grève durera"), find(r, "jusqu'à ce que")
    assert first.speaker_name == second.speaker_name == "Anne Vidal"


def test_a_comma_and_a_verb_inside_a_quote_make_no_incise_without_a_subject(analyse):
    r = analyse("« Nous avons travaillé, discuté, négocié pendant des mois », a déclaré le maire, Paul Girard.")
    assert len(r.quotes) == 1 and r.quotes[0].speaker_name == "Paul Girard"


def test_quoted_phrase_before_selon_is_a_partial_quote_of_the_source(analyse):
    r = analyse("Le chef de la diplomatie malienne reçu à Dakar, « un nouveau départ » selon son homologue\n"
                "Le ministre malien des Affaires étrangères, Moussa Keita, a été reçu lundi à Dakar par son "
                "homologue sénégalais, Amadou Fall.")
    q = find(r, "un nouveau départ")
    assert q.text == "un nouveau départ" and q.kind == "partial"
    assert q.cue == "selon" and q.speaker_name == "Amadou Fall"


# ------------------------------------------------------------------ speakers of direct quotes, cut clauses

def test_inverted_subject_after_a_date_and_a_station_name(analyse):
    r = analyse("« Ce gouvernement prend l’eau », a lancé mardi matin sur France Inter le député écologiste "
                "Marc Volant, qui réclame la tenue d’un débat.")
    q = find(r, "Ce gouvernement prend")
    assert q.speaker_name == "Marc Volant"
    assert find(r, "la tenue d’un débat").speaker_name == "Marc Volant"


def test_participle_cut_from_its_auxiliary_by_an_adverbial(analyse):
    q = find(analyse("Paul Girard a de son côté salué « le travail constant » des équipes."), "le travail constant")
    assert q.cue == "saluer" and q.speaker_name == "Paul Girard"


def test_quoted_subject_right_after_qu_apostrophe(analyse):
    r = analyse("La ministre Claire Duval a assuré qu'« aucune rançon » n'avait été versée.")
    assert len(r.quotes) == 1
    q = r.quotes[0]
    assert q.kind == "indirect" and q.text == "« aucune rançon » n'avait été versée"
    assert q.speaker_name == "Claire Duval"


def test_quoted_clause_after_que_then_a_second_report_without_auxiliary(analyse):
    r = analyse("Le syndicaliste Luis Vera a réclamé que « les bénéfices restent au pays » et menacé "
                "d’organiser une grève si les habitants n’étaient pas consultés.")
    first = find(r, "les bénéfices restent au pays")
    assert first.kind == "direct" and first.text == "les bénéfices restent au pays"
    second = find(r, "organiser une grève")
    assert second.cue == "menacer" and second.speaker_name == "Luis Vera"
    assert second.text.endswith("n’étaient pas consultés")


@pytest.mark.parametrize("text, words, speaker", [
    ("Le parquet avait requis en octobre quatre ans de prison, dont deux ferme, contre M. Dubois.",
     "quatre ans de prison", "parquet"),
    ("La mission d'observation de l'Union africaine, conduite par l'ancien ministre Paul Roche, estime "
     "au contraire que le scrutin s'est déroulé dans le calme.", "le scrutin s'est déroulé", "mission d'observation"),
])
def test_institutions_speak(analyse, text, words, speaker):
    q = find(analyse(text), words)
    assert speaker in q.speaker_name


def test_expression_with_a_fixed_particle(analyse):
    q = find(analyse("La diplomatie chinoise met en avant l'« amitié traditionnelle » entre les deux pays."),
             "amitié traditionnelle")
    assert q.cue == "mettre en avant" and q.speaker_name == "diplomatie chinoise"


def test_participle_set_apart_after_an_incise_goes_with_its_subject(analyse):
    r = analyse("Le président sortant, Marc Dubois, refuse sa défaite. « Nous ne céderons pas », a-t-il déclaré "
                "mardi soir devant ses partisans, annonçant le dépôt d'un recours.")
    q = find(r, "le dépôt d'un recours")
    assert q.cue == "annoncer" and q.speaker_name == "Marc Dubois"


def test_learnt_from_a_party_named_before(analyse):
    r = analyse("L'Union des forces démocratiques (UFD), principal parti d'opposition, a dénoncé des arrestations. "
                "Les arrestations ont eu lieu dimanche, a-t-on appris auprès du parti.")
    assert find(r, "Les arrestations ont eu lieu").speaker_name == "Union des forces démocratiques"


# ------------------------------------------------------------------ more extent and speaker cases

def test_a_quoted_step_is_no_negation(analyse):
    r = analyse("Sa directrice, Anna Berg, a salué « un premier pas », mais a exhorté les deux camps à garantir "
                "un accès aux convois.")
    q = find(r, "un premier pas")
    assert q.cue == "saluer" and q.speaker_name == "Anna Berg"
    assert find(r, "les deux camps à garantir").speaker_name == "Anna Berg"


def test_accused_object_parsed_as_an_attribute(analyse):
    q = find(analyse("Sénégal : l'opposition accuse le pouvoir d'avoir fait arrêter une dizaine de ses militants"),
             "le pouvoir")
    assert q.text == "le pouvoir d'avoir fait arrêter une dizaine de ses militants"


def test_au_is_no_infinitive_mark(analyse):
    q = find(analyse("La Belgique a appelé la junte au pouvoir à Bamako à lever les restrictions imposées aux convois."),
             "la junte")
    assert q.text == "la junte au pouvoir à Bamako à lever les restrictions imposées aux convois"


def test_name_in_apposition_is_the_subject_of_a_lost_parse(analyse):
    r = analyse("La présidente d'une association de locataires, Nadia Rami, regrette pour sa part que "
                "« l'État ne vienne que pour la répression » et réclame la réouverture du centre social, "
                "fermé depuis 2022.")
    first = find(r, "l'État ne vienne")
    assert first.kind == "direct" and first.speaker_name == "Nadia Rami"
    second = find(r, "la réouverture")
    assert second.cue == "réclamer" and second.speaker_name == "Nadia Rami"
    assert second.text == "la réouverture du centre social, fermé depuis 2022"


def test_past_participle_set_apart_stays_with_what_was_announced(analyse):
    r = analyse("Le ministère a annoncé l'expulsion de deux diplomates, accusés d'« activités incompatibles "
                "avec leur statut ».")
    assert len(r.quotes) == 1
    assert r.quotes[0].text == "l'expulsion de deux diplomates, accusés d'« activités incompatibles avec leur statut »"


def test_court_sentences_and_anonymity_are_not_words(analyse):
    r = analyse("Le tribunal a condamné l'ancien maire, Paul Roux, à deux ans de prison avec sursis. "
                "Un témoin, qui a requis l'anonymat, était présent.")
    assert r.quotes == []
    q = find(analyse("Le ministre a condamné l'attaque contre le consulat."), "l'attaque")
    assert q.cue == "condamner"


def test_present_tense_taken_for_a_participle(analyse):
    r = analyse("Un responsable onusien, qui a requis l'anonymat, décrit une situation « catastrophique » "
                "dans la région, où « des villages entiers n'ont plus rien ».")
    assert len(r.quotes) == 1
    q = r.quotes[0]
    assert q.cue == "décrire" and q.speaker_name == "responsable onusien"
    assert q.text.endswith("n'ont plus rien »")


def test_reported_clause_keeps_the_complements_the_parse_gave_to_the_verb(analyse):
    q = find(analyse("La présidente a annoncé qu'elle se rendrait à Addis-Abeba en février pour le sommet de "
                     "l'Union africaine, son premier déplacement à l'étranger."), "elle se rendrait")
    assert q.text == ("elle se rendrait à Addis-Abeba en février pour le sommet de l'Union africaine, "
                      "son premier déplacement à l'étranger")


def test_deadline_after_a_demand_is_part_of_it(analyse):
    q = find(analyse("Les syndicats réclament une hausse de 6 % des salaires et l'embauche de 1 500 agents "
                     "d'ici à la fin de l'année."), "une hausse")
    assert q.text.endswith("d'ici à la fin de l'année")



def test_object_hung_on_the_reporting_verb_after_an_incise(analyse):
    q = find(analyse("Les chefs d'État africains se sont engagés à mettre sur pied, d'ici à 2026, une force "
                     "régionale de réaction rapide."), "mettre sur pied")
    assert q.text == "mettre sur pied, d'ici à 2026, une force régionale de réaction rapide"


def test_report_stops_at_a_relative_report_and_a_closing_source(analyse):
    r = analyse("Le ministre a appelé Paris à « ne pas suivre aveuglément » la ligne de Washington, qui menace "
                "d'activer son « bouclier commercial » contre la Chine, selon le compte rendu publié par le ministère.")
    first = find(r, "ne pas suivre aveuglément")
    assert first.text == "Paris à « ne pas suivre aveuglément » la ligne de Washington"
    second = find(r, "bouclier commercial")
    assert second.cue == "menacer" and second.speaker_name == "Washington"


def test_faire_savoir_closing_a_long_sentence(analyse):
    q = find(analyse("La présidente du Conseil, Anna Berg, s'est entretenue mercredi par téléphone avec le président "
                     "malien, Moussa Keita, a fait savoir le palais présidentiel."), "s'est entretenue")
    assert q.cue == "faire savoir" and q.speaker_name == "palais présidentiel"
    assert q.text.startswith("La présidente du Conseil")


def test_source_qualified_by_an_adjective_participle(analyse):
    q = find(analyse("Des gaz lacrymogènes ont été tirés près du rond-point central, selon des témoins joints "
                     "par téléphone."), "Des gaz")
    assert q.text == "Des gaz lacrymogènes ont été tirés près du rond-point central"


def test_quoted_words_inside_a_reported_clause_are_the_reporter_s(analyse):
    r = analyse("Le ministre Paul Girard a indiqué que Dakar souhaitait « avancer vite » sur le projet de gazoduc.")
    assert len(r.quotes) == 1
    assert r.quotes[0].speaker_name == "Paul Girard"


def test_incise_closing_a_sentence_whose_clause_has_its_own_subject(analyse):
    r = analyse("L'Union européenne et la Norvège ont conclu mercredi soir un accord sur les quotas de cabillaud, "
                "après trois jours de négociations, a annoncé la Commission européenne dans un communiqué.")
    assert len(r.quotes) == 1
    q = r.quotes[0]
    assert q.cue == "annoncer" and q.speaker_name == "Commission européenne"
    assert q.text.startswith("L'Union européenne et la Norvège ont conclu")


def test_a_comma_closing_an_apposition_makes_no_incise(analyse):
    r = analyse("Sa porte-parole, Julie Marchetti, appelle la Commission à « écouter enfin les chercheurs ».")
    q = find(r, "écouter enfin les chercheurs")
    assert q.speaker_name == "Julie Marchetti" and q.text.startswith("la Commission à")


def test_gerund_after_a_participle_cut_from_its_auxiliary(analyse):
    r = analyse("Le ministre norvégien de la Pêche, Erik Solheim, a de son côté salué « un dialogue franc », "
                "tout en rappelant que son pays « ne transigera jamais sur la durabilité des stocks ».")
    assert find(r, "un dialogue franc").speaker_name == "Erik Solheim"
    q = find(r, "ne transigera jamais")
    assert q.cue == "rappeler" and q.speaker_name == "Erik Solheim" and q.kind == "indirect"


def test_cue_taken_for_an_adjective_after_a_name_in_apposition(analyse):
    r = analyse("Le président du comité régional des pêches, Olivier Tanguy, estime pour sa part que la baisse "
                "« reste douloureuse » et demande à l'État de prévoir des aides.")
    first = find(r, "la baisse")
    assert first.cue == "estimer" and first.speaker_name == "Olivier Tanguy"
    assert first.text == "la baisse « reste douloureuse »"
    second = find(r, "prévoir des aides")
    assert second.cue == "demander" and second.speaker_name == "Olivier Tanguy"
    assert second.text == "à l'État de prévoir des aides"


def test_two_sources_for_two_figures(analyse):
    r = analyse("À Lyon, près de 800 personnes ont défilé devant l'hôpital, selon la CGT, 350 selon la police.")
    first = find(r, "800 personnes")
    assert first.speaker_name == "CGT" and first.text == "À Lyon, près de 800 personnes ont défilé devant l'hôpital"
    second = next(q for q in r.quotes if q.text == "350")
    assert second.speaker_name == "police"


def test_source_document_published_by_an_organisation(analyse):
    q = find(analyse("Selon une étude publiée en mars par la Drees, le service statistique du ministère, un quart "
                     "des postes d'infirmiers restent vacants."), "un quart des postes")
    assert q.text == "un quart des postes d'infirmiers restent vacants" and q.speaker_name == "Drees"


# ------------------------------------------------------------ round 3 (generalisation)

def test_incise_with_compound_tense_splits_the_quotation(analyse):
    r = analyse("Le député Marc Roy a pris la parole. « Le gouvernement savait tout, a-t-il lancé devant "
                "ses collègues. Il a préféré se taire. » Puis : « Le dossier, avait-il souligné, n'est pas clos. »")
    check_spans(r)
    for words in ("Le gouvernement savait tout", "Il a préféré se taire", "Le dossier", "n'est pas clos"):
        q = find(r, words)
        assert q.kind == "direct" and q.speaker_name == "Marc Roy"
    assert find(r, "Le gouvernement").text == "Le gouvernement savait tout"
    assert find(r, "Le dossier").text == "Le dossier"


def test_inverted_cue_with_a_capital_as_subject(analyse):
    r = analyse("Les otages sont rentrés dimanche. Aucune contrepartie n'a été accordée, affirme Ottawa.")
    check_spans(r)
    q = find(r, "Aucune contrepartie")
    assert q.text == "Aucune contrepartie n'a été accordée"
    assert q.speaker_name == "Ottawa" and q.cue == "affirmer"


def test_coordinated_reporting_verbs_share_the_subject(analyse):
    r = analyse("La ministre Anne Roux a jugé que la réforme était nécessaire et réclamé un vote rapide des députés.")
    check_spans(r)
    q1, q2 = find(r, "la réforme"), find(r, "un vote rapide")
    assert q1.text == "la réforme était nécessaire" and q1.cue == "juger"
    assert q2.text == "un vote rapide des députés" and q2.cue == "réclamer"
    assert q1.speaker_name == q2.speaker_name == "Anne Roux"


def test_coordinated_present_tense_reporting_verbs(analyse):
    r = analyse("Le syndicat estime que les salaires sont trop bas et annonce une grève.")
    check_spans(r)
    assert find(r, "les salaires").text == "les salaires sont trop bas"
    q = find(r, "une grève")
    assert q.cue == "annoncer" and q.speaker_name == "syndicat"


def test_second_verb_of_the_reported_clause_is_not_the_speaker_s(analyse):
    # « promis » goes with « avait annoncé » (the government's), not with « a affirmé »
    r = analyse("La présidente Julie Morel a affirmé que le gouvernement avait annoncé des mesures et promis des crédits.")
    check_spans(r)
    assert not any(q.cue == "promettre" and q.speaker_name == "Julie Morel" for q in r.quotes)


def test_second_coordinated_verb_finds_a_subject_the_parse_lost(analyse):
    r = analyse("Dans la ville, l'ancienne adjointe, Marie Colin, élue en 2014 sur une liste centriste, "
                "a dit prendre acte du jugement et promis de « tourner la page ».")
    check_spans(r)
    assert find(r, "prendre acte").text == "prendre acte du jugement"
    q = find(r, "tourner la page")
    assert q.cue == "promettre" and q.speaker_name == "Marie Colin"


def test_quoted_words_inside_a_clause_reported_by_an_incise(analyse):
    # ANNOTATION: a partial quotation inside an indirect one is annotated once, as indirect
    r = analyse("Les deux marins sont « épuisés mais en vie », a-t-on appris auprès de leur armateur. "
                "La réforme sera « enterrée avant l'été », affirme un député de la majorité.")
    check_spans(r)
    q = find(r, "épuisés")
    assert q.kind == "indirect" and q.text == "Les deux marins sont « épuisés mais en vie »"
    assert q.speaker_name == "armateur" and q.cue == "apprendre"
    q = find(r, "enterrée")
    assert q.kind == "indirect" and q.text == "La réforme sera « enterrée avant l'été »"
    assert q.speaker_name == "député de la majorité"
    assert len(r.quotes) == 2


def test_possessive_description_goes_to_the_person_named_with_that_role(analyse):
    r = analyse("L'accord a été signé par le ministre français de l'Économie, Paul Girard, et son homologue "
                "allemand, Klaus Weber. Son homologue a salué « une étape décisive » et promis que Berlin "
                "tiendrait ses engagements.")
    check_spans(r)
    assert find(r, "une étape décisive").speaker_name == "Klaus Weber"
    assert find(r, "Berlin tiendrait").speaker_name == "Klaus Weber"


def test_name_after_an_honorific_is_a_complement_of_the_title(analyse):
    r = analyse("« Nous irons jusqu'au bout », a affirmé le directeur de campagne de M. Durand, Alain Petit.")
    check_spans(r)
    assert find(r, "Nous irons").speaker_name == "Alain Petit"


def test_title_with_a_participle_before_a_name_in_apposition(analyse):
    r = analyse("Le commissaire européen chargé du commerce, Pierre Lemaire, s'est voulu rassurant. "
                "Les premiers versements sont attendus en juin, a-t-il précisé.")
    check_spans(r)
    assert find(r, "premiers versements").speaker_name == "Pierre Lemaire"


def test_dislocated_subject_with_a_strong_pronoun(analyse):
    r = analyse("Les autorités locales, elles, assurent que la situation est sous contrôle.")
    check_spans(r)
    q = find(r, "la situation")
    assert q.speaker_name == "autorités locales" and q.cue == "assurer"


def test_modal_before_a_reporting_verb_in_an_incise(analyse):
    r = analyse("« La cour tranchera en notre faveur », veut croire Jean Martin, l'avocat de la famille.")
    check_spans(r)
    q = find(r, "La cour tranchera")
    assert q.speaker_name == "Jean Martin" and q.cue == "vouloir croire"


def test_detailler_is_a_reporting_verb(analyse):
    r = analyse("Le maire Louis Caron a pris la parole. « Les secours sont arrivés très vite », a-t-il détaillé.")
    check_spans(r)
    q = find(r, "Les secours")
    assert q.cue == "détailler" and q.speaker_name == "Louis Caron"


def test_postposed_subject_after_a_complement(analyse):
    r = analyse("« Nous avons attendu toute la nuit », a raconté à l'AFP un habitant joint par téléphone.")
    check_spans(r)
    q = find(r, "Nous avons attendu")
    assert q.cue == "raconter" and "habitant" in q.speaker_name


def test_speaker_without_the_time_complement(analyse):
    r = analyse("Le convoi a été bloqué à la frontière, a précisé la préfecture de police en fin de journée.")
    check_spans(r)
    q = find(r, "Le convoi")
    assert q.speaker_name == "préfecture de police"


def test_emphatic_pronoun_after_the_auxiliary_is_not_the_subject(analyse):
    r = analyse("L'ambassadrice Grace Wanjiru a exprimé sa « profonde tristesse ». Le représentant du Japon, "
                "qui parle au nom du groupe asiatique, a lui aussi regretté le blocage.")
    check_spans(r)
    q = find(r, "le blocage")
    assert q.speaker_name == "représentant du Japon"


def test_subject_set_off_by_an_adverbial_phrase(analyse):
    r = analyse("Le parti au pouvoir, de son côté, parle d'un vote « exemplaire » et accuse l'opposition "
                "de vouloir « semer le désordre ».")
    check_spans(r)
    q = find(r, "semer le désordre")
    assert q.kind == "indirect" and q.text == "l'opposition de vouloir « semer le désordre »"
    assert q.speaker_name == "parti au pouvoir" and q.cue == "accuser"
    assert find(r, "exemplaire").speaker_name == "parti au pouvoir"


def test_participle_after_a_comma_takes_the_main_clause_subject(analyse):
    r = analyse("En 2021, le Pérou avait même menacé de quitter les négociations du traité régional, "
                "accusant les importateurs de « torpiller » le mécanisme.")
    check_spans(r)
    q = find(r, "torpiller")
    assert q.kind == "indirect" and q.text == "les importateurs de « torpiller » le mécanisme"
    assert q.speaker_name == "Pérou"


def test_noun_complement_after_quoted_words_belongs_to_the_report(analyse):
    r = analyse("Le gouvernement a annoncé mercredi le rappel « pour consultations » de son ambassadeur à Oslo, "
                "au lendemain de l'incident.")
    check_spans(r)
    q = find(r, "le rappel")
    assert q.text == "le rappel « pour consultations » de son ambassadeur à Oslo"
    assert q.kind == "indirect" and q.speaker_name == "gouvernement"


def test_report_inside_a_selon_phrase_is_a_quotation_of_its_own(analyse):
    r = analyse("Selon un diplomate, la délégation aurait refusé de signer le texte final.")
    check_spans(r)
    outer = find(r, "la délégation aurait refusé")
    assert outer.cue == "selon" and outer.speaker_name == "diplomate"
    inner = next(q for q in r.quotes if q.cue == "refuser")
    assert inner.text.endswith("signer le texte final") and inner.speaker_name == "délégation"


def test_reporting_verb_the_tagger_took_for_a_noun_before_que(analyse):
    r = analyse("Un diplomate européen en poste à Dakar juge que les élections « ne changeront rien ».")
    check_spans(r)
    q = find(r, "les élections")
    assert q.cue == "juger" and q.kind == "indirect"
    assert q.speaker_name.startswith("diplomate européen")


def test_examples_after_dont_are_not_the_subject(analyse):
    r = analyse("Plusieurs syndicats, dont la CGT et FO, ont réclamé que la réunion soit reportée, "
                "tandis que le patronat, qui préside la commission, a proposé une date en mai.")
    check_spans(r)
    q = find(r, "la réunion soit reportée")
    assert q.speaker_name == "syndicats" and q.text == "la réunion soit reportée"


def test_apposition_after_a_dash_is_not_reported_by_the_verb(analyse):
    r = analyse("Le Maroc a proposé d'accueillir la réunion à Rabat — une idée que l'Algérie n'entend pas "
                "accepter, selon un diplomate.")
    check_spans(r)
    q = next(q for q in r.quotes if q.cue == "proposer")
    assert q.text == "accueillir la réunion à Rabat" and q.speaker_name == "Maroc"
    q = next(q for q in r.quotes if q.cue == "selon")
    assert q.text == "une idée que l'Algérie n'entend pas accepter" and q.speaker_name == "diplomate"


def test_fronted_source_stops_at_a_semicolon_before_another_clause(analyse):
    r = analyse("Pour le maire Jean Riou, « le port, c'est le cœur de cette ville » ; il a appelé les deux camps "
                "à « trouver vite un accord ».")
    check_spans(r)
    q = find(r, "le cœur de cette ville")
    assert q.text == "le port, c'est le cœur de cette ville" and q.speaker_name == "Jean Riou"
    q = find(r, "trouver vite un accord")
    assert q.cue == "appeler" and q.speaker_name == "Jean Riou"


def test_object_after_quoted_words_in_an_infinitive_report(analyse):
    r = analyse("Le ministre Paul Roy s'est engagé à présenter « avant l'été » un plan de relance. "
                "Lima accuse ce diplomate d'avoir rencontré « à plusieurs reprises » des chefs de l'opposition "
                "« dans le but de nuire au pays », selon un communiqué.")
    check_spans(r)
    q = next(q for q in r.quotes if q.cue == "engager")
    assert q.text == "présenter « avant l'été » un plan de relance" and q.speaker_name == "Paul Roy"
    q = next(q for q in r.quotes if q.cue == "accuser")
    assert q.text == ("ce diplomate d'avoir rencontré « à plusieurs reprises » des chefs de l'opposition "
                      "« dans le but de nuire au pays »")
    assert q.speaker_name == "Lima"
    assert not any(q.text == "à plusieurs reprises" for q in r.quotes)  # counted once, inside the report


def test_resumptive_apposition_is_not_part_of_the_report(analyse):
    r = analyse("Le procureur Paul Vidal avait demandé la saisie d'une maison achetée en 2018, une demande que "
                "la cour n'a pas suivie. Les deux pays avaient fixé un prix plancher de 300 dollars, un seuil "
                "que les acheteurs ont souvent ignoré, selon plusieurs syndicats.")
    check_spans(r)
    q = next(q for q in r.quotes if q.cue == "demander")
    assert q.text == "la saisie d'une maison achetée en 2018" and q.speaker_name == "Paul Vidal"
    q = next(q for q in r.quotes if q.cue == "selon")
    assert q.text == "un seuil que les acheteurs ont souvent ignoré"


def test_a_subject_after_et_that_the_parse_hung_on_the_first_clause(analyse):
    # « … ont signé un accord et la Belgique a promis … »: the parser makes « Belgique »
    # a conjunct of the first clause's object; it is the subject of the second verb
    r = analyse("Les deux chefs d'État ont signé un accord de coopération agricole et l'Espagne a promis "
                "un prêt de 20 millions d'euros pour l'irrigation.")
    q = find(r, "un prêt de 20 millions")
    assert q.speaker_name == "Espagne"
    # a verb with no subject of its own after « et » keeps the first subject
    r = analyse("Le préfet a reçu les représentants des pêcheurs et des mareyeurs et a promis une réunion.")
    assert find(r, "une réunion").speaker_name == "préfet"
