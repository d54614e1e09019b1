#!/usr/bin/env bash
# Puts the qemu.qmp Python client from Debian's qemu source package into artifacts/qemu-python/python/
# (issue 7 acceptance: "the qemu.qmp client from `apt-get source qemu`, its python/ folder").
#
# The machine has no deb-src lines, so a private sources list (bookworm, -updates, -security as deb-src) under
# artifacts/apt-src/ lets `apt-get source --download-only qemu` fetch bookworm's qemu 7.2 source (.dsc,
# orig tarball, debian tarball) without touching /etc/apt. Only python/ is taken from the orig tarball: the
# source is neither unpacked nor patched as a whole (dpkg-source is not needed). No PyPI.
#
# Use: PYTHONPATH=artifacts/qemu-python/python python3 -c 'from qemu.qmp import QMPClient'.
# Idempotent: does nothing when artifacts/qemu-python/python/qemu/qmp/qmp_client.py exists.
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$PWD
dest="$root_dir/artifacts/qemu-python"
work="$root_dir/artifacts/apt-src"

if [ -f "$dest/python/qemu/qmp/qmp_client.py" ]; then
  echo "setup-qemu-python: qemu.qmp already in artifacts/qemu-python/python ($(cat "$dest/SOURCE" 2>/dev/null || echo unknown source))"
  exit 0
fi

command -v apt-get >/dev/null 2>&1 || { echo "setup-qemu-python: apt-get is missing (Debian bookworm expected)" >&2; exit 2; }

mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/download"
cat > "$work/sources.list" <<'LIST'
deb-src http://deb.debian.org/debian bookworm main
deb-src http://deb.debian.org/debian bookworm-updates main
deb-src http://deb.debian.org/debian-security bookworm-security main
LIST
apt_opts=(
  -o "Dir::Etc::SourceList=$work/sources.list"
  -o "Dir::Etc::SourceParts=/dev/null"
  -o "Dir::State::Lists=$work/lists"
  -o "Dir::Cache=$work/cache"
  -o "APT::Get::List-Cleanup=0"
)
[ "$(id -u)" -ne 0 ] || apt_opts+=(-o "APT::Sandbox::User=root")

echo "setup-qemu-python: apt-get update with a private deb-src list ($work/sources.list)"
apt-get "${apt_opts[@]}" update -qq

echo "setup-qemu-python: apt-get source --download-only qemu"
rm -rf "$work/download"
mkdir -p "$work/download"
(cd "$work/download" && apt-get "${apt_opts[@]}" source --download-only -qq qemu)

orig=$(ls "$work/download"/qemu_*.orig.tar.* 2>/dev/null | head -n1 || true)
if [ -z "$orig" ]; then
  echo "setup-qemu-python: no qemu_*.orig.tar.* in the downloaded source" >&2
  exit 1
fi
echo "setup-qemu-python: extracting qemu-*/python/ from $(basename "$orig")"
rm -rf "$dest"
mkdir -p "$dest"
tar -xf "$orig" -C "$dest" --wildcards --strip-components=1 'qemu-*/python/*'
[ -f "$dest/python/qemu/qmp/qmp_client.py" ] || { echo "setup-qemu-python: python/qemu/qmp/qmp_client.py not in $(basename "$orig")" >&2; exit 1; }
basename "$(ls "$work/download"/qemu_*.dsc)" > "$dest/SOURCE"
# The download is no longer needed (the orig tarball alone is tens of MB).
rm -rf "$work/download"
echo "setup-qemu-python: qemu.qmp ready: PYTHONPATH=artifacts/qemu-python/python ($(cat "$dest/SOURCE"))"
