"""Controles voor keuzevragen: een letter (meerkeuze) of een woord uit een lijst."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from klanttools._controle import opsomming
from klanttools.nakijken._basis import _fout, _kort, _normaliseer_tekst


def controleer_keuze_letter(
    antwoord: Any,
    opties: str = "ABCD",
    *,
    juist: str | None = None,
    naam: str = "je antwoord",
    hints: Mapping[str, str] | None = None,
) -> None:
    """Controleer het antwoord op een meerkeuzevraag: één letter, en (verborgen) de juiste.

    Zonder ``juist`` controleert de functie alleen de vorm (zichtbare test); met
    ``juist`` ook of het de goede letter is (verborgen test). Kleine letters,
    spaties en een haakje of punt erachter (``"b)"``) mogen.

    Parameters
    ----------
    antwoord : str
        De letter van de student, bijvoorbeeld ``"B"``.
    opties : str, default "ABCD"
        De letters waaruit gekozen kan worden.
    juist : str, optional
        De juiste letter. Komt nooit in de melding.
    naam : str
        Naam van het antwoord in de melding, bijvoorbeeld ``"antwoord_7"``.
    hints : mapping, optional
        Fout antwoord (letter) → hint die uitlegt waarom die keuze niet klopt.

    Raises
    ------
    AntwoordKloptNiet

    Examples
    --------
    >>> controleer_keuze_letter("b)", naam="keuze")
    >>> controleer_keuze_letter("E", naam="keuze")
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: keuze = 'E'. Kies precies één letter: A, B, C of D.
    >>> controleer_keuze_letter("A", juist="C", naam="keuze",
    ...                         hints={"A": "Lees de definitie nog eens."})
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: keuze = 'A' is niet het juiste antwoord. Lees de definitie nog eens.
    """
    letters = list(opties.upper())
    keuze = opsomming(letters).replace(" en ", " of ")
    if not isinstance(antwoord, str):
        voorbeeld = f'{naam} = "{letters[0]}"' if naam.isidentifier() else f'"{letters[0]}"'
        raise _fout(
            f"{naam} = {_kort(antwoord)}. Geef één letter tussen aanhalingstekens, "
            f"bijvoorbeeld {voorbeeld}."
        )
    letter = antwoord.strip().upper().strip("().: ")
    if letter not in letters:
        raise _fout(f"{naam} = {antwoord!r}. Kies precies één letter: {keuze}.")
    if juist is None or letter == juist.strip().upper():
        return
    uitleg = (hints or {}).get(letter) or "Lees de vraag en alle antwoorden nog eens goed."
    raise _fout(f"{naam} = {letter!r} is niet het juiste antwoord. {uitleg}")


def controleer_keuze_woord(
    antwoord: Any,
    opties: Iterable[str],
    *,
    juist: str | None = None,
    naam: str = "je antwoord",
    hints: Mapping[str, str] | None = None,
    synoniemen: Mapping[str, str] | None = None,
) -> None:
    """Controleer een antwoord dat één woord uit een vaste lijst moet zijn.

    Zoals :func:`controleer_keuze_letter`, maar met woorden (``"suspect"``,
    ``"klantgerichtheid"``). Hoofdletters en spaties maken niet uit; ``synoniemen``
    zet andere schrijfwijzen om (``{"klantgericht": "klantgerichtheid"}``). Zonder
    ``juist`` alleen de vorm (zichtbare test), met ``juist`` ook de waarde.

    Parameters
    ----------
    antwoord : str
        Het woord van de student.
    opties : iterable of str
        De toegestane woorden.
    juist : str, optional
        Het juiste woord. Komt nooit in de melding.
    naam : str
        Naam van het antwoord in de melding.
    hints : mapping, optional
        Fout woord → hint die uitlegt waarom dat niet klopt.
    synoniemen : mapping, optional
        Andere schrijfwijze → woord uit ``opties``.

    Raises
    ------
    AntwoordKloptNiet

    Examples
    --------
    >>> controleer_keuze_woord(" Lead", ["suspect", "lead", "prospect"], naam="fase_c")
    >>> controleer_keuze_woord("klant", ["suspect", "lead", "prospect"], naam="fase_c")
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: fase_c = 'klant'. Kies precies één van: 'suspect', 'lead' of 'prospect'.
    >>> controleer_keuze_woord("suspect", ["suspect", "lead"], juist="lead", naam="fase_c",
    ...                        hints={"suspect": "Er is al contact."})
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: fase_c = 'suspect' is niet het juiste antwoord. Er is al contact.
    """
    woorden = [_normaliseer_tekst(o) for o in opties]
    andere = {_normaliseer_tekst(k): _normaliseer_tekst(v) for k, v in (synoniemen or {}).items()}
    keuze = opsomming([repr(o) for o in opties]).replace(" en ", " of ")
    if not isinstance(antwoord, str):
        raise _fout(
            f"{naam} = {_kort(antwoord)}. Geef één woord tussen aanhalingstekens, "
            f'bijvoorbeeld "{woorden[0]}".'
        )
    woord = _normaliseer_tekst(antwoord)
    woord = andere.get(woord, woord)
    if woord not in woorden:
        raise _fout(f"{naam} = {antwoord!r}. Kies precies één van: {keuze}.")
    if juist is None or woord == _normaliseer_tekst(juist):
        return
    uitleg = {_normaliseer_tekst(k): v for k, v in (hints or {}).items()}.get(woord)
    raise _fout(
        f"{naam} = {woord!r} is niet het juiste antwoord. "
        + (uitleg or "Lees de situatie en de uitleg in de les nog eens.")
    )
