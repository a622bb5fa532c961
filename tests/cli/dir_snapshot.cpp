#include "dir_snapshot.hpp"

#include <fstream>
#include <functional>
#include <sstream>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace hros::test {

bool EntryState::operator==(const EntryState& other) const {
  return type == other.type && size == other.size && mtime_ns == other.mtime_ns &&
         mode == other.mode && content_hash == other.content_hash &&
         link_target == other.link_target;
}

Snapshot snapshot(const fs::path& root, DirectoryTimes times) {
  Snapshot result;
  std::function<void(const fs::path&, const std::string&)> walk = [&](const fs::path& directory,
                                                                      const std::string& relative) {
    std::error_code error;
    for (fs::directory_iterator it(directory, error), end; !error && it != end;
         it.increment(error)) {
      const fs::path& path = it->path();
      std::string name =
          relative.empty() ? path.filename().string() : relative + "/" + path.filename().string();
      struct stat info {};
      if (::lstat(path.c_str(), &info) != 0) {
        continue;
      }
      EntryState state;
      state.size = static_cast<std::uintmax_t>(info.st_size);
      state.mtime_ns =
          static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
      state.mode = static_cast<unsigned>(info.st_mode & 07777);
      if (S_ISREG(info.st_mode)) {
        state.type = 'f';
        if (info.st_size <= (1 << 20) && (info.st_mode & S_IRUSR) != 0) {
          std::ifstream stream(path, std::ios::binary);
          std::stringstream buffer;
          buffer << stream.rdbuf();
          state.content_hash = std::hash<std::string>()(buffer.str());
        }
      } else if (S_ISDIR(info.st_mode)) {
        state.type = 'd';
        state.size = 0; // a directory's size changes with its entries, which are listed anyway
        if (times == DirectoryTimes::ignore) {
          state.mtime_ns = 0;
        }
      } else if (S_ISLNK(info.st_mode)) {
        state.type = 'l';
        state.link_target = fs::read_symlink(path, error).string();
      } else if (S_ISFIFO(info.st_mode)) {
        state.type = 'p';
      } else if (S_ISSOCK(info.st_mode)) {
        state.type = 's';
      }
      result[name] = state;
      if (state.type == 'd') {
        walk(path, name);
      }
    }
  };
  walk(root, "");
  return result;
}

std::vector<std::string> differences(const Snapshot& before, const Snapshot& after) {
  std::vector<std::string> result;
  for (const auto& [name, state] : before) {
    auto found = after.find(name);
    if (found == after.end()) {
      result.push_back("gone: " + name);
    } else if (found->second != state) {
      result.push_back("changed: " + name);
    }
  }
  for (const auto& [name, state] : after) {
    if (before.count(name) == 0) {
      result.push_back("new: " + name);
    }
  }
  return result;
}

std::vector<std::string> temporary_leftovers(const Snapshot& tree) {
  std::vector<std::string> result;
  for (const auto& [name, state] : tree) {
    std::string base = fs::path(name).filename().string();
    if (!base.empty() && base[0] == '.' && base.find(".hros-") != std::string::npos) {
      result.push_back(name);
    }
  }
  return result;
}

std::vector<std::string> file_names(const Snapshot& tree) {
  std::vector<std::string> result;
  for (const auto& [name, state] : tree) {
    if (state.type != 'd') {
      result.push_back(name);
    }
  }
  return result; // a std::map is sorted already
}

} // namespace hros::test
