#!/bin/sh
# Install the Debian packages leafpress needs to build and test, and only
# those that are missing.  Run by `make` and `make check` on a fresh machine.
set -eu

need="gcc make pkg-config python3 libhpdf-dev libharfbuzz-dev libpng-dev libjpeg62-turbo-dev zlib1g-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev libcjson-dev libunibreak-dev libhyphen-dev libcsv-dev libqrencode-dev libcurl4-openssl-dev libqpdf-dev hyphen-en-us hyphen-es hyphen-pl hyphen-de hyphen-fr icc-profiles-free poppler-utils qpdf mupdf-tools python3-aiosmtpd valgrind zbar-tools"

missing=""
for p in $need; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*"ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
# Nothing missing: done, without root, sudo or apt.
[ -z "$missing" ] && exit 0

echo "deps: installing$missing"
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "deps: need root or sudo to install:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Wait for a package manager that is busy (unattended-upgrades, another
# apt) instead of failing at once on its lock.
$sudo apt-get -o DPkg::Lock::Timeout=120 update -qq
# shellcheck disable=SC2086
$sudo apt-get -o DPkg::Lock::Timeout=120 install -y -qq --no-install-recommends $missing
