#!/usr/bin/env python3
"""Validate the gazetteer TSV files in this folder.

Usage:  python3 check.py [DIR]      (DIR defaults to the folder of this script)

Exit status 0 when every rule holds, 1 otherwise.  Every problem is printed as
FILE:LINE: message.  Rules checked (see README.md):

* UTF-8, LF line ends, exact header, no empty lines, no '#' lines, every row has
  exactly the header's number of tab-separated cells, no cell with leading or
  trailing whitespace (a row whose last cell is empty ends in the tab that
  separates it; that tab is the column separator, not trailing whitespace).
* Rows sorted by the first column in byte order (LC_ALL=C); positions.tsv by
  person, then from; titles.tsv by form, then lang.
* Unique keys (titles: form+lang; positions: person+position+iso3+from).
* Required cells non-empty; qid always empty.
* '|'-lists: no empty items, no duplicate items, no spaces around '|'.
* Key / iso3 / date / enum formats; iso3 references exist in states.tsv;
  position iso3 is a state or an organizations.tsv key; person keys exist;
  from <= to; no two rows of the same person+position+iso3 overlap; no two
  people hold the same single-holder office (HeadOfState, HeadOfGovernment,
  ForeignMinister, DefenceMinister) for the same state/org on overlapping days.
* A surface form (forms/surnames cell item) belongs to one row only, within a
  file and across files; the only exception is a city-state capital whose
  forms equal its state's (cities.tsv row with capital=yes and the same iso3).
* states.tsv: label_de and label_en occur in forms; demonym stems unique.
* groups.tsv, parties.tsv, regions.tsv take part in every check above (keys,
  iso3, forms unique across all files).  parties.tsv and regions.tsv keys are
  '<iso3 lowercase>-<slug>' with the row's own iso3; their forms never add
  "'s" to a name ending in s and never contain a typographic apostrophe.
* given_names.tsv: one capitalised token per name (letters, inner '-' or "'"),
  origin a 2-3 letter lowercase tag; no name is on GIVEN_NAME_STOPLIST (tokens
  that are also ordinary German/English words, places, brands, titles or
  prominent surnames), a single-word form of states/cities/governments/
  agencies/organizations/groups/parties/regions/titles, or a persons.tsv
  surname (except
  GIVEN_NAME_SURNAME_OK).
"""
import datetime
import os
import re
import sys

HEADERS = {
    'states.tsv': ['iso3', 'qid', 'label_de', 'label_en', 'forms', 'demonym_de', 'demonym_en'],
    'cities.tsv': ['key', 'label_de', 'label_en', 'iso3', 'forms', 'capital'],
    'governments.tsv': ['key', 'label_de', 'label_en', 'iso3', 'forms'],
    'agencies.tsv': ['key', 'label', 'iso3', 'forms'],
    'organizations.tsv': ['key', 'label_de', 'label_en', 'forms'],
    'groups.tsv': ['key', 'label_de', 'label_en', 'forms'],
    'parties.tsv': ['key', 'label_de', 'label_en', 'iso3', 'forms'],
    'regions.tsv': ['key', 'label_de', 'label_en', 'iso3', 'forms'],
    'persons.tsv': ['key', 'label_de', 'label_en', 'iso3', 'forms', 'surnames'],
    'positions.tsv': ['person', 'position', 'iso3', 'from', 'to'],
    'titles.tsv': ['form', 'lang', 'position', 'iso3'],
    'given_names.tsv': ['name', 'origin'],
}
# Cells that may be empty; every other cell is required.  qid must be empty.
OPTIONAL = {
    'states.tsv': {'qid', 'demonym_de', 'demonym_en'},
    'persons.tsv': {'surnames'},
    'positions.tsv': {'to'},
    'titles.tsv': {'iso3'},
}
LISTS = {
    'states.tsv': ['forms', 'demonym_de', 'demonym_en'],
    'cities.tsv': ['forms'],
    'governments.tsv': ['forms'],
    'agencies.tsv': ['forms'],
    'organizations.tsv': ['forms'],
    'groups.tsv': ['forms'],
    'parties.tsv': ['forms'],
    'regions.tsv': ['forms'],
    'persons.tsv': ['forms', 'surnames'],
}
# Columns whose items are surface forms that must point to exactly one entity.
FORM_COLS = {
    'states.tsv': ['forms'],
    'cities.tsv': ['forms'],
    'governments.tsv': ['forms'],
    'agencies.tsv': ['forms'],
    'organizations.tsv': ['forms'],
    'groups.tsv': ['forms'],
    'parties.tsv': ['forms'],
    'regions.tsv': ['forms'],
    'persons.tsv': ['forms', 'surnames'],
}
POSITIONS = {'HeadOfState', 'HeadOfGovernment', 'ForeignMinister', 'DefenceMinister',
             'SpecialEnvoy', 'Spokesperson', 'Ambassador', 'Minister'}
