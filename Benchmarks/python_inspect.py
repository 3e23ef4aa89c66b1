#!/usr/bin/env python3
"""The peer of `mailroute inspect --json` in the benchmark: the same work done
with Python's `email` package (policy=email.policy.default).

For every message of a Maildir or a directory of files: parse it, decode the
Subject, parse From/To/Cc, walk the MIME tree with part sizes, decode the text
parts, and collect the defects; print one JSON object per message.
"""
import email
import email.policy
import json
import os
import sys


def addresses(msg, name):
    out = []
    for header in msg.get_all(name, []) or []:
        for a in getattr(header, "addresses", ()):
            out.append({"name": a.display_name or None, "address": a.addr_spec})
    return out


def inspect(path):
    with open(path, "rb") as f:
        raw = f.read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    defects = [type(d).__name__ for d in msg.defects]
    parts = []
    for part in msg.walk():
        payload = part.get_payload(decode=False)
        size = len(payload) if isinstance(payload, str) else 0
        parts.append({"type": part.get_content_type(), "size": size, "filename": part.get_filename()})
        defects.extend(type(d).__name__ for d in part.defects)
        if part.get_content_maintype() == "text" and not part.is_multipart() and part.get_content_disposition() != "attachment":
            try:
                part.get_content()[:200]
            except Exception as error:
                defects.append(repr(error))
    subject = msg["subject"]
    return {
        "position": path, "size": len(raw),
        "subject": None if subject is None else str(subject),
        "from": addresses(msg, "from"), "to": addresses(msg, "to"), "cc": addresses(msg, "cc"),
        "parts": parts, "defects": defects,
    }


def files(root):
    if os.path.isdir(os.path.join(root, "cur")) or os.path.isdir(os.path.join(root, "new")):
        for sub in ("cur", "new"):
            folder = os.path.join(root, sub)
            if os.path.isdir(folder):
                for name in sorted(os.listdir(folder)):
                    yield os.path.join(folder, name)
    else:
        for base, dirs, names in os.walk(root):
            dirs.sort()
            for name in sorted(names):
                yield os.path.join(base, name)


def main():
    write = sys.stdout.write
    for root in sys.argv[1:]:
        for path in files(root):
            write(json.dumps(inspect(path), ensure_ascii=False, default=str) + "\n")


if __name__ == "__main__":
    main()
