// The number engine's types (NumberType, PhoneNumber ...) are part of phonebatch's own API
// (a NumberDescription has a NumberType), so whoever imports PhoneBatch gets them too.
@_exported import NumberEngine
