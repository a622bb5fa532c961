#include "hros/dir_listing.hpp"

#include "hros/file_io.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

namespace hros {
namespace {

// The version is the last byte: a file of another version is no listing.
constexpr std::string_view k_magic{"HROSDIR\x02", 8};
// Reads back as itself only in the byte order it was written in.
constexpr std::uint64_t k_byte_order = 0x0102030405060708ull;
constexpr std::size_t k_header_size = 32;   // magic, byte order, payload size, checksum
constexpr std::size_t k_listing_fields = 8; // u64s before a listing's path
// Far beyond a bank's listing (100k names take 7 MB); a bigger file is not read.
constexpr std::size_t k_max_file_size = std::size_t{1} << 30;

} // namespace

// Catches a damaged file, not a forged one: a forged listing can at most name
// files inside the bank (names are checked), all of which are stat-ed anyway.
std::uint64_t listing_checksum(std::string_view bytes) {
  std::uint64_t hash = 0x84222325cbf29ce4ull ^ bytes.size();
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes.data() + i, 8);
    hash = (hash ^ word) * 0x9e3779b97f4a7c15ull;
    hash ^= hash >> 29;
  }
  for (; i < bytes.size(); ++i) {
    hash = (hash ^ static_cast<unsigned char>(bytes[i])) * 0x100000001b3ull;
  }
  hash ^= hash >> 31;
  return hash * 0xbf58476d1ce4e5b9ull;
}