SINGLE_HOLDER = {'HeadOfState', 'HeadOfGovernment', 'ForeignMinister', 'DefenceMinister'}
KEY_RE = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
PREFIXED_KEY_RE = re.compile(r'^[a-z]{3}(-[a-z0-9]+)+$')
ISO3_RE = re.compile(r'^[A-Z]{3}$')
DATE_RE = re.compile(r'^\d{4}-\d{2}-\d{2}$')
GIVEN_NAME_RE = re.compile(r"^[^\W\d_]+(?:['-][^\W\d_]+)*$")
ORIGIN_RE = re.compile(r'^[a-z]{2,3}$')
# Given names that are also a persons.tsv surname form but are kept on purpose.
GIVEN_NAME_SURNAME_OK = {'Kim'}
# Real given names deliberately left out of given_names.tsv (see README.md).
GIVEN_NAME_STOPLIST = set("""
Abbas Abe Abu Ace Adelaide Aden Africa Ai Al Alexa Alexandria Allen Alpha Amal
Amber America Ami Anders Angel Anis April Ararat Armen Arsen Art Ash Ashton Asia
Asset Atta August Aurora Austin Autumn Aviv Bahia Beat Bharat Bill Bisher Blade
Bong Boni Brandy Brent Bristol Brittany Brook Brooklyn Buck Bud Burhan Can Candy
Carolina Cash Chad Chan Chance Charity Charlotte Chase Che Chelsea Chester
Christian Clay Cliff Clinton Colt Constance Constant Constantine Cruz Crystal
Daisy Dakota Davor Dawn Dean Delfin Destiny Di Dia Dick Dito Doku Domingo Don
Drew Dries Duke Duma Earl Ebony Edit Efrat Else Emir Erdoğan Ernst Europa Eve
Faith Farah Fares Fern Finn Flora Florence Francia Franco Frank Gen Gene Georgia
German Ginger Glen Grace Grant Gray Grey Guy Gül Hagen Haifa Hamilton Happy Harm
Harmony Harper Harris Harsh Hasina Hastings Hayat Hazel Heath Heather Heide
Helle Helm Hertha Holly Hone Honor Honour Hope Hun India Iran Iris Islam Israel
Ivy Jasmin Jasmine Jesus Jewel Jihad Job Joke Jordan Joy Jun June Kai Kamel
Kasper Kerry Khalifa Khan Khurshid Kit Kitty Kumar Lance Lee Lemma Lenin Les
Levy Li Liberty Lily Lin Linde Lore Lorraine Lucky Lula Luna Lupe Maan Madison
Mai Major Mali Malte Mar Marigold Marina Marine Mark Marshall Mason Mate Mats
May Medina Melody Mercedes Mercy Milan Miles Mir Misty Mo Mohamud Montserrat
Morgan Mubarak Muse Myrtle Nape Navi Nazaret Nir Nur Odd Olive Onyx Or Orlando
Oscar Paris Pasteur Patience Paz Pearl Peer Per Phoenix Pier Poppy Prabowo
Precious Preston Prince Prudence Raid Ram Rand Rein Reiner Res Riad Rich Rim
River Rob Rod Roman Rosa Rosario Rose Rosen Ross Rosy Ruby Rune Rupiah Rusty
Sabah Saber Saddam Said Salam Salvador Sanaa Santiago Savannah Saviour Saw Seiko
Shah Shahab Sharif Sharon Sherry Sierra Silvester Sina Siri Sky Slim Sofia Soja
Solomon Spike Sri Stanley Star Sterling Storm Sue Sultan Summer Sunny Sydney
Tage Tal Teddy Tedros Than Till Tin Ton Tone Tor Tore Trinidad Trinity Troy Tuna
Urban Uzi Valentine Verity Victoria Viktoria Viola Violet Virginia Vital Wade
Wafa Wail Wellington Will Willow Win Wolf Yisrael Yunus Yılmaz Zara Zia
""".split())
STEM_RE = re.compile(r'^(US-)?[a-zäöüß][a-zäöüßéèáàíóúãõç-]*[a-zäöüßéèáàíóúãõç]$')

