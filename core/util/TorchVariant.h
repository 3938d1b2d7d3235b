// The alternatives of libtorch's option variants (a convolution's padding, its padding mode), read the same way
// whichever variant the libtorch has: c10::variant up to 2.0, std::variant since 2.1 (where c10::get and
// c10::get_if are gone).
#pragma once
#include <variant>

namespace i2v {

// A pointer to the variant's T alternative, or nullptr when it holds another. `get_if<T>` names std's template
// for ordinary lookup, and argument-dependent lookup adds c10's for a c10::variant.
template <typename T, typename Variant>
const T* alternativeIf(const Variant& v) {
    using std::get_if;
    return get_if<T>(&v);
}

} // namespace i2v
