"""Een werkblad uit een .xlsx snel lezen: alle cellen in één keer, zonder lus per cel.

openpyxl leest cel voor cel in Python (met defusedxml nog trager): 100.000 antwoorden
uit Microsoft Forms kosten zo tientallen seconden. Deze lezer haalt alle cellen met
één reguliere expressie uit de XML van het werkblad en zet types, gedeelde teksten
en datums daarna met numpy/pandas om. Het resultaat is gelijk aan wat openpyxl
(read-only, data_only) zou geven: dezelfde Python-waarden op dezelfde plaats.

Alles wat deze lezer niet zeker weet (een onbekend celtype, een cel zonder
``r``-attribuut, een tijd zonder datum, een datum-als-tekst …) geeft ``None``; dan
leest :mod:`klanttools.enquete._bestand` het bestand gewoon met openpyxl.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from typing import IO
from xml.etree import ElementTree

import numpy as np
import pandas as pd

__all__ = ["lees_werkblad_snel"]

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MAX_XML = 2_000_000_000  # bytes uitgepakt: groter is verdacht (zip-bom)


class _Onzeker(Exception):
    """Deze lezer weet het niet zeker: laat openpyxl het doen."""


def _xml(z: zipfile.ZipFile, naam: str) -> bytes:
    info = z.getinfo(naam)
    if info.file_size > _MAX_XML:
        raise _Onzeker
    return z.read(naam)


def _rels(z: zipfile.ZipFile, deel: str) -> dict[str, tuple[str, str]]:
    """Relaties van een onderdeel: Id -> (type, pad in de zip)."""
    map_, naam = posixpath.split(deel)
    pad = posixpath.join(map_, "_rels", naam + ".rels")
    if pad not in z.namelist():
        return {}
    uit = {}
    for rel in ElementTree.fromstring(_xml(z, pad)).iter(f"{_REL_NS}Relationship"):
        doel = rel.get("Target", "")
        doel = (
            doel.lstrip("/")
            if doel.startswith("/")
            else posixpath.normpath(posixpath.join(map_, doel))
        )
        uit[rel.get("Id", "")] = (rel.get("Type", ""), doel)
    return uit


def _tekst(element: ElementTree.Element) -> str:
    """Zoals openpyxl's Text.content: de platte <t> plus de <t> van elke <r>."""
    delen = []
    t = element.find(f"{_NS}t")
    if t is not None:
        delen.append(t.text or "")
    for r in element.findall(f"{_NS}r"):
        rt = r.find(f"{_NS}t")
        if rt is not None:
            delen.append(rt.text or "")
    return "".join(delen)


def _datumstijlen(z: zipfile.ZipFile, pad: str | None) -> tuple[set[int], set[int]]:
    from openpyxl.styles.numbers import (
        BUILTIN_FORMATS,
        is_date_format,
        is_timedelta_format,
    )

    if pad is None or pad not in z.namelist():
        return set(), set()
    wortel = ElementTree.fromstring(_xml(z, pad))
    eigen = {}
    for nf in wortel.iter(f"{_NS}numFmt"):
        eigen[int(nf.get("numFmtId", "-1"))] = nf.get("formatCode", "")
    datum, duur = set(), set()
    xfs = wortel.find(f"{_NS}cellXfs")
    for i, xf in enumerate([] if xfs is None else xfs.findall(f"{_NS}xf")):
        nummer = int(xf.get("numFmtId", "0"))
        fmt = eigen.get(nummer, BUILTIN_FORMATS.get(nummer))
        if is_date_format(fmt):
            datum.add(i)
        if is_timedelta_format(fmt):
            duur.add(i)
    return datum, duur


def _cellen_regex(voorvoegsel: bytes) -> re.Pattern[bytes]:
    p = re.escape(voorvoegsel)
    return re.compile(
        rb"<" + p + rb'c r="([A-Z]{1,3})([0-9]{1,7})"([^>/]*)(?:/>|>'
        rb"(?:<" + p + rb"f\b[^>]*/>|<" + p + rb"f\b[^>]*>[^<]*</" + p + rb"f>)?"
        rb"(?:<" + p + rb"v>([^<]*)</" + p + rb"v>|<" + p + rb"v/>)?"
        rb"(?:<" + p + rb"is>(.*?)</" + p + rb"is>)?"
        rb"</" + p + rb"c>)",
        re.S,
    )


