"""Who a sentence attributes its claim to."""

import pytest

from reconcile.extraction.attribution import find_attribution
from reconcile.extraction.vocabulary import load_vocabulary

TITLES = load_vocabulary().titles


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Forty people were detained on Friday, said Colonel Ana Ruiz, a police spokeswoman.",
         "Ana Ruiz"),
        ("Ten were arrested in the port, according to Inspector Lee Min.", "Lee Min"),
        ("The Ministry of Labour estimates that 3,000 workers are affected.",
         "Ministry of Labour"),
        ("This was despite a World Bank report saying that 2 million people are poor.",
         "World Bank"),
        ("Aid agencies say that the real number is higher.", "Aid agencies"),
        ("Harbour officials in Lagos say that 50 boats sank.", "Harbour officials"),
    ],
)
def test_named_speakers(sentence: str, speaker: str | None) -> None:
    assert find_attribution(sentence, TITLES)[0] == speaker


def test_pronoun_takes_the_last_named_speaker() -> None:
    assert find_attribution("Twelve were freed, he said.", TITLES, "Ana Ruiz") == ("Ana Ruiz", None)
    assert find_attribution("Twelve were freed, he said.", TITLES, None) == (None, None)


def test_no_attribution() -> None:
    assert find_attribution("Police seized 40 phones in the raid.", TITLES) == (None, None)



@pytest.mark.parametrize("sentence, expected", [
    # an appositive name before ", said": the agency is the speaker, not the reported clause
    ("The state news agency, Tass, said northern and southern police have joined forces.",
     "Tass"),
    # an inverted ", said X" must end its clause; otherwise "said" opens reported speech
    ("Forty were held, said Colonel Ann Moe, a police spokesperson.", "Ann Moe"),
])
def test_speaker_of_reported_speech(sentence: str, expected: str) -> None:
    assert find_attribution(sentence, TITLES)[0] == expected


@pytest.mark.parametrize("sentence", [
    "About 300 villagers have been reported missing since the storm.",
    "A list counted 12 Chileans and 9 Peruvians, said his statement.",
])
def test_no_speaker_from_passives_or_lists(sentence: str) -> None:
    assert find_attribution(sentence, TITLES)[0] is None


def test_pronoun_with_adverb_resolves_to_last_speaker() -> None:
    assert find_attribution("It also reported that 40 more were held.", TITLES,
                            "The Daily Planet") == ("The Daily Planet", None)


@pytest.mark.parametrize("sentence, expected", [
    ("Police arrested 40 people on Saturday, the interior ministry said.", "interior ministry"),
    ("Twenty-two officers were hurt in clashes, a police union said.", "police union"),
    ("About 90 people were detained, officials said on Sunday.", "officials"),
])
def test_speakers_named_by_role(sentence: str, expected: str) -> None:
    assert find_attribution(sentence, TITLES)[0] == expected


def test_a_role_is_not_remembered_for_pronouns() -> None:
    assert find_attribution("Ten died, officials said.", TITLES, "Ana Ruiz") == (
        "officials", None)


def test_a_title_inside_a_longer_phrase_is_dropped_before_a_name() -> None:
    sentence = "Forty were rescued, Chilean Interior Minister Ana Ruiz reported."
    assert find_attribution(sentence, TITLES)[0] == "Ana Ruiz"
    office = "The Office of the High Commissioner for Human Rights said 40 died."
    assert find_attribution(office, TITLES)[0] == "Office of the High Commissioner for Human Rights"
    assert find_attribution("A report by the National Police Commissioner said 40 died.",
                            TITLES)[0] == "National Police Commissioner"


@pytest.mark.parametrize("sentence, expected", [
    # a sentence may open with "According to"; the speaker is read as mid-sentence
    ("According to Inspector Lee Min, ten were arrested at the pier.", "Lee Min"),
    ("According to police, 12 people were hurt in the blaze.", "police"),
    ("Nine died, according to an updated Health Ministry toll.", "Health Ministry"),
    # unnamed reports and times are no speaker: nothing is better than a wrong name
    ("According to the latest reports, 70 people were hurt in the fire on Monday.", None),
    ("A previous report released on Tuesday reported 14 deaths.", None),
    ("An update issued Friday morning reported 30 people missing.", None),
])
def test_according_to_and_times_are_not_names(sentence: str, expected: str | None) -> None:
    assert find_attribution(sentence, TITLES)[0] == expected


@pytest.mark.parametrize("sentence, expected", [
    # a time or an adverb between the name and the verb is not part of the name
    ("Fire Chief Ana Ruiz on Sunday said 40 had died.", "Ana Ruiz"),
    ("The Harbour Authority on Monday said 12 boats sank.", "Harbour Authority"),
    ("Transport Secretary Lee Min also said the line would reopen.", "Lee Min"),
    ("The Smith family said two were missing.", "Smith family"),
    # a relative clause's subject is not who spoke
    ("Farmers whose fields flooded said 200 cattle drowned.", None),
])
def test_speaker_names_lose_times_and_adverbs(sentence: str, expected: str | None) -> None:
    assert find_attribution(sentence, TITLES)[0] == expected
