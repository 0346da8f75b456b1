#!/usr/bin/env python3
"""A small Markdown-to-text renderer: CommonMark blocks (ATX and setext
headings, thematic breaks, fenced and indented code, block quotes, lists,
HTML blocks, paragraphs) and inlines (backslash escapes, entities, code
spans, autolinks, raw HTML, links, images, emphasis by the delimiter
rules), and GitHub's tables.  It follows the specification rather than
pith's writer, so that a wrongly escaped character or a delimiter that does
not parse shows up as a difference in the text: raw HTML and images give
no text, thematic breaks vanish, a line that is code keeps its markers.

Usage: md_to_text.py < file.md   (prints one block of text per line group)
"""
import html
import re
import sys
import unicodedata

PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def is_space(c):
    return c is None or c in " \t\n\r\f" or unicodedata.category(c) == "Zs"


def is_punct(c):
    return c is not None and (c in PUNCT or
                              unicodedata.category(c)[0] in "PS")


# ---------------------------------------------------------------- inlines

ENTITY = re.compile(r"&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
EMAIL = re.compile(r"<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*)>")
RAW_HTML = re.compile(
    r"<(/?[A-Za-z][A-Za-z0-9-]*(\s+[A-Za-z_:][A-Za-z0-9_.:-]*"
    r"(\s*=\s*([^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*\s*/?>"
    r"|!--.*?-->|\?.*?\?>|![A-Za-z]+[^>]*>|!\[CDATA\[.*?\]\]>)", re.S)


def entity(s):
    name = s[1:]
    if name.startswith("#"):
        n = int(name[2:-1], 16) if name[1] in "xX" else int(name[1:-1])
        return chr(n) if 0 < n < 0x110000 and not 0xD800 <= n < 0xE000 \
            else "\ufffd"
    return html.entities.html5.get(name)


def find_link_end(s, i):
    """s[i] == '[': the index of the matching ']' (escapes and code
    spans respected), or -1."""
    depth, j = 0, i
    while j < len(s):
        c = s[j]
        if c == "\\" and j + 1 < len(s):
            j += 2
            continue
        if c == "`":
            run = len(s[j:]) - len(s[j:].lstrip("`"))
            close = s.find("`" * run, j + run)
            while close != -1 and (s[close + run:close + run + 1] == "`"):
                close = s.find("`" * run, close + run + 1)
            if close != -1:
                j = close + run
                continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


def link_dest(s, j):
    """s[j] == '(': (end index after ')', ok).  Destinations and titles
    are read as CommonMark does, loosely."""
    k = j + 1
    while k < len(s) and s[k] in " \t\n":
        k += 1
    if k < len(s) and s[k] == "<":
        e = s.find(">", k)
        if e == -1 or "\n" in s[k:e]:
            return -1
        k = e + 1
    else:
        depth = 0
        # Only ASCII spaces and controls end a destination.
        while k < len(s) and s[k] > " " and s[k] != "\x7f":
            if s[k] == "\\" and k + 1 < len(s):
                k += 2
                continue
            if s[k] == "(":
                depth += 1
            elif s[k] == ")":
                if depth == 0:
                    break
                depth -= 1
            k += 1
    while k < len(s) and s[k] in " \t\n":
        k += 1
    if k < len(s) and s[k] in "\"'(":
        close = {"\"": "\"", "'": "'", "(": ")"}[s[k]]
        e = s.find(close, k + 1)
        if e == -1:
            return -1
        k = e + 1
        while k < len(s) and s[k] in " \t\n":
            k += 1
    return k + 1 if k < len(s) and s[k] == ")" else -1


def inline(s):
    """Text of the inline content s."""
    items = []  # str pieces and delimiter runs [char, count, open, close]
    i = 0
    buf = []

    def flush():
        if buf:
            items.append("".join(buf))
            buf.clear()

    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s) and s[i + 1] in PUNCT:
            buf.append(s[i + 1])
            i += 2
            continue
        if c == "\\" and i + 1 < len(s) and s[i + 1] == "\n":
            buf.append("\n")
            i += 2
            continue
        if c == "&":
            m = ENTITY.match(s, i)
            if m and entity(m.group(0)) is not None:
                buf.append(entity(m.group(0)))
                i = m.end()
                continue
        if c == "`":
            run = len(s[i:]) - len(s[i:].lstrip("`"))
            j = i + run
            found = -1
            while True:
                j = s.find("`" * run, j)
                if j == -1:
                    break
                if s[j + run:j + run + 1] != "`" and s[j - 1] != "`":
                    found = j
                    break
                j += 1
            if found != -1:
                code = s[i + run:found].replace("\n", " ")
                if code.strip() and code[0] == " " and code[-1] == " ":
                    code = code[1:-1]
                buf.append(code)
                i = found + run
                continue
            buf.append("`" * run)
            i += run
            continue
        if c == "<":
            m = AUTOLINK.match(s, i) or EMAIL.match(s, i)
            if m:
                buf.append(m.group(1))
                i = m.end()
                continue
            m = RAW_HTML.match(s, i)
            if m:
                i = m.end()  # raw HTML shows no text
                continue
        if c == "[" or (c == "!" and s[i + 1:i + 2] == "["):
            start = i + (c == "!")
            end = find_link_end(s, start)
            if end != -1 and s[end + 1:end + 2] == "(":
                after = link_dest(s, end + 1)
                if after != -1:
                    flush()
                    if c != "!":
                        items.append(inline(s[start + 1:end]))
                    i = after
                    continue
        if c in "*_":
            run = len(s[i:]) - len(s[i:].lstrip(c))
            before = s[i - 1] if i > 0 else None
            after = s[i + run] if i + run < len(s) else None
            left = not is_space(after) and (
                not is_punct(after) or is_space(before) or is_punct(before))
            right = not is_space(before) and (
                not is_punct(before) or is_space(after) or is_punct(after))
            if c == "*":
                can_open, can_close = left, right
            else:
                can_open = left and (not right or is_punct(before))
                can_close = right and (not left or is_punct(after))
            flush()
            items.append([c, run, can_open, can_close, run])
            i += run
            continue
        buf.append(c)
        i += 1
    flush()
    emphasis(items)
    out = []
    for it in items:
        out.append(it if isinstance(it, str) else it[0] * it[1])
    return "".join(out)


