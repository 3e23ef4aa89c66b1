#!/usr/bin/env python3
"""The reference side of mailroute's differential test.

Reads each message file named on the command line (or every file below a
directory, or every file listed in the file given after --list) with
Python's `email` package, policy=email.policy.default, and prints one JSON
object per line: the file, the decoded Subject, and the
From/To/Cc addresses as display name and addr-spec. All occurrences of an
address field are read, groups flattened, as mailroute does.
"""
import email
import email.policy
import json
import os
import sys


def clean(text):
    """Undecodable bytes reach Python strings as lone surrogates (surrogateescape);
    turn them back into bytes and show invalid sequences as U+FFFD, as mailroute does."""
    if not any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")


def addresses(msg, name):
    result = []
    for header in msg.get_all(name, []) or []:
        for address in getattr(header, "addresses", ()):
            result.append({"name": clean(address.display_name) or None, "address": clean(address.addr_spec)})
    return result


def describe(path):
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    record = {"file": path}
    try:
        subject = msg["subject"]
        record["subject"] = None if subject is None else clean(str(subject))
    except Exception as error:  # Python's own parser failing is a reference bug, not a mailroute one.
        record["subject_error"] = repr(error)
    for name in ("from", "to", "cc"):
        try:
            record[name] = addresses(msg, name)
        except Exception as error:
            record[name + "_error"] = repr(error)
    return record


def files(arguments):
    for argument in arguments:
        if os.path.isdir(argument):
            for root, dirs, names in os.walk(argument):
                dirs.sort()
                for name in sorted(names):
                    if not name.startswith("."):
                        yield os.path.join(root, name)
        else:
            yield argument


def main():
    out = sys.stdout
    arguments = sys.argv[1:]
    if arguments[:1] == ["--list"]:
        with open(arguments[1], encoding="utf-8") as listing:
            arguments = [line for line in listing.read().split("\n") if line]
    for path in files(arguments):
        out.write(json.dumps(describe(path), ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
