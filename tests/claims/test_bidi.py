"""Names and words in a right-to-left script among our English: wherever a page shows one, it is
set apart (<bdi>, or dir="auto"; in generated sentences, Unicode's isolates), so that it keeps
its own order and leaves the order of what follows it alone."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import lxml.html
import pytest
from django.urls import reverse

from claims import history
from claims.display.timeline import TimelinePoint, build_timeline
from claims.models import Claim
from claims.rules.bidi import isolate
from claims.rules.values import Quantity
from sources.models import Source
from tests.factories import attest, make_claim, make_source, make_topic

pytestmark = pytest.mark.django_db

# A real report: An-Nahar (النهار, Beirut), 7 March 2023, on the sixth day of protests against
# France's pension reform: 1.28 million marchers by the interior ministry's count, 3.5 million
# by the CGT union's. https://www.annahar.com/arabic/section/10-دوليات/07032023080805580/
OUTLET = "النهار"
TITLE = "فرنسا: 1,28 مليون متظاهر احتجاجاً على تعديل قانون التقاعد"
PUBLISHED = date(2023, 3, 7)
TEXT = (
    "تظاهر 1,28 مليون شخص، الثلثاء، في اليوم السادس من التعبئة احتجاجاً على إصلاح نظام التقاعد"
    " في فرنسا، بحسب وزارة الداخلية، و3,5 مليون وفقاً للاتحاد العمالي العام (CGT) أي أكثر من"
    " العدد القياسي المسجل في 31 كانون الثاني."
)
QUOTE = "تظاهر 1,28 مليون شخص"
MINISTRY = "وزارة الداخلية"  # who gives the figure: the interior ministry
UNION = "الاتحاد العمالي العام"  # the CGT, who gives 3.5 million
TOPIC = "إصلاح نظام التقاعد في فرنسا"  # France's pension reform, in the report's words
SLUG = "pension-reform-marchers-2023-03-07"
NAMES = (TITLE, OUTLET, MINISTRY, TOPIC)


def an_nahar_report() -> tuple[Claim, Source]:
    """The report, its topic, and the claim it states, with the ministry's figure."""
    topic = make_topic("pension-reform-france", title=TOPIC)
    source = make_source(
        TEXT, outlet=OUTLET, title=TITLE, published=PUBLISHED, slug="annahar-2023-03-07"
    )
    claim = make_claim(
        topic,
        slug=SLUG,
        statement="1.28 million people marched against the pension reform in France on 7 March "
        "2023, by the interior ministry's count.",
    )
    attest(claim, source, QUOTE, Quantity(Decimal(1_280_000)), attributed_to=MINISTRY)
    return claim, source


def not_set_apart(html: str, text: str) -> list[str]:
    """Each place in the page's body that shows ``text`` with nothing setting it apart: no
    <bdi> nor element with a ``dir`` round it (short of the page itself), no isolates."""
    places = []
    for element in lxml.html.fromstring(html).find("body").iter():
        if not isinstance(element.tag, str) or element.tag == "option":  # a native list: no markup
            continue
        for owner, chunk in ((element, element.text), (element.getparent(), element.tail)):
            if chunk and text in chunk and isolate(text) not in chunk and not _apart(owner):
                places.append(f"<{owner.tag} class={owner.get('class')!r}>: {chunk.strip()!r}")
    return places


def _apart(element: lxml.html.HtmlElement) -> bool:
    for holder in (element, *element.iterancestors()):
        if holder.tag in ("main", "body", "html"):
            return False
        if holder.tag == "bdi" or holder.get("dir"):
            return True
    return False


def shown(html: str, text: str) -> bool:
    return text in lxml.html.fromstring(html).find("body").text_content()


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("claim", (*NAMES, QUOTE)),
        ("revision", (*NAMES, QUOTE)),
        ("history", (OUTLET, QUOTE)),
        ("claims", (TOPIC,)),
        ("source", (TITLE, OUTLET, QUOTE)),
        ("topic", (TOPIC, TITLE, OUTLET)),
        ("compare", (TITLE, OUTLET)),
        ("home", (TOPIC, TITLE, OUTLET)),
        ("sources", (TITLE, OUTLET)),
    ],
)
def test_every_page_sets_apart_each_right_to_left_name_it_shows(client, name, expected):
    claim, source = an_nahar_report()
    other = make_source(outlet="The Example")
    url = {
        "claim": claim.get_absolute_url(),
        "revision": reverse("claims:revision", args=[SLUG, len(history.claim_revisions(claim.pk))]),
        "history": reverse("claims:history", args=[SLUG]),
        "claims": reverse("claims:list"),
        "source": source.get_absolute_url(),
        "topic": claim.topic.get_absolute_url(),
        "compare": f"{reverse('claims:compare')}?source={source.slug}&source={other.slug}",
        "home": reverse("claims:home"),
        "sources": reverse("claims:sources"),
    }[name]
    html = page(client, url)
    for text in expected:
        assert shown(html, text), f"{name} does not show {text}"
    for text in (*NAMES, QUOTE):
        assert not_set_apart(html, text) == [], f"{name}: {text}"


def test_the_citation_sets_apart_the_title_the_outlet_and_the_quote(client):
    claim, source = an_nahar_report()
    for url in (claim.get_absolute_url(), source.get_absolute_url()):
        citation = lxml.html.fromstring(page(client, url)).get_element_by_id("citation-text")
        apart = [bdi.text_content() for bdi in citation.iter("bdi")]
        assert isolate(TITLE) in apart and isolate(OUTLET) in apart, url
        if url == claim.get_absolute_url():
            assert isolate(QUOTE) in apart
        # Copied as plain text, the title still cannot pull the date into its own direction.
        assert f"“{isolate(TITLE)}”" in citation.text_content()


def test_the_timeline_sets_apart_right_to_left_names_in_its_words():
    def point(value: int, who: str) -> TimelinePoint:
        return TimelinePoint(PUBLISHED, Quantity(Decimal(value)), OUTLET, "an-nahar", "", who)

    timeline = build_timeline([point(1_280_000, MINISTRY), point(3_500_000, UNION)])
    assert timeline is not None
    assert [lane.label for lane in timeline.lanes] == [
        f"According to {isolate(MINISTRY)}",
        f"According to {isolate(UNION)}",
    ]
    assert all(mark.text.startswith(f"{isolate(OUTLET)}, 7 March 2023:") for mark in timeline.marks)
    assert isolate("BBC News") == "BBC News"  # left-to-right names stay as they are
