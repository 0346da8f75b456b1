#!/usr/bin/env python3
"""pith test server: a deterministic local HTTP/1.1 server for pith's tests.

Usage:
    python3 tests/server/test_server.py --port-file PATH [--port 0]
        [--max-seconds 600] [--verbose]
    python3 tests/server/test_server.py --self-test

Binds 127.0.0.1 only.  The chosen port is written to PATH (via PATH.tmp and
rename).  Serves until SIGTERM/SIGINT or until --max-seconds elapse.
Standard library only.  See README.md in this directory for the endpoints.
"""

import argparse
import gzip
import http.client
import json
import os
import re
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urljoin, urlsplit

MIB = 1024 * 1024

# --------------------------------------------------------------------------
# Content
# --------------------------------------------------------------------------


class Article:
    def __init__(self, title, h1, paragraphs, lang="en"):
        self.title = title
        self.h1 = h1
        self.paragraphs = list(paragraphs)
        self.lang = lang

    def expect_text(self):
        return "".join(p + "\n" for p in self.paragraphs)


NAV = (
    '<header class="site-header">\n'
    '<div class="logo"><a href="/">The Pith Gazette</a></div>\n'
    '<nav class="menu" id="main-menu"><ul>'
    '<li><a href="/">Home</a></li>'
    '<li><a href="/pages/1">World</a></li>'
    '<li><a href="/pages/2">Business</a></li>'
    '<li><a href="/pages/3">Culture</a></li>'
    '<li><a href="/pages/4">Food</a></li>'
    '<li><a href="/pages/5">Travel</a></li>'
    '<li><a href="/status/404">Archive</a></li>'
    "</ul></nav>\n"
    "</header>\n"
)

ASIDE = (
    '<aside class="related"><h2>Related stories</h2><ul>'
    '<li><a href="/pages/10">Ten things to do this weekend</a></li>'
    '<li><a href="/pages/11">Subscribe to our newsletter</a></li>'
    '<li><a href="/pages/12">Most read this week</a></li>'
    "</ul></aside>\n"
)

FOOTER = (
    '<footer class="site-footer">\n'
    '<p>&#169; 2024 The Pith Gazette. All rights reserved. '
    '<a href="/about">About us</a> | <a href="/privacy">Privacy policy</a> | '
    '<a href="/contact">Contact</a></p>\n'
    '<p class="cookie-note">We use cookies to improve your experience.</p>\n'
    "</footer>\n"
)


def render_html(article, meta_charset=None, head_extra="", xhtml=False):
    """Render an article page.  Everything outside the article text is ASCII
    and well-formed XML (void tags self-closed, numeric character refs)."""
    out = []
    if xhtml:
        out.append('<?xml version="1.0" encoding="utf-8"?>\n')
        out.append(
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        )
        out.append(
            '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="%s" lang="%s">\n'
            % (article.lang, article.lang)
        )
    else:
        out.append("<!DOCTYPE html>\n")
        out.append('<html lang="%s">\n' % article.lang)
    out.append("<head>\n")
    out.append(head_extra)
    if meta_charset:
        out.append('<meta charset="%s" />\n' % meta_charset)
    out.append("<title>%s</title>\n" % article.title)
    out.append('<meta name="viewport" content="width=device-width, initial-scale=1" />\n')
    out.append('<link rel="stylesheet" href="/static/site.css" />\n')
    out.append("</head>\n<body>\n")
    out.append(NAV)
    out.append('<main id="content">\n<article class="story">\n')
    out.append("<h1>%s</h1>\n" % article.h1)
    out.append('<p class="byline">By Staff Reporter</p>\n')
    for p in article.paragraphs:
        out.append("<p>%s</p>\n" % p)
    out.append("</article>\n")
    out.append(ASIDE)
    out.append("</main>\n")
    out.append(FOOTER)
    out.append("</body>\n</html>\n")
    return "".join(out)


ENGLISH = Article(
    "The Quiet Revival of Z\u00fcrich\u2019s Neighbourhood Bakeries",
    "The quiet revival of Z\u00fcrich\u2019s neighbourhood bakeries",
    [
        "On a cold Tuesday morning in Z\u00fcrich, the line outside the small bakery on "
        "M\u00fcllerstrasse already stretches past the flower shop next door. Inside, "
        "Ren\u00e9e Baumann \u2014 who took over the business from her grandfather eleven "
        "years ago \u2014 is pulling the first trays of sourdough loaves from a stone oven "
        "that has been burning since four o\u2019clock.",
        "Across Switzerland, independent bakeries have struggled for decades against "
        "supermarket chains and industrial bread. Yet in the last few years a quiet "
        "revival has taken hold: young bakers are reopening shuttered shops, "
        "experimenting with ancient grains such as spelt and einkorn, and selling out "
        "by noon. \u201cPeople want to know who made their bread,\u201d Baumann says, "
        "brushing flour from her apron.",
        "The revival is not only about nostalgia. Many of the new bakeries work directly "
        "with farmers in the surrounding cantons, paying higher prices for organic wheat "
        "and rye and publishing the origin of every sack of flour on a chalkboard by the "
        "door. Customers seem willing to pay a little more for a loaf that keeps for a "
        "week and tastes, as one regular put it, like a caf\u00e9 breakfast from his "
        "childhood.",
        "Still, the economics remain fragile. Energy costs rose sharply last winter, and "
        "skilled bakers are hard to find because the work begins in the middle of the "
        "night. Baumann has started training two apprentices, hoping they will one day "
        "run shops of their own. \u201cBread is a small thing,\u201d she says, \u201cbut a "
        "neighbourhood without a bakery feels empty \u2014 and that is worth fighting "
        "for.\u201d",
    ],
)

# French/German text; every character is encodable in windows-1252 and it
# uses the 0x80-0x9F range (euro, curly quotes, ellipsis, oe ligature, dash).
WESTERN = Article(
    "Le pain de Lyon et les Br\u00f6tchen de M\u00fcnchen",
    "Boulangeries d\u2019Europe\u00a0: le pain de Lyon et les Br\u00f6tchen de M\u00fcnchen",
    [
        "Chaque matin, \u00e0 l\u2019aube, la boulang\u00e8re de la rue Merci\u00e8re allume "
        "son four \u00e0 bois et pr\u00e9pare des baguettes dor\u00e9es, des croissants "
        "feuillet\u00e9s et des brioches parfum\u00e9es \u00e0 la fleur d\u2019oranger. Les "
        "habitu\u00e9s disent que c\u2019est \u00ab\u00a0le meilleur pain de Lyon\u00a0\u00bb, "
        "et ils n\u2019h\u00e9sitent pas \u00e0 faire la queue sous la pluie pour "
        "l\u2019acheter.",
        "Le prix d\u2019une baguette tradition est pass\u00e9 de 1,10\u00a0\u20ac \u00e0 "
        "1,30\u00a0\u20ac en deux ans, une hausse que la boulang\u00e8re explique par le "
        "co\u00fbt de l\u2019\u00e9nergie et de la farine. \u201cNous avons tout essay\u00e9 "
        "pour ne pas augmenter nos tarifs\u201d, confie-t-elle\u2026 Mais les clients "
        "restent fid\u00e8les, car la qualit\u00e9, dit-on, n\u2019a pas de prix.",
        "Auch in M\u00fcnchen kennt man diese Sorgen: Die B\u00e4ckerei M\u00fcller in der "
        "Schwabinger Stra\u00dfe backt seit \u00fcber hundert Jahren Brezen, Semmeln und "
        "Roggenbrot nach \u00fcberlieferten Rezepten. \u201eWir verwenden nur Mehl aus der "
        "Region und lassen den Teig mindestens zw\u00f6lf Stunden ruhen\u201c, erkl\u00e4rt "
        "der B\u00e4ckermeister stolz, w\u00e4hrend er die ersten Bleche aus dem Ofen zieht.",
        "Ob in Lyon oder in M\u00fcnchen \u2014 das Handwerk des B\u00e4ckers ver\u00e4ndert "
        "sich langsam. Junge Leute entdecken den Beruf neu, belegen Kurse \u00fcber "
        "Sauerteig und \u0152nologie\u2026 Quelques-uns ouvrent m\u00eame leur propre "
        "fournil, convaincus que le bon pain reste une affaire de patience, de "
        "savoir-faire et de c\u0153ur.",
    ],
    lang="fr",
)

