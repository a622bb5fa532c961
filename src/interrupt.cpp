#include "hros/interrupt.hpp"

#include <csignal>
#include <cstdlib>
#include <unistd.h>

namespace hros {
namespace {

volatile std::sig_atomic_t g_signal = 0;

extern "C" void remember_signal(int signal) {
  g_signal = signal;
}

} // namespace

void install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = remember_signal;
  sigemptyset(&action.sa_mask);
  // Without SA_RESTART a blocking read or write returns EINTR, so the
  // signal is noticed soon even when waiting on a slow pipe.
  action.sa_flags = 0;
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
  ::signal(SIGXFSZ, SIG_IGN);
}

int interrupt_signal() {
  return g_signal;
}

void die_of_interrupt() {
  int signal = g_signal != 0 ? static_cast<int>(g_signal) : SIGTERM;
  ::signal(signal, SIG_DFL);
  ::raise(signal);
  std::_Exit(128 + signal);
}

} // namespace hros
