#include "hros/scalar.hpp"

#include <cctype>
#include <cstdlib>
#include <string>

namespace hros {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_of(std::string_view text, bool (*predicate)(char)) {
  if (text.empty()) {
    return false;
  }
  for (char c : text) {
    if (!predicate(c)) {
      return false;
    }
  }
  return true;
}

bool is_octal(char c) {
  return c >= '0' && c <= '7';
}
bool is_hex(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

std::string_view strip_sign(std::string_view text) {
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    text.remove_prefix(1);
  }
  return text;
}

bool is_decimal_integer(std::string_view text) {
  return all_of(strip_sign(text), is_digit);
}

// [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool is_decimal_float(std::string_view text) {
  text = strip_sign(text);
  std::size_t i = 0;
  std::size_t digits = 0;
  while (i < text.size() && is_digit(text[i])) {
    ++i;
    ++digits;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && is_digit(text[i])) {
      ++i;
      ++digits;
    }
  }
  if (digits == 0) {
    return false;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
      ++i;
    }
    std::size_t exponent_digits = 0;
    while (i < text.size() && is_digit(text[i])) {
      ++i;
      ++exponent_digits;
    }
    if (exponent_digits == 0) {
      return false;
    }
  }
  return i == text.size();
}

bool is_one_of(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    if (text == word) {
      return true;
    }
  }
  return false;
}

} // namespace

ScalarType resolve_plain(std::string_view text) {
  if (text.empty() || is_one_of(text, {"~", "null", "Null", "NULL"})) {
    return ScalarType::null;
  }
  if (is_one_of(text, {"true", "True", "TRUE", "false", "False", "FALSE"})) {
    return ScalarType::boolean;
  }
  if (is_decimal_integer(text) ||
      (text.size() > 2 && text.substr(0, 2) == "0o" && all_of(text.substr(2), is_octal)) ||
      (text.size() > 2 && text.substr(0, 2) == "0x" && all_of(text.substr(2), is_hex))) {
    return ScalarType::integer;
  }
  if (is_decimal_float(text) || is_one_of(strip_sign(text), {".inf", ".Inf", ".INF"}) ||
      is_one_of(text, {".nan", ".NaN", ".NAN"})) {
    return ScalarType::floating;
  }
  return ScalarType::string;
}

std::optional<std::string> yaml11_reading(std::string_view text) {
  if (is_one_of(text, {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON"})) {
    return std::string("the boolean true");
  }
  if (is_one_of(text, {"n", "N", "no", "No", "NO", "off", "Off", "OFF"})) {
    return std::string("the boolean false");
  }
  std::string_view unsigned_part = strip_sign(text);
  if (unsigned_part.size() > 1 && unsigned_part[0] == '0' && all_of(unsigned_part, is_octal)) {
    long long as_octal = std::strtoll(std::string(text).c_str(), nullptr, 8);
    if (as_octal != std::strtoll(std::string(text).c_str(), nullptr, 10)) {
      return "the octal number " + std::to_string(as_octal);
    }
  }
  if (unsigned_part.size() > 2 && unsigned_part.substr(0, 2) == "0b" &&
      all_of(unsigned_part.substr(2), [](char c) { return c == '0' || c == '1'; })) {
    return std::string("a binary number");
  }
  if (!unsigned_part.empty() && is_digit(unsigned_part[0]) &&
      unsigned_part.find('_') != std::string_view::npos &&
      all_of(unsigned_part, [](char c) { return is_digit(c) || c == '_' || c == '.'; })) {
    return std::string("a number with the underscores dropped");
  }
  // Sexagesimal integers such as 1:30 (ninety in YAML 1.1).
  if (!unsigned_part.empty() && is_digit(unsigned_part[0]) &&
      unsigned_part.find(':') != std::string_view::npos &&
      all_of(unsigned_part, [](char c) { return is_digit(c) || c == ':'; }) &&
      unsigned_part.back() != ':') {
    return std::string("a base-60 number");
  }
  return std::nullopt;
}

std::optional<double> parse_number(std::string_view text) {
  // Infinities and NaN are valid YAML but never a meaningful metric.
  if (text.find_first_of("nN") != std::string_view::npos &&
      text.find('.') != std::string_view::npos) {
    return std::nullopt;
  }
  switch (resolve_plain(text)) {
  case ScalarType::integer:
  case ScalarType::floating:
    break;
  default:
    return std::nullopt;
  }
  std::string copy(text);
  if (copy.size() > 2 && copy[0] == '0' && copy[1] == 'o') {
    return static_cast<double>(std::strtoll(copy.c_str() + 2, nullptr, 8));
  }
  if (copy.size() > 2 && copy[0] == '0' && copy[1] == 'x') {
    return static_cast<double>(std::strtoll(copy.c_str() + 2, nullptr, 16));
  }
  return std::strtod(copy.c_str(), nullptr);
}

int days_in_month(int year, int month) {
  static const int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) {
    return 0;
  }
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return k_days[month - 1] + (month == 2 && leap ? 1 : 0);
}

} // namespace hros
