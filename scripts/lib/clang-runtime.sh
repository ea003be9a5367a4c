# Sourced by scripts/fuzz.sh and scripts/tsan.sh: `clang_runtime NAME` prints the path of the
# Swift toolchain's compiler-rt library libclang_rt.NAME*.a (fuzzer_no_main, tsan, …), or
# nothing when this toolchain has none (then the sanitizer cannot be used here).
clang_runtime() {
  local swiftc_path toolchain
  swiftc_path=$(command -v swiftc || true)
  [ -n "$swiftc_path" ] || return 0
  toolchain=$(dirname "$(dirname "$(readlink -f "$swiftc_path")")")
  ls "$toolchain"/lib/clang/*/lib/*/libclang_rt."$1"*.a 2>/dev/null | head -1 || true
}
