// std::to_chars and std::from_chars for double, which the WebAssembly build's C++ library (libc++
// 14, emscripten 3.1.6) does not have (docs/workbench.md). Where the standard library has them (the
// native build: libstdc++), these call them; elsewhere the fallbacks below give the same text and
// the same values (tests/unit/base/charconv_test.cc compares the two natively).
#pragma once
#include <charconv>
#include <string>

namespace pactum {

// What std::to_chars(first, last, value, std::chars_format::fixed) writes: the shortest decimal
// that reads back as `value`, never in exponent form.
std::string shortest_fixed(double value);

// std::from_chars(first, last, value, std::chars_format::general).
std::from_chars_result parse_double(const char* first, const char* last, double& value);

// The fallbacks, built everywhere so that the native tests compare them with the standard ones:
// the shortest digits from fmt (Dragonbox), and strtod on the prefix from_chars would read.
std::string shortest_fixed_fallback(double value);
std::from_chars_result parse_double_fallback(const char* first, const char* last, double& value);

}  // namespace pactum
