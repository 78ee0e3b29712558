"""Parties and amounts of English contract-award news, on sentences written for these tests: the
one that awards buys and the one awarded, that wins or that provides supplies, whatever legal
form the names lack; lists before and after the verb; descriptors before a name; headlines and
pronouns give no party."""

from __future__ import annotations

from tendertrace.extract.award_en import en_award_parties, sentences

from ._docs import ex_of, roles


def _award(text: str) -> dict[str, str]:
    return {text[p.start:p.end]: p.role for p in en_award_parties(text)}


def test_the_one_that_awards_buys_and_its_direct_object_supplies() -> None:
    got = _award("The Ministry of Transport has awarded Harbourline Systems a $42 million, four-year contract for traffic data.")
    assert got == {"Ministry of Transport": "buyer", "Harbourline Systems": "supplier"}


def test_a_contract_awarded_to_a_described_company() -> None:
    got = _award("The Port Authority awarded a two-year, $3.1 million contract to data analytics firm Veloxa Labs on Friday.")
    assert got == {"Port Authority": "buyer", "Veloxa Labs": "supplier"}


def test_the_country_word_opens_a_name_and_the_article_does_not() -> None:
    got = _award("The U.S. Navy has awarded Corvale Research a contract for ocean modelling.")
    assert got == {"U.S. Navy": "buyer", "Corvale Research": "supplier"}


def test_a_passive_award_names_the_winner_and_by_whom() -> None:
    got = _award("Northfield Analytics has been awarded the Regional Weather Modelling contract by the National Weather Office.")
    assert got == {"Northfield Analytics": "supplier", "National Weather Office": "buyer"}


def test_a_winner_and_the_one_it_won_from() -> None:
    got = _award("Quarry Compute won a $12M GPU cloud contract from the State Energy Agency, its largest yet.")
    assert got == {"Quarry Compute": "supplier", "State Energy Agency": "buyer"}


def test_a_list_of_winners_after_awarded_to() -> None:
    got = _award("Up to $2 billion in contracts were awarded to Alpha Grid, Beta Cloud, and Gamma Nodes.")
    assert got == {"Alpha Grid": "supplier", "Beta Cloud": "supplier", "Gamma Nodes": "supplier"}


def test_the_winners_coordinated_before_a_passive_verb_but_not_the_phrase_before_them() -> None:
    text = ("For the Harbour Contracting Office, Texas-based Alpha Grid LLC, Ohio-based Beta Cloud Inc., and "
            "Maine-based Gamma Nodes Corp. each are awarded a firm-fixed-price contract.")
    got = _award(text)
    assert got == {"Alpha Grid LLC": "supplier", "Beta Cloud Inc.": "supplier", "Gamma Nodes Corp.": "supplier"}


def test_the_one_provided_with_a_service_buys() -> None:
    got = _award("Kestrel Cloud will provide the City of Westbridge with GPU compute through 2028.")
    assert got == {"Kestrel Cloud": "supplier", "City of Westbridge": "buyer"}


def test_a_list_after_including() -> None:
    got = _award("The Transit Department awarded similar pacts to four other suppliers, including Orbis Data Corp.")
    assert got == {"Transit Department": "buyer", "Orbis Data Corp.": "supplier"}


def test_no_party_from_a_title_case_headline_or_a_pronoun() -> None:
    assert _award("City Awards Cloud Computing Contract To Kestrel Systems") == {}
    assert _award("It has been awarded a contract by federal agencies.") == {}
    assert _award("The award was made under a blanket purchase agreement.") == {}


def test_a_legal_forms_full_stop_ends_no_sentence() -> None:
    text = "Orbis Data Corp. won a contract from the Harbour Board. The board said so."
    assert [text[s:e] for s, e in sentences(text)] == ["Orbis Data Corp. won a contract from the Harbour Board.", "The board said so."]


def test_award_news_parties_and_amount_in_the_extraction() -> None:
    ex = ex_of("The Environmental Records Agency has awarded a three-year, $15 million contract to IT services firm "
               "Quillon Federal as part of a plan to move its computing to the cloud.\n\n"
               "Quillon said the deal was its largest.")
    assert {p.name: p.role for p in ex.parties if p.role != "mentioned"} == {
        "Environmental Records Agency": "buyer", "Quillon Federal": "supplier"}
    assert ex.amount is not None and ex.amount.value == 15_000_000 and ex.amount.currency == "USD"


def test_a_short_form_of_a_billion_in_news() -> None:
    ex = ex_of("Kestrel Cloud has secured a cloud computing contract worth as much as $14.2B with Northwind Platforms.")
    assert ex.amount is not None and ex.amount.value == 14_200_000_000
    assert roles("Kestrel Cloud has secured a cloud computing contract worth as much as $14.2B with Northwind Platforms.") == {
        "Kestrel Cloud": "supplier", "Northwind Platforms": "buyer"}


def test_a_purchase_from_a_seller_and_its_price() -> None:
    text = "The town board of Westbridge has agreed to purchase two ladder trucks from Harlan Apparatus for $778,568."
    assert _award(text).get("Harlan Apparatus") == "supplier"
    ex = ex_of(text)
    assert ex.amount is not None and ex.amount.value == 778568


def test_the_subject_that_said_it_awarded_and_names_beyond_ascii() -> None:
    got = _award("The Harbour Transit Authority said Thursday it has doled out a $119 million contract to Norvik Bus Inc. to build buses.")
    assert got == {"Harbour Transit Authority": "buyer", "Norvik Bus Inc.": "supplier"}
    got = _award("The University of Hawaiʻi has been awarded a contract valued at up to $75 million by the Pacific Research Laboratory.")
    assert got == {"University of Hawaiʻi": "supplier", "Pacific Research Laboratory": "buyer"}
