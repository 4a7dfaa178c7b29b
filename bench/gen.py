#!/usr/bin/env python3
"""Writes a synthetic coaching journal for the benchmark (see bench/README.md).

    python3 bench/gen.py OUT_DIR [--notes 10000] [--seed 1]   generate a journal
    python3 bench/gen.py OUT_DIR --notes 11000 --small        many small notes (about 1.8 KB)
    python3 bench/gen.py --touch-one OUT_DIR                 change exactly one note

The journal follows /work/shared/spec/FORMAT.md: journal.yml, clients/<id>/client.md and
clients/<id>/<date>-session.md. Everything comes from one seeded random.Random, and nothing
iterates over a set or dict of strings whose order could depend on hash randomisation, so the
same arguments always give the same bytes: the benchmark compares runs over the same data.

Standard library only, so that `make bench` needs nothing beyond python3.
"""

import argparse
import datetime as dt
import os
import random
import sys
import unicodedata

# Session notes per client: a 3-week cadence over about a year and a half, the upper end of a
# real contract, so that reviews reach back through long commitment histories.
NOTES_PER_CLIENT = 25
FIRST_CONTRACT = dt.date(2021, 1, 4)
LAST_CONTRACT = dt.date(2024, 6, 28)

# A real journal has a few files from other editors; the parser must pay for them too.
CRLF_SHARE = 0.02
BOM_SHARE = 0.01

# The line --touch-one toggles. Toggling (add, then remove on the next call) keeps the journal
# from growing across benchmark runs while every call is still a real change of size and mtime.
TOUCH_LINE = "Relecture après coup : rien à ajouter pour l'instant."

# ---------------------------------------------------------------------------------------------
# Vocabulary. Written for this generator; enough variety that the notes do not compress into a
# handful of repeated lines (which would flatter any cache or hash keyed on content).

FIRST_NAMES_F = [
    "Amélie", "Claire", "Sophie", "Camille", "Élodie", "Nathalie", "Isabelle", "Julie", "Léa",
    "Chloé", "Manon", "Inès", "Sarah", "Aurélie", "Hélène", "Céline", "Marion", "Pauline",
    "Agnès", "Valérie", "Sandrine", "Laure", "Émilie", "Béatrice", "Noémie", "Margaux",
    "Solène", "Anaïs", "Gaëlle", "Maëlle", "Océane", "Zoé",
]
FIRST_NAMES_M = [
    "Thomas", "Nicolas", "Julien", "Mathieu", "Antoine", "Pierre", "François", "Olivier",
    "Sébastien", "Guillaume", "Romain", "Jérôme", "Benoît", "Hugo", "Lucas", "Théo", "Raphaël",
    "Maxime", "Vincent", "Stéphane", "Cédric", "Loïc", "Yannick", "Arnaud", "Grégoire",
    "Étienne", "Karim", "Mehdi", "Bastien", "Damien", "Joël", "Noël",
]
LAST_NAMES = [
    "Roux", "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
    "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand",
    "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau",
    "Vincent", "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer",
    "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Perrin", "Robin", "Clément",
    "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand",
    "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
    "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier",
    "Arnaud", "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin",
    "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas",
]
ROLES = [
    "Directrice commerciale", "Directeur financier", "Responsable RH", "Cheffe de projet",
    "Chef de projet", "Responsable d'équipe", "Directrice des opérations", "Ingénieur logiciel",
    "Responsable marketing", "Directeur d'usine", "Manager de proximité", "Consultante senior",
    "Directeur général", "Responsable qualité", "Directrice juridique", "Responsable achats",
]
ORGANISATIONS = [
    ("Atelier Lumière", "artisanat"), ("Banque du Rhône", "banque"), ("Clinique Saint-Roch", "santé"),
    ("Datavia", "logiciel"), ("Éditions du Parvis", "édition"), ("Ferme des Trois Chênes", "agriculture"),
    ("Groupe Altamar", "transport"), ("Hôtel des Deux Rives", "hôtellerie"), ("Ibex Conseil", "conseil"),
    ("Lycée Jean-Moulin", "éducation"), ("Mairie de Villeurbanne", "collectivité"),
    ("Nexalis", "industrie"), ("Optima Assurances", "assurance"), ("Pharmacie Centrale", "santé"),
    ("Quadrant Architectes", "architecture"), ("Société Générale des Eaux", "énergie"),
    ("Transports Verdier", "transport"), ("Usine Maréchal", "industrie"), ("Vignobles Castel", "viticulture"),
]
SIZES = ["tpe", "pme", "eti", "grand-groupe"]
TOWNS = ["Lyon", "Grenoble", "Annecy", "Villeurbanne", "Chambéry", "Valence", "Saint-Étienne",
         "Bourg-en-Bresse", "Mâcon", "Vienne", "Roanne", "Clermont-Ferrand"]
