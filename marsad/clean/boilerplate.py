"""Site furniture at the edges of scraped articles: share buttons, "most read", counters.

Signals are general: position (only the leading and trailing blocks of an article
are examined), shape (short, no sentence punctuation), script (Latin-only lines in an
Arabic article), emoji-headed section links, digit-only counters, and a vocabulary of
interface words in Arabic and English. No outlet's literal strings are listed.
"""

from __future__ import annotations

import re

from marsad.text.normalize import fold

# Interface vocabulary, folded. Collected from the navigation of common Arabic news
# CMSs (WordPress/Drupal Arabic locales, social-sharing widgets); matched as words.
_UI_AR = [
    "شارك", "مشاركه", "شاركها", "انشر", "تويتر", "تغريد", "فيسبوك", "فيس بوك", "واتساب", "واتس اب", "تلغرام",
    "تيليغرام", "انستغرام", "يوتيوب", "لينكد", "طباعه", "اطبع", "ارسل", "ارسال", "لصديق", "البريد الالكتروني",
    "الاكثر قراءه", "الاكثر مشاهده", "الاكثر تعليقا", "الاكثر تداولا", "الاكثر شعبيه", "اقرا ايضا", "اقرا المزيد",
    "اقرأ ايضا", "ذات صله", "مواضيع", "المواضيع", "التصنيفات", "تصنيفات", "الاقسام", "التعليقات", "تعليقات",
    "تعليق", "اضف تعليق", "اترك تعليق", "اشترك", "اشتراك", "النشره البريديه", "القائمه البريديه", "تابعونا",
    "تابعنا", "جميع الحقوق", "الحقوق محفوظه", "حقوق النشر", "الرئيسيه", "الصفحه الرئيسيه", "اتصل بنا", "من نحن",
    "سياسه الخصوصيه", "اعلان", "اعلانات", "كلمات مفتاحيه", "الوسوم", "وسوم", "اغلاق", "تكبير الخط", "تصغير الخط",
    "حجم الخط", "نسخ الرابط", "الرابط المختصر", "رابط مختصر", "مشاهدات", "قراءات", "تسجيل الدخول", "بحث",
    "القسم", "اخبار متعلقه", "مقالات ذات صله", "شاهد ايضا", "المزيد", "التالي", "السابق", "عوده",
]
_UI_EN = [
    "share", "close", "tweet", "twitter", "facebook", "whatsapp", "telegram", "print", "email", "e-mail",
    "comments", "comment", "read more", "most read", "most popular", "related", "tags", "subscribe", "login",
    "log in", "sign in", "sign up", "menu", "home", "advertisement", "ads", "cookie", "cookies", "copyright",
    "all rights reserved", "next", "previous", "back", "search", "follow us", "newsletter", "top", "more",
]
_UI_RE = re.compile(
    r"(?<![\w])(?:" + "|".join(sorted({re.escape(fold(w)) for w in _UI_AR + _UI_EN}, key=len, reverse=True)) + r")(?![\w])"
)

# Outlet-name shapes: words news sites use in their names. Generic, not a list of sites.
_OUTLET_RE = re.compile(
    r"(?:(?:نيوز|اونلاين|بوست|تايمز|برس)\b|\bنت\b|\bوكاله\b|\bصحيفه\b|\bجريده\b|\bقناه\b|\bشبكه\b|\bموقع\b|\bاذاعه\b|\bتلفزيون\b"
    r"|\.com\b|\.net\b|\.org\b|\bnews\b|\bpress\b|\btimes\b|\bpost\b)"
)
_SENTENCE_END = re.compile(r"[.!?؟…:][\"”»')\]]*\s*$")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_DIGITS_ONLY = re.compile(r"^[\s\d٠-٩()\[\].,:/\-+]+$")
_EMOJI_HEAD = re.compile(r"^\s*[\u2190-\u2bff\u2600-\u27bf\U0001f000-\U0001faff\u200d\ufe0f•►▶■□◆●★☆|>»«\-–—*#]+")

MAX_FURNITURE_WORDS = 8


def word_count(line: str) -> int:
    return len(line.split())


def is_short_fragment(line: str) -> bool:
    """Short and not a sentence: the shape of menu entries, buttons and headings."""
    return word_count(line) <= MAX_FURNITURE_WORDS and not _SENTENCE_END.search(line)


def furniture_reason(line: str, *, arabic_article: bool = True) -> str | None:
    """Why a short edge line is site furniture, or None if it carries no such signal."""
    stripped = line.strip()
    if not stripped:
        return None
    if _DIGITS_ONLY.match(stripped):
        return "counter"
    if _EMOJI_HEAD.match(stripped) and word_count(stripped) <= MAX_FURNITURE_WORDS:
        return "section-link"
    if arabic_article and _LATIN_LETTER.search(stripped) and not _ARABIC_LETTER.search(stripped):
        return "latin-ui"
    if _UI_RE.search(fold(stripped)) and is_short_fragment(stripped):
        return "ui-text"
    return None


def looks_like_outlet(line: str) -> bool:
    """A one-to-three word line shaped like a news outlet's name."""
    stripped = line.strip()
    if not (1 <= word_count(stripped) <= 3) or _SENTENCE_END.search(stripped) or _DIGITS_ONLY.match(stripped):
        return False
    return bool(_OUTLET_RE.search(fold(stripped)))
