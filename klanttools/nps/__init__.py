"""Net Promoter Score: categorieën, de score zelf, foutmarge, vergelijken en steekproefgrootte.

De Net Promoter Score (NPS; Reichheld, *Harvard Business Review*, 2003) komt uit één
vraag: "Hoe waarschijnlijk is het dat u [organisatie] zou aanbevelen aan familie,
vrienden of collega's?", beantwoord op een schaal van 0 tot en met 10.

- promotor: 9 of 10
- passief (passief tevreden): 7 of 8
- criticaster: 0 tot en met 6

**NPS = % promotors − % criticasters**: een getal van −100 tot +100, géén
percentage. (Eén van de bronsamenvattingen zegt het omgekeerd; dat is fout.)
Lege antwoorden (None, NaN, pd.NA) zijn geen antwoord en tellen niet mee in n.

Net Promoter, NPS en Net Promoter Score zijn handelsmerken van Bain & Company,
NICE Systems en Fred Reichheld.

Examples
--------
>>> nps([10, 9, 8, 7, 3])
20.0
>>> r = analyse(aantallen=(90, 60, 50))
>>> round(r.nps, 1), round(r.foutmarge, 1)
(20.0, 11.3)
"""

from __future__ import annotations

from klanttools.nps._analyse import NPSAnalyse, analyse, steekproefgrootte
from klanttools.nps._groepen import nps_per_groep, wat_als
from klanttools.nps._tellen import (
    CATEGORIEEN,
    METHODEN,
    categorie,
    categorieen,
    nps,
    nps_uit_aantallen,
    tel,
)
from klanttools.nps._vergelijken import Vergelijking, vergelijk, vergelijk_groepen

__all__ = [
    "CATEGORIEEN",
    "METHODEN",
    "NPSAnalyse",
    "Vergelijking",
    "analyse",
    "categorie",
    "categorieen",
    "nps",
    "nps_per_groep",
    "nps_uit_aantallen",
    "steekproefgrootte",
    "tel",
    "vergelijk",
    "vergelijk_groepen",
    "wat_als",
]