JAPANESE = Article(
    "京都の老舗和菓子屋を訪ねて",
    "京都の老舗和菓子屋、二百年の味を守る",
    [
        "京都の古い町並みを歩くと、小さな和菓子屋が今も静かに店を開けていることに気づきます。"
        "創業から二百年を超える老舗では、職人が毎朝早く起きて小豆を煮て、季節の花をかたどった"
        "上生菓子を一つずつ手で仕上げています。春には桜、夏には青もみじ、秋には菊、冬には椿と、"
        "店先に並ぶ菓子を見るだけで季節の移り変わりを感じることができます。観光客だけでなく、"
        "近所の人々も茶会や法事のために菓子を買いに訪れ、店主と世間話をしながら品物を選ぶのが"
        "昔からの習慣になっています。",
        "和菓子作りで最も大切なのは餡の炊き方だと、五代目の店主は言います。北海道産の小豆を"
        "一晩水に浸し、火加減を細かく調整しながら数時間かけて煮ることで、粒の形を残したまま"
        "柔らかく、上品な甘さの餡が出来上がります。砂糖を加える時機を少しでも間違えると、豆が"
        "硬くなったり風味が落ちたりするため、若い職人は何年もかけてこの技術を身につけなければ"
        "なりません。店主は「機械では決してこの味は出せない」と話し、今でも昔ながらの銅鍋を"
        "使い続けています。",
        "近年は若い世代の間でも和菓子への関心が高まっており、店では抹茶とともに菓子を味わえる"
        "小さな喫茶室を新しく設けました。週末になると、着物姿の学生や海外からの旅行者が列を"
        "作り、職人の実演を熱心に見学しています。店主は伝統を守りながらも、新しい材料や意匠を"
        "少しずつ取り入れることで、次の百年へと店を受け継いでいきたいと考えています。町の人々も"
        "また、この小さな店が京都の文化を支える大切な存在であることを誇りに思っているのです。",
    ],
    lang="ja",
)

# Contains traditional characters (歡臨請嘗) that exist in GBK but not GB2312.
CHINESE = Article(
    "杭州龙井茶园的春天",
    "杭州龙井茶园：三代人守护的炒茶手艺",
    [
        "每年春天，杭州西湖周边的茶园都会迎来一年中最忙碌的季节。清明节前后，采茶工人天还没亮"
        "就背着竹篓上山，用灵巧的手指摘下最嫩的芽叶。这些新鲜的茶叶被送到山下的作坊里，由经验"
        "丰富的师傅在铁锅中反复翻炒，整个过程全凭手感来控制温度和力度。炒好的龙井茶色泽翠绿，"
        "香气清高，泡在玻璃杯中，芽叶一根根竖立起来，仿佛在水中跳舞，让人赏心悦目。每到这个时候，"
        "附近的村民也会把自家炒好的新茶拿到镇上的集市出售，老主顾们早早就来排队，只为尝到今年的第一口春茶。",
        "一位在茶园工作了四十多年的老师傅说，炒茶是一门需要用一辈子去体会的手艺。火候太大，"
        "茶叶容易焦糊；火候太小，香气又出不来。他年轻的时候跟着父亲学艺，手上被烫出的水泡数也"
        "数不清。如今他的儿子和孙女也开始学习这门技术，一家三代人每天在同一间屋子里忙碌着。他"
        "常常对年轻人说，好茶没有捷径，只有日复一日的耐心和对细节的坚持，才能做出让客人满意的"
        "味道。在他看来，手艺的传承比任何荣誉都更加重要，因为每一锅茶里都藏着几代人的心血和记忆。",
        "近几年来，越来越多的游客专程来到茶园，亲手体验采茶和炒茶的乐趣。许多来自台湾和香港的"
        "客人习惯使用繁体字，茶园门口的招牌上因此特意写着「歡迎光臨，請慢慢品嘗」几个大字。当地"
        "政府也在积极推动茶文化与旅游的结合，修建了步道、茶室和小型博物馆，让人们在欣赏风景的"
        "同时了解龙井茶悠久的历史。对于茶农来说，这不仅带来了额外的收入，也让古老的手艺找到了"
        "新的生命。傍晚时分，游客们坐在茶室里，一边品茶一边眺望远处的湖光山色，久久不愿离去。",
    ],
    lang="zh",
)

KOREAN = Article(
    "전주 비빔밥 이야기",
    "전주 한옥마을의 비빔밥, 삼대를 이어온 손맛",
    [
        "전주의 한옥마을 골목을 걷다 보면 오래된 식당들이 점심 준비로 분주한 모습을 볼 수 "
        "있습니다. 이 도시를 대표하는 음식은 단연 비빔밥으로, 놋그릇에 따뜻한 밥을 담고 그 위에 "
        "콩나물, 시금치, 고사리, 도라지 같은 나물과 육회, 달걀노른자를 정성스럽게 올려 냅니다. "
        "손님들은 고추장을 한 숟가락 넣고 천천히 비벼 먹으며, 재료 하나하나가 어우러지는 깊은 "
        "맛에 감탄합니다. 많은 여행객이 이 한 그릇을 먹기 위해 일부러 전주를 찾아옵니다.",
        "삼대째 식당을 운영하고 있는 주인은 좋은 비빔밥의 비결이 신선한 재료와 정직한 손맛에 "
        "있다고 말합니다. 그는 매일 새벽 시장에 나가 직접 채소를 고르고, 나물은 하나씩 따로 "
        "데치고 양념해서 각각의 맛이 살아 있도록 합니다. 밥은 사골 육수로 지어 윤기가 흐르고 "
        "고소한 향이 납니다. 손이 많이 가는 일이지만, 그는 할머니에게서 배운 방식을 지금까지 한 "
        "번도 바꾼 적이 없다며 웃었습니다.",
        "최근에는 외국인 관광객도 크게 늘어나 식당마다 영어와 일본어, 중국어로 된 차림표를 준비해 "
        "두었습니다. 젊은 요리사들은 전통을 지키면서도 채식 비빔밥이나 작은 그릇에 담은 간편한 "
        "메뉴를 새로 선보이며 새로운 손님들을 맞이하고 있습니다. 해마다 가을에는 비빔밥 축제가 "
        "열려 수천 명이 함께 거대한 비빔밥을 비비는 장관이 펼쳐집니다. 전주 사람들에게 비빔밥은 "
        "단순한 음식이 아니라 함께 나누는 마음을 상징합니다.",
    ],
    lang="ko",
)

RUSSIAN = Article(
    "Зима на Байкале",
    "Зима на Байкале: прозрачный лёд и тишина",
    [
        "Зимой озеро Байкал превращается в огромную ледяную равнину, по которой можно пройти "
        "десятки километров. Лёд здесь настолько прозрачен, что сквозь него видны камни на дне и "
        "пузырьки воздуха, застывшие в толще воды. Местные жители прокладывают по льду дороги между "
        "посёлками, а туристы приезжают со всего мира, чтобы увидеть знаменитые голубые торосы и "
        "послушать, как лёд трещит и поёт по ночам.",
        "Рыбак из посёлка Листвянка рассказывает, что его семья живёт на берегу Байкала уже больше "
        "ста лет. Каждое утро он выходит на лёд, сверлит лунку и терпеливо ждёт, пока клюнет омуль - "
        "рыба, которая водится только в этом озере. По его словам, главное в рыбалке не улов, а "
        "тишина и ощущение того, что ты остаёшься один на один с природой. Вечером он коптит рыбу во "
        "дворе и угощает соседей горячим чаем.",
        "Учёные называют Байкал уникальной природной лабораторией: в нём живут сотни видов растений "
        "и животных, которых больше нигде нет на Земле. Однако в последние годы озеро сталкивается с "
        "серьёзными проблемами - загрязнением, изменением климата и растущим потоком туристов. "
        "Местные активисты организуют субботники, очищают берега от мусора и рассказывают гостям, "
        "как бережно относиться к этому удивительному месту, чтобы его красота сохранилась для "
        "будущих поколений.",
    ],
    lang="ru",
)

