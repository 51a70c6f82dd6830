"""Spreadsheets in and out on the web.

In (`/import/`, editors): upload a CSV or XLSX -> map its columns to ours -> a dry-run preview saying per row what
will be created, which existing person a name is linked to, or why the row is refused -> commit, all or nothing,
through `qorgau.interchange.tables` (the same code as `qorgau import-table`). The uploaded file waits in the data
directory (`imports/`, readable by the server's account only) between the steps and is removed on commit or cancel.
"""

import secrets
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qorgau.interchange import tables
from qorgau.lib.spreadsheets import MAX_BYTES, TableError, TableTooLarge
from qorgau.records.pages import require
from qorgau.records.policy import render

SESSION_KEY = "table_import"
# The browser's import runs inside a request: committing 5,000 rows took 183 s there (and its preview 10 s) under a
# load of 9, so the page takes at most WEB_MAX_ROWS rows (about 36 s at that load, 8 s idle) and WEB_MAX_CELLS cells;
# a larger table is split, or imported on the server with `qorgau import-table` (no request to time out).
WEB_MAX_ROWS = 1000
WEB_MAX_CELLS = 50_000


def _read(path):
    try:
        return tables.read_headers(path, max_rows=WEB_MAX_ROWS, max_cells=WEB_MAX_CELLS)
    except TableTooLarge as error:
        raise TableTooLarge(str(error) + " " + _("The browser takes at most %(rows)s rows; on the server, an "
                                                 "administrator can import larger tables with qorgau import-table.")
                            % {"rows": f"{WEB_MAX_ROWS:,}"}) from None


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV or XLSX file"))
    sensitivity = forms.ChoiceField(label=gettext_lazy("Level of what is created"), initial="internal",
                                    choices=[("public", gettext_lazy("Public")), ("internal", gettext_lazy("Internal")),
                                             ("confidential", gettext_lazy("Confidential"))])


def _imports_dir():
    folder = Path(settings.DATA_DIR) / "imports"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def _pending(request):
    state = request.session.get(SESSION_KEY)
    if not state:
        return None
    path = _imports_dir() / state["stored"]
    return state, path if path.is_file() else None


def _forget(request):
    found = _pending(request)
    if found and found[1] is not None:
        found[1].unlink(missing_ok=True)
    request.session.pop(SESSION_KEY, None)


def _same_upload(request):
    """Whether the form was made for the upload now pending (each step's form carries its stored name)."""
    found = _pending(request)
    return found is None or request.POST.get("upload", "") == found[0]["stored"]


def _mapping_from(request, headers):
    mapping = {}
    for index, heading in enumerate(headers):
        chosen = request.POST.get(f"col{index}", "")
        mapping[heading] = chosen if chosen in tables.COLUMNS else ""
    return mapping


@login_required
def import_table(request):
    require(request.user, "edit")
    step = request.POST.get("step", "") if request.method == "POST" else ""
    if step in ("cancel", "map", "preview", "commit") and not _same_upload(request):
        # A page of an upload that another tab has since replaced: its preview was of another file (and level).
        messages.error(request, _("Another upload replaced the file this page was for: nothing was written. "
                                  "Check the columns and the preview of the current file."))
        return _mapping_step(request) if _pending(request) and _pending(request)[1] else redirect("web:import_table")
    if step == "cancel":
        _forget(request)
        messages.info(request, _("Import cancelled; nothing was written."))
        return redirect("web:import_table")
    if step in ("", "upload"):
        form = UploadForm(request.POST or None, request.FILES or None)
        if step == "upload" and form.is_valid():
            upload = form.cleaned_data["file"]
            suffix = Path(upload.name).suffix.lower()
            if suffix not in (".csv", ".xlsx", ".tsv", ".txt"):
                form.add_error("file", _("Give a .csv or .xlsx file."))
            elif upload.size > MAX_BYTES:
                form.add_error("file", _("The file is larger than %(limit)d MB.") % {"limit": MAX_BYTES // 1048576})
            else:
                _forget(request)
                stored = secrets.token_hex(16) + suffix
                with (_imports_dir() / stored).open("wb") as out:
                    for chunk in upload.chunks():
                        out.write(chunk)
                request.session[SESSION_KEY] = {"stored": stored, "name": Path(upload.name).name[:200],
                                                "level": form.cleaned_data["sensitivity"]}
                return _mapping_step(request)
        return render(request, "web/import_table.html", {"stage": "upload", "form": form})
    found = _pending(request)
    if not found or found[1] is None:
        messages.error(request, _("The uploaded file is gone; upload it again."))
        return redirect("web:import_table")
    state, path = found
    if step == "map":
        return _mapping_step(request)
    try:
        headers, raw = _read(path)
        mapping = _mapping_from(request, headers)
        rows = tables.apply_mapping(headers, raw, mapping)
    except TableError as error:
        return _mapping_step(request, error=str(error))
    the_plan = tables.plan(rows, reader=request.user, level=state["level"], filename=state["name"])
    if step == "commit" and the_plan.ok:
        summary = tables.commit(the_plan, actor=request.user)
        _forget(request)
        messages.success(request, _("Imported %(rows)d rows: %(new)d new persons, %(linked)d linked to ours, "
                                    "%(acts)d acts.") % {"rows": len(the_plan.rows), "new": summary["persons_created"],
                                                         "linked": summary["persons_linked"], "acts": summary["acts"]})
        return redirect("web:persons")
    return render(request, "web/import_table.html", {
        "stage": "preview", "plan_rows": [(r.number, r.name, r.outcome) for r in the_plan.rows],
        "problems": the_plan.problems, "ok": the_plan.ok, "name": state["name"], "level": state["level"],
        "chosen": [(f"col{i}", mapping.get(h, "")) for i, h in enumerate(headers)], "upload": state["stored"]})


def _mapping_context(path, state):
    headers, _rows = _read(path)
    guessed = tables.guess_mapping(headers)
    return {"name": state["name"], "level": state["level"], "columns": tables.COLUMNS, "upload": state["stored"],
            "headings": [(f"col{i}", h, guessed.get(h, "")) for i, h in enumerate(headers)]}


def _mapping_step(request, error=""):
    state, path = _pending(request)
    try:
        context = _mapping_context(path, state)
    except TableError as error:
        _forget(request)
        return render(request, "web/import_table.html", {"stage": "upload", "form": UploadForm(),
                                                         "error": str(error)})
    return render(request, "web/import_table.html", {"stage": "map", "error": error, **context})
