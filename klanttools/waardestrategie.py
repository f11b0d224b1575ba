"""Strategie-fit: welke waardestrategie kiest een bedrijf, en past CRM daarbij.

Treacy en Wiersema onderscheiden drie manieren waarop een bedrijf waarde voor
zijn klanten kan toevoegen, de drie *waardestrategieën* (value disciplines):

* **operational excellence**: de laagste *totale kosten* voor de klant, door
  betrouwbaar, goedkoop en zonder gedoe te leveren (dus niet "de kwaliteit van
  de dienstverlening", zoals sommige samenvattingen schrijven);
* **customer intimacy**: de beste *totaaloplossing* voor zorgvuldig gekozen
  klanten, op maat, met oog voor de waarde van de relatie op lange termijn
  (lifetime value) in plaats van die van één transactie;
* **product leadership**: het beste *product*, door een voortdurende stroom
  vernieuwingen die snel op de markt komt.

Een succesvol bedrijf haalt op alle drie minstens een aanvaardbaar niveau (de
drempel) en blinkt uit in precies één. CRM als bedrijfsstrategie past bij
customer intimacy: bij operational excellence zijn er weinig dialogen en
een-op-eenrelaties, bij product leadership gaat snelheid naar de markt boven het
opbouwen van relaties.

**Let op: dit is een lesinstrument, geen gevalideerde meetschaal.** Er bestaat
geen standaard vragenlijst met een scoringsregel die de waardestrategie van een
bedrijf vaststelt. De stellingen, de drempel (3,0) en de vereiste voorsprong
(0,75 punt) in deze module zijn voor de les gekozen, om het denken over
strategie en CRM concreet te maken. Gebruik de uitkomst als startpunt voor een
gesprek, niet als diagnose. Het enige gepubliceerde meetinstrument rond de
waardestrategieën, dat van Dannhauser en Roodt (2001), meet voorkeuren van
*klanten* en niet de strategie van het bedrijf; het dient hier alleen als
achtergrond.

Bronnen
-------
* Treacy, M. & Wiersema, F. (1993). Customer intimacy and other value
  disciplines. *Harvard Business Review*, 71(1), 84–93.
* Treacy, M. & Wiersema, F. (1995). *The Discipline of Market Leaders*.
  Reading (MA): Addison-Wesley.
* Dannhauser, Z. & Roodt, G. (2001). Value disciplines: measuring customer
  preferences. *SA Journal of Industrial Psychology*, 27(1).

Examples
--------
>>> bedrijf = VOORBEELDBEDRIJVEN["Brinkman ICT-partners"]
>>> p = profiel(bedrijf.antwoorden)
>>> p
{'operational_excellence': 3.4, 'customer_intimacy': 4.6, 'product_leadership': 3.2}
>>> b = beoordeel(p)
>>> b.dominant, b.crm_fit
('customer_intimacy', True)
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from klanttools._controle import controleer_getal, getal_nl, opsomming, toon

__all__ = [
    "DISCIPLINES",
    "NAMEN",
    "SCHAAL",
    "STELLINGEN",
    "VOORBEELDBEDRIJVEN",
    "Beoordeling",
    "Stelling",
    "Voorbeeldbedrijf",
    "beoordeel",
    "profiel",
    "vragenlijst",
]

DISCIPLINES: tuple[str, ...] = (
    "operational_excellence",
    "customer_intimacy",
    "product_leadership",
)
"""De drie waardestrategieën van Treacy en Wiersema, als sleutels zonder spaties."""

NAMEN: dict[str, str] = {
    "operational_excellence": "Operational excellence (beste totale kosten)",
    "customer_intimacy": "Customer intimacy (beste totaaloplossing)",
    "product_leadership": "Product leadership (beste product)",
}
"""Weergavenaam per waardestrategie, voor tabellen, grafieken en widgets."""

_KORT: dict[str, str] = {
    "operational_excellence": "operational excellence",
    "customer_intimacy": "customer intimacy",
    "product_leadership": "product leadership",
}

SCHAAL: dict[int, str] = {
    1: "helemaal mee oneens",
    2: "mee oneens",
    3: "neutraal",
    4: "mee eens",
    5: "helemaal mee eens",
}
"""De antwoordschaal (Likert 1–5) bij elke stelling."""

_EPS = 1e-9
"""Marge tegen afrondingsfouten bij het vergelijken van gemiddelden."""


@dataclass(frozen=True)
class Stelling:
    """Eén stelling uit de vragenlijst.

    Attributes
    ----------
    code : str
        Korte code, bijvoorbeeld ``"OE1"``; de sleutel in ``antwoorden``.
    discipline : str
        De waardestrategie waar de stelling bij hoort (een van `DISCIPLINES`).
    tekst : str
        De stelling zelf, geschreven vanuit het bedrijf ("Wij ...").

    Examples
    --------
    >>> STELLINGEN[0].code, STELLINGEN[0].discipline
    ('OE1', 'operational_excellence')
    """

    code: str
    discipline: str
    tekst: str


STELLINGEN: tuple[Stelling, ...] = (
    # Operational excellence: laagste totale kosten, betrouwbaar, gemakkelijk.
    Stelling(
        "OE1",
        "operational_excellence",
        "Wij zijn voor een vergelijkbaar product goedkoper dan de meeste concurrenten.",
    ),
    Stelling(
        "OE2",
        "operational_excellence",
        "Wij handelen elke bestelling volgens vaste, gestandaardiseerde stappen af.",
    ),
    Stelling(
        "OE3",
        "operational_excellence",
        "Wij leveren vrijwel altijd op de beloofde dag, compleet en zonder fouten.",
    ),
    Stelling(
        "OE4",
        "operational_excellence",
        "Wij maken bestellen en betalen voor de klant zo snel en eenvoudig mogelijk.",
    ),
    Stelling(
        "OE5",
        "operational_excellence",
        "Wij zoeken voortdurend naar manieren om kosten in de hele keten te verlagen.",
    ),
    # Customer intimacy: beste totaaloplossing, maatwerk, waarde van de relatie.
    Stelling(
        "CI1",
        "customer_intimacy",
        "Wij passen ons aanbod aan op de situatie van elke afzonderlijke klant.",
    ),
    Stelling(
        "CI2",
        "customer_intimacy",
        "Wij kiezen bewust voor een beperkte groep klanten die wij door en door kennen.",
    ),
    Stelling(
        "CI3",
        "customer_intimacy",
        "Wij vinden een relatie die jaren meegaat belangrijker dan de winst op één order.",
    ),
    Stelling(
        "CI4",
        "customer_intimacy",
        "Wij leggen vast wat wij over elke klant weten en gebruiken dat bij elk contact.",
    ),
    Stelling(
        "CI5",
        "customer_intimacy",
        "Wij denken mee over de problemen van de klant, ook buiten ons eigen product.",
    ),
    # Product leadership: beste product, stroom vernieuwingen, snel naar de markt.
    Stelling(
        "PL1",
        "product_leadership",
        "Wij brengen vaker nieuwe producten op de markt dan onze concurrenten.",
    ),
    Stelling(
        "PL2",
        "product_leadership",
        "Wij steken een groot deel van ons budget in onderzoek en ontwikkeling.",
    ),
    Stelling(
        "PL3",
        "product_leadership",
        "Wij vervangen onze eigen producten liever zelf door iets beters dan dat een "
        "concurrent dat doet.",
    ),
    Stelling(
        "PL4",
        "product_leadership",
        "Wij brengen een nieuw idee snel op de markt, ook als nog niet alles af is.",
    ),
    Stelling(
        "PL5",
        "product_leadership",
        "Wij willen dat klanten voor ons kiezen omdat ons product het beste of nieuwste is.",
    ),
)
"""De vijftien stellingen (vijf per waardestrategie), elk te beantwoorden met 1–5."""

_CODES: tuple[str, ...] = tuple(s.code for s in STELLINGEN)
_CODES_TEKST = "OE1–OE5, CI1–CI5 en PL1–PL5"


def vragenlijst() -> pd.DataFrame:
    """Geef de stellingen als tabel, klaar om in te vullen of te tonen.

    Returns
    -------
    pandas.DataFrame
        Eén rij per stelling met index ``code`` en de kolommen ``discipline``
        (sleutel uit `DISCIPLINES`), ``waardestrategie`` (weergavenaam) en
        ``stelling`` (de tekst). Antwoord per stelling met 1 (helemaal mee
        oneens) tot en met 5 (helemaal mee eens), zie `SCHAAL`.

    Examples
    --------
    >>> tabel = vragenlijst()
    >>> tabel.shape
    (15, 3)
    >>> tabel.loc["CI3", "discipline"]
    'customer_intimacy'
    >>> tabel["discipline"].value_counts().tolist()
    [5, 5, 5]
    """
    tabel = pd.DataFrame(
        {
            "code": [s.code for s in STELLINGEN],
            "discipline": [s.discipline for s in STELLINGEN],
            "waardestrategie": [NAMEN[s.discipline] for s in STELLINGEN],
            "stelling": [s.tekst for s in STELLINGEN],
        }
    )
    return tabel.set_index("code")


def _als_dict(waarden: Any, naam: str, voorbeeld: str) -> dict[Any, Any]:
    """Zet een dict of pandas Series om in een gewone dict, met een nette fout."""
    if isinstance(waarden, pd.Series):
        if waarden.index.has_duplicates:
            dubbel = sorted({str(k) for k in waarden.index[waarden.index.duplicated()]})
            raise ValueError(
                f"{naam}: de index bevat dubbele sleutels: {opsomming(dubbel)}. "
                "Elke sleutel mag maar één keer voorkomen."
            )
        return dict(waarden.items())
    if isinstance(waarden, Mapping):
        return dict(waarden)
    raise TypeError(
        f"{naam}: verwacht een dict (of pandas Series), kreeg {type(waarden).__name__}. "
        f"Voorbeeld: {voorbeeld}."
    )


def profiel(antwoorden: Mapping[str, int] | pd.Series) -> dict[str, float]:
    """Bereken per waardestrategie het gemiddelde antwoord op de stellingen.

    Parameters
    ----------
    antwoorden : dict of pandas.Series
        Per stellingcode (``"OE1"`` … ``"PL5"``, zie `STELLINGEN`) een heel getal
        van 1 (helemaal mee oneens) tot en met 5 (helemaal mee eens). Alle
        vijftien stellingen moeten beantwoord zijn.

    Returns
    -------
    dict of str to float
        Gemiddelde score per waardestrategie, met de sleutels in de volgorde van
        `DISCIPLINES`.

    Raises
    ------
    TypeError
        Als ``antwoorden`` geen dict/Series is of een antwoord geen getal is.
    ValueError
        Bij onbekende of ontbrekende codes, of een antwoord dat geen heel getal
        van 1 tot en met 5 is. De melding somt de foute codes op.

    Examples
    --------
    >>> antwoorden = {s.code: 3 for s in STELLINGEN}
    >>> antwoorden.update({"PL1": 5, "PL2": 5, "PL3": 4})
    >>> profiel(antwoorden)
    {'operational_excellence': 3.0, 'customer_intimacy': 3.0, 'product_leadership': 4.0}
    >>> profiel({"OE1": 4})
    Traceback (most recent call last):
    ...
    ValueError: antwoorden: de codes OE2, OE3, OE4, OE5, CI1 en nog 9 andere ontbreken. Elke stelling heeft een antwoord nodig: OE1–OE5, CI1–CI5 en PL1–PL5.
    """
    antwoorden = _als_dict(antwoorden, "antwoorden", "{'OE1': 4, 'OE2': 5, ...}")

    problemen = []
    onbekend = [k for k in antwoorden if k not in _CODES]
    if onbekend:
        woord = "code" if len(onbekend) == 1 else "codes"
        problemen.append(
            f"onbekende {woord} {opsomming([toon(k) for k in onbekend])}. "
            f"Toegestaan zijn alleen {_CODES_TEKST}"
        )
    ontbreekt = [c for c in _CODES if c not in antwoorden]
    if ontbreekt:
        if len(ontbreekt) == 1:
            tekst = f"de code {ontbreekt[0]} ontbreekt"
        else:
            tekst = f"de codes {opsomming(ontbreekt)} ontbreken"
        problemen.append(f"{tekst}. Elke stelling heeft een antwoord nodig: {_CODES_TEKST}")
    if problemen:
        raise ValueError("antwoorden: " + "; ".join(problemen) + ".")

    toegestaan = "een heel getal van 1 (helemaal mee oneens) tot en met 5 (helemaal mee eens)"
    geen_getal = [
        f"{c}={toon(antwoorden[c])}"
        for c in _CODES
        if isinstance(antwoorden[c], bool) or not isinstance(antwoorden[c], numbers.Real)
    ]
    if geen_getal:
        raise TypeError(
            f"antwoorden: {opsomming(geen_getal)} "
            f"{'is geen getal' if len(geen_getal) == 1 else 'zijn geen getallen'}. "
            f"Toegestaan: {toegestaan}."
        )
    fout = []
    for c in _CODES:
        w = antwoorden[c]
        if not math.isfinite(float(w)) or float(w) != int(w) or not 1 <= w <= 5:
            fout.append(f"{c}={toon(w)}")
    if fout:
        raise ValueError(
            f"antwoorden: {opsomming(fout)} "
            f"{'is geen geldig antwoord' if len(fout) == 1 else 'zijn geen geldige antwoorden'}. "
            f"Toegestaan: {toegestaan}."
        )

    uitkomst: dict[str, float] = {}
    for d in DISCIPLINES:
        scores = [int(antwoorden[s.code]) for s in STELLINGEN if s.discipline == d]
        uitkomst[d] = round(sum(scores) / len(scores), 10)
    return uitkomst


@dataclass(frozen=True)
class Beoordeling:
    """Het oordeel over een strategieprofiel (uitkomst van `beoordeel`).

    ``print(beoordeling)`` toont de uitleg.

    Attributes
    ----------
    profiel : dict of str to float
        Het beoordeelde profiel (gemiddelde 1–5 per waardestrategie).
    dominant : str or None
        De waardestrategie die minstens ``voorsprong`` punt voor ligt op de
        nummer twee, of ``None`` als geen enkele strategie zo duidelijk leidt.
    verschil : float
        Hoeveel punt de hoogste strategie voor ligt op de nummer twee.
    volgorde : tuple of str
        De strategieën van hoog naar laag (bij gelijke score in de volgorde
        van `DISCIPLINES`).
    drempel_gehaald : dict of str to bool
        Per strategie: haalt de score minstens ``drempel``?
    strategie_fit : bool
        True als er een dominante strategie is én alle drie de drempel halen
        (uitblinken in één, op orde in alle drie).
    crm_fit : bool
        True als customer intimacy dominant is én alle drie de drempel halen.
    uitleg : str
        Uitleg in gewone zinnen.
    drempel, voorsprong : float
        De instellingen waarmee beoordeeld is.
    """

    profiel: dict[str, float]
    dominant: str | None
    verschil: float
    volgorde: tuple[str, ...]
    drempel_gehaald: dict[str, bool]
    strategie_fit: bool
    crm_fit: bool
    uitleg: str = field(repr=False)
    drempel: float = 3.0
    voorsprong: float = 0.75

    def __str__(self) -> str:
        """Geef de uitleg, zodat ``print(beoordeling)`` leesbare tekst toont."""
        return self.uitleg


def _score(x: float) -> str:
    """Score met komma, één of twee decimalen (4,2 en 3,25; niet 4,20)."""
    tekst = getal_nl(x, 2)
    return tekst[:-1] if tekst.endswith("0") else tekst


def _controleer_profiel(profiel: Any) -> dict[str, float]:
    profiel = _als_dict(
        profiel,
        "profiel",
        "{'operational_excellence': 4.2, 'customer_intimacy': 2.8, 'product_leadership': 3.0}",
    )
    onbekend = [k for k in profiel if k not in DISCIPLINES]
    if onbekend:
        hint = ""
        if all(k in _CODES for k in profiel):
            hint = " Dit lijken losse antwoorden: bereken eerst profiel(antwoorden)."
        raise ValueError(
            f"profiel: onbekende sleutel(s) {opsomming([toon(k) for k in onbekend])}. "
            f"Toegestaan: {opsomming([repr(d) for d in DISCIPLINES])}.{hint}"
        )
    ontbreekt = [d for d in DISCIPLINES if d not in profiel]
    if ontbreekt:
        raise ValueError(
            f"profiel: sleutel(s) {opsomming([repr(d) for d in ontbreekt])} ontbreken. "
            f"Nodig: alle drie, {opsomming([repr(d) for d in DISCIPLINES])}."
        )
    return {
        d: float(controleer_getal(profiel[d], f"profiel[{d!r}]", minimum=1, maximum=5))
        for d in DISCIPLINES
    }


def _crm_zin(dominant: str | None, alles_op_orde: bool, p: dict[str, float]) -> str:
    if dominant == "customer_intimacy" and alles_op_orde:
        return (
            "CRM als bedrijfsstrategie past hier: bij customer intimacy draait alles om "
            "maatwerk voor gekozen klanten en om de waarde van een relatie over vele jaren, "
            "en precies daarvoor is CRM bedoeld."
        )
    if dominant == "customer_intimacy":
        return (
            "De keuze voor customer intimacy past bij CRM, maar de basis is nog niet op orde: "
            "werk eerst de strategieën onder de drempel bij, anders worden beloften aan "
            "klanten niet waargemaakt. Pas dan is CRM als strategie een goede zet."
        )
    if dominant == "operational_excellence":
        return (
            "CRM als bedrijfsstrategie past hier minder goed: operational excellence draait "
            "om lage totale kosten en standaardwerk, met weinig dialoog en nauwelijks "
            "een-op-eenrelaties met klanten."
        )
    if dominant == "product_leadership":
        return (
            "CRM als bedrijfsstrategie past hier minder goed: bij product leadership gaat "
            "het erom vernieuwingen zo snel mogelijk op de markt te brengen, niet om "
            "persoonlijke relaties met individuele klanten."
        )
    hoogste = [d for d in DISCIPLINES if p[d] >= max(p.values()) - _EPS]
    extra = ""
    if hoogste == ["customer_intimacy"]:
        extra = (
            " Customer intimacy scoort al het hoogst; wordt die keuze duidelijker, dan ligt "
            "CRM voor de hand."
        )
    elif "customer_intimacy" in hoogste and len(hoogste) < len(DISCIPLINES):
        (ander,) = (d for d in hoogste if d != "customer_intimacy")
        extra = (
            f" Customer intimacy deelt de hoogste score met {_KORT[ander]}; kiest het bedrijf "
            "daar duidelijk voor, dan ligt CRM voor de hand."
        )
    elif "customer_intimacy" in hoogste:
        extra = (
            " Alle drie de strategieën scoren even hoog; kiest het bedrijf duidelijk voor "
            "customer intimacy, dan ligt CRM voor de hand."
        )
    return (
        "Omdat geen strategie duidelijk leidt, is CRM als bedrijfsstrategie (nog) niet "
        "de logische stap: kies eerst waarin het bedrijf wil uitblinken." + extra
    )


def beoordeel(
    profiel: Mapping[str, float] | pd.Series,
    drempel: float = 3.0,
    voorsprong: float = 0.75,
) -> Beoordeling:
    """Beoordeel een strategieprofiel: welke strategie leidt er, en past CRM.

    Een strategie is *dominant* als haar score minstens ``voorsprong`` punt
    hoger is dan die van de nummer twee (en echt hoger: bij een gelijke stand
    is er ook met ``voorsprong=0`` geen dominante strategie). CRM past
    (``crm_fit``) als customer intimacy dominant is en alle drie de
    strategieën minstens ``drempel`` scoren.

    Parameters
    ----------
    profiel : dict of pandas.Series
        Precies de drie sleutels uit `DISCIPLINES`, elk met een score van 1 tot
        en met 5; meestal de uitkomst van `profiel`.
    drempel : float, default 3.0
        Het minimale niveau (1 tot en met 5) dat elke strategie moet halen.
    voorsprong : float, default 0.75
        Hoeveel punt (0 of meer) de leider minstens voor moet liggen op de
        nummer twee om dominant te zijn.

    Returns
    -------
    Beoordeling
        Met onder meer ``dominant``, ``drempel_gehaald``, ``crm_fit`` en een
        Nederlandse ``uitleg``.

    Raises
    ------
    TypeError
        Als ``profiel`` geen dict/Series is, of een score, ``drempel`` of
        ``voorsprong`` geen getal is.
    ValueError
        Bij een onbekende of ontbrekende sleutel, een score buiten 1–5, een
        ``drempel`` buiten 1–5 of een negatieve ``voorsprong``.

    Examples
    --------
    >>> b = beoordeel({"operational_excellence": 4.6,
    ...                "customer_intimacy": 3.0,
    ...                "product_leadership": 3.2})
    >>> b.dominant, b.strategie_fit, b.crm_fit
    ('operational_excellence', True, False)
    >>> print(b.uitleg)  # doctest: +NORMALIZE_WHITESPACE
    Operational excellence (beste totale kosten) staat bovenaan met 4,6, dat is 1,4 punt
    meer dan product leadership (3,2). Die voorsprong is minstens 0,75 punt: het bedrijf
    heeft een duidelijke keuze gemaakt. Alle drie de strategieën halen de drempel van 3,0,
    dus de basis is overal op orde. CRM als bedrijfsstrategie past hier minder goed:
    operational excellence draait om lage totale kosten en standaardwerk, met weinig
    dialoog en nauwelijks een-op-eenrelaties met klanten.
    >>> beoordeel({"operational_excellence": 4, "customer_intimacy": 4})
    Traceback (most recent call last):
    ...
    ValueError: profiel: sleutel(s) 'product_leadership' ontbreken. Nodig: alle drie, 'operational_excellence', 'customer_intimacy' en 'product_leadership'.
    """
    p = _controleer_profiel(profiel)
    drempel = float(controleer_getal(drempel, "drempel", minimum=1, maximum=5))
    voorsprong = float(controleer_getal(voorsprong, "voorsprong", minimum=0))

    volgorde = tuple(sorted(DISCIPLINES, key=lambda d: -p[d]))  # stabiel bij gelijke stand
    eerste, tweede = volgorde[0], volgorde[1]
    verschil = round(p[eerste] - p[tweede], 10)
    if verschil > _EPS and verschil >= voorsprong - _EPS:
        dominant: str | None = eerste
    else:
        dominant = None
    gehaald = {d: p[d] >= drempel - _EPS for d in DISCIPLINES}
    alles_op_orde = all(gehaald.values())
    strategie_fit = dominant is not None and alles_op_orde
    crm_fit = dominant == "customer_intimacy" and alles_op_orde

    zinnen = []
    if verschil <= _EPS:
        gelijk = [d for d in volgorde if abs(p[d] - p[eerste]) <= _EPS]
        zinnen.append(
            f"{opsomming([_KORT[d] for d in gelijk]).capitalize()} staan gelijk bovenaan "
            f"met {_score(p[eerste])}: er is geen strategie die eruit springt."
        )
    else:
        zinnen.append(
            f"{NAMEN[eerste]} staat bovenaan met {_score(p[eerste])}, dat is "
            f"{_score(verschil)} punt meer dan {_KORT[tweede]} ({_score(p[tweede])})."
        )
        if dominant is not None:
            zinnen.append(
                f"Die voorsprong is minstens {_score(voorsprong)} punt: het bedrijf heeft een "
                "duidelijke keuze gemaakt."
            )
        else:
            zinnen.append(
                f"Dat is minder dan de vereiste voorsprong van {_score(voorsprong)} punt, dus "
                "geen strategie leidt duidelijk."
            )
    if dominant is None:
        zinnen.append(
            "Een bedrijf dat overal een beetje goed in wil zijn en nergens in uitblinkt, "
            "loopt het risico 'stuck in the middle' te raken (een term van Porter)."
        )
    niet = [d for d in DISCIPLINES if not gehaald[d]]
    if not niet:
        zinnen.append(
            f"Alle drie de strategieën halen de drempel van {_score(drempel)}, dus de basis "
            "is overal op orde."
        )
    else:
        lijst = opsomming([f"{_KORT[d]} ({_score(p[d])})" for d in niet])
        werkwoord = "haalt" if len(niet) == 1 else "halen"
        zinnen.append(
            f"{lijst[0].upper()}{lijst[1:]} {werkwoord} de drempel van {_score(drempel)} niet; "
            "volgens Treacy en Wiersema moet een bedrijf op alle drie minstens een "
            "aanvaardbaar niveau halen."
        )
    zinnen.append(_crm_zin(dominant, alles_op_orde, p))

    return Beoordeling(
        profiel=dict(p),
        dominant=dominant,
        verschil=verschil,
        volgorde=volgorde,
        drempel_gehaald=gehaald,
        strategie_fit=strategie_fit,
        crm_fit=crm_fit,
        uitleg=" ".join(zinnen),
        drempel=drempel,
        voorsprong=voorsprong,
    )


@dataclass(frozen=True)
class Voorbeeldbedrijf:
    """Een verzonnen bedrijf met ingevulde stellingen, om mee te oefenen.

    Attributes
    ----------
    naam : str
        Naam van het (fictieve) bedrijf.
    omschrijving : str
        Korte schets van het bedrijf en zijn aanpak, zonder het oordeel: de student
        denkt eerst zelf na.
    antwoorden : dict of str to int
        Antwoord (1–5) per stellingcode, klaar voor `profiel`.
    verwachting : str
        Het oordeel dat de antwoorden opleveren (voor de docent en de tests).
    """

    naam: str
    omschrijving: str
    antwoorden: dict[str, int] = field(hash=False)
    verwachting: str = ""


def _antwoorden(oe: list[int], ci: list[int], pl: list[int]) -> dict[str, int]:
    rijen = {"OE": oe, "CI": ci, "PL": pl}
    return {f"{k}{i}": w for k, lijst in rijen.items() for i, w in enumerate(lijst, start=1)}


VOORBEELDBEDRIJVEN: dict[str, Voorbeeldbedrijf] = {
    b.naam: b
    for b in (
        Voorbeeldbedrijf(
            "Bouwgroothandel Laagland",
            (
                "Groothandel in bouwmaterialen voor aannemers. Vaste lage prijzen, een "
                "bestelportaal dat dag en nacht werkt en levering op de bouwplaats binnen 24 "
                "uur. Maatwerk of advies is er nauwelijks: wat in het assortiment zit, is snel "
                "en goedkoop leverbaar."
            ),
            _antwoorden(oe=[5, 5, 4, 5, 4], ci=[3, 2, 3, 4, 3], pl=[3, 3, 3, 3, 3]),
            verwachting=(
                "Operational excellence met alles op drempelniveau, maar CRM als strategie past"
                " niet."
            ),
        ),
        Voorbeeldbedrijf(
            "Brinkman ICT-partners",
            (
                "IT-dienstverlener voor zo'n veertig mkb-bedrijven in de regio. Elke klant "
                "heeft een vaste accountmanager die de bedrijfsvoering kent, meedenkt over "
                "groei en het hele IT-beheer uit handen neemt."
            ),
            _antwoorden(oe=[3, 4, 4, 3, 3], ci=[5, 4, 5, 5, 4], pl=[3, 3, 3, 4, 3]),
            verwachting=("Customer intimacy met alles boven de drempel, dus CRM past."),
        ),
        Voorbeeldbedrijf(
            "Vormkracht Labs",
            (
                "Jonge designstudio die slimme verlichting ontwerpt en elk half jaar een nieuwe"
                " collectie lanceert. Klanten kopen via de webshop; levertijden lopen nog wel "
                "eens uit."
            ),
            _antwoorden(oe=[2, 2, 3, 3, 2], ci=[3, 2, 3, 3, 4], pl=[5, 5, 5, 5, 4]),
            verwachting=(
                "Product leadership, maar operational excellence haalt de drempel niet, en CRM "
                "past niet."
            ),
        ),
        Voorbeeldbedrijf(
            "Kantoorhuis Van Dijk",
            (
                "Familiebedrijf in kantoorartikelen dat tegelijk de goedkoopste, de meest "
                "persoonlijke en de meest vernieuwende leverancier wil zijn."
            ),
            _antwoorden(oe=[4, 3, 4, 3, 4], ci=[4, 4, 3, 3, 4], pl=[3, 3, 3, 4, 3]),
            verwachting=(
                "Geen duidelijke keuze ('stuck in the middle'), dus geen strategie-fit en geen "
                "CRM-fit."
            ),
        ),
        Voorbeeldbedrijf(
            "Hoveniers Groenrijk",
            (
                "Hoveniersbedrijf dat elke tuin samen met de klant ontwerpt en jaren "
                "onderhoudt, maar afspraken vaak verzet en geen vaste prijzen kent."
            ),
            _antwoorden(oe=[2, 2, 2, 3, 2], ci=[5, 4, 5, 4, 5], pl=[3, 3, 3, 3, 3]),
            verwachting=(
                "Customer intimacy leidt duidelijk, maar operational excellence blijft onder de"
                " drempel, dus CRM past (nog) niet."
            ),
        ),
    )
}
"""Vijf verzonnen bedrijven (naam → `Voorbeeldbedrijf`), elk met een ander oordeel."""