_ATTR = re.compile(rb'\s([ts])="([^"]*)"')
_T_IN_IS = re.compile(rb"<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)</(?:\w+:)?t>|<(?:\w+:)?t\s*/>")


def _xml_tekst(ruw: bytes) -> str:
    """Tekst uit de XML halen zoals een XML-parser dat doet (regeleinden, entiteiten)."""
    t = ruw.replace(b"\r\n", b"\n").replace(b"\r", b"\n").decode("utf-8")
    return html.unescape(t) if "&" in t else t


def _kolomnummers(letters: np.ndarray) -> np.ndarray:
    from openpyxl.utils import column_index_from_string

    codes, uniek = pd.factorize(letters)
    nummers = np.array([column_index_from_string(u.decode("ascii")) - 1 for u in uniek])
    return nummers[codes]


def lees_werkblad_snel(
    bron: IO[bytes], werkblad: str | int | None
) -> tuple[list[str], str, np.ndarray] | None:
    """Lees één werkblad; geef (werkbladnamen, titel, rooster van cellen) of None.

    Het rooster is een object-array (rijen × kolommen) vanaf cel A1, met None voor lege
    cellen. None als resultaat betekent: gebruik openpyxl.
    """
    try:
        return _lees(bron, werkblad)
    except (
        _Onzeker,
        KeyError,
        ValueError,
        IndexError,
        TypeError,
        OverflowError,
        zipfile.BadZipFile,
        ElementTree.ParseError,
        UnicodeDecodeError,
        OSError,
    ):
        return None


