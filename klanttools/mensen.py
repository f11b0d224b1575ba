"""Mensen: het klantenteam van de leverancier en de DMU van de klant.

Klantgerichtheid zit niet in een systeem maar in het gedrag van alle medewerkers.
Bij zakelijke klanten werkt een leverancier daarom vaak met een *klantenteam*:
een vaste groep collega's uit verschillende functies (`KLANTENTEAM_FUNCTIES`) die
samen verantwoordelijk is voor een groep accounts. Het team bepaalt wie wat,
waar en wanneer doet en hoe vaak er contact is; de klantkennis wordt zo breed
gedeeld en kansen voor cross-selling vallen sneller op.

Aan de kant van de klant beslist zelden één persoon. De mensen die bij een
aankoop betrokken zijn, vormen samen de *DMU* (decision making unit, het
besluitvormend team). Webster en Wind (1972) onderscheiden vijf rollen in dit
'buying center': gebruiker, beïnvloeder, inkoper, beslisser en poortwachter;
Bonoma (1982) voegde de initiatiefnemer toe (`DMU_ROLLEN`). Eén persoon kan
meerdere rollen tegelijk hebben.

Wie elk lid van de DMU koppelt aan een vast aanspreekpunt in het eigen
klantenteam, zet de eerste stap naar een duurzame partnerrelatie.
`dmu_dekking` laat zien welke rollen zo'n koppeling al bereikt en waar nog
gaten zitten.

Bronnen
-------
* Webster, F. E. & Wind, Y. (1972). *Organizational Buying Behavior*.
  Englewood Cliffs (NJ): Prentice-Hall.
* Bonoma, T. V. (1982). Major sales: who really does the buying?
  *Harvard Business Review*, 60(3), 111–119.

Examples
--------
>>> DMU_ROLLEN["beinvloeder"].naam
'beïnvloeder'
>>> FUNCTIE_NAMEN["directie_secretariaat"]
'directie/secretariaat'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from klanttools._controle import opsomming, toon

__all__ = [
    "DMU_ROLLEN",
    "FUNCTIE_NAMEN",
    "KLANTENTEAM_FUNCTIES",
    "DmuDekking",
    "DmuRol",
    "dmu_advies",
    "dmu_dekking",
    "dmu_uit_tabel",
    "rollen_tabel",
]


@dataclass(frozen=True)
class DmuRol:
    """Eén rol in de DMU.

    Attributes
    ----------
    sleutel : str
        Naam zonder accenten, bruikbaar in code (``"beinvloeder"``).
    naam : str
        Weergavenaam met de juiste spelling (``"beïnvloeder"``).
    omschrijving : str
        Wat iemand in deze rol doet, in één zin.
    """

    sleutel: str
    naam: str
    omschrijving: str


DMU_ROLLEN: dict[str, DmuRol] = {
    r.sleutel: r
    for r in (
        DmuRol(
            "initiatiefnemer",
            "initiatiefnemer",
            "Merkt als eerste een probleem of behoefte op en brengt het aankoopproces op gang.",
        ),
        DmuRol(
            "gebruiker",
            "gebruiker",
            "Gaat straks dagelijks met het product of de dienst werken en weet wat het in "
            "de praktijk moet kunnen.",
        ),
        DmuRol(
            "beinvloeder",
            "beïnvloeder",
            "Stuurt de keuze mee met advies, eisen of een specificatie, zonder zelf te "
            "beslissen (bijvoorbeeld een technisch specialist of externe adviseur).",
        ),
        DmuRol(
            "inkoper",
            "inkoper",
            "Zoekt en selecteert leveranciers, onderhandelt over prijs en voorwaarden en "
            "plaatst de bestelling.",
        ),
        DmuRol(
            "beslisser",
            "beslisser",
            "Heeft de bevoegdheid om de uiteindelijke keuze voor een leverancier te maken.",
        ),
        DmuRol(
            "poortwachter",
            "poortwachter",
            "Bepaalt welke informatie en welke verkopers de andere leden van de DMU "
            "bereiken (bijvoorbeeld een secretaresse of de receptie).",
        ),
    )
}
"""De zes DMU-rollen (sleutel → `DmuRol`).

