"""Pages that read (``pages``), and editors' pages that add and review sources (``review``)."""
