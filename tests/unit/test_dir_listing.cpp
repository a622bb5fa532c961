// The saved directory listings of dir_listing.hpp: what is encoded decodes
// back field by field; damaged or forged bytes give no listing at all, never
// part of one; and the walk of corpus.hpp takes a settled, unchanged
// directory's names from the file instead of reading the directory.
#include "scratch_dir.hpp"

#include "hros/corpus.hpp"
#include "hros/dir_listing.hpp"
#include "hros/file_stamp.hpp"

#include <catch2/catch.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using hros::DirectoryListing;
using hros::ListedName;
using hros::ListingSet;
using hros::NameStore;

constexpr std::size_t k_header = 32;
constexpr std::int64_t k_second = 1'000'000'000;
constexpr std::int64_t k_min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t k_max = std::numeric_limits<std::int64_t>::max();

struct Name {
  std::string text;
  unsigned char type = DT_REG;
};

// Listings whose names live as long as the object.
class Listings {
public:
  DirectoryListing& add(std::string relative, const std::vector<Name>& names,
                        std::int64_t read_at = 4 * k_second) {
    NameStore& store = m_stores.emplace_back();
    for (const Name& name : names) {
      REQUIRE(store.add(name.text, name.type));
    }
    DirectoryListing listing;
    listing.relative = std::move(relative);
    listing.device = 2049;
    listing.inode = 1000 + static_cast<std::int64_t>(m_all.size());
    listing.mtime = k_second;
    listing.ctime = k_second + 1;
    listing.read_at = read_at;
    listing.names = store.span();
    m_all.push_back(listing);
    return m_all.back();
  }
  const std::vector<DirectoryListing>& all() const { return m_all; }
  std::string encoded() const { return hros::encode_listings(m_all); }

private:
  std::deque<NameStore> m_stores;
  std::vector<DirectoryListing> m_all;
};

void put(std::string& out, std::uint64_t value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

std::uint64_t number_at(const std::string& bytes, std::size_t at) {
  std::uint64_t value = 0;
  std::memcpy(&value, bytes.data() + at, sizeof value);
  return value;
}

void set_number(std::string& bytes, std::size_t at, std::uint64_t value) {
  std::memcpy(bytes.data() + at, &value, sizeof value);
}

void put_padded(std::string& out, std::string_view bytes) {
  out.append(bytes);
  out.append((8 - bytes.size() % 8) % 8, '\0');
}

// A whole file around `payload`, its header right: what a forger would write,
// and what damage that keeps the checksum right looks like.
std::string with_header(const std::string& payload) {
  std::string bytes("HROSDIR\x02", 8);
  put(bytes, 0x0102030405060708ull);
  put(bytes, payload.size());
  put(bytes, hros::listing_checksum(payload));
  return bytes + payload;
}

// The same file with its payload changed by `change` and the header made
// right again.
template <typename Change> std::string reforged(const std::string& file, Change change) {
  std::string payload = file.substr(k_header);
  change(payload);
  return with_header(payload);
}

// One directory's part of a payload, laid out by hand so that it can hold
// what `encode_listings` never writes.
struct RawListing {
  std::string relative;
  std::vector<ListedName> entries;
  std::string names; // NULs included
  std::int64_t read_at = 4 * k_second;
};

// Entries and names for `texts`, laid out as the format wants them.
RawListing raw(std::string relative, const std::vector<std::string>& texts) {
  RawListing listing;
  listing.relative = std::move(relative);
  for (const std::string& text : texts) {
    listing.entries.push_back(ListedName{static_cast<std::uint32_t>(listing.names.size()),
                                         static_cast<std::uint16_t>(text.size()), DT_REG, 0});
    listing.names += text;
    listing.names.push_back('\0');
  }
  return listing;
}

std::string raw_payload(const std::vector<RawListing>& listings) {
  std::string payload;
  put(payload, listings.size());
  for (const RawListing& listing : listings) {
    put(payload, listing.relative.size());
    put(payload, listing.entries.size());
    put(payload, listing.names.size());
    for (std::int64_t value :
         {std::int64_t{7}, std::int64_t{8}, k_second, k_second, listing.read_at}) {
      put(payload, static_cast<std::uint64_t>(value));
    }
    put_padded(payload, listing.relative);
    put_padded(payload, std::string_view(reinterpret_cast<const char*>(listing.entries.data()),
                                         listing.entries.size() * sizeof(ListedName)));
    put_padded(payload, listing.names);
  }
  return payload;
}

std::string forged(const std::vector<RawListing>& listings) {
  return with_header(raw_payload(listings));
}

bool refused(const std::string& bytes) {
  ListingSet set = ListingSet::decode(bytes);
  if (!set.loaded()) {
    CHECK(set.listings().empty());
    CHECK(set.find("") == nullptr);
  }
  return !set.loaded();
}

void check_same(const DirectoryListing& got, const DirectoryListing& want) {
  INFO("directory '" << want.relative << "'");
  CHECK(got.relative == want.relative);
  CHECK(got.device == want.device);
  CHECK(got.inode == want.inode);
  CHECK(got.mtime == want.mtime);
  CHECK(got.ctime == want.ctime);
  CHECK(got.read_at == want.read_at);
  REQUIRE(got.names.count == want.names.count);
  for (std::size_t i = 0; i < want.names.count; ++i) {
    INFO("name " << i);
    CHECK(got.names.name(i) == want.names.name(i));
    CHECK(got.names.type(i) == want.names.type(i));
    CHECK(std::strlen(got.names.c_name(i)) == want.names.name(i).size());
  }
}

// A small valid file: two directories, three names.
std::string small_file() {
  Listings listings;
  listings.add("", {{"a.md"}, {"sub", DT_DIR}});
  listings.add("sub", {{"b.md"}});
  return listings.encoded();
}

} // namespace

