#!/usr/bin/env bash
# The shipped default: start an empty Arm machine with 16 MiB of RAM, load examples/hello.txt into it with
# the generic loader, and drive it through the human monitor as a user would (memory tree, a dump of the
# loaded bytes, the device tree, run state). Needs only the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
printf '%s\n' 'info mtree -f' 'xp /16xb 0x1000' 'xp /68cb 0x1000' 'info qtree' 'info status' 'quit' |
  ./nemu-system-arm -M none -m 16M -device loader,file=examples/hello.txt,addr=0x1000,force-raw=on -S -monitor stdio
