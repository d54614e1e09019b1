#!/usr/bin/env bash
# Cross-builds Debian's mbedtls 2.28 test suites for mps2-an385 (Cortex-M3, newlib rdimon semihosting libc), one
# ELF per suite, for run.sh to execute on qemu-system-arm and Nemu. Nothing of mbedtls enters the repository:
# the Debian source package is downloaded (apt-get source, from a private deb-src list) into the git-ignored
# build/mbedtls/ (or $NEMU_MBEDTLS_DIR) and everything is built there.
#
#   build.sh [--suites "base64 md ..."] [-j N]
#
# Suites are named without the "test_suite_" prefix (e.g. aes.ecb, mpi is "bignum"); the default is all 103.
# Output: $dir/suites/test_suite_X.elf and test_suite_X.datax. Each step is cached: the download and the
# unpacked tree once, the library once per configuration (a stamp hashes this script, nemu_config.h,
# nemu_platform.c and the rdimon vector table/linker script), each suite when missing or older than the library.
#
# The configuration is mbedtls's default plus scripts/mbedtls/nemu_config.h (see there for what is disabled and
# why). Exit status: 0 when every requested suite built, 2 for a missing tool, 1 for a failed step.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="${NEMU_MBEDTLS_DIR:-$root/build/mbedtls}"
CC=${CC:-arm-none-eabi-gcc}
AR=${AR:-arm-none-eabi-ar}
jobs=$(nproc 2>/dev/null || echo 2)
suites=""

while [ $# -gt 0 ]; do
  case "$1" in
    --suites) suites="$2"; shift 2 ;;
    -j) jobs="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "build.sh: '$1' is not installed (Debian package $2)" >&2; exit 2; }
}
need "$CC" gcc-arm-none-eabi
need python3 python3
need apt-get apt
[ -f /usr/lib/arm-none-eabi/newlib/thumb/v7-m/nofp/librdimon.a ] \
  || { echo "build.sh: newlib's rdimon library is missing (Debian package libnewlib-arm-none-eabi)" >&2; exit 2; }

src="$dir/src"
rdimon="$root/tests/firmware/rdimon"
arch=(-mcpu=cortex-m3 -mthumb -mfloat-abi=soft)
cflags=("${arch[@]}" -O2 -g0 -ffunction-sections -fdata-sections -fno-common
  -I"$here/include" -I"$here" -I"$src/include" -I"$src/library" -I"$src/tests/include" -I"$src/tests"
  "-DMBEDTLS_USER_CONFIG_FILE=\"nemu_config.h\"")
ldflags=("${arch[@]}" --specs=rdimon.specs -T"$rdimon/rdimon.ld" -Wl,--gc-sections -Wl,--build-id=none)

# Runs at most $jobs background jobs: waits while that many are running.
pool_wait() {
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
}

# 1. The Debian source package (mbedtls_2.28.3-1: .dsc, .orig.tar.gz, .debian.tar.xz), unpacked with its patches.
fetch() {
  [ -f "$src/.unpacked" ] && return 0
  local apt="$dir/apt"
  mkdir -p "$apt/lists/partial" "$dir/download"
  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    > "$apt/src.sources"
  local opts=(-o APT::Sandbox::User=root -o "Dir::Etc::sourcelist=$apt/src.sources" -o Dir::Etc::sourceparts=- -o "Dir::State::Lists=$apt/lists")
  if ! ls "$dir"/download/mbedtls_2.28*.dsc >/dev/null 2>&1; then
    echo "build.sh: downloading the mbedtls source package (Debian bookworm)"
    apt-get -qq "${opts[@]}" update \
      || { echo "build.sh: apt-get update of the deb-src list failed (network?)" >&2; exit 1; }
    (cd "$dir/download" && apt-get -qq "${opts[@]}" source --download-only mbedtls) \
      || { echo "build.sh: apt-get source mbedtls failed (network?)" >&2; exit 1; }
  fi
  rm -rf "$src"
  local dsc
  dsc=$(ls "$dir"/download/mbedtls_2.28*.dsc | head -1)
  if command -v dpkg-source >/dev/null 2>&1; then
    dpkg-source --no-check -x "$dsc" "$src" >/dev/null
  else
    mkdir -p "$src" && tar -xzf "$dir"/download/mbedtls_2.28*.orig.tar.gz -C "$src" --strip-components=1
  fi
  touch "$src/.unpacked"
}

