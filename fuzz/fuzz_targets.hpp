#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace hros::fuzz {

// A property a fuzz target checks did not hold. Entry functions throw it (and
// let the library's own exceptions escape), so under libFuzzer it aborts the
// run as a crash and in the unit tests it fails the replay.
struct Violation : std::logic_error {
  using std::logic_error::logic_error;
};

// Throws Violation with `what` when `holds` is false.
void require(bool holds, const std::string& what);

// The entry functions, one per line of targets.def. Each takes any bytes and
// returns 0, as LLVMFuzzerTestOneInput does.
#define HROS_FUZZ_TARGET(name) int name(const std::uint8_t* data, std::size_t size);
#include "targets.def"
#undef HROS_FUZZ_TARGET

} // namespace hros::fuzz
