from django.db import models


class RateCount(models.Model):
    """How many times one client has used one limit in the limit's current window
    (``accounts.limits``): a row per scope and client, counted again from 1 when a new window
    starts. Transient: no backup holds these rows."""

    key = models.CharField(max_length=255, primary_key=True)  # "anon:192.0.2.7"
    window_ends = models.BigIntegerField()  # Unix time: the count is of the window ending then
    count = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["window_ends"], name="rate_count_window_ends")]

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"
