"""Excel-werkmappen (.xlsx) lezen: eerst de snelle lezer, anders openpyxl.

Beide geven hetzelfde rooster van Python-waarden (tekst, int, float, datetime, bool,
None). openpyxl-fouten (kapotte zip, ontbrekende onderdelen) worden een Nederlandse
melding.
"""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd

from klanttools._controle import toon
from klanttools.enquete._ruw import TOEGESTAAN, RuweTabel, fout

__all__ = ["lees_xlsx"]


def lees_xlsx(p: Path, werkblad: str | int | None) -> RuweTabel:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    from klanttools.enquete._xlsx_snel import lees_werkblad_snel

    with p.open("rb") as f:
        snel = lees_werkblad_snel(f, werkblad)
        if snel is None:
            # Een bestandsobject: dan kijkt openpyxl niet naar de extensie.
            f.seek(0)
            return _lees_werkmap(f, p, werkblad, openpyxl, InvalidFileException)
    namen, titel, rooster = snel
    return _ruwe_werkmaptabel(p, namen, titel, rooster, werkblad)


def _lees_werkmap(
    f: Any, p: Path, werkblad: str | int | None, openpyxl: Any, InvalidFileException: type
) -> RuweTabel:
    try:
        with warnings.catch_warnings():
            # openpyxl waarschuwt bij werkmappen zonder standaardopmaak; dat is onschuldig.
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(f, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise fout(
            p, f"een Excel-bestand dat niet kan worden geopend ({type(exc).__name__})"
        ) from None
    try:
        namen = wb.sheetnames
        if werkblad is None:
            ws = wb.worksheets[0]
        elif isinstance(werkblad, bool) or not isinstance(werkblad, str | int):
            raise TypeError(
                f"werkblad: verwacht de naam (tekst) of het volgnummer (0, 1, …) van een "
                f"werkblad, kreeg {type(werkblad).__name__}: {toon(werkblad)}."
            )
        elif isinstance(werkblad, int):
            if not 0 <= werkblad < len(namen):
                raise ValueError(
                    f"werkblad: {werkblad} bestaat niet; '{p.name}' heeft {len(namen)} "
                    f"werkblad(en), genummerd vanaf 0: "
                    + ", ".join(f"{i} = {n!r}" for i, n in enumerate(namen))
                    + "."
                )
            ws = wb.worksheets[werkblad]
        else:
            if werkblad not in namen:
                raise ValueError(
                    f"werkblad: {werkblad!r} bestaat niet in '{p.name}'. Toegestaan: "
                    + ", ".join(repr(n) for n in namen)
                    + "."
                )
            ws = wb[werkblad]
        if not hasattr(ws, "iter_rows"):
            raise ValueError(f"werkblad: {ws.title!r} is een grafiekblad zonder cellen.")
        try:
            ws.reset_dimensions()  # sommige programma's schrijven een verkeerde 'dimension'
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                rijen = list(ws.iter_rows(values_only=True))
        except (KeyError, ValueError, TypeError, zipfile.BadZipFile, OSError) as exc:
            raise fout(
                p, f"een beschadigd Excel-bestand ({type(exc).__name__} bij het lezen)"
            ) from None
        titel = ws.title
    finally:
        wb.close()
    return _ruwe_werkmaptabel(p, namen, titel, rijen, werkblad)


def _ruwe_werkmaptabel(
    p: Path, namen: list[str], titel: str, rijen: list | Any, werkblad: str | int | None
) -> RuweTabel:
    """Rijen uit openpyxl (lijst van tuples) of het rooster van de snelle lezer (ndarray)."""
    opmerkingen = []
    if len(namen) > 1 and werkblad is None:
        opmerkingen.append(
            f"De werkmap heeft {len(namen)} werkbladen; het eerste ({titel!r}) is gelezen. "
            "Kies een ander met werkblad=."
        )
    if isinstance(rijen, list):
        if not any(v is not None and v != "" for rij in rijen for v in rij):
            rijen = []
        else:
            breedte = max(map(len, rijen))
            if any(len(r) != breedte for r in rijen):
                rijen = [tuple(r) + (None,) * (breedte - len(r)) for r in rijen]
            tabel = pd.DataFrame.from_records(rijen, coerce_float=False).astype(object)
    else:
        tabel = pd.DataFrame(rijen, dtype=object)
        if not (tabel.notna() & (tabel != "")).to_numpy().any():
            rijen = []
    if isinstance(rijen, list) and not rijen:
        raise ValueError(
            f"pad: werkblad {titel!r} van '{p.name}' is leeg. Toegestaan: {TOEGESTAAN}."
        )
    tabel.columns = range(tabel.shape[1])
    return RuweTabel(
        tabel=tabel, eerste_rij=1, soort="xlsx", werkblad=titel, opmerkingen=opmerkingen
    )
