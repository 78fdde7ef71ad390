"""The cases of the engine's differential test, with what Python `phonenumbers` says of each.

    python agreement.py [--seed N] [--random N] [--fuzz N] > cases.jsonl

Run by Tests/NumberEngineTests/AgreementTests.swift (and scripts/fuzz engine for long runs)
with the pinned phonenumbers (scripts/metadata/python). One JSON object a line: the input
(`text`, `region`) and Python's verdict: `error` (the NumberParseException type) or the
parsed number and what the package says of it. The cases:

- every example number of every type of every region and non-geographic entity;
- mutations of each: its last digit changed, a digit inserted, a digit removed;
- random digit strings after a valid calling code;
- each of those written as E.164, in international format, and as a national number with its
  region (formatted, and as bare digits);
- random text (`--fuzz`): digits of several scripts, plus signs, punctuation, letters,
  extension labels, tel: URIs, with and without a region.
"""

import argparse
import json
import random
import sys

import phonenumbers
from phonenumbers import (NumberParseException, PhoneMetadata, PhoneNumber, PhoneNumberFormat,
                          PhoneNumberType, carrier, geocoder, timezone)
from phonenumbers import phonenumberutil as U

TYPES = ["fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost", "personal_number",
         "voip", "pager", "uan", "voicemail"]

ERROR_NAMES = {
    NumberParseException.INVALID_COUNTRY_CODE: "INVALID_COUNTRY_CODE",
    NumberParseException.NOT_A_NUMBER: "NOT_A_NUMBER",
    NumberParseException.TOO_SHORT_AFTER_IDD: "TOO_SHORT_AFTER_IDD",
    NumberParseException.TOO_SHORT_NSN: "TOO_SHORT_NSN",
    NumberParseException.TOO_LONG: "TOO_LONG",
}

POSSIBLE_NAMES = {
    U.ValidationResult.IS_POSSIBLE: "IS_POSSIBLE",
    U.ValidationResult.IS_POSSIBLE_LOCAL_ONLY: "IS_POSSIBLE_LOCAL_ONLY",
    U.ValidationResult.INVALID_COUNTRY_CODE: "INVALID_COUNTRY_CODE",
    U.ValidationResult.TOO_SHORT: "TOO_SHORT",
    U.ValidationResult.INVALID_LENGTH: "INVALID_LENGTH",
    U.ValidationResult.TOO_LONG: "TOO_LONG",
}


def verdict(text, region):
    out = {"text": text, "region": region}
    try:
        n = phonenumbers.parse(text, region)
    except NumberParseException as e:
        out["error"] = ERROR_NAMES[e.error_type]
        return out
    bare = PhoneNumber(country_code=n.country_code, national_number=n.national_number,
                       italian_leading_zero=n.italian_leading_zero,
                       number_of_leading_zeros=n.number_of_leading_zeros)
    valid = phonenumbers.is_valid_number(n)
    out.update({
        "country_code": n.country_code,
        "national_number": U.national_significant_number(n),
        "extension": n.extension,
        "valid": valid,
        "type": PhoneNumberType.to_string(phonenumbers.number_type(n)),
        "number_region": phonenumbers.region_code_for_number(n),
        "e164": phonenumbers.format_number(n, PhoneNumberFormat.E164),
        "national": phonenumbers.format_number(bare, PhoneNumberFormat.NATIONAL),
        "national_with_extension": phonenumbers.format_number(n, PhoneNumberFormat.NATIONAL),
        "possible": POSSIBLE_NAMES[phonenumbers.is_possible_number_with_reason(n)],
        "location": geocoder.description_for_valid_number(n, "en") if valid else "",
        "carrier": carrier.name_for_number(n, "en"),
        "time_zones": list(timezone.time_zones_for_number(n)),
    })
    return out