RELATIONS = ["manager", "n-1", "collègue", "associé", "conjoint", "mentor", "DRH", "client clé"]

THEMES = [
    "la prise de parole en comité de direction", "la délégation", "la gestion du temps",
    "les relations avec sa hiérarchie", "la confiance en soi", "le feedback à l'équipe",
    "la charge de travail", "la posture de manager", "la négociation budgétaire",
    "l'équilibre entre vie professionnelle et vie personnelle", "la conduite du changement",
    "les conflits dans l'équipe", "la prise de décision", "le recrutement", "la visibilité",
    "la transition vers un nouveau poste", "l'affirmation de soi", "la préparation d'un entretien",
]
FEELINGS = ["de la fatigue", "de l'enthousiasme", "de l'agacement", "un vrai soulagement",
            "de l'inquiétude", "de la fierté", "une certaine lassitude", "de la curiosité",
            "de la colère contenue", "beaucoup d'énergie", "du doute", "de la sérénité"]
MOMENTS = ["en début de séance", "au milieu de l'échange", "vers la fin", "à plusieurs reprises",
           "dès les premières minutes", "en reformulant", "après un silence", "en fin de séance"]
VERBS = ["a évoqué", "a décrit", "a remis sur la table", "a longuement décrit", "a questionné",
         "a mis en mots", "a relativisé", "a exploré", "a nuancé", "a abordé"]
OBJECTS = ["le projet de réorganisation", "la réunion budgétaire", "l'entretien annuel",
           "le séminaire d'équipe", "la présentation au client", "le départ d'un collaborateur",
           "la nouvelle feuille de route", "le rapport trimestriel", "le lancement du produit",
           "la fusion des deux services", "le plan de formation", "l'audit interne"]
COACH_MOVES = ["J'ai proposé une échelle de 1 à 10", "Nous avons travaillé sur un scénario",
               "J'ai reformulé sans interpréter", "J'ai laissé le silence faire son œuvre",
               "Nous avons fait un jeu de rôle", "J'ai posé la question du miracle",
               "Nous avons cartographié les parties prenantes", "J'ai renvoyé la question",
               "Nous avons listé les options sans les juger", "J'ai partagé une observation"]
OUTCOMES = ["une piste concrète a émergé", "la séance s'est conclue sur une décision claire",
            "rien n'est tranché, et c'est acceptable", "une prise de conscience nette est apparue",
            "l'énergie est remontée", "un nouveau sujet s'est ouvert", "la tension est retombée"]
CONNECTORS = ["Par ailleurs,", "Ensuite,", "En revanche,", "Plus tard,", "Au passage,",
              "De fait,", "Pourtant,", "Finalement,", "Entre-temps,", "À ce propos,"]