errors = []


def err(fname, line, msg):
    errors.append(f'{fname}:{line}: {msg}')


def load(d, fname):
    """Return list of (line_no, dict) for the data rows of fname."""
    path = os.path.join(d, fname)
    if not os.path.exists(path):
        err(fname, 0, 'file missing')
        return []
    raw = open(path, 'rb').read()
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        err(fname, 0, f'not UTF-8: {e}')
        return []
    if text.startswith('\ufeff'):
        err(fname, 1, 'byte order mark')
        text = text[1:]
    if '\r' in text:
        err(fname, 0, 'CR characters (use LF line ends)')
    if not text.endswith('\n'):
        err(fname, 0, 'file does not end with a newline')
    lines = text.split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    header = HEADERS[fname]
    if not lines or lines[0] != '\t'.join(header):
        err(fname, 1, f'header must be exactly: {chr(9).join(header)!r}')
    rows = []
    for no, ln in enumerate(lines[1:], start=2):
        if ln == '':
            err(fname, no, 'empty line')
            continue
        if ln.startswith('#'):
            err(fname, no, "line starts with '#'")
            continue
        if ln != ln.rstrip(' \r\f\v\u00a0'):
            err(fname, no, 'trailing whitespace')
        cells = ln.split('\t')
        if len(cells) != len(header):
            err(fname, no, f'{len(cells)} cells, expected {len(header)}')
            continue
        row = dict(zip(header, cells))
        for col, val in row.items():
            if val != val.strip():
                err(fname, no, f'{col}: leading/trailing whitespace in {val!r}')
            if '  ' in val:
                err(fname, no, f'{col}: double space in {val!r}')
            if val == '' and col not in OPTIONAL.get(fname, set()):
                err(fname, no, f'{col}: required cell is empty')
        if 'qid' in row and row['qid'] != '':
            err(fname, no, 'qid must stay empty until verified')
        for col in LISTS.get(fname, []):
            val = row[col]
            if val == '':
                continue
            items = val.split('|')
            for it in items:
                if it == '':
                    err(fname, no, f'{col}: empty list item')
                elif it != it.strip():
                    err(fname, no, f"{col}: space around '|' in {it!r}")
            dups = sorted({x for x in items if items.count(x) > 1})
            if dups:
                err(fname, no, f'{col}: duplicate items {dups}')
        rows.append((no, row))
    return rows


def items(val):
    return [x for x in val.split('|') if x] if val else []


def check_sorted(fname, rows, keyfn, what):
    prev = None
    for no, row in rows:
        k = keyfn(row)
        if prev is not None and k < prev:
            err(fname, no, f'not sorted by {what}')
        prev = k


def check_unique(fname, rows, keyfn, what):
    seen = {}
    for no, row in rows:
        k = keyfn(row)
        if k in seen:
            err(fname, no, f'duplicate {what} {k!r} (first at line {seen[k]})')
        else:
            seen[k] = no


def b(s):
    return s.encode('utf-8')