def all_metadata():
    for region in sorted(U.SUPPORTED_REGIONS):
        yield region, PhoneMetadata.metadata_for_region(region)
    for code in sorted(U.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        yield "001", PhoneMetadata.metadata_for_nongeo_region(code)


def examples():
    """(region or '001', calling code, national number) of every example number."""
    for region, m in all_metadata():
        seen = set()
        for name in ["general_desc"] + TYPES:
            desc = getattr(m, name)
            if desc is not None and desc.example_number and desc.example_number not in seen:
                seen.add(desc.example_number)
                yield region, m.country_code, desc.example_number


def mutations(national, rng):
    digits = "0123456789"
    out = []
    if national:
        last = national[-1]
        out.append(national[:-1] + digits[(digits.index(last) + 1 + rng.randrange(9)) % 10])
        i = rng.randrange(len(national) + 1)
        out.append(national[:i] + rng.choice(digits) + national[i:])
        if len(national) > 1:
            i = rng.randrange(len(national))
            out.append(national[:i] + national[i + 1:])
    return out


def spellings(region, code, national, rng):
    """The number written as a user might: E.164, international, national with its region."""
    e164 = "+%d%s" % (code, national)
    out = [(e164, None)]
    try:
        n = phonenumbers.parse(e164, None)
        out.append((phonenumbers.format_number(n, PhoneNumberFormat.INTERNATIONAL), None))
        if region != "001":
            out.append((phonenumbers.format_number(n, PhoneNumberFormat.NATIONAL), region))
    except NumberParseException:
        pass
    if region != "001":
        out.append((national, region))
        # From another region, with that region's international prefix where it has a plain one.
        other = rng.choice(sorted(U.SUPPORTED_REGIONS))
        prefix = PhoneMetadata.metadata_for_region(other).preferred_international_prefix \
            or PhoneMetadata.metadata_for_region(other).international_prefix
        if prefix and prefix.isdigit():
            out.append(("%s %d %s" % (prefix, code, national), other))
    return out


FUZZ_PIECES = (
    list("0123456789") * 6
    + ["+", "+", "\uff0b", "-", " ", " ", ".", "(", ")", "/", "\\", "[", "]", "~", "\u00a0", "\u2010",
       "\u2212", "\u30fc", "\uff0d", "\u3000", "\t", "\n", ",", ";", ":", "#", "*", "_", "'", '"', "=", "!",
       "x", "X", "e", "t", "n", "ext", "ext.", "Ext", "EXT", "extension", "extensio\u0301n", "extensi\u00f3n",
       "\u0434\u043e\u0431", "anexo", "int", "\uff58", "\uff45\uff58\uff54\uff4e", ",,", ";ext=", "tel:",
       ";phone-context=", ";phone-context=+1", ";phone-context=example.com", ";isub=", "a", "B", "c",
       "FLOWERS", "\u0660", "\u0661", "\u0662", "\u06f3", "\u0966", "\uff10", "\uff11", "\uff19", "\u00b2",
       "\u2460", "\u0131", "\u017f", "\u00e9", "\u4e00", "\U0001d7ce", "00", "011", "0", "1", "44", "33", "49",
       "7", "86", "52", "54", "55", "39", "800", "979"])


def fuzz_text(rng):
    return "".join(rng.choice(FUZZ_PIECES) for _ in range(rng.randrange(1, 14)))


def cases(seed, random_count, fuzz_count):
    rng = random.Random(seed)
    regions = sorted(U.SUPPORTED_REGIONS)
    codes = sorted(U.COUNTRY_CODE_TO_REGION_CODE)
    for region, code, national in examples():
        for variant in [national] + mutations(national, rng):
            for text, reg in spellings(region, code, variant, rng):
                yield text, reg
    for _ in range(random_count):
        code = rng.choice(codes)
        national = "".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 16)))
        regs = U.COUNTRY_CODE_TO_REGION_CODE[code]
        region = regs[0] if regs[0] != "001" else "001"
        for text, reg in spellings(region, code, national, rng):
            yield text, reg
        yield national, rng.choice(regions)
    for _ in range(fuzz_count):
        region = rng.choice([None, None] + regions)
        yield fuzz_text(rng), region


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--random", type=int, default=5000)
    parser.add_argument("--fuzz", type=int, default=20000)
    args = parser.parse_args()
    out = sys.stdout
    for text, region in cases(args.seed, args.random, args.fuzz):
        out.write(json.dumps(verdict(text, region), ensure_ascii=True, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
