#!/usr/bin/env bash
# Puts QEMU 10.0 (qemu-system-arm from Debian bookworm-backports) into artifacts/qemu10/ next to the
# system's QEMU 7.2, which stays the reference for everything else (issue 7: 10.0 is needed only for the
# M-profile system-register target XML that gdb reads: msp, psp, primask, control, ...).
#
# Installing the backport would replace 7.2 (same package name), so this script never touches /etc/apt or
# dpkg's database: a private sources list and lists directory under artifacts/apt-backports/ let
# `apt-get download` fetch the three .debs (qemu-system-arm, -common, -data at the bpo version), and
# `dpkg-deb -x` unpacks them under artifacts/qemu10/root/.
#
# Run QEMU 10 through the wrapper it writes, artifacts/qemu10/run (same arguments as qemu-system-arm). It sets
# QEMU_MODULE_DIR and -L to the unpacked tree and adds `-audio none`: without it QEMU 10 loads 7.2's
# /usr/lib/x86_64-linux-gnu/qemu/audio-pa.so and aborts ("Only modules from the same build can be loaded").
#
# Idempotent: does nothing when artifacts/qemu10/run already reports version 10. Needs network access to
# deb.debian.org; a failure leaves the gdb acceptance test's QEMU 10 half failing with a message naming this script.
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$PWD
dest="$root_dir/artifacts/qemu10"
work="$root_dir/artifacts/apt-backports"

if [ -x "$dest/run" ] && "$dest/run" -version 2>/dev/null | grep -q 'QEMU emulator version 10\.'; then
  echo "setup-qemu10: $("$dest/run" -version | head -n1) already in artifacts/qemu10"
  exit 0
fi

command -v apt-get >/dev/null 2>&1 || { echo "setup-qemu10: apt-get is missing (Debian bookworm expected)" >&2; exit 2; }
command -v dpkg-deb >/dev/null 2>&1 || { echo "setup-qemu10: dpkg-deb is missing" >&2; exit 2; }

mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/debs"
echo "deb http://deb.debian.org/debian bookworm-backports main" > "$work/sources.list"
apt_opts=(
  -o "Dir::Etc::SourceList=$work/sources.list"
  -o "Dir::Etc::SourceParts=/dev/null"
  -o "Dir::State::Lists=$work/lists"
  -o "Dir::Cache=$work/cache"
  -o "APT::Get::List-Cleanup=0"
)
# apt drops to the _apt user for downloads when run as root; that user cannot write under artifacts/.
[ "$(id -u)" -ne 0 ] || apt_opts+=(-o "APT::Sandbox::User=root")

echo "setup-qemu10: apt-get update with a private bookworm-backports list ($work/sources.list)"
apt-get "${apt_opts[@]}" update -qq

# The newest 10.0 version the backports list offers (madison also lists the installed 7.2; skip it).
version=$(apt-cache "${apt_opts[@]}" madison qemu-system-arm | awk -F'|' '{gsub(/ /, "", $2); print $2}' \
  | grep -E '^1:10\.0\.' | sort -V | tail -n1 || true)
if [ -z "$version" ]; then
  echo "setup-qemu10: bookworm-backports offers no qemu-system-arm 10.0 version" >&2
  exit 1
fi

echo "setup-qemu10: apt-get download qemu-system-arm qemu-system-common qemu-system-data =$version"
rm -f "$work/debs"/*.deb
(cd "$work/debs" && apt-get "${apt_opts[@]}" download -qq \
  "qemu-system-arm=$version" "qemu-system-common=$version" "qemu-system-data=$version")

echo "setup-qemu10: dpkg-deb -x into artifacts/qemu10/root"
rm -rf "$dest"
mkdir -p "$dest/root"
for deb in "$work/debs"/*.deb; do
  dpkg-deb -x "$deb" "$dest/root"
done

cat > "$dest/run" <<'WRAP'
#!/bin/sh
# QEMU 10.0 from bookworm-backports, unpacked by scripts/setup-qemu10.sh (not installed system-wide).
here=$(cd "$(dirname "$0")" && pwd)
for dir in "$here"/root/usr/lib/*/qemu; do QEMU_MODULE_DIR=$dir; done
export QEMU_MODULE_DIR
exec "$here/root/usr/bin/qemu-system-arm" -L "$here/root/usr/share/qemu" -audio none "$@"
WRAP
chmod +x "$dest/run"
echo "$version" > "$dest/VERSION"
echo "setup-qemu10: $("$dest/run" -version | head -n1) ready: artifacts/qemu10/run"