ACTIONS = [
    "Appeler {n} anciens clients", "Préparer l'entretien avec {person}", "Lister {n} prospects",
    "Bloquer {n} créneaux de travail de fond dans l'agenda", "Demander un feedback à {person}",
    "Rédiger la note de cadrage pour {object}", "Refuser au moins {n} réunions non essentielles",
    "Déléguer {object} à {person}", "Tenir un journal des réussites pendant {n} jours",
    "Relire {object} avant vendredi", "Proposer un point hebdomadaire à {person}",
    "Faire une pause déjeuner hors du bureau {n} fois", "Clarifier les priorités avec {person}",
    "Préparer trois messages clés pour {object}", "Observer ses réactions en réunion",
    "Identifier {n} situations où dire non", "Envoyer un compte rendu sur {object}",
    "Tester une nouvelle façon d'ouvrir les réunions", "Écrire la lettre de mission avec {person}",
]
COACH_ACTIONS = [
    "Envoyer à {first} l'article sur la procrastination", "Partager la grille d'auto-évaluation",
    "Transmettre le modèle de feuille de route", "Envoyer la facture de la séance",
    "Proposer deux dates pour la réunion tripartite", "Relire le plan de formation envoyé par {first}",
]
REVIEW_DONE = ["fait, et bien vécu", "deux rendez-vous obtenus", "fait en avance",
               "fait, avec plus de facilité que prévu", "fait, retour très positif",
               "fait, mais à consolider", "fait, et rapporté en séance"]
REVIEW_OPEN = ["pas fait", "pas eu le temps", "reporté à la semaine prochaine",
               "commencé sans aller au bout", "bloqué par une urgence"]
REVIEW_PARTIAL = ["à moitié fait", "une partie seulement", "commencé, à terminer"]
REVIEW_DROPPED = ["abandonné d'un commun accord", "n'a plus de sens", "remplacé par une autre piste"]
REASONS = ["busy", "hard", "stuck", "not-useful", "occupé", "difficile", "bloqué", "pas-utile",
           "priorité changée en cours de route"]
ODDS = ["10:1", "10:1", "5:1", "3:1", "2:1", "1:1", "1:3", "90%", "80%", "70%"]
MODES = ["visio", "visio", "in-person", "présentiel", "phone", "téléphone"]
DURATIONS = ["60", "60", "90", "45", "1h30", "1h", "75"]
SLOTS = ["08:30", "09:00", "10:00", "11:00", "12:30", "14:00", "15:30", "17:00", "18:30"]
OBJECTIVES = [
    "Prendre la parole en comité avec un message clair et court",
    "Déléguer les dossiers courants pour dégager une journée par semaine",
    "Construire une relation de confiance avec {person}",
    "Réduire les heures supplémentaires à moins de cinq par semaine",
    "Préparer la prise de poste de directeur·rice d'ici la fin du contrat",
    "Dire non sans se justifier quand une demande sort du périmètre",
    "Installer un rituel de feedback mensuel avec l'équipe",
    "Clarifier ce qu'elle ou il veut pour les trois prochaines années",
]


