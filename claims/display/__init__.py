"""What the pages draw, pure Python over plain data (and escaped HTML): the reader's highlights,
the timeline, a story told source by source, sources compared side by side."""