def parse_date(fname, no, col, val):
    if not DATE_RE.match(val):
        err(fname, no, f'{col}: not YYYY-MM-DD: {val!r}')
        return None
    try:
        return datetime.date.fromisoformat(val)
    except ValueError:
        err(fname, no, f'{col}: invalid date {val!r}')
        return None


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    data = {f: load(d, f) for f in HEADERS}

    # sort order and unique keys
    for f in HEADERS:
        rows = data[f]
        if f == 'positions.tsv':
            check_sorted(f, rows, lambda r: (b(r['person']), r['from']), 'person, then from')
            check_unique(f, rows, lambda r: (r['person'], r['position'], r['iso3'], r['from']),
                         'person+position+iso3+from')
        elif f == 'titles.tsv':
            check_sorted(f, rows, lambda r: (b(r['form']), r['lang']), 'form, then lang')
            check_unique(f, rows, lambda r: (r['form'], r['lang']), 'form+lang')
        else:
            first = HEADERS[f][0]
            check_sorted(f, rows, lambda r, c=first: b(r[c]), first)
            check_unique(f, rows, lambda r, c=first: r[c], first)

    states = {r['iso3']: r for _, r in data['states.tsv']}
    orgs = {r['key'] for _, r in data['organizations.tsv']}
    persons = {r['key'] for _, r in data['persons.tsv']}

    # formats and references
    for no, r in data['states.tsv']:
        if not ISO3_RE.match(r['iso3']):
            err('states.tsv', no, f"bad iso3 {r['iso3']!r}")
        forms = items(r['forms'])
        for lab in ('label_de', 'label_en'):
            if r[lab] not in forms:
                err('states.tsv', no, f'{lab} {r[lab]!r} missing from forms')
        for stem in items(r['demonym_de']):
            if not STEM_RE.match(stem):
                err('states.tsv', no, f'demonym_de {stem!r}: expected lowercase stem (optionally US-)')
    for col in ('demonym_de', 'demonym_en'):
        seen = {}
        for no, r in data['states.tsv']:
            for x in items(r[col]):
                if x in seen and seen[x][1] != r['iso3']:
                    err('states.tsv', no, f'{col} {x!r} also used by {seen[x][1]} (line {seen[x][0]})')
                seen.setdefault(x, (no, r['iso3']))

    for f in ('cities.tsv', 'governments.tsv', 'agencies.tsv', 'organizations.tsv', 'groups.tsv',
              'parties.tsv', 'regions.tsv', 'persons.tsv'):
        for no, r in data[f]:
            if not KEY_RE.match(r['key']):
                err(f, no, f"key {r['key']!r} is not an ascii lowercase slug")
            if 'iso3' in r and r['iso3'] not in states:
                err(f, no, f"iso3 {r['iso3']!r} not in states.tsv")
    # parties and regions: the key is '<iso3 lowercase>-<slug>' of the row's own state
    for f in ('parties.tsv', 'regions.tsv'):
        for no, r in data[f]:
            if not PREFIXED_KEY_RE.match(r['key']) or r['key'][:3] != r['iso3'].lower():
                err(f, no, f"key {r['key']!r} must be '{r['iso3'].lower()}-<slug>'")
            for form in items(r['forms']):
                if form.endswith("'s") and form[:-2].endswith('s'):
                    err(f, no, f"form {form!r}: no 's after a name ending in s")
                if '\u2019' in form:
                    err(f, no, f"form {form!r}: typographic apostrophe (use ')")
    for no, r in data['cities.tsv']:
        if r['capital'] not in ('yes', 'no'):
            err('cities.tsv', no, f"capital must be yes/no, got {r['capital']!r}")
    capitals = {}
    for no, r in data['cities.tsv']:
        if r['capital'] == 'yes':
            capitals.setdefault(r['iso3'], []).append(r['key'])
    for iso in states:
        if len(capitals.get(iso, [])) > 1:
            err('cities.tsv', 0, f'{iso} has more than one capital=yes: {capitals[iso]}')

    for no, r in data['titles.tsv']:
        if r['lang'] not in ('de', 'en'):
            err('titles.tsv', no, f"lang must be de/en, got {r['lang']!r}")
        if r['position'] not in POSITIONS:
            err('titles.tsv', no, f"unknown position {r['position']!r}")
        if r['iso3'] and r['iso3'] not in states:
            err('titles.tsv', no, f"iso3 {r['iso3']!r} not in states.tsv")

    spans = []
    for no, r in data['positions.tsv']:
        if r['person'] not in persons:
            err('positions.tsv', no, f"person {r['person']!r} not in persons.tsv")
        if r['position'] not in POSITIONS:
            err('positions.tsv', no, f"unknown position {r['position']!r}")
        if r['iso3'] not in states and r['iso3'] not in orgs:
            err('positions.tsv', no, f"iso3 {r['iso3']!r} is neither a state nor an organization key")
        start = parse_date('positions.tsv', no, 'from', r['from'])
        end = parse_date('positions.tsv', no, 'to', r['to']) if r['to'] else datetime.date.max
        if start and end and start > end:
            err('positions.tsv', no, f"from {r['from']} is after to {r['to']}")
        if start and end:
            spans.append((no, r, start, end))
    for i, (no1, r1, s1, e1) in enumerate(spans):
        for no2, r2, s2, e2 in spans[i + 1:]:
            if r1['iso3'] != r2['iso3'] or r1['position'] != r2['position']:
                continue
            # touching intervals (one ends the day the other starts) are fine
            if s1 < e2 and s2 < e1:
                if r1['person'] == r2['person']:
                    err('positions.tsv', no2, f"overlaps line {no1} (same person, position, iso3)")
                elif r1['position'] in SINGLE_HOLDER:
                    err('positions.tsv', no2,
                        f"{r2['person']} and {r1['person']} (line {no1}) hold "
                        f"{r1['position']} {r1['iso3']} on overlapping days")

    check_given_names(data)

    # surface forms: one entity per form, within and across files
    owner = {}
    for f, cols in FORM_COLS.items():
        first = HEADERS[f][0]
        for no, r in data[f]:
            for col in cols:
                for form in items(r[col]):
                    ent = (f, r[first])
                    if form in owner and owner[form][0] != ent:
                        (pf, pkey), pno = owner[form]
                        if allowed_shared(f, r, pf, pkey, data):
                            continue
                        err(f, no, f'form {form!r} also belongs to {pf} {pkey!r} (line {pno})')
                    else:
                        owner.setdefault(form, (ent, no))

    for e in errors:
        print(e)
    counts = ', '.join(f'{f}={len(data[f])}' for f in HEADERS)
    if errors:
        print(f'FAILED: {len(errors)} problem(s). Rows: {counts}')
        return 1
    print(f'OK. Rows: {counts}')
    return 0


