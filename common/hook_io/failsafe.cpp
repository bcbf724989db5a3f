#include "hook_io/failsafe.h"

#include <csignal>
#include <cstring>
#include <initializer_list>
#include <unistd.h>

namespace pgguard::hook_io {
namespace {

const char* g_fallback = nullptr;
volatile sig_atomic_t g_armed = 0;

void on_fatal_signal(int) {
  if (g_armed && g_fallback) {
    g_armed = 0;
    size_t left = std::strlen(g_fallback);
    const char* p = g_fallback;
    while (left > 0) {
      ssize_t n = ::write(STDOUT_FILENO, p, left);
      if (n <= 0) break;
      p += n;
      left -= static_cast<size_t>(n);
    }
  }
  _exit(0);
}

}  // namespace

void install_failsafe(const char* fallback_json, unsigned timeout_seconds) {
  g_fallback = fallback_json;
  g_armed = 1;
  struct sigaction action {};
  action.sa_handler = on_fatal_signal;
  sigemptyset(&action.sa_mask);
#if defined(__SANITIZE_ADDRESS__)
  // Sanitizer builds keep their own crash reports; only the timeout answers.
  for (int sig : {SIGALRM, SIGTERM}) sigaction(sig, &action, nullptr);
#else
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGALRM, SIGTERM}) sigaction(sig, &action, nullptr);
#endif
  std::signal(SIGPIPE, SIG_IGN);
  if (timeout_seconds > 0) alarm(timeout_seconds);
}

void disarm_failsafe() {
  g_armed = 0;
  alarm(0);
}

}  // namespace pgguard::hook_io
