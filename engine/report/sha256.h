// SHA-256 (FIPS 180-4) without OpenSSL, for the WebAssembly build (docs/workbench.md), which has no
// OpenSSL: finding ids (finding_id.h) must be the same there as natively. The native build keeps
// OpenSSL's EVP interface; tests/unit/report/sha256_test.cc holds the two to the same digests.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

namespace pactum::report {

std::array<uint8_t, 32> sha256(std::string_view data);

}  // namespace pactum::report
