"""Zelftoetsen: korte controlevragen in een lesnotebook, met meteen feedback (geen cijfer).

Een :class:`Zelftoets` is een lijst vragen met een sleutel. De student vult een
antwoord in en roept ``controleer("sleutel", antwoord)`` aan. Dat geeft nooit een
foutmelding bij een fout antwoord, maar laat één korte regel zien:

- ``Nog niet ingevuld. …`` als het antwoord nog ``None`` is;
- ``Goed!`` als het klopt;
- ``Nog niet goed. …`` met een tip: de hint bij een bekende fout als het antwoord
  daarbij past, anders de algemene tip van de vraag.

Een vraag heeft één van twee soorten controles:

- een **goed antwoord** (``goed=``): een getal (met een ``marge``), tekst (hoofdletters,
  spaties en leestekens tellen niet) of True/False. Hangt het antwoord van de data af,
  geef dan een functie zonder argumenten; die wordt pas bij de eerste controle
  aangeroepen, niet bij het importeren.
- een **controlefunctie** (``controle=``) die een :class:`AntwoordKloptNiet` geeft met
  een Nederlandse hint. Zo passen de controles uit :mod:`klanttools.nakijken`
  (``controleer_nps``, ``controleer_aantallen``, …) erin. Een gewone ``assert`` mag ook;
  dan krijgt de student de ``tip``.

In Jupyter verschijnt de feedback als een gekleurd blok (groen = goed, oranje = nog niet
goed, grijs = nog niet ingevuld), met dezelfde tekst als gewone uitvoer erbij; buiten
Jupyter wordt de tekst geprint. De vragen van een les staan in
``klanttools.zelftoetsen.lesNN``.

Examples
--------
>>> from klanttools.nakijken import controleer_nps
>>> toets = Zelftoets("voorbeeld")
>>> toets.vraag("b2b", goed=5, tip="Tel hoe vaak er B2B staat.",
...             bekende_fouten={6: "De laatste koper is een consument, geen bedrijf."})
>>> toets.vraag("nps", controle=lambda antwoord: controleer_nps(antwoord, [10, 9, 8, 3]))
>>> toets.controleer("b2b", None)
Nog niet ingevuld. Zet je antwoord op de plek van None en voer de cel opnieuw uit.
>>> toets.controleer("b2b", 5)
Goed!
>>> toets.controleer("b2b", 6)
Nog niet goed. De laatste koper is een consument, geen bedrijf.
>>> toets.controleer("nps", -25)
Nog niet goed: je NPS = -25 klopt nog niet. Het teken van je antwoord lijkt omgedraaid: ...
>>> toets.beoordeel("nps", 25).goed
True
"""

from __future__ import annotations

import difflib
import html
import numbers
import sys
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any

import numpy as np

from klanttools.nakijken._controles import AntwoordKloptNiet

__all__ = ["Beoordeling", "Vraag", "Zelftoets"]

NIET_INGEVULD = "Nog niet ingevuld."
GOED = "Goed!"
NIET_GOED = "Nog niet goed."

_UITLEG_LEEG = "Zet je antwoord op de plek van None en voer de cel opnieuw uit."
_TYPE_GETAL = "Typ een getal zonder aanhalingstekens, bijvoorbeeld 12 of -3.5."
_TYPE_TEKST = 'Typ je antwoord tussen aanhalingstekens, bijvoorbeeld "ja".'
_TYPE_WAARHEID = "Typ True of False, zonder aanhalingstekens."
_TIP_STANDAARD = "Lees de vraag nog eens goed en probeer het opnieuw."
_REKENRUIS = 1e-9

_GEEN = object()
"""Markeert een argument dat niet is meegegeven (``None`` betekent al: niet ingevuld)."""

_KLEUREN = {True: "46, 125, 50", False: "214, 130, 0", None: "120, 120, 120"}
"""Groen, oranje (amber) en grijs, als RGB: werkt in een licht en een donker thema."""


