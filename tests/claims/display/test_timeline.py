from datetime import date
from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from claims.display.timeline import TimelinePoint, build_timeline
from claims.rules.values import DateValue, Precision, Qualifier, Quantity, describe

GUARDIAN_2019 = date(2019, 4, 30)
ITV_2022 = date(2022, 2, 2)


def point(outlet, as_of, value, source=None):
    return TimelinePoint(
        as_of=as_of,
        value=value,
        outlet=outlet,
        source=source or outlet.lower().replace(" ", "-"),
        label=describe(value),
    )


def number(n, qualifier=Qualifier.EXACT):
    return Quantity(Decimal(str(n)), qualifier)


def year(y):
    return DateValue(date(y, 1, 1), Precision.YEAR)


def officers():
    """The seed claim: 11 officers investigated in 2019 (quoted three times), 14 in 2022."""
    guardian = [point("The Guardian", GUARDIAN_2019, number(11))] * 3
    return build_timeline([*guardian, point("ITV News", ITV_2022, number(14))], unit="officers")


def by_outlet(timeline):
    return {mark.outlet: mark for mark in timeline.marks}


def test_it_places_later_dates_further_right():
    marks = by_outlet(officers())
    assert marks["ITV News"].x > marks["The Guardian"].x


def test_it_places_higher_numbers_higher():
    marks = by_outlet(officers())
    assert marks["ITV News"].y < marks["The Guardian"].y


def test_it_centres_a_single_point():
    timeline = build_timeline([point("BBC News", date(2025, 10, 2), number(9))])
    (mark,) = timeline.marks
    assert mark.x == pytest.approx((timeline.plot_left + timeline.plot_right) / 2, abs=0.1)
    assert timeline.plot_top < mark.y < timeline.plot_bottom


def test_it_collapses_one_sources_repeated_quotes_into_one_mark():
    timeline = officers()
    assert [mark.outlet for mark in timeline.marks] == ["The Guardian", "ITV News"]
    assert len(timeline.rows) == 2


def test_it_keeps_two_sources_with_the_same_value_and_date_apart():
    day = date(2025, 10, 2)
    timeline = build_timeline(
        [point("The Times", day, number(9)), point("BBC News", day, number(9))]
    )
    bbc, times = timeline.marks  # in outlet order, left to right
    assert (bbc.outlet, times.outlet) == ("BBC News", "The Times")
    assert bbc.y == times.y
    assert times.x - bbc.x >= 10  # more than a dot's width apart


def test_it_keeps_two_sources_agreeing_on_nearly_the_same_day_apart_in_date_order():
    timeline = build_timeline(
        [
            point("The Independent", date(2025, 9, 30), number(9)),
            point("BBC News", date(2025, 10, 2), number(9)),
        ]
    )
    independent, bbc = timeline.marks
    assert bbc.x - independent.x >= 10


def test_an_approximate_value_has_an_error_bar_of_ten_percent_either_side():
    marks = by_outlet(
        build_timeline(
            [
                point("Sky News", date(2025, 1, 1), number(1500, Qualifier.APPROXIMATELY)),
                point("Low", date(2025, 2, 1), number(1350)),
                point("High", date(2025, 3, 1), number(1650)),
            ]
        )
    )
    about = marks["Sky News"]
    assert about.shape == "approximate"
    assert (about.y_low, about.y_high) == (marks["Low"].y, marks["High"].y)
    assert about.y_high < about.y < about.y_low


def test_at_least_is_open_ended_up_to_the_top_and_at_most_down_to_the_axis():
    timeline = build_timeline(
        [
            point("The Times", date(2025, 1, 1), number(90, Qualifier.AT_LEAST)),
            point("ITV News", date(2025, 3, 1), number(40, Qualifier.AT_MOST)),
        ]
    )
    at_least, at_most = timeline.marks
    assert at_least.shape == "at_least" and at_least.arrow
    assert (at_least.y_low, at_least.y_high) == (at_least.y, timeline.plot_top)
    assert at_most.shape == "at_most" and at_most.arrow
    assert (at_most.y_low, at_most.y_high) == (timeline.plot_bottom, at_most.y)


