"""Het verslag van :func:`~klanttools.enquete.lees_enquete` als leesbare tekst."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from klanttools._controle import opsomming

__all__ = ["importverslag"]

_NAMEN = {
    "microsoft_forms": "Microsoft Forms",
    "google_forms": "Google Forms",
    "qualtrics": "Qualtrics",
    "surveymonkey": "SurveyMonkey",
    "excel_csv_nl": "CSV uit Nederlandse Excel",
    "csv": "CSV-bestand",
    "excel": "Excel-werkmap",
}


def _rijen(rijen: list[int], max_items: int = 8) -> str:
    """[4, 5, 6, 9] -> 'rij 4–6 en 9'."""
    rijen = sorted(rijen)
    stukken: list[str] = []
    i = 0
    while i < len(rijen):
        j = i
        while j + 1 < len(rijen) and rijen[j + 1] == rijen[j] + 1:
            j += 1
        stukken.append(str(rijen[i]) if i == j else f"{rijen[i]}–{rijen[j]}")
        i = j + 1
    woord = "rij" if len(rijen) == 1 else "rijen"
    return f"{woord} {opsomming(stukken, max_items)}"


def importverslag(df: pd.DataFrame) -> str:
    """Het verslag van :func:`lees_enquete` (uit ``df.attrs``) als leesbare tekst.

    Parameters
    ----------
    df : pandas.DataFrame
        Een tabel die :func:`lees_enquete` heeft gemaakt.

    Returns
    -------
    str
        Enkele regels Nederlandse tekst: bron, NPS-vraag, aantallen, overgeslagen
        rijen met hun rijnummers en reden, en opmerkingen.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from klanttools.enquete import lees_enquete
    >>> pad = pathlib.Path(tempfile.mkdtemp()) / "nps.csv"
    >>> _ = pad.write_text("Klant;Aanbevelen (0-10)\\nA;9\\n;\\nB;\\nC;7\\n", encoding="utf-8")
    >>> print(importverslag(lees_enquete(pad)))
    Bron: CSV uit Nederlandse Excel (excel_csv_nl), bestand 'nps.csv'
    Codering utf-8, scheidingsteken ';'
    NPS-vraag: kolom 'Aanbevelen (0-10)' (gevonden aan de vraagtekst)
    Kopregels: 1; eerste antwoord op rij 2
    Antwoorden: 3 rijen, 2 scores, 1 leeg
    Overgeslagen: 1 rij
      - lege regel: rij 3
    """
    if not isinstance(df, pd.DataFrame) or "bron" not in df.attrs:
        raise TypeError(
            "df: verwacht een tabel die lees_enquete() heeft gemaakt (met het verslag in "
            f"df.attrs), kreeg {type(df).__name__}."
        )
    a = df.attrs
    regels = [
        f"Bron: {_NAMEN.get(a['bron'], a['bron'])} ({a['bron']}), bestand "
        f"'{Path(a.get('bestand', '?')).name}'"
    ]
    if "codering" in a:
        regels.append(f"Codering {a['codering']}, scheidingsteken {a.get('scheidingsteken')!r}")
    if "werkblad" in a:
        regels.append(f"Werkblad {a['werkblad']!r}")
    vraag = a.get("vragen", {}).get(a["score_kolom"])
    via = {
        "score_kolom": "opgegeven met score_kolom",
        "vraagtekst": "gevonden aan de vraagtekst",
        "waarden": "gevonden aan de waarden",
    }.get(a.get("score_gevonden_via"), a.get("score_gevonden_via"))
    regels.append(
        f"NPS-vraag: kolom {a['score_kolom']!r}" + (f" — {vraag!r}" if vraag else "") + f" ({via})"
    )
    regels.append(f"Kopregels: {a['kopregels']}; eerste antwoord op rij {a['eerste_datarij']}")
    regels.append(f"Antwoorden: {len(df)} rijen, {a['antwoorden']} scores, {a['leeg']} leeg")
    overgeslagen = a.get("overgeslagen", {})
    totaal = sum(len(v) for v in overgeslagen.values())
    if totaal:
        regels.append(f"Overgeslagen: {totaal} {'rij' if totaal == 1 else 'rijen'}")
        regels += [f"  - {reden}: {_rijen(r)}" for reden, r in overgeslagen.items()]
    else:
        regels.append("Overgeslagen: geen rijen")
    if a.get("hernoemd"):
        regels.append(
            "Hernoemd: "
            + ", ".join(f"{oud!r} -> {nieuw!r}" for nieuw, oud in a["hernoemd"].items())
        )
    if a.get("opmerkingen"):
        regels.append("Opmerkingen:")
        regels += [f"  - {o}" for o in a["opmerkingen"]]
    return "\n".join(regels)
