// The C++ side of CPhoneNumber.h: thin calls into libphonenumber, no policy.
#include "CPhoneNumber.h"

#include <phonenumbers/geocoding/phonenumber_offline_geocoder.h>
#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cstring>
#include <map>
#include <set>
#include <string>

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberOfflineGeocoder;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

void copy_out(const std::string &value, char *buffer, size_t capacity) {
    if (capacity == 0) return;
    size_t n = value.size() < capacity - 1 ? value.size() : capacity - 1;
    std::memcpy(buffer, value.data(), n);
    buffer[n] = '\0';
}

PhoneNumber rebuild(const pb_parsed_number *parsed) {
    PhoneNumber number;
    number.set_country_code(parsed->country_code);
    number.set_national_number(parsed->national_number);
    if (parsed->leading_zeros > 0) {
        number.set_italian_leading_zero(true);
        if (parsed->leading_zeros > 1) number.set_number_of_leading_zeros(parsed->leading_zeros);
    }
    return number;
}

// The geocoder loads its prefix tables on first use and guards them with a lock; one per
// thread keeps threads from queueing on that lock.
PhoneNumberOfflineGeocoder &thread_geocoder() {
    thread_local PhoneNumberOfflineGeocoder geocoder;
    return geocoder;
}

const icu::Locale &english() {
    static const icu::Locale locale("en", "US");
    return locale;
}

// Three member functions libphonenumber keeps private, reached through the standard rule
// that an explicit template instantiation may name any member. Why: its public calls each
// look up the number's region again (GetNumberType, then the geocoder's country fallback),
// and that lookup, a run of regular-expression matches, is a third of the cost of
// describing a number. With these, the region is looked up once. pb_describe_reference
// below is the same description through the public API, and a test holds the two equal.
template <typename Tag, typename Tag::type Member>
struct Expose {
    friend typename Tag::type get(Tag) { return Member; }
};
struct MetadataForRegionOrCallingCode {
    using type = const PhoneMetadata *(PhoneNumberUtil::*)(int, const std::string &) const;
    friend type get(MetadataForRegionOrCallingCode);
};
template struct Expose<MetadataForRegionOrCallingCode, &PhoneNumberUtil::GetMetadataForRegionOrCallingCode>;
struct NumberTypeHelper {
    using type = PhoneNumberUtil::PhoneNumberType (PhoneNumberUtil::*)(const std::string &, const PhoneMetadata &) const;
    friend type get(NumberTypeHelper);
};
template struct Expose<NumberTypeHelper, &PhoneNumberUtil::GetNumberTypeHelper>;
struct AreaDescription {
    using type = const char *(PhoneNumberOfflineGeocoder::*)(const PhoneNumber &, const std::string &,
                                                            const std::string &, const std::string &) const;
    friend type get(AreaDescription);
};
template struct Expose<AreaDescription, &PhoneNumberOfflineGeocoder::GetAreaDescription>;

// As GetNumberType, for a region already known.
PhoneNumberUtil::PhoneNumberType number_type(const PhoneNumberUtil *util, const PhoneNumber &number,
                                             const std::string &region) {
    const PhoneMetadata *metadata = (util->*get(MetadataForRegionOrCallingCode()))(number.country_code(), region);
    if (!metadata) return PhoneNumberUtil::UNKNOWN;
    std::string national_significant_number;
    util->GetNationalSignificantNumber(number, &national_significant_number);
    return (util->*get(NumberTypeHelper()))(national_significant_number, *metadata);
}

// As the geocoder's GetRegionDisplayName, remembered per region and thread.
const std::string &country_name(const std::string &region) {
    thread_local std::map<std::string, std::string> names;
    auto found = names.find(region);
    if (found != names.end()) return found->second;
    std::string name;
    if (!region.empty() && region != "ZZ" && region != "001") {
        icu::UnicodeString display;
        icu::Locale("", region.c_str()).getDisplayCountry(english(), display);
        display.toUTF8String(name);
    }
    return names.emplace(region, name).first->second;
}

// As GetDescriptionForValidNumber(number, english()): the area's name, else the country's.
std::string location(const PhoneNumber &number, const std::string &region) {
    const char *area = (thread_geocoder().*get(AreaDescription()))(number, "en", "", "US");
    return *area ? std::string(area) : country_name(region);
}