// --- round trip --------------------------------------------------------------

TEST_CASE("dir listing: what is encoded decodes field by field", "[dir_listing]") {
  Listings listings;
  std::vector<Name> every_type;
  for (int type = 0; type < 256; ++type) {
    every_type.push_back({"t" + std::to_string(type), static_cast<unsigned char>(type)});
  }
  listings.add("", every_type);
  listings.add("a/b", {{"x"},
                       {std::string(255, 'n')},
                       {"r\xc3\xa9sum\xc3\xa9.md"},
                       {"\xff\xfe\x80 not utf-8.md"},
                       {"with space.md"},
                       {"a..b"}});
  listings.add("empty", {});
  DirectoryListing& odd = listings.add("odd-times", {{"case.md"}});
  odd.device = k_max;
  odd.inode = k_min;
  odd.mtime = -1;
  odd.ctime = 0;
  odd.read_at = k_min;

  std::string bytes = listings.encoded();
  ListingSet set = ListingSet::decode(bytes);
  REQUIRE(set.listings().size() == listings.all().size());
  for (std::size_t i = 0; i < listings.all().size(); ++i) {
    check_same(set.listings()[i], listings.all()[i]);
    const DirectoryListing* found = set.find(listings.all()[i].relative);
    REQUIRE(found != nullptr);
    CHECK(found == &set.listings()[i]);
  }
  CHECK(set.find("a") == nullptr);
  CHECK(set.find("missing") == nullptr);
  // Re-encoding what was decoded gives the same bytes.
  CHECK(hros::encode_listings(set.listings()) == bytes);
}

TEST_CASE("dir listing: names from a part of a span are laid out from the start", "[dir_listing]") {
  NameStore store;
  for (const char* name : {"one.md", "two.md", "three.md", "four.md"}) {
    REQUIRE(store.add(name, DT_REG));
  }
  DirectoryListing listing;
  listing.relative = "sub";
  listing.names = store.span().part(2, 4);
  ListingSet set = ListingSet::decode(hros::encode_listings({listing}));
  REQUIRE(set.listings().size() == 1);
  const hros::NameSpan& names = set.listings()[0].names;
  REQUIRE(names.count == 2);
  CHECK(names.name(0) == "three.md");
  CHECK(names.name(1) == "four.md");
  CHECK(names.entry(0).at == 0);
}

TEST_CASE("dir listing: no listings at all is an empty set", "[dir_listing]") {
  std::string bytes = hros::encode_listings({});
  CHECK(bytes.size() == k_header + 8);
  CHECK_FALSE(refused(bytes));
  CHECK(ListingSet::decode(bytes).listings().empty());
}

