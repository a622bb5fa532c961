// The libFuzzer entry point of one target; CMake compiles this file once per
// line of targets.def with HROS_FUZZ_ENTRY naming the entry function.
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return hros::fuzz::HROS_FUZZ_ENTRY(data, size);
}
