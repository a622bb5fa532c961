#pragma once

namespace hros {

// The exit codes every command keeps (DESIGN.md).
enum ExitCode : int {
  k_exit_ok = 0,      // success
  k_exit_problem = 1, // the command ran and found a problem: lint errors, no match
  k_exit_usage = 2,   // a usage error, or a file or I/O failure
};

} // namespace hros
