#!/usr/bin/env python3
"""An independent oracle for the dial plan table test (core/tests/dialplan_table.rs).

It reads the same table and dials every input the way the dial plan is documented to
(core/src/dialplan/mod.rs), but with Python's `phonenumbers`, a port of libphonenumber that
shares none of its code with the Rust crate: parsing, validity, number types and how a number
is dialed from a region (`format_out_of_country_calling_number`) come from there.

    python3 dialplan_oracle.py TABLE PLANS_JSON

PLANS_JSON is a list of {"name", "region", "outside_line", "internal"}, each optionally with
"block" (type names as in the dial plan file; default ["premium_rate"]), "allow_invalid"
(default false), "national_prefix" and "deny" (a list of patterns). Prints one JSON object per
table row: {"input": ..., "extension": ..., "<plan name>": dial string or "invalid" or
"not-allowed", ...}.

    python3 dialplan_oracle.py --plan-column TABLE PLANS_JSON

reads a table whose first column names the plan and whose second is the input (the toll-fraud
table, core/tests/toll_fraud/numbers.tsv) and prints {"input": ..., "dialed": ...} per row.

A number in a blocked range with a digit too many or too few has no type; the Rust side finds
its range by the types of the numbers next to it. The oracle instead matches the digits against
the blocked types' own patterns in the metadata (`PhoneMetadata`), which `phonenumbers` exposes
and the Rust crate does not: a prefix of the number, or the number followed by any digits,
matching a blocked type's pattern puts it in that range.
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
TYPE_NAMES = {
    "fixed_line": PhoneNumberType.FIXED_LINE,
    "mobile": PhoneNumberType.MOBILE,
    "fixed_line_or_mobile": PhoneNumberType.FIXED_LINE_OR_MOBILE,
    "toll_free": PhoneNumberType.TOLL_FREE,
    "premium_rate": PhoneNumberType.PREMIUM_RATE,
    "shared_cost": PhoneNumberType.SHARED_COST,
    "voip": PhoneNumberType.VOIP,
    "personal_number": PhoneNumberType.PERSONAL_NUMBER,
    "pager": PhoneNumberType.PAGER,
    "uan": PhoneNumberType.UAN,
    "voicemail": PhoneNumberType.VOICEMAIL,
    "unknown": PhoneNumberType.UNKNOWN,
}
# The PhoneMetadata attribute of each type that has a pattern of its own.
DESCRIPTIONS = {
    "fixed_line": "fixed_line",
    "mobile": "mobile",
    "toll_free": "toll_free",
    "premium_rate": "premium_rate",
    "shared_cost": "shared_cost",
    "voip": "voip",
    "personal_number": "personal_number",
    "pager": "pager",
    "uan": "uan",
    "voicemail": "voicemail",
}


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


def dialing_character(raw):
    """A '#', '*' or pause in the input (core/src/dialplan/phone.rs, dialing_character)."""
    lower = raw.lower()
    is_uri = lower.lstrip().startswith("tel:")
    for at, c in enumerate(lower):
        if c in "#\uff03*\uff0a,\uff0c":
            return c
        if c == ";" and not is_uri and not lower[at + 1:].startswith("ext="):
            return c
    for run in re.findall(r"[a-z]+", lower):
        if set(run) <= {"p", "w"}:
            return run
    return None


def metadata_for(number):
    region = phonenumbers.region_code_for_number(number)
    if region is None:
        region = phonenumbers.region_code_for_country_code(number.country_code)
    if region == "001":
        return phonenumbers.PhoneMetadata.metadata_for_nongeo_region(number.country_code)
    return phonenumbers.PhoneMetadata.metadata_for_region(region)


def in_blocked_range(number, block):
    """Whether the national number, cut or followed by more digits, fits a blocked type's
    pattern: its prefix is in that type's range, whatever its length."""
    metadata = metadata_for(number)
    if metadata is None:
        return False
    nsn = phonenumbers.national_significant_number(number)
    # A national prefix libphonenumber kept as a leading zero ("0848 123 45" in CH) is not part
    # of the range's digits.
    digits = {nsn, nsn.lstrip("0")} - {""}
    for name in block:
        attribute = DESCRIPTIONS.get(name)
        desc = getattr(metadata, attribute, None) if attribute else None
        if desc is None or not desc.national_number_pattern:
            continue
        pattern = re.compile("(?:%s)" % desc.national_number_pattern)
        for nsn in digits:
            for length in range(2, 18):
                if length < len(nsn):
                    probes = [nsn[:length]]
                elif length > len(nsn):
                    probes = [nsn + pad * (length - len(nsn)) for pad in "059"]
                else:
                    continue
                if any(pattern.fullmatch(probe) for probe in probes):
                    return True
    return False


