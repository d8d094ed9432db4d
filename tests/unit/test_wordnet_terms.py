"""The glossary's multi-word terms and drafted definitions from WordNet 3.0 (Debian's
wordnet-base, read offline with NLTK): compounds found, verb phrases never proposed, the sense
chosen by the article's context, the draft without WordNet, and nothing downloaded."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.authoring.draft import draft, wordnet
from explainer.authoring.draft.terms import terms
from explainer.core.text import sentences
from support import require_wordnet

@pytest.fixture
def needs_wordnet() -> None:
    require_wordnet()


def _found(*paragraphs: str) -> list:
    return terms([sentences(p) for p in paragraphs], {}, set())


def _terms(*paragraphs: str) -> list[str]:
    return [t.term for t in _found(*paragraphs)]


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    """The private copy in a scratch cache dir, as on a machine where it was never made."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("WNSEARCHDIR", raising=False)
    wordnet._reader.cache_clear()
    yield tmp_path / "cache"
    wordnet._reader.cache_clear()


@pytest.mark.usefixtures("needs_wordnet")
def test_compounds_of_common_words_are_found_in_wordnet():
    found = _terms("The two grocers formed a joint venture last spring, and each keeps its voting rights "
                   "over the shared warehouse.",
                   "Walkers crossed the salt marsh while the council kept a waiting list for allotments.")
    assert {"joint venture", "voting rights", "salt marsh", "waiting list"} <= set(found)


@pytest.mark.usefixtures("needs_wordnet")
def test_compounds_a_reader_gets_from_their_words_titles_and_times_are_not_proposed():
    found = _terms("The prime minister met the chief executive in the second half of the meeting, "
                   "and paid the bus fare herself.")
    assert not {"prime minister", "chief executive", "second half", "bus fare"} & set(found)


@pytest.mark.usefixtures("needs_wordnet")
def test_a_verb_phrase_is_never_a_term():
    found = _terms("When prices rise, many users uninstall the app within a week, and the offer remains open.",
                   "Analysts said the broadband fast became a \u201cwill only grow\u201d story, and the court upheld it.")
    assert not any(t in {"users uninstall", "remains open", "will only grow", "upheld", "broadband fast"}
                   for t in found), found


def test_half_a_contraction_is_no_term():
    found = _terms("“The players weren’t paid, and the coaches couldn't say why,” the insolvency practitioner said.")
    assert not {"weren", "couldn"} & set(found), found
    assert "insolvency practitioner" in found or "insolvency" in found, found


@pytest.mark.usefixtures("needs_wordnet")
def test_the_sense_is_chosen_by_the_articles_context():
    finance = wordnet.definition("bond", "The company sold a ten-year bond to investors, paying interest to "
                                         "the holders of its debt until maturity.")
    chemistry = wordnet.definition("bond", "In the molecule each carbon atom forms a covalent bond with "
                                           "an oxygen atom, sharing electrons.")
    assert finance and chemistry
    assert finance[1] == chemistry[1] == "WordNet 3.0"
    assert "debt" in finance[0] and "atoms" in chemistry[0]
    assert finance[0] != chemistry[0]
    assert wordnet.definition("joint venture", "The two chains formed a joint venture.")[0].startswith("A venture")
    assert wordnet.definition("zzyzx quorble", "no such thing") is None


@pytest.mark.usefixtures("needs_wordnet")
def test_the_private_copy_is_made_once_with_lexnames_and_nothing_is_downloaded(private_cache, monkeypatch):
    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError("nothing may be downloaded")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    home = Path.home() / "nltk_data"
    existed = home.exists()
    assert wordnet.missing() is None
    assert wordnet.noun_entry(["voting", "rights"]) == "voting_right"
    copy = private_cache / "explainer" / "wordnet-3.0"
    lexnames = (copy / "lexnames").read_text(encoding="utf-8").splitlines()
    assert len(lexnames) == 45 and lexnames[0] == "00\tadj.all\t3" and lexnames[-1] == "44\tadj.ppl\t3"
    assert not any(p.is_symlink() for p in copy.iterdir())
    assert home.exists() == existed
    made = (copy / "data.noun").stat().st_mtime_ns
    wordnet._reader.cache_clear()
    assert wordnet.reader() is not None
    assert (copy / "data.noun").stat().st_mtime_ns == made  # made once, not again


