"""What sources tell the apps above them. Sources never import those apps: they listen."""

from django.dispatch import Signal

# A stored source's date or origin (``copy_of``) changed. Sent with ``source``. What other
# records say about the source may follow its date (as-of dates) and its origin (independence).
source_dated_or_origin_changed = Signal()