def international_prefix(region):
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    return metadata.preferred_international_prefix or metadata.international_prefix


def dial(raw, plan):
    # Rust's char::is_control: the C0 and C1 control characters.
    if len(raw) > MAX_NUMBER_CHARS or any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in raw):
        return "invalid", None
    region = plan["region"]
    number = parse(raw, region)
    cleaned = clean(raw)
    if cleaned is not None and re.search(plan["internal"], cleaned):
        return cleaned, None
    if dialing_character(raw) is not None or number is None:
        return "invalid", None
    if phonenumbers.is_possible_number_with_reason(number) != ValidationResult.IS_POSSIBLE:
        return "invalid", None
    valid = phonenumbers.is_valid_number(number)
    if not valid and not plan.get("allow_invalid", False):
        return "invalid", None
    extension = number.extension or None
    number.extension = None
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    if any(re.search(pattern, e164) for pattern in plan.get("deny", [])):
        return "not-allowed", None
    block = plan.get("block", ["premium_rate"])
    if phonenumbers.number_type(number) in {TYPE_NAMES[name] for name in block}:
        return "not-allowed", None
    if not valid and in_blocked_range(number, block):
        return "not-allowed", None
    # outside line + national prefix + national significant number at home, outside line +
    # international prefix + country code + national significant number abroad.
    nsn = phonenumbers.national_significant_number(number)
    home = phonenumbers.country_code_for_region(region)
    theirs = phonenumbers.PhoneMetadata.metadata_for_region(region).national_prefix or ""
    # A trunk prefix kept as part of a number that is not valid would be dialed twice.
    if number.country_code == home and not valid and theirs and nsn.startswith(theirs):
        return "invalid", None
    if number.country_code == home:
        prefix = plan.get("national_prefix", theirs) if theirs else ""
        dialed = prefix + nsn
    else:
        dialed = international_prefix(region) + str(number.country_code) + nsn
    # What the carrier reads: the international prefix, or the national one, then the number.
    # A national number that begins with a zero libphonenumber kept would be read as
    # international, so it is refused.
    reread = None
    abroad = international_prefix(region)
    national = prefix if number.country_code == home else (
        phonenumbers.PhoneMetadata.metadata_for_region(region).national_prefix or "")
    for start, is_abroad in sorted([(abroad, True), (national, False)], key=lambda p: -len(p[0])):
        if start and dialed.startswith(start):
            rest = dialed[len(start):]
            reread = "+" + rest if is_abroad else "+%d%s" % (home, rest)
            break
    else:
        if not national:
            reread = "+%d%s" % (home, dialed)
    if reread != e164:
        return "invalid", None
    return plan["outside_line"] + dialed, extension


def main():
    if sys.argv[1] == "--plan-column":
        toll_fraud(sys.argv[2], {plan["name"]: plan for plan in json.loads(sys.argv[3])})
        return
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


def toll_fraud(table, plans):
    with open(table, encoding="utf-8") as rows:
        for line in rows:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            dialed, _ = dial(unescape(fields[1]), plans[fields[0]])
            print(json.dumps({"input": fields[1], "dialed": dialed}, ensure_ascii=False))


if __name__ == "__main__":
    main()
