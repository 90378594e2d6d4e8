#!/usr/bin/env python3
"""Write N contacts files for the benchmark, deterministically (no randomness).

Usage: gen_contacts.py N DIR
Every fourth organisation has a logo (the bundled example's); one in three has two
contacts, one in three three; names, numbers and addresses follow from the index.
"""
import shutil
import sys
from pathlib import Path

FIRST = ["Ås", "Berg", "Dal", "Ek", "Fors", "Gran", "Hag", "Lind", "Myr", "Norr", "Sjö", "Vik"]
LAST = ["by", "holm", "ås", "sund", "köping", "stad", "dal", "torp", "vik", "hult", "näs", "ryd"]
PEOPLE = [("Åsa", "Öhrström"), ("Jaana", "Kärkkäinen"), ("Björn", "Ängström"), ("Pirjo", "Niemi"),
          ("Erik", "Lundberg"), ("Märta", "Söderlund"), ("Aino", "Mäkelä"), ("Göran", "Åberg")]
TITLES = [("Anhörigkonsulent", "Omaiskonsulentti"), ("Anhörigsamordnare", "Omaisten koordinaattori"),
          ("Enhetschef anhörigstöd", "Omaistuen yksikönpäällikkö")]


def ascii_(s: str) -> str:
    return s.lower().translate(str.maketrans("åäöü", "aaou"))


def contacts(i: int, logo: bool) -> str:
    town = FIRST[i % len(FIRST)] + LAST[(i // len(FIRST)) % len(LAST)]
    if i >= len(FIRST) * len(LAST):
        town += f" {i // (len(FIRST) * len(LAST)) + 1}"
    slug = ascii_(town).replace(" ", "")
    area = f"0{100 + i % 900}"
    out = [
        "[organisation]",
        f'name = "{town} kommun"',
        'unit = { sv = "Anhörigstöd", fi = "Omaistuki" }',
        f'phone = "{area}-{100 + i % 900} 00"',
        f'email = "anhorigstod@{slug}.se"',
        f'web = "https://www.{slug}.se/anhorig"',
    ]
    if logo:
        out.append('logo = "logo.png"')
    out += ["", "[address]", f'visiting = "Storgatan {1 + i % 40}, {town}"',
            f'postal = "Box {100 + i % 800}, {100 + i % 900} {10 + i % 89} {town}"']
    for k in range(1 + i % 3):
        first, last = PEOPLE[(i + 3 * k) % len(PEOPLE)]
        sv, fi = TITLES[(i + k) % len(TITLES)]
        out += ["", "[[contact]]", f'name = "{first} {last}"', f'title = {{ sv = "{sv}", fi = "{fi}" }}',
                f'phone = "{area}-{100 + i % 900} {10 + k}"', f'email = "{ascii_(first)}.{ascii_(last)}@{slug}.se"',
                'hours = { sv = "måndag–fredag kl. 9–12", fi = "ma–pe klo 9–12" }']
    return "\n".join(out) + "\n"


def main() -> None:
    n, folder = int(sys.argv[1]), Path(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    logo = Path(__file__).resolve().parent.parent / "examples" / "asby-logo.png"
    shutil.copy(logo, folder / "logo.png")
    for i in range(n):
        (folder / f"c{i:03}.toml").write_text(contacts(i, i % 4 == 0), encoding="utf-8")


if __name__ == "__main__":
    main()
