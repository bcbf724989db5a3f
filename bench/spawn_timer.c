/* spawn_timer: time repeated hook invocations with the least overhead we can manage.
 *
 *   spawn_timer [-n CALLS] [-w WARMUP] [-C DIR] -i PAYLOAD -- PROGRAM [ARGS...]
 *
 * For each call: make a pipe, posix_spawn PROGRAM (stdin = the pipe, stdout and stderr =
 * /dev/null, cwd = DIR, environment inherited), write PAYLOAD into the pipe, close it,
 * wait4() for the child. Wall time runs from just before the spawn to just after wait4
 * returns (CLOCK_MONOTONIC), so it covers spawn + exec + dynamic loading + the hook's
 * own work + exit, i.e. what a hook runner waits for.
 *
 * Prints one line per timed call: "<wall microseconds> <child ru_maxrss KiB>".
 * WARMUP calls run first and are not printed. Exits 2 if a child fails to spawn, exits
 * non-zero or dies on a signal (a benchmark of a broken hook is meaningless).
 *
 * PROGRAM must be a path (no PATH search). Note on RSS: Linux folds the pre-exec
 * address space into ru_maxrss, so every child's figure includes this driver's own
 * small footprint; the no-op executable shows that floor.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static void die(const char *what) {
  fprintf(stderr, "spawn_timer: %s: %s\n", what, strerror(errno));
  exit(2);
}

static char *read_file(const char *path, size_t *len) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) die(path);
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  if (!buf) die("malloc");
  for (;;) {
    if (n == cap) {
      cap *= 2;
      buf = realloc(buf, cap);
      if (!buf) die("realloc");
    }
    ssize_t r = read(fd, buf + n, cap - n);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) die(path);
    if (r == 0) break;
    n += (size_t)r;
  }
  close(fd);
  *len = n;
  return buf;
}

static double now_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/* One invocation. Returns wall microseconds; stores the child's ru_maxrss (KiB). */
static double run_once(char *const argv[], const char *payload, size_t len, long *maxrss_kib) {
  int p[2];
  if (pipe2(p, O_CLOEXEC) != 0) die("pipe2");

  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, p[0], 0); /* dup2 clears O_CLOEXEC on fd 0 */
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);

  double t0 = now_us();
  pid_t pid;
  int rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
  if (rc != 0) {
    errno = rc;
    die(argv[0]);
  }
  close(p[0]);
  size_t off = 0;
  while (off < len) {
    ssize_t w = write(p[1], payload + off, len - off);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0 && errno == EPIPE) break; /* the child stopped reading early: its choice */
    if (w < 0) die("write payload");
    off += (size_t)w;
  }
  close(p[1]);

  int status;
  struct rusage ru;
  while (wait4(pid, &status, 0, &ru) < 0) {
    if (errno != EINTR) die("wait4");
  }
  double t1 = now_us();
  posix_spawn_file_actions_destroy(&fa);

  if (WIFSIGNALED(status)) {
    fprintf(stderr, "spawn_timer: %s died on signal %d\n", argv[0], WTERMSIG(status));
    exit(2);
  }
  if (WEXITSTATUS(status) != 0) {
    fprintf(stderr, "spawn_timer: %s exited with status %d\n", argv[0], WEXITSTATUS(status));
    exit(2);
  }
  *maxrss_kib = ru.ru_maxrss;
  return t1 - t0;
}

static void usage(void) {
  fprintf(stderr, "usage: spawn_timer [-n CALLS] [-w WARMUP] [-C DIR] -i PAYLOAD -- PROGRAM [ARGS...]\n");
  exit(2);
}

int main(int argc, char **argv) {
  long calls = 200, warmup = 5;
  const char *payload_path = NULL, *dir = NULL;
  int opt;
  while ((opt = getopt(argc, argv, "+n:w:C:i:")) != -1) {
    switch (opt) {
      case 'n': calls = strtol(optarg, NULL, 10); break;
      case 'w': warmup = strtol(optarg, NULL, 10); break;
      case 'C': dir = optarg; break;
      case 'i': payload_path = optarg; break;
      default: usage();
    }
  }
  if (!payload_path || optind >= argc || calls < 1 || warmup < 0) usage();
  char *const *child_argv = argv + optind;

  size_t len;
  char *payload = read_file(payload_path, &len);
  if (dir && chdir(dir) != 0) die(dir);
  signal(SIGPIPE, SIG_IGN); /* a child that exits without reading stdin must not kill us */

  /* Keep results in memory and print at the end so stdio never runs between calls. */
  double *wall = calloc((size_t)calls, sizeof *wall);
  long *rss = calloc((size_t)calls, sizeof *rss);
  if (!wall || !rss) die("calloc");

  long ignored;
  for (long i = 0; i < warmup; i++) run_once(child_argv, payload, len, &ignored);
  for (long i = 0; i < calls; i++) wall[i] = run_once(child_argv, payload, len, &rss[i]);

  for (long i = 0; i < calls; i++) printf("%.1f %ld\n", wall[i], rss[i]);
  return 0;
}
