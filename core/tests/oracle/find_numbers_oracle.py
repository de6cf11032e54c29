#!/usr/bin/env python3
"""An independent oracle for the find-numbers corpus test (core/tests/find_numbers.rs).

    python3 find_numbers_oracle.py MESSAGE REGION [MESSAGE REGION ...]

Runs Python's `phonenumbers` PhoneNumberMatcher (a port of libphonenumber's Java
PhoneNumberMatcher that shares no code with the Rust crate) over each message with its default
leniency (VALID) and max_tries, the region given ("-" for none), and prints one line per match:

    MESSAGE<TAB>REGION<TAB>START<TAB>END<TAB>RAW<TAB>E164

START and END are UTF-16 code unit offsets (what findNumbers returns: JavaScript string
indices), RAW is the text as written with newlines shown as \\n, E164 the number with its
extension as ";ext=N".
"""

import sys

import phonenumbers
from phonenumbers import PhoneNumberFormat


def utf16_len(text):
    return len(text.encode("utf-16-le")) // 2


def e164(number):
    formatted = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    if number.extension:
        formatted += ";ext=" + number.extension
    return formatted


def main(args):
    if len(args) % 2 != 0 or not args:
        sys.exit("usage: find_numbers_oracle.py MESSAGE REGION [MESSAGE REGION ...]")
    for path, region in zip(args[::2], args[1::2]):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        name = path.rsplit("/", 1)[-1]
        for match in phonenumbers.PhoneNumberMatcher(text, None if region == "-" else region):
            start = utf16_len(text[: match.start])
            end = start + utf16_len(match.raw_string)
            raw = match.raw_string.replace("\\", "\\\\").replace("\n", "\\n")
            print(f"{name}\t{region}\t{start}\t{end}\t{raw}\t{e164(match.number)}")


if __name__ == "__main__":
    main(sys.argv[1:])
