"""CSV-bestanden lezen: tekencodering, scheidingsteken, Excel's 'sep='-regel, parserfouten.

Tekencodering: UTF-16 (met BOM, 'Unicode-tekst' uit Excel), anders UTF-8 (met of zonder
BOM), en als dat niet lukt Windows-1252 (oude Excel op Windows); een bestand dat deels
UTF-8 en deels Windows-1252 is, wordt per regel gelezen (met een waarschuwing). Het scheidingsteken
komt uit de eerste regel: het teken (``;``, ``,`` of tab) dat daar buiten
aanhalingstekens het vaakst staat. pandas leest alles als tekst (``dtype=object``) met
lege regels erbij, zodat rijnummers kloppen met wat Excel toont.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from pathlib import Path
from typing import Any

import pandas as pd

from klanttools.enquete._ruw import TOEGESTAAN, RuweTabel, fout

__all__ = ["lees_csv"]


def _decodeer(data: bytes, p: Path) -> tuple[str, str]:
    """Bytes naar tekst: UTF-16 (met BOM), UTF-8 (met of zonder BOM), anders Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    kop = data[:4096]
    if b"\x00" in kop:
        # UTF-16 zonder BOM: om de andere byte een nul.
        if kop[1::2].count(0) > 0.9 * len(kop[1::2]):
            try:
                return data.decode("utf-16-le"), "utf-16"
            except UnicodeDecodeError:
                pass
        raise fout(p, "geen tekstbestand (het bevat binaire gegevens)")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    gemengd = _decodeer_per_regel(data)
    if gemengd is not None:
        return gemengd, "gemengd"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise fout(
            p,
            "geen leesbaar tekstbestand (de tekens zijn geen UTF-8 en geen Windows-1252; "
            "mogelijk is het een binair bestand)",
        ) from None


def _decodeer_per_regel(data: bytes) -> str | None:
    r"""Tekst van een bestand dat deels UTF-8 en deels Windows-1252 is, of None.

    Dat ontstaat als iemand twee exports aan elkaar plakt of een oude CSV in een nieuwe
    editor aanvult. Als geheel is zo'n bestand geen UTF-8; als Windows-1252 gelezen worden
    de UTF-8-regels onleesbaar ('CafÃ©'). Daarom per regel: UTF-8 waar dat kan, anders
    Windows-1252. None als geen enkele regel UTF-8 met bijzondere tekens is (dan is het
    gewoon een Windows-1252-bestand).

    >>> _decodeer_per_regel("Caf\u00e9\n".encode() + "Caf\u00e9\n".encode("cp1252"))
    'Café\nCafé\n'
    >>> _decodeer_per_regel("Caf\u00e9\n".encode("cp1252")) is None
    True
    """
    regels, utf8, cp1252 = [], 0, 0
    for ruwe in data.removeprefix(b"\xef\xbb\xbf").splitlines(keepends=True):
        try:
            regel = ruwe.decode("utf-8")
            utf8 += not ruwe.isascii()
        except UnicodeDecodeError:
            try:
                regel = ruwe.decode("cp1252")
            except UnicodeDecodeError:
                return None
            cp1252 += 1
        regels.append(regel)
    return "".join(regels) if utf8 and cp1252 else None


def _eerste_record(tekst: str) -> str:
    """De eerste CSV-regel, met regeleinden binnen aanhalingstekens erbij."""
    regels = []
    aanhalingen = 0
    for regel in io.StringIO(tekst):
        regels.append(regel)
        aanhalingen += regel.count('"')
        if aanhalingen % 2 == 0 or len(regels) > 50:
            break
    return "".join(regels)


def _buiten_aanhalingen(record: str) -> str:
    """Laat alleen de tekens buiten aanhalingstekens over."""
    return "".join(deel for i, deel in enumerate(record.split('"')) if i % 2 == 0)


def _kies_scheidingsteken(tekst: str) -> str:
    kale = _buiten_aanhalingen(_eerste_record(tekst))
    tellingen = {t: kale.count(t) for t in (";", ",", "\t")}
    beste = max(tellingen, key=lambda t: (tellingen[t], t == ","))
    return beste if tellingen[beste] > 0 else ","


