#!/usr/bin/env bash
# Shared by scripts/run and scripts/test: installs missing Debian packages, then configures and
# builds the project incrementally in build/ (Release with debug info).
set -euo pipefail

AX_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AX_BUILD="${AX_BUILD_DIR:-$AX_ROOT/build}"

# Everything a fresh Debian 12 machine needs to build, run and test the app.
AX_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev libgl-dev
    libgtest-dev libgmock-dev libbenchmark-dev
    libeigen3-dev libginac-dev libmuparser-dev libgif-dev
    fonts-dejavu-core
    help2man librsvg2-bin dpkg-dev desktop-file-utils appstream shared-mime-info
    poppler-utils
)

ax_missing_packages() {
    local pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            printf '%s\n' "$pkg"
        fi
    done
}

ax_install_packages() {
    local missing
    mapfile -t missing < <(ax_missing_packages "$@")
    [ "${#missing[@]}" -eq 0 ] && return 0
    echo "Installing missing Debian packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "error: these Debian packages are missing: ${missing[*]}" >&2
            echo "       run as root or install sudo, or install them yourself:" >&2
            echo "       apt-get install ${missing[*]}" >&2
            exit 1
        fi
    fi
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq ||
        ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
        echo "error: could not install: ${missing[*]} (apt-get failed; see above)" >&2
        exit 1
    fi
}

ax_configure_and_build() {
    if [ ! -f "$AX_BUILD/build.ninja" ]; then
        cmake -S "$AX_ROOT" -B "$AX_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
    elif [ "$#" -gt 0 ]; then
        cmake -S "$AX_ROOT" -B "$AX_BUILD" "$@"
    fi
    cmake --build "$AX_BUILD"
}
