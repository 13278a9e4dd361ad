// engine/report/sha256.cc (the WebAssembly build's SHA-256) against FIPS 180-4 test vectors and
// against OpenSSL, which the native build uses, on every length around the padding boundaries.
#include <catch2/catch.hpp>

#include <openssl/evp.h>

#include <string>

#include "engine/report/sha256.h"

using namespace pactum::report;

namespace {

std::string hex(const unsigned char* digest, size_t n) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

std::string builtin(const std::string& text) { return hex(sha256(text).data(), 32); }

std::string openssl(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  REQUIRE(EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr) == 1);
  return hex(digest, length);
}

}  // namespace

TEST_CASE("sha256: FIPS 180-4 test vectors") {
  CHECK(builtin("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(builtin("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(builtin("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(builtin(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: the same digest as OpenSSL for every length from 0 to 300 bytes") {
  std::string text;
  for (size_t n = 0; n <= 300; ++n) {
    INFO("length " << n);
    CHECK(builtin(text) == openssl(text));
    text += static_cast<char>('!' + (n * 7) % 90);
  }
  std::string utf8 = "Site visits are announced \xC3\xA9\xE2\x82\xAC";
  CHECK(builtin(utf8) == openssl(utf8));
}
