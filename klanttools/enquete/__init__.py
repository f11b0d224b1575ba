"""Enquête-exports inlezen: Microsoft Forms, Google Forms, Qualtrics, SurveyMonkey en Excel.

Een docent of student die de NPS-les op een eigen enquête wil doen, exporteert de
antwoorden en leest ze met één regel in::

    from klanttools.enquete import lees_enquete
    df = lees_enquete("antwoorden.xlsx")

:func:`lees_enquete` herkent zelf het programma, de kopregels, het scheidingsteken,
de tekencodering, Nederlandse getallen en datums, en de NPS-vraag. Het resultaat is
één tabel met een kolom ``score`` (hele getallen 0–10, ``<NA>`` = geen antwoord)
plus alle kolommen uit het bestand. Wat er bij het inlezen gebeurde (welk
programma, welke kolom, hoeveel lege antwoorden, welke rijen overgeslagen en
waarom) staat in ``df.attrs``; :func:`importverslag` zet dat op een rij.

Examples
--------
>>> import pathlib, tempfile
>>> pad = pathlib.Path(tempfile.mkdtemp()) / "antwoorden.csv"
>>> _ = pad.write_text(
...     "Klant;Datum;Hoe waarschijnlijk is het dat u ons zou aanbevelen?;Omzet\\n"
...     "A;23-11-2026;9;1.234,50\\n"
...     "B;24-11-2026;;250\\n"
...     ";;;\\n"
...     "C;25-11-2026;6;99,95\\n",
...     encoding="utf-8-sig",
... )
>>> df = lees_enquete(pad)
>>> df["score"].tolist()
[9, <NA>, 6]
>>> df.attrs["bron"], df.attrs["leeg"], df.attrs["overgeslagen"]
('excel_csv_nl', 1, {'lege regel': [4]})
>>> df["Omzet"].tolist()
[1234.5, 250.0, 99.95]
"""

from klanttools.enquete._formaten import BRONNEN
from klanttools.enquete._lezen import lees_enquete
from klanttools.enquete._verslag import importverslag

__all__ = ["BRONNEN", "importverslag", "lees_enquete"]
