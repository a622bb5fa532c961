#include "hros/markdown_guard.hpp"

namespace hros {

std::string guard_markdown(std::string_view body) {
  return std::string(body);
}

} // namespace hros
