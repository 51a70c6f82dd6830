"""Shared by the search-by-any-spelling tests: what one search answers, as record ids in rank order."""

import re


def search_hits(client, path, query):
    """The person ids a search at `path` (a page, the picker's autocomplete or the API) ranks for `query`."""
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    if path.startswith("/api/"):
        return [row["id"] for row in response.json()["results"]]
    return list(dict.fromkeys(re.findall(r"\bper_[0-9a-z_]+", response.content.decode())))