def test_without_wordnet_the_glossary_still_works_and_says_what_it_lacks(private_cache, monkeypatch, tmp_path):
    empty = tmp_path / "no-wordnet"
    empty.mkdir()
    monkeypatch.setenv("WNSEARCHDIR", str(empty))
    wordnet._reader.cache_clear()
    assert wordnet.reader() is None
    assert wordnet.definition("bond", "a ten-year bond") is None
    assert wordnet.noun_entry(["joint", "venture"]) is None
    assert "apt-get install wordnet-base" in wordnet.missing()
    found = _terms("The insurer agreed a leveraged buyout with a covenant package attached.")
    assert "leveraged buyout" in found  # the rarity rules still run
    assert not (private_cache / "explainer" / "wordnet-3.0").exists()


def test_new_article_without_wordnet_says_what_the_draft_lacks(tmp_path):
    empty = tmp_path / "no-wordnet"
    empty.mkdir()
    source = tmp_path / "story.txt"
    source.write_text("Grocers form a venture\n\nTwo grocers formed a joint venture on Tuesday, the company said.\n",
                      encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "WNSEARCHDIR": str(empty),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    run = subprocess.run([sys.executable, "-m", "explainer", "new-article", str(source), "--input", str(content)],
                         capture_output=True, text=True, env=env, cwd=Path(__file__).parents[2])
    assert run.returncode == 0, run.stderr
    lacks = [line for line in run.stdout.splitlines() if "no WordNet" in line]
    assert len(lacks) == 1 and "apt-get install wordnet-base" in lacks[0]
    assert (content / "notes-drafts" / "grocers-form-a-venture.yaml").is_file()


@pytest.mark.usefixtures("needs_wordnet")
def test_words_read_in_their_plain_sense_are_no_terms():
    """Someone's own words, another term's explanation and what says what kind of thing a name
    is are read plainly; the same words elsewhere are candidates."""
    assert "drainage plan" in _terms("The council adopted a drainage plan for the estate on Monday.")
    assert "drainage plan" not in _terms("“We have been lucky, and luck is not a drainage plan,” the chair said.")
    assert "trade journal" in _terms("The sale was first reported in a trade journal last month.")
    assert "trade journal" not in _terms("The trade journal Harbour Ledger first reported the sale last month.")
    assert "court order" in _terms("The residents asked the judge for a court order on Monday.")
    explained = _terms("The judge granted an injunction, a court order that forbids a particular act, on Monday.")
    assert "injunction" in explained and "court order" not in explained, explained


@pytest.mark.usefixtures("needs_wordnet")
def test_adjectives_that_classify_make_terms_and_adjectives_of_degree_do_not():
    found = _terms("The council approved the compulsory purchase of the field, and the provisional result "
                   "was published late on Sunday.")
    assert {"compulsory purchase", "provisional result"} <= set(found), found
    found = _terms("Most volunteers reported a mild fever, and the museum made a formal request for the masks.")
    assert not {"mild fever", "formal request"} & set(found), found
    found = _terms("It is a defined benefit scheme, which promises a pension based on salary.",
                   "Operators had raised fares by 8% last year.")
    assert "defined benefit scheme" in found and "raised fares" not in found, found


@pytest.mark.usefixtures("needs_wordnet")
def test_a_governing_body_is_a_term_and_a_longer_term_stands_for_those_inside_it():
    found = _terms("The planning committee approved the scheme, and the supervisory board agreed on Friday.",
                   "The bank closed its regional branches in May.",
                   "The retailer had drawn its revolving credit facility, a loan it can draw on and repay, by March.")
    assert {"planning committee", "supervisory board", "revolving credit facility"} <= set(found), found
    assert not {"regional branches", "revolving credit", "credit facility"} & set(found), found


@pytest.mark.usefixtures("needs_wordnet")
def test_a_verb_after_its_subject_or_a_clause_word_a_person_and_a_names_description_are_no_terms():
    found = _terms("She said the cuts would fall on players approaching retirement.",
                   "He led a think tank before entering politics in 2021.",
                   "The rider denies knowingly taking the drug, and his brother-in-law received three years.",
                   "The deal needs approval from BaFin, the German financial regulator, which will check the bank.")
    assert not {"approaching retirement", "entering politics", "denies knowingly", "brother-in-law",
                "financial regulator"} & set(found), found


@pytest.mark.usefixtures("needs_wordnet")
def test_what_only_looks_like_plain_words_stays_a_candidate():
    """A term in scare quotes is no one's speech; a name's description is not a contact clause,
    an opening word or a number; a participle alone with its noun is no compound; a compound
    after a noun is no verb; a longer term keeps the shorter one's words clean of adverbs."""
    assert "bail-in" in _terms('Analysts expect the bank to face a "bail-in" before the summer.')
    assert "drainage plan" in _terms("The council adopted the drainage plan Mr Hale drew up in May.")
    assert "franchising" in _terms("Separately, the authority said it backed franchising, which would let it set fares.")
    assert "planning committee" in _terms("The council planning committee approved the scheme on Friday.")
    assert "proposed changes" not in _terms("Members rejected the proposed changes, which would cut their pay.")
    found = _terms("The trial enrolled adults with newly diagnosed pulmonary tuberculosis, the form of the "
                   "disease that affects the lungs, in 2021.")
    assert "pulmonary tuberculosis" in found and not any("newly" in t for t in found), found
    # Speech that runs on from one sentence into the next, in straight quotes, is still speech.
    assert "drainage plan" not in _terms('"We have been lucky, and luck is not a drainage plan. We have none."')
    found = _terms("The lender offers peer-to-peer loans and a state-of-the-art app, kept up-to-date daily.")
    assert any(t.startswith("peer-to-peer") for t in found), found
    assert not any(t.startswith(("state-of-the-art", "up-to-date")) for t in found), found


@pytest.mark.usefixtures("needs_wordnet")
def test_a_rare_word_pairs_with_a_qualifier_before_it_never_with_a_verb():
    """"supervises insurers" is a verb and its object, "kiln emits" a subject and its verb, and
    no pronoun or modal ends a term ("itself", "cannot"); "harbour" (a noun and a verb) and a
    participle after a determiner ("a delegated commune") qualify the rare word."""
    found = _terms("The approval must come from the regulator, which supervises insurers in three countries.",
                   "The farmer said the inspector lacked testamentary experience.")
    assert not {"supervises insurers", "lacked testamentary"} & set(found), found
    found = _terms("Neighbours say the kiln emits fumes at night, and the benchmark itself was never published.",
                   "Its nieces inherit the land, but the substation cannot cope.")
    assert not {"kiln emits", "benchmark itself", "nieces inherit", "substation cannot"} & set(found), found
    found = _terms("The village became a delegated commune of the new town in January.",
                   "The fund also wants the harbour towage contracts renewed.")
    assert {"delegated commune", "harbour towage"} <= set(found), found


@pytest.mark.usefixtures("needs_wordnet")
def test_a_hyphenated_compound_naming_a_time_is_a_term_where_the_article_explains_it():
    found = _terms("Doctors watch the drug's half-life, the time the body takes to clear half of a dose.",
                   "The club sold him last season, the year it was relegated.")
    assert "half-life" in found and "last season" not in found, found


@pytest.mark.usefixtures("needs_wordnet")
def test_a_hyphenated_word_is_judged_by_wordnets_entry_however_it_writes_it():
    """WordNet writes "cofounder", "teammate", "northwest": the hyphenated word is a person, a
    place, an adjective only ("long-term", "sold-out"), read at sight as a single word is; a
    hyphenated word for a concept ("by-election") or one WordNet lacks ("sell-on") stays."""
    found = _terms("The co-founder left in March, and her old team-mate moved to the north-west.",
                   "The lease is long-term and the show was sold-out.",
                   "A by-election is due, and the club kept a sell-on from the transfer.")
    assert not {"co-founder", "team-mate", "north-west", "long-term", "sold-out"} & set(found), found
    assert {"by-election", "sell-on"} <= set(found), found


@pytest.mark.usefixtures("needs_wordnet")
def test_the_glossary_proposes_ten_terms_at_most_the_explained_first():
    """A draft to curate: a careful author explains four to eight terms, so a story full of
    rare words gets ten proposals, the ones it explains itself among them wherever they stand."""
    found = _terms("The claim rests on estoppel, subrogation, novation and laches, and on replevin for the goods.",
                   "Lawyers also cited usufruct, emphyteusis, champerty, escheat and mortmain.",
                   "In the end the court granted an injunction, a court order that stops the sale.")
    assert len(found) == 10 and "injunction" in found, found
    assert len({"estoppel", "subrogation", "novation", "laches", "replevin", "usufruct", "emphyteusis", "champerty",
                "escheat", "mortmain"} & set(found)) == 9, found


@pytest.mark.usefixtures("needs_wordnet")
def test_everyday_compounds_rank_last_and_a_time_or_a_measure_makes_no_term():
    """A compound WordNet's tagged corpus met is everyday English: proposed after a domain's
    compound, not left out; a qualifier of when ("closing", "annual") or a unit makes no term."""
    found = _terms("The plant emits carbon dioxide, and residents filed a class action in May.")
    assert {"carbon dioxide", "class action"} <= set(found), found
    assert found.index("class action") < found.index("carbon dioxide"), found
    found = _terms("The offer is 30% above Friday's closing price, and members pay an annual fee.",
                   "Radon reached 300 becquerels per cubic metre in two classrooms.")
    assert not {"closing price", "annual fee", "cubic metre"} & set(found), found
    # a qualifier of how often or at which end, not any of when: "current account" is a term
    found = _terms("The country ran a current account deficit last year.")
    assert "current account" in found, found


@pytest.mark.usefixtures("needs_wordnet")
def test_more_of_the_articles_own_explanations_are_read():
    """An explanation after a colon; one whose relative clause has a helper ("that would") or a
    name ("that the ministry in Warsaw issues"); a person explained by a demonym's phrase; and no
    term is a partitive's noun ("several of which") or "ones"."""
    explained = {t.term: t.gloss for t in _found(
        "Bondholders will vote on a maturity extension: a change to the bonds' terms that moves back the repayment date.",
        "The buyer also takes the net cash, money that would otherwise pass to the lenders.",
        "The consignor, a Belgian collector who has not been named, bought the panels in 2004.",
        "Voters enter their NIP, a tax number that the ministry in Warsaw issues to every firm, on the form.")}
    assert explained.get("maturity extension", "").startswith("a change to the bonds"), explained
    assert explained.get("net cash", "").startswith("money that would"), explained
    assert explained.get("consignor", "").startswith("a Belgian collector"), explained
    assert explained.get("NIP", "").startswith("a tax number that the ministry in Warsaw"), explained
    found = _terms("Members approved the purchases, several of which were signed off by officers.",
                   "The clerk counted 400 papers and rejected the valid ones, which were late.")
    assert not {"purchases", "valid ones"} & set(found), found


@pytest.mark.usefixtures("needs_wordnet")
def test_a_code_after_the_words_it_stands_for_or_explained_by_what_it_measures_is_a_term_not_a_name():
    """"earnings before interest, tax, ... and amortisation, or EBITDA": the code is the term, its
    words the explanation (none of them a term of its own), and no name holds it ("Brennock’s
    EBITDA"); "EBITDA, a measure of profit that ...": explained as a thing, by its first noun; a
    code described as one thing, with its numbers, is a name ("BEACON, a trial of 300 adults")."""
    text = ("Crisp maker sold to its managers\n\n"
            "Brennock made earnings before interest, tax, depreciation and amortisation, or EBITDA, of €7.6 million.\n\n"
            "The buyer pays more if Brennock’s EBITDA passes €9 million.\n\n"
            "Its rival’s net debt is nine times its EBITDA, a measure of profit that lenders watch.")
    result = draft(text, "crisps", None)
    found = {t.term: t.gloss for t in result.terms}
    assert found.get("EBITDA") == "earnings before interest, tax, depreciation and amortisation", found
    assert "amortisation" not in found, found
    assert not any("EBITDA" in form for e in result.entities for form in (e.name, *e.aliases)), result.entities
    found = {t.term: t.gloss for t in _found("Its net debt is nine times its EBITDA, a measure of profit that lenders watch.",
                                             "The approval rests on BEACON, a trial of 300 adults at 40 hospitals.")}
    assert found.get("EBITDA", "").startswith("a measure of profit") and "BEACON" not in found, found


@pytest.mark.usefixtures("needs_wordnet")
def test_explanations_that_open_with_a_relative_phrase_or_a_clause_of_their_own_subject_are_read():
    """"a compliance hearing, at which ...", "mandatory functions, those the law ...", and an
    explanation whose relative clause has no "that" and a subject of its own after a determiner
    ("a document every member state must ratify"); still no explanation that is a clause of its own."""
    found = {t.term: t for t in _found(
        "The judge set a compliance hearing, at which the insurer must show that every payment was made.",
        "The authority may only spend money on mandatory functions, those the law obliges it to carry out.",
        "Ministers signed a framework agreement, a document every member state must ratify before the fund opens.",
        "Patients reported chest pain, the average stay was four days.")}
    assert found["compliance hearing"].rarity < 0, found
    assert found["mandatory functions"].rarity < 0, found
    assert found["framework agreement"].gloss == "a document every member state must ratify before the fund opens", found
    assert "chest pain" not in found or not found["chest pain"].gloss, found


@pytest.mark.usefixtures("needs_wordnet")
def test_an_uncommon_state_followed_by_what_it_means_is_a_term():
    """"The survey was retrospective, meaning ...": the word is the term, the "meaning" clause its
    explanation; a common word is not ("The plan was approved, meaning ...")."""
    found = {t.term: t.gloss for t in _found(
        "The survey was retrospective, meaning researchers looked back at records the clinics already kept.",
        "The plan was approved, meaning the council can start work in May.")}
    assert found.get("retrospective") == "meaning researchers looked back at records the clinics already kept", found
    assert "approved" not in found, found


@pytest.mark.usefixtures("needs_wordnet")
def test_an_uncommon_role_explained_by_a_who_clause_is_a_term():
    """"the bailiffs, who sell them to repay the bank": a role few readers name, told by what it
    does; not a common one ("the chief executive, who earns ..."), a relative ("Her brother, who
    lives ..."), nor a thing the clause is not about ("Fans of classical music, who fill ...")."""
    found = {t.term: t for t in _found(
        "The farm assets pass to the bailiffs, who sell them to repay the bank.",
        "Her brother, who lives in Leeds, said the family was shocked.",
        "The chief executive, who earns more than the prime minister, said she would stay.",
        "Fans of classical music, who fill the hall every week, were upset.")}
    assert found.get("bailiffs") is not None and found["bailiffs"].rarity < 0, found
    assert not {"brother", "chief executive"} & set(found), found
    assert "classical music" not in found or found["classical music"].rarity >= 0, found


@pytest.mark.usefixtures("needs_wordnet")
def test_a_term_explained_by_how_it_comes_about_is_read():
    """"a penalty stroke, awarded when a defender ...": a participle and when or for what is the
    explanation; not a name's or a common thing's ("The stadium, built in 1990 for the games")."""
    found = {t.term: t.gloss for t in _found(
        "The side scored from a penalty stroke, awarded when a defender deliberately stops a certain goal.",
        "The stadium, built in 1990 for the games, holds 40,000 people.")}
    assert found.get("penalty stroke") == "awarded when a defender deliberately stops a certain goal", found
    assert "stadium" not in found, found


@pytest.mark.usefixtures("needs_wordnet")
def test_a_phrase_that_ranks_the_thing_is_no_explained_term():
    """"the rarest stamps, which come from ...", "smaller parcels, which ...": the clause tells
    about which ones, not what a term means; a term WordNet lists keeps its explanation ("higher
    education, which includes ...")."""
    found = {t.term: t for t in _found(
        "Collectors want the rarest stamps, which come from a single printing.",
        "Buyers prefer smaller parcels, which sell faster.",
        "Graduates of higher education, which includes colleges, earn more.")}
    assert not {"rarest stamps", "smaller parcels", "stamps", "parcels"} & set(found), found
    assert found["higher education"].rarity < 0, found


@pytest.mark.usefixtures("needs_wordnet")
def test_a_currency_is_no_term_whether_wordnet_knows_it_or_not():
    """"90,000 kronor", "2 million shekels": the figure says a currency is money, and the
    currency names come from the gazetteer (CLDR), so one WordNet lacks is no term either."""
    found = _terms("The parish paid 90,000 kronor to restore the murals.",
                   "The fund lent 2 million shekels and 300,000 ringgit to the builders.")
    assert not {"kronor", "shekels", "ringgit"} & set(found), found
