"""The text toolkit shared by both apps. Pure Python, no database, no HTML or PDF libraries.

``normalise`` is how a source's text is stored; ``spans`` the spans and entries of a text;
``moments`` reads a date or a time that a person or a page wrote.
"""