De volgorde is alleen een vaste volgorde voor tabellen: rollen zijn **geen stappen** van
een proces. Ze lopen door elkaar, één persoon kan er meer hebben, en de poortwachter
speelt zijn rol de hele aankoop door (hij is geen stap en niet de laatste)."""

KLANTENTEAM_FUNCTIES: tuple[str, ...] = (
    "accountmanager",
    "marketingmanager",
    "financieel_medewerker",
    "customer_service",
    "verkoopbinnendienst",
    "technische_dienst",
    "productmanager",
    "directie_secretariaat",
)
"""Functies die in een klantenteam kunnen zitten (sleutels zonder spaties)."""

FUNCTIE_NAMEN: dict[str, str] = {
    "accountmanager": "accountmanager",
    "marketingmanager": "marketingmanager",
    "financieel_medewerker": "financieel medewerker",
    "customer_service": "customer service",
    "verkoopbinnendienst": "verkoopbinnendienst",
    "technische_dienst": "technische dienst",
    "productmanager": "productmanager",
    "directie_secretariaat": "directie/secretariaat",
}
"""Weergavenaam per klantenteamfunctie."""

_ROL_ALIASSEN: dict[str, str] = {
    "initiator": "initiatiefnemer",
    "user": "gebruiker",
    "influencer": "beinvloeder",
    "buyer": "inkoper",
    "purchaser": "inkoper",
    "koper": "inkoper",
    "decider": "beslisser",
    "gatekeeper": "poortwachter",
}

_FUNCTIE_ALIASSEN: dict[str, str] = {
    "technische_service": "technische_dienst",
    "klantenservice": "customer_service",
    "binnendienst": "verkoopbinnendienst",
    "directie_en_secretariaat": "directie_secretariaat",
    "directie": "directie_secretariaat",
    "secretariaat": "directie_secretariaat",
}


def _normaal(tekst: str) -> str:
    """Maak van een naam een sleutel: kleine letters, zonder accenten en spaties."""
    sleutel = tekst.strip().lower()
    for oud, nieuw in (("ï", "i"), ("ë", "e"), ("é", "e"), ("/", "_"), ("-", "_"), (" ", "_")):
        sleutel = sleutel.replace(oud, nieuw)
    while "__" in sleutel:
        sleutel = sleutel.replace("__", "_")
    return sleutel


def rollen_tabel() -> pd.DataFrame:
    """Geef de DMU-rollen als tabel, om te tonen of als invuloefening te gebruiken.

    Returns
    -------
    pandas.DataFrame
        Index ``rol`` (de sleutel) en de kolommen ``naam`` en ``omschrijving``.

    Examples
    --------
    >>> tabel = rollen_tabel()
    >>> tabel.shape
    (6, 2)
    >>> tabel.loc["beinvloeder", "naam"]
    'beïnvloeder'
    """
    tabel = pd.DataFrame(
        {
            "rol": list(DMU_ROLLEN),
            "naam": [r.naam for r in DMU_ROLLEN.values()],
            "omschrijving": [r.omschrijving for r in DMU_ROLLEN.values()],
        }
    )
    return tabel.set_index("rol")


@dataclass(frozen=True)
class DmuDekking:
    """Hoe goed het klantenteam de DMU van de klant bereikt (uitkomst van `dmu_dekking`).

    ``print(dekking)`` toont de uitleg.

    Attributes
    ----------
    gedekt : tuple of str
        Rollen (sleutels uit `DMU_ROLLEN`) waarvan minstens één houder contact
        heeft met iemand uit het klantenteam.
    niet_gedekt : tuple of str
        Alle overige rollen; samen met ``gedekt`` zijn dat alle zes.
    niet_in_beeld : tuple of str
        Het deel van ``niet_gedekt`` dat niemand in de opgegeven DMU heeft: je
        weet nog niet wie bij de klant deze rol vervult.
    personen_zonder_contact : tuple of str
        DMU-leden die aan geen enkel teamlid gekoppeld zijn.
    via : dict of str to tuple of str
        Per gedekte rol: de teamfuncties die haar bereiken.
    contacten : dict of str to tuple of str
        Per DMU-lid: de teamfuncties die contact met hem of haar hebben
        (leeg als er geen contact is).
    uitleg : str
        Uitleg in gewone zinnen.
    rollen : dict of str to tuple of str
        Per DMU-lid zijn of haar rollen (sleutels), zoals gecontroleerd.
    """

    gedekt: tuple[str, ...]
    niet_gedekt: tuple[str, ...]
    niet_in_beeld: tuple[str, ...]
    personen_zonder_contact: tuple[str, ...]
    via: dict[str, tuple[str, ...]]
    contacten: dict[str, tuple[str, ...]]
    uitleg: str
    rollen: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def volledig(self) -> bool:
        """True als alle zes rollen gedekt zijn."""
        return not self.niet_gedekt

    def __str__(self) -> str:
        """Geef de uitleg, zodat ``print(dekking)`` leesbare tekst toont."""
        return self.uitleg


def _controleer_dmu(dmu: Any) -> dict[str, tuple[str, ...]]:
    voorbeeld = "{'Jansen': ['beslisser'], 'De Vries': ['inkoper', 'poortwachter']}"
    if not isinstance(dmu, Mapping):
        raise TypeError(
            f"dmu: verwacht een dict van persoon naar rol(len), kreeg {type(dmu).__name__}. "
            f"Voorbeeld: {voorbeeld}."
        )
    if not dmu:
        raise ValueError(
            f"dmu: de DMU is leeg. Geef minstens één persoon met zijn rol(len), "
            f"bijvoorbeeld {voorbeeld}."
        )
    toegestaan = opsomming([repr(r) for r in DMU_ROLLEN], 10)
    uitkomst: dict[str, tuple[str, ...]] = {}
    fout: list[str] = []
    for persoon, rollen in dmu.items():
        if not isinstance(persoon, str) or not persoon.strip():
            raise TypeError(
                f"dmu: elke persoon moet een naam (tekst) zijn, kreeg {toon(persoon)}. "
                f"Voorbeeld: {voorbeeld}."
            )
        if isinstance(rollen, str):
            rollen = [rollen]
        if not isinstance(rollen, Iterable):
            raise TypeError(
                f"dmu[{persoon!r}]: verwacht een rol of een lijst met rollen, kreeg "
                f"{type(rollen).__name__} {toon(rollen)}. Toegestaan: {toegestaan}."
            )
        rollen = list(rollen)
        if not rollen:
            raise ValueError(
                f"dmu[{persoon!r}]: geen rol opgegeven. Geef minstens één rol; toegestaan: "
                f"{toegestaan}."
            )
        sleutels: list[str] = []
        for rol in rollen:
            sleutel = _normaal(rol) if isinstance(rol, str) else None
            sleutel = _ROL_ALIASSEN.get(sleutel, sleutel) if sleutel is not None else None
            if sleutel not in DMU_ROLLEN:
                fout.append(f"{toon(rol)} (bij {persoon})")
            elif sleutel not in sleutels:
                sleutels.append(sleutel)
        uitkomst[persoon] = tuple(r for r in DMU_ROLLEN if r in sleutels)
    if fout:
        raise ValueError(
            f"dmu: onbekende rol(len) {opsomming(fout)}. Toegestaan: {toegestaan} "
            "(een persoon mag meerdere rollen hebben)."
        )
    return uitkomst


def _controleer_koppeling(koppeling: Any, personen: Iterable[str]) -> dict[str, tuple[str, ...]]:
    personen = list(personen)
    voorbeeld = "{'accountmanager': ['Jansen', 'De Vries'], 'technische_dienst': 'Bakker'}"
    if not isinstance(koppeling, Mapping):
        raise TypeError(
            "koppeling: verwacht een dict van teamfunctie naar DMU-lid (of lijst met "
            f"DMU-leden), kreeg {type(koppeling).__name__}. Voorbeeld: {voorbeeld}."
        )
    toegestaan = opsomming([repr(f) for f in KLANTENTEAM_FUNCTIES], 10)
    onbekende_functies: list[str] = []
    onbekende_personen: list[str] = []
    uitkomst: dict[str, tuple[str, ...]] = {}
    for functie, gekoppeld in koppeling.items():
        sleutel = _normaal(functie) if isinstance(functie, str) else None
        sleutel = _FUNCTIE_ALIASSEN.get(sleutel, sleutel) if sleutel is not None else None
        if sleutel not in KLANTENTEAM_FUNCTIES:
            onbekende_functies.append(toon(functie))
            continue
        if isinstance(gekoppeld, str):
            gekoppeld = [gekoppeld]
        if not isinstance(gekoppeld, Iterable):
            raise TypeError(
                f"koppeling[{functie!r}]: verwacht de naam van een DMU-lid of een lijst met "
                f"namen, kreeg {type(gekoppeld).__name__} {toon(gekoppeld)}."
            )
        namen = list(gekoppeld)
        for naam in namen:
            if naam not in personen:
                onbekende_personen.append(f"{toon(naam)} (bij {functie})")
        eerder = uitkomst.get(sleutel, ())
        uitkomst[sleutel] = eerder + tuple(n for n in namen if n in personen and n not in eerder)
    if onbekende_functies:
        raise ValueError(
            f"koppeling: onbekende teamfunctie(s) {opsomming(onbekende_functies)}. "
            f"Toegestaan: {toegestaan}."
        )
    if onbekende_personen:
        raise ValueError(
            f"koppeling: {opsomming(onbekende_personen)} "
            f"{'staat' if len(onbekende_personen) == 1 else 'staan'} niet in de DMU. "
            f"Bekende DMU-leden: {opsomming([repr(p) for p in personen], 10)}."
        )
    return uitkomst


def _rolnamen(rollen: Iterable[str]) -> str:
    return opsomming([DMU_ROLLEN[r].naam for r in rollen], 10)


def _functienamen(functies: Iterable[str]) -> str:
    return opsomming([FUNCTIE_NAMEN[f] for f in functies], 10)


def dmu_dekking(
    koppeling: Mapping[str, str | Iterable[str]],
    dmu: Mapping[str, str | Iterable[str]],
) -> DmuDekking:
    """Bepaal welke DMU-rollen het klantenteam bereikt en waar de gaten zitten.

    Parameters
    ----------
    koppeling : dict
        Per functie uit het eigen klantenteam (sleutel uit
        `KLANTENTEAM_FUNCTIES`; de weergavenaam zoals ``"technische dienst"``
        mag ook) het DMU-lid of de lijst met DMU-leden waarmee die functie
        contact heeft. Elke naam moet in ``dmu`` voorkomen.
    dmu : dict
        De DMU van de klant: per persoon één rol of een lijst met rollen (sleutels
        uit `DMU_ROLLEN`; ``"beïnvloeder"`` met trema mag ook). Eén persoon kan
        meerdere rollen hebben.

    Returns
    -------
    DmuDekking
        Met ``gedekt``, ``niet_gedekt``, ``niet_in_beeld``,
        ``personen_zonder_contact`` en een Nederlandse ``uitleg``. Een rol is
        gedekt zodra minstens één persoon met die rol een contact in het team
        heeft.

    Raises
    ------
    TypeError
        Als ``koppeling`` of ``dmu`` geen dict is, of een naam of rol geen tekst.
    ValueError
        Bij een lege DMU, een persoon zonder rol, een onbekende rol of
        teamfunctie, of een gekoppelde naam die niet in de DMU staat. De melding
        noemt wat wel mag.

    Examples
    --------
    >>> dmu = {"Jansen": "beslisser",
    ...        "De Vries": ["inkoper", "poortwachter"],
    ...        "Bakker": ["gebruiker", "beïnvloeder"]}
    >>> d = dmu_dekking({"accountmanager": ["Jansen", "De Vries"]}, dmu)
    >>> d.gedekt
    ('inkoper', 'beslisser', 'poortwachter')
    >>> d.niet_gedekt
    ('initiatiefnemer', 'gebruiker', 'beinvloeder')
    >>> d.niet_in_beeld, d.personen_zonder_contact
    (('initiatiefnemer',), ('Bakker',))
    >>> dmu_dekking({}, {"Jansen": "baas"})
    Traceback (most recent call last):
    ...
    ValueError: dmu: onbekende rol(len) 'baas' (bij Jansen). Toegestaan: 'initiatiefnemer', 'gebruiker', 'beinvloeder', 'inkoper', 'beslisser' en 'poortwachter' (een persoon mag meerdere rollen hebben).
    """
    rollen_per_persoon = _controleer_dmu(dmu)
    per_functie = _controleer_koppeling(koppeling, rollen_per_persoon)

    contacten = {
        persoon: tuple(f for f in KLANTENTEAM_FUNCTIES if persoon in per_functie.get(f, ()))
        for persoon in rollen_per_persoon
    }
    via: dict[str, tuple[str, ...]] = {}
    for rol in DMU_ROLLEN:
        functies = [
            f
            for f in KLANTENTEAM_FUNCTIES
            if any(rol in rollen_per_persoon[p] for p in per_functie.get(f, ()))
        ]
        if functies:
            via[rol] = tuple(functies)
    gedekt = tuple(r for r in DMU_ROLLEN if r in via)
    niet_gedekt = tuple(r for r in DMU_ROLLEN if r not in via)
    aanwezig = {r for rollen in rollen_per_persoon.values() for r in rollen}
    niet_in_beeld = tuple(r for r in niet_gedekt if r not in aanwezig)
    zonder = tuple(p for p, f in contacten.items() if not f)

    n_personen = len(rollen_per_persoon)
    n_contact = n_personen - len(zonder)
    zinnen = [
        f"Het klantenteam heeft contact met {n_contact} van de {n_personen} "
        f"{'persoon' if n_personen == 1 else 'personen'} in de DMU en bereikt "
        f"{len(gedekt)} van de {len(DMU_ROLLEN)} rollen."
    ]
    if gedekt:
        zinnen.append(
            "Gedekt: "
            + opsomming([f"{DMU_ROLLEN[r].naam} (via {_functienamen(via[r])})" for r in gedekt], 10)
            + "."
        )
    if zonder:
        delen = [f"{p} ({_rolnamen(rollen_per_persoon[p])})" for p in zonder]
        zinnen.append(
            f"Nog niemand uit het team spreekt {opsomming(delen, 10)}; wijs hiervoor een vast "
            "aanspreekpunt aan."
        )
    if niet_in_beeld:
        zinnen.append(
            f"Nog niet in beeld: {_rolnamen(niet_in_beeld)}. Zoek uit wie bij de klant "
            f"{'deze rol vervult' if len(niet_in_beeld) == 1 else 'deze rollen vervult'}: "
            "ook wie je niet ziet of hoort, kan de beslissing sturen."
        )
    if not niet_gedekt:
        zinnen.append(
            "Alle rollen hebben een aanspreekpunt in het team: het klantenteam is gekoppeld "
            "aan het hele besluitvormend team, de eerste stap naar een duurzame partnerrelatie."
        )
    else:
        zinnen.append(
            "Pas als elke rol een aanspreekpunt in het team heeft, is de koppeling compleet; "
            "dat is de eerste stap naar een duurzame partnerrelatie."
        )

    return DmuDekking(
        gedekt=gedekt,
        niet_gedekt=niet_gedekt,
        niet_in_beeld=niet_in_beeld,
        personen_zonder_contact=zonder,
        via=via,
        contacten=contacten,
        uitleg=" ".join(zinnen),
        rollen=rollen_per_persoon,
    )


# ---------------------------------------------------------------------------
# Advies bij de gaten
# ---------------------------------------------------------------------------

_WIE_KAN = {
    "beslisser": "de accountmanager, samen met iemand van de eigen directie (op gelijk niveau)",
    "poortwachter": "de verkoopbinnendienst of het secretariaat, die hem of haar vaak spreken",
    "gebruiker": "de technische dienst of customer service, die weten hoe het product in de "
    "praktijk werkt",
    "beinvloeder": "de productmanager of de technische dienst, die inhoudelijk kunnen meepraten",
    "inkoper": "de accountmanager of de verkoopbinnendienst (prijs, voorwaarden en bestellen)",
    "initiatiefnemer": "de accountmanager of de marketingmanager, zodat je een volgende behoefte "
    "vroeg hoort",
}
"""Per rol: wie uit het klantenteam een logisch aanspreekpunt is (een advies, geen regel)."""

_WAAROM = {
    "beslisser": "zonder de beslisser valt de keuze buiten je zicht",
    "poortwachter": "de poortwachter bepaalt welke informatie en welke verkopers de rest van de "
    "DMU bereiken",
    "gebruiker": "de gebruiker merkt elke dag of je product werkt en praat daarover mee",
    "beinvloeder": "de beïnvloeder stuurt met eisen en advies de keuze mee",
    "inkoper": "de inkoper selecteert leveranciers en onderhandelt over prijs en voorwaarden",
    "initiatiefnemer": "de initiatiefnemer ziet een nieuwe behoefte als eerste",
}


def dmu_advies(dekking: DmuDekking) -> tuple[str, ...]:
    """Geef Nederlands advies bij de gaten in de dekking, het belangrijkste eerst.

    Eerst de beslisser, dan de poortwachter, dan de andere rollen: per rol die
    niemand bereikt één zin (wie het aanspreekpunt kan worden), per rol die niet in
    beeld is een vraag om uit te zoeken. Lopen alle contacten via één functie, dan
    volgt het advies om ze te verdelen. Is alles gedekt, dan één zin om de koppeling
    bij te houden.

    Parameters
    ----------
    dekking : DmuDekking
        De uitkomst van `dmu_dekking`.

    Returns
    -------
    tuple of str

    Raises
    ------
    TypeError
        Als ``dekking`` geen `DmuDekking` is.

    Examples
    --------
    >>> d = dmu_dekking({"accountmanager": "De Vries"},
    ...                 {"Jansen": "beslisser", "De Vries": ["inkoper", "poortwachter"]})
    >>> for zin in dmu_advies(d)[:2]:
    ...     print(zin)
    Niemand uit het team spreekt de beslisser (Jansen): zonder de beslisser valt de keuze buiten je zicht. Een logisch aanspreekpunt is de accountmanager, samen met iemand van de eigen directie (op gelijk niveau).
    Nog niet in beeld: wie is de initiatiefnemer? Vraag het na bij je contacten; de initiatiefnemer ziet een nieuwe behoefte als eerste.
    """
    if not isinstance(dekking, DmuDekking):
        raise TypeError(
            "dekking: verwacht de uitkomst van dmu_dekking(koppeling, dmu), kreeg "
            f"{type(dekking).__name__} {toon(dekking)}."
        )
    volgorde = ["beslisser", "poortwachter"] + [
        r for r in DMU_ROLLEN if r not in ("beslisser", "poortwachter")
    ]
    zinnen: list[str] = []
    for rol in volgorde:
        if rol in dekking.gedekt:
            continue
        naam = DMU_ROLLEN[rol].naam
        houders = [p for p, rollen in dekking.rollen.items() if rol in rollen]
        if rol in dekking.niet_in_beeld or not houders:
            if rol == "poortwachter":
                zinnen.append(
                    "Nog niet in beeld: wie is de poortwachter? Bij een kleine herhaalaankoop "
                    "is er soms geen; ga toch na wie de agenda, de mail of de receptie beheert."
                )
            else:
                zinnen.append(
                    f"Nog niet in beeld: wie is de {naam}? Vraag het na bij je contacten; "
                    f"{_WAAROM[rol]}."
                )
        else:
            zinnen.append(
                f"Niemand uit het team spreekt de {naam} ({opsomming(houders, 10)}): "
                f"{_WAAROM[rol]}. Een logisch aanspreekpunt is {_WIE_KAN[rol]}."
            )
    functies = {f for lijst in dekking.contacten.values() for f in lijst}
    bereikt = [p for p, f in dekking.contacten.items() if f]
    if len(functies) == 1 and len(dekking.contacten) > 1:
        (enige,) = functies
        zinnen.append(
            f"Alle contacten lopen via één functie ({FUNCTIE_NAMEN[enige]}). Verdeel ze over "
            "het klantenteam: dan ligt de klantkennis niet bij één persoon en zie je kansen "
            "voor cross-selling eerder."
        )
    if dekking.volledig:
        zinnen.append(
            "Elke rol heeft een aanspreekpunt. Houd de koppeling bij: spreek in het "
            "klantenteam af wie wie spreekt, waar, wanneer en hoe vaak."
        )
    elif not bereikt:
        zinnen.append(
            "Nog niemand uit het team heeft contact. Begin bij wie je kent en vraag: wie "
            "beslist er uiteindelijk, en wie adviseert?"
        )
    return tuple(zinnen)


# ---------------------------------------------------------------------------
# Uit de dataset dmu_leden
# ---------------------------------------------------------------------------


def dmu_uit_tabel(
    tabel: pd.DataFrame, casus: str
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Haal de DMU en de koppeling van één casus uit de tabel ``dmu_leden``.

    Parameters
    ----------
    tabel : pandas.DataFrame
        De dataset ``dmu_leden`` (``laad("dmu_leden")``): kolommen ``casus``,
        ``persoon``, ``rol`` en ``contact`` (een teamfunctie of leeg), één rij per
        persoon per rol.
    casus : str
        De casus, bijvoorbeeld ``"Okkerse"``.

    Returns
    -------
    tuple of (dict, dict)
        ``dmu`` (persoon → rollen) en ``koppeling`` (teamfunctie → personen), klaar
        voor `dmu_dekking`.

    Raises
    ------
    TypeError
        Als ``tabel`` geen DataFrame is.
    ValueError
        Als een kolom ontbreekt of de casus niet in de tabel staat (de melding noemt de
        casussen die er wel zijn).

    Examples
    --------
    >>> tabel = pd.DataFrame({"casus": ["A", "A", "A"], "persoon": ["Jansen", "Jansen", "Bakker"],
    ...                       "rol": ["inkoper", "poortwachter", "beslisser"],
    ...                       "contact": ["accountmanager", "accountmanager", None]})
    >>> dmu, koppeling = dmu_uit_tabel(tabel, "A")
    >>> dmu
    {'Jansen': ('inkoper', 'poortwachter'), 'Bakker': ('beslisser',)}
    >>> koppeling
    {'accountmanager': ('Jansen',)}
    """
    if not isinstance(tabel, pd.DataFrame):
        raise TypeError(
            f"tabel: verwacht de tabel dmu_leden (laad('dmu_leden')), kreeg {type(tabel).__name__}."
        )
    nodig = ("casus", "persoon", "rol", "contact")
    ontbreekt = [k for k in nodig if k not in tabel.columns]
    if ontbreekt:
        raise ValueError(
            f"tabel: de kolom(men) {opsomming([repr(k) for k in ontbreekt], 10)} ontbreken. "
            f"Nodig: {opsomming([repr(k) for k in nodig], 10)} (zoals in laad('dmu_leden'))."
        )
    rijen = tabel[tabel["casus"] == casus]
    if rijen.empty:
        bekend = opsomming([repr(c) for c in dict.fromkeys(tabel["casus"])], 10)
        raise ValueError(f"casus: {casus!r} staat niet in de tabel. Kies uit: {bekend}.")
    dmu: dict[str, tuple[str, ...]] = {}
    koppeling: dict[str, tuple[str, ...]] = {}
    for persoon, rol, contact in zip(rijen["persoon"], rijen["rol"], rijen["contact"], strict=True):
        dmu[persoon] = (*dmu.get(persoon, ()), str(rol))
        if isinstance(contact, str) and contact and persoon not in koppeling.get(contact, ()):
            koppeling[contact] = (*koppeling.get(contact, ()), persoon)
    return dmu, koppeling
