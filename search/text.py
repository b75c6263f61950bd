"""The text rules of search: how text is cut into index terms, and how a query becomes concepts.

The index holds, for Chinese, every character and every pair of characters (so any Chinese word is
found without a word list), and for English the Snowball stem of every word (retire, retired and
retirement meet). A query is read in simplified characters (醫保 is 医保) and cut into words the way
people write them: the staff's search words whole (没工作了, lost my job), the rest with jieba and a
dictionary of this site's terms; question and filler words (怎么, 吗, "how", "do"…) are dropped. A
slip is corrected: one the staff listed (断交 for 断缴), or a word the index does not hold that is one
character (Chinese) or one or two letters (English) away from a word of the site's. Each word then
becomes a *concept*: the word, its synonyms and the site's words for it, any of which a text may use.
"""

import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import jieba
import snowballstemmer
from opencc import OpenCC
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

MAX_QUERY_LENGTH = 100
MAX_TERM_LENGTH = 100  # the index's column width; longer "words" are not words anyone searches for
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
COMPOUND = re.compile(r"[a-z0-9]+(?:'[a-z]+)?(?:-[a-z0-9]+)*")  # "self-employed" is one word of a query
USER_DICTIONARY = Path(__file__).parent / "data" / "dictionary.txt"
LONGEST_PHRASE = 4  # English words in a phrase matched whole ("lost my job")

# Words that ask rather than say what is sought: dropped from a query unless nothing else is left.
STOP_WORDS = frozenset(
    """
    在 怎么 怎么办 怎样 如何 怎么样 吗 呢 吧 啊 了 的 地 得 么 嘛 呀 办 要 还要 还 能 能不能 可以 可不可以 该 应该
    需要 是 是不是 有 有没有 没 没有 我 我的 我们 你 您 他 她 哪里 哪儿 在哪 什么 多少 几 为什么 请问 一下
    不 给 上 去 都 就 也 想 会 让 被 把 自己 一直 已经 现在 那 这 还是 或者 和 与 及 第 条 款 项 找 请 帮 帮忙
    a an the and or of to for in on at by with from about is are was be been do does did can could should
    would will shall may might must how what where when why which who whom i me my we our you your he she
    they them it its this that these those if not no so get got have has had going go want need please help im
    just also still really
    """.split()
)


@dataclass(frozen=True)
class Concept:
    """One thing the query asks about: the word as typed and every way a text may say it. Each way is
    the tuple of index terms a text must all hold (the pairs of a Chinese word, or one English stem)."""

    word: str
    ways: tuple  # of tuples of terms
    marks: tuple  # what to highlight: Chinese words as written, English stems

    def __str__(self):
        return self.word


@dataclass(frozen=True)
class Vocabulary:
    """The staff's search words, ready for reading queries (see `vocabulary`)."""

    alike: dict  # word's key -> the words of its synonym groups
    leads: dict  # word's key -> the site's words an everyday word stands for
    slips: dict  # word's key -> the site's word a slip stands for
    phrases: frozenset  # Chinese words and English phrases matched whole in a query
    lexicon: tuple  # the site's words a slip not listed may be corrected to, the first the likeliest
    domain: frozenset  # the keys of every word the staff listed and of the site's terms
    near: dict  # a Chinese site word of the lexicon with one character left out ("滞纳?") -> the word
    near_lengths: tuple  # the lengths of those, longest first

    def knows(self, word):
        """Whether `word` is one of the domain's: the staff listed it, or it is one of the site's terms."""
        return _key(word) in self.domain


def vocabulary(synonym_groups=(), everyday=()):
    """The Vocabulary of `synonym_groups` (lists of words that mean the same) and `everyday` ((words people
    type, the site's words for them, whether they are slips))."""
    alike, leads, slips = {}, {}, {}
    for group in synonym_groups:
        for word in group:
            alike.setdefault(_key(word), set()).update(group)
    for typed, means, is_slip in everyday:
        for word in typed:
            if is_slip and means:
                slips[_key(word)] = means[0]
            else:
                leads.setdefault(_key(word), set()).update(means)
    every = [word for group in synonym_groups for word in group]
    every += [word for typed, means, _is_slip in everyday for word in [*typed, *means]]
    phrases = {word for word in every if (HAN.fullmatch(word) and len(word) > 1) or " " in word}
    slipped = {_key(word) for typed, _means, is_slip in everyday if is_slip for word in typed}
    lexicon = [*_dictionary(), *(word for word in every if _key(word) not in slipped)]
    domain = {_key(word) for word in [*every, *_dictionary()]}
    # A Chinese slip is corrected only to a word of the site's (the dictionary's, a synonym, a row's site
    # words), never to one that only people type: 支付宝 may lead somewhere without 支付额 becoming a slip for it.
    sites = [*_dictionary(), *(word for group in synonym_groups for word in group)]
    sites += [word for _typed, means, _is_slip in everyday for word in means]
    only_typed = {_key(word) for typed, _means, _is_slip in everyday for word in typed} - {_key(w) for w in sites}
    near = {}
    for word in lexicon:
        if HAN.fullmatch(word) and len(word) >= 3 and _key(word) not in only_typed:
            for i in range(len(word)):
                near.setdefault(word[:i] + "?" + word[i + 1 :], word)
    return Vocabulary(
        alike={key: frozenset(words) for key, words in alike.items()},
        leads={key: tuple(sorted(words)) for key, words in leads.items()},
        slips=slips,
        phrases=frozenset(phrases),
        lexicon=tuple(dict.fromkeys(lexicon)),
        domain=frozenset(domain),
        near=near,
        near_lengths=tuple(sorted({len(pattern) for pattern in near}, reverse=True)),
    )


