#!/bin/sh
# Builds semi.elf (the semihosting differential test program) with arm-none-eabi-gcc.
# Usage: build.sh OUTDIR
set -e
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-.}
arm-none-eabi-gcc -mcpu=cortex-m3 -mthumb -Os -g -nostdlib -ffreestanding -fno-builtin -fno-tree-loop-distribute-patterns \
    -T "$here/link.ld" -o "$out/semi.elf" "$here/semi.c" -lgcc