# 2. The library, mbedtls's test helpers and our platform hook, as one archive.
library() {
  local stamp
  stamp=$(cat "$0" "$here/nemu_config.h" "$here/nemu_platform.c" "$here/include/dirent.h" "$rdimon/rdimon.ld" "$rdimon/vectors.c" | sha256sum | cut -c1-16)
  [ -f "$dir/lib/$stamp.stamp" ] && return 0
  echo "build.sh: compiling the library (configuration $stamp)"
  rm -rf "$dir/lib" "$dir/suites"
  mkdir -p "$dir/lib/obj"
  (cd "$src" && ls library/*.c tests/src/*.c tests/src/drivers/*.c tests/src/test_helpers/*.c) \
    | sed "s|^|$src/|" > "$dir/lib/sources"
  echo "$here/nemu_platform.c" >> "$dir/lib/sources"
  local source object
  # Objects are named after their path so library/x.c and tests/src/x.c cannot collide.
  while read -r source; do
    object="$dir/lib/obj/$(echo "${source#"$src"/}" | sed 's|.*/mbedtls/|nemu/|; s|/|_|g').o"
    pool_wait
    { "$CC" "${cflags[@]}" -c "$source" -o "$object" || touch "$dir/lib/failed"; } &
  done < "$dir/lib/sources"
  # The vector table is linked as an object: nothing refers to it, so an archive member would be dropped.
  "$CC" "${cflags[@]}" -c "$rdimon/vectors.c" -o "$dir/lib/vectors.o" || touch "$dir/lib/failed"
  wait
  [ ! -f "$dir/lib/failed" ] || { echo "build.sh: the library failed to compile" >&2; exit 1; }
  rm -f "$dir/lib/libnemu_mbedtls.a"
  "$AR" rcs "$dir/lib/libnemu_mbedtls.a" "$dir"/lib/obj/*.o
  touch "$dir/lib/$stamp.stamp"
}

# 3. Each suite: generate_test_code.py turns suites/X.function + X.data into test_suite_X.c and .datax.
suite() {
  local name=$1 function out="$dir/suites"
  function="${name%%.*}"
  [ -f "$src/tests/suites/test_suite_$name.data" ] || { echo "build.sh: no suite '$name'" >&2; return 1; }
  if [ -f "$out/test_suite_$name.elf" ] && [ "$out/test_suite_$name.elf" -nt "$dir/lib/libnemu_mbedtls.a" ]; then
    return 0
  fi
  (cd "$src/tests" && python3 scripts/generate_test_code.py -f "suites/test_suite_$function.function" \
      -d "suites/test_suite_$name.data" -t suites/main_test.function -p suites/host_test.function \
      -s suites --helpers-file suites/helpers.function -o "$out") >/dev/null
  "$CC" "${cflags[@]}" -c "$out/test_suite_$name.c" -o "$out/test_suite_$name.o"
  "$CC" "${ldflags[@]}" "$dir/lib/vectors.o" "$out/test_suite_$name.o" -L"$dir/lib" -lnemu_mbedtls -o "$out/test_suite_$name.elf.tmp"
  mv "$out/test_suite_$name.elf.tmp" "$out/test_suite_$name.elf"
  rm -f "$out/test_suite_$name.o"
  echo "built test_suite_$name"
}

mkdir -p "$dir"
fetch
library
mkdir -p "$dir/suites"
if [ -z "$suites" ]; then
  suites=$(cd "$src/tests/suites" && ls test_suite_*.data | sed 's/^test_suite_//; s/\.data$//')
fi
rm -f "$dir/suites/"*.failed
for name in $suites; do
  pool_wait
  { suite "$name" || { echo "build.sh: suite $name failed to build" >&2; touch "$dir/suites/$name.failed"; }; } &
done
wait
if ls "$dir/suites/"*.failed >/dev/null 2>&1; then
  exit 1
fi
