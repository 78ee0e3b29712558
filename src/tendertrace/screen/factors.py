"""Every number the screener decides with, in one place, each with its reason.

The index (``index``), the candidate bounds (``bound``), the score (``score``), the relation rules
(``relation``) and the screener that runs them (``matcher``) read these and write no number of their
own. A change here changes answers: check it with ``bench/screening_eval.py`` on every labelled set.
"""

from __future__ import annotations

import re

from ..knowledge import files as knowledge

_WORDS = knowledge.name_words()  # the word lists the factors below are read with

# -- the threshold and the rounding of scores ---------------------------------------------------

DEFAULT_THRESHOLD = 0.82  # a hit's score at least this; the benchmark's precision and recall meet here
SCORE_DIGITS = 3  # hits carry scores rounded to three places
ROUNDING = 0.0005 + 1e-9  # so a score of 0.8196, shown as 0.82, counts as reaching 0.82
PERFECT = 0.999  # a translation that scores this needs no further translation tried after it
RANKED = 5  # hits kept per query: the best five and whatever ties the fifth

# -- index weights ------------------------------------------------------------------------------

IDF_FLOOR = 1.0  # added to every token's IDF (measured on screening_dev: 0.5-2 are equally good, 0 is worse)
RARE_IDF = 5.0  # IDF log(1 + 54) + IDF_FLOOR: a word on at most one name in 54 distinguishes a name
RARE_IDF_EPSILON = 1e-9  # on a short list the rarest word must still count as rare: just under its IDF
INITIALISM_WEIGHT = 0.95  # an initialism the list does not print ranks below the names it does
# "CETC 10th Research Institute" indexed also as "10th Research Institute": a unit written without
# its group's initialism loses which group it is in (CASC and CETC both number their institutes),
# so the form ranks below every published name, initialism (0.95) and bracket-less form (0.97),
# and a query naming another group's initialism does not reach it whole; 0.9 still lets the
# group-less name written in full clear the threshold (0.82) on its own.
GROUP_LESS_WEIGHT = 0.9
MIN_GROUP_INITIALISM = 3  # letters: CETC, CSSC, AVIC, CAS; two capitals are anyone's (HK, JV)
MAX_UNIT_DESIGNATION_WORDS = 5  # "5th Academy, 503 Institute": a numbered unit's designation is short; more is an address
UNOWN_BRACKET_WEIGHT = 0.97  # a name without a bracket that is not its own initialism ("(Beijing)") loses a distinction
PARENT_INITIALISM_WORDS = 3  # a parent's initials learned from its name have 3+ letters (MNR, CAS); two are anyone's
MIN_ACRONYM_SHARE = 2 / 3  # an initialism the lists spell out two ways is learned only if one way dominates
MIN_INITIALISM_WORDS = 4  # UESTC: an unprinted initialism needs four content words to be distinctive
SHORT_INITIALISM_WORDS = 3  # HIT, BIT: three-word initials, kept only where they name one organisation
LONE_INITIAL_WEIGHT = 0.5  # a single letter's share of its IDF: a middle initial is often left out (Gena C Randolph)
PATRONYMIC_WEIGHT = 0.3  # a patronymic's share of its IDF: lists write a person with it and without it
MIN_PATRONYMIC_LETTERS = 7  # the shortest patronymics (Lvovich, Ilinich): shorter words are given names
SKELETON_MIN_LETTERS = 5  # shorter words are their own skeleton: too few consonants to tell names apart
SLIP_KEY_LETTERS = 4  # a misspelt word is looked up by its first and its last four letters
LONG_WORD_LETTERS = 4  # words this long can have fuzzy variants, and are bounded by their initial

# -- candidate bounding -------------------------------------------------------------------------

COMMON_POSTINGS = 300  # a word on more names than this does not block
CANDIDATE_CAP = 300  # names scored per translation at most: those sharing the most weight with the query
BOUND_SLACK = 0.05  # covers fuzzy pairs whose two spellings weigh differently in the shared-weight bound

# -- the score ----------------------------------------------------------------------------------

FUZZY_RATIO = 0.85  # two words of four letters or more agree by rapidfuzz ratio at least this
FUZZY_LENGTH_GAP = 3  # ... and lengths within this many letters (a longer gap is no spelling variant)
STEM_MIN_LETTERS = 8  # two words sharing this long a beginning ...
STEM_TAIL = 3  # ... with at most this many letters after it are one stem's endings (supercomputer/-ing)
STEM_CREDIT = 0.9  # what such a pair counts for: below a fuzzy match of the same word
ONE_EDIT_MIN_LETTERS = 5  # a word this long with one letter wrong is a typing slip, not another word
ONE_EDIT_SAME_START = 2  # ... if its first two letters stand (Hunan / Henan are two provinces)
ONE_EDIT_LONG_LETTERS = 6  # from this length the first letter standing is enough (Tayota / Toyota)
ONE_EDIT_CREDIT = 0.85  # what a slip counts for: as much as the weakest fuzzy match
PREFIX_LETTERS = 4  # two words sharing this many first letters lead alike (industry / industrial)
INITIAL_CREDIT = 0.8  # an initial stands for its word, but less surely than the word written out
LEAD_MISMATCH = 0.9  # factor when the query's first word -- usually its place name -- is not in the listed name
READING_FACTOR = 0.95  # a reading of a name's sound (pinyin, Korean) is the weakest bridge: its score times this
ALIAS_MARGIN = 0.1  # an alias-table translation within this of the threshold is raised to it

