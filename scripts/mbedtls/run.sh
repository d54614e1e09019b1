#!/usr/bin/env bash
# Runs the mbedtls 2.28 test suites built by build.sh (it is called first; its steps are cached) on
# qemu-system-arm and/or Nemu, and prints one PASS/FAIL line per suite per emulator plus a summary
# ("qemu: 101/103 pass, nemu: ...").
#
#   run.sh [--emulator qemu|nemu|both] [--suites "base64 mdx ..."] [--timeout SECONDS] [-j N] [--nemu-dll PATH]
#          [--results DIR]
#
# Each run gets its own working directory with a copy of mbedtls's tests/data_files and the suite's .datax
# (some suites write seed and PSA storage files, so parallel runs must not share one); the suite reads the
# .datax through semihosting file I/O, its name coming from SYS_GET_CMDLINE:
#   qemu-system-arm -M mps2-an385 -cpu cortex-m3 -nographic \
#     -semihosting-config enable=on,target=native,arg=test_suite_X,arg=test_suite_X.datax -kernel test_suite_X.elf
# Nemu is ./nemu-system-arm (built on demand), or `dotnet PATH` with --nemu-dll. A suite passes when the
# emulator exits 0 (the generated main returns 0 only when no case failed); a timeout counts as a failure.
# Outputs: RESULTS/<emulator>/test_suite_X.{out,err,status}, RESULTS being --results or $dir/results ($dir as in
# build.sh). Exit status 0 when every run passed, 1 otherwise, 2 for bad arguments or a missing tool.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="${NEMU_MBEDTLS_DIR:-$root/build/mbedtls}"
emulator=both
suites=""
timeout_s=1800
jobs=$(nproc 2>/dev/null || echo 2)
nemu_dll=""
results_root=""

while [ $# -gt 0 ]; do
  case "$1" in
    --emulator) emulator="$2"; shift 2 ;;
    --suites) suites="$2"; shift 2 ;;
    --timeout) timeout_s="$2"; shift 2 ;;
    -j) jobs="$2"; shift 2 ;;
    --nemu-dll) nemu_dll="$2"; shift 2 ;;
    --results) results_root="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

case "$emulator" in
  qemu) emulators=(qemu) ;;
  nemu) emulators=(nemu) ;;
  both) emulators=(qemu nemu) ;;
  *) echo "run.sh: --emulator must be qemu, nemu or both" >&2; exit 2 ;;
esac

if [[ " ${emulators[*]} " == *" qemu "* ]] && ! command -v qemu-system-arm >/dev/null 2>&1; then
  echo "run.sh: qemu-system-arm is not installed (Debian package qemu-system-arm)" >&2
  exit 2
fi
if [[ " ${emulators[*]} " == *" nemu "* ]]; then
  if [ -n "$nemu_dll" ]; then
    [ -f "$nemu_dll" ] || { echo "run.sh: $nemu_dll not found" >&2; exit 2; }
    nemu=(dotnet "$nemu_dll")
  else
    # Build the CLI once here, not in every parallel run.
    "$root/nemu-system-arm" --version >/dev/null
    nemu=("$root/nemu-system-arm")
  fi
fi

results_root="${results_root:-$dir/results}"
bash "$here/build.sh" ${suites:+--suites "$suites"} -j "$jobs"
src="$dir/src"
if [ -z "$suites" ]; then
  suites=$(cd "$src/tests/suites" && ls test_suite_*.data | sed 's/^test_suite_//; s/\.data$//')
fi

# run_one EMULATOR SUITE: one run in a fresh working directory; writes results/EMULATOR/test_suite_SUITE.*
run_one() {
  local emu=$1 name=$2 results="$results_root/$1" work status
  work="$results_root/work/$emu/$name"
  rm -rf "$work"
  mkdir -p "$work" "$results"
  cp -r "$src/tests/data_files" "$work/data_files"
  cp "$dir/suites/test_suite_$name.datax" "$work/"
  local args=(-M mps2-an385 -cpu cortex-m3 -nographic
    -semihosting-config "enable=on,target=native,arg=test_suite_$name,arg=test_suite_$name.datax"
    -kernel "$dir/suites/test_suite_$name.elf")
  local began=$SECONDS
  set +e
  if [ "$emu" = qemu ]; then
    (cd "$work" && timeout -k 10 "$timeout_s" qemu-system-arm "${args[@]}" </dev/null >"$results/test_suite_$name.out" 2>"$results/test_suite_$name.err")
  else
    (cd "$work" && timeout -k 10 "$timeout_s" "${nemu[@]}" "${args[@]}" </dev/null >"$results/test_suite_$name.out" 2>"$results/test_suite_$name.err")
  fi
  status=$?
  set -e
  echo "$((SECONDS - began))" > "$results/test_suite_$name.seconds"
  echo "$status" > "$results/test_suite_$name.status"
  rm -rf "$work"
}

pool_wait() {
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
}

start=$(date +%s)
for name in $suites; do
  for emu in "${emulators[@]}"; do
    pool_wait
    run_one "$emu" "$name" &
  done
done
wait

verdict() {
  local status
  status=$(cat "$results_root/$1/test_suite_$2.status")
  case "$status" in
    0) echo PASS ;;
    124|137) echo TIMEOUT ;;
    *) echo "FAIL($status)" ;;
  esac
}

printf '%-40s' suite
for emu in "${emulators[@]}"; do printf ' %-16s' "$emu"; done
[ ${#emulators[@]} -eq 2 ] && printf ' %s' "same output"
printf '\n'
declare -A passed=()
total=0
all_passed=1
for name in $suites; do
  total=$((total + 1))
  printf '%-40s' "$name"
  for emu in "${emulators[@]}"; do
    v=$(verdict "$emu" "$name")
    printf ' %-16s' "$v $(cat "$results_root/$emu/test_suite_$name.seconds")s"
    if [ "$v" = PASS ]; then passed[$emu]=$(( ${passed[$emu]:-0} + 1 )); else all_passed=0; fi
  done
  if [ ${#emulators[@]} -eq 2 ]; then
    if cmp -s "$results_root/qemu/test_suite_$name.out" "$results_root/nemu/test_suite_$name.out" \
      && cmp -s "$results_root/qemu/test_suite_$name.err" "$results_root/nemu/test_suite_$name.err"; then
      printf ' yes'
    else
      printf ' NO'
    fi
  fi
  printf '\n'
done
summary=""
for emu in "${emulators[@]}"; do
  summary+="${summary:+, }$emu: ${passed[$emu]:-0}/$total pass"
done
echo "$summary ($(( $(date +%s) - start )) s)"
[ "$all_passed" -eq 1 ]
