#!/bin/sh
# build-deb.sh WORK ARCH VERSION OUT: makes the Debian package OUT from the
# installed tree WORK/debian/kiosk (make install-tree's), run by `make deb`.
#
# Adds the documentation (copyright, changelog, manual page), the lintian
# overrides and the control files from this folder, computes Depends with
# dpkg-shlibdeps (for ARCH, so a cross build resolves the :ARCH
# libraries) plus the run-time extras in ./depends, and builds with
# dpkg-deb --root-owner-group: no root, no fakeroot, no debhelper.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
work=$1 arch=$2 version=$3 out=$4
root=$work/debian/kiosk
doc=$root/usr/share/doc/kiosk

# The changelog is the package's history: its top entry must be VERSION.
top=$(sed -n '1s/^kiosk (\([^)]*\)).*/\1/p' "$here/changelog")
if [ "$top" != "$version" ]; then
    echo "build-deb: deploy/debian/changelog starts with '$top', VERSION" \
        "is '$version': add an entry for $version" >&2
    exit 1
fi

# Files as dpkg expects them: folders 0755, data 0644 (whatever the umask
# or a checkout made of them); the programs stay 0755.
find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f ! -path "$root/usr/bin/*" ! -path "$root/usr/lib/kiosk/*" \
    -exec chmod 0644 {} +

# Links within /usr relative, as Debian policy 10.5 asks (install-tree
# makes the font links absolute, which suits a plain `make install`).
find "$root" -type l | while read -r l; do
    t=$(readlink "$l")
    case $t in /*)
        rel=$(realpath -m --relative-to="$(dirname "${l#"$root"}")" "$t")
        ln -sfn "$rel" "$l" ;;
    esac
done

install -d -m 0755 "$doc" "$root/usr/share/man/man1" \
    "$root/usr/share/lintian/overrides"
install -m 0644 "$here/copyright" "$doc/copyright"
gzip -9n <"$here/changelog" >"$doc/changelog.gz"
gzip -9n <"$here/kiosk.1" >"$root/usr/share/man/man1/kiosk.1.gz"
install -m 0644 "$here/lintian-overrides" \
    "$root/usr/share/lintian/overrides/kiosk"
chmod 0644 "$doc/changelog.gz" "$root/usr/share/man/man1/kiosk.1.gz"

# Depends: the linked libraries, then ./depends.  dpkg-shlibdeps wants a
# debian/control in its working folder and the binary below a DEBIAN/.
install -d -m 0755 "$root/DEBIAN"
printf 'Source: kiosk\n\nPackage: kiosk\nArchitecture: any\n' \
    >"$work/debian/control"
shlibs=$(cd "$work" && DEB_HOST_ARCH=$arch dpkg-shlibdeps -O \
    -edebian/kiosk/usr/bin/kiosk | sed -n 's/^shlibs:Depends=//p')
if [ -z "$shlibs" ]; then
    echo "build-deb: dpkg-shlibdeps found no libraries" >&2
    exit 1
fi
extra=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$here/depends" |
    tr -s ' \n' '\n' | paste -sd, - | sed 's/,/, /g')
# Installed-Size as dpkg-gencontrol counts it: KiB per file, rounded up,
# and one for each folder and link.
size=$(find "$root" -mindepth 1 \( -type f -printf '%s\n' \) -o -printf '1024\n' |
    awk '{ k += int(($1 + 1023) / 1024) } END { print k }')

sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" \
    -e "s/@DEPENDS@/$shlibs, $extra/" "$here/control" >"$root/DEBIAN/control"
install -m 0644 "$here/conffiles" "$root/DEBIAN/conffiles"
for s in postinst prerm postrm; do
    install -m 0755 "$here/$s" "$root/DEBIAN/$s"
done
# md5sums of everything but the conffiles, as dh_md5sums writes it.
(cd "$root" && find . -type f ! -path './DEBIAN/*' ! -path './etc/*' \
    -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' md5sum) \
    >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums"

# Reproducible: file times clamped to the last commit's.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$here" log -1 --format=%ct \
    2>/dev/null || date +%s)}
export SOURCE_DATE_EPOCH
mkdir -p "$(dirname "$out")"
dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
echo "built $out"
