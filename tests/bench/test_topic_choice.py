"""Topic suggestion on the benchmark's tuning stories, report by report as an editor imports
them: a story's first report gets a new topic, the later ones its own, and a clear choice
survives the removal of any one paragraph."""

from __future__ import annotations

import pytest

from bench import quality
from bench.common import real_finder
from bench.stories import load_corpus
from claims.matching import NEW_TOPIC, ClaimIndex


def tuning_reports():
    corpus = load_corpus()
    seeds = quality.seeds_base()
    for story in (s for s in corpus if s.split == "tuning"):
        ledger = quality.Ledger(quality.story_base(story, corpus, seeds), story)
        for report in story.reports:
            index = ClaimIndex(ledger.known(), topic_titles=ledger.titles())
            yield story, report, index, bool(ledger.stated)
            for link in story.links:
                if link.report == report.slug:
                    ledger.link(link, report)


def choice(index: ClaimIndex, text: str, report) -> tuple[str | None, float, float]:
    candidates = real_finder()(text, published=report.day)
    if index.is_new_topic(candidates):
        return None, 0.0, 0.0
    ranked = index.suggest_topics(candidates, published=report.day)
    words = max(index._topics.word_scores(candidates).values())
    margin = ranked[0][1] - (ranked[1][1] if len(ranked) > 1 else 0.0)
    return ranked[0][0], margin, words


@pytest.fixture(scope="module")
def reports():
    return list(tuning_reports())


def test_a_first_report_gets_a_new_topic_and_a_later_one_its_story(reports):
    chosen = [
        (choice(index, r.text, r)[0], story.slug if known else None)
        for story, r, index, known in reports
    ]
    assert [got for got, _ in chosen] == [want for _, want in chosen]


def test_removing_one_paragraph_does_not_flip_a_clear_choice(reports):
    for _story, report, index, _known in reports:
        topic, margin, words = choice(index, report.text, report)
        clear = topic is None or (margin >= 0.1 and words >= 1.5 * NEW_TOPIC)
        if not clear:
            continue
        paragraphs = report.text.split("\n\n")
        for i in range(len(paragraphs)):
            shorter = "\n\n".join(paragraphs[:i] + paragraphs[i + 1 :])
            assert choice(index, shorter, report)[0] == topic, (report.slug, i)
