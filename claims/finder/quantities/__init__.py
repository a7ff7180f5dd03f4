"""Counts and amounts with the noun they count: "nine officers", "well over 90 minutes".

The rules, over the tokens of one sentence, one module each:

- ``nouns``: a number followed by a noun phrase of at most five words is a count of its head
  noun ("nine linked investigations", "1,500 men and women");
- ``elliptical``: "N of the X" counts X; "N of them", "two were found…", "another resigned"
  take the unit of the previous count;
- ``forms``: ordinals ("An 11th officer"), durations ("48-hour"), ratios ("1 in 5"), a figure
  after a change ("rose to 12,400");
- ``not_counts``: times, ages, labels ("Radio 4"), idioms ("no one") and years count nothing,
  nor does anything inside a date or a page's timestamp (the ``skip`` spans);
- ``composite``: counts of one kind of people joined by commas and "and" are one count with
  typed parts ("nine constables and two sergeants" = 11 officers);
- ``scan`` reads a sentence number by number (``find_quantities``); ``count`` holds the types.
"""

from claims.finder.quantities.count import QuantityMatch
from claims.finder.quantities.scan import find_quantities

__all__ = ["QuantityMatch", "find_quantities"]
