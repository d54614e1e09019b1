#!/usr/bin/env bash
# Builds the test firmware with arm-none-eabi-gcc, deterministically (no debug info, no build id, fixed
# flags), into tests/firmware/out/ (git-ignored).
#
#   build.sh                          every demo program (hello, compute) for every variant:
#                                     out/<variant>/<program>.elf
#   build.sh diff VARIANT CASES.S OUT.elf
#                                     one differential image: the harness (diff/) + a generated case file
#   build.sh flags VARIANT            prints the board and CPU QEMU needs for VARIANT ("BOARD CPU")
#
# Variants: m0 = ARMv6-M (cortex-m0, QEMU board microbit: QEMU has no ARMv6-M MPS2 board, console via
# semihosting), m3 = ARMv7-M (cortex-m3, mps2-an385, console on CMSDK UART0), m4 = ARMv7E-M + FPv4-SP
# (cortex-m4, mps2-an386, hard-float ABI, console on CMSDK UART0), m7 = ARMv7E-M + FPv5-D16 (cortex-m7,
# mps2-an500, hard-float ABI with double precision, console on CMSDK UART0).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/out"
CC=${CC:-arm-none-eabi-gcc}

if ! command -v "$CC" >/dev/null 2>&1; then
  echo "build.sh: the cross compiler '$CC' is not installed (Debian: apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi; scripts/test.sh installs it)" >&2
  exit 2
fi

variant_flags() {
  case "$1" in
    m0) echo "-mcpu=cortex-m0 -mthumb -mfloat-abi=soft -T$here/common/microbit.ld" ;;
    m3) echo "-mcpu=cortex-m3 -mthumb -mfloat-abi=soft -DCONSOLE_UART_CMSDK -T$here/common/mps2.ld" ;;
    m4) echo "-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16 -DCONSOLE_UART_CMSDK -T$here/common/mps2.ld" ;;
    m7) echo "-mcpu=cortex-m7 -mthumb -mfloat-abi=hard -mfpu=fpv5-d16 -DCONSOLE_UART_CMSDK -T$here/common/mps2.ld" ;;
    *) echo "build.sh: unknown variant '$1' (expected m0, m3, m4 or m7)" >&2; exit 2 ;;
  esac
}

board_cpu() {
  case "$1" in
    m0) echo "microbit cortex-m0" ;;
    m3) echo "mps2-an385 cortex-m3" ;;
    m4) echo "mps2-an386 cortex-m4" ;;
    m7) echo "mps2-an500 cortex-m7" ;;
    *) echo "build.sh: unknown variant '$1' (expected m0, m3, m4 or m7)" >&2; exit 2 ;;
  esac
}

# compile VARIANT OUT.elf SOURCES...
# Each source becomes an object named after it (next to the output) before linking: objects made by a
# single gcc call get random /tmp names, which end up in the symbol table and break reproducibility.
compile() {
  local variant=$1 output=$2
  shift 2
  local flags objdir objects=() source object
  flags=$(variant_flags "$variant")
  objdir="${output%.elf}.obj"
  rm -rf "$objdir"
  mkdir -p "$objdir"
  for source in "$here/common/startup.S" "$here/common/semihost.S" "$here/common/console.c" "$here/common/mem.c" "$@"; do
    object="$objdir/$(basename "$source").o"
    # shellcheck disable=SC2086
    "$CC" $flags -O2 -g0 -ffreestanding -fno-common -ffunction-sections -fno-tree-loop-distribute-patterns \
      -Wall -Wextra -Werror -I"$here/common" -I"$here/diff" -c "$source" -o "$object"
    objects+=("$object")
  done
  # shellcheck disable=SC2086
  "$CC" $flags -nostdlib -nostartfiles -L"$here/common" -Wl,--build-id=none -Wl,--gc-sections \
    "${objects[@]}" -lgcc -o "$output"
}

case "${1:-all}" in
  all)
    for variant in m0 m3 m4 m7; do
      for program in hello compute; do
        compile "$variant" "$out/$variant/$program.elf" "$here/$program/$program.c"
        echo "built out/$variant/$program.elf"
      done
    done
    ;;
  diff)
    [ $# -eq 4 ] || { echo "usage: build.sh diff VARIANT CASES.S OUT.elf" >&2; exit 2; }
    compile "$2" "$4" "$here/diff/harness.c" "$here/diff/harness_asm.S" "$3"
    ;;
  flags)
    [ $# -eq 2 ] || { echo "usage: build.sh flags VARIANT" >&2; exit 2; }
    board_cpu "$2"
    ;;
  *)
    echo "usage: build.sh [all | diff VARIANT CASES.S OUT.elf | flags VARIANT]" >&2
    exit 2
    ;;
esac