TEST_CASE("dir listing: the hand-made layout is the format", "[dir_listing]") {
  // The forging helpers below are only a test if they write what the
  // encoder writes.
  std::vector<RawListing> raws = {raw("", {"a.md", "sub"}), raw("sub", {"b.md"})};
  raws[0].entries[1].type = DT_DIR;
  std::string bytes = forged(raws);
  ListingSet set = ListingSet::decode(bytes);
  REQUIRE(set.listings().size() == 2);
  CHECK(set.listings()[0].names.name(1) == "sub");
  CHECK(hros::encode_listings(set.listings()) == bytes);
}

// --- damage ------------------------------------------------------------------

TEST_CASE("dir listing: every truncation is refused", "[dir_listing][damage]") {
  std::string bytes = small_file();
  REQUIRE_FALSE(refused(bytes));
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    INFO("truncated to " << size);
    CHECK(refused(bytes.substr(0, size)));
  }
}

TEST_CASE("dir listing: every flipped byte and bit is refused", "[dir_listing][damage]") {
  std::string bytes = small_file();
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string damaged = bytes;
      damaged[i] = static_cast<char>(damaged[i] ^ (1 << bit));
      INFO("byte " << i << " bit " << bit);
      CHECK(refused(damaged));
    }
    std::string damaged = bytes;
    damaged[i] = static_cast<char>(~damaged[i]);
    INFO("byte " << i);
    CHECK(refused(damaged));
  }
}

TEST_CASE("dir listing: another magic, version or byte order is refused", "[dir_listing][damage]") {
  std::string bytes = small_file();
  REQUIRE(bytes.compare(0, 8, std::string("HROSDIR\x02", 8)) == 0);
  SECTION("the version before") {
    bytes[7] = '\x01';
  }
  SECTION("the version after") {
    bytes[7] = '\x03';
  }
  SECTION("another magic") {
    bytes.replace(0, 8, std::string("HROSDIX\x02", 8));
  }
  SECTION("the other byte order") {
    std::reverse(bytes.begin() + 8, bytes.begin() + 16);
  }
  SECTION("the other byte order throughout") {
    // As a machine of the other order would write it: every number reversed.
    for (std::size_t at = 8; at < 32; at += 8) {
      std::reverse(bytes.begin() + static_cast<std::ptrdiff_t>(at),
                   bytes.begin() + static_cast<std::ptrdiff_t>(at) + 8);
    }
  }
  CHECK(refused(bytes));
}

TEST_CASE("dir listing: a payload size off by one and trailing bytes are refused",
          "[dir_listing][damage]") {
  std::string bytes = small_file();
  std::uint64_t payload_size = number_at(bytes, 16);
  REQUIRE(payload_size == bytes.size() - k_header);
  SECTION("one more") {
    set_number(bytes, 16, payload_size + 1);
  }
  SECTION("one less") {
    set_number(bytes, 16, payload_size - 1);
  }
  SECTION("huge") {
    set_number(bytes, 16, std::uint64_t{1} << 63);
  }
  SECTION("a trailing byte") {
    bytes.push_back('\0');
  }
  SECTION("trailing bytes counted in the size, with the checksum right") {
    bytes = reforged(bytes, [](std::string& payload) { payload.append(8, '\0'); });
  }
  SECTION("a trailing byte counted in the size, with the checksum right") {
    bytes = reforged(bytes, [](std::string& payload) { payload.push_back('\0'); });
  }
  CHECK(refused(bytes));
}

TEST_CASE("dir listing: huge counts with a right checksum are refused", "[dir_listing][damage]") {
  std::string bytes = small_file();
  // Payload offsets: the number of listings, then the first listing's
  // relative size, name count and names size.
  for (std::size_t field : {0, 8, 16, 24}) {
    for (std::uint64_t huge :
         {std::uint64_t{1} << 63, std::uint64_t{1} << 32, (std::uint64_t{1} << 32) + 1,
          std::numeric_limits<std::uint64_t>::max(), std::uint64_t{1} << 61}) {
      std::string damaged =
          reforged(bytes, [&](std::string& payload) { set_number(payload, field, huge); });
      INFO("field at " << field << " set to " << huge);
      CHECK(refused(damaged));
    }
    // Off by one either way, too.
    for (int delta : {-1, 1}) {
      std::string damaged = reforged(bytes, [&](std::string& payload) {
        set_number(payload, field, number_at(payload, field) + static_cast<std::uint64_t>(delta));
      });
      INFO("field at " << field << " moved by " << delta);
      CHECK(refused(damaged));
    }
  }
}

