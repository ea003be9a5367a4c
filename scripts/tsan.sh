#!/usr/bin/env bash
# ThreadSanitizer over the engine and concurrency suites (issue 11): the epoll loops and
# connections with live sockets, the replay cache, the access-log writer, the token
# bookkeeping cache, the database pool, group commit and transactions. A separate scratch
# path (.build-tsan, gitignored) keeps the instrumented build away from the normal one.
# Process tests are left out: their server is a child process, whose reports would not fail
# the test. Any report fails the script (TSan's exit code 66).
# Usage: scripts/tsan.sh [FILTER]
set -euo pipefail
cd "$(dirname "$0")/.."
swift=${SWIFT:-swift}
filter=${1:-'Server(BodyRate|Capacity|Conformance|Connection|Eviction|ExpectContinue|Hardening|Rejection|Representation|SemanticsLive|Timeout)Tests|EngineSyscallTests|ReplayTests|AccessLogTests|TokenBookkeepingCacheTests|DatabaseBusyTests|DatabasePoolTests|GroupCommitTests|TransactionTests'}

source scripts/lib/clang-runtime.sh
runtime=$(clang_runtime tsan)
if [ -z "$runtime" ]; then
  echo "tsan: SKIPPED — this toolchain has no ThreadSanitizer runtime (libclang_rt.tsan)" >&2
  exit 0
fi

start=$(date +%s)
"$swift" build --build-tests --sanitize=thread --scratch-path .build-tsan
echo "tsan: built in $(( $(date +%s) - start )) s" >&2
# halt_on_error=0: report every race of the run, then fail at exit.
export TSAN_OPTIONS="suppressions=$PWD/scripts/tsan.supp halt_on_error=0 second_deadlock_stack=1 ${TSAN_OPTIONS:-}"
"$swift" test --skip-build --sanitize=thread --scratch-path .build-tsan --filter "$filter"
echo "tsan: total $(( $(date +%s) - start )) s" >&2