TOPICS = [
    "Urban gardening", "Night trains", "Public libraries", "Bicycle repair",
    "Community radio", "River cleanups", "Street markets", "Tram lines",
    "Beekeeping", "Chess clubs", "Open-air cinemas", "Ferry crossings",
    "Repair cafes", "Choir singing", "Mountain huts", "Harbour fishing",
    "Pottery studios", "Night schools", "Allotment sheds", "Lighthouse keeping",
]
PLACES = [
    "Ghent", "Porto", "Turku", "Ljubljana", "Bergen", "Valencia", "Gdansk",
    "Bologna", "Galway", "Tartu",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

N_PAGES = 200


def page_article(n):
    topic = TOPICS[n % len(TOPICS)]
    place = PLACES[(n // len(TOPICS)) % len(PLACES)]
    tl = topic.lower()
    day = WEEKDAYS[n % 7]
    code = "pith-page-%03d" % n
    return Article(
        "Field notes %d: %s in %s" % (n, topic, place),
        "%s in %s (field notes no. %d)" % (topic, place, n),
        [
            "This is page %d of the pith test corpus, a short report about %s in %s. "
            "Our reporter arrived on a %s and spent %d hours talking to %d residents, who "
            "described how %s has slowly changed the rhythm of ordinary life in their "
            "streets, markets and schools over the past %d years."
            % (n, tl, place, day, n % 9 + 2, n % 13 + 3, tl, n % 17 + 4),
            "Reference code %s identifies this story in the archive. Volunteers in %s "
            "keep careful notes: last season they counted %d regular participants, %d "
            "first-time visitors and %d small donations, numbers that organisers say are "
            "modest but steadily growing from one year to the next."
            % (code, place, 40 + n * 3, 7 + n % 50, 100 + n * 11),
            "Asked what makes %s worth the effort, one organiser in %s laughed and said "
            "that the answer changes every week. Sometimes it is the people, sometimes the "
            "quiet satisfaction of a job done well, and sometimes simply the excuse to spend "
            "a %s evening outside instead of in front of a screen (story %d of %d)."
            % (tl, place, day, n, N_PAGES),
        ],
    )


# --------------------------------------------------------------------------
# Binary and derived bodies
# --------------------------------------------------------------------------


def make_pdf():
    stream = b"BT /F1 18 Tf 36 96 Td (Hello from the pith test server) Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objs) + 1)
    out += b"0000000000 65535 f \n"
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, xref)
    return bytes(out)


def make_png():
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    w = h = 4
    raw = b"".join(b"\x00" + bytes([200, 40, 40, 255]) * w for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))


def external_compress(tool, data):
    """Compress with the brotli/zstd CLI; None when unavailable."""
    exe = shutil.which(tool)
    if not exe:
        return None
    cmd = [exe, "-c", "-q", "-"] if tool == "zstd" else [exe, "-c", "-"]
    try:
        r = subprocess.run(cmd, input=data, stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, timeout=20, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return r.stdout or None


BOMB_HEAD = b"<!DOCTYPE html>\n<html><head><title>Bomb</title></head><body><p>hi</p><!--"
BOMB_TAIL = b"--></body></html>\n"
BOMB_MIB = 100
BOMB_RAW_LEN = len(BOMB_HEAD) + BOMB_MIB * MIB + len(BOMB_TAIL)
_bomb_lock = threading.Lock()
_bomb_cache = None


def raw_deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return c.compress(data) + c.flush()


def gzip_bomb():
    global _bomb_cache
    with _bomb_lock:
        if _bomb_cache is None:
            c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
            parts = [c.compress(BOMB_HEAD)]
            block = b" " * MIB
            for _ in range(BOMB_MIB):
                parts.append(c.compress(block))
            parts.append(c.compress(BOMB_TAIL))
            parts.append(c.flush())
            _bomb_cache = b"".join(parts)
        return _bomb_cache


# Charset cases.  name -> dict(article, body bytes, content_type or None,
# codec (Python codec to decode the body, after stripping any BOM), bom)
def _pad_comment(nbytes):
    line = "<!-- padding: this comment only exists to push later head content further into the file -->\n"
    return line * (nbytes // len(line) + 1)


def _long_style(nbytes):
    rules = []
    i = 0
    while sum(len(r) for r in rules) < nbytes:
        rules.append(".rule-%d { margin: %dpx %dpx; padding: 0 %dpx; color: #%06x; }\n"
                     % (i, i % 7, i % 5, i % 3, (i * 7919) & 0xFFFFFF))
        i += 1
    return "<style>\n" + "".join(rules) + "</style>\n"


def build_charset_cases():
    cases = {}

    def add(name, article, body, ctype, codec, bom=b""):
        cases[name] = dict(article=article, body=body, ctype=ctype, codec=codec, bom=bom)

    plain = render_html(WESTERN)
    cp = plain.encode("cp1252")
    add("win1252-header", WESTERN, cp, "text/html; charset=windows-1252", "cp1252")
    add("latin1-header", WESTERN, cp, "text/html; charset=iso-8859-1", "cp1252")
    add("win1252-meta", WESTERN,
        render_html(WESTERN, meta_charset="windows-1252",
                    head_extra=_pad_comment(500)).encode("cp1252"),
        "text/html", "cp1252")
    add("win1252-meta-late", WESTERN,
        render_html(WESTERN, meta_charset="windows-1252",
                    head_extra=_long_style(2100)).encode("cp1252"),
        "text/html", "cp1252")
    add("misdeclared", WESTERN, cp, "text/html; charset=utf-8", "cp1252")
    add("bom-vs-header", WESTERN, b"\xef\xbb\xbf" + plain.encode("utf-8"),
        "text/html; charset=windows-1252", "utf-8", b"\xef\xbb\xbf")
    add("utf16-bom", WESTERN, b"\xff\xfe" + plain.encode("utf-16-le"),
        "text/html", "utf-16-le", b"\xff\xfe")
    sj = render_html(JAPANESE).encode("shift_jis")
    add("shift_jis", JAPANESE, sj, "text/html; charset=shift_jis", "shift_jis")
    add("undeclared-sjis", JAPANESE, sj, "text/html", "shift_jis")
    add("gbk", CHINESE, render_html(CHINESE).encode("gbk"),
        "text/html; charset=gb2312", "gbk")
    add("euc-kr", KOREAN, render_html(KOREAN).encode("euc_kr"),
        "text/html; charset=euc-kr", "euc_kr")
    add("koi8-r", RUSSIAN, render_html(RUSSIAN).encode("koi8_r"),
        "text/html; charset=koi8-r", "koi8_r")
    return cases


ARTICLE_HTML = render_html(ENGLISH, meta_charset="utf-8").encode("utf-8")
NO_CT_HTML = render_html(ENGLISH).encode("utf-8")
XHTML = render_html(ENGLISH, meta_charset="utf-8", xhtml=True).encode("utf-8")
CHARSET_CASES = build_charset_cases()
PDF = make_pdf()
PNG = make_png()
JSON_BODY = (json.dumps({
    "title": "pith test server",
    "ok": True,
    "items": [{"id": i, "name": "item %d" % i} for i in range(5)],
}, indent=2) + "\n").encode("utf-8")

META_REFRESH = (
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n"
    "<meta http-equiv=\"refresh\" content=\"0; url=/article\" />\n"
    "<title>Redirecting</title>\n</head>\n<body>\n"
    "<p>Redirecting to <a href=\"/article\">the article</a>.</p>\n"
    "</body>\n</html>\n"
).encode("utf-8")

ROBOTS = b"User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n"

TRICKLE_LEN = 10240


def trickle_body():
    head = ("<!DOCTYPE html>\n<html><head><title>Trickle</title></head><body>\n"
            "<article><h1>Trickle</h1><p>")
    tail = "</p></article></body></html>\n"
    fill = "This page arrives one byte at a time. "
    n = TRICKLE_LEN - len(head) - len(tail)
    body = head + (fill * (n // len(fill) + 1))[:n] + tail
    return body.encode("ascii")


TRICKLE = trickle_body()

BIG_HEAD = (b"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\" /><title>Big page</title>"
            b"</head><body><article><h1>A very large page</h1><p>")
BIG_TAIL = b"</p></article></body></html>\n"
BIG_FILL = (b"All work and no play makes a very long paragraph of filler text. " * 1024)


def article_for_path(path):
    """The Article served at path (for /expect/...), or None."""
    if path in ("/article", "/xhtml", "/no-content-type", "/private/page", "/slow",
                "/gzip", "/deflate", "/deflate-raw", "/br", "/zstd", "/retry-after", "/flaky",
                "/needs-cookie"):
        return ENGLISH
    if path.startswith("/cs/") and path[4:] in CHARSET_CASES:
        return CHARSET_CASES[path[4:]]["article"]
    m = re.fullmatch(r"/pages/(\d+)", path)
    if m and int(m.group(1)) < N_PAGES:
        return page_article(int(m.group(1)))
    return None


# --------------------------------------------------------------------------
# Server
# --------------------------------------------------------------------------


class State:
    def __init__(self):
        self.lock = threading.Lock()
        self.total_requests = 0
        self.open_connections = 0
        self.max_open_connections = 0
        self.total_connections = 0
        self.active_requests = 0
        self.max_active_requests = 0
        self.active_by_host = {}  # Host header -> in-flight requests
        self.max_active_by_host = {}
        self.key_hits = {}  # key -> {path: n}

    def conn_open(self):
        with self.lock:
            self.open_connections += 1
            self.total_connections += 1
            self.max_open_connections = max(self.max_open_connections, self.open_connections)
            return self.total_connections

    def conn_close(self):
        with self.lock:
            self.open_connections -= 1

    def snapshot(self):
        with self.lock:
            return {
                "total_requests": self.total_requests,
                "open_connections": self.open_connections,
                "max_open_connections": self.max_open_connections,
                "total_connections": self.total_connections,
                "active_requests": self.active_requests,
                "max_active_requests": self.max_active_requests,
                "max_active_by_host": dict(self.max_active_by_host),
            }

    def reset(self):
        with self.lock:
            self.total_requests = 0
            self.total_connections = 0
            self.max_open_connections = self.open_connections
            self.max_active_requests = self.active_requests
            self.max_active_by_host = {h: n for h, n in self.active_by_host.items() if n}


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, addr, verbose=False):
        self.verbose = verbose
        self.state = State()
        self.stop_event = threading.Event()
        self._conn_ids = {}
        self._conn_ids_lock = threading.Lock()
        body = ARTICLE_HTML
        self.encoded = {
            "gzip": gzip.compress(body, 9, mtime=0),
            "deflate": zlib.compress(body, 9),
            # Raw deflate (no zlib header), which some servers send as
            # "deflate".
            "deflate-raw": raw_deflate(body),
            "br": external_compress("brotli", body),
            "zstd": external_compress("zstd", body),
        }
        super().__init__(addr, Handler)

    # Connection accounting: process_request runs in the accept loop (before
    # the handler thread starts), shutdown_request when the socket is closed.
    def process_request(self, request, client_address):
        cid = self.state.conn_open()
        with self._conn_ids_lock:
            self._conn_ids[request] = cid
        super().process_request(request, client_address)

    def shutdown_request(self, request):
        try:
            super().shutdown_request(request)
        finally:
            with self._conn_ids_lock:
                self._conn_ids.pop(request, None)
            self.state.conn_close()

    def conn_id(self, request):
        with self._conn_ids_lock:
            return self._conn_ids.get(request, 0)

    def handle_error(self, request, client_address):
        if self.verbose:
            super().handle_error(request, client_address)


class ClientGone(Exception):
    pass


def _accepts(header, coding):
    for part in (header or "").lower().split(","):
        bits = [b.strip() for b in part.split(";")]
        if bits[0] == coding:
            for b in bits[1:]:
                if b.replace(" ", "") in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
                    return False
            return True
    return False


STATUS_REDIRECTS = (301, 302, 303, 307, 308)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "pith-test-server/1.0"
    sys_version = ""
    timeout = 120  # idle keep-alive connections are closed after this

    def setup(self):
        super().setup()
        # Headers and body go out in separate writes; without this, Nagle's
        # algorithm holds the body back until the client's delayed ACK,
        # adding ~40 ms to every request on a reused connection.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.conn_id = self.server.conn_id(self.request)

    def log_message(self, fmt, *args):
        if self.server.verbose:
            sys.stderr.write("[%s] #%d %s\n" % (time.strftime("%H:%M:%S"), self.conn_id,
                                                fmt % args))

    def send_response(self, code, message=None):
        super().send_response(code, message)
        self.send_header("X-Connection-Id", str(self.conn_id))

    def do_GET(self):
        self._dispatch()

    def do_HEAD(self):
        self._dispatch()

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        self.req_body = self.rfile.read(n) if n > 0 else b""
        self._dispatch()

    # ---- helpers --------------------------------------------------------

    def _send(self, code, body=b"", ctype="text/html; charset=utf-8", headers=()):
        self._leave()
        self.send_response(code)
        if ctype is not None:
            self.send_header("Content-Type", ctype)
        if code not in (204, 304):
            self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD" and code not in (204, 304):
            self.wfile.write(body)

    def _json(self, obj, code=200):
        self._send(code, (json.dumps(obj, indent=1) + "\n").encode("utf-8"),
                   "application/json")

    def _article(self):
        self._send(200, ARTICLE_HTML)

    def _simple_page(self, code, title, text, headers=()):
        body = ("<!DOCTYPE html>\n<html><head><title>%s</title></head><body>"
                "<h1>%s</h1><p>%s</p></body></html>\n" % (title, title, text))
        self._send(code, body.encode("utf-8"), headers=headers)

    def _redirect(self, code, location):
        self._simple_page(code, "%d Redirect" % code,
                          'Moved to <a href="%s">%s</a>.' % (location, location),
                          headers=[("Location", location)])

    def _not_found(self):
        self._simple_page(404, "404 Not Found", "Nothing here: %s" % self.path_only)

    def _client_gone(self):
        """True if the peer closed its side (EOF readable on the socket)."""
        try:
            r, _, _ = select.select([self.connection], [], [], 0)
            if r:
                return self.connection.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):
            return True
        return False

    def _sleep(self, seconds):
        if self.server.stop_event.wait(max(0.0, seconds)):
            raise ClientGone()

    def _num(self, name, default, lo=None, hi=None, cast=int):
        try:
            v = cast(self.query.get(name, [default])[0])
        except (TypeError, ValueError):
            v = default
        if lo is not None:
            v = max(lo, v)
        if hi is not None:
            v = min(hi, v)
        return v

    # ---- dispatch -------------------------------------------------------

    _active_host = None  # Host header of the request counted in flight

    def _dispatch(self):
        parts = urlsplit(self.path)
        self.path_only = parts.path
        self.raw_query = parts.query
        self.query = parse_qs(parts.query, keep_blank_values=True)
        st = self.server.state
        counted = not self.path_only.startswith("/stats")
        host = self.headers.get("Host", "")
        key = self.query.get("key", [None])[0]
        with st.lock:
            st.total_requests += 1
            if key is not None and self.path_only != "/counter":
                paths = st.key_hits.setdefault(key, {})
                paths[self.path_only] = paths.get(self.path_only, 0) + 1
                self.key_path_hits = paths[self.path_only]
            else:
                self.key_path_hits = 0
            if counted:
                st.active_requests += 1
                st.max_active_requests = max(st.max_active_requests, st.active_requests)
                n = st.active_by_host.get(host, 0) + 1
                st.active_by_host[host] = n
                st.max_active_by_host[host] = max(st.max_active_by_host.get(host, 0), n)
        self._active_host = host if counted else None
        try:
            self._route()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError,
                ClientGone, socket.timeout):
            self.close_connection = True
        finally:
            self._leave()

    def _leave(self):
        # A request stops counting as in flight before its last bytes go
        # out: once the client has them it may start its next request,
        # which must not find this one still counted.
        host, self._active_host = self._active_host, None
        if host is not None:
            st = self.server.state
            with st.lock:
                st.active_requests -= 1
                st.active_by_host[host] -= 1

    def _route(self):
        p = self.path_only
        qs = ("?" + self.raw_query) if self.raw_query else ""
        fixed = {
            "/article": self._article,
            "/private/page": self._article,
            "/redirect-loop": lambda: self._redirect(302, "/redirect-loop-b" + qs),
            "/redirect-loop-b": lambda: self._redirect(302, "/redirect-loop" + qs),
            "/redirect-301": lambda: self._redirect(301, "/article" + qs),
            "/redirect-relative": lambda: self._redirect(302, "article" + qs),
            "/redirect-to": lambda: self._redirect(
                302, self.query.get("url", ["/article"])[0]),
            "/gzip": lambda: self._encoded("gzip"),
            "/deflate": lambda: self._encoded("deflate"),
            "/br": lambda: self._encoded("br"),
            "/zstd": lambda: self._encoded("zstd"),
            "/deflate-raw": lambda: self._send(
                200, self.server.encoded["deflate-raw"],
                headers=[("Content-Encoding", "deflate")]),
            "/gzip-truncated": self._gzip_truncated,
            "/gzip-bomb": self._bomb,
            "/big": self._big,
            "/huge-header": lambda: self._send(
                200, ARTICLE_HTML, headers=[("X-Padding", "a" * MIB)]),
            "/trickle": self._trickle,
            "/stall": self._stall,
            "/retry-after": self._retry_after,
            "/flaky": self._flaky,
            "/counter": self._counter,
            "/pdf": lambda: self._send(200, PDF, "application/pdf"),
            "/image": lambda: self._send(200, PNG, "image/png"),
            "/json": lambda: self._send(200, JSON_BODY, "application/json"),
            "/xhtml": lambda: self._send(200, XHTML, "application/xhtml+xml; charset=utf-8"),
            "/no-content-type": lambda: self._send(200, NO_CT_HTML, None),
            "/meta-refresh": lambda: self._send(200, META_REFRESH),
            "/meta-refresh-to": self._meta_refresh_to,
            "/slow": self._slow,
            "/robots.txt": self._robots,
            "/headers": self._headers,
            "/set-cookie": self._set_cookie,
            "/needs-cookie": self._needs_cookie,
            "/stats": lambda: self._json(self.server.state.snapshot()),
            "/stats/reset": self._stats_reset,
        }
        if p in fixed:
            return fixed[p]()
        m = re.fullmatch(r"/redirect/(\d{1,4})", p)
        if m:
            n = int(m.group(1))
            return self._redirect(302, ("/redirect/%d" % (n - 1) if n > 0 else "/article") + qs)
        m = re.fullmatch(r"/status/(\d{3})", p)
        if m:
            return self._status(int(m.group(1)))
        m = re.fullmatch(r"/cs/([A-Za-z0-9_-]+)", p)
        if m and m.group(1) in CHARSET_CASES:
            c = CHARSET_CASES[m.group(1)]
            return self._send(200, c["body"], c["ctype"])
        m = re.fullmatch(r"/pages/(\d{1,3})", p)
        if m and int(m.group(1)) < N_PAGES:
            self._sleep(self._num("ms", 0, 0, 60000) / 1000.0)
            return self._send(200, render_html(page_article(int(m.group(1))),
                                               meta_charset="utf-8").encode("utf-8"))
        if p.startswith("/expect/"):
            art = article_for_path(p[len("/expect"):])
            if art is not None:
                return self._send(200, art.expect_text().encode("utf-8"),
                                  "text/plain; charset=utf-8")
        return self._not_found()

    # ---- endpoints ------------------------------------------------------

    def _encoded(self, coding):
        data = self.server.encoded[coding]
        if data is None:
            tool = "brotli" if coding == "br" else coding
            return self._send(501, ("%s not available\n" % tool).encode(),
                              "text/plain; charset=utf-8")
        vary = [("Vary", "Accept-Encoding")]
        force = self.query.get("force", ["0"])[0] not in ("", "0")
        if force or _accepts(self.headers.get("Accept-Encoding"), coding):
            self._send(200, data, headers=vary + [("Content-Encoding", coding)])
        else:
            self._send(200, ARTICLE_HTML, headers=vary)

    def _gzip_truncated(self):
        """The gzip article cut at two thirds, sent as a whole message (its
        Content-Length is the cut length): only the gzip stream says it
        ended early."""
        data = self.server.encoded["gzip"]
        self._send(200, data[:len(data) * 2 // 3],
                   headers=[("Content-Encoding", "gzip")])

    def _bomb(self):
        self._send(200, gzip_bomb(), "text/html; charset=utf-8",
                   headers=[("Content-Encoding", "gzip")])

    def _big(self):
        total = int(self._num("mb", 40.0, 0.0, 4096.0, float) * MIB)
        total = max(total, len(BIG_HEAD) + len(BIG_TAIL))
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(total))
        self.end_headers()
        if self.command == "HEAD":
            return
        self.wfile.write(BIG_HEAD)
        left = total - len(BIG_HEAD) - len(BIG_TAIL)
        while left > 0:
            if self.server.stop_event.is_set():
                raise ClientGone()
            n = min(left, len(BIG_FILL))
            self.wfile.write(BIG_FILL[:n])
            left -= n
        self.wfile.write(BIG_TAIL)

    def _trickle(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(TRICKLE)))
        self.end_headers()
        if self.command == "HEAD":
            return
        self.close_connection = True
        for i in range(len(TRICKLE)):
            if self._client_gone():
                raise ClientGone()
            self.wfile.write(TRICKLE[i:i + 1])
            self._sleep(0.5)
        self.close_connection = False

    def _stall(self):
        seconds = self._num("seconds", 60.0, 0.0, 3600.0, float)
        self.close_connection = True
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.server.stop_event.is_set():
                raise ClientGone()
            try:
                r, _, _ = select.select([self.connection], [], [], 0.25)
                if r and not self.connection.recv(4096):
                    raise ClientGone()
            except (OSError, ValueError):
                raise ClientGone()
        # then close without ever answering

    def _status(self, code):
        if not 200 <= code <= 599:
            return self._simple_page(400, "400 Bad Request",
                                     "status must be 200..599, got %d" % code)
        try:
            from http import HTTPStatus
            phrase = HTTPStatus(code).phrase
        except ValueError:
            phrase = "Status"
        headers = []
        if code in STATUS_REDIRECTS:
            headers.append(("Location", "/article"))
        self._simple_page(code, "%d %s" % (code, phrase),
                          "This page answered with HTTP status %d (%s)." % (code, phrase),
                          headers=headers)

    def _robots(self):
        # A host name starting "robots-404." or "robots-503." (any
        # *.localhost name reaches this server) gets that status instead.
        host = self.headers.get("Host", "")
        for code in (404, 503):
            if host.startswith("robots-%d." % code):
                return self._status(code)
        self._send(200, ROBOTS, "text/plain; charset=utf-8")

    def _meta_refresh_to(self):
        url = self.query.get("url", ["/article"])[0]
        delay = self._num("delay", 0, 0, 86400)
        esc = (url.replace("&", "&amp;").replace('"', "&quot;")
               .replace("<", "&lt;").replace(">", "&gt;"))
        body = ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n"
                "<meta http-equiv=\"refresh\" content=\"%d; url=%s\" />\n"
                "<title>Moving on</title>\n</head>\n<body>\n"
                "<p>This page moves on to another address after %d seconds.</p>\n"
                "</body>\n</html>\n" % (delay, esc, delay))
        self._send(200, body.encode("utf-8"))

    def _slow(self):
        self._sleep(self._num("ms", 1000, 0, 600000) / 1000.0)
        self._article()

    def _retry_after(self):
        after = self._num("after", 1, 0, 3600)
        if self.key_path_hits <= 1:
            return self._simple_page(429, "429 Too Many Requests", "Slow down.",
                                     headers=[("Retry-After", str(after))])
        self._article()

    def _flaky(self):
        fail = self._num("fail", 1, 0, 1000000)
        if self.key_path_hits <= fail:
            return self._simple_page(503, "503 Service Unavailable",
                                     "Failure %d of %d." % (self.key_path_hits, fail))
        self._article()

    def _counter(self):
        key = self.query.get("key", [None])[0]
        st = self.server.state
        with st.lock:
            paths = dict(st.key_hits.get(key, {})) if key is not None else {}
        self._json({"key": key, "hits": sum(paths.values()), "paths": paths})

    def _headers(self):
        hdrs = {}
        for k, v in self.headers.items():
            if k in hdrs:
                hdrs[k] += ("; " if k.lower() == "cookie" else ", ") + v
            else:
                hdrs[k] = v
        obj = {
            "method": self.command,
            "path": self.path,
            "http_version": self.request_version,
            "headers": hdrs,
            "header_list": [[k, v] for k, v in self.headers.items()],
            "connection_id": self.conn_id,
            "client_port": self.client_address[1],
        }
        if self.command == "POST":
            obj["body"] = getattr(self, "req_body", b"").decode("utf-8", "replace")
        self._json(obj)

    def _set_cookie(self):
        self._simple_page(200, "Cookie set", "A session cookie has been set.",
                          headers=[("Set-Cookie", "session=abc; Path=/")])

    def _needs_cookie(self):
        cookies = {}
        for h in self.headers.get_all("Cookie") or []:
            for part in h.split(";"):
                if "=" in part:
                    k, v = part.split("=", 1)
                    cookies[k.strip()] = v.strip()
        if cookies.get("session") == "abc":
            return self._article()
        self._simple_page(403, "403 Forbidden", "Missing cookie session=abc.")

    def _stats_reset(self):
        self.server.state.reset()
        self._json(self.server.state.snapshot())


