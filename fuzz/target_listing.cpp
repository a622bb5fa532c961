// A saved directory listing (dir_listing.hpp), as the file beside the search
// cache holds it: decoded as the input is, and again with its header made
// right (magic, byte order, payload size and checksum), so that mutations
// reach the listings behind the checksum. Whatever is accepted has names the
// walk can use safely, and is exactly what `encode_listings` makes of it.
#include "fuzz_support.hpp"
#include "fuzz_targets.hpp"

#include "hros/dir_listing.hpp"

#include <cstring>

namespace hros::fuzz {
namespace {

constexpr std::size_t k_header_size = 32;

void require_entry_name(std::string_view name, const std::string& where) {
  require(!name.empty(), "{}: an empty name", where);
  require(name.find('/') == std::string_view::npos, "{}: a name with '/'", where);
  require(name.find('\0') == std::string_view::npos, "{}: a name with a NUL", where);
  require(name[0] != '.', "{}: a hidden name, or . or ..", where);
}

void check_decoded(std::string_view bytes) {
  ListingSet set = ListingSet::decode(bytes);
  const std::vector<DirectoryListing>& listings = set.listings();
  if (listings.empty()) {
    return;
  }
  for (std::size_t i = 0; i < listings.size(); ++i) {
    const DirectoryListing& listing = listings[i];
    std::string where = fmt::format("listing {}", i);
    require(set.find(listing.relative) == &listing, "{}: not found by its path", where);
    // Every part of the path is a name, as the walk would have read it.
    std::string_view relative = listing.relative;
    while (!relative.empty()) {
      std::size_t slash = relative.find('/');
      require_entry_name(relative.substr(0, slash), where + " path");
      relative = slash == std::string_view::npos ? std::string_view() : relative.substr(slash + 1);
      require(slash == std::string_view::npos || !relative.empty(), "{}: a path ending in '/'",
              where);
    }
    const NameSpan& names = listing.names;
    for (std::size_t n = 0; n < names.count; ++n) {
      std::string_view name = names.name(n);
      require_entry_name(name, where);
      require(name.size() <= names.names_size, "{}: a name past the names", where);
      require(std::strlen(names.c_name(n)) == name.size(), "{}: c_name not ended at its size",
              where);
    }
    // Arithmetic on any times a file holds stays defined (UBSan watches).
    static_cast<void>(listing.settled());
    static_cast<void>(listing.describes(0, 0, 0, 0));
  }
  std::string again = encode_listings(listings);
  require(again == bytes, "re-encoded: {} bytes, not the {} read", again.size(), bytes.size());
}

// The input with the header a writer would have given its payload.
std::string with_right_header(std::string_view bytes) {
  std::string fixed(bytes);
  std::string_view payload = bytes.substr(k_header_size);
  std::uint64_t values[] = {0x0102030405060708ull, payload.size(), listing_checksum(payload)};
  std::memcpy(fixed.data(), "HROSDIR\x02", 8);
  std::memcpy(fixed.data() + 8, values, sizeof values);
  return fixed;
}

} // namespace

int listing(const std::uint8_t* data, std::size_t size) {
  std::string_view input = as_text(data, size);
  check_decoded(input);
  if (input.size() >= k_header_size) {
    check_decoded(with_right_header(input));
  }
  return 0;
}

} // namespace hros::fuzz
