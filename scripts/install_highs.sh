#!/usr/bin/env bash
# Builds and installs HiGHS (the MILP backend `solver = "highs"`), which no Debian release
# packages: the pinned release's source archive from PyPI (the highspy source distribution holds
# the whole C++ solver), checked against its SHA-256, configured for the shared library only and
# installed under PREFIX (default /usr/local) with a highs.pc that SwiftPM's pkg-config reads.
# Takes about 4 minutes on two cores; skipped when that version is already installed.
#   bash scripts/install_highs.sh [PREFIX]
set -euo pipefail
version=1.16.0
sha256=83519368321b1ac0ed508b8562b335928b6fd249e2ab42ff0218491e1486d985
url=https://files.pythonhosted.org/packages/39/2a/900b9bd6663ffbc6be7c6f9adedda691734f7a392d4ed0d4b9c0d13beab3/highspy-$version.tar.gz
prefix=${1:-/usr/local}
if [ "$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --modversion highs 2>/dev/null || true)" = "$version" ] \
   && [ -f "$prefix/include/highs/interfaces/highs_c_api.h" ]; then
  exit 0
fi
sudo=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
command -v cmake >/dev/null 2>&1 && command -v g++ >/dev/null 2>&1 || {
  echo "setup: installing cmake, g++ (to build HiGHS)" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq cmake g++ >&2
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "setup: building HiGHS $version from its source archive (about 4 minutes on 2 cores)" >&2
curl -fsSL --retry 3 -o "$work/highs.tar.gz" "$url" || {
  echo "setup: could not download $url; fetch it by hand into this machine and rerun" >&2; exit 1; }
echo "$sha256  $work/highs.tar.gz" | sha256sum -c --quiet - || { echo "setup: $url: checksum mismatch" >&2; exit 1; }
tar -xzf "$work/highs.tar.gz" -C "$work"
src="$work/highspy-$version"
# The Python source archive leaves out the command-line app and the pkg-config template that
# HiGHS's top-level CMakeLists names: an empty app and our own template stand in for them.
mkdir -p "$src/app" && : > "$src/app/CMakeLists.txt"
cat > "$src/highs.pc.in" <<'PC'
prefix=@CMAKE_INSTALL_PREFIX@
libdir=${prefix}/lib
includedir=${prefix}/include/highs

Name: HiGHS
Description: HiGHS linear and mixed-integer optimisation solver
Version: @HIGHS_VERSION_MAJOR@.@HIGHS_VERSION_MINOR@.@HIGHS_VERSION_PATCH@
Libs: -L${libdir} -Wl,-rpath,${libdir} -lhighs
Cflags: -I${includedir}
PC
cmake -S "$src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_INSTALL_LIBDIR=lib \
  -DBUILD_TESTING=OFF -DBUILD_EXAMPLES=OFF -DZLIB=OFF >"$work/cmake.log" 2>&1 || { cat "$work/cmake.log" >&2; exit 1; }
cmake --build "$work/build" -j"$(nproc)" >"$work/build.log" 2>&1 || { tail -50 "$work/build.log" >&2; exit 1; }
$sudo cmake --install "$work/build" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; exit 1; }
$sudo ldconfig 2>/dev/null || true
echo "setup: HiGHS $version installed under $prefix" >&2
