"""Klantgroepen: accounts indelen naar relatie- en koopgedrag, en de ABC-analyse.

Twee manieren om bestaande klanten in groepen te verdelen:

* **Vier klantgroepen** op twee assen, actief relatiegedrag en koopgedrag:

  ============  ==================  ==================
  klantgroep    relatiegedrag       koopgedrag
  ============  ==================  ==================
  Partner       hoog                hoog
  Vriend        hoog                laag
  Economicus    laag                hoog
  Dog           laag                laag
  ============  ==================  ==================

  Een Vriend mag je wel, maar koopt (nog) bij de concurrent; een Economicus koopt
  veel, maar vooral om prijs of gemak en zonder band. Bij elke groep hoort een
  ander advies, zie :data:`ADVIES`.

* **ABC-analyse** (Pareto): sorteer de accounts op omzet (of marge) van hoog naar
  laag en kijk welk deel van de accounts het grootste deel van de waarde oplevert.
  Vaak levert een klein deel van de klanten het grootste deel van de omzet op
  (de "80/20-regel"), maar dat is een vuistregel, geen wet: de analyse laat zien
  hoe het bij je eigen klanten zit.

Examples
--------
>>> klantgroep(relatiegedrag=8, koopgedrag=3, grens=6)
'Vriend'
>>> ADVIES["Vriend"].split(":")[0]
'Share of wallet vergroten'
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from klanttools._controle import controleer_getal, opsomming, toon
from klanttools.klantrating import _als_getallen, _dubbele

__all__ = [
    "ABC_KLASSEN",
    "ADVIES",
    "KLANTGROEPEN",
    "abc_analyse",
    "abc_samenvatting",
    "klantgroep",
    "klantgroepen",
]

KLANTGROEPEN: tuple[str, str, str, str] = ("Partner", "Vriend", "Economicus", "Dog")
"""De vier klantgroepen, in vaste volgorde (ook de volgorde van de categorieën)."""

ADVIES: dict[str, str] = {
    "Partner": (
        "Behouden en verder ontwikkelen: dit is een trouwe, aantrekkelijke klant. Investeer "
        "in de relatie, bijvoorbeeld met een vast klantenteam en gezamenlijke plannen."
    ),
    "Vriend": (
        "Share of wallet vergroten: de relatie is goed, maar een groot deel van de aankopen "
        "gaat naar de concurrent. Zoek uit wat hij daar koopt en laat zien wat jij kunt leveren."
    ),
    "Economicus": (
        "Relatie opbouwen: hij koopt veel, maar voelt zich niet aan jou gebonden. Werk aan "
        "persoonlijk contact en vertrouwen, zodat hij niet vertrekt voor een betere prijs."
    ),
    "Dog": (
        "Niet in investeren: geen band en weinig omzet. Bedien deze klant efficiënt, "
        "bijvoorbeeld via de binnendienst of online, zonder extra accountmanagementtijd."
    ),
}
"""Per klantgroep een kort advies voor de accountmanager."""

ABC_KLASSEN: tuple[str, str, str] = ("A", "B", "C")
"""De klassen van de ABC-analyse, van meest naar minst waardevol."""

_DECIMALEN_AANDEEL = 12
"""Aandelen in de ABC-analyse worden op zoveel decimalen afgerond (tegen rekenruis)."""

_GRENS_UITLEG = (
    "een getal (dezelfde grens voor relatiegedrag en koopgedrag) of een paar "
    "(grens_relatie, grens_koop)"
)


# ---------------------------------------------------------------------------
# Vier klantgroepen
# ---------------------------------------------------------------------------


def _controleer_grens(grens: Any, *, mediaan_mag: bool) -> tuple[float, float] | str:
    """Zet ``grens`` om in (grens_relatie, grens_koop), of geef "mediaan" terug."""
    toegestaan = _GRENS_UITLEG + (", of 'mediaan'" if mediaan_mag else "")
    if grens is None:
        raise TypeError(
            f"grens: geef aan vanaf welke score een gedrag 'hoog' is. Toegestaan: {toegestaan}."
        )
    if isinstance(grens, str):
        if grens == "mediaan" and mediaan_mag:
            return "mediaan"
        if grens == "mediaan":
            raise ValueError(
                "grens: 'mediaan' kan alleen bij klantgroepen() voor een hele tabel, niet "
                f"voor één account. Toegestaan: {toegestaan}."
            )
        fout = ValueError if mediaan_mag else TypeError
        raise fout(
            f"grens: {toon(grens)} is geen getal en geen bekende keuze. Toegestaan: {toegestaan}."
        )
    if isinstance(grens, tuple | list):
        if len(grens) != 2:
            raise ValueError(
                f"grens: {toon(grens)} heeft {len(grens)} waarde(n). Toegestaan: {toegestaan}."
            )
        paar = []
        for waarde, as_naam in zip(grens, ("relatie", "koop"), strict=True):
            if isinstance(waarde, bool) or not isinstance(waarde, numbers.Real):
                raise TypeError(
                    f"grens: de grens voor {as_naam} ({toon(waarde)}) is geen getal. "
                    f"Toegestaan: {toegestaan}."
                )
            paar.append(float(controleer_getal(waarde, f"grens ({as_naam})")))
        return paar[0], paar[1]
    if isinstance(grens, bool) or not isinstance(grens, numbers.Real):
        raise TypeError(f"grens: {toon(grens)} is geen getal. Toegestaan: {toegestaan}.")
    enkel = float(controleer_getal(grens, "grens"))
    return enkel, enkel


def klantgroep(relatiegedrag: float, koopgedrag: float, grens: float | Sequence[float]) -> str:
    """Bepaal de klantgroep van één account: Partner, Vriend, Economicus of Dog.

    Parameters
    ----------
    relatiegedrag : getal
        Hoe actief de klant de relatie met jou onderhoudt (bijvoorbeeld een score
        van 1 tot 10). De schaal ligt niet vast.
    koopgedrag : getal
        Hoeveel de klant bij jou koopt (bijvoorbeeld een score, of je aandeel in
        zijn inkoop).
    grens : getal of (grens_relatie, grens_koop)
        Vanaf welke waarde een gedrag **hoog** is. Eén getal geldt voor beide
        assen; met een paar kies je per as een eigen grens.

    Returns
    -------
    str
        ``"Partner"`` (relatie hoog, kopen hoog), ``"Vriend"`` (relatie hoog,
        kopen laag), ``"Economicus"`` (relatie laag, kopen hoog) of ``"Dog"``
        (beide laag).

    Raises
    ------
    TypeError
        Als een argument geen getal is (of ``grens`` geen getal of paar getallen).
    ValueError
        Als een getal niet eindig is (NaN of oneindig), of als ``grens`` geen
        twee waarden heeft.

    See Also
    --------
    klantgroepen : dezelfde indeling voor een hele tabel accounts.

    Notes
    -----
    De grens is **inclusief**: een waarde precies gelijk aan de grens telt als
    hoog. Met ``grens=6`` is een relatiegedrag van 6 dus hoog, en 5,9 laag.

    Examples
    --------
    >>> klantgroep(8, 9, grens=6)
    'Partner'
    >>> klantgroep(8, 4, grens=6)
    'Vriend'
    >>> klantgroep(3, 6, grens=6)
    'Economicus'
    >>> klantgroep(3, 40, grens=(6, 50))
    'Dog'
    >>> klantgroep(8, 9, grens="hoog")
    Traceback (most recent call last):
    ...
    TypeError: grens: 'hoog' is geen getal en geen bekende keuze. Toegestaan: een getal (dezelfde grens voor relatiegedrag en koopgedrag) of een paar (grens_relatie, grens_koop).
    """
    relatie = controleer_getal(relatiegedrag, "relatiegedrag")
    koop = controleer_getal(koopgedrag, "koopgedrag")
    grens_relatie, grens_koop = _controleer_grens(grens, mediaan_mag=False)
    return KLANTGROEPEN[_code(relatie >= grens_relatie, koop >= grens_koop)]


def _code(hoog_relatie: Any, hoog_koop: Any) -> Any:
    """Positie in KLANTGROEPEN: 0 Partner, 1 Vriend, 2 Economicus, 3 Dog (ook voor arrays)."""
    return 2 * (1 - np.asarray(hoog_relatie, dtype=int)) + (1 - np.asarray(hoog_koop, dtype=int))


def _kolom(df: pd.DataFrame, kolom: Any, naam: str) -> pd.Series:
    """Haal een kolom uit df, met een Nederlandse fout als die niet bestaat."""
    if isinstance(kolom, pd.Series | pd.DataFrame | list | np.ndarray):
        raise TypeError(
            f"{naam}: geef de naam van een kolom van df, geen {type(kolom).__name__}. "
            "Wil je twee losse Series gebruiken, laat df dan weg: "
            "klantgroepen(relatie=..., koop=..., grens=...)."
        )
    try:
        bestaat = kolom in df.columns
    except TypeError:
        bestaat = False
    if not bestaat:
        raise ValueError(
            f"{naam}: kolom {toon(kolom)} staat niet in df. "
            f"Beschikbaar: {opsomming([toon(k) for k in df.columns], 10)}."
        )
    if (df.columns == kolom).sum() > 1:
        raise ValueError(f"{naam}: kolom {toon(kolom)} komt meer dan eens voor in df.")
    return df[kolom]


def klantgroepen(
    df: pd.DataFrame | None = None,
    relatie: Any = "relatiegedrag",
    koop: Any = "koopgedrag",
    grens: float | Sequence[float] | str | None = None,
) -> pd.Series:
    """Deel een hele tabel accounts in de vier klantgroepen in.

    Parameters
    ----------
    df : pandas.DataFrame, optioneel
        Eén rij per account. Laat ``df`` weg als je ``relatie`` en ``koop`` als
        twee losse pandas Series meegeeft.
    relatie : kolomnaam of pandas.Series, standaard ``"relatiegedrag"``
        De kolom (of Series) met het actieve relatiegedrag.
    koop : kolomnaam of pandas.Series, standaard ``"koopgedrag"``
        De kolom (of Series) met het koopgedrag.
    grens : getal, (grens_relatie, grens_koop) of ``"mediaan"``
        Vanaf welke waarde een gedrag **hoog** is (inclusief). Verplicht: je
        kiest zelf wat "hoog" betekent. Met ``"mediaan"`` is de grens per as de
        mediaan van die kolom, zodat ongeveer de helft van de accounts hoog
        scoort (precies op de mediaan telt als hoog).

    Returns
    -------
    pandas.Series
        Categorische Series met de naam ``"klantgroep"``, dezelfde index als de
        invoer en de categorieën uit :data:`KLANTGROEPEN` in vaste volgorde
        (ook groepen zonder accounts). De gebruikte grenzen staan in
        ``uitkomst.attrs["grens"]`` als (grens_relatie, grens_koop), handig
        voor een grafiek.

    Raises
    ------
    TypeError
        Als ``df`` geen DataFrame is, een kolom tekst of True/False bevat, of
        ``grens`` ontbreekt of geen getal is.
    ValueError
        Als een kolom niet bestaat, een waarde ontbreekt of oneindig is, de
        tabel leeg is, de twee Series niet dezelfde index hebben, of ``grens``
        een onbekende tekst is.

    See Also
    --------
    klantgroep : dezelfde indeling voor één account.

    Examples
    --------
    >>> import pandas as pd
    >>> accounts = pd.DataFrame(
    ...     {"relatiegedrag": [8, 7, 3, 2], "koopgedrag": [9, 2, 8, 4]},
    ...     index=["Bakker BV", "De Vries", "Jansen", "Smit"],
    ... )
    >>> klantgroepen(accounts, grens=6)
    Bakker BV       Partner
    De Vries         Vriend
    Jansen       Economicus
    Smit                Dog
    Name: klantgroep, dtype: category
    Categories (4, str): ['Partner', 'Vriend', 'Economicus', 'Dog']
    >>> klantgroepen(accounts, grens="mediaan").attrs["grens"]
    (5.0, 6.0)
    >>> klantgroepen(accounts, grens="mediaan").value_counts(sort=False).to_dict()
    {'Partner': 1, 'Vriend': 1, 'Economicus': 1, 'Dog': 1}
    """
    if df is None:
        for waarde, naam in ((relatie, "relatie"), (koop, "koop")):
            if not isinstance(waarde, pd.Series):
                raise TypeError(
                    f"{naam}: zonder df verwacht ik een pandas Series, kreeg "
                    f"{type(waarde).__name__} ({toon(waarde)[:40]}). Geef df mee met "
                    "kolomnamen, of geef relatie en koop allebei als Series."
                )
        if len(relatie) != len(koop) or not relatie.index.equals(koop.index):
            verschil = (
                f"relatie heeft {len(relatie)} rijen en koop {len(koop)}"
                if len(relatie) != len(koop)
                else "hun index verschilt"
            )
            raise ValueError(
                f"relatie en koop: de twee Series horen bij dezelfde accounts, maar {verschil}. "
                "Toegestaan: twee Series met precies dezelfde index, of één DataFrame met "
                "twee kolommen."
            )
        reeks_relatie, reeks_koop = relatie, koop
    elif isinstance(df, pd.DataFrame):
        reeks_relatie = _kolom(df, relatie, "relatie")
        reeks_koop = _kolom(df, koop, "koop")
    else:
        raise TypeError(
            f"df: verwacht een pandas DataFrame met één rij per account, kreeg {type(df).__name__}."
        )
    if len(reeks_relatie) == 0:
        raise ValueError(
            "df: er zijn geen accounts (0 rijen). Nodig: minstens één account om in te delen."
        )
    tabel = pd.DataFrame(
        {"relatie": reeks_relatie.array, "koop": reeks_koop.array},
        index=reeks_relatie.index,
    )
    tabel.columns = [
        reeks_relatie.name if df is not None else "relatie",
        reeks_koop.name if df is not None else "koop",
    ]
    getallen = _als_getallen(
        tabel, "df" if df is not None else "relatie/koop", rijwoord="rij", kolomwoord="kolom"
    )
    waarden_relatie = getallen.iloc[:, 0].to_numpy()
    waarden_koop = getallen.iloc[:, 1].to_numpy()

    gekozen = _controleer_grens(grens, mediaan_mag=True)
    if gekozen == "mediaan":
        grens_relatie = float(np.median(waarden_relatie))
        grens_koop = float(np.median(waarden_koop))
    else:
        grens_relatie, grens_koop = gekozen

    codes = _code(waarden_relatie >= grens_relatie, waarden_koop >= grens_koop)
    uitkomst = pd.Series(
        pd.Categorical.from_codes(codes, categories=list(KLANTGROEPEN)),
        index=reeks_relatie.index,
        name="klantgroep",
    )
    uitkomst.attrs["grens"] = (grens_relatie, grens_koop)
    return uitkomst


# ---------------------------------------------------------------------------
# ABC-analyse
# ---------------------------------------------------------------------------


def _controleer_abc_grenzen(grenzen: Any) -> tuple[float, float]:
    """Controleer (grens_a, grens_b): 0 < grens_a < grens_b <= 1."""
    toegestaan = (
        "twee aandelen (grens_a, grens_b) met 0 < grens_a < grens_b ≤ 1, bijvoorbeeld (0.8, 0.95)"
    )
    if not isinstance(grenzen, tuple | list) or len(grenzen) != 2:
        raise TypeError(
            f"grenzen: {toon(grenzen)} is geen paar getallen. Toegestaan: {toegestaan}."
        )
    for waarde in grenzen:
        if isinstance(waarde, bool) or not isinstance(waarde, numbers.Real):
            raise TypeError(f"grenzen: {toon(waarde)} is geen getal. Toegestaan: {toegestaan}.")
        controleer_getal(waarde, "grenzen")
    grens_a, grens_b = (float(g) for g in grenzen)
    if grens_a > 1 or grens_b > 1:
        raise ValueError(
            f"grenzen: {toon(tuple(grenzen))} bevat een waarde boven 1. Geef aandelen, geen "
            f"procenten: 0.8 voor 80%. Toegestaan: {toegestaan}."
        )
    if not (0 < grens_a < grens_b <= 1):
        raise ValueError(f"grenzen: {toon(tuple(grenzen))} past niet. Toegestaan: {toegestaan}.")
    return grens_a, grens_b


def abc_analyse(
    waarden: pd.Series | Mapping[Any, float], grenzen: Sequence[float] = (0.8, 0.95)
) -> pd.DataFrame:
    """ABC-analyse (Pareto): deel accounts in klasse A, B of C op hun aandeel in het totaal.

    Parameters
    ----------
    waarden : pandas.Series of dict
        Per account één waarde, bijvoorbeeld de jaaromzet of de marge. De index
        (of de sleutel) is het account. Waarden zijn 0 of meer; het totaal moet
        groter dan 0 zijn. Staan er losse orders in (een account meer dan eens),
        tel dan eerst op per account, bijvoorbeeld
        ``orders.groupby("account")["omzet"].sum()``.
    grenzen : (grens_a, grens_b), standaard (0.8, 0.95)
        Cumulatieve aandelen (tussen 0 en 1, dus 0.8 voor 80%) waar klasse A en
        klasse B eindigen.

    Returns
    -------
    pandas.DataFrame
        Eén rij per account, gesorteerd van hoogste naar laagste waarde, met de
        kolommen ``waarde``, ``aandeel`` (deel van het totaal),
        ``cumulatief_aandeel`` (opgeteld tot en met dit account) en ``klasse``
        (categorisch: ``"A"``, ``"B"`` of ``"C"``).

    Raises
    ------
    TypeError
        Als ``waarden`` geen Series of dict is, tekst of True/False bevat, of
        ``grenzen`` geen paar getallen is.
    ValueError
        Bij een lege reeks, een ontbrekende, oneindige of negatieve waarde,
        dubbele accounts, een totaal van 0, of grenzen die niet passen.

    Notes
    -----
    De afspraak voor de klasse kijkt naar het cumulatieve aandeel **vóór** het
    account:

    * A als het aandeel vóór het account kleiner is dan ``grens_a``;
    * B als het aandeel vóór het account kleiner is dan ``grens_b``;
    * anders C.

    Het account dat de grens van 80% passeert, hoort dus nog bij A: het levert
    de omzet waarmee A de 80% haalt. Daardoor is er altijd minstens één
    A-account, en lopen de klassen in de gesorteerde volgorde altijd A → B → C.
    De aandelen zijn afgerond op 12 decimalen, zodat rekenruis (0,7999999… in
    plaats van 0,8) nooit de klasse bepaalt. Accounts met dezelfde waarde houden hun oorspronkelijke volgorde; valt een
    grens precies tussen twee gelijke waarden, dan kan de ene A en de andere B
    worden.

    Examples
    --------
    >>> import pandas as pd
    >>> omzet = pd.Series(
    ...     {"Smit": 5, "Bakker BV": 50, "Jansen": 10, "De Vries": 30, "Mulder": 5}
    ... )
    >>> abc_analyse(omzet)
               waarde  aandeel  cumulatief_aandeel klasse
    Bakker BV      50     0.50                0.50      A
    De Vries       30     0.30                0.80      A
    Jansen         10     0.10                0.90      B
    Smit            5     0.05                0.95      B
    Mulder          5     0.05                1.00      C
    """
    if isinstance(waarden, Mapping):
        waarden = pd.Series(dict(waarden))
    if not isinstance(waarden, pd.Series):
        raise TypeError(
            "waarden: verwacht een pandas Series (of dict) met per account één waarde, "
            f"kreeg {type(waarden).__name__}."
        )
    grens_a, grens_b = _controleer_abc_grenzen(grenzen)
    if len(waarden) == 0:
        raise ValueError(
            "waarden: er zijn geen accounts. Nodig: minstens één account met een waarde."
        )
    dubbel = _dubbele(waarden.index)
    if dubbel:
        raise ValueError(
            f"waarden: account {opsomming(dubbel)} komt meer dan eens voor. Toegestaan: één "
            "waarde per account; tel eerst op per account, bijvoorbeeld met "
            "orders.groupby('account')['omzet'].sum()."
        )
    getallen = _als_getallen(waarden.to_frame(), "waarden", kolomwoord=None).iloc[:, 0]
    negatief = getallen[getallen < 0]
    if len(negatief):
        lijst = [f"{toon(w)} (account {toon(a)})" for a, w in negatief.items()]
        raise ValueError(
            f"waarden: {len(negatief)} negatieve {'waarde' if len(negatief) == 1 else 'waarden'}: "
            f"{opsomming(lijst)}. Toegestaan: 0 of meer (een ABC-analyse verdeelt een positief "
            "totaal; zet creditnota's eerst bij de omzet van hetzelfde account)."
        )
    totaal = float(getallen.sum())
    if totaal <= 0:
        raise ValueError(
            "waarden: het totaal is 0, dus er is niets te verdelen. Toegestaan: waarden van 0 "
            "of meer met een totaal groter dan 0."
        )
    volgorde = np.argsort(-getallen.to_numpy(), kind="stable")
    gesorteerd = getallen.iloc[volgorde]
    opgeteld = gesorteerd.cumsum().to_numpy()
    cumulatief = np.round(opgeteld / totaal, _DECIMALEN_AANDEEL)
    voor = np.concatenate(([0.0], cumulatief[:-1]))
    klasse_code = np.where(voor < grens_a, 0, np.where(voor < grens_b, 1, 2))

    uitvoerwaarde = waarden if pd.api.types.is_numeric_dtype(waarden.dtype) else getallen
    return pd.DataFrame(
        {
            "waarde": uitvoerwaarde.iloc[volgorde].to_numpy(),
            "aandeel": np.round(gesorteerd.to_numpy() / totaal, _DECIMALEN_AANDEEL),
            "cumulatief_aandeel": cumulatief,
            "klasse": pd.Categorical.from_codes(klasse_code, categories=list(ABC_KLASSEN)),
        },
        index=gesorteerd.index,
    )


def abc_samenvatting(abc_tabel: pd.DataFrame) -> pd.DataFrame:
    """Vat een ABC-analyse samen: per klasse het aantal accounts en hun aandeel.

    Parameters
    ----------
    abc_tabel : pandas.DataFrame
        De uitkomst van :func:`abc_analyse` (minstens de kolommen ``waarde`` en
        ``klasse``).

    Returns
    -------
    pandas.DataFrame
        Eén rij per klasse (A, B, C, ook als een klasse leeg is) met de kolommen
        ``aantal_accounts``, ``aandeel_accounts`` (deel van alle accounts),
        ``waarde`` (opgeteld) en ``aandeel_waarde`` (deel van de totale waarde).

    Raises
    ------
    TypeError
        Als ``abc_tabel`` geen DataFrame is of de waarden geen getallen zijn.
    ValueError
        Als een kolom ontbreekt, de tabel leeg is, een klasse niet A, B of C is,
        of de waarden niet kloppen (ontbrekend, negatief of totaal 0).

    Examples
    --------
    >>> import pandas as pd
    >>> omzet = pd.Series({"Bakker BV": 50, "De Vries": 30, "Jansen": 10, "Smit": 5, "Mulder": 5})
    >>> abc_samenvatting(abc_analyse(omzet))  # doctest: +NORMALIZE_WHITESPACE
            aantal_accounts  aandeel_accounts  waarde  aandeel_waarde
    klasse
    A                     2               0.4    80.0            0.80
    B                     2               0.4    15.0            0.15
    C                     1               0.2     5.0            0.05
    """
    if not isinstance(abc_tabel, pd.DataFrame):
        raise TypeError(
            "abc_tabel: verwacht de tabel die abc_analyse() teruggeeft (een pandas DataFrame), "
            f"kreeg {type(abc_tabel).__name__}."
        )
    ontbreekt = [k for k in ("waarde", "klasse") if k not in abc_tabel.columns]
    if ontbreekt:
        raise ValueError(
            f"abc_tabel: kolom {opsomming([repr(k) for k in ontbreekt])} ontbreekt. Nodig: de "
            "kolommen 'waarde' en 'klasse', zoals abc_analyse() ze maakt."
        )
    if len(abc_tabel) == 0:
        raise ValueError("abc_tabel: de tabel is leeg. Nodig: minstens één account.")
    klassen = abc_tabel["klasse"].astype(object)
    fout = [f"{toon(k)} (account {toon(a)})" for a, k in klassen.items() if k not in ABC_KLASSEN]
    if fout:
        raise ValueError(
            f"abc_tabel: onbekende klasse {opsomming(fout)}. Toegestaan: 'A', 'B' of 'C'."
        )
    waarde = _als_getallen(abc_tabel[["waarde"]], "abc_tabel", kolomwoord="kolom").iloc[:, 0]
    if (waarde < 0).any() or waarde.sum() <= 0:
        raise ValueError(
            "abc_tabel: de kolom 'waarde' bevat negatieve waarden of telt op tot 0. "
            "Toegestaan: waarden van 0 of meer met een totaal groter dan 0."
        )
    per_klasse = waarde.groupby(klassen.to_numpy()).agg(["size", "sum"])
    per_klasse = per_klasse.reindex(list(ABC_KLASSEN), fill_value=0)
    samenvatting = pd.DataFrame(
        {
            "aantal_accounts": per_klasse["size"].astype("int64"),
            "aandeel_accounts": per_klasse["size"] / len(abc_tabel),
            "waarde": per_klasse["sum"].astype("float64"),
            "aandeel_waarde": per_klasse["sum"] / float(waarde.sum()),
        }
    )
    samenvatting.index.name = "klasse"
    return samenvatting