def slug(text):
    """The client id from a name: the folder name a coach would type (`amelie-roux`)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join("".join(c if c.isalnum() else " " for c in plain.lower()).split())


def iso(day):
    return day.strftime("%Y-%m-%d")


# ---------------------------------------------------------------------------------------------
# Prose


class Prose:
    """French paragraphs about one client, drawing on the people the case file names so that
    the notes mention them as real notes would (useful later for pseudonymisation)."""

    def __init__(self, rng, client):
        self.rng = rng
        self.client = client

    def person(self):
        return self.rng.choice(self.client["people"])["name"].split()[0]

    def sentence(self):
        r, c = self.rng, self.client
        first = r.choice([c["first"], c["first"], c["initials"]])
        forms = [
            lambda: f"{first} {r.choice(VERBS)} {r.choice(THEMES)}, avec {r.choice(FEELINGS)}.",
            lambda: f"{r.choice(CONNECTORS)} {first} {r.choice(VERBS)} {r.choice(OBJECTS)} "
                    f"et le rôle qu'y joue {self.person()}.",
            lambda: f"{r.choice(COACH_MOVES)} {r.choice(MOMENTS)} ; {r.choice(OUTCOMES)}.",
            lambda: f"Le lien avec {r.choice(THEMES)} est apparu {r.choice(MOMENTS)}, "
                    f"quand nous avons abordé {r.choice(OBJECTS)}.",
            lambda: f"Sur une échelle de 1 à 10, {first} place sa satisfaction à "
                    f"{r.randint(2, 9)}, contre {r.randint(2, 9)} la dernière fois.",
            lambda: f"« Je crois que je n'ose pas demander », dit {first} en évoquant "
                    f"{r.choice(OBJECTS)}.",
            lambda: f"Le déplacement à {r.choice(c['places'])} pèse sur l'agenda et "
                    f"laisse peu de place pour {r.choice(THEMES)}.",
            lambda: f"{r.choice(CONNECTORS)} **{self.person()}** semble attendre une réponse "
                    f"sur {r.choice(OBJECTS)}, ce qui nourrit {r.choice(FEELINGS)}.",
            lambda: f"Ce qui a changé depuis la séance précédente : *{r.choice(OUTCOMES)}*.",
            lambda: f"{first} note {r.choice(FEELINGS)} {r.choice(MOMENTS)}, "
                    f"sans pouvoir encore dire d'où cela vient.",
        ]
        return r.choice(forms)()

    def paragraph(self):
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))


# ---------------------------------------------------------------------------------------------
# Clients


def make_clients(rng, count):
    clients, used = [], set()
    while len(clients) < count:
        gender = rng.choice("fm")
        first = rng.choice(FIRST_NAMES_F if gender == "f" else FIRST_NAMES_M)
        name = f"{first} {rng.choice(LAST_NAMES)}"
        cid = slug(name)
        # Homonyms exist; a coach would disambiguate the folder name the same way.
        n = 2
        while cid in used:
            cid = f"{slug(name)}-{n}"
            n += 1
        used.add(cid)
        org, sector = rng.choice(ORGANISATIONS)
        start = FIRST_CONTRACT + dt.timedelta(days=rng.randint(0, (LAST_CONTRACT - FIRST_CONTRACT).days))
        people = []
        for _ in range(rng.randint(2, 4)):
            pg = rng.choice("fm")
            pf = rng.choice(FIRST_NAMES_F if pg == "f" else FIRST_NAMES_M)
            people.append({"name": f"{pf} {rng.choice(LAST_NAMES)}", "relation": rng.choice(RELATIONS),
                           "gender": pg})
        clients.append({
            "id": cid, "name": name, "first": first, "gender": gender,
            "initials": "".join(part[0] + "." for part in name.split()),
            "role": rng.choice(ROLES), "org": org, "sector": sector, "size": rng.choice(SIZES),
            "sponsored": rng.random() < 0.7, "people": people,
            "places": rng.sample(TOWNS, 2), "start": start, "cadence_days": rng.choice([14, 21, 21, 28]),
        })
    return clients


def client_file(rng, c, sessions):
    prose = Prose(rng, c)
    end = c["start"] + dt.timedelta(days=c["cadence_days"] * (sessions + 2))
    lines = [
        "---",
        "type: client",
        f"name: {c['name']}",
        f"aliases: [{c['first']}, {c['initials']}]",
        f"gender: {c['gender']}",
        f"email: {c['id']}@example.org",
        f"phone: \"+33 6 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}\"",
        f"role: {c['role']}",
        "organisation:",
        f"  name: {c['org']}",
        f"  sector: {c['sector']}",
        f"  size: {c['size']}",
    ]
    if c["sponsored"]:
        sponsor = c["people"][0]
        lines += ["sponsor:", f"  name: {sponsor['name']}", "  role: DRH", f"  organisation: {c['org']}"]
    lines.append("people:")
    for p in c["people"]:
        lines.append(f"  - {{name: {p['name']}, relation: {p['relation']}, gender: {p['gender']}}}")
    lines += [
        f"places: [{', '.join(c['places'])}]",
        f"demand: \"Accompagner {c['first']} sur {rng.choice(THEMES)}.\"",
        f"need: \"Travailler {rng.choice(THEMES)}, sans doute avant tout.\"",
        "contract:",
        f"  start: {iso(c['start'])}",
        f"  end: {iso(end)}",
        f"  sessions: {sessions}",
        f"  cadence: {c['cadence_days'] // 7}w",
        f"disclosure: [{', '.join(rng.sample(['attendance', 'dates', 'objectives', 'progress', 'themes'], rng.randint(1, 3)))}]",
        f"consent: {{case_study: {rng.choice(['true', 'false'])}, hours_log: true}}",
        "status: active",
        "---",
        "",
        f"# {c['name']}",
        "",
        "## Contexte",
        "",
        prose.paragraph(),
        "",
        prose.paragraph(),
        "",
        "## Objectifs",
        "",
    ]
    for text in rng.sample(OBJECTIVES, rng.randint(2, 3)):
        text = text.format(person=prose.person())
        if rng.random() < 0.6:
            validated = c["start"] + dt.timedelta(days=rng.randint(0, 30))
            text += f"  [validated:: {iso(validated)}]"
        lines.append(f"- {text}")
    lines += ["", "## Personnes citées", ""]
    for p in c["people"]:
        lines.append(f"- {p['name']} ({p['relation']})")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Sessions


def field(rng, english, french):
    """Most coaches write the English key; a few use the French alias the format allows."""
    return french if rng.random() < 0.1 else english


def session_file(rng, c, number, when, next_when, open_items, id_counter, target_bytes):
    """One session note. `open_items` is the client's commitments still open from earlier
    notes: the review section speaks about them, and this note's new ones are added to it."""
    prose = Prose(rng, c)
    stem = f"{iso(when)}-session"
    front = [
        "---",
        "type: session",
        f"client: {c['id']}",
        f"date: {when.strftime('%Y-%m-%d %H:%M')}",
        f"number: {number}",
        f"mode: {rng.choice(MODES)}",
        f"duration: {rng.choice(DURATIONS)}",
    ]
    if next_when is None:
        front += ["next: none", "next_reason: fin du contrat, bilan à planifier"]
    else:
        front.append(f"next: {next_when.strftime('%Y-%m-%d %H:%M')}")
    front += ["---", "", f"# Séance {number} — {c['first']}", ""]

    review = []
    still_open = []
    for item in open_items[:6]:
        roll = rng.random()
        if item["reviews"] >= 2:  # nothing stays open forever in a real follow-up
            roll = 0.0 if rng.random() < 0.7 else 0.95
        ref = f"[ref:: {item['ref']}]"
        if roll < 0.55:
            review.append(f"- [x] {ref} {rng.choice(REVIEW_DONE)}")
        elif roll < 0.65:
            review.append(f"- [/] {ref} {rng.choice(REVIEW_PARTIAL)}")
            still_open.append(item)
        elif roll < 0.85:
            review.append(f"- [ ] {ref} {rng.choice(REVIEW_OPEN)}  [{field(rng, 'reason', 'raison')}:: {rng.choice(REASONS)}]")
            still_open.append(item)
        elif roll < 0.9:
            review.append(f"- [>] {ref} reporté, toujours d'actualité")
            still_open.append(item)
        else:
            review.append(f"- [-] {ref} {rng.choice(REVIEW_DROPPED)}  [{field(rng, 'reason', 'raison')}:: {rng.choice(REASONS)}]")
        item["reviews"] += 1
    still_open += open_items[6:]

    commitments = []
    new_open = []
    for rank in range(1, rng.randint(2, 5) + 1):
        coach_owned = rng.random() < 0.12
        template = rng.choice(COACH_ACTIONS if coach_owned else ACTIONS)
        text = template.format(n=rng.randint(2, 5), person=prose.person(), object=rng.choice(OBJECTS),
                               first=c["first"])
        roll = rng.random()
        marker = " " if roll < 0.82 else ("x" if roll < 0.93 else "-")
        fields = []
        due = when.date() + dt.timedelta(days=rng.choice([3, 7, 10, 14, 21]))
        fields.append(f"[{field(rng, 'due', 'échéance')}:: {iso(due)}]")
        if not coach_owned and rng.random() < 0.7:
            fields.append(f"[{field(rng, 'odds', 'cote')}:: {rng.choice(ODDS)}]")
        if coach_owned:
            fields.append("[owner:: coach]")
        explicit = None
        if rng.random() < 0.45:
            id_counter[0] += 1
            explicit = f"c-{id_counter[0]}"
            fields.append(f"[id:: {explicit}]")
        if marker == "x":
            fields.append(f"[done:: {iso(when.date())}]")
        elif marker == "-":
            fields.append(f"[reason:: {rng.choice(REASONS)}]")
        commitments.append(f"- [{marker}] {text}  " + "  ".join(fields))
        if marker == " ":
            # Reviews refer to an id when there is one, else to FILE#N, as a coach would.
            new_open.append({"ref": explicit or f"{stem}#{rank}", "reviews": 0})
    open_items[:] = still_open + new_open

    body = []
    if review:
        body += ["## Revue des engagements", "", *review, ""]
    body += ["## Déroulé", "", prose.paragraph(), ""]
    tail = ["## Engagements", "", *commitments, ""]
    if rng.random() < 0.3:
        tail += ["## Notes privées", "", prose.paragraph(), ""]
        if rng.random() < 0.3:
            tail += [f"<!-- hypothèse à vérifier : {rng.choice(THEMES)} -->", ""]
    if rng.random() < 0.15:
        tail += ["## Pour la prochaine fois", "", f"> {prose.sentence()}", ""]

    # Fill the narrative part up to the note's size: this is where a real note's bulk is.
    size = lambda parts: len("\n".join(parts).encode("utf-8"))
    fixed = front + body + tail
    while size(fixed) < target_bytes:
        if rng.random() < 0.12:
            extra = [f"### {rng.choice(['Observations', 'Ce qui a bougé', 'Points saillants'])}", ""]
        else:
            extra = []
        extra += [prose.paragraph(), ""]
        body += extra
        fixed = front + body + tail
    return stem, "\n".join(fixed)


