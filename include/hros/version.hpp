#pragma once

#include <string_view>

namespace hros {

// The hros release, e.g. "0.1.0".
std::string_view version();

} // namespace hros
