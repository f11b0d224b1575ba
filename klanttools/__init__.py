"""klanttools: rekenkern en hulpmiddelen van de cursuskit *Inleiding Sales* (H1 "De klant centraal").

Elke module behandelt één onderwerp uit het boek:

- :mod:`klanttools.nps` — Net Promoter Score, foutmarge, vergelijken, steekproefgrootte
- :mod:`klanttools.klantrating` — customer rating (gewichten, knock-outs) en ABC-analyse
- :mod:`klanttools.klantgroepen` — Partner, Vriend, Economicus en Dog
- :mod:`klanttools.waardestrategie` — de drie waardedisciplines en de strategie-fit van CRM
- :mod:`klanttools.processen` — salesfunnel, conversie en de klantrelatiecyclus
- :mod:`klanttools.mensen` — DMU-rollen en klantenteams
- :mod:`klanttools.datasets` — de (synthetische) cursusdatasets laden op naam
- :mod:`klanttools.enquete` — enquête-exports inlezen (Microsoft Forms, Google Forms,
  Qualtrics, SurveyMonkey, Excel)

``import klanttools`` laadt alleen pandas en numpy; widgets en grafieken staan in
eigen modules en worden pas geladen als je ze zelf importeert.

Examples
--------
>>> from klanttools.nps import nps, categorie
>>> nps([10, 9, 8, 3])
25.0
>>> categorie(8)
'passief'
>>> import klanttools
>>> klanttools.nps.nps([10, 0])
0.0
>>> klanttools.getal_nl(4.6875)    # een getal zoals een Nederlandse lezer het schrijft
'4,7'

"""

from klanttools import (
    datasets,
    enquete,
    klantgroepen,
    klantrating,
    mensen,
    nps,
    processen,
    waardestrategie,
)
from klanttools._controle import getal_nl

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "datasets",
    "enquete",
    "getal_nl",
    "klantgroepen",
    "klantrating",
    "mensen",
    "nps",
    "processen",
    "waardestrategie",
]