TEST_CASE("dir listing: a checksum right for other bytes is refused", "[dir_listing][damage]") {
  std::string bytes = small_file();
  std::string other = reforged(bytes, [](std::string& payload) { payload[40] ^= 1; });
  // The header of one, the payload of the other.
  CHECK(refused(other.substr(0, k_header) + bytes.substr(k_header)));
  CHECK(refused(bytes.substr(0, k_header) + other.substr(k_header)));
}

// --- forged names ------------------------------------------------------------

TEST_CASE("dir listing: hostile names with a right checksum are refused", "[dir_listing][forged]") {
  REQUIRE_FALSE(refused(forged({raw("", {"a.md"})})));
  for (const std::string& name :
       {std::string(".."), std::string("."), std::string(".hidden"), std::string(".md"),
        std::string("a/b"), std::string("/"), std::string("x/"), std::string("a\0b", 3)}) {
    INFO("name '" << name << "'");
    CHECK(refused(forged({raw("", {"a.md", name})})));
    CHECK(refused(forged({raw("", {name})})));
  }
}

TEST_CASE("dir listing: entries that do not match the names are refused", "[dir_listing][forged]") {
  RawListing listing = raw("", {"ab.md", "cd.md"});
  SECTION("in another order") {
    std::swap(listing.entries[0], listing.entries[1]);
  }
  SECTION("both at the first name") {
    listing.entries[1].at = 0;
  }
  SECTION("a gap between names") {
    listing.names = std::string("ab.md\0\0cd.md\0", 13);
    listing.entries[1].at = 7;
  }
  SECTION("at past the names") {
    listing.entries[1].at = 1000;
  }
  SECTION("at just past the names") {
    listing.entries[1].at = static_cast<std::uint32_t>(listing.names.size());
  }
  SECTION("a size running past the names") {
    listing.entries[1].size = 200;
  }
  SECTION("a size one short: the NUL not where it ends") {
    listing.entries[1].size = 4;
  }
  SECTION("an empty name") {
    listing.entries[1].size = 0;
  }
  SECTION("the unused byte set") {
    listing.entries[1].unused = 1;
  }
  SECTION("a name not ended by a NUL") {
    listing.names.back() = 'x';
  }
  SECTION("names left over after the last entry") {
    listing.names += std::string("ef.md\0", 6);
  }
  SECTION("an entry too few") {
    listing.entries.pop_back();
  }
  SECTION("names without entries") {
    listing.entries.clear();
  }
  SECTION("entries without names") {
    listing.names.clear();
  }
  CHECK(refused(forged({listing})));
}

TEST_CASE("dir listing: hostile directory paths are refused", "[dir_listing][forged]") {
  REQUIRE_FALSE(refused(forged({raw("a/b", {"c.md"})})));
  for (const std::string& relative :
       {std::string(".."), std::string("."), std::string("a/.."), std::string("../a"),
        std::string("a/./b"), std::string("/etc"), std::string("/"), std::string("a/"),
        std::string("a//b"), std::string(".git"), std::string("a/.hidden"), std::string("a\0b", 3),
        std::string("a/\0", 3)}) {
    INFO("directory '" << relative << "'");
    CHECK(refused(forged({raw(relative, {"c.md"})})));
    CHECK(refused(forged({raw("", {"a.md"}), raw(relative, {"c.md"})})));
  }
}

TEST_CASE("dir listing: the same directory twice is refused", "[dir_listing][forged]") {
  REQUIRE_FALSE(refused(forged({raw("", {"a.md"}), raw("sub", {"b.md"})})));
  CHECK(refused(forged({raw("", {"a.md"}), raw("", {"b.md"})})));
  CHECK(refused(forged({raw("sub", {"a.md"}), raw("", {"x"}), raw("sub", {"b.md"})})));
}

