// The shape of phonebatch's compiled metadata. scripts/update-metadata writes the tables
// (the .c files beside this folder) from a pinned release of libphonenumber's metadata;
// this header is written by hand and is the contract between that generator and the engine
// in Sources/NumberEngine. Change both together.
#ifndef PHONEBATCH_CPHONEMETADATA_H
#define PHONEBATCH_CPHONEMETADATA_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// No next state: the automaton has rejected.
#define PB_DEAD 0xFFFF

/// A region's number descriptions, in the order of the bits of its type automaton's accept
/// mask and of `pb_region.lengths`.
enum {
    PB_DESC_GENERAL = 0, PB_DESC_FIXED_LINE, PB_DESC_MOBILE, PB_DESC_TOLL_FREE, PB_DESC_PREMIUM_RATE,
    PB_DESC_SHARED_COST, PB_DESC_PERSONAL_NUMBER, PB_DESC_VOIP, PB_DESC_PAGER, PB_DESC_UAN,
    PB_DESC_VOICEMAIL, PB_DESC_COUNT
};

enum {
    PB_REGION_SAME_MOBILE_AND_FIXED = 1,
    PB_REGION_MAIN_COUNTRY = 2,
    PB_REGION_MOBILE_PORTABLE = 4,
};

/// A backtracking program's instruction (see Sources/NumberEngine/Patterns/CapturePattern.swift).
enum { PB_OP_CHAR = 0, PB_OP_SPLIT, PB_OP_JUMP, PB_OP_SAVE, PB_OP_END, PB_OP_MATCH };
typedef struct {
    uint8_t op;
    uint8_t slot;     // PB_OP_SAVE: 2g for the start of group g, 2g + 1 for its end
    uint16_t mask;    // PB_OP_CHAR: bit d set when digit d matches
    uint16_t x, y;    // PB_OP_SPLIT (x first, then y), PB_OP_JUMP (x); from the program's start
} pb_instruction;

/// One of a region's national formats.
typedef struct {
    int32_t leading_digits;   // digit automaton of its last leading-digits pattern, -1 for none
    uint32_t pattern;         // digit automaton of its pattern (whole number)
    uint32_t program;         // the same pattern as a program, for its groups
    uint32_t national_rule;   // string: the format with the national prefix rule applied (\1 ...)
} pb_format;

/// A region's metadata (or a non-geographic entity's, id "001").
typedef struct {
    char id[4];
    uint16_t country_code;
    uint16_t flags;                      // PB_REGION_*
    uint32_t types;                      // digit automaton; accept bits are PB_DESC_*
    uint32_t lengths[PB_DESC_COUNT];     // bit L: length L possible (0: none; all: unchecked)
    uint32_t local_lengths;              // the general description's local-only lengths
    uint8_t possible_min, possible_max;  // the general description's shortest and longest
    int32_t international_prefix;        // program, -1 for none
    int32_t national_prefix_for_parsing; // program, -1 for none
    uint8_t national_prefix_groups;      // capturing groups of that program
    int32_t national_prefix_transform;   // string, -1 for none
    int32_t leading_digits;              // digit automaton, -1 for none
    uint16_t first_format, format_count; // into pb_tables.formats
    int32_t preferred_extension_prefix;  // string, -1 for none
    int32_t national_prefix;             // string, -1 for none
} pb_region;

/// A country calling code and its regions, the main one first.
typedef struct {
    uint16_t code;
    uint16_t first;   // into pb_tables.calling_code_regions
    uint8_t count;
} pb_calling_code;

typedef struct {
    uint32_t first, last;
    uint8_t text_class;
} pb_text_range;

/// The flags of a text class.
enum {
    PB_CLASS_DIGIT = 1,          // \d (a Unicode decimal digit)
    PB_CLASS_PLUS = 2,           // + or its full-width form
    PB_CLASS_UNWANTED_END = 4,   // stripped from the end of a number (not #, not a letter or number)
    PB_CLASS_VALID_START = 8,    // may start a number (+ or a digit)
};

/// unicodedata.digit over a range: first has `value`, each next one more.
typedef struct {
    uint32_t first, last;
    uint8_t value;
} pb_digit_value;

/// A character whose upper case is on a phone keypad, and its digit.
typedef struct {
    uint32_t code_point;
    uint8_t digit;
} pb_keypad_key;

typedef struct {
    const char *alpha2, *alpha3, *name, *other_names;   // other names joined by '|'
} pb_country;

/// A prefix table's entry, ordered by (padded, length): the digits padded with zeros to 9,
/// then the length (0 for "after the interval that ended here"). In that order every prefix's
/// extensions follow it in one interval. Geocoding and carriers hold disjoint segments (the
/// name of a number is that of the last entry at or before it); time zones hold the prefixes.
typedef struct {
    uint32_t padded;
    uint8_t length;
    uint32_t name;    // into the table's names; 0 is ""
} pb_prefix_entry;

/// A run of a table's entries, in key order (a table is split so that no file is large).
typedef struct {
    const pb_prefix_entry *entries;
    uint32_t count;
} pb_prefix_part;

typedef struct {
    const pb_prefix_part *parts;
    uint32_t part_count;
    const char *const *names;
} pb_prefix_table;

typedef struct {
    const char *version;
    const uint16_t (*digit_next)[10];
    const uint16_t *digit_accept;
    const pb_instruction *program_code;
    const char *const *strings;
    uint32_t string_count;
    const pb_format *formats;
    const pb_region *regions;
    uint32_t region_count;
    const pb_calling_code *calling_codes;
    uint32_t calling_code_count;
    const uint16_t *calling_code_regions;
    const uint8_t *text_ascii;
    const pb_text_range *text_ranges;
    uint32_t text_range_count;
    const uint8_t *text_class_flags;
    uint32_t text_class_count;
    const uint16_t *text_next;          // text_class_count per state
    const uint8_t *text_accept;
    uint32_t text_viable, text_extension_reversed, text_rfc3966_global, text_rfc3966_domain;
    const pb_digit_value *digit_values;
    uint32_t digit_value_count;
    const pb_keypad_key *keypad;
    uint32_t keypad_count;
    const pb_country *countries;
    uint32_t country_count;
    pb_prefix_table time_zones;          // exact prefixes, for a calling code's zones
    pb_prefix_table time_zone_segments;  // segments, for a number's longest prefix
    const pb_prefix_table *geocoding;
    const pb_prefix_table *carriers;
    const char *mobile_tokens;          // phonenumberutil's _MOBILE_TOKEN_MAPPINGS: "54:9,..."
    const char *geo_mobile_countries;   // _GEO_MOBILE_COUNTRIES: "52,54,..."
} pb_tables;

const pb_tables *pb_metadata(void);

#ifdef __cplusplus
}
#endif

#endif
