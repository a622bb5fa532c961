#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "hros/scaffold.hpp"

namespace hros {

// Today's local date, YYYY-MM-DD.
std::string today_local();

// `git config user.name`, run without a shell and killed after `timeout`;
// nothing when git is missing, fails, hangs or has no name set.
std::optional<std::string> git_user_name(std::chrono::milliseconds timeout);

// The defaults `hros new` offers: today, and the git user as author.
Defaults gather_defaults();

} // namespace hros