def _lees(bron: IO[bytes], werkblad: str | int | None) -> tuple[list[str], str, np.ndarray]:
    with zipfile.ZipFile(bron) as z:
        hoofd = [d for t, d in _rels(z, "").values() if t.endswith("/officeDocument")]
        if len(hoofd) != 1:
            raise _Onzeker
        boek = hoofd[0]
        relaties = _rels(z, boek)
        wortel = ElementTree.fromstring(_xml(z, boek))
        pr = wortel.find(f"{_NS}workbookPr")
        datum1904 = pr is not None and pr.get("date1904", "0").lower() in ("1", "true")
        bladen = [(s.get("name", ""), s.get(_R_ID, "")) for s in wortel.iter(f"{_NS}sheet")]
        if not bladen or any(
            not relaties.get(r, ("", ""))[0].endswith("/worksheet") for _, r in bladen
        ):
            raise _Onzeker  # grafiekbladen e.d.: openpyxl geeft de juiste melding
        namen = [n for n, _ in bladen]
        if werkblad is None:
            keuze = 0
        elif isinstance(werkblad, str) and werkblad in namen:
            keuze = namen.index(werkblad)
        elif type(werkblad) is int and 0 <= werkblad < len(namen):
            keuze = werkblad
        else:
            raise _Onzeker
        blad_pad = relaties[bladen[keuze][1]][1]
        soort = {t.rsplit("/", 1)[-1]: d for t, d in relaties.values()}
        datumstijlen, duurstijlen = _datumstijlen(z, soort.get("styles"))
        gedeeld: list[str] = []
        if soort.get("sharedStrings") in z.namelist():
            for si in ElementTree.fromstring(_xml(z, soort["sharedStrings"])).iter(f"{_NS}si"):
                if si.find(f"{_NS}rPh") is not None:
                    raise _Onzeker
                gedeeld.append(_tekst(si).replace("x005F_", ""))
        xml = _xml(z, blad_pad)

    kop = xml[:200]
    if b"encoding=" in kop and not re.search(rb'encoding="utf-?8"', kop, re.I):
        raise _Onzeker
    m = re.search(rb"<(\w+:)?sheetData[\s>/]", xml)
    if m is None:
        raise _Onzeker
    vv = m.group(1) or b""
    aantal = xml.count(b"<" + vv + b"c ")
    if aantal == 0 or b"<" + vv + b"c>" in xml or b"<rPh" in xml:
        raise _Onzeker
    cellen = _cellen_regex(vv).findall(xml)
    if len(cellen) != aantal:
        raise _Onzeker
    letters, rijen_b, attrs, v_b, is_b = (
        np.array(k, dtype=object) for k in zip(*cellen, strict=True)
    )
    del cellen
    laatste_rij = max(
        (int(r) for r in re.findall(rb"<" + vv + rb'row r="([0-9]{1,7})"', xml)), default=0
    )
    del xml
    rijen = rijen_b.astype("S7").astype(np.int64)
    if rijen.min() < 1:
        raise _Onzeker
    kolommen = _kolomnummers(letters)
    if max(map(len, v_b), default=0) > 32:
        raise _Onzeker

    # Celtype en stijl uit de (weinig verschillende) attribuutteksten.
    a_codes, a_uniek = pd.factorize(attrs)
    types, stijlen = [], []
    for a in a_uniek:
        d = dict(_ATTR.findall(a))
        types.append(d.get(b"t", b"n").decode("ascii"))
        stijlen.append(int(d.get(b"s", b"0") or 0))
    celtype = np.array(types, dtype=object)[a_codes]
    stijl = np.array(stijlen, dtype=np.int64)[a_codes]
    onbekend = set(types) - {"n", "s", "str", "inlineStr", "b", "e"}
    if onbekend:
        raise _Onzeker  # 'd' (ISO-datum als tekst) en dergelijke

    waarden = np.full(len(rijen), None, dtype=object)
    heeft_v = v_b != b""

    def tekstwaarden(ruw: np.ndarray) -> np.ndarray:
        codes, uniek = pd.factorize(ruw)
        return np.array([_xml_tekst(u) for u in uniek], dtype=object)[codes]

    m = (celtype == "s") & heeft_v
    if m.any():
        index = v_b[m].astype("S12").astype(np.int64)
        waarden[m] = np.array(gedeeld, dtype=object)[index]
    m = np.isin(celtype, ("str", "e")) & heeft_v
    if m.any():
        waarden[m] = tekstwaarden(v_b[m])
    m = celtype == "inlineStr"
    if m.any():
        codes, uniek = pd.factorize(is_b[m])
        teksten = [
            _xml_tekst(b"".join(t for t in _T_IN_IS.findall(u) if t is not None)) for u in uniek
        ]
        waarden[m] = np.array(teksten, dtype=object)[codes]
    m = (celtype == "b") & heeft_v
    if m.any():
        waarden[m] = (v_b[m].astype("S4").astype(np.int64) != 0).astype(object)
    m = (celtype == "n") & heeft_v
    if m.any():
        tekst = v_b[m].astype("S32")
        getal = tekst.astype(np.float64)
        bytes_ = tekst.view(np.uint8).reshape(len(tekst), -1)
        is_float = ((bytes_ == ord(".")) | (bytes_ == ord("E")) | (bytes_ == ord("e"))).any(axis=1)
        is_datum = (
            np.isin(stijl[m], list(datumstijlen))
            if datumstijlen
            else np.zeros(len(getal), dtype=bool)
        )
        if (is_datum & np.isin(stijl[m], list(duurstijlen))).any():
            raise _Onzeker
        uit = np.empty(len(getal), dtype=object)
        geheel = ~is_float & ~is_datum
        if geheel.any():
            if (np.abs(getal[geheel]) >= 2.0**53).any():
                raise _Onzeker
            uit[geheel] = tekst[geheel].astype(np.int64).astype(object)
        komma = is_float & ~is_datum
        uit[komma] = getal[komma].astype(object)
        if is_datum.any():
            uit[is_datum] = _excel_datums(getal[is_datum], datum1904)
        waarden[m] = uit

    grootte = (max(int(rijen.max()), laatste_rij), int(kolommen.max()) + 1)
    rooster = np.full(grootte, None, dtype=object)
    rooster[rijen - 1, kolommen] = waarden
    return namen, namen[keuze], rooster


def _excel_datums(serieel: np.ndarray, datum1904: bool) -> np.ndarray:
    """Excel-serienummers naar datetime, zoals openpyxl.utils.datetime.from_excel."""
    if (serieel < 1).any() or (serieel > 2_958_465).any():
        raise _Onzeker  # alleen een tijd, of buiten het datumbereik: openpyxl beslist
    dag = np.floor(serieel)
    ms = np.round((serieel - dag) * 86_400 * 1000)  # dezelfde volgorde als openpyxl
    if not datum1904:
        dag = dag + ((serieel > 0) & (serieel < 60))
    begin = np.datetime64("1904-01-01" if datum1904 else "1899-12-30", "ms")
    datums = (
        begin
        + dag.astype(np.int64).astype("timedelta64[D]")
        + ms.astype(np.int64).astype("timedelta64[ms]")
    )
    return datums.astype("datetime64[us]").astype(object)
