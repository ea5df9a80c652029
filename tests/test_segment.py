"""News segmentation: paragraphs, headline, quotations never cut."""

from __future__ import annotations

import re

import pytest


def sentences(nlp, text):
    doc = nlp(text)
    return [s.text.strip() for s in doc.sents if s.text.strip()], doc


def quoted_spans(text):
    """Character spans of «…» pairs within a paragraph."""
    return [(m.start(), m.end()) for m in re.finditer(r"«[^«»\n]*»", text)]


def test_headline_is_its_own_sentence(nlp):
    text = ("Rencontre Dupont – Meyer : un conseiller du ministre évoque un échange « franc et utile »\n\n"
            "Le ministre a reçu son homologue jeudi. Ils ont parlé pendant deux heures.")
    sents, _ = sentences(nlp, text)
    assert sents[0] == "Rencontre Dupont – Meyer : un conseiller du ministre évoque un échange « franc et utile »"
    assert sents[1:] == ["Le ministre a reçu son homologue jeudi.", "Ils ont parlé pendant deux heures."]


def test_newline_ends_a_paragraph(nlp):
    text = "Première phrase sans point final\nDeuxième paragraphe qui suit\nTroisième, enfin."
    sents, doc = sentences(nlp, text)
    assert sents == ["Première phrase sans point final", "Deuxième paragraphe qui suit", "Troisième, enfin."]
    assert [p.text for p in doc.spans["paragraphs"]] == sents


def test_quotation_with_inner_sentences_is_not_cut(nlp):
    text = ("« Nous ne céderons pas. Nous irons jusqu'au bout. Le pays nous regarde », a déclaré "
            "la députée devant la presse. Elle a quitté la salle peu après.")
    sents, _ = sentences(nlp, text)
    assert len(sents) == 2
    assert sents[0].startswith("« Nous ne céderons pas. Nous irons")
    assert sents[1] == "Elle a quitté la salle peu après."


def test_sentence_ending_inside_closing_mark(nlp):
    text = "Le maire a conclu : « Nous reconstruirons. » Puis il est reparti vers la mairie."
    sents, _ = sentences(nlp, text)
    assert sents == ["Le maire a conclu : « Nous reconstruirons. »", "Puis il est reparti vers la mairie."]


def test_curly_and_straight_quotes_protect_too(nlp):
    text = ('Il a répondu “Pas maintenant. Plus tard.” avant de partir. '
            'Elle a dit "Oui. Bien sûr." sans hésiter.')
    sents, _ = sentences(nlp, text)
    assert len(sents) == 2


@pytest.mark.parametrize("text, n", [
    ("M. Durand est arrivé hier. Il repart demain.", 2),
    ("Selon J. Martin, le projet avance. Les travaux reprennent.", 2),
    ("Les recettes ont atteint 3,5 millions d'euros. Les dépenses ont baissé.", 2),
    ("Qui paiera ? Personne ne le sait encore.", 2),
    ("Le texte, adopté en 1998... puis abrogé, reste cité.", 1),
])
def test_sentence_ends(nlp, text, n):
    sents, _ = sentences(nlp, text)
    assert len(sents) == n, sents


def test_unclosed_mark_does_not_glue_the_article(nlp):
    body = " ".join(f"Phrase numéro {i} du long paragraphe." for i in range(120))
    text = "Il a dit « sans jamais fermer la citation. " + body
    sents, _ = sentences(nlp, text)
    assert len(sents) > 20


def test_quotes_never_cut_on_a_real_article(nlp):
    text = ("Le Conseil adopte un budget « prudent »\n\n"
            "« Nous avons fait des choix difficiles. Ils étaient nécessaires », a déclaré le président "
            "du conseil, qui a évoqué « une année de transition ». L'opposition a dénoncé « un budget "
            "d'austérité. Un de plus ».\n"
            "« Les écoles seront épargnées », a-t-il ajouté.")
    doc = nlp(text)
    starts = {s.start_char for s in doc.sents}
    for a, b in quoted_spans(text):
        assert not any(a < s < b for s in starts), text[a:b]
