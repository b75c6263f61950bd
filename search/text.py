"""The text rules of search: how text is cut into index terms, and how a query becomes concepts.

The index holds, for Chinese, every character and every pair of characters (so any Chinese word is
found without a word list), and for English the Snowball stem of every word (retire, retired and
retirement meet). A query is cut into words the way people write them, with jieba and a dictionary
of this site's terms; question and filler words (怎么, 吗, "how", "do"…) are dropped; and each word
becomes a *concept*: the word and its synonyms, any of which a text may use.
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

MAX_QUERY_LENGTH = 100
MAX_TERM_LENGTH = 100  # the index's column width; longer "words" are not words anyone searches for
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
COMPOUND = re.compile(r"[a-z0-9]+(?:'[a-z]+)?(?:-[a-z0-9]+)*")  # "self-employed" is one word of a query
USER_DICTIONARY = Path(__file__).parent / "data" / "dictionary.txt"

# Words that ask rather than say what is sought: dropped from a query unless nothing else is left.
STOP_WORDS = frozenset(
    """
    怎么 怎么办 怎样 如何 怎么样 吗 呢 吧 啊 了 的 地 得 么 嘛 呀 办 要 还要 还 能 能不能 可以 可不可以 该 应该
    需要 是 是不是 有 有没有 没 没有 我 我的 我们 你 您 他 她 哪里 哪儿 在哪 什么 多少 几 为什么 请问 一下
    不 给 上 去 都 就 也 想 会 让 被 把 自己 一直 已经 现在 那 这 还是 或者 和 与 及 第 条 款 项
    a an the and or of to for in on at by with from about is are was be been do does did can could should
    would will shall may might must how what where when why which who whom i me my we our you your he she
    they them it its this that these those if not no so get got have has had
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


def words(query):
    """The words of a query as people write them: jieba's cut for Chinese, letters and digits for English."""
    found = []
    for piece in re.split(f"({HAN.pattern})", query.lower()):
        if HAN.fullmatch(piece):
            found += [word for word in _segmenter().cut(piece) if HAN.fullmatch(word)]
        else:
            found += COMPOUND.findall(piece)
    return found


def concepts(query, synonyms=()):
    """What the query asks about, as concepts; `synonyms` is a list of groups of words that mean the same.

    Question and filler words are dropped, unless the query is nothing else."""
    typed = list(dict.fromkeys(words(query)))
    kept = [word for word in typed if word not in STOP_WORDS] or typed
    alike = {}
    for group in synonyms:
        for word in group:
            alike.setdefault(_key(word), set()).update(group)
    result = []
    for word in kept:
        ways = {word} | alike.get(_key(word), set())
        ordered = [word, *sorted(ways - {word}, key=lambda w: (-len(w), w))]
        result.append(
            Concept(
                word=word,
                ways=tuple(dict.fromkeys(word_terms(way) for way in ordered)),
                marks=tuple(dict.fromkeys(mark for way in ordered for mark in _marks(way))),
            )
        )
    return result


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