// What both describe paths write once they know region, type and validity.
void fill_common(const PhoneNumberUtil *util, const PhoneNumber &number, const std::string &region,
                 PhoneNumberUtil::PhoneNumberType type, bool valid, pb_description *out) {
    if (region != "ZZ") copy_out(region, out->region, sizeof(out->region));
    out->type = static_cast<int32_t>(type);
    out->valid = valid ? 1 : 0;
    out->possible_reason = valid
        ? PB_POSSIBLE_IS_POSSIBLE
        : static_cast<int32_t>(util->IsPossibleNumberWithReason(number));
    std::string formatted;
    util->Format(number, PhoneNumberUtil::NATIONAL, &formatted);
    copy_out(formatted, out->national, sizeof(out->national));
}

}  // namespace

extern "C" pb_parse_error pb_parse(const char *text, size_t length, const char *region,
                                   pb_parsed_number *out) {
    std::memset(out, 0, sizeof(*out));
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    std::string region_code = (region && region[0]) ? region : "ZZ";
    PhoneNumberUtil::ErrorType error = util->Parse(std::string(text, length), region_code, &number);
    if (error != PhoneNumberUtil::NO_PARSING_ERROR) return static_cast<pb_parse_error>(error);
    out->country_code = number.country_code();
    out->national_number = number.national_number();
    out->leading_zeros = number.italian_leading_zero()
        ? (number.has_number_of_leading_zeros() ? number.number_of_leading_zeros() : 1)
        : 0;
    return PB_PARSE_OK;
}

extern "C" void pb_describe(const pb_parsed_number *parsed, int want_location, pb_description *out) {
    std::memset(out, 0, sizeof(*out));
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number = rebuild(parsed);

    std::string region;
    util->GetRegionCodeForNumber(number, &region);
    // UNKNOWN exactly when IsValidNumber is false: both look the number up in the metadata
    // of the region found above, so one call answers both questions.
    PhoneNumberUtil::PhoneNumberType type = number_type(util, number, region);
    fill_common(util, number, region, type, type != PhoneNumberUtil::UNKNOWN, out);
    if (want_location && out->valid) {
        copy_out(location(number, region), out->location, sizeof(out->location));
    }
}

extern "C" void pb_describe_reference(const pb_parsed_number *parsed, int want_location, pb_description *out) {
    std::memset(out, 0, sizeof(*out));
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number = rebuild(parsed);

    std::string region;
    util->GetRegionCodeForNumber(number, &region);
    fill_common(util, number, region, util->GetNumberType(number), util->IsValidNumber(number), out);
    if (want_location && out->valid) {
        copy_out(thread_geocoder().GetDescriptionForValidNumber(number, english()), out->location, sizeof(out->location));
    }
}

extern "C" int pb_example_number(const char *region, int32_t type, char *buffer, size_t capacity) {
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (!util->GetExampleNumberForType(region, static_cast<PhoneNumberUtil::PhoneNumberType>(type), &number)) return 0;
    std::string formatted;
    util->Format(number, PhoneNumberUtil::E164, &formatted);
    copy_out(formatted, buffer, capacity);
    return 1;
}

extern "C" int pb_region_is_supported(const char *region) {
    if (!region) return 0;
    std::set<std::string> regions;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    return regions.count(region) ? 1 : 0;
}

extern "C" int32_t pb_country_code_for_region(const char *region) {
    if (!region) return 0;
    return PhoneNumberUtil::GetInstance()->GetCountryCodeForRegion(region);
}

extern "C" size_t pb_supported_regions(char *buffer, size_t capacity) {
    std::set<std::string> regions;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    std::string joined;
    for (const std::string &region : regions) {
        if (!joined.empty()) joined += ',';
        joined += region;
    }
    copy_out(joined, buffer, capacity);
    return joined.size();
}

extern "C" int pb_region_names(const char *region, char *english_name, size_t name_capacity,
                               char *alpha3, size_t alpha3_capacity) {
    icu::Locale locale("", region);
    icu::UnicodeString name;
    locale.getDisplayCountry(icu::Locale::getEnglish(), name);
    std::string utf8;
    name.toUTF8String(utf8);
    copy_out(utf8, english_name, name_capacity);
    copy_out(locale.getISO3Country(), alpha3, alpha3_capacity);
    // ICU echoes the code back when it has no name for it.
    return (!utf8.empty() && utf8 != region) ? 1 : 0;
}
