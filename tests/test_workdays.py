from datetime import date

from chalicelib.workdays import add_workdays, is_workday, workdays_between


def test_weekends_are_not_working_days() -> None:
    assert is_workday(date(2026, 3, 2)) and not is_workday(date(2026, 3, 7)) and not is_workday(date(2026, 3, 8))


def test_public_holidays_and_cuti_bersama_are_skipped() -> None:
    assert not is_workday(date(2025, 8, 17 + 1))  # cuti bersama after Independence Day (Monday 18 Aug)
    assert not is_workday(date(2025, 12, 25)) and not is_workday(date(2025, 12, 26))
    # Idul Fitri 2025: 31 Mar - 1 Apr holidays, 2-4 and 7 Apr cuti bersama
    assert add_workdays(date(2025, 3, 27), 3) == date(2025, 4, 10)


def test_counting_between_days() -> None:
    assert workdays_between(date(2026, 3, 2), date(2026, 3, 9)) == 5
    assert workdays_between(date(2026, 3, 9), date(2026, 3, 2)) == 0
    assert workdays_between(date(2026, 3, 6), date(2026, 3, 9)) == 1
