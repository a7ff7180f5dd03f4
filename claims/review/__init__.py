"""The review queue: what a new source states, and the claims it may state again."""
