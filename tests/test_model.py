"""The model's measure-key helpers, which every stage reads the same way."""

from reconcile.model import is_nationals_key


def test_a_key_of_nationality_codes_names_people_by_nationality() -> None:
    assert is_nationals_key("FR")
    assert is_nationals_key("DE+FR+IT")


def test_other_keys_are_not_nationals() -> None:
    # kinds of people, things, and keys that still carry a part, a scope or an increment
    for key in ("people", "people/workers", "dead", "part:FR", "FR@IT", "FR/more",
                "FR+people", "fr", "F", "FRA", "", "DE+"):
        assert not is_nationals_key(key), key