TEST_CASE("dir listing: padding that is not zeros is refused", "[dir_listing][forged]") {
  // Bytes `encode_listings` cannot have made: other than zeros after the path
  // "abc" or after the names "a.md" (entries are eight bytes, never padded).
  std::string good = forged({raw("abc", {"a.md"})});
  REQUIRE_FALSE(refused(good));
  std::size_t relative_at = 8 + 8 * 8; // the count, then a listing's fields
  std::size_t names_at = relative_at + 8 + 8;
  for (std::size_t at : {relative_at + 3, relative_at + 7, names_at + 5, names_at + 7}) {
    INFO("padding byte " << at);
    CHECK(refused(reforged(good, [&](std::string& payload) { payload[at] = 'x'; })));
  }
}

// --- settled and describes ----------------------------------------------------

TEST_CASE("dir listing: settled is strictly more than the settling time after the last change",
          "[dir_listing][settled]") {
  const std::int64_t settle = hros::k_settle_nanoseconds;
  DirectoryListing listing;
  listing.mtime = 100 * k_second;
  listing.ctime = 100 * k_second;
  listing.read_at = listing.ctime + settle + 1;
  CHECK(listing.settled());
  listing.read_at = listing.ctime + settle;
  CHECK_FALSE(listing.settled());
  listing.read_at = listing.ctime;
  CHECK_FALSE(listing.settled());
  listing.read_at = listing.ctime - k_second; // the clock went back
  CHECK_FALSE(listing.settled());

  // The later of the two times counts, whichever it is.
  listing.read_at = 100 * k_second + settle + 1;
  listing.ctime = 100 * k_second + 1;
  CHECK_FALSE(listing.settled());
  listing.ctime = 100 * k_second;
  listing.mtime = 100 * k_second + 1;
  CHECK_FALSE(listing.settled());
  listing.mtime = 0;
  CHECK(listing.settled());
}

TEST_CASE("dir listing: settled at the ends of the clock", "[dir_listing][settled]") {
  DirectoryListing listing;
  listing.mtime = 0;
  listing.ctime = 0;
  for (std::int64_t read_at : {k_min, k_min + 1, k_min + hros::k_settle_nanoseconds}) {
    listing.read_at = read_at;
    INFO("read at " << read_at);
    CHECK_FALSE(listing.settled());
  }
  listing.mtime = k_min;
  listing.ctime = k_min;
  listing.read_at = k_min;
  CHECK_FALSE(listing.settled());
  listing.read_at = k_min + hros::k_settle_nanoseconds + 1;
  CHECK(listing.settled());
  listing.read_at = k_max;
  CHECK(listing.settled());
  listing.mtime = k_max;
  CHECK_FALSE(listing.settled());
  listing.mtime = k_max - hros::k_settle_nanoseconds - 1;
  CHECK(listing.settled());
}

