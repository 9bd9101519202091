#!/bin/sh
# Install what kanbao needs to build and test on Debian 12 (as root, or
# through sudo).  Safe to run again: apt-get skips what is installed.
set -eu
pkgs="build-essential autoconf automake pkg-config
      libncurses-dev libxml2-dev libxml2-utils libcmocka-dev
      libutf8proc-dev libuchardet-dev libopencc-dev libsqlite3-dev zlib1g-dev sqlite3 tmux valgrind time
      xz-utils libpoppler-glib-dev poppler-utils qpdf python3
      gettext autopoint locales"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