def check_given_names(data):
    f = 'given_names.tsv'
    places = {}
    for src in ('states.tsv', 'cities.tsv', 'governments.tsv', 'agencies.tsv',
                'organizations.tsv', 'groups.tsv', 'parties.tsv', 'regions.tsv'):
        for _, r in data[src]:
            for form in items(r['forms']):
                places.setdefault(form, src)
    for _, r in data['titles.tsv']:
        places.setdefault(r['form'], 'titles.tsv')
    surnames = set()
    for _, r in data['persons.tsv']:
        surnames.update(items(r['surnames']))
    for no, r in data[f]:
        name = r['name']
        if not GIVEN_NAME_RE.match(name) or not name[0].isupper():
            err(f, no, f'name {name!r}: expected one capitalised token (letters, inner - or \')')
        if not ORIGIN_RE.match(r['origin']):
            err(f, no, f"origin {r['origin']!r}: expected a 2-3 letter lowercase tag")
        if name in GIVEN_NAME_STOPLIST:
            err(f, no, f'name {name!r} is on GIVEN_NAME_STOPLIST (ambiguous token)')
        if name in places:
            err(f, no, f'name {name!r} is also a form in {places[name]}')
        if name in surnames and name not in GIVEN_NAME_SURNAME_OK:
            err(f, no, f'name {name!r} is also a persons.tsv surname form')


def allowed_shared(f, r, pf, pkey, data):
    """A city-state's capital may share its forms with the state."""
    pair = {f, pf}
    if pair != {'states.tsv', 'cities.tsv'}:
        return False
    if f == 'cities.tsv':
        city, iso = r, pkey
    else:
        iso = r['iso3']
        city = next((c for _, c in data['cities.tsv'] if c['key'] == pkey), None)
    return city is not None and city['capital'] == 'yes' and city['iso3'] == iso


if __name__ == '__main__':
    sys.exit(main())
