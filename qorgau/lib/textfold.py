"""Text folding for search: the same function folds what is indexed and what is asked.

Case, diacritics and the letters that English and Russian writers substitute
for Kazakh ones (ә→а, қ→к, ү→у, ё→е …) are folded away, and Cyrillic text is
also given a Latin transliteration, so "Тобылова" and "Tobylova" meet.
"""

import re
import unicodedata
from functools import lru_cache

KAZAKH_TO_RUSSIAN = str.maketrans({
    "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
    "ё": "е", "й": "и",
})

CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}

WORD = re.compile(r"\w+", re.UNICODE)


def fold(text):
    """Lower-case, strip diacritics and fold Kazakh letters; keep the script."""
    text = (text or "").casefold().translate(KAZAKH_TO_RUSSIAN)
    decomposed = unicodedata.normalize("NFKD", text)
    # The combining marks among the text's distinct characters, removed in one pass (a whole document is folded
    # for its search row: asking each character was most of the cost).
    marks = {ord(ch): None for ch in set(decomposed) if unicodedata.combining(ch)}
    return decomposed.translate(marks) if marks else decomposed


def transliterate(text):
    """Latin transliteration of folded Cyrillic text; Latin text passes through."""
    return "".join(CYRILLIC_TO_LATIN.get(ch, ch) for ch in fold(text))


def search_terms(text):
    """The words to index for a text: folded, plus transliterations of Cyrillic words."""
    words = WORD.findall(fold(text))
    extra = [_transliterated_word(w) for w in words if RUSSIAN_LETTER.search(w)]
    return " ".join(words + extra)


RUSSIAN_LETTER = re.compile("[а-я]")
_transliterated_word = lru_cache(maxsize=100_000)(transliterate)   # words repeat: a document's text is long


def query_words(query):
    """The folded words of a search query (at most 8, to bound the cost)."""
    return WORD.findall(fold(query))[:8]
