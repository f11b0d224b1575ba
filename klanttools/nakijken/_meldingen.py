"""Nederlandse uitleg bij de fout die een beginner het vaakst ziet: een onbekende naam.

Als een student een vraag nog niet beantwoordt, bestaat de variabele uit het antwoord
niet en geeft de test ``NameError: name 'n_geldig' is not defined``. Deze module
vervangt die Engelse regel in Jupyter door een Nederlandse uitleg. De fout blijft een
fout (de test faalt dus nog steeds); alleen de tekst verandert.
"""

from __future__ import annotations

from typing import Any

__all__ = ["NAAMFOUT", "nederlandse_foutmeldingen", "uitleg_naamfout"]

NAAMFOUT = (
    "{naam!r} bestaat (nog) niet. Mogelijke oorzaken: je hebt de cel met je antwoord nog "
    "niet uitgevoerd; in die cel staat nog de regel 'raise NotImplementedError(...)', "
    "waardoor de rest niet werd uitgevoerd; of je gebruikte een andere naam (let op "
    "hoofdletters en underscores). Voer de cellen van boven naar beneden uit."
)
"""De Nederlandse uitleg bij een ``NameError``."""


def uitleg_naamfout(fout: NameError) -> str:
    """Geef de Nederlandse uitleg bij een ``NameError``.

    Examples
    --------
    >>> try:
    ...     n_geldig_bestaat_niet
    ... except NameError as e:
    ...     print(uitleg_naamfout(e)[:40])
    'n_geldig_bestaat_niet' bestaat (nog) ni
    """
    naam = getattr(fout, "name", None)
    if naam is None:
        return str(fout)
    return NAAMFOUT.format(naam=naam)


def _naamfout_afhandelen(
    shell: Any, etype: type, waarde: BaseException, tb: Any, tb_offset: int | None = None
) -> list[str]:
    stb = shell.InteractiveTB.structured_traceback(etype, waarde, tb, tb_offset=tb_offset)
    uitleg = uitleg_naamfout(waarde) if isinstance(waarde, NameError) else str(waarde)
    # De laatste regel ('NameError: name ... is not defined') wordt de Nederlandse uitleg.
    stb = [*list(stb)[:-1], f"\x1b[0;31mNameError\x1b[0m: {uitleg}"]
    # IPython toont de uitkomst van een eigen afhandeling niet zelf (run_code roept hem
    # alleen aan); zonder deze regel ziet de student niets en meldt nbgrader
    # 'showtraceback was disabled'.
    shell._showtraceback(etype, waarde, stb)
    return stb


def nederlandse_foutmeldingen(shell: Any = None) -> None:
    """Laat Jupyter een ``NameError`` in het Nederlands uitleggen.

    Roep dit één keer aan in de eerste cel van een opdracht. Buiten Jupyter (gewone
    Python, pytest) doet de functie niets.

    Parameters
    ----------
    shell : IPython InteractiveShell, optional
        Standaard de shell van het lopende notebook.

    Examples
    --------
    >>> nederlandse_foutmeldingen()   # in pytest draait geen IPython-kernel: niets gebeurt
    """
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython hoort bij de cursus
            return
        shell = get_ipython()
    if shell is None:
        return
    shell.set_custom_exc((NameError,), _naamfout_afhandelen)