def emphasis(items):
    """CommonMark's "process emphasis": matched delimiters are removed
    (their count drops), unmatched ones stay as literal text."""
    delims = [k for k, it in enumerate(items) if not isinstance(it, str)]
    bottom = {}
    ci = 0
    while ci < len(delims):
        closer = items[delims[ci]]
        if not closer[3] or closer[1] == 0:
            ci += 1
            continue
        key = (closer[0], closer[2], closer[4] % 3)
        found = None
        oi = ci - 1
        while oi >= bottom.get(key, 0):
            op = items[delims[oi]]
            if op[0] == closer[0] and op[2] and op[1] > 0:
                odd = (op[3] or closer[2]) and \
                    (op[4] + closer[4]) % 3 == 0 and \
                    not (op[4] % 3 == 0 and closer[4] % 3 == 0)
                if not odd:
                    found = oi
                    break
            oi -= 1
        if found is None:
            bottom[key] = ci
            if not closer[2]:
                closer[3] = False
            ci += 1
            continue
        op = items[delims[found]]
        use = 2 if op[1] >= 2 and closer[1] >= 2 else 1
        op[1] -= use
        closer[1] -= use
        for k in range(found + 1, ci):  # delimiters in between are text
            d = items[delims[k]]
            d[2] = d[3] = False
        if closer[1] == 0:
            ci += 1


# ---------------------------------------------------------------- blocks

FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
HR = re.compile(r"^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
BULLET = re.compile(r"^( {0,3})([-+*]|[0-9]{1,9}[.)])( {1,4}(?! )|[ \t]*$)")
QUOTE = re.compile(r"^ {0,3}> ?")
HTML_START = re.compile(r"^ {0,3}<(/?[A-Za-z][A-Za-z0-9-]*[\s/>]|!--|\?|![A-Za-z])")
DELIM_ROW = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def split_row(line):
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells, cur, i = [], [], 0
    while i < len(line):
        if line[i] == "\\" and i + 1 < len(line) and line[i + 1] == "|":
            cur.append("|")  # \| is a pipe inside a cell
            i += 2
            continue
        if line[i] == "|":
            cells.append("".join(cur))
            cur = []
        else:
            cur.append(line[i])
        i += 1
    cells.append("".join(cur))
    return [c.strip() for c in cells]


def starts_block(line):
    return (FENCE.match(line) or ATX.match(line) or HR.match(line) or
            QUOTE.match(line) or HTML_START.match(line) or
            (BULLET.match(line) and line.strip() not in ("-", "*", "+")))


def blocks(lines):
    """Text blocks of a list of lines (CommonMark's block structure)."""
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        m = FENCE.match(line)
        if m:
            fence = m.group(2)
            body = []
            i += 1
            while i < len(lines):
                c = lines[i].strip()
                if c.startswith(fence[0] * len(fence)) and \
                        set(c) == {fence[0]}:
                    i += 1
                    break
                body.append(lines[i][len(m.group(1)):] if
                            lines[i].startswith(m.group(1)) else lines[i])
                i += 1
            out.append("\n".join(body))
            continue
        if line.startswith("    ") or line.startswith("\t"):
            body = []
            while i < len(lines) and (lines[i].startswith("    ") or
                                      not lines[i].strip()):
                body.append(lines[i][4:])
                i += 1
            out.append("\n".join(body).strip("\n"))
            continue
        m = ATX.match(line)
        if m:
            out.append(inline((m.group(2) or "").strip()))
            i += 1
            continue
        if HR.match(line):
            i += 1
            continue
        if QUOTE.match(line):
            inner = []
            while i < len(lines) and lines[i].strip():
                q = QUOTE.match(lines[i])
                if q:
                    inner.append(lines[i][q.end():])
                elif inner and not starts_block(lines[i]):
                    inner.append(lines[i])  # lazy continuation
                else:
                    break
                i += 1
            out.extend(blocks(inner))
            continue
        m = BULLET.match(line)
        if m and line.strip() not in ("-", "*", "+"):
            col = len(m.group(0)) if m.group(3).strip(" \t") == "" and \
                m.group(3) else m.end()
            if not line[m.end():].strip():
                col = len(m.group(1)) + len(m.group(2)) + 1
            inner = [line[col:] if len(line) > col else line[m.end():]]
            i += 1
            while i < len(lines):
                nxt = lines[i]
                if not nxt.strip():
                    # A blank line: the item goes on if the next line is
                    # indented to its content.
                    if i + 1 < len(lines) and lines[i + 1].startswith(
                            " " * col) and lines[i + 1].strip():
                        inner.append("")
                        i += 1
                        continue
                    break
                if nxt.startswith(" " * col):
                    inner.append(nxt[col:])
                elif not starts_block(nxt) and inner[-1].strip():
                    inner.append(nxt)  # lazy continuation
                else:
                    break
                i += 1
            out.extend(blocks(inner))
            continue
        if HTML_START.match(line):
            while i < len(lines) and lines[i].strip():
                out.append(lines[i])
                i += 1
            continue
        # A table: a header row, a delimiter row of as many cells.
        if "|" in line and i + 1 < len(lines) and \
                DELIM_ROW.match(lines[i + 1]) and "-" in lines[i + 1] and \
                len(split_row(line)) == len(split_row(lines[i + 1])):
            width = len(split_row(line))
            rows = [split_row(line)]
            i += 2
            while i < len(lines) and lines[i].strip() and \
                    not starts_block(lines[i]):
                rows.append(split_row(lines[i]))
                i += 1
            for r in rows:
                r = (r + [""] * width)[:width]
                out.append(" | ".join(inline(c) for c in r))
            continue
        para = []
        while i < len(lines) and lines[i].strip():
            if para and (starts_block(lines[i]) or
                         lines[i].startswith("    ") and False):
                break
            if para and SETEXT.match(lines[i]):
                i += 1
                break  # a setext underline: the paragraph is a heading
            para.append(lines[i].strip())
            i += 1
        out.append(inline("\n".join(para)))
    return out


def render(md):
    return "\n\n".join(b for b in blocks(md.split("\n")) if b.strip())


if __name__ == "__main__":
    sys.stdout.write(render(sys.stdin.read()) + "\n")