def test_year_precision_dates_and_periods_are_bars_and_days_are_points():
    period = DateValue(date(2015, 1, 1), Precision.YEAR, date(2017, 1, 1))
    day = DateValue(date(2018, 2, 14), Precision.DAY)
    marks = by_outlet(
        build_timeline(
            [
                point("The Guardian", GUARDIAN_2019, period),
                point("ITV News", ITV_2022, year(2018)),
                point("The Independent", date(2025, 9, 30), day),
            ]
        )
    )
    one_year = marks["ITV News"].y_low - marks["ITV News"].y_high
    three_years = marks["The Guardian"].y_low - marks["The Guardian"].y_high
    assert marks["ITV News"].shape == marks["The Guardian"].shape == "range"
    assert one_year > 0
    assert three_years == pytest.approx(3 * one_year, abs=0.3)
    assert marks["The Guardian"].y_high == pytest.approx(marks["ITV News"].y_low, abs=0.1)
    assert marks["The Independent"].shape == "point"
    assert marks["The Independent"].y_low is None
    # 14 February 2018 lies within the bar for 2018.
    assert marks["ITV News"].y_high < marks["The Independent"].y < marks["ITV News"].y_low


def test_it_draws_nothing_without_points_or_with_numbers_and_dates_mixed():
    assert build_timeline([]) is None
    mixed = [point("BBC News", ITV_2022, number(9)), point("ITV News", ITV_2022, year(2018))]
    assert build_timeline(mixed) is None


def test_the_summary_names_values_dates_and_outlets_in_as_of_order():
    timeline = build_timeline(
        [point("ITV News", ITV_2022, number(14)), point("The Guardian", GUARDIAN_2019, number(11))],
        unit="officers",
    )
    assert timeline.summary == (
        "11 officers as of 30 April 2019 (The Guardian), 14 as of 2 February 2022 (ITV News)."
    )
    assert timeline.rows == (
        ("30 April 2019", "The Guardian", "", "11"),
        ("2 February 2022", "ITV News", "", "14"),
    )
    assert [mark.text for mark in timeline.marks] == [
        "The Guardian, 30 April 2019: 11",
        "ITV News, 2 February 2022: 14",
    ]


def test_the_summary_groups_sources_that_agree_on_a_date():
    day = date(2025, 10, 2)
    timeline = build_timeline(
        [point("The Times", day, number(9)), point("BBC News", day, number(9))]
    )
    assert timeline.summary == "9 as of 2 October 2025 (BBC News and The Times)."


def test_ticks_are_nice_round_numbers_within_the_plot():
    timeline = officers()
    assert [tick.label for tick in timeline.y_ticks] == ["0", "5", "10", "15"]
    assert [tick.label for tick in timeline.x_ticks] == ["2020", "2021", "2022"]
    for tick in timeline.x_ticks:
        assert timeline.plot_left <= tick.position <= timeline.plot_right
    for tick in timeline.y_ticks:
        assert timeline.plot_top <= tick.position <= timeline.plot_bottom


def test_large_numbers_have_thousands_separators_and_short_spans_have_month_ticks():
    timeline = build_timeline(
        [
            point("Sky News", date(2025, 9, 30), number(1500, Qualifier.APPROXIMATELY)),
            point("BBC News", date(2025, 11, 2), number(1480)),
        ]
    )
    assert [tick.label for tick in timeline.y_ticks] == ["0", "500", "1,000", "1,500", "2,000"]
    assert 3 <= len(timeline.x_ticks) <= 6
    assert "Oct 2025" in [tick.label for tick in timeline.x_ticks]


def test_a_step_line_joins_the_values_only_where_each_date_has_one():
    assert officers().step
    day = date(2025, 10, 2)
    differing = [point("BBC News", day, number(9)), point("The Times", day, number(10))]
    assert build_timeline([*differing, point("ITV News", ITV_2022, number(9))]).step == ""


