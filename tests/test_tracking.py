from chalicelib.tracking import hash_secret, new_secret, new_tracking, normalize_tracking, secret_matches


def test_shape_and_round_trip() -> None:
    number = new_tracking("PSR")
    assert len(number) == len("PSR-XXXX-XXXX") and number.startswith("PSR-")
    assert normalize_tracking(number) == number


def test_reading_is_forgiving_of_case_dashes_and_lookalikes() -> None:
    number = new_tracking("PSR")
    assert normalize_tracking(number.lower().replace("-", " ")) == number
    assert normalize_tracking(number.replace("0", "o").replace("1", "l")) == number


def test_a_typo_is_caught_by_the_check_character() -> None:
    number = new_tracking("PSR")
    caught = 0
    for i in (4, 5, 6, 7, 9, 10, 11):
        for c in "0123456789ABCDEFGHJKMNPQRSTVWXYZ":
            if c != number[i]:
                typo = number[:i] + c + number[i + 1 :]
                caught += normalize_tracking(typo) is None
    assert caught / (7 * 31) > 0.9


def test_not_sequential_and_unique() -> None:
    numbers = [new_tracking("PSR") for _ in range(2000)]
    assert len(set(numbers)) == 2000
    assert sorted(numbers) != numbers


def test_garbage_is_not_a_tracking_number() -> None:
    for value in ("", "PSR", "12345", "PSR-1234", "<script>", "PSR-ABCD-EFGH-IJKL"):
        assert normalize_tracking(value) is None


def test_secret_is_stored_hashed() -> None:
    secret = new_secret()
    stored = hash_secret(secret)
    assert secret not in stored and secret_matches(secret, stored) and not secret_matches(secret + "x", stored)
