"""Who a sentence attributes its claim to."""

import pytest

from reconcile.attribution import find_attribution
from reconcile.vocabulary import load_vocabulary

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
