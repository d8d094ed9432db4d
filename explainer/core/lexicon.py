"""How common a word is in general English (wordfreq's frequency lists, pinned, offline),
and a word's rough singular."""

from __future__ import annotations


def zipf(word: str) -> float:
    """How common a word is in general English, on wordfreq's Zipf scale: 7 for "the",
    about 3 for words most readers know but rarely use, 0 for words it has never seen."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def singular(word: str) -> str:
    """A plural's singular, roughly ("insurers" -> "insurer", "cities" -> "city"; "glass"
    stays): what makes a plural and its singular one word for a rule."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
