"""Language identification of article texts (py3langid, model bundled in the wheel)."""

from __future__ import annotations

from functools import lru_cache

# Languages a French news pipeline meets; restricting the model makes it faster
# and less prone to exotic guesses on short texts.
_CANDIDATES = ["fr", "en", "de", "es", "it", "pt", "nl", "ru", "ar", "pl", "tr", "uk",
               "ro", "ca", "sv", "da", "no", "fi", "el", "cs", "hu", "zh", "ja", "ko"]
MIN_WORDS = 8  # shorter texts are not judged
SAMPLE_CHARS = 2000


@lru_cache(maxsize=1)
def _identifier():
    from py3langid import langid

    ident = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)
    ident.set_languages(_CANDIDATES)
    return ident


def detect(text: str) -> tuple[str, float]:
    """Return (ISO 639-1 code, probability) for ``text``."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return lang, float(prob)


def foreign_language(text: str, expected: str = "fr", threshold: float = 0.9) -> str | None:
    """The detected language if ``text`` is clearly not in ``expected``, else None.

    Short texts and uncertain guesses are given the benefit of the doubt.
    """
    if len(text.split()) < MIN_WORDS:
        return None
    lang, prob = detect(text)
    if lang != expected and prob >= threshold:
        return lang
    return None
