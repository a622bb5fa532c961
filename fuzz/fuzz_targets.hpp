#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>

namespace hros::fuzz {

// A property a fuzz target checks did not hold. Entry functions throw it (and
// let the library's own exceptions escape), so under libFuzzer it aborts the
// run as a crash and in the unit tests it fails the replay.
struct Violation : std::logic_error {
  using std::logic_error::logic_error;
};

// Throws Violation with `what` when `holds` is false.
void require(bool holds, const std::string& what);

// Throws Violation with the formatted message when `holds` is false; the
// message is only formatted then, so checks stay cheap on every input.
template <typename Arg, typename... Args>
void require(bool holds, fmt::format_string<Arg, Args...> format, Arg&& arg, Args&&... args) {
  if (!holds) {
    throw Violation(fmt::format(format, std::forward<Arg>(arg), std::forward<Args>(args)...));
  }
}

// The entry functions, one per line of targets.def. Each takes any bytes and
// returns 0, as LLVMFuzzerTestOneInput does.
#define HROS_FUZZ_TARGET(name) int name(const std::uint8_t* data, std::size_t size);
#include "targets.def"
#undef HROS_FUZZ_TARGET

} // namespace hros::fuzz
