"""Nakijken: controles met Nederlandse feedback voor opdrachten (nbgrader of los).

Elke controle slaagt stil of geeft een :class:`AntwoordKloptNiet` (een
``AssertionError``) met een Nederlandse melding. Die melding zegt wat de student gaf
en, als het antwoord past bij een bekende denkfout, wat er waarschijnlijk misging —
maar nooit wat het goede antwoord is. Zo kan dezelfde controle in een zichtbare en in
een verborgen nbgrader-test staan.

Bekende denkfouten bij de NPS (zie :data:`HINTS`): passief tevredenen (7–8) als
promotor, een 6 niet als criticaster ("een 6 is toch een voldoende"), criticasters −
promotors (omgedraaid, zoals in één bronsamenvatting), een aandeel in plaats van
punten (0.2 of "20%" in plaats van 20), lege antwoorden meegeteld in n of als 0,
alleen het percentage promotors, een gemiddelde score, en te grof afronden.

De controles:

- :func:`controleer_is_getal` — alleen de vorm (zichtbare test);
- :func:`controleer_gelijk` — getal, tekst of True/False, met hints bij bekende fouten;
- :func:`controleer_aantallen` — promotors, passief en criticasters tellen;
- :func:`controleer_categorie_functie` — een eigen functie ``groep(score)``;
- :func:`controleer_nps_uit_aantallen` — de formule, met de eigen aantallen (doorrekenen);
- :func:`controleer_nps` — een berekende NPS;
- :func:`controleer_tabel` — een tabel of reeks (profiel per bedrijf) tegen de juiste waarden;
- :func:`controleer_verschil` — het verschil tussen twee metingen;
- :func:`controleer_keuze_letter` — meerkeuzevragen (``keuze = "C"``);
- :func:`controleer_keuze_woord` — één woord uit een lijst (``fase_a = "suspect"``).

Voor zelftoetsen in een lesnotebook (meteen feedback, geen cijfer) is er
:class:`Zelftoets`: dezelfde controles, maar een fout antwoord geeft een tip in plaats
van een foutmelding (zie :mod:`klanttools.nakijken.zelftoets`; de vragen per les staan in
:mod:`klanttools.zelftoetsen`).

En :func:`nederlandse_foutmeldingen`, dat in Jupyter de Engelse ``NameError`` vervangt
door een Nederlandse uitleg. Hulpmiddelen voor docenten (nbgrader-feedback zonder
verborgen tests, valideren met een echte exitcode) staan in
:mod:`klanttools.nakijken.docent`; die module laadt nbgrader en is dus niet nodig in
een studentennotebook.

Examples
--------
>>> from klanttools.nakijken import controleer_nps
>>> scores = [10, 9, 8, 7, 3]          # 2 promotors, 2 passief, 1 criticaster
>>> controleer_nps(20.0, scores)       # goed: stil
>>> controleer_nps(60.0, scores)
Traceback (most recent call last):
...
klanttools.nakijken.AntwoordKloptNiet: je NPS = 60.0 klopt nog niet. Het lijkt erop dat je de passief tevredenen (een 7 of 8) als promotor hebt geteld. Promotors geven alleen een 9 of een 10.
"""

from klanttools.nakijken._controles import (
    HINTS,
    AntwoordKloptNiet,
    controleer_aantallen,
    controleer_categorie_functie,
    controleer_gelijk,
    controleer_is_getal,
    controleer_keuze_letter,
    controleer_keuze_woord,
    controleer_nps,
    controleer_nps_uit_aantallen,
    controleer_tabel,
    controleer_verschil,
)
from klanttools.nakijken._meldingen import nederlandse_foutmeldingen, uitleg_naamfout
from klanttools.nakijken.zelftoets import Beoordeling, Vraag, Zelftoets

__all__ = [
    "HINTS",
    "AntwoordKloptNiet",
    "Beoordeling",
    "Vraag",
    "Zelftoets",
    "controleer_aantallen",
    "controleer_categorie_functie",
    "controleer_gelijk",
    "controleer_is_getal",
    "controleer_keuze_letter",
    "controleer_keuze_woord",
    "controleer_nps",
    "controleer_nps_uit_aantallen",
    "controleer_tabel",
    "controleer_verschil",
    "nederlandse_foutmeldingen",
    "uitleg_naamfout",
]
