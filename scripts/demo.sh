#!/usr/bin/env bash
# The shipped default: boot the checked-in example firmware (examples/, rebuilt by scripts/build-examples.sh)
# on the emulated mps2-an385 board as a firmware engineer would with qemu-system-arm, then look at the same
# machine through the human monitor. Needs only the .NET SDK; ends by itself with status 0.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each step shows its command line first (in bold on a terminal).
if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi
step() { printf '\n%s$ %s%s\n' "$bold" "$*" "$plain"; }

# 1. The guest prints on its UART (the terminal with -nographic) and ends the run through semihosting.
step ./nemu-system-arm -M mps2-an385 -nographic -semihosting -kernel examples/hello/hello.elf
./nemu-system-arm -M mps2-an385 -nographic -semihosting -kernel examples/hello/hello.elf </dev/null

# 2. newlib's printf with floating point and libm, soft-float on the Cortex-M3.
step ./nemu-system-arm -M mps2-an385 -nographic -semihosting -kernel examples/printf/printf.elf
./nemu-system-arm -M mps2-an385 -nographic -semihosting -kernel examples/printf/printf.elf </dev/null

# 3. The same board stopped before the first instruction (-S), driven through the monitor: run state, the
#    loaded image's vector table (initial SP, reset handler) and the board's SCC ID register.
commands=('info status' 'xp /2xw 0' 'xp /1xw 0x4002fffc' 'quit')
step "printf '%s\\n' $(printf "'%s' " "${commands[@]}")| ./nemu-system-arm -M mps2-an385 -S -display none -serial null -monitor stdio -kernel examples/hello/hello.elf"
printf '%s\n' "${commands[@]}" |
  ./nemu-system-arm -M mps2-an385 -S -display none -serial null -monitor stdio -kernel examples/hello/hello.elf
