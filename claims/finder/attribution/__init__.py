"""Who says what: quotations, reported speech, speakers and the roles people hold.

One module per rule:

- ``names``: the people a text names, and the full name each short form stands for;
- ``quotations``: quotation marks and the words between them;
- ``quote_speakers``: who speaks a quotation (before it, after it, or an earlier line);
- ``reported``: a reporting verb and the clause after it ("X said that …", "X told …");
- ``inverted``: "…, the union warned.", "… were unveiled by the watchdog", "according to X";
- ``subjects``: the noun phrase before a reporting verb;
- ``speakers``: whom a noun phrase names, pronouns included, and what each sentence leaves
  for the next;
- ``roles``: the title a person holds;
- ``statements``: each sentence's statements in reading order (``find_statements``);
- ``reading`` holds one text's state while it is read; ``words`` the shared word lists.
"""

from claims.finder.attribution.names import Name, Names, display, find_names
from claims.finder.attribution.quotations import Quotation, find_quotations
from claims.finder.attribution.reading import Utterance
from claims.finder.attribution.roles import Role, find_roles
from claims.finder.attribution.statements import find_statements

__all__ = [
    "Name",
    "Names",
    "Quotation",
    "Role",
    "Utterance",
    "display",
    "find_names",
    "find_quotations",
    "find_roles",
    "find_statements",
]
