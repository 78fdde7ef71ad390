// A plain C view of the parts of libphonenumber that phonebatch uses.
//
// Parsing and describing are separate calls on purpose: a number is parsed once per
// distinct spelling, but described (type, national format, location) once per distinct
// E.164 number, and the second step costs as much as the first.
#ifndef PHONEBATCH_CPHONENUMBER_H
#define PHONEBATCH_CPHONENUMBER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Why a text could not be parsed; the values mirror libphonenumber's ErrorType.
typedef enum {
    PB_PARSE_OK = 0,
    PB_PARSE_INVALID_COUNTRY_CODE = 1,
    PB_PARSE_NOT_A_NUMBER = 2,
    PB_PARSE_TOO_SHORT_AFTER_IDD = 3,
    PB_PARSE_TOO_SHORT_NSN = 4,
    PB_PARSE_TOO_LONG_NSN = 5,
} pb_parse_error;

/// The identity of a parsed number: enough to rebuild it without parsing again.
typedef struct {
    int32_t country_code;
    uint64_t national_number;
    int32_t leading_zeros;   // Italian-style leading zeros kept in the national number
} pb_parsed_number;

/// The values mirror libphonenumber's PhoneNumberType.
typedef enum {
    PB_TYPE_FIXED_LINE = 0,
    PB_TYPE_MOBILE = 1,
    PB_TYPE_FIXED_LINE_OR_MOBILE = 2,
    PB_TYPE_TOLL_FREE = 3,
    PB_TYPE_PREMIUM_RATE = 4,
    PB_TYPE_SHARED_COST = 5,
    PB_TYPE_VOIP = 6,
    PB_TYPE_PERSONAL_NUMBER = 7,
    PB_TYPE_PAGER = 8,
    PB_TYPE_UAN = 9,
    PB_TYPE_VOICEMAIL = 10,
    PB_TYPE_UNKNOWN = 11,
} pb_number_type;

/// The values mirror libphonenumber's ValidationResult (IsPossibleNumberWithReason).
typedef enum {
    PB_POSSIBLE_IS_POSSIBLE = 0,
    PB_POSSIBLE_IS_POSSIBLE_LOCAL_ONLY = 1,
    PB_POSSIBLE_INVALID_COUNTRY_CODE = 2,
    PB_POSSIBLE_TOO_SHORT = 3,
    PB_POSSIBLE_INVALID_LENGTH = 4,
    PB_POSSIBLE_TOO_LONG = 5,
} pb_possible_reason;

typedef struct {
    int32_t valid;
    int32_t type;             // pb_number_type
    int32_t possible_reason;  // pb_possible_reason
    char region[4];           // "GB", "001" for non-geographic entities, "" when unknown
    char national[64];        // "07911 123456"
    char location[128];       // "London", empty when the geocoder knows nothing
} pb_description;

/// Parses `text` (UTF-8, `length` bytes). `region` is an ISO 3166 alpha-2 code or NULL / ""
/// when the number must carry its own country code.
pb_parse_error pb_parse(const char *text, size_t length, const char *region, pb_parsed_number *out);

/// Describes a parsed number. `want_location` asks the geocoder (English names).
void pb_describe(const pb_parsed_number *number, int want_location, pb_description *out);

/// The same description through libphonenumber's public API only: slower, and kept so that
/// a test can hold `pb_describe` to it.
void pb_describe_reference(const pb_parsed_number *number, int want_location, pb_description *out);

/// libphonenumber's example number of `type` (pb_number_type) for `region`, in E.164, into
/// `buffer`. Returns 0 when it has none.
int pb_example_number(const char *region, int32_t type, char *buffer, size_t capacity);

/// 1 when libphonenumber has metadata for the alpha-2 region code.
int pb_region_is_supported(const char *region);

/// The country calling code of a supported region, 0 otherwise.
int32_t pb_country_code_for_region(const char *region);

/// The supported alpha-2 regions, written as "AD,AE,AF,..." into `buffer`.
/// Returns the length the full list needs (excluding the terminator).
size_t pb_supported_regions(char *buffer, size_t capacity);

/// ICU's English name for an alpha-2 region ("GB" -> "United Kingdom") and its alpha-3 code.
/// Returns 0 when ICU has no name.
int pb_region_names(const char *region, char *english_name, size_t name_capacity,
                    char *alpha3, size_t alpha3_capacity);

#ifdef __cplusplus
}
#endif

#endif