def clean_query(query):
    """The query with control characters dropped and spaces collapsed; empty when nothing is left."""
    visible = "".join(ch for ch in query if unicodedata.category(ch)[0] != "C")
    return " ".join(visible.split())


def index_terms(text):
    """Every index term in `text` with how often it occurs."""
    counted = Counter()
    for run in HAN.findall(text):
        counted.update(run)
        counted.update(run[i : i + 2] for i in range(len(run) - 1))
    counted.update(stem(word) for word in WORD.findall(text.lower()) if len(word) <= MAX_TERM_LENGTH)
    return counted


def word_terms(word):
    """The index terms a text must hold to contain `word`: its character pairs, or its stems (an English
    synonym may be a phrase: "medical insurance")."""
    if HAN.fullmatch(word):
        return (word,) if len(word) == 1 else tuple(dict.fromkeys(word[i : i + 2] for i in range(len(word) - 1)))
    return tuple(stem(part) for part in WORD.findall(word.lower()))


def words(query, phrases=frozenset()):
    """The words of a query as people write them, in simplified characters: `phrases` whole, the rest of
    the Chinese as jieba cuts it, and English letters and digits."""
    found = []
    for piece in re.split(f"({HAN.pattern})", simplified(query.lower())):
        if HAN.fullmatch(piece):
            found += _chinese_words(piece, phrases)
        else:
            found += _english_words(COMPOUND.findall(piece), phrases)
    return found


def concepts(query, known_words=None, vocab=None):
    """What the query asks about, as concepts, and the slips corrected ({word as typed: the site's word}).

    Question and filler words are dropped, unless the query is nothing else. `known_words(words)` tells
    which of `words` the index holds (all of each one's terms); a word it does not hold may be a slip.
    `vocab` is the staff's search words (a Vocabulary)."""
    staff = vocab or _no_vocabulary()
    query, slipped = simplified(query.lower()), {}
    for piece, meant in (_chinese_slips(query, staff, known_words) if known_words else {}).items():
        if piece in query:  # the longest first: a shorter one inside it is corrected with it
            query, slipped[piece] = query.replace(piece, meant), meant
    typed = list(dict.fromkeys(words(query, staff.phrases)))
    kept = [word for word in typed if word not in STOP_WORDS] or typed
    corrected = {word: staff.slips[_key(word)] for word in kept if _key(word) in staff.slips}
    if known_words is not None:
        listed = staff.alike.keys() | staff.leads.keys()
        unlisted = [word for word in kept if word not in corrected and _key(word) not in listed]
        held = known_words(unlisted)
        for word in unlisted:
            if word not in held and (closest := _closest(word, staff.lexicon, known_words)):
                corrected[word] = closest
    corrected.update(slipped)
    result = []
    for word in dict.fromkeys(corrected.get(word, word) for word in kept):
        ways = {word, *staff.alike.get(_key(word), ())}
        for meant in staff.leads.get(_key(word), ()):
            ways |= {meant, *staff.alike.get(_key(meant), ())}
        # Only the ways of the language typed: every text holds both, and "agency" would match the
        # English beside every Chinese text that 中介 does not.
        ways = {way for way in ways if _script(way) in (_script(word), "digits")}
        ordered = [word, *sorted(ways - {word}, key=lambda w: (-len(w), w))]
        result.append(
            Concept(
                word=word,
                ways=tuple(dict.fromkeys(terms for way in ordered if (terms := word_terms(way)))),
                marks=tuple(dict.fromkeys(mark for way in ordered for mark in _marks(way))),
            )
        )
    return result, corrected


def _script(word):
    """ "zh", "en", or "digits" for a word of digits alone (12393), which either language may use."""
    if HAN.search(word):
        return "zh"
    return "en" if re.search("[a-z]", word.lower()) else "digits"


def simplified(text):
    """`text` in simplified characters: 醫保繳費 is 医保缴费."""
    return _converter().convert(text) if HAN.search(text) else text


@lru_cache(maxsize=100_000)
def stem(word):
    return _stemmer().stemWord(word)


