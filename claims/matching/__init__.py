from claims.matching.index import ClaimIndex, KnownClaim, Match, content_words, numbers_in

__all__ = ["ClaimIndex", "KnownClaim", "Match", "content_words", "numbers_in"]