TEST_CASE("dir listing: describes needs all four to be equal", "[dir_listing][settled]") {
  DirectoryListing listing;
  listing.device = 1;
  listing.inode = 2;
  listing.mtime = 3;
  listing.ctime = 4;
  CHECK(listing.describes(1, 2, 3, 4));
  CHECK_FALSE(listing.describes(9, 2, 3, 4));
  CHECK_FALSE(listing.describes(1, 9, 3, 4));
  CHECK_FALSE(listing.describes(1, 2, 9, 4));
  CHECK_FALSE(listing.describes(1, 2, 3, 9));
  CHECK_FALSE(listing.describes(1, 2, 4, 3)); // times swapped
  CHECK_FALSE(listing.describes(1, 2, 3 + 1'000'000'000, 4));
}

// --- the walk ---------------------------------------------------------------

namespace {

std::int64_t nanoseconds(const struct timespec& time) {
  return static_cast<std::int64_t>(time.tv_sec) * k_second + time.tv_nsec;
}

struct stat stat_of(const fs::path& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info;
}

// A listing of `directory` as it is now, read ten seconds from now: settled
// without waiting.
DirectoryListing& list_as_now(Listings& listings, const fs::path& directory, std::string relative,
                              const std::vector<Name>& names) {
  struct stat info = stat_of(directory);
  DirectoryListing& listing = listings.add(std::move(relative), names);
  listing.device = static_cast<std::int64_t>(info.st_dev);
  listing.inode = static_cast<std::int64_t>(info.st_ino);
  listing.mtime = nanoseconds(info.st_mtim);
  listing.ctime = nanoseconds(info.st_ctim);
  listing.read_at = hros::wall_clock_nanoseconds() + 10 * k_second;
  return listing;
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

struct Walked {
  std::vector<std::string> relative;
  std::vector<bool> known; // each file's stamp
};

Walked walk(const fs::path& root, const fs::path& listing_file) {
  hros::DiscoverOptions options;
  options.stamps = true;
  options.listing_file = listing_file;
  hros::Corpus corpus = hros::discover_cases(root, {}, options);
  Walked walked;
  walked.relative = corpus.relative;
  REQUIRE(corpus.stamps.size() == corpus.relative.size());
  for (const hros::FileStamp& stamp : corpus.stamps) {
    walked.known.push_back(stamp.known());
  }
  return walked;
}

using Paths = std::vector<std::string>;

// The names saved for `relative`, in order; "(none)" when it has no listing.
Paths saved_names(const fs::path& file, const std::string& relative) {
  ListingSet set = ListingSet::load(file);
  const DirectoryListing* listing = set.find(relative);
  if (listing == nullptr) {
    return {"(none)"};
  }
  Paths names;
  for (std::size_t i = 0; i < listing->names.count; ++i) {
    names.emplace_back(listing->names.name(i));
  }
  std::sort(names.begin(), names.end());
  return names;
}

// A bank with a.md and b.md, and a listing file beside it.
struct WalkBank {
  WalkBank() {
    fs::create_directories(bank);
    write_file(bank / "a.md", "a\n");
    write_file(bank / "b.md", "b\n");
  }
  ScratchDir scratch;
  fs::path bank = scratch.root / "bank";
  fs::path file = scratch.root / "cache" / "bank.sqlite.dirs";
};

} // namespace

TEST_CASE("dir listing: the walk takes a settled listing instead of reading the directory",
          "[dir_listing][walk]") {
  WalkBank bank;
  Listings listings;
  list_as_now(listings, bank.bank, "", {{"a.md"}, {"ghost.md"}});
  REQUIRE(hros::save_listings(bank.file, listings.all()));
  Walked walked = walk(bank.bank, bank.file);
  // ghost.md was never there and b.md is: only the listing says so.
  CHECK(walked.relative == Paths{"a.md", "ghost.md"});
  CHECK(walked.known == std::vector<bool>{true, false});
}

TEST_CASE("dir listing: the walk reads a directory whose listing is not to be trusted",
          "[dir_listing][walk]") {
  WalkBank bank;
  Listings listings;
  DirectoryListing& listing = list_as_now(listings, bank.bank, "", {{"a.md"}, {"ghost.md"}});
  SECTION("read in the same instant as the last change") {
    listing.read_at = listing.ctime;
  }
  SECTION("read just under the settling time after the last change") {
    listing.read_at = std::max(listing.mtime, listing.ctime) + hros::k_settle_nanoseconds;
  }
  SECTION("another mtime") {
    listing.mtime -= 1;
  }
  SECTION("another ctime") {
    listing.ctime += 1;
  }
  SECTION("another inode") {
    listing.inode += 1;
  }
  SECTION("another device") {
    listing.device += 1;
  }
  SECTION("listed under another path") {
    listing.relative = "elsewhere";
  }
  REQUIRE(hros::save_listings(bank.file, listings.all()));
  Walked walked = walk(bank.bank, bank.file);
  CHECK(walked.relative == Paths{"a.md", "b.md"});
  CHECK(walked.known == std::vector<bool>{true, true});
  // And what it read is saved for the next walk.
  CHECK(saved_names(bank.file, "") == Paths{"a.md", "b.md"});
  CHECK(saved_names(bank.file, "elsewhere") == Paths{"(none)"});
}

TEST_CASE("dir listing: the first walk saves every directory it read", "[dir_listing][walk]") {
  WalkBank bank;
  fs::create_directories(bank.bank / "sub" / "deeper");
  write_file(bank.bank / "sub" / "c.md", "c\n");
  write_file(bank.bank / "sub" / "deeper" / "d.md", "d\n");
  write_file(bank.bank / ".hidden.md", "h\n");
  REQUIRE_FALSE(fs::exists(bank.file));
  Walked walked = walk(bank.bank, bank.file);
  CHECK(walked.relative == Paths{"a.md", "b.md", "sub/c.md", "sub/deeper/d.md"});
  CHECK(saved_names(bank.file, "") == Paths{"a.md", "b.md", "sub"});
  CHECK(saved_names(bank.file, "sub") == Paths{"c.md", "deeper"});
  CHECK(saved_names(bank.file, "sub/deeper") == Paths{"d.md"});
  ListingSet set = ListingSet::load(bank.file);
  REQUIRE(set.find("sub") != nullptr);
  struct stat sub = stat_of(bank.bank / "sub");
  CHECK(set.find("sub")->inode == static_cast<std::int64_t>(sub.st_ino));
  CHECK(set.find("sub")->mtime == nanoseconds(sub.st_mtim));
  // Read just now: not yet settled.
  CHECK_FALSE(set.find("sub")->settled());
  // Without a listing file nothing is saved.
  fs::remove(bank.file);
  CHECK(walk(bank.bank, {}).relative == walked.relative);
  CHECK_FALSE(fs::exists(bank.file));
}

TEST_CASE("dir listing: a subdirectory's own listing stands in for it", "[dir_listing][walk]") {
  WalkBank bank;
  fs::create_directories(bank.bank / "sub");
  write_file(bank.bank / "sub" / "c.md", "c\n");
  write_file(bank.bank / "sub" / "d.md", "d\n");
  Listings listings;
  // The root is not listed: it is read, and the subdirectory's listing used.
  list_as_now(listings, bank.bank / "sub", "sub",
              {{"c.md"}, {"phantom.md"}, {"unknown-type.md", DT_UNKNOWN}, {"d.md", DT_UNKNOWN}});
  // A listing of a directory that no longer exists does no harm.
  listings.add("gone", {{"x.md"}});
  REQUIRE(hros::save_listings(bank.file, listings.all()));
  Walked walked = walk(bank.bank, bank.file);
  // An entry of unknown type is looked at, as readdir's would be: d.md is
  // found, unknown-type.md is not there.
  CHECK(walked.relative == Paths{"a.md", "b.md", "sub/c.md", "sub/d.md", "sub/phantom.md"});
  CHECK(walked.known == std::vector<bool>{true, true, true, true, false});
  // The root was read, so the file is saved again: the subdirectory's
  // listing as it was, the root's fresh, the gone directory's dropped.
  CHECK(saved_names(bank.file, "") == Paths{"a.md", "b.md", "sub"});
  CHECK(saved_names(bank.file, "sub") == Paths{"c.md", "d.md", "phantom.md", "unknown-type.md"});
  CHECK(saved_names(bank.file, "gone") == Paths{"(none)"});
  ListingSet set = ListingSet::load(bank.file);
  REQUIRE(set.find("sub") != nullptr);
  CHECK(set.find("sub")->settled());
}

TEST_CASE("dir listing: a walk that read nothing saves nothing", "[dir_listing][walk]") {
  WalkBank bank;
  fs::create_directories(bank.bank / "sub");
  write_file(bank.bank / "sub" / "c.md", "c\n");
  Listings listings;
  list_as_now(listings, bank.bank, "", {{"a.md"}, {"b.md"}, {"sub", DT_DIR}});
  list_as_now(listings, bank.bank / "sub", "sub", {{"c.md"}});
  REQUIRE(hros::save_listings(bank.file, listings.all()));
  struct stat before = stat_of(bank.file);

  Walked walked = walk(bank.bank, bank.file);
  CHECK(walked.relative == Paths{"a.md", "b.md", "sub/c.md"});
  struct stat after = stat_of(bank.file);
  CHECK(after.st_ino == before.st_ino);
  CHECK(nanoseconds(after.st_mtim) == nanoseconds(before.st_mtim));

  // A change in the subdirectory: it alone is read, and the file saved.
  write_file(bank.bank / "sub" / "e.md", "e\n");
  walked = walk(bank.bank, bank.file);
  CHECK(walked.relative == Paths{"a.md", "b.md", "sub/c.md", "sub/e.md"});
  CHECK(stat_of(bank.file).st_ino != before.st_ino);
  CHECK(saved_names(bank.file, "sub") == Paths{"c.md", "e.md"});
  ListingSet set = ListingSet::load(bank.file);
  REQUIRE(set.listings().size() == 2);
  // The root's listing was kept as it was, settled.
  check_same(*set.find(""), listings.all()[0]);
  CHECK(set.find("")->settled());
  CHECK_FALSE(set.find("sub")->settled());
}

TEST_CASE("dir listing: a broken listing file is read around and replaced", "[dir_listing][walk]") {
  WalkBank bank;
  fs::create_directories(bank.file.parent_path());
  SECTION("garbage") {
    write_file(bank.file, std::string(4096, 'Z'));
  }
  SECTION("empty") {
    write_file(bank.file, "");
  }
  SECTION("truncated") {
    Listings listings;
    list_as_now(listings, bank.bank, "", {{"a.md"}, {"ghost.md"}});
    std::string bytes = listings.encoded();
    write_file(bank.file, bytes.substr(0, bytes.size() - 1));
  }
  SECTION("a directory") {
    fs::create_directories(bank.file / "inside");
  }
  CHECK(walk(bank.bank, bank.file).relative == Paths{"a.md", "b.md"});
  if (fs::is_regular_file(bank.file)) {
    CHECK(saved_names(bank.file, "") == Paths{"a.md", "b.md"});
  }
}

TEST_CASE("dir listing: load refuses what is not a regular file", "[dir_listing]") {
  ScratchDir scratch;
  CHECK(ListingSet::load(scratch.root / "missing").listings().empty());
  CHECK(ListingSet::load(scratch.root).listings().empty());
  CHECK(ListingSet::load("/dev/zero").listings().empty());
  CHECK(ListingSet::load("/dev/null").listings().empty());
  fs::path fifo = scratch.root / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(ListingSet::load(fifo).listings().empty()); // and does not wait for a writer
  fs::path good = scratch.root / "good";
  REQUIRE(hros::save_listings(good, {}));
  Listings listings;
  listings.add("", {{"a.md"}});
  REQUIRE(hros::save_listings(good, listings.all()));
  CHECK(ListingSet::load(good).listings().size() == 1);
}

TEST_CASE("dir listing: load refuses a file another user could have written", "[dir_listing]") {
  ScratchDir scratch;
  fs::path file = scratch.root / "listing.dirs";
  Listings listings;
  listings.add("", {{"a.md"}});
  REQUIRE(hros::save_listings(file, listings.all()));
  REQUIRE(ListingSet::load(file).loaded());
  // Writable by anyone: its names could change after they were checked.
  fs::permissions(file, fs::perms::others_write, fs::perm_options::add);
  CHECK_FALSE(ListingSet::load(file).loaded());
  fs::permissions(file, fs::perms::others_write, fs::perm_options::remove);
  REQUIRE(ListingSet::load(file).loaded());
  if (::geteuid() == 0) {
    // Owned by someone else (only root can give a file away).
    REQUIRE(::chown(file.c_str(), 65534, 65534) == 0);
    CHECK_FALSE(ListingSet::load(file).loaded());
  }
}

TEST_CASE("dir listing: times past 2262 are walked and listed", "[dir_listing][walk]") {
  // ext4 and xfs keep such times; in nanoseconds they do not fit 64 bits.
  WalkBank bank;
  fs::create_directories(bank.bank / "far");
  write_file(bank.bank / "far" / "c.md", "c\n");
  struct timespec far[2] = {{10'000'000'000, 0}, {10'000'000'000, 0}}; // the year 2286
  REQUIRE(::utimensat(AT_FDCWD, (bank.bank / "far" / "c.md").c_str(), far, 0) == 0);
  REQUIRE(::utimensat(AT_FDCWD, (bank.bank / "far").c_str(), far, 0) == 0);
  for (int round = 0; round < 2; ++round) {
    Walked walked = walk(bank.bank, bank.file);
    std::sort(walked.relative.begin(), walked.relative.end());
    CHECK(walked.relative == Paths{"a.md", "b.md", "far/c.md"});
    CHECK(walked.known == std::vector<bool>{true, true, true});
  }
  CHECK(saved_names(bank.file, "far") == Paths{"c.md"});
  struct stat info = stat_of(bank.bank / "far" / "c.md");
  CHECK(hros::stamp_of(info) == hros::stamp_of(stat_of(bank.bank / "far" / "c.md")));
  CHECK(hros::nanoseconds_of(info.st_mtim) != hros::nanoseconds_of(stat_of(bank.bank).st_mtim));
}
