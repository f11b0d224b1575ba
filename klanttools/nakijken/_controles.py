"""De controles zelf: elke functie slaagt stil of geeft een :class:`AntwoordKloptNiet`.

Een controle noemt nooit het juiste antwoord. Ze zegt wat de student gaf en, als
het antwoord past bij een bekende denkfout, wat er waarschijnlijk misging.

Dit bestand verzamelt de controles uit vier modules (één idee per module):

- :mod:`klanttools.nakijken._basis` — :class:`AntwoordKloptNiet`, :data:`HINTS`,
  :func:`controleer_is_getal` en :func:`controleer_gelijk`;
- :mod:`klanttools.nakijken._nps_controles` — tellen, de formule, de NPS, het verschil en
  een eigen ``groep(score)``;
- :mod:`klanttools.nakijken._keuze` — meerkeuze en een woord uit een lijst;
- :mod:`klanttools.nakijken._tabel` — een tabel of reeks.

``klanttools/nakijken/_vers.py`` laadt dit bestand (en daarmee de vier modules) vers van
schijf voor de verborgen tests; de namen in ``__all__`` zijn wat een verborgen test krijgt.
"""

from __future__ import annotations

from klanttools.nakijken._basis import (
    HINTS,
    AntwoordKloptNiet,
    controleer_gelijk,
    controleer_is_getal,
)
from klanttools.nakijken._keuze import controleer_keuze_letter, controleer_keuze_woord
from klanttools.nakijken._nps_controles import (
    controleer_aantallen,
    controleer_categorie_functie,
    controleer_nps,
    controleer_nps_uit_aantallen,
    controleer_verschil,
)
from klanttools.nakijken._tabel import controleer_tabel

__all__ = [
    "HINTS",
    "AntwoordKloptNiet",
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
]
