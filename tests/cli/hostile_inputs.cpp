#include "hostile_inputs.hpp"

#include "run_hros.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <random>
#include <stdexcept>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hros::test::hostile {
namespace {

// The bundled spark the hostile variants are built from; any spark will do
// if this one is renamed.
constexpr const char* k_base_case = "a-written-onboarding-handbook-for-a-nine-person-studio.md";

std::string load_base_text() {
  fs::path cases = source_dir() / "cases";
  fs::path preferred = cases / k_base_case;
  if (fs::is_regular_file(preferred)) {
    return read_text(preferred);
  }
  std::vector<fs::path> candidates;
  for (const auto& entry : fs::directory_iterator(cases)) {
    if (entry.path().extension() == ".md") {
      candidates.push_back(entry.path());
    }
  }
  std::sort(candidates.begin(), candidates.end());
  for (const fs::path& candidate : candidates) {
    std::string text = read_text(candidate);
    if (text.find("\nkind: spark\n") != std::string::npos) {
      return text;
    }
  }
  throw std::runtime_error("no bundled spark under " + cases.string() +
                           " to build hostile cases from");
}

const CaseParts& base_template() {
  static const CaseParts parts = [] {
    std::string text = load_base_text();
    if (text.compare(0, 4, "---\n") != 0) {
      throw std::runtime_error("the base case does not start with '---'");
    }
    std::size_t close = text.find("\n---\n", 3);
    if (close == std::string::npos) {
      throw std::runtime_error("the base case has no closing '---'");
    }
    CaseParts result;
    result.front = text.substr(4, close + 1 - 4);
    result.body = text.substr(close + 5);
    return result;
  }();
  return parts;
}

// The offset of the line starting with `prefix`, or npos.
std::size_t find_line(const std::string& front, const std::string& prefix) {
  if (front.compare(0, prefix.size(), prefix) == 0) {
    return 0;
  }
  std::size_t at = front.find("\n" + prefix);
  return at == std::string::npos ? at : at + 1;
}

// Replaces the value of the top-level `key:` line, or appends the line.
void set_field(std::string& front, const std::string& key, const std::string& value) {
  std::string prefix = key + ":";
  std::size_t at = find_line(front, prefix);
  if (at == std::string::npos) {
    front += prefix + " " + value + "\n";
    return;
  }
  std::size_t end = front.find('\n', at);
  front.replace(at, end - at, prefix + " " + value);
}

std::string field_value(const std::string& front, const std::string& key) {
  std::string prefix = key + ": ";
  std::size_t at = find_line(front, prefix);
  if (at == std::string::npos) {
    return {};
  }
  std::size_t end = front.find('\n', at);
  return front.substr(at + prefix.size(), end - at - prefix.size());
}

int count_lines(std::string_view text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

} // namespace

bool sanitized() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#endif
#endif
  const char* flag = std::getenv("HROS_TEST_SANITIZED");
  return flag != nullptr && flag[0] != '\0' && std::strcmp(flag, "0") != 0;
}

double time_scale() {
  return sanitized() ? 4.0 : 1.0;
}
double memory_scale() {
  return sanitized() ? 4.0 : 1.0;
}

std::string repeat(std::string_view unit, std::size_t count) {
  std::string result;
  result.reserve(unit.size() * count);
  for (std::size_t i = 0; i < count; ++i) {
    result += unit;
  }
  return result;
}

CaseParts base_parts(const std::string& slug) {
  CaseParts parts = base_template();
  set_field(parts.front, "slug", slug);
  std::string title = field_value(parts.front, "title");
  std::string unique = title + " " + slug;
  if (unique.size() > 110) {
    unique = "Hostile case " + slug.substr(0, 90);
  }
  set_field(parts.front, "title", unique);
  return parts;
}

std::string assemble(const CaseParts& parts) {
  return "---\n" + parts.front + "---\n" + parts.body;
}

std::string make_case(const std::string& slug, const std::string& extra_front,
                      const std::string& extra_body) {
  CaseParts parts = base_parts(slug);
  parts.front += extra_front;
  parts.body += extra_body;
  return assemble(parts);
}

int extra_front_line(const std::string& slug) {
  return 2 + count_lines(base_parts(slug).front);
}

