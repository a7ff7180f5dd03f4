"""The multi-story benchmark corpus is well formed: enough stories, reports and gold, every quote
where it says."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench.stories import CORPUS, PROBE, StoryError, load_corpus, load_story


def test_the_corpus_has_five_fields_each_told_by_five_outlets_on_five_dates():
    stories = load_corpus()
    assert len({s.field for s in stories}) >= 5
    for story in stories:
        assert len({r.outlet for r in story.reports}) >= 5, story.slug
        assert len({r.published[:10] for r in story.reports}) >= 5, story.slug
        assert story.links and story.claims


def test_at_most_two_stories_are_for_tuning_and_the_rest_are_held_out():
    splits = [s.split for s in load_corpus()]
    assert splits.count("tuning") <= 2 and splits.count("held-out") >= 3


def test_probe_stories_are_apart_from_the_benchmark_and_never_named_like_it():
    corpus, probes = load_corpus(), load_corpus(PROBE)
    assert probes and all(s.split == "probe" for s in probes)
    assert all(s.split != "probe" for s in corpus)
    for kind in ("slug", "report", "claim"):
        ours = {x for s in corpus for x in _slugs(s, kind)}
        assert not ours & {x for s in probes for x in _slugs(s, kind)}, kind
    for story in probes:
        for item in (*story.links, *story.traps):
            assert story.report(item.report).text[item.start : item.end] == item.quote


def _slugs(story, kind: str) -> list[str]:
    if kind == "slug":
        return [story.slug]
    return [r.slug for r in story.reports] if kind == "report" else [c.slug for c in story.claims]


def test_every_gold_quote_is_in_its_report_at_its_place():
    for story in load_corpus():
        for item in (*story.links, *story.traps):
            text = story.report(item.report).text
            assert text[item.start : item.end] == item.quote


def test_a_quote_not_in_its_report_is_refused_with_its_place(tmp_path: Path):
    original = next(CORPUS.glob("*/story.json")).parent
    copy = tmp_path / original.name
    shutil.copytree(original, copy)
    data = json.loads((copy / "story.json").read_text(encoding="utf-8"))
    data["links"][0]["quote"] = "words no report contains"
    (copy / "story.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(
        StoryError, match=r"link 0: quote 'words no report contains' does not occur"
    ):
        load_story(copy / "story.json")