# -- relations ----------------------------------------------------------------------------------

FULL_COVER = 0.95  # a side whose weight is this much matched names all of the other side's words
PARENT_COVER = 0.9  # a parent cut from a name must cover this much of the listed name to stand for it
COMMON_PARENT_POSTINGS = 40  # a one-word parent must be a rare name ("Inspur"), not a common word ("Global")
OWN_WORD_LETTERS = 4  # a word this long that the other name lacks makes it another party
SISTER_PREFIX_LETTERS = 3  # ... unless it shares this many first letters with one of the other's words
PLACE_MIN_LETTERS = 4  # a word put inside a listed name is a place if at least this long ("yu" of 与 is not)
PARENT_WORD_MIN_LETTERS = 5  # "Inspur Cloud ..." -> "Inspur": a leading word this long may be the parent
MIN_UNIT_CHARS = 5  # a unit written after its group's Chinese name is at least this long (上海飞机设计研究院 is 9)
MIN_GROUP_INITIALS = 3  # a group's initialism in front of a unit's name (AVIC, COMAC): shorter ones are words
SHORT_FORM_MIN_WORDS = 2  # a person's short name keeps at least the first and the last name
SHORT_FORM_MAX_LEFT_OUT = 2  # ... leaving out at most two: past that, two people who share a first and last name
# What a company sharing a listed company's place and trade name scores as its affiliate: a hit, below
# a name the lists or the alias tables give, since a trade name is evidence of a group, not proof.
TRADE_NAME_SCORE = 0.88
# What a listed company's trade name written alone (深网视界 for 深圳市深网视界科技有限公司) scores: a
# hit, as the short name (简称) tenders use, below a name the lists or the alias tables give -- a
# trade name is protected only at its place, so another place's company may share it.
SHORT_NAME_SCORE = 0.9
SHORT_FORM_SCORE = 0.85  # what a short form of a listed person's name scores: a hit, below the name in full
# A person's name spelled another way, word by word (Wladimir Putin / Vladimir Putin): a hit as
# strong as a short form, below the name as listed, since a sound is weaker evidence than letters.
SPELLED_ALIKE_SCORE = 0.85
PHONETIC_MIN_LETTERS = 5  # shorter words share a Metaphone key too easily (Cook / Cock, Hans / Hanz)
PHONETIC_LENGTH_GAP = 1  # a sound respelt adds or drops at most one letter (Husayn / Hussein, Scholz / Schulze)
PHONETIC_MIN_RATIO = 0.6  # ... and keeps most of its letters (Husayn / Hussein 0.62; Marquez / Marcos, two surnames, 0.46)
LINEAGE_WORDS = frozenset(_WORDS.lineage_words)  # "son/daughter of" in Arabic chains
LINEAGE_PARTICLES = frozenset(_WORDS.lineage_particles)  # articles and kunya words inside a link, not a name of it
MIN_SPLIT_LETTERS = 3  # a run-together word is cut only into a first word of three letters or more

# -- readings of names in other scripts ---------------------------------------------------------

SYMBOL_READINGS = 3  # readings of a name in another script tried, each with the next spelling of its parts
MIN_SYMBOL_LETTERS = 3  # shorter listed words are initials or particles, not given or family names

# -- caches -------------------------------------------------------------------------------------

QUERY_CACHE = 100_000  # screened queries remembered: a corpus repeats its buyers and suppliers
SCORED_CACHE = 100_000  # translations whose scored candidates are remembered: parents recur (中国科学院, a city's 人民政府)
WORD_CACHE = 200_000  # word-level caches (same words, organisation counts)
PAIR_CACHE = 500_000  # token-pair similarities

# -- what kinds of translation count for what ---------------------------------------------------

LATIN_FORMS = ("as-is", "untitled", "rejoined", "acronym")  # the query's own words, not a translation
READINGS = ("pinyin", "pinyin-name", "korean")  # readings of a name's sound, weaker than a translation
VOUCHING = ("alias", "pinyin-alias")  # translations the alias table vouches for
# Names whose words are compared as written: the query's own words and a glossary composition of its
# Chinese (工业和信息化部 is "Ministry of Industry and Information Technology"); a word of its own
# on each side names two bodies. Readings (pinyin) and alias-table names are not compared so.
OWN_WORD_FORMS = (*LATIN_FORMS, "glossary")
CONNECTIVES = frozenset(_WORDS.initialism_connectives)  # passed over when initials spell a phrase
INITIALISM_SKIPPED = tuple(_WORDS.initialism_skipped)  # no letter in an initialism

SYMBOL_SCRIPTS = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u0750-\u077f]")  # Greek, Cyrillic, Hebrew, Arabic
