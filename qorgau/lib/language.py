"""Which of the project's languages a text is written in, by its script.

Kazakh Cyrillic has letters Russian lacks (ә ғ қ ң ө ұ ү һ і), and Kazakh in the 2021 Latin alphabet has ä ğ ı ñ ö ş ü
(with q), which English lacks. That is enough to tell en, ru and kk apart for our purposes: which lexicons,
templates and names to use. One function, used for uploaded documents and for the UA's own asks in letters."""

KAZAKH_CYRILLIC = set("әғқңөұүһі")
KAZAKH_LATIN = set("äğıñöşü")


def detect_language(text, limit=20000):
    """'en', 'ru' or 'kk' ('' for a text with no letters). Mostly Cyrillic: 'kk' when Kazakh letters make up
    at least 3% of the Cyrillic letters (13-16% in Kazakh prose; a Russian text naming Жаңаөзен or Қасым-Жомарт
    stays well below 1%), else 'ru'. Mostly Latin: 'kk' by the same rule for the Kazakh Latin letters, else 'en'."""
    letters = [ch for ch in text[:limit].lower() if ch.isalpha()]
    if not letters:
        return ""
    cyrillic = [ch for ch in letters if "\u0400" <= ch <= "\u04ff"]
    if len(cyrillic) * 2 >= len(letters):
        kazakh = sum(1 for ch in cyrillic if ch in KAZAKH_CYRILLIC)
        return "kk" if kazakh >= 0.03 * len(cyrillic) else "ru"
    latin = [ch for ch in letters if ch not in cyrillic]
    kazakh = sum(1 for ch in latin if ch in KAZAKH_LATIN)
    return "kk" if kazakh >= 0.03 * len(latin) else "en"
