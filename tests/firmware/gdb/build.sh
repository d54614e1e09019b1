#!/usr/bin/env bash
# Builds the gdb acceptance firmware by hand (the test builds the same way at test time, GdbFirmware.cs):
#   build.sh OUTDIR   ->  OUTDIR/gdbtest.elf, gdbtest-systick.elf and gdbtest-spin.elf (mps2-an385, Cortex-M3, -g -O0)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out=${1:-"$here/../out/gdb"}
mkdir -p "$out"
flags=(-mcpu=cortex-m3 -mthumb -g -O0 -ffreestanding -nostdlib -nostartfiles -Wall -Wextra -Werror
       -Wl,--build-id=none "-T$here/gdb.ld")
arm-none-eabi-gcc "${flags[@]}" "$here/gdbtest.c" -o "$out/gdbtest.elf"
arm-none-eabi-gcc "${flags[@]}" -DSYSTICK_STEP "$here/gdbtest.c" -o "$out/gdbtest-systick.elf"
arm-none-eabi-gcc "${flags[@]}" -DSPIN_FOREVER "$here/gdbtest.c" -o "$out/gdbtest-spin.elf"
echo "built $out/gdbtest.elf $out/gdbtest-systick.elf $out/gdbtest-spin.elf"
