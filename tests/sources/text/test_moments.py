from datetime import UTC, date, datetime, timedelta, timezone

from sources.text.moments import parse_moment


def test_it_reads_a_date_and_a_date_with_a_time():
    assert parse_moment("2025-10-02") == date(2025, 10, 2)
    assert parse_moment("2025-10-02 08:48") == datetime(2025, 10, 2, 8, 48)
    assert parse_moment(" 2025-10-02T08:48+01:00 ") == datetime(
        2025, 10, 2, 8, 48, tzinfo=timezone(timedelta(hours=1))
    )


def test_it_reads_the_dates_of_email_and_feeds():
    assert parse_moment("Thu, 02 Oct 2025 07:48:00 GMT") == datetime(2025, 10, 2, 7, 48, tzinfo=UTC)


def test_it_refuses_what_is_not_a_date_or_is_out_of_range():
    assert parse_moment("") is None
    assert parse_moment("next Tuesday") is None
    assert parse_moment("2025-13-01") is None
    assert parse_moment("1066-10-14") is None
