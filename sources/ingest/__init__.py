"""Turning outside text into what a Source stores. Pure Python: no database here.

``extract`` reads uploads, HTML, PDF and plain text; ``fetch`` downloads a page safely; ``live``
splits live pages into entries; ``similarity`` finds syndicated copies. Plain-text normalisation
is in ``sources.text``. Only ``IngestError`` is imported here, so that importing this package does
not load the HTML and PDF libraries.
"""

from sources.ingest.errors import IngestError

__all__ = ["IngestError"]
