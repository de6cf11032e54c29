#!/usr/bin/env python3
"""An independent oracle for the dial plan table test (core/tests/dialplan_table.rs).

It reads the same table and dials every input the way the dial plan is documented to
(core/src/dialplan/mod.rs), but with Python's `phonenumbers`, a port of libphonenumber that
shares none of its code with the Rust crate: parsing, validity, number types and how a number
is dialed from a region (`format_out_of_country_calling_number`) come from there.

    python3 dialplan_oracle.py TABLE PLANS_JSON

PLANS_JSON is a list of {"name", "region", "outside_line", "internal"}. Prints one JSON object
per table row: {"input": ..., "extension": ..., "<plan name>": dial string or "invalid" or
"not-allowed", ...}.
"""

import json
import re
import sys

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType, ValidationResult

MAX_NUMBER_CHARS = 64
# DialString::clean (core/src/number.rs): formatting people type, and what sipXconfig accepts.
FORMATTING = set(".-/()[]{}") | {chr(c) for c in range(0x2010, 0x2016)} | {"\u2212"}
DIALABLE = set("+*_!~'&=$,;?")
BLOCKED = {PhoneNumberType.PREMIUM_RATE}


def unescape(text):
    return re.sub(r"\\u\{([0-9a-fA-F]+)\}", lambda m: chr(int(m.group(1), 16)), text)


def clean(raw):
    out = []
    for c in raw:
        if c in FORMATTING or (c.isspace() and c.isprintable()):
            continue
        if not (c.isascii() and c.isalnum()) and c not in DIALABLE:
            return None
        out.append(c)
    return "".join(out) or None


def after_international_prefix(raw):
    trimmed = re.sub(r"^[\s(]+", "", raw)
    for prefix in ("011", "00"):
        if trimmed.startswith(prefix):
            rest = trimmed[len(prefix):]
            return None if rest.startswith("0") else rest
    return None


DASHES = {chr(c) for c in range(0x2010, 0x2016)} | set("\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d")


def plain_separators(raw):
    """Every space and dash as the ASCII one, a soft hyphen dropped (as the Rust side does)."""
    return "".join(
        " " if c.isspace() else "-" if c in DASHES else c for c in raw if c != "\u00ad"
    )


def parse(raw, region):
    raw = plain_separators(raw)
    try:
        first = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        first = None
    rest = after_international_prefix(raw)
    if rest is not None and (first is None or not phonenumbers.is_valid_number(first)):
        try:
            second = phonenumbers.parse("+" + rest, region)
            if phonenumbers.is_valid_number(second):
                return second
        except phonenumbers.NumberParseException:
            pass
    return first


def dial(raw, plan):
    # Rust's char::is_control: the C0 and C1 control characters.
    if len(raw) > MAX_NUMBER_CHARS or any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in raw):
        return "invalid", None
    number = parse(raw, plan["region"])
    cleaned = clean(raw)
    if cleaned is not None and re.search(plan["internal"], cleaned):
        return cleaned, None
    if "*" in raw or number is None:
        return "invalid", None
    if phonenumbers.is_possible_number_with_reason(number) != ValidationResult.IS_POSSIBLE:
        return "invalid", None
    if phonenumbers.number_type(number) in BLOCKED:
        return "not-allowed", None
    extension = number.extension or None
    number.extension = None
    home = phonenumbers.format_out_of_country_calling_number(number, plan["region"])
    return plan["outside_line"] + re.sub(r"\D", "", home), extension


def main():
    table, plans = sys.argv[1], json.loads(sys.argv[2])
    with open(table, encoding="utf-8") as rows:
        for line in rows:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            raw = unescape(line.split("\t")[0])
            result = {"input": line.split("\t")[0], "extension": None}
            for plan in plans:
                dialed, extension = dial(raw, plan)
                result[plan["name"]] = dialed
                result["extension"] = result["extension"] or extension
            print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
