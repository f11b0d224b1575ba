"""Een bestand openen: pad controleren, soort herkennen, tekst decoderen, ruwe tabel lezen.

Dit deel weet nog niets van enquêteprogramma's. Het levert een :class:`RuweTabel`:
alle cellen als Python-objecten (tekst uit een CSV, getallen/datums/tekst uit een
werkmap), zonder kopregel, met het spreadsheetrijnummer van de eerste rij erbij.
Elke fout van pandas, python-calamine of het bestandssysteem wordt hier een Nederlandse
melding; de gebruiker ziet nooit een traceback van diep uit pandas.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Any

from klanttools._controle import toon
from klanttools.enquete._csv import lees_csv
from klanttools.enquete._ruw import TOEGESTAAN, RuweTabel, fout
from klanttools.enquete._werkmap import lees_xlsx

__all__ = ["RuweTabel", "controleer_pad", "lees_ruw"]

# Bestandssoorten die we herkennen maar niet lezen: extensie -> omschrijving.
_GEEN_ENQUETE = {
    ".doc": "een Word-document",
    ".docx": "een Word-document",
    ".odt": "een tekstdocument (OpenDocument)",
    ".pdf": "een pdf-bestand",
    ".ppt": "een PowerPoint-presentatie",
    ".pptx": "een PowerPoint-presentatie",
    ".json": "een JSON-bestand",
    ".sav": "een SPSS-bestand",
    ".zip": "een zip-archief",
    ".png": "een afbeelding",
    ".jpg": "een afbeelding",
    ".jpeg": "een afbeelding",
    ".html": "een webpagina",
    ".htm": "een webpagina",
    ".ipynb": "een Jupyter-notebook",
    ".py": "een Python-bestand",
}
_OUD_EXCEL = (
    "een Excel-bestand in het oude .xls-formaat (of een met een wachtwoord beveiligde "
    "werkmap). Open het in Excel en kies Opslaan als > Excel-werkmap (.xlsx), zonder "
    "wachtwoord"
)
_ODS = (
    "een OpenDocument-rekenblad (.ods). Open het in LibreOffice of Excel en sla het op "
    "als Excel-werkmap (.xlsx) of als CSV"
)
_NUMBERS = "een Numbers-bestand. Kies in Numbers Exporteer naar > Excel of CSV"

_CSV_EXTENSIES = {".csv", ".txt", ".tsv", ".tab"}
_XLSX_EXTENSIES = {".xlsx", ".xlsm"}

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # oud Office-formaat (.xls, .doc) of versleuteld
_PDF = b"%PDF"


def controleer_pad(pad: Any) -> Path:
    """Controleer het argument ``pad`` en geef een :class:`~pathlib.Path` terug."""
    if isinstance(pad, bytes) or not isinstance(pad, str | os.PathLike):
        raise TypeError(
            f"pad: verwacht de naam van een bestand (tekst of pathlib.Path), kreeg "
            f"{type(pad).__name__}: {toon(pad)[:60]}."
        )
    p = Path(pad).expanduser()
    if not p.exists():
        raise FileNotFoundError(
            f"pad: het bestand '{p}' bestaat niet. Controleer de naam en de map; "
            f"een relatief pad begint in de huidige map '{Path.cwd()}'."
        )
    if p.is_dir():
        raise IsADirectoryError(
            f"pad: '{p}' is een map, geen bestand. Geef de naam van het exportbestand, "
            "bijvoorbeeld 'map/antwoorden.xlsx'."
        )
    return p


def _zip_soort(p: Path) -> str:
    """Wat zit er in een zip-bestand: 'xlsx', of een Nederlandse omschrijving."""
    try:
        with zipfile.ZipFile(p) as z:
            namen = set(z.namelist())
            mimetype = z.read("mimetype").decode("ascii", "replace") if "mimetype" in namen else ""
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return "een beschadigd zip- of Excel-bestand (het kan niet worden geopend)"
    if "xl/workbook.xml" in namen:
        return "xlsx"
    if "word/document.xml" in namen:
        return "een Word-document"
    if any(n.startswith("ppt/") for n in namen):
        return "een PowerPoint-presentatie"
    if "spreadsheet" in mimetype:
        return _ODS
    if "opendocument" in mimetype:
        return "een OpenDocument-bestand"
    if any(n.startswith("Index/") for n in namen):
        return _NUMBERS
    return "een zip-archief"


def lees_ruw(p: Path, werkblad: str | int | None = None) -> RuweTabel:
    """Lees een bestand als ruwe tabel; kies CSV of xlsx op inhoud én extensie."""
    ext = p.suffix.lower()
    try:
        with p.open("rb") as f:
            begin = f.read(8)
    except OSError as exc:
        raise OSError(f"pad: '{p}' kan niet worden gelezen ({exc.strerror or exc}).") from None
    if p.stat().st_size == 0:
        raise ValueError(
            f"pad: '{p.name}' is leeg (0 bytes). Exporteer de antwoorden opnieuw; "
            f"toegestaan: {TOEGESTAAN}."
        )
    opmerkingen: list[str] = []

    if begin.startswith(_ZIP):
        soort = _zip_soort(p)
        if soort != "xlsx":
            raise fout(p, soort)
        if ext not in _XLSX_EXTENSIES:
            opmerkingen.append(
                f"'{p.name}' heeft de extensie '{ext or '(geen)'}' maar is een Excel-werkmap; "
                "het is als .xlsx gelezen."
            )
        ruw = lees_xlsx(p, werkblad)
        ruw.opmerkingen[:0] = opmerkingen
        return ruw
    if begin.startswith(_OLE):
        raise fout(p, _GEEN_ENQUETE[ext] if ext in (".doc", ".ppt") else _OUD_EXCEL)
    if begin.startswith(_PDF):
        raise fout(p, "een pdf-bestand")
    if ext == ".xls":
        raise fout(p, _OUD_EXCEL)
    if ext in _GEEN_ENQUETE:
        raise fout(p, _GEEN_ENQUETE[ext])
    if ext in (".ods", ".numbers"):
        raise fout(p, _ODS if ext == ".ods" else _NUMBERS)
    if werkblad is not None:
        raise ValueError(
            f"werkblad: {toon(werkblad)} gegeven, maar '{p.name}' is een tekstbestand (CSV) "
            "zonder werkbladen. Laat werkblad weg."
        )
    if ext in _XLSX_EXTENSIES:
        opmerkingen.append(
            f"'{p.name}' heet {ext} maar is een tekstbestand; het is als CSV gelezen."
        )
    elif ext not in _CSV_EXTENSIES:
        wat = f"de extensie '{ext}'" if ext else "geen extensie"
        opmerkingen.append(f"'{p.name}' heeft {wat}; het is als CSV-tekstbestand gelezen.")
    ruw = lees_csv(p)
    ruw.opmerkingen[:0] = opmerkingen
    return ruw
