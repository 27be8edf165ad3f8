"""Read feeds with Python's feedparser (Debian python3-feedparser) and print what it understood, as JSON.

Used by scripts/conformance.mjs: feedparser is behind many feed readers, and it is lenient, so a feed it
reads with `bozo` set has a problem readers will meet. Dates are printed as Unix epochs (UTC).
"""
import calendar
import json
import sys

import feedparser


def epoch(parsed):
    return calendar.timegm(parsed) if parsed else None


def entry(item):
    return {
        "title": item.get("title"),
        "link": item.get("link"),
        "id": item.get("id"),
        "published": epoch(item.get("published_parsed")),
        "updated": epoch(item.get("updated_parsed")),
        "author": item.get("author"),
        "authors": [author.get("name") for author in item.get("authors", [])],
        "enclosures": [
            {"href": enclosure.get("href"), "length": enclosure.get("length"), "type": enclosure.get("type")}
            for enclosure in item.get("enclosures", [])
        ],
        "language": (item.get("title_detail") or {}).get("language"),
    }


def read(path):
    parsed = feedparser.parse(path)
    return {
        "path": path,
        "version": parsed.get("version"),
        "bozo": bool(parsed.get("bozo")),
        "bozo_exception": str(parsed.get("bozo_exception")) if parsed.get("bozo") else None,
        "title": parsed.feed.get("title"),
        "entries": [entry(item) for item in parsed.entries],
    }


print(json.dumps([read(path) for path in sys.argv[1:]]))
