import django_filters

from claims.models import VERDICT_CHOICES, Claim, Topic


class ClaimFilter(django_filters.FilterSet):
    """The claim list's filters; validates only. The next issue extends it."""

    topic = django_filters.ModelChoiceFilter(
        queryset=Topic.objects.all(), to_field_name="slug", empty_label="All topics"
    )
    verdict = django_filters.ChoiceFilter(choices=VERDICT_CHOICES, empty_label="Any verdict")
    kind = django_filters.ChoiceFilter(choices=Claim.Kind.choices, empty_label="Any kind")

    class Meta:
        model = Claim
        fields = ["topic", "verdict", "kind"]
