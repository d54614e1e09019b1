#!/usr/bin/env bash
# The whole test suite, from a fresh Debian machine with the .NET SDK:
# installs the cross toolchain, QEMU and gdb when missing, checks the style, builds and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
if ! command -v arm-none-eabi-gcc >/dev/null 2>&1; then
  need+=(gcc-arm-none-eabi libnewlib-arm-none-eabi)
elif [ ! -f "$(arm-none-eabi-gcc -print-file-name=nano.specs)" ]; then
  need+=(libnewlib-arm-none-eabi)   # scripts/build-examples.sh links newlib nano
fi
# picolibc's semihosting variant of the libc tour (tests/firmware/rdimon)
dpkg-query -W -f='${Status}' picolibc-arm-none-eabi 2>/dev/null | grep -q 'install ok installed' || need+=(picolibc-arm-none-eabi)
command -v python3 >/dev/null 2>&1 || need+=(python3)   # mbedtls generates its test suites with python3
command -v qemu-system-arm >/dev/null 2>&1 || need+=(qemu-system-arm)
command -v gdb-multiarch >/dev/null 2>&1 || need+=(gdb-multiarch)
command -v xz >/dev/null 2>&1 || need+=(xz-utils)   # scripts/setup-qemu-python.sh unpacks a .tar.xz
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# Issue 7 acceptance tests: QEMU 10.0 next to 7.2 (system-register target XML for gdb) and the qemu.qmp client
# from Debian's qemu source package. Both are cached under artifacts/; a failure here does not stop the
# suite: the tests that need them fail with a message naming the script.
echo "test.sh: QEMU 10.0 into artifacts/qemu10 (scripts/setup-qemu10.sh)"
./scripts/setup-qemu10.sh || echo "test.sh: scripts/setup-qemu10.sh failed; the tests that need QEMU 10 will fail" >&2
echo "test.sh: qemu.qmp into artifacts/qemu-python (scripts/setup-qemu-python.sh)"
./scripts/setup-qemu-python.sh || echo "test.sh: scripts/setup-qemu-python.sh failed; the qemu.qmp client test will fail" >&2

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "test.sh: checked-in example images match their sources (scripts/build-examples.sh --check)"
./scripts/build-examples.sh --check

echo "test.sh: style check (dotnet format --verify-no-changes)"
dotnet format Nemu.sln --verify-no-changes

echo "test.sh: build"
dotnet build Nemu.sln -c Release -warnaserror -nologo -v quiet

echo "test.sh: tests"
log=$(mktemp)
set +e
dotnet test Nemu.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain closing line for the whole suite, summed over the test assemblies.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $i); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
