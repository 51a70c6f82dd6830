"""Build tests/evaluation/gold.json: our annotation of the corpus, for `qorgau evaluate`.

Persons: for each document, every person named in it with the surface forms under which it names them (full
names, other spellings, the family name alone, initials with family name), checked against the text.
Acts and person–provision pairs come from the demo dataset, which is our annotation of the same documents.
Needs ../shared/corpus; names only, no sentences of the documents.
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import os  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
import django  # noqa: E402

django.setup()
CORPUS = ROOT.parent / "shared" / "corpus"
DOCS = {"001_3266f68526fdf53d.txt": "doc_odf_dck_ban_2018", "002_b86750ec806bf8c8.txt": "doc_ai_think_before_you_post",
        "004_d1ca2f4fc72e00f0.txt": "doc_ai_ua_63_18"}
# Forms a document uses that the demo's names do not list (read off the documents by us).
EXTRA_FORMS = {
    "per_nazarbayev": ["Nazarbayev", "Nazarbaev", "Nursultan Nazarbaev"], "per_ablyazov": ["Ablyazov"],
    "per_bokaev": ["Maksim Bokaev", "Bokaev"], "per_ayan": ["Ayan"], "per_ismailov": ["Kairat Ismailov", "Ismailov"],
    "per_musauly": ["Alibek Musauli"], "per_zh_akhmetova": ["Akhmetova"], "per_b_akhmetov": ["Akhmetov"],
    "per_ashim": ["Ashim"], "per_tobylova": ["Tobylova"], "per_kayipnazar": ["Kayipnazar"],
    "per_yerimbetov": ["Yerimbetov"], "per_mukhortova": ["Mukhortova"], "per_ulasik": ["Ulasik"],
    "per_toregozhina": ["Toregozhina"], "per_sadykova": ["Sadykova"], "per_kozhamzharov": ["K.P. Kozhamzharov"],
    "per_tajani": ["Antonio Tajani"], "per_ospan": ["Fariza"], "per_semyonova": ["Semyonova"],
    "per_baidalinova": ["Baidalinova"], "per_kozlova": ["Kozlova"], "per_zhumatayev": ["Zhumatayev"],
    "per_marmalidi": ["Marmalidi"], "per_insenova": ["Insenova"], "per_syzdykov": ["Syzdykov"],
    "per_onalbayev": ["Onalbayev"], "per_tuymebayev": ["Tuymebayev"], "per_tokmadi": ["Tokmadi"],
    "per_kazykhanov": ["Erzhan Kazykhanov"], "per_zeid": ["Ra’ad Zeid Al-Hussein"], "per_sanchez_amor": ["Ignacio Sanchez Amor"],
    "per_mcallister": ["David Mcallister"],
}


def main():
    from qorgau.documents.ingest.reading import read_document
    from qorgau.records.models.acts import GROUP_OF
    from qorgau.documents.ingest.repair import canonicalise

    rows = [json.loads(line) for line in (ROOT / "qorgau/interchange/demo/demo.jsonl").read_text().splitlines()[1:]]
    persons = {r["id"]: r for r in rows if r["type"] == "person"}
    gold = {"documents": []}
    for filename, doc in DOCS.items():
        text = canonicalise(read_document(filename, (CORPUS / filename).read_bytes())).text
        entry = {"file": filename, "document": doc, "persons": {}, "acts": [], "provisions": []}
        for pid, person in persons.items():
            forms = [person["name"]] + [n["name"] for n in person["names"] if n["script"] == "Latn"]
            forms += EXTRA_FORMS.get(pid, [])
            forms = [f for f in dict.fromkeys(forms) if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text)]
            if forms and not person["name"].startswith("Anonymous"):
                entry["persons"][person["name"]] = forms
        for act in (r for r in rows if r["type"] == "act" and any(c["document"] == doc for c in r["citations"])):
            victim = persons.get(act["victim"])
            if victim is None:
                continue
            entry["acts"].append({"victim": victim["name"], "group": GROUP_OF[act["act_type"]], "type": act["act_type"],
                                  "date": act["date"]})
            for provision in act["provisions"]:
                if provision["relation"] in {"suspected", "charged", "convicted"}:
                    pair = [victim["name"], provision["id"]]
                    if pair not in entry["provisions"]:
                        entry["provisions"].append(pair)
        gold["documents"].append(entry)
    out = ROOT / "tests" / "evaluation" / "gold.json"
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for d in gold["documents"]:
        print(d["file"], len(d["persons"]), "persons,", len(d["acts"]), "acts,", len(d["provisions"]), "pairs")


if __name__ == "__main__":
    main()
