#!/usr/bin/env python3
"""Builds Sources/FirstNameData/FirstNames.generated.swift, the first names `undeclared-person`
and the summaries' name detection know, from three pinned inputs (each checked against its
SHA-256 before use, so that the list can be rebuilt byte for byte, or a change of input is seen):

- nam_dict.txt by Jörg Michael (GNU Free Documentation License 1.2 or later), as shipped in the
  PyPI package gender-guesser 0.4.0 (the names);
- Debian's wfrench 1.2.7-2 (/usr/share/dict/french, GPL-2+) and wamerican 2020.12.07-2
  (/usr/share/dict/american-english, SCOWL's licence): only to mark which of those names are also
  ordinary words. No word of theirs is written out unless it is already one of the names.

The output is GFDL data, kept in its own target with the licence beside it (NOTICE). Run the
script again to rebuild the list; the build itself never needs the network.

    python3 scripts/first-names.py                  # gender-guesser fetched with pip into a temp dir
    python3 scripts/first-names.py nam_dict.txt     # a copy you already have
    FRENCH=… ENGLISH=… python3 scripts/first-names.py   # word lists elsewhere than /usr/share/dict
"""
import glob, hashlib, os, subprocess, sys, tempfile, unicodedata, zipfile

PINS = {
    "nam_dict.txt": "bfe79b1f3533d188333c36d7b0722868b873b2d366bb15bed3ed9a4f85db3c8c",
    "french": "33b3a15b7c47c4b85aaafa7c8b41d3fee9c7ca1383381bb8f710372ce7474f06",
    "american-english": "9f513f1ceadb6a01c5485b7dbdfd5118dc66cd70b59cae2851292112d4066a32",
}
GENDER_GUESSER = "gender-guesser==0.4.0"
WHEEL_SHA256 = "7cb01ce5d8d43b94573498bc02c959b622872abd399622ca67d1b73ba6e7e222"

# Column of each country's frequency (0-based), from the file's own header.
NEAR = {30: "Great Britain", 31: "Ireland", 32: "U.S.A.", 33: "Italy", 35: "Portugal", 36: "Spain",
        37: "France", 38: "Belgium", 39: "Luxembourg", 43: "Swiss"}
FIRST_COUNTRY, LAST_COUNTRY = 30, 84


def checked(name, data):
    digest = hashlib.sha256(data).hexdigest()
    if digest != PINS[name]:
        sys.exit(f"{name}: SHA-256 {digest}, expected {PINS[name]}: not the pinned input. If the change "
                 "is meant, update PINS (and NOTICE) and review the new list's diff.")
    return data


def source_file():
    if len(sys.argv) > 1:
        return checked("nam_dict.txt", open(sys.argv[1], "rb").read())
    folder = tempfile.mkdtemp()
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", GENDER_GUESSER, "-d", folder],
                   check=True)
    wheel = glob.glob(os.path.join(folder, "*.whl"))[0]
    wheel_digest = hashlib.sha256(open(wheel, "rb").read()).hexdigest()
    if wheel_digest != WHEEL_SHA256:
        sys.exit(f"{os.path.basename(wheel)}: SHA-256 {wheel_digest}, expected {WHEEL_SHA256}")
    with zipfile.ZipFile(wheel) as archive:
        return checked("nam_dict.txt", archive.read("gender_guesser/data/nam_dict.txt"))


def word_list(variable, path, name, package):
    path = os.environ.get(variable, path)
    if not os.path.exists(path):
        sys.exit(f"{path} is missing: apt-get install {package} (or set {variable})")
    return checked(name, open(path, "rb").read()).decode("utf-8", errors="replace")


def fold(name):
    """As journal's TextFold: lower case, no accents, ligatures spelt out."""
    name = name.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae").replace("ß", "ss")
    decomposed = unicodedata.normalize("NFD", name)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


def frequency(char):
    return int(char, 16) if char.strip() and char in "0123456789ABCDEF" else 0


def main():
    names = set()
    for line in source_file().decode("utf-8", errors="replace").splitlines():
        if line.startswith("#") or len(line) < 30 or line[0] not in "MF?1":
            continue
        name = line[3:29].strip()
        if "+" in name or " " in name or not name.isalpha() and "-" not in name:
            continue
        columns = line[FIRST_COUNTRY:LAST_COUNTRY]
        near = max((frequency(line[c]) for c in NEAR if c < len(line)), default=0)
        anywhere = max((frequency(c) for c in columns), default=0)
        # Names known here, or common enough anywhere (the people a French coach meets).
        if near >= 1 or anywhere >= 3:
            names.add(name)
    names = sorted(n for n in names if len(n) >= 2)
    # Names that are also ordinary words (Claire, Rose, Pierre, Guy, Will…): at the start of a
    # sentence they are more likely the word. Lower-case entries only (the lists' capitalised
    # entries are proper nouns).
    words = set()
    for variable, path, name, package in (("FRENCH", "/usr/share/dict/french", "french", "wfrench=1.2.7-2"),
                                          ("ENGLISH", "/usr/share/dict/american-english", "american-english",
                                           "wamerican=2020.12.07-2")):
        words.update(w.strip() for w in word_list(variable, path, name, package).splitlines(keepends=True)
                     if w[:1].islower())
    ambiguous = [n for n in names if n.lower() in words]
    out = os.path.join(os.path.dirname(__file__), "..", "Sources", "FirstNameData", "FirstNames.generated.swift")
    with open(out, "w", encoding="utf-8") as f:
        f.write("// Generated by scripts/first-names.py from nam_dict.txt (c) 2007-2008 Jörg Michael,\n")
        f.write("// GNU Free Documentation License 1.2 or later, as shipped in PyPI's gender-guesser 0.4.0.\n")
        f.write("// This file is under that licence (COPYING.GFDL-1.2 beside it), not the project's: see NOTICE.\n")
        f.write("// Do not edit: run the script again.\n\n")
        f.write("package enum FirstNames {\n    /// One first name per line, folded as TextFold folds (lower case, no accents).\n")
        f.write("    package static let list = \"\"\"\n")
        for name in sorted(set(fold(n) for n in names)):
            f.write(name + "\n")
        f.write("\"\"\"\n\n")
        f.write("    /// Names that are also ordinary French or English words (Debian's wfrench and wamerican).\n")
        f.write("    package static let ordinaryWords = \"\"\"\n")
        for name in sorted(set(fold(n) for n in ambiguous)):
            f.write(name + "\n")
        f.write("\"\"\"\n}\n")
    print(f"{len(names)} first names ({len(ambiguous)} also ordinary words) written to {os.path.normpath(out)}")


main()
