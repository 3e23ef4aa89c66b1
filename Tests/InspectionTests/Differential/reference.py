#!/usr/bin/env python3
"""The reference side of mailroute's differential test.

Reads each message file named on the command line (or every file below a
directory) with Python's `email` package, policy=email.policy.default, and
prints one JSON object per line: the file, the decoded Subject, and the
From/To/Cc addresses as display name and addr-spec. All occurrences of an
address field are read, groups flattened, as mailroute does.
"""
import email
import email.policy
import json
import os
import sys


def addresses(msg, name):
    result = []
    for header in msg.get_all(name, []) or []:
        for address in getattr(header, "addresses", ()):
            result.append({"name": address.display_name or None, "address": address.addr_spec})
    return result


def describe(path):
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    record = {"file": path}
    try:
        subject = msg["subject"]
        record["subject"] = None if subject is None else str(subject)
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
    for path in files(sys.argv[1:]):
        out.write(json.dumps(describe(path), ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