def test_the_partial_renders_an_accessible_svg_and_a_table_with_escaped_text():
    timeline = build_timeline(
        [
            point("The Guardian", GUARDIAN_2019, number(11)),
            point("<script>alert(1)</script>", ITV_2022, number(14, Qualifier.AT_LEAST)),
            point("Sky News", date(2023, 1, 1), number(12, Qualifier.APPROXIMATELY)),
        ],
        unit="officers",
    )
    html = render_to_string("claims/_timeline.html", {"timeline": timeline})
    assert '<svg class="timeline-chart"' in html
    assert 'aria-labelledby="timeline-title timeline-desc"' in html
    assert f'<title id="timeline-title">{timeline.title}</title>' in html
    assert html.count("<title>") == len(timeline.marks) == 3
    assert "<title>The Guardian, 30 April 2019: 11</title>" in html
    assert (
        '<td data-label="As of">30 April 2019</td><td data-label="Source"><bdi>The Guardian</bdi>'
        '</td><td data-label="Value">11</td>'
    ) in html
    assert '<td data-label="Value">at least 14</td>' in html
    assert "an approximate figure, ±10%" in html  # the caption explains the shapes shown
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_long_spans_tick_round_years():
    timeline = build_timeline(
        [point("The Times", date(1920, 1, 1), number(5)), point("BBC News", ITV_2022, number(7))]
    )
    labels = [tick.label for tick in timeline.x_ticks]
    assert labels == ["1920", "1940", "1960", "1980", "2000", "2020"]


# The Evening Standard on the march against President Bush's state visit, 20 November 2003:
# "Organisers … claimed that up to 200,000 people joined the protest. However, police
# estimates put the demonstrators' numbers at just 30,000."
MARCH = date(2003, 11, 20)


def said(who, value):
    return TimelinePoint(
        as_of=MARCH,
        value=value,
        outlet="Evening Standard",
        source="evening-standard",
        label=describe(value),
        lane=who,
    )


def march():
    return build_timeline(
        [said("organisers", number(200_000, Qualifier.AT_MOST)), said("police", number(30_000))],
        unit="people",
    )


def test_each_claimant_gets_a_lane_on_one_scale_even_within_one_report():
    timeline = march()

    organisers, police = timeline.lanes
    assert (organisers.label, police.label) == ("According to organisers", "According to police")
    assert organisers.bottom < police.top  # one above the other
    assert [t.label for t in organisers.y_ticks] == [t.label for t in police.y_ticks]
    for lane in timeline.lanes:
        (mark,) = lane.marks
        assert lane.top <= mark.y <= lane.bottom
    # the same height in its lane means the same value: 30,000 sits far lower than 200,000
    (high,), (low,) = organisers.marks, police.marks
    assert (police.bottom - low.y) < (organisers.bottom - high.y_high) / 3
    assert timeline.height > 260 and timeline.step == ""


def test_lanes_are_named_in_the_summary_the_marks_and_the_table():
    timeline = march()

    assert timeline.summary == (
        "According to organisers: at most 200,000 people as of 20 November 2003 (Evening "
        "Standard); according to police: 30,000 people as of 20 November 2003 (Evening Standard)."
    )
    assert [m.text for m in timeline.marks] == [
        "Evening Standard, 20 November 2003: at most 200,000, according to organisers",
        "Evening Standard, 20 November 2003: 30,000, according to police",
    ]
    assert [row[2] for row in timeline.rows] == ["organisers", "police"]
    html = render_to_string("claims/_timeline.html", {"timeline": timeline})
    assert html.count('class="timeline-lane-label"') == 2
    assert '<th scope="col">Who says it</th>' in html


def test_figures_of_no_claimant_share_one_lane_and_a_chart_without_claimants_has_none():
    own = point("The Guardian", GUARDIAN_2019, number(11))
    timeline = build_timeline([said("police", number(30_000)), own])
    assert [lane.label for lane in timeline.lanes] == [
        "According to police",
        "Outlets’ own figures",
    ]
    (lane,) = officers().lanes
    assert lane.label == "" and len(lane.marks) == 2