@dataclass(frozen=True)
class Beoordeling:
    """De uitkomst van één controle: goed, niet goed of nog niet ingevuld, met de tekst.

    Parameters
    ----------
    goed : bool or None
        ``True`` (goed), ``False`` (nog niet goed) of ``None`` (nog niet ingevuld).
    kop : str
        Het eerste stuk van de melding, bijvoorbeeld ``"Goed!"``.
    uitleg : str
        De tip of hint erachter (leeg bij een goed antwoord).

    Examples
    --------
    >>> b = Beoordeling(False, "Nog niet goed.", "Tel nog eens.")
    >>> b.tekst
    'Nog niet goed. Tel nog eens.'
    >>> print(b)
    Nog niet goed. Tel nog eens.
    """

    goed: bool | None
    kop: str
    uitleg: str = ""

    @property
    def tekst(self) -> str:
        """De hele melding als één regel tekst."""
        return f"{self.kop} {self.uitleg}".strip()

    def __str__(self) -> str:
        return self.tekst

    def _repr_html_(self) -> str:
        rgb = _KLEUREN[self.goed]
        stijl = (
            f"border-left: 4px solid rgb({rgb}); background: rgba({rgb}, 0.12); "
            "padding: 4px 10px; margin: 2px 0; border-radius: 2px"
        )
        uitleg = f" {html.escape(self.uitleg)}" if self.uitleg else ""
        return f'<div style="{stijl}"><b>{html.escape(self.kop)}</b>{uitleg}</div>'

    def toon(self) -> None:
        """Laat de melding zien: in Jupyter als gekleurd blok, anders als gewone tekst.

        Examples
        --------
        >>> Beoordeling(True, "Goed!").toon()
        Goed!
        """
        if _in_jupyter():
            from IPython.display import display

            display({"text/plain": self.tekst, "text/html": self._repr_html_()}, raw=True)
        else:
            print(self.tekst)


def _in_jupyter() -> bool:
    """Draait dit in een Jupyter-kernel? (Zonder IPython te laden als dat nog niet gebeurde.)"""
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    shell = ipython.get_ipython()
    return shell is not None and hasattr(shell, "kernel")


def _is_getal(waarde: Any) -> bool:
    return isinstance(waarde, numbers.Real) and not isinstance(waarde, bool | np.bool_)


def _schoon(tekst: str) -> str:
    """Tekst zonder hoofdletters, spaties, leestekens en accenten (trema, accent aigu …).

    >>> _schoon("New business-development") == _schoon("newbusinessdevelopment")
    True
    >>> _schoon("Beïnvloeder") == _schoon("beinvloeder")
    True
    """
    zonder_accent = unicodedata.normalize("NFKD", tekst.casefold())
    return "".join(t for t in zonder_accent if t.isalnum() and not unicodedata.combining(t))


def _gelijk(antwoord: Any, verwacht: Any, marge: float) -> bool:
    """Past het antwoord bij ``verwacht``? Getallen binnen de marge, tekst zonder opmaak."""
    if isinstance(verwacht, bool | np.bool_):
        return isinstance(antwoord, bool | np.bool_) and bool(antwoord) == bool(verwacht)
    if _is_getal(verwacht):
        if not _is_getal(antwoord):
            return False
        x, y = float(antwoord), float(verwacht)
        return abs(x - y) <= marge + _REKENRUIS * max(1.0, abs(y))
    if isinstance(verwacht, str):
        return isinstance(antwoord, str) and _schoon(antwoord) == _schoon(verwacht)
    return bool(antwoord == verwacht)


def _verkeerde_soort(antwoord: Any, verwacht: Any) -> str | None:
    """Een tip als het antwoord niet eens de goede soort is (tekst in plaats van getal …)."""
    if isinstance(verwacht, bool | np.bool_):
        return None if isinstance(antwoord, bool | np.bool_) else _TYPE_WAARHEID
    if _is_getal(verwacht):
        return None if _is_getal(antwoord) else _TYPE_GETAL
    if isinstance(verwacht, str):
        return None if isinstance(antwoord, str) else _TYPE_TEKST
    return None