def session_dates(rng, c, count):
    """Real calendar dates: datetime arithmetic, a slot in the working day, never on Sunday."""
    day = c["start"] + dt.timedelta(days=rng.randint(7, 20))
    result = []
    for _ in range(count):
        while day.weekday() == 6:
            day += dt.timedelta(days=1)
        hour, minute = map(int, rng.choice(SLOTS).split(":"))
        result.append(dt.datetime(day.year, day.month, day.day, hour, minute))
        day += dt.timedelta(days=c["cadence_days"] + rng.randint(-4, 6))
    return result


def split_notes(rng, total, clients):
    """Uneven session counts per client (some contracts are longer), summing exactly to total."""
    weights = [rng.uniform(0.5, 1.5) for _ in range(clients)]
    scale = total / sum(weights)
    counts = [max(1, int(w * scale)) for w in weights]
    i = 0
    while sum(counts) < total:
        counts[i % clients] += 1
        i += 1
    while sum(counts) > total:
        if counts[i % clients] > 1:
            counts[i % clients] -= 1
        i += 1
    return counts


def write(path, text, rng):
    data = text
    if rng.random() < CRLF_SHARE:
        data = data.replace("\n", "\r\n")
    raw = data.encode("utf-8")
    if rng.random() < BOM_SHARE:
        raw = b"\xef\xbb\xbf" + raw
    with open(path, "wb") as f:
        f.write(raw)
    return len(raw)