LineColumn line_column(std::string_view text, std::size_t offset) {
  LineColumn result;
  result.line = 1 + static_cast<int>(
                        std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
  std::size_t start = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  start = start == std::string_view::npos ? 0 : start + 1;
  result.column = static_cast<int>(offset - start) + 1;
  return result;
}

std::string replace_first(std::string text, std::string_view from, std::string_view to) {
  std::size_t at = text.find(from);
  if (at == std::string::npos) {
    throw std::runtime_error("replace_first: '" + std::string(from) + "' not found");
  }
  text.replace(at, from.size(), to);
  return text;
}

std::string flow_sequence_nesting(std::size_t depth) {
  return "deep: " + repeat("[", depth) + repeat("]", depth) + "\n";
}

std::string flow_mapping_nesting(std::size_t depth) {
  return "deep: " + repeat("{a: ", depth) + "x" + repeat("}", depth) + "\n";
}

std::string block_sequence_nesting(std::size_t depth) {
  return "deep:\n" + repeat("- ", depth) + "x\n";
}

std::string block_mapping_nesting(std::size_t depth) {
  std::string text = "deep:\n";
  for (std::size_t i = 1; i <= depth; ++i) {
    text += std::string(i, ' ') + "a:\n";
  }
  text.resize(text.size() - 1);
  text += " x\n";
  return text;
}

std::string billion_laughs(int levels, int width) {
  std::string text = "lol0: &lol0 [";
  for (int i = 0; i < width; ++i) {
    text += i == 0 ? "\"lol\"" : ", \"lol\"";
  }
  text += "]\n";
  for (int level = 1; level < levels; ++level) {
    std::string name = "lol" + std::to_string(level);
    std::string previous = "*lol" + std::to_string(level - 1);
    text += name + ": &" + name + " [";
    for (int i = 0; i < width; ++i) {
      text += (i == 0 ? "" : ", ") + previous;
    }
    text += "]\n";
  }
  return text;
}

std::string many_keys(std::size_t count) {
  std::string text;
  text.reserve(count * 10);
  for (std::size_t i = 0; i < count; ++i) {
    text += "k" + std::to_string(i) + ": v\n";
  }
  return text;
}

std::string big_scalar(std::size_t bytes) {
  return "notes: \"" + std::string(bytes, 'y') + "\"\n";
}

std::string backtick_runs(std::size_t longest) {
  std::string text;
  for (std::size_t n = 1; n <= longest; ++n) {
    text += "e" + std::string(n, '`');
  }
  return text + "\n";
}

std::string link_reference_definitions(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    text += "[r" + std::to_string(i) + "]: /u" + std::to_string(i) + "\n";
  }
  text += "\n";
  for (std::size_t i = 0; i < count; i += 7) {
    text += "[r" + std::to_string(i) + "] ";
  }
  return text + "\n";
}

std::string unique_links(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    text += "[a](u" + std::to_string(i) + ")" + (i + 1 < count ? " " : "\n");
  }
  return text;
}

std::string reshaped_links(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    text += i + 1 < count ? "[a](a\\(b) " : "[a](a\\(b)\n";
  }
  return text;
}

std::string nested_list_lines(std::size_t depth) {
  std::string text;
  for (std::size_t i = 0; i < depth; ++i) {
    text += std::string(2 * i, ' ') + "* a\n";
  }
  return text;
}

std::string random_bytes(std::size_t size, std::uint64_t seed) {
  std::mt19937_64 engine(seed);
  std::string text(size, '\0');
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t word = engine();
    std::memcpy(&text[i], &word, 8);
  }
  for (; i < size; ++i) {
    text[i] = static_cast<char>(engine() & 0xFF);
  }
  return text;
}

std::string utf16_with_bom(std::string_view utf8, bool big_endian) {
  std::string out;
  auto unit = [&](std::uint16_t value) {
    char high = static_cast<char>(value >> 8);
    char low = static_cast<char>(value & 0xFF);
    out += big_endian ? high : low;
    out += big_endian ? low : high;
  };
  unit(0xFEFF);
  for (std::size_t i = 0; i < utf8.size();) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(utf8[k]); };
    std::uint32_t code = byte(i);
    std::size_t length = 1;
    if (code >= 0xF0 && i + 3 < utf8.size()) {
      code = ((code & 0x07u) << 18) | ((byte(i + 1) & 0x3Fu) << 12) | ((byte(i + 2) & 0x3Fu) << 6) |
             (byte(i + 3) & 0x3Fu);
      length = 4;
    } else if (code >= 0xE0 && i + 2 < utf8.size()) {
      code = ((code & 0x0Fu) << 12) | ((byte(i + 1) & 0x3Fu) << 6) | (byte(i + 2) & 0x3Fu);
      length = 3;
    } else if (code >= 0xC0 && i + 1 < utf8.size()) {
      code = ((code & 0x1Fu) << 6) | (byte(i + 1) & 0x3Fu);
      length = 2;
    }
    i += length;
    if (code >= 0x10000) {
      code -= 0x10000;
      unit(static_cast<std::uint16_t>(0xD800 + (code >> 10)));
      unit(static_cast<std::uint16_t>(0xDC00 + (code & 0x3FF)));
    } else {
      unit(static_cast<std::uint16_t>(code));
    }
  }
  return out;
}

std::string big_valid_case(const std::string& slug, std::size_t bytes) {
  const std::string paragraph =
      "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
      "incididunt ut labore et dolore magna aliqua.\n\n";
  std::string text = make_case(slug, "", "\n");
  text.reserve(bytes + paragraph.size());
  while (text.size() < bytes) {
    text += paragraph;
  }
  return text;
}

std::string abbreviate(const std::string& text, std::size_t keep) {
  if (text.size() <= 2 * keep) {
    return text;
  }
  return text.substr(0, keep) + "\n[... " + std::to_string(text.size() - 2 * keep) +
         " bytes ...]\n" + text.substr(text.size() - keep);
}

} // namespace hros::test::hostile
