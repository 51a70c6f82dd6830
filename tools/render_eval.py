"""Write the evaluation documents as web pages, PDF reports and Word files (qorgau.documents.render).

    python tools/render_eval.py [--split dev|test|all] [--out DIR]

Output goes to .tmp/eval-render by default (not committed), with gold-html.json, gold-pdf.json and gold-docx.json
next to the files. `qorgau evaluate --formats` renders into a temporary folder by itself; this is for reading
the rendered files.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qorgau.documents.render import CHROME, FORMATS, main, parse, render_document, render_split  # noqa: E402,F401

if __name__ == "__main__":
    main()