namespace {

std::size_t padded(std::size_t size) {
  return (size + 7) & ~std::size_t{7};
}

void put(std::string& out, std::uint64_t value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void put_padded(std::string& out, std::string_view bytes) {
  out.append(bytes);
  out.append(padded(bytes.size()) - bytes.size(), '\0');
}

class Reader {
public:
  explicit Reader(std::string_view bytes) : m_bytes(bytes) {}
  bool number(std::uint64_t& value) {
    if (left() < sizeof value) {
      return false;
    }
    std::memcpy(&value, m_bytes.data() + m_at, sizeof value);
    m_at += sizeof value;
    return true;
  }
  bool signed_number(std::int64_t& value) {
    std::uint64_t raw = 0;
    if (!number(raw)) {
      return false;
    }
    std::memcpy(&value, &raw, sizeof raw);
    return true;
  }
  // `size` bytes, then the zeros up to the next multiple of eight.
  bool block(const char*& start, std::uint64_t size) {
    if (size > left() || padded(size) > left()) {
      return false;
    }
    start = m_bytes.data() + m_at;
    for (std::size_t i = size; i < padded(size); ++i) {
      if (start[i] != '\0') {
        return false; // not written by encode_listings
      }
    }
    m_at += padded(size);
    return true;
  }
  // Moves past `expected`, when the bytes begin with it.
  bool skip(std::string_view expected) {
    if (m_bytes.substr(m_at, expected.size()) != expected) {
      return false;
    }
    m_at += expected.size();
    return true;
  }
  std::size_t left() const { return m_bytes.size() - m_at; }

private:
  std::string_view m_bytes;
  std::size_t m_at = 0;
};

// A name as the walk keeps it from readdir: not hidden (so neither "." nor
// ".."), and no separator. Anything else would have the walk stat outside the
// directory it lists.
bool is_entry_name(std::string_view name) {
  return !name.empty() && name[0] != '.' && name.find('/') == std::string_view::npos;
}

bool is_relative_directory(std::string_view relative) {
  if (relative.empty()) {
    return true;
  }
  std::size_t start = 0;
  while (start <= relative.size()) {
    std::size_t end = std::min(relative.find('/', start), relative.size());
    std::string_view part = relative.substr(start, end - start);
    if (!is_entry_name(part) || part.find('\0') != std::string_view::npos) {
      return false;
    }
    start = end + 1;
  }
  return true;
}

// The names as `encode_listings` lays them out: one after another from the
// start, each ended by the only NULs there are, none hidden or with a '/'.
bool names_are_sound(const NameSpan& span) {
  std::size_t expected_at = 0;
  for (std::size_t i = 0; i < span.count; ++i) {
    ListedName entry = span.entry(i);
    if (entry.at != expected_at || entry.size == 0 || entry.unused != 0 ||
        std::size_t{entry.at} + entry.size >= span.names_size ||
        span.names[entry.at + entry.size] != '\0' || span.names[entry.at] == '.') {
      return false;
    }
    expected_at = std::size_t{entry.at} + entry.size + 1;
  }
  return expected_at == span.names_size &&
         std::memchr(span.names, '/', span.names_size) == nullptr &&
         static_cast<std::size_t>(std::count(span.names, span.names + span.names_size, '\0')) ==
             span.count;
}

bool decode_listing(Reader& reader, DirectoryListing& listing) {
  std::uint64_t relative_size = 0;
  std::uint64_t count = 0;
  std::uint64_t names_size = 0;
  const char* relative = nullptr;
  const char* entries = nullptr;
  if (!reader.number(relative_size) || !reader.number(count) || !reader.number(names_size) ||
      !reader.signed_number(listing.device) || !reader.signed_number(listing.inode) ||
      !reader.signed_number(listing.mtime) || !reader.signed_number(listing.ctime) ||
      !reader.signed_number(listing.read_at) || !reader.block(relative, relative_size) ||
      count > reader.left() / sizeof(ListedName) ||
      !reader.block(entries, count * sizeof(ListedName)) ||
      names_size > std::numeric_limits<std::uint32_t>::max() ||
      !reader.block(listing.names.names, names_size)) {
    return false;
  }
  listing.relative.assign(relative, relative_size);
  listing.names.entries = reinterpret_cast<const unsigned char*>(entries);
  listing.names.count = count;
  listing.names.names_size = names_size;
  return is_relative_directory(listing.relative) && names_are_sound(listing.names);
}

} // namespace

bool NameStore::add(std::string_view name, unsigned char type) {
  if (m_names.size() + name.size() + 1 > std::numeric_limits<std::uint32_t>::max() ||
      name.size() > std::numeric_limits<std::uint16_t>::max()) {
    return false;
  }
  m_entries.push_back(ListedName{static_cast<std::uint32_t>(m_names.size()),
                                 static_cast<std::uint16_t>(name.size()), type, 0});
  m_names.append(name);
  m_names.push_back('\0');
  return true;
}

NameSpan NameStore::span() const {
  return NameSpan{m_names.data(), reinterpret_cast<const unsigned char*>(m_entries.data()),
                  m_entries.size(), m_names.size()};
}

// Whether a directory's mtime and ctime are this machine's and change with
// every entry added, removed or renamed: local file systems. A network file
// system's times come from another clock (and a cache of attributes), and
// some FUSE file systems keep none, so their directories are always read.
bool keeps_directory_times(int directory_fd) {
  struct statfs info {};
  if (::fstatfs(directory_fd, &info) != 0) {
    return false;
  }
  switch (static_cast<unsigned long>(info.f_type)) {
  case 0xEF53:     // ext2, ext3, ext4
  case 0x58465342: // xfs
  case 0x9123683E: // btrfs
  case 0x01021994: // tmpfs
  case 0xF2F52010: // f2fs
  case 0x2FC12FC1: // zfs
  case 0xCA451A4E: // bcachefs
  case 0x794C7630: // overlayfs (containers)
    return true;
  default:
    return false;
  }
}

bool DirectoryListing::settled() const {
  // A damaged file can hold any read_at: no subtraction below the smallest time.
  if (read_at < std::numeric_limits<std::int64_t>::min() + k_settle_nanoseconds) {
    return false;
  }
  return std::max(mtime, ctime) < read_at - k_settle_nanoseconds;
}

bool DirectoryListing::describes(std::int64_t now_device, std::int64_t now_inode,
                                 std::int64_t now_mtime, std::int64_t now_ctime) const {
  return device == now_device && inode == now_inode && mtime == now_mtime && ctime == now_ctime;
}

std::string encode_listings(const std::vector<DirectoryListing>& listings) {
  std::string payload;
  put(payload, listings.size());
  for (const DirectoryListing& listing : listings) {
    // Names are laid out from the start whatever span they come from.
    NameStore names;
    for (std::size_t i = 0; i < listing.names.count; ++i) {
      names.add(listing.names.name(i), listing.names.type(i));
    }
    NameSpan span = names.span();
    for (std::uint64_t value : {std::uint64_t{listing.relative.size()}, std::uint64_t{span.count},
                                std::uint64_t{span.names_size}}) {
      put(payload, value);
    }
    for (std::int64_t value :
         {listing.device, listing.inode, listing.mtime, listing.ctime, listing.read_at}) {
      put(payload, static_cast<std::uint64_t>(value));
    }
    put_padded(payload, listing.relative);
    put_padded(payload, std::string_view(reinterpret_cast<const char*>(span.entries),
                                         span.count * sizeof(ListedName)));
    put_padded(payload, std::string_view(span.names, span.names_size));
  }
  std::string bytes(k_magic);
  put(bytes, k_byte_order);
  put(bytes, payload.size());
  put(bytes, listing_checksum(payload));
  bytes += payload;
  return bytes;
}

ListingSet ListingSet::parse(std::shared_ptr<const char> data, std::size_t size) {
  std::string_view bytes(data.get(), size);
  Reader header(bytes);
  std::uint64_t order = 0;
  std::uint64_t payload_size = 0;
  std::uint64_t sum = 0;
  if (!header.skip(k_magic) || !header.number(order) || order != k_byte_order ||
      !header.number(payload_size) || !header.number(sum) || payload_size != header.left()) {
    return {};
  }
  std::string_view payload = bytes.substr(k_header_size);
  if (listing_checksum(payload) != sum) {
    return {};
  }
  Reader reader(payload);
  std::uint64_t count = 0;
  constexpr std::size_t k_least_listing = k_listing_fields * 8;
  if (!reader.number(count) || count > reader.left() / k_least_listing) {
    return {};
  }
  ListingSet set;
  // Grown as listings decode, not sized by a count the file could forge.
  for (std::size_t i = 0; i < count; ++i) {
    DirectoryListing listing;
    if (!decode_listing(reader, listing) || !set.m_by_path.emplace(listing.relative, i).second) {
      return {};
    }
    set.m_listings.push_back(std::move(listing));
  }
  if (reader.left() != 0) {
    return {};
  }
  set.m_data = std::move(data);
  return set;
}

ListingSet ListingSet::decode(std::string_view bytes) {
  std::shared_ptr<char> copy(new char[bytes.size() + 1], std::default_delete<char[]>());
  std::memcpy(copy.get(), bytes.data(), bytes.size());
  return parse(std::move(copy), bytes.size());
}

ListingSet ListingSet::load(const std::filesystem::path& file) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    return {};
  }
  // The names are used where they lie in the mapping: a file another user
  // could write (and change after it was checked) is not used.
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_uid != ::geteuid() ||
      (info.st_mode & S_IWOTH) != 0 || info.st_size < 0 ||
      static_cast<std::uint64_t>(info.st_size) < k_header_size ||
      static_cast<std::uint64_t>(info.st_size) > k_max_file_size) {
    ::close(fd);
    return {};
  }
  std::size_t size = static_cast<std::size_t>(info.st_size);
  // Mapped, with every page at once: reading it into fresh memory costs
  // several times more, in page faults.
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) {
    return {};
  }
  std::shared_ptr<const char> data(static_cast<const char*>(map), [size](const char* start) {
    ::munmap(const_cast<char*>(start), size);
  });
  return parse(std::move(data), size);
}

const DirectoryListing* ListingSet::find(const std::string& relative) const {
  auto found = m_by_path.find(relative);
  return found == m_by_path.end() ? nullptr : &m_listings[found->second];
}

bool save_listings(const std::filesystem::path& file,
                   const std::vector<DirectoryListing>& listings) {
  std::error_code ignored;
  std::filesystem::create_directories(file.parent_path(), ignored);
  // The replacement keeps the mode of what it replaces: a file its owner
  // cannot read (or a symlink's target's mode) would make every listing saved
  // from now on one that cannot be loaded. Gone first, it is not copied.
  struct stat info {};
  if (::lstat(file.c_str(), &info) == 0 && !S_ISDIR(info.st_mode) &&
      (!S_ISREG(info.st_mode) || (info.st_mode & (S_IRUSR | S_IWUSR)) != (S_IRUSR | S_IWUSR))) {
    ::unlink(file.c_str());
  }
  std::string bytes = encode_listings(listings);
  if (bytes.size() > k_max_file_size) {
    return false; // it would never be loaded
  }
  return write_file_atomic(file, bytes, Flush::when_the_system_does).ok;
}

} // namespace hros
