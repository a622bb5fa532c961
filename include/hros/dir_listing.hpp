#pragma once

// What each directory of a bank held when it was last read, kept beside the
// search cache. Reading a directory of 100k names costs a quarter of a warm
// search; while a directory's mtime and ctime are unchanged its names are
// too (POSIX marks both on every link, unlink and rename in it), so the walk
// takes the names from here and only stats the files.
//
// A listing read within `k_settle_nanoseconds` of the directory's last change
// is not trusted: a change in the same tick of the file system's clock would
// leave the times as they were. Any damage to the file makes it no listing.

#include "hros/file_stamp.hpp"

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hros {

// Where one name is in a run of names; eight bytes, as in the file.
struct ListedName {
  std::uint32_t at = 0;   // offset of the name
  std::uint16_t size = 0; // bytes, without the NUL that ends it (a name has 255 at most)
  std::uint8_t type = 0;  // readdir's d_type
  std::uint8_t unused = 0;
};
static_assert(sizeof(ListedName) == 8);

// Names, each followed by a NUL, and where each begins: a directory's
// entries, or a run of them. A view of a NameStore's or a ListingSet's bytes.
struct NameSpan {
  const char* names = nullptr;
  const unsigned char* entries = nullptr; // `count` ListedNames, possibly unaligned
  std::size_t count = 0;
  std::size_t names_size = 0; // bytes from `names`, NULs included

  ListedName entry(std::size_t i) const {
    ListedName entry;
    std::memcpy(&entry, entries + i * sizeof(ListedName), sizeof(ListedName));
    return entry;
  }
  std::string_view name(std::size_t i) const {
    ListedName e = entry(i);
    return {names + e.at, e.size};
  }
  const char* c_name(std::size_t i) const { return names + entry(i).at; }
  unsigned char type(std::size_t i) const { return entry(i).type; }
  NameSpan part(std::size_t begin, std::size_t end) const {
    return {names, entries + begin * sizeof(ListedName), end - begin, names_size};
  }
};

// Names as a directory is read; `span` sees them until the next `add`.
class NameStore {
public:
  // False, storing nothing, past 4 GiB of names (which offsets cannot reach).
  bool add(std::string_view name, unsigned char type);
  NameSpan span() const;
  std::size_t size() const { return m_entries.size(); }

private:
  std::string m_names;
  std::vector<ListedName> m_entries;
};

struct DirectoryListing {
  std::string relative; // below the root, '/'-separated; "" for the root
  std::int64_t device = 0;
  std::int64_t inode = 0;
  std::int64_t mtime = 0;   // nanoseconds
  std::int64_t ctime = 0;   // nanoseconds
  std::int64_t read_at = 0; // the wall clock, in nanoseconds, before it was read
  NameSpan names;

  // Read long enough after the directory's last change to be trusted.
  bool settled() const;
  // The directory as stat-ed now is the one listed, unchanged since.
  bool describes(std::int64_t now_device, std::int64_t now_inode, std::int64_t now_mtime,
                 std::int64_t now_ctime) const;
};

// The file's bytes, in this machine's byte order (a cache is not carried
// elsewhere; a file from another order is refused).
std::string encode_listings(const std::vector<DirectoryListing>& listings);

// The checksum a file's header holds, of the bytes after the header; public
// so that tests can make damaged files the checksum does not catch.
std::uint64_t listing_checksum(std::string_view payload);

// The listings a file held, their names seen in place (the file is mapped,
// not copied: it is read on every search).
class ListingSet {
public:
  ListingSet() = default;
  // Empty when the file is missing, unreadable or damaged, or when another
  // user could have written it.
  static ListingSet load(const std::filesystem::path& file);
  // Empty, with no partial list, for bytes `encode_listings` did not make.
  static ListingSet decode(std::string_view bytes);

  // Whether the bytes were a listing file (which may list no directory).
  bool loaded() const { return m_data != nullptr; }
  const std::vector<DirectoryListing>& listings() const { return m_listings; }
  const DirectoryListing* find(const std::string& relative) const;

private:
  static ListingSet parse(std::shared_ptr<const char> data, std::size_t size);

  std::shared_ptr<const char> m_data; // keeps the names alive
  std::vector<DirectoryListing> m_listings;
  std::unordered_map<std::string, std::size_t> m_by_path;
};

// Whether the directory open at `directory_fd` is on a file system whose
// directory times can stand for its names (a local one).
bool keeps_directory_times(int directory_fd);

// Replaces the file at once (a reader sees the old or the new); false when it
// cannot be written, which only costs the next walk a read of the directories.
bool save_listings(const std::filesystem::path& file,
                   const std::vector<DirectoryListing>& listings);

} // namespace hros
