"""Common first names in England's cities (ONS baby-name lists of the last 40 years, and names
common in South Asian, African, Caribbean, Arabic and Eastern European families), for redaction.

Kept small: titles, relations ("my son ...") and roles ("... the social worker") catch the rest.
"""

from __future__ import annotations

_FIRST_NAMES_WORDS = """
    aaliyah aaron abdul abdullah abigail adam adrian ahmed aisha ajay alex alexander alfie alice
    ali alicia amanda amara amber amelia amir amira amy andrew angela anna anne anthony archie
    arjun asha ashley ayaan ayesha bethany billy bilal bogdan brandon callum cameron carl caroline
    charlie charlotte chelsea chloe chris christopher claire connor courtney craig daisy daniel
    danielle darren david dean declan demi dylan ebony eleanor elijah eliza ella ellie emily emma
    erin ethan eva evie ewa faisal farah fatima finley freddie freya gemma george georgia grace
    graham hamza hannah harrison harry harvey hassan hayley heather helen holly ibrahim imran
    isaac isabella isla ismail jack jacob jade jake james jamie jan jason jasmine jay jayden
    jennifer jess jessica jo joanne joe joel john jordan joseph joshua julie kacper karen kate
    katie kayden kayleigh kelly kevin kieran kirsty kofi kyle laura lauren layla leah lee leo
    lewis liam lily lisa logan louise lucas lucy luke maciej maisie maria mark martin maryam mason
    matthew max maya megan mia michael michelle mohammed mohammad muhammad molly nathan natalie
    nicola noah nicole oliver olivia omar oscar paige patrick paul peter phoebe priya rachel
    rebecca reece rhys riley robert rosie ruby ryan sadia samuel sam sana sarah scott shannon
    sharon shauna simon sophie stacey stephen steven summer susan tariq thomas tom tommy tyler
    usman vanessa victoria william yasmin yusuf zack zain zainab zara zoe
    """
FIRST_NAMES = frozenset(_FIRST_NAMES_WORDS.split())

# Names that are also ordinary words: only a name when capitalised mid-sentence.
_AMBIGUOUS_WORDS = (
    "amber grace holly jade summer ruby mark will may hope faith joy rose dean max jay "
    "bill jack lee sam jo"
)
AMBIGUOUS = frozenset(_AMBIGUOUS_WORDS.split())

SURNAME_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Nurse")
RELATIONS = (
    "son|daughter|sister|brother|partner|husband|wife|boyfriend|girlfriend|ex|dad|mum|mom|"
    "father|mother|nan|nana|gran|grandad|grandma|granddad|baby|child|kid|niece|nephew|"
    "aunt|auntie|uncle|cousin|stepdad|stepmum|friend"
)
ROLES = (
    "social worker|worker|chair|po|principal officer|teacher|advocate|health visitor|"
    "midwife|gp|nurse|manager|officer|interpreter"
)
# Capitalised words that are never names here: places, services, languages, months, days.
_NOT_NAMES_WORDS = """
    i im ive id teams zoom english urdu polish punjabi bengali arabic romanian somali birmingham
    lifford house avenue road one principal officer children trust icpc rcpc po cp sw gp dsl
    mcdonalds monday tuesday wednesday thursday friday saturday sunday january february march
    april june july august september october november december the a an my our his her their
    as since tell please also and dear hi hello thanks thank yes after before
    nhs police probation housing health school council
    """
NOT_NAMES = frozenset(_NOT_NAMES_WORDS.split())
