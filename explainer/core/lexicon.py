"""How common a word is in general English: wordfreq's frequency lists (pinned, offline)."""

from __future__ import annotations


def zipf(word: str) -> float:
    """How common a word is in general English, on wordfreq's Zipf scale: 7 for "the",
    about 3 for words most readers know but rarely use, 0 for words it has never seen."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")
