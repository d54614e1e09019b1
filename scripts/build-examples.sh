#!/usr/bin/env bash
# Rebuilds the checked-in example firmware images (examples/<name>/<name>.elf) from their sources with
# arm-none-eabi-gcc and newlib nano, reproducibly: the same bytes on every run with the same Debian
# toolchain (relative source paths, -ffile-prefix-map, no debug info, no build id, fixed locale and time).
#
#   build-examples.sh            rebuilds the images in place (commit them afterwards)
#   build-examples.sh --check    rebuilds into a temporary directory and fails if a checked-in image differs
#
# Needs gcc-arm-none-eabi and libnewlib-arm-none-eabi (scripts/test.sh installs them). Running the images
# does not: they are checked in so ./scripts/demo.sh works with only the .NET SDK.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export LC_ALL=C TZ=UTC SOURCE_DATE_EPOCH=0
CC=${CC:-arm-none-eabi-gcc}
examples=(hello printf)

if ! command -v "$CC" >/dev/null 2>&1; then
  echo "build-examples.sh: the cross compiler '$CC' is not installed (Debian: apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi; scripts/test.sh installs it)" >&2
  exit 2
fi

if [ ! -f "$("$CC" -print-file-name=nano.specs)" ]; then
  echo "build-examples.sh: newlib for $CC is not installed (Debian: apt-get install libnewlib-arm-none-eabi; scripts/test.sh installs it)" >&2
  exit 2
fi

# mps2-an385: Cortex-M3, no FPU, so floating point is newlib's and libgcc's soft-float.
target=(-mcpu=cortex-m3 -mthumb -mfloat-abi=soft)
cflags=(-Os -g0 -std=c11 -fno-common -ffunction-sections -fdata-sections "-ffile-prefix-map=$root/=" -Wall -Wextra -Werror -Iexamples/common)
common_sources=(examples/common/startup.S examples/common/semihost.S examples/common/uart.c examples/common/syscalls.c)

# build NAME OUT.elf: compiles each source (by its path relative to the repository, which is what lands in
# the symbol table) into its own object, then links with newlib nano.
build() {
  local name=$1 output=$2 objdir source objects=() extra=()
  objdir=$(mktemp -d)
  for source in "${common_sources[@]}" examples/"$name"/*.c; do
    "$CC" "${target[@]}" "${cflags[@]}" -c "$source" -o "$objdir/$(basename "$source").o"
    objects+=("$objdir/$(basename "$source").o")
  done
  # newlib nano leaves out printf's floating-point conversions unless asked for.
  [ "$name" != printf ] || extra=(-u _printf_float)
  "$CC" "${target[@]}" --specs=nano.specs -nostartfiles -T examples/common/mps2-an385.ld \
    -Wl,--build-id=none -Wl,--gc-sections -Wl,--strip-debug -Wl,--no-warn-rwx-segments \
    "${extra[@]}" "${objects[@]}" -lm -o "$output"
  rm -rf "$objdir"
}

case "${1:-}" in
  "")
    for name in "${examples[@]}"; do
      build "$name" "examples/$name/$name.elf"
      echo "built examples/$name/$name.elf ($(stat -c %s "examples/$name/$name.elf") bytes)"
    done
    ;;
  --check)
    fresh=$(mktemp -d)
    trap 'rm -rf "$fresh"' EXIT
    failed=0
    for name in "${examples[@]}"; do
      build "$name" "$fresh/$name.elf"
      if [ ! -f "examples/$name/$name.elf" ]; then
        echo "build-examples.sh: examples/$name/$name.elf is missing: run scripts/build-examples.sh and commit the image" >&2
        failed=1
      elif ! cmp -s "$fresh/$name.elf" "examples/$name/$name.elf"; then
        echo "build-examples.sh: examples/$name/$name.elf differs from a fresh build of its sources with $("$CC" --version | head -n 1): run scripts/build-examples.sh and commit the image" >&2
        failed=1
      else
        echo "build-examples.sh: examples/$name/$name.elf matches its sources"
      fi
    done
    exit "$failed"
    ;;
  *)
    echo "usage: build-examples.sh [--check]" >&2
    exit 2
    ;;
esac
