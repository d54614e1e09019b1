#!/usr/bin/env bash
# Builds the RTOS acceptance firmware (rtos.h) with arm-none-eabi-gcc, deterministically, with the
# conformance kit's start-up (../mprofile/mp_start.S, mp.c) and the common console.
#
#   build.sh [VARIANT [OUT.elf [-DNAME=VALUE...]]]
#
# VARIANT: m4 (default; cortex-m4 + FPv4-SP, mps2-an386, FP tasks with lazy stacking) or m3 (cortex-m3,
# mps2-an385, integer tasks only). OUT defaults to ../out/<variant>/rtos.elf. Defines override RTOS_UNITS,
# RTOS_SWITCHES, RTOS_TICK (rtos.h, kernel.c).
# Run: qemu-system-arm -M mps2-an386 -cpu cortex-m4 -nographic -semihosting -kernel ../out/m4/rtos.elf
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
fw="$(dirname "$here")"
CC=${CC:-arm-none-eabi-gcc}
variant=${1:-m4}
out=${2:-$fw/out/$variant/rtos.elf}
shift $(( $# > 2 ? 2 : $# ))

if ! command -v "$CC" >/dev/null 2>&1; then
  echo "build.sh: the cross compiler '$CC' is not installed (Debian: apt-get install gcc-arm-none-eabi)" >&2
  exit 2
fi

case "$variant" in
  m3) flags="-mcpu=cortex-m3 -mfloat-abi=soft" ;;
  m4) flags="-mcpu=cortex-m4 -mfloat-abi=hard -mfpu=fpv4-sp-d16" ;;
  *) echo "build.sh: unknown variant '$variant' (expected m3 or m4)" >&2; exit 2 ;;
esac

mkdir -p "$(dirname "$out")"
# shellcheck disable=SC2086
"$CC" $flags -mthumb -DCONSOLE_UART_CMSDK "$@" -T"$fw/common/mps2.ld" -O2 -g0 -ffreestanding -fno-common \
  -fno-tree-loop-distribute-patterns -Wall -Wextra -Werror -nostdlib -nostartfiles -Wl,--build-id=none \
  -I"$fw/common" -I"$fw/mprofile" -I"$here" -L"$fw/common" \
  "$fw/mprofile/mp_start.S" "$fw/common/semihost.S" "$fw/common/console.c" "$fw/common/mem.c" \
  "$fw/mprofile/mp.c" "$here/switch.S" "$here/kernel.c" "$here/tasks.c" -lgcc -o "$out"
echo "built $out"