@dataclass(frozen=True)
class Vraag:
    """Eén controlevraag. Maak hem met :meth:`Zelftoets.vraag`.

    Parameters
    ----------
    sleutel : str
        De naam waarmee de student de vraag controleert, bijvoorbeeld ``"b2b"``.
    goed : object or callable, optional
        Het goede antwoord, of een functie zonder argumenten die het geeft (pas
        aangeroepen bij de eerste controle). Niet samen met ``controle``.
    marge : float, default 0
        Toegestaan verschil bij een getal.
    bekende_fouten : mapping or callable, optional
        Fout antwoord → hint, of een functie zonder argumenten die zo'n mapping geeft.
    tip : str
        Algemene tip bij een fout antwoord dat niet bij een bekende fout past.
    controle : callable, optional
        ``controle(antwoord)`` geeft een :class:`~klanttools.nakijken.AntwoordKloptNiet`
        met een hint als het antwoord niet klopt (bij een gewone ``AssertionError``
        krijgt de student de ``tip``). Niet samen met ``goed``.

    Examples
    --------
    >>> v = Vraag("som", goed=lambda: 2 + 2, bekende_fouten={22: "Tel op, plak niet."})
    >>> v.verwacht, v.fouten
    (4, {22: 'Tel op, plak niet.'})
    """

    sleutel: str
    goed: Any = _GEEN
    marge: float = 0.0
    bekende_fouten: Mapping[Any, str] | Callable[[], Mapping[Any, str]] = field(
        default_factory=dict
    )
    tip: str = ""
    controle: Callable[[Any], object] | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.sleutel, str) or not self.sleutel:
            raise TypeError(f"sleutel: {self.sleutel!r} is geen naam. Geef tekst, zoals 'b2b'.")
        heeft_goed = self.goed is not _GEEN
        if heeft_goed == (self.controle is not None):
            raise ValueError(
                f"vraag {self.sleutel!r}: geef precies één van goed= (het goede antwoord) "
                "en controle= (een functie die het antwoord controleert)."
            )
        if heeft_goed and self.goed is None:
            raise ValueError(
                f"vraag {self.sleutel!r}: goed=None kan niet; None betekent 'nog niet ingevuld'."
            )
        if self.controle is not None and not callable(self.controle):
            raise TypeError(
                f"vraag {self.sleutel!r}: controle={self.controle!r} is geen functie. "
                "Geef een functie die één antwoord krijgt."
            )
        if not _is_getal(self.marge) or self.marge < 0:
            raise ValueError(
                f"vraag {self.sleutel!r}: marge={self.marge!r} kan niet. Geef een getal ≥ 0."
            )

    @cached_property
    def verwacht(self) -> Any:
        """Het goede antwoord (een functie wordt hier één keer aangeroepen).

        ``None`` bij een vraag met een controlefunctie.
        """
        if self.goed is _GEEN:
            return None
        return self.goed() if callable(self.goed) else self.goed

    @cached_property
    def fouten(self) -> dict[Any, str]:
        """De bekende fouten met hun hint (een functie wordt hier één keer aangeroepen)."""
        fouten = self.bekende_fouten() if callable(self.bekende_fouten) else self.bekende_fouten
        return dict(fouten)

    def beoordeel(self, antwoord: Any) -> Beoordeling:
        """Beoordeel één antwoord zonder iets te laten zien; zie :meth:`Zelftoets.beoordeel`."""
        if antwoord is None or antwoord is Ellipsis:
            return Beoordeling(None, NIET_INGEVULD, _UITLEG_LEEG)
        if self.controle is not None:
            try:
                self.controle(antwoord)
            except AntwoordKloptNiet as fout:  # een melding voor de student
                melding = str(fout).strip()
                if melding:
                    return Beoordeling(False, "Nog niet goed:", melding)
                return Beoordeling(False, NIET_GOED, self.tip or _TIP_STANDAARD)
            except AssertionError:  # een gewone assert: de tekst is code, dus de tip
                return Beoordeling(False, NIET_GOED, self.tip or _TIP_STANDAARD)
            return Beoordeling(True, GOED)
        if _gelijk(antwoord, self.verwacht, self.marge):
            return Beoordeling(True, GOED)
        soort = _verkeerde_soort(antwoord, self.verwacht)
        if soort is not None:
            return Beoordeling(False, NIET_GOED, soort)
        for fout, hint in self.fouten.items():
            if _gelijk(antwoord, fout, self.marge):
                return Beoordeling(False, NIET_GOED, hint)
        return Beoordeling(False, NIET_GOED, self.tip or _TIP_STANDAARD)