def lees_csv(p: Path) -> RuweTabel:
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise OSError(f"pad: '{p}' kan niet worden gelezen ({exc.strerror or exc}).") from None
    tekst, codering = _decodeer(data, p)
    opmerkingen: list[str] = []
    if codering == "cp1252":
        opmerkingen.append(
            "Het bestand is geen UTF-8; het is gelezen als Windows-1252 (oude Excel-CSV). "
            "Controleer letters als é, ë en €."
        )
    elif codering == "gemengd":
        waarschuwing = (
            f"Let op: '{p.name}' is deels UTF-8 en deels Windows-1252 (bijvoorbeeld twee "
            "exports aan elkaar geplakt). Elke regel is gelezen in de codering die past; "
            "controleer letters als é, ë en €, en sla het bestand voortaan op als CSV UTF-8."
        )
        warnings.warn(waarschuwing, UserWarning, stacklevel=4)
        opmerkingen.append(waarschuwing)
    controle = tekst[:10_000]
    vreemd = sum(1 for t in controle if t < " " and t not in "\t\r\n")
    if vreemd > max(3, len(controle) // 100):
        raise fout(p, "geen tekstbestand (het bevat binaire gegevens)")

    scheidingsteken = None
    eerste = tekst.split("\n", 1)[0].strip()
    if eerste.lower().startswith("sep=") and len(eerste) == 5:
        # Excel-aanwijzing 'sep=;': Excel toont die regel niet, dus telt hij niet als rij.
        scheidingsteken = eerste[4]
        tekst = tekst.split("\n", 1)[1] if "\n" in tekst else ""
        data = data.split(b"\n", 1)[1] if b"\n" in data else b""
    if not tekst.strip():
        raise ValueError(
            f"pad: '{p.name}' bevat geen gegevens (alleen lege regels). Exporteer de "
            f"antwoorden opnieuw; toegestaan: {TOEGESTAAN}."
        )
    if scheidingsteken is None:
        scheidingsteken = _kies_scheidingsteken(tekst)

    def invoer() -> io.IOBase:
        # pandas leest bytes sneller dan een str; UTF-16 en een gemengde codering gaan via
        # de al gedecodeerde tekst.
        if codering in ("utf-16", "gemengd"):
            return io.StringIO(tekst)
        return io.BytesIO(data)

    opties: dict[str, Any] = {
        "encoding": None
        if codering in ("utf-16", "gemengd")
        else {"utf-8": "utf-8-sig"}.get(codering, codering),
        "low_memory": False,
        "sep": scheidingsteken,
        "header": None,
        "dtype": object,
        "keep_default_na": False,
        "na_values": [""],
        "skip_blank_lines": False,
        "quotechar": '"',
        "engine": "c",
    }
    try:
        tabel = pd.read_csv(invoer(), **opties)
    except pd.errors.ParserError:
        # Een latere regel heeft meer velden dan de eerste: tel het maximum en lees opnieuw.
        try:
            breedte = max(
                (len(r) for r in csv.reader(io.StringIO(tekst), delimiter=scheidingsteken)),
                default=1,
            )
            tabel = pd.read_csv(invoer(), names=range(breedte), **opties)
        except (pd.errors.ParserError, csv.Error, ValueError) as exc:
            raise ValueError(
                f"pad: '{p.name}' is geen geldig CSV-bestand (scheidingsteken "
                f"{scheidingsteken!r}): {_vertaal_parserfout(exc)}. Controleer of het "
                "bestand goed is geëxporteerd; toegestaan: " + TOEGESTAAN + "."
            ) from None
    except (ValueError, UnicodeError, MemoryError) as exc:
        raise ValueError(
            f"pad: '{p.name}' kan niet als CSV worden gelezen ({type(exc).__name__}). "
            f"Toegestaan: {TOEGESTAAN}."
        ) from None
    tabel.columns = range(tabel.shape[1])
    return RuweTabel(
        tabel=tabel,
        eerste_rij=1,
        soort="csv",
        codering=codering,
        scheidingsteken=scheidingsteken,
        opmerkingen=opmerkingen,
    )


def _vertaal_parserfout(exc: Exception) -> str:
    tekst = str(exc).strip()
    if "EOF" in tekst:
        m = re.search(r"starting at row (\d+)", tekst)
        waar = f" (in rij {int(m.group(1)) + 1})" if m else ""
        return f'een aanhalingsteken (") wordt geopend{waar} maar nergens gesloten'
    return f"technische melding: {tekst[:200]}"
