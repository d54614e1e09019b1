#!/usr/bin/env bash
# Builds libc_tour.c twice for mps2-an385 (Cortex-M3), deterministically, into tests/firmware/out/ (git-ignored):
#   out/rdimon/libc_tour.elf    newlib + libgloss rdimon (--specs=rdimon.specs), our vector table (vectors.c) and
#                               layout (rdimon.ld); libgloss's _start asks SYS_HEAPINFO for stack and heap
#   out/picolibc/libc_tour.elf  picolibc (--specs=picolibc.specs --oslib=semihost --crt0=semihost), whose crt0
#                               brings its own vector table; picolibc.ld placed by __flash/__ram symbols
# Usage: build.sh [rdimon|picolibc]... (default: both). A missing compiler or C library exits 2 with a message.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../out"
CC=${CC:-arm-none-eabi-gcc}
common=(-mcpu=cortex-m3 -mthumb -mfloat-abi=soft -O2 -g0 -Wall -Wextra -Werror -Wl,--build-id=none)

command -v "$CC" >/dev/null 2>&1 \
  || { echo "build.sh: the cross compiler '$CC' is not installed (Debian: apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi)" >&2; exit 2; }

build() {
  case "$1" in
    rdimon)
      [ -f /usr/lib/arm-none-eabi/newlib/thumb/v7-m/nofp/librdimon.a ] \
        || { echo "build.sh: newlib's rdimon is not installed (Debian package libnewlib-arm-none-eabi)" >&2; exit 2; }
      mkdir -p "$out/rdimon"
      "$CC" "${common[@]}" --specs=rdimon.specs -T"$here/rdimon.ld" "$here/libc_tour.c" "$here/vectors.c" \
        -o "$out/rdimon/libc_tour.elf"
      ;;
    picolibc)
      [ -f /usr/lib/picolibc/arm-none-eabi/picolibc.specs ] \
        || { echo "build.sh: picolibc is not installed (Debian package picolibc-arm-none-eabi)" >&2; exit 2; }
      mkdir -p "$out/picolibc"
      "$CC" "${common[@]}" --specs=picolibc.specs --oslib=semihost --crt0=semihost \
        -Wl,--defsym=__flash=0 -Wl,--defsym=__flash_size=0x400000 \
        -Wl,--defsym=__ram=0x20000000 -Wl,--defsym=__ram_size=0x400000 -Wl,--defsym=__stack_size=0x10000 \
        "$here/libc_tour.c" -o "$out/picolibc/libc_tour.elf"
      ;;
    *) echo "build.sh: unknown C library '$1' (expected rdimon or picolibc)" >&2; exit 2 ;;
  esac
  echo "built out/$1/libc_tour.elf"
}

[ $# -gt 0 ] || set -- rdimon picolibc
for libc in "$@"; do
  build "$libc"
done
