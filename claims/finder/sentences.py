"""Until every importer names sources.text.sentences."""

from sources.text.sentences import Sentence, sentence_at, split_sentences

__all__ = ["Sentence", "sentence_at", "split_sentences"]