def normalised(query_concepts):
    """The query as searched, for the page: "缴 医疗保险"."""
    return " ".join(concept.word for concept in query_concepts)


def _marks(way):
    """What to highlight for one way of saying a concept: a Chinese word as written, or English stems."""
    return (way,) if HAN.fullmatch(way) else tuple(stem(part) for part in WORD.findall(way.lower()))


def _key(word):
    """What synonyms are looked up by: a Chinese word as written, an English word's stem, a compound whole."""
    if HAN.fullmatch(word) or "-" in word or " " in word:
        return word.lower()
    return stem(word.lower())


def _chinese_words(run, phrases):
    """A run of Chinese characters cut into words: the longest of `phrases` first, from the left, and jieba
    for what lies between them."""
    found, start, i = [], 0, 0
    lengths = _chinese_lengths(phrases)
    while i < len(run):
        phrase = next((run[i : i + n] for n in lengths if run[i : i + n] in phrases), "")
        if phrase:
            found += _segmenter().cut(run[start:i]) if start < i else []
            found.append(phrase)
            i = start = i + len(phrase)
        else:
            i += 1
    found += _segmenter().cut(run[start:]) if start < len(run) else []
    return [word for word in found if HAN.fullmatch(word)]


def _english_words(tokens, phrases):
    """English words, with a phrase of `phrases` ("lost my job") taken as one word."""
    found, i = [], 0
    while i < len(tokens):
        sizes = range(min(LONGEST_PHRASE, len(tokens) - i), 1, -1)
        n = next((n for n in sizes if " ".join(tokens[i : i + n]) in phrases), 1)
        found.append(" ".join(tokens[i : i + n]))
        i += n
    return found


def _chinese_slips(text, staff, known_words):
    """{piece of `text`: the word of the site's it is likely a slip for}: a piece the index does not hold,
    one character away from a word of the lexicon of three characters or more (two-character slips are too
    many to guess: the staff list them). Found before the text is cut, as jieba cuts a slip apart. A filler
    word is never the slip (辞职了医保 is 辞职, 了, 医保, not a slip for 职工医保), and a run that reads as
    the domain's words has none (异地交医保 is 异地, 交, 医保, not a slip for 异地就医)."""
    found = {}
    for run in HAN.findall(text):
        in_run = {}
        for size in staff.near_lengths:
            for i in range(len(run) - size + 1):
                piece = run[i : i + size]
                meant = next(
                    (
                        w
                        for k in range(size)
                        if piece[k] not in STOP_WORDS and (w := staff.near.get(piece[:k] + "?" + piece[k + 1 :]))
                    ),
                    None,
                )
                if meant and meant != piece:
                    in_run.setdefault(piece, meant)
        # Cut only a run that has a likely slip: most have none.
        if in_run and not all(staff.knows(w) for w in _chinese_words(run, staff.phrases) if w not in STOP_WORDS):
            for piece, meant in in_run.items():
                found.setdefault(piece, meant)
    if not found:
        return {}
    held = known_words([*found, *found.values()])
    return {piece: meant for piece, meant in found.items() if piece not in held and meant in held}


def _closest(word, lexicon, known_words):
    """The English word of `lexicon` that `word` (five letters or more) is likely a slip for, that the index
    holds: one with the same first letter at most one letter away (two from eight letters on); the first
    in the lexicon of the nearest."""
    if len(word) < 5 or not word.isalpha() or not word.isascii():
        return None
    limit = 1 if len(word) < 8 else 2
    english = [w for w in lexicon if w[0] == word[0]]
    found = process.extract(word, english, scorer=Levenshtein.distance, score_cutoff=limit, limit=None)
    near = [w for w, _distance, _index in sorted(found, key=lambda match: (match[1], match[2]))]
    held = known_words(near[:10])
    return next((w for w in near if w in held), None)


@lru_cache(maxsize=16)
def _chinese_lengths(words):
    """The lengths of the Chinese words of `words` (two characters or more), longest first: worked out once
    for each vocabulary, not for every query."""
    return tuple(sorted({len(word) for word in words if HAN.fullmatch(word) and len(word) > 1}, reverse=True))


@cache
def _no_vocabulary():
    return vocabulary()


@cache
def _converter():
    return OpenCC("t2s")


@cache
def _dictionary():
    """The site's terms in the user dictionary (which also teaches jieba a few question words)."""
    lines = USER_DICTIONARY.read_text(encoding="utf-8").splitlines()
    return tuple(word for line in lines if line.strip() and (word := line.split()[0]) not in STOP_WORDS)


@cache
def _stemmer():
    return snowballstemmer.stemmer("english")


@cache
def _segmenter():
    """jieba with this site's terms (医保, 灵活就业, 断缴…), loaded once per process."""
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(USER_DICTIONARY))
    return tokenizer
