#!/bin/sh
# install-deps.sh: installs what `make image` and the QEMU system test
# need, if missing (deploy/image/packages.txt; with IMAGE_ARCH=arm64 also
# packages-arm64.txt), through deploy/install-deps.sh.
set -eu
here=$(dirname "$0")
if [ "${IMAGE_ARCH:-amd64}" = arm64 ]; then
    exec "$here/../install-deps.sh" "$here/packages.txt" \
        "$here/packages-arm64.txt"
fi
exec "$here/../install-deps.sh" "$here/packages.txt"