class Zelftoets:
    """De controlevragen van één les, met ``controleer(vraag, antwoord)`` voor de student.

    Parameters
    ----------
    naam : str, optional
        Naam van de les, alleen voor de weergave.

    Examples
    --------
    >>> toets = Zelftoets("les 0")
    >>> toets.vraag("hoofdstad", goed="Amsterdam", tip="Niet de regeringszetel.",
    ...             bekende_fouten={"Den Haag": "Daar zit de regering, maar ..."})
    >>> toets.controleer("hoofdstad", " amsterdam")
    Goed!
    >>> toets.controleer("hoofdstad", "den haag")
    Nog niet goed. Daar zit de regering, maar ...
    >>> toets
    Zelftoets('les 0', vragen: 'hoofdstad')
    """

    def __init__(self, naam: str = "") -> None:
        self.naam = naam
        self._vragen: dict[str, Vraag] = {}

    def __repr__(self) -> str:
        sleutels = ", ".join(repr(s) for s in self._vragen)
        return f"Zelftoets({self.naam!r}, vragen: {sleutels or 'geen'})"

    @property
    def vragen(self) -> Mapping[str, Vraag]:
        """Alle vragen op sleutel (alleen lezen)."""
        return MappingProxyType(self._vragen)

    def vraag(
        self,
        sleutel: str,
        goed: Any = _GEEN,
        *,
        marge: float = 0.0,
        bekende_fouten: Mapping[Any, str] | Callable[[], Mapping[Any, str]] | None = None,
        tip: str = "",
        controle: Callable[[Any], object] | None = None,
    ) -> None:
        """Voeg een vraag toe: met ``goed`` (en ``tip``, ``marge``, ``bekende_fouten``) of ``controle``.

        Zie :class:`Vraag` voor de betekenis van de argumenten.

        Raises
        ------
        ValueError
            Als de sleutel al bestaat, of als ``goed`` en ``controle`` allebei of geen
            van beide zijn gegeven.

        Examples
        --------
        >>> toets = Zelftoets()
        >>> toets.vraag("b2b", goed=5)
        >>> toets.vraag("b2b", goed=6)
        Traceback (most recent call last):
        ...
        ValueError: vraag 'b2b' bestaat al in deze zelftoets. Kies een andere sleutel.
        """
        if sleutel in self._vragen:
            raise ValueError(
                f"vraag {sleutel!r} bestaat al in deze zelftoets. Kies een andere sleutel."
            )
        self._vragen[sleutel] = Vraag(
            sleutel,
            goed=goed,
            marge=marge,
            bekende_fouten=bekende_fouten if bekende_fouten is not None else {},
            tip=tip,
            controle=controle,
        )

    def _zoek(self, vraag: str) -> Vraag:
        if isinstance(vraag, str) and vraag in self._vragen:
            return self._vragen[vraag]
        bekend = ", ".join(repr(s) for s in self._vragen) or "(nog geen)"
        lijkt_op = difflib.get_close_matches(str(vraag), list(self._vragen), n=1)
        suggestie = f" Bedoel je {lijkt_op[0]!r}?" if lijkt_op else ""
        raise ValueError(
            f"vraag: {vraag!r} bestaat niet.{suggestie} Bekende vragen: {bekend}. "
            "Let op de spelling en zet de naam tussen aanhalingstekens."
        )

    def beoordeel(self, vraag: str, antwoord: Any) -> Beoordeling:
        """Beoordeel een antwoord zonder iets te laten zien (voor tests en docenten).

        Parameters
        ----------
        vraag : str
            De sleutel van de vraag.
        antwoord : object
            Het antwoord van de student (``None`` = nog niet ingevuld).

        Returns
        -------
        Beoordeling
            Met ``goed`` = ``True``, ``False`` of ``None`` (niet ingevuld) en de ``tekst``.

        Raises
        ------
        ValueError
            Als de vraag niet bestaat; de melding noemt de bekende vragen.

        Examples
        --------
        >>> toets = Zelftoets()
        >>> toets.vraag("b2b", goed=5, tip="Tel hoe vaak er B2B staat.")
        >>> toets.beoordeel("b2b", None).goed is None
        True
        >>> toets.beoordeel("b2b", "5").tekst
        'Nog niet goed. Typ een getal zonder aanhalingstekens, bijvoorbeeld 12 of -3.5.'
        >>> toets.beoordeel("b2c", 5)
        Traceback (most recent call last):
        ...
        ValueError: vraag: 'b2c' bestaat niet. Bedoel je 'b2b'? Bekende vragen: 'b2b'. ...
        """
        return self._zoek(vraag).beoordeel(antwoord)

    def controleer(self, vraag: str, antwoord: Any) -> None:
        """Kijk een antwoord na en laat meteen zien of het goed is, of geef een tip.

        Een fout antwoord geeft nooit een foutmelding, alleen een tip. In Jupyter
        verschijnt de feedback als gekleurd blok, anders als tekst. Wil je de uitkomst
        als waarde (voor een test), gebruik dan :meth:`beoordeel`.

        Parameters
        ----------
        vraag : str
            De naam van de vraag, tussen aanhalingstekens, bijvoorbeeld ``"b2b"``.
        antwoord : object
            Jouw antwoord (``None`` = nog niet ingevuld).

        Raises
        ------
        ValueError
            Als er geen vraag met deze naam is.

        Examples
        --------
        >>> toets = Zelftoets()
        >>> toets.vraag("significant", goed="nee", tip="Is p kleiner dan 0,05?")
        >>> toets.controleer("significant", "Ja")
        Nog niet goed. Is p kleiner dan 0,05?
        >>> toets.controleer("significant", "NEE")
        Goed!
        """
        self.beoordeel(vraag, antwoord).toon()