def make_server(port=0, verbose=False):
    return Server(("127.0.0.1", port), verbose=verbose)


def write_port_file(path, port):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def serve(args):
    try:
        server = make_server(args.port, args.verbose)
    except OSError as e:
        sys.stderr.write("test_server: cannot bind 127.0.0.1:%d: %s\n" % (args.port, e))
        return 2
    stop = threading.Event()

    def on_signal(signum, frame):
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2},
                         daemon=True)
    t.start()
    threading.Thread(target=gzip_bomb, daemon=True).start()  # pre-build the cache
    port = server.server_address[1]
    if args.port_file:
        write_port_file(args.port_file, port)
    else:
        print(port, flush=True)
    if args.verbose:
        sys.stderr.write("pith test server on 127.0.0.1:%d (max %ss)\n"
                         % (port, args.max_seconds))
    stop.wait(args.max_seconds if args.max_seconds > 0 else None)
    server.stop_event.set()
    server.shutdown()
    server.server_close()
    if args.verbose:
        sys.stderr.write("pith test server exiting\n")
    return 0


# --------------------------------------------------------------------------
# Self-test
# --------------------------------------------------------------------------


class SelfTest:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, cond, detail=""):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL: %s %s" % (name, detail))
        return cond

    def run(self, name, fn):
        try:
            fn()
        except Exception as e:  # noqa: BLE001
            import traceback
            traceback.print_exc()
            self.check(name, False, "exception: %r" % (e,))


