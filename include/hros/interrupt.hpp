#pragma once

namespace hros {

// SIGINT and SIGTERM as a flag: long-running writers check it between units
// of work, clean up what they started and then end with the signal, so an
// interrupted export leaves the previous output as it was. SIGXFSZ (a file
// size limit, `ulimit -f`) is ignored, so a write past it fails with EFBIG
// and is handled like a full disk instead of killing the process mid-file.
void install_interrupt_handlers();

// The signal received since install_interrupt_handlers(), or 0.
int interrupt_signal();

// Ends the process with the default action of the signal received, so the
// parent sees "killed by SIGINT" as usual. Call after cleaning up.
[[noreturn]] void die_of_interrupt();

} // namespace hros
