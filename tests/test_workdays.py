from datetime import date, timedelta

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


def _walked(start: date, count: int) -> date:
    """The deadline found the plain way, a day at a time (what the table must agree with)."""
    day = start
    while count > 0:
        day += timedelta(days=1)
        count -= is_workday(day)
    return day


def test_the_tables_agree_with_walking_day_by_day_across_years() -> None:
    # every start from the last weeks of 2024 to early 2027, over Idul Fitri, cuti bersama and New Year
    starts = [date(2024, 12, 1) + timedelta(days=n) for n in range(0, 800, 3)]
    for start in starts:
        for count in (0, 1, 3, 5, 14, 30, 300):
            assert add_workdays(start, count) == _walked(start, count), (start, count)
        for span in (0, 1, 6, 40, 400):
            end = start + timedelta(days=span)
            walked = sum(is_workday(start + timedelta(days=n)) for n in range(1, span + 1))
            assert workdays_between(start, end) == walked, (start, end)
            assert workdays_between(end, start) == 0