def self_test():
    t0 = time.monotonic()
    server = make_server(0)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                     daemon=True).start()
    port = server.server_address[1]
    T = SelfTest()
    check = T.check

    def req(path, method="GET", headers=None, body=None):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            data = r.read()
            return r.status, r.headers, data
        finally:
            c.close()

    stats_conn = [None]

    def stats(path="/stats"):
        # one persistent keep-alive connection, so querying adds no churn
        for attempt in (0, 1):
            if stats_conn[0] is None:
                stats_conn[0] = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            try:
                stats_conn[0].request("GET", path)
                return json.loads(stats_conn[0].getresponse().read())
            except (http.client.HTTPException, OSError):
                stats_conn[0].close()
                stats_conn[0] = None
                if attempt:
                    raise

    def wait_open(n, timeout=3.0):
        end = time.monotonic() + timeout
        while True:
            s = stats()
            if s["open_connections"] == n or time.monotonic() > end:
                return s
            time.sleep(0.05)

    def paragraphs_in(html):
        return re.findall(r"<p>(.*?)</p>", html, re.S)

    # --- content sanity
    def t_content():
        arts = [ENGLISH, WESTERN, JAPANESE, CHINESE, KOREAN, RUSSIAN] + [
            page_article(n) for n in range(N_PAGES)]
        short = [(a.title, len(p)) for a in arts for p in a.paragraphs if len(p) < 200]
        check("paragraphs >= 200 chars", not short, str(short[:3]))
        check("paragraphs >= 3", all(len(a.paragraphs) >= 3 for a in arts))
        bad = [p for a in arts for p in a.paragraphs if re.search(r"[<>&\n]", p)]
        check("paragraphs have no markup", not bad)
        allp = [p for n in range(N_PAGES) for p in page_article(n).paragraphs]
        check("pages paragraphs unique", len(set(allp)) == len(allp))
        check("pages titles unique",
              len({page_article(n).title for n in range(N_PAGES)}) == N_PAGES)
    T.run("content", t_content)

    # --- article
    def t_article():
        s, h, b = req("/article")
        check("/article 200", s == 200)
        check("/article ctype", h["Content-Type"] == "text/html; charset=utf-8")
        check("/article content-length", int(h["Content-Length"]) == len(b))
        text = b.decode("utf-8")
        check("/article non-ascii", all(c in text for c in "\u00e9\u00fc\u2014"))
        check("/article structure", all(x in text for x in (
            "<title>", "<article", "<h1>", "<nav", "<footer")))
        check("/article 3+ long paragraphs",
              sum(1 for p in paragraphs_in(text) if len(p) >= 200) >= 3)
        s, h, e = req("/expect/article")
        check("/expect/article", s == 200 and h["Content-Type"].startswith("text/plain"))
        lines = e.decode("utf-8").splitlines()
        check("/expect/article lines in page", len(lines) >= 3 and all(l in text for l in lines))
        s, h, hb = req("/article", method="HEAD")
        check("HEAD /article", s == 200 and hb == b"" and int(h["Content-Length"]) == len(b))
        s, h, b2 = req("/no-content-type")
        check("/no-content-type", s == 200 and "Content-Type" not in h and b"<article" in b2)
        s, h, b2 = req("/private/page")
        check("/private/page", s == 200 and b2 == b)
        s, h, b2 = req("/meta-refresh")
        check("/meta-refresh", s == 200 and b'http-equiv="refresh" content="0; url=/article"' in b2)
        s, h, b2 = req("/robots.txt")
        check("/robots.txt", s == 200 and b2 == ROBOTS)
        s, h, b2 = req("/nope/nothing")
        check("404", s == 404 and b"404" in b2 and h["Content-Type"].startswith("text/html"))
    T.run("article", t_article)

    # --- redirects
    def t_redirects():
        loc = "/redirect/3"
        hops = 0
        while True:
            s, h, _ = req(loc)
            if s != 302:
                break
            loc = urljoin(loc, h["Location"])
            hops += 1
        check("/redirect/3 chain", hops == 4 and loc == "/article" and s == 200,
              "%d %s %d" % (hops, loc, s))
        s, h, _ = req("/redirect/1?key=x")
        check("/redirect keeps query", h["Location"] == "/redirect/0?key=x")
        s, h, _ = req("/redirect-loop")
        check("/redirect-loop", s == 302 and h["Location"] == "/redirect-loop-b")
        s, h, _ = req("/redirect-loop-b")
        check("/redirect-loop-b", s == 302 and h["Location"] == "/redirect-loop")
        s, h, _ = req("/redirect-to?url=http%3A%2F%2Flocalhost%2Fheaders")
        check("/redirect-to", s == 302 and h["Location"] == "http://localhost/headers")
        s, h, _ = req("/redirect-301")
        check("/redirect-301", s == 301 and h["Location"] == "/article")
        s, h, _ = req("/redirect-relative")
        check("/redirect-relative", s == 302 and h["Location"] == "article"
              and urljoin("/redirect-relative", h["Location"]) == "/article")
    T.run("redirects", t_redirects)

    # --- encodings
    def t_encodings():
        s, h, b = req("/gzip", headers={"Accept-Encoding": "gzip, deflate"})
        check("/gzip encoded", s == 200 and h["Content-Encoding"] == "gzip"
              and gzip.decompress(b) == ARTICLE_HTML)
        s, h, b = req("/gzip")
        check("/gzip plain", s == 200 and "Content-Encoding" not in h and b == ARTICLE_HTML)
        s, h, b = req("/deflate", headers={"Accept-Encoding": "deflate"})
        check("/deflate encoded", s == 200 and h["Content-Encoding"] == "deflate"
              and zlib.decompress(b) == ARTICLE_HTML)
        s, h, b = req("/deflate", headers={"Accept-Encoding": "identity"})
        check("/deflate plain", "Content-Encoding" not in h and b == ARTICLE_HTML)
        s, h, b = req("/deflate-raw")
        check("/deflate-raw", s == 200 and h["Content-Encoding"] == "deflate"
              and zlib.decompress(b, -zlib.MAX_WBITS) == ARTICLE_HTML)
        s, h, b = req("/gzip-truncated")
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        part = d.decompress(b)
        check("/gzip-truncated", s == 200 and h["Content-Encoding"] == "gzip"
              and int(h["Content-Length"]) == len(b) and not d.eof
              and part and ARTICLE_HTML.startswith(part))
        for path, tool, coding in (("/br", "brotli", "br"), ("/zstd", "zstd", "zstd")):
            s, h, b = req(path, headers={"Accept-Encoding": "gzip, " + coding})
            if shutil.which(tool):
                ok = s == 200 and h["Content-Encoding"] == coding
                if ok:
                    d = subprocess.run([tool, "-d", "-c", "-"], input=b,
                                       stdout=subprocess.PIPE, check=True).stdout
                    ok = d == ARTICLE_HTML
                check(path + " encoded (" + tool + " present)", ok)
                s, h, b = req(path)
                check(path + " plain", s == 200 and b == ARTICLE_HTML)
            else:
                print("note: %s not installed, expecting 501 on %s" % (tool, path))
                check(path + " 501", s == 501 and b"not available" in b)
        t = time.monotonic()
        s, h, b = req("/gzip-bomb")
        check("/gzip-bomb headers", s == 200 and h["Content-Encoding"] == "gzip"
              and h["Content-Type"].startswith("text/html"))
        check("/gzip-bomb ~100KB", 50000 < len(b) < 200000, str(len(b)))
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        total = 0
        first = b""
        buf = b
        while buf:
            out = d.decompress(buf, MIB)
            if not first:
                first = out[:200]
            total += len(out)
            buf = d.unconsumed_tail
        total += len(d.flush())
        check("/gzip-bomb expands to 100 MiB", total == BOMB_RAW_LEN and total >= 100 * MIB
              and b"<!--" in first, "%d" % total)
        check("/gzip-bomb timing", time.monotonic() - t < 8)
    T.run("encodings", t_encodings)

    # --- big
    def t_big():
        s, h, b = req("/big?mb=2")
        check("/big?mb=2", s == 200 and int(h["Content-Length"]) == 2 * MIB == len(b)
              and b.startswith(b"<!DOCTYPE html>") and b.endswith(b"</html>\n"))
        s, h, b = req("/big", method="HEAD")
        check("HEAD /big default 40 MiB", s == 200 and int(h["Content-Length"]) == 40 * MIB
              and b == b"")
        # abort mid-stream must not break the server
        c = socket.create_connection(("127.0.0.1", port))
        c.sendall(b"GET /big?mb=50 HTTP/1.1\r\nHost: x\r\n\r\n")
        c.recv(65536)
        c.close()
        s, _, _ = req("/article")
        check("server alive after aborted /big", s == 200)
    T.run("big", t_big)

    # --- trickle and stall
    def t_slow_endpoints():
        base = wait_open(1)["open_connections"]
        c = socket.create_connection(("127.0.0.1", port))
        c.settimeout(3)
        c.sendall(b"GET /trickle?seconds=1 HTTP/1.1\r\nHost: x\r\n\r\n")
        data = b""
        while b"\r\n\r\n" not in data:
            data += c.recv(4096)
        head, rest = data.split(b"\r\n\r\n", 1)
        check("/trickle content-length", b"Content-Length: 10240" in head)
        end = time.monotonic() + 1.3
        while time.monotonic() < end:
            c.settimeout(max(0.01, end - time.monotonic()))
            try:
                chunk = c.recv(100)
            except socket.timeout:
                break
            if not chunk:
                break
            rest += chunk
        check("/trickle is slow", 1 <= len(rest) <= 5, str(len(rest)))
        c.close()
        s = wait_open(base)
        check("/trickle stops on disconnect", s["open_connections"] == base, str(s))

        c = socket.create_connection(("127.0.0.1", port))
        c.sendall(b"GET /stall HTTP/1.1\r\nHost: x\r\n\r\n")
        r, _, _ = select.select([c], [], [], 1.0)
        check("/stall sends nothing", not r)
        c.close()
        s = wait_open(base)
        check("/stall stops on disconnect", s["open_connections"] == base, str(s))
        try:
            req("/stall?seconds=0.3")
            got = "a response"
        except http.client.RemoteDisconnected:
            got = None
        check("/stall?seconds=0.3 closes without response", got is None)
    T.run("trickle/stall", t_slow_endpoints)

    # --- statuses, retry, flaky, counter
    def t_status():
        for code in (200, 404, 410, 418, 429, 500, 503):
            s, h, b = req("/status/%d" % code)
            check("/status/%d" % code, s == code and str(code).encode() in b
                  and int(h["Content-Length"]) == len(b))
        s, h, b = req("/status/301")
        check("/status/301 location", s == 301 and h["Location"] == "/article")
        s, h, b = req("/status/204")
        check("/status/204", s == 204 and b == b"")
        key = "rk%d" % os.getpid()
        s, h, _ = req("/retry-after?key=" + key)
        check("/retry-after first 429", s == 429 and h["Retry-After"] == "1")
        s, h, b = req("/retry-after?key=" + key)
        check("/retry-after then 200", s == 200 and b == ARTICLE_HTML)
        c = json.loads(req("/counter?key=" + key)[2])
        check("/counter retry-after", c["hits"] == 2 and c["paths"] == {"/retry-after": 2}, str(c))
        key = "fk%d" % os.getpid()
        got = [req("/flaky?key=%s&fail=2" % key)[0] for _ in range(4)]
        check("/flaky fail=2", got == [503, 503, 200, 200], str(got))
        check("/counter flaky", json.loads(req("/counter?key=" + key)[2])["hits"] == 4)
        check("/counter unknown", json.loads(req("/counter?key=never")[2])["hits"] == 0)
    T.run("status", t_status)

    # --- types
    def t_types():
        s, h, b = req("/pdf")
        ok = s == 200 and h["Content-Type"] == "application/pdf" and b.startswith(b"%PDF-1.4")
        m = re.search(rb"startxref\n(\d+)\n%%EOF\n$", b)
        ok = ok and m is not None and b[int(m.group(1)):].startswith(b"xref")
        if ok:
            for i, off in enumerate(re.findall(rb"(\d{10}) 00000 n", b), 1):
                ok = ok and b[int(off):].startswith(b"%d 0 obj" % i)
        check("/pdf valid", ok)
        s, h, b = req("/image")
        ok = s == 200 and h["Content-Type"] == "image/png" and b.startswith(b"\x89PNG\r\n\x1a\n")
        pos, kinds = 8, []
        while ok and pos < len(b):
            ln, = struct.unpack(">I", b[pos:pos + 4])
            kind, data = b[pos + 4:pos + 8], b[pos + 8:pos + 8 + ln]
            crc, = struct.unpack(">I", b[pos + 8 + ln:pos + 12 + ln])
            ok = ok and crc == zlib.crc32(kind + data) & 0xFFFFFFFF
            if kind == b"IDAT":
                ok = ok and len(zlib.decompress(data)) == 4 * (1 + 4 * 4)
            kinds.append(kind)
            pos += 12 + ln
        check("/image valid png", ok and kinds == [b"IHDR", b"IDAT", b"IEND"])
        s, h, b = req("/json")
        check("/json", s == 200 and h["Content-Type"] == "application/json"
              and json.loads(b)["ok"] is True)
        s, h, b = req("/xhtml")
        import xml.etree.ElementTree as ET
        root = ET.fromstring(b)
        ns = "{http://www.w3.org/1999/xhtml}"
        ps = [p.text for p in root.iter(ns + "p")]
        check("/xhtml", s == 200 and h["Content-Type"].startswith("application/xhtml+xml")
              and root.tag == ns + "html" and all(p in ps for p in ENGLISH.paragraphs))
    T.run("types", t_types)

    # --- charsets
    def t_charsets():
        expect_ctype = {
            "win1252-header": "text/html; charset=windows-1252",
            "latin1-header": "text/html; charset=iso-8859-1",
            "win1252-meta": "text/html",
            "win1252-meta-late": "text/html",
            "misdeclared": "text/html; charset=utf-8",
            "bom-vs-header": "text/html; charset=windows-1252",
            "utf16-bom": "text/html",
            "shift_jis": "text/html; charset=shift_jis",
            "gbk": "text/html; charset=gb2312",
            "euc-kr": "text/html; charset=euc-kr",
            "koi8-r": "text/html; charset=koi8-r",
            "undeclared-sjis": "text/html",
        }
        check("all charset cases covered", set(expect_ctype) == set(CHARSET_CASES))
        for name, case in CHARSET_CASES.items():
            s, h, b = req("/cs/" + name)
            s2, h2, e = req("/expect/cs/" + name)
            check("/cs/%s status+ctype" % name, s == 200 and s2 == 200
                  and h["Content-Type"] == expect_ctype[name], h["Content-Type"])
            bom = case["bom"]
            check("/cs/%s bom" % name, b.startswith(bom) if bom else not (
                b.startswith(b"\xef\xbb\xbf") or b.startswith(b"\xff\xfe")))
            text = b[len(bom):].decode(case["codec"])
            lines = e.decode("utf-8").splitlines()
            check("/cs/%s expect lines present" % name,
                  len(lines) >= 3 and all(l in text for l in lines) and all(
                      any(ord(ch) > 127 for ch in l) for l in lines))
            check("/cs/%s has article" % name, "<article" in text and "<nav" in text)
        cp = CHARSET_CASES["win1252-header"]["body"]
        check("cp1252 uses 0x80-0x9f", any(0x80 <= x <= 0x9F for x in cp)
              and b"\x80" in cp and b"\x93" in cp)
        check("cp1252 no meta charset", b"charset" not in cp)
        try:
            CHARSET_CASES["misdeclared"]["body"].decode("utf-8")
            check("misdeclared is invalid utf-8", False)
        except UnicodeDecodeError:
            check("misdeclared is invalid utf-8", True)
        b = CHARSET_CASES["win1252-meta"]["body"]
        i = b.find(b'<meta charset="windows-1252"')
        check("win1252-meta within 1024", 300 < i and i + 40 < 1024, str(i))
        b = CHARSET_CASES["win1252-meta-late"]["body"]
        i = b.find(b'<meta charset="windows-1252"')
        check("win1252-meta-late after 2000", i > 2000 and b[:1024].find(b"charset") < 0, str(i))
        gb = CHARSET_CASES["gbk"]["body"]
        try:
            gb.decode("gb2312")
            check("gbk needs GBK (not GB2312)", False)
        except UnicodeDecodeError:
            check("gbk needs GBK (not GB2312)", True)
        u = CHARSET_CASES["undeclared-sjis"]["body"]
        check("undeclared-sjis has no charset", b"charset" not in u.lower())
        try:
            u.decode("utf-8")
            check("undeclared-sjis not utf-8", False)
        except UnicodeDecodeError:
            check("undeclared-sjis not utf-8", True)
        check("shift_jis == cp932 bytes", u.decode("shift_jis") == u.decode("cp932"))
        check("euc-kr == cp949 bytes", CHARSET_CASES["euc-kr"]["body"].decode("euc_kr")
              == CHARSET_CASES["euc-kr"]["body"].decode("cp949"))
        s, _, _ = req("/expect/cs/nope")
        check("/expect unknown 404", s == 404)
    T.run("charsets", t_charsets)

    # --- headers and cookies
    def t_headers():
        s, h, b = req("/headers", headers={"User-Agent": "selftest/1", "X-Test": "yes",
                                           "Cookie": "a=1; session=abc"})
        j = json.loads(b)
        check("/headers", s == 200 and j["headers"]["User-Agent"] == "selftest/1"
              and j["headers"]["X-Test"] == "yes" and "session=abc" in j["headers"]["Cookie"])
        s, h, b = req("/headers", method="POST", body=b"hello",
                      headers={"Content-Type": "text/plain"})
        check("POST /headers", s == 200 and json.loads(b)["body"] == "hello")
        s, h, _ = req("/set-cookie")
        check("/set-cookie", s == 200 and "session=abc" in h["Set-Cookie"])
        s, _, _ = req("/needs-cookie")
        check("/needs-cookie without", s == 403)
        s, _, b = req("/meta-refresh-to?url=/x%3Fa%3D1%26b&delay=7")
        check("/meta-refresh-to", s == 200 and
              b'content="7; url=/x?a=1&amp;b"' in b, b[:300])
        s, _, b = req("/robots.txt", headers={"Host": "robots-503.localhost"})
        s2, _, _ = req("/robots.txt", headers={"Host": "robots-404.localhost:1"})
        check("/robots.txt by host name", s == 503 and s2 == 404)
        s, _, b = req("/needs-cookie", headers={"Cookie": "x=y; session=abc"})
        check("/needs-cookie with", s == 200 and b == ARTICLE_HTML)
    T.run("headers", t_headers)

    # --- pages
    def t_pages():
        s0, _, b0 = req("/pages/0")
        s1, _, b1 = req("/pages/199?ms=10&key=pg")
        s2, _, _ = req("/pages/200")
        check("/pages", s0 == 200 and s1 == 200 and s2 == 404 and b0 != b1)
        e = req("/expect/pages/199")[2].decode()
        check("/expect/pages/199", e.splitlines() and all(
            l in b1.decode() for l in e.splitlines()) and "pith-page-199" in e)
    T.run("pages", t_pages)

    # --- concurrency, stats, keep-alive
    def t_stats():
        wait_open(1)
        stats("/stats/reset")
        socks = [socket.create_connection(("127.0.0.1", port)) for _ in range(6)]
        s = wait_open(7)  # counted once the accept loop has accepted them
        check("stats counts open connections", s["open_connections"] == 7
              and s["max_open_connections"] == 7, str(s))
        for c in socks:
            c.close()
        s = wait_open(1)
        check("stats open back to 1", s["open_connections"] == 1
              and s["max_open_connections"] == 7, str(s))
        r = stats("/stats/reset")
        check("stats reset", r["max_open_connections"] == 1 and r["total_requests"] == 0, str(r))

        results = []

        def worker(i):
            results.append(req("/slow?ms=400&key=slowk")[0])
        t = time.monotonic()
        ths = [threading.Thread(target=worker, args=(i,)) for i in range(5)]
        for th in ths:
            th.start()
        for th in ths:
            th.join()
        dt = time.monotonic() - t
        s = stats()
        check("/slow concurrent", results == [200] * 5 and dt < 1.5, "%.2f" % dt)
        check("max_active_requests", s["max_active_requests"] == 5, str(s))
        check("max_active_by_host", s["max_active_by_host"].get("127.0.0.1:%d" % port) == 5,
              str(s))
        check("/counter slow", json.loads(req("/counter?key=slowk")[2])["hits"] == 5)

        before = stats()["total_connections"]
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        ids = set()
        ok = True
        for path in ("/article", "/gzip", "/status/404", "/json"):
            c.request("GET", path)
            r = c.getresponse()
            r.read()
            ok = ok and not r.will_close
            ids.add(r.headers["X-Connection-Id"])
        c.close()
        after = stats()["total_connections"]
        check("keep-alive reuses one connection", ok and len(ids) == 1
              and after - before == 1, "%s %d %d" % (ids, before, after))
    T.run("stats", t_stats)

    # --- command line mode (port file, SIGTERM, max-seconds)
    def t_cli():
        d = tempfile.mkdtemp(prefix="pith-ts-")
        pf = os.path.join(d, "port")
        p = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--port-file", pf],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            end = time.monotonic() + 5
            while not os.path.exists(pf) and time.monotonic() < end:
                time.sleep(0.02)
            cport = int(open(pf).read())
            c = http.client.HTTPConnection("127.0.0.1", cport, timeout=5)
            c.request("GET", "/article")
            r = c.getresponse()
            check("cli serves", r.status == 200 and r.read() == ARTICLE_HTML)
            c.close()
            check("cli port file clean", not os.path.exists(pf + ".tmp"))
            p.send_signal(signal.SIGTERM)
            rc = p.wait(timeout=5)
            out, err = p.communicate()
            check("cli SIGTERM exit 0", rc == 0 and out == b"" and err == b"",
                  "%r %r %r" % (rc, out, err))
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
        pf2 = os.path.join(d, "port2")
        t = time.monotonic()
        p = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--port-file", pf2,
                              "--max-seconds", "1"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            rc = p.wait(timeout=8)
            check("cli --max-seconds", rc == 0 and time.monotonic() - t < 6)
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
        shutil.rmtree(d, ignore_errors=True)
    T.run("cli", t_cli)

    check("self-test under 20 s", time.monotonic() - t0 < 20, "%.1f" % (time.monotonic() - t0))
    server.stop_event.set()
    server.shutdown()
    server.server_close()
    print("self-test took %.1f s" % (time.monotonic() - t0))
    print("%d passed, %d failed" % (T.passed, T.failed))
    return 0 if T.failed == 0 else 1


def main(argv=None):
    ap = argparse.ArgumentParser(description="pith test HTTP server (127.0.0.1 only)")
    ap.add_argument("--port", type=int, default=0, help="port to bind (0 = any free port)")
    ap.add_argument("--port-file", help="write the chosen port here (atomically)")
    ap.add_argument("--max-seconds", type=float, default=600,
                    help="exit by itself after this many seconds (default 600)")
    ap.add_argument("--verbose", action="store_true", help="log requests to stderr")
    ap.add_argument("--self-test", action="store_true", help="run the built-in self-test")
    args = ap.parse_args(argv)
    if args.self_test:
        return self_test()
    return serve(args)


if __name__ == "__main__":
    sys.exit(main())
