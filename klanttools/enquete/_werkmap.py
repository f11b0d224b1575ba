"""Excel-werkmappen (.xlsx) lezen met python-calamine.

python-calamine (Rust, onderhouden; ook de calamine-engine van ``pandas.read_excel``) leest
het werkblad als rooster van Python-waarden: tekst, getallen, True/False en datums. Een
lege cel wordt hier ``None``. Fouten van calamine (kapotte zip, kapotte XML, wachtwoord)
worden een Nederlandse melding.

Examples
--------
>>> from pathlib import Path
>>> ruw = lees_xlsx(Path(__file__).parents[2] / "tests/fixtures/enquete/microsoft_forms_nl.xlsx", None)
>>> ruw.tabel.iloc[0, :3].tolist()
['Id', 'Begintijd', 'Tijd van voltooien']
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from klanttools._controle import toon
from klanttools.enquete._ruw import TOEGESTAAN, RuweTabel, fout

__all__ = ["lees_rooster", "lees_xlsx"]


def lees_rooster(p: Path, werkblad: str | int | None) -> tuple[list[str], str, list[list]]:
    """Lees één werkblad: (namen van alle werkbladen, naam van dit blad, rijen vanaf A1).

    Lege cellen zijn ``""`` (zoals calamine ze geeft); de rijen beginnen bij rij 1 en
    kolom A, ook als de eerste rijen of kolommen leeg zijn, zodat rijnummers kloppen met
    wat een gebruiker in Excel ziet.
    """
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetTypeEnum

    try:
        with p.open("rb") as f:
            wb = CalamineWorkbook.from_filelike(f)
    except PasswordError:
        raise fout(
            p, "een Excel-werkmap met een wachtwoord; sla hem op zonder wachtwoord"
        ) from None
    except (CalamineError, OSError, ValueError) as exc:
        raise fout(
            p, f"een Excel-bestand dat niet kan worden geopend ({type(exc).__name__})"
        ) from None
    try:
        namen = list(wb.sheet_names)
        index = _kies_werkblad(p, namen, werkblad)
        soort = wb.sheets_metadata[index].typ
        if soort != SheetTypeEnum.WorkSheet:
            raise ValueError(f"werkblad: {namen[index]!r} is een grafiekblad zonder cellen.")
        try:
            rijen = wb.get_sheet_by_index(index).to_python(skip_empty_area=False)
        except (CalamineError, ValueError) as exc:
            raise fout(
                p, f"een beschadigd Excel-bestand ({type(exc).__name__} bij het lezen)"
            ) from None
    finally:
        wb.close()
    return namen, namen[index], rijen


def _kies_werkblad(p: Path, namen: list[str], werkblad: str | int | None) -> int:
    if werkblad is None:
        return 0
    if isinstance(werkblad, bool) or not isinstance(werkblad, str | int):
        raise TypeError(
            f"werkblad: verwacht de naam (tekst) of het volgnummer (0, 1, …) van een "
            f"werkblad, kreeg {type(werkblad).__name__}: {toon(werkblad)}."
        )
    if isinstance(werkblad, int):
        if not 0 <= werkblad < len(namen):
            raise ValueError(
                f"werkblad: {werkblad} bestaat niet; '{p.name}' heeft {len(namen)} "
                f"werkblad(en), genummerd vanaf 0: "
                + ", ".join(f"{i} = {n!r}" for i, n in enumerate(namen))
                + "."
            )
        return werkblad
    if werkblad not in namen:
        raise ValueError(
            f"werkblad: {werkblad!r} bestaat niet in '{p.name}'. Toegestaan: "
            + ", ".join(repr(n) for n in namen)
            + "."
        )
    return namen.index(werkblad)


def _cel(waarde: object) -> object:
    """Eén cel zoals Excel hem bedoelt (en zoals pandas' calamine-engine hem omzet).

    calamine geeft elk getal als float en een datum zonder tijd als ``date``: een heel
    getal wordt weer een int (een klantnummer blijft 1042, geen 1042.0), een datum een
    ``datetime`` om middernacht, en een lege cel ``None``.

    >>> [_cel(v) for v in (6.0, 6.5, "", "tekst", dt.date(2026, 11, 2))]
    [6, 6.5, None, 'tekst', datetime.datetime(2026, 11, 2, 0, 0)]
    """
    soort = type(waarde)
    if soort is float:
        return int(waarde) if waarde.is_integer() else waarde
    if soort is str:
        return waarde or None
    if soort is dt.date:
        return dt.datetime(waarde.year, waarde.month, waarde.day)
    return waarde


def lees_xlsx(p: Path, werkblad: str | int | None) -> RuweTabel:
    """Lees een werkblad als :class:`RuweTabel` (kolommen 0, 1, …; lege cellen ``None``)."""
    namen, titel, rijen = lees_rooster(p, werkblad)
    opmerkingen = []
    if len(namen) > 1 and werkblad is None:
        opmerkingen.append(
            f"De werkmap heeft {len(namen)} werkbladen; het eerste ({titel!r}) is gelezen. "
            "Kies een ander met werkblad=."
        )
    tabel = pd.DataFrame([[_cel(v) for v in rij] for rij in rijen], dtype=object)
    if tabel.empty or tabel.isna().to_numpy().all():
        raise ValueError(
            f"pad: werkblad {titel!r} van '{p.name}' is leeg. Toegestaan: {TOEGESTAAN}."
        )
    tabel.columns = range(tabel.shape[1])
    return RuweTabel(
        tabel=tabel, eerste_rij=1, soort="xlsx", werkblad=titel, opmerkingen=opmerkingen
    )