# Session notes are padded with prose up to a size drawn from this range (bytes); --small draws
# from the second, for a corpus of many small notes where the per-file costs show.
NOTE_BYTES = (2000, 3000)
SMALL_NOTE_BYTES = (1100, 1900)


def generate(out, notes, seed, note_bytes=NOTE_BYTES):
    rng = random.Random(seed)
    if os.path.exists(os.path.join(out, "journal.yml")):
        sys.exit(f"gen.py: {out} already holds a journal; remove it first")
    os.makedirs(os.path.join(out, "clients"), exist_ok=True)
    with open(os.path.join(out, "journal.yml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("coach: Claire Fontaine\nlanguage: fr\ntimezone: Europe/Paris\ncadence: 3w\n"
                "retention: 3y\n")
    client_count = max(1, round(notes / NOTES_PER_CLIENT))
    clients = make_clients(rng, client_count)
    counts = split_notes(rng, notes, client_count)
    files = total = 0
    for c, count in zip(clients, counts):
        folder = os.path.join(out, "clients", c["id"])
        os.makedirs(folder, exist_ok=True)
        total += write(os.path.join(folder, "client.md"), client_file(rng, c, count), rng)
        files += 1
        dates = session_dates(rng, c, count)
        open_items, id_counter = [], [0]
        for number, when in enumerate(dates, start=1):
            if number < count:
                next_when = dates[number]
            else:
                next_when = None if rng.random() < 0.5 else when + dt.timedelta(days=c["cadence_days"])
            stem, text = session_file(rng, c, number, when, next_when, open_items, id_counter,
                                      rng.randint(*note_bytes))
            total += write(os.path.join(folder, stem + ".md"), text, rng)
            files += 1
    print(f"{files} files ({len(clients)} clients, {notes} session notes), {total} bytes in {out}")


def one_client(out, megabytes, seed):
    """A journal of a single client whose session notes add up to `megabytes` MB: what a
    summary's throughput is measured on (bench/README.md). Weekly sessions, so that thousands
    of them keep real calendar dates."""
    rng = random.Random(seed)
    if os.path.exists(os.path.join(out, "journal.yml")):
        sys.exit(f"gen.py: {out} already holds a journal; remove it first")
    with_clients = os.path.join(out, "clients")
    os.makedirs(with_clients, exist_ok=True)
    with open(os.path.join(out, "journal.yml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("coach: Claire Fontaine\nlanguage: fr\ntimezone: Europe/Paris\ncadence: 1w\n")
    c = make_clients(rng, 1)[0]
    c["cadence_days"] = 7
    target = int(megabytes * 1_000_000)
    count = max(1, target // 3200)
    folder = os.path.join(with_clients, c["id"])
    os.makedirs(folder, exist_ok=True)
    total = write(os.path.join(folder, "client.md"), client_file(rng, c, count), rng)
    dates = session_dates(rng, c, count)
    open_items, id_counter = [], [0]
    for number, when in enumerate(dates, start=1):
        next_when = dates[number] if number < count else None
        stem, text = session_file(rng, c, number, when, next_when, open_items, id_counter, rng.randint(2800, 3600))
        total += write(os.path.join(folder, stem + ".md"), text, rng)
    print(f"{count + 1} files (client {c['id']}), {total} bytes in {out}")


def touch_one(out):
    """Adds, or removes again, one paragraph in one note, so that a re-index has exactly one
    file to read again. The note is always the same one, so that runs are comparable."""
    clients = os.path.join(out, "clients")
    target = None
    if os.path.isdir(clients):
        for cid in sorted(os.listdir(clients)):
            folder = os.path.join(clients, cid)
            if not os.path.isdir(folder) or cid.startswith("."):
                continue
            notes = sorted(n for n in os.listdir(folder) if n.endswith(".md") and n != "client.md")
            if notes:
                target = os.path.join(folder, notes[len(notes) // 2])
                break
    if target is None:  # not a generated journal: any note will do
        for root, dirs, names in os.walk(out):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            md = sorted(n for n in names if n.endswith(".md"))
            if md:
                target = os.path.join(root, md[0])
                break
    if target is None:
        sys.exit(f"gen.py: no note to touch under {out}")
    with open(target, "rb") as f:
        raw = f.read()
    eol = b"\r\n" if b"\r\n" in raw else b"\n"
    added = eol + TOUCH_LINE.encode("utf-8") + eol
    if raw.endswith(added):
        raw = raw[: -len(added)]
    else:
        if not raw.endswith(eol):
            raw += eol
        raw += added
    with open(target, "wb") as f:
        f.write(raw)
    print(os.path.relpath(target, out))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", help="the journal folder to write (or to touch)")
    parser.add_argument("--notes", type=int, default=10000, help="number of session notes (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--one-client", type=float, metavar="MB",
                        help="write a journal of one client with MB megabytes of session notes instead")
    parser.add_argument("--small", action="store_true",
                        help="pad session notes to about 1.8 KB instead of about 2.6 KB")
    parser.add_argument("--touch-one", action="store_true",
                        help="change one existing note (toggle a trailing paragraph) instead of generating")
    args = parser.parse_args()
    if args.touch_one:
        touch_one(args.out_dir)
    elif args.one_client is not None:
        one_client(args.out_dir, args.one_client, args.seed)
    else:
        if args.notes < 1:
            parser.error("--notes must be at least 1")
        generate(args.out_dir, args.notes, args.seed, SMALL_NOTE_BYTES if args.small else NOTE_BYTES)


if __name__ == "__main__":
    main()
