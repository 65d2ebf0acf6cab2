#!/usr/bin/env bash
# Builds the Linux package: dist/sitimer_<version>_amd64.deb.
#   1. a PyInstaller one-folder bundle from packaging/sitimer.spec (`sitimer` and `sitimer-cli`)
#   2. the .deb around it: /opt/sitimer, launchers in /usr/bin, the .desktop files, icons, the
#      AppStream metainfo and the programme file's MIME type (packaging/linux/)
# Run it on Debian 12: the bundle needs the glibc its libraries were built for (2.35, as Ubuntu
# 22.04 has; the control file's libc6 is read from the bundle) and runs on newer ones.
# Needs the venv with the build extra: `.venv/bin/pip install -e '.[package]'` (make package does it).
set -euo pipefail
cd "$(dirname "$0")/.."

py=${PYTHON:-.venv/bin/python}
"$py" -c 'import PyInstaller' 2>/dev/null ||
  { echo "package: PyInstaller is missing; run make package (it installs the build extra)" >&2; exit 1; }
command -v dpkg-deb >/dev/null || { echo "package: dpkg-deb is missing; build the .deb on Debian or Ubuntu" >&2; exit 1; }
version=$("$py" -c 'import sitimer; print(sitimer.__version__)')
arch=$(dpkg --print-architecture)
build=build/package
deb=dist/sitimer_${version}_${arch}.deb

rm -rf "$build"
mkdir -p "$build" dist
"$py" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$build/bundle" --workpath "$build/work" packaging/sitimer.spec

root=$build/root
linux=packaging/linux
mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/metainfo" \
  "$root/usr/share/mime/packages" "$root/usr/share/icons/hicolor/scalable/apps" \
  "$root/usr/share/icons/hicolor/256x256/apps" "$root/DEBIAN"
mv "$build/bundle/sitimer" "$root/opt/sitimer"
for name in sitimer sitimer-cli; do
  sed "s/@NAME@/$name/g" "$linux/launcher" >"$root/usr/bin/$name"
  chmod 755 "$root/usr/bin/$name"
done
install -m 644 "$linux/sitimer.desktop" "$linux/sitimer-run.desktop" "$root/usr/share/applications/"
install -m 644 "$linux/nl.sitimer.sitimer.metainfo.xml" "$root/usr/share/metainfo/"
install -m 644 "$linux/sitimer-mime.xml" "$root/usr/share/mime/packages/sitimer.xml"
install -m 644 resources/icons/sitimer.svg "$root/usr/share/icons/hicolor/scalable/apps/sitimer.svg"
install -m 644 packaging/sitimer.png "$root/usr/share/icons/hicolor/256x256/apps/sitimer.png"

size_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
# The newest glibc any file of the bundle asks for is the least the system must have.
glibc=$({ find "$root/opt/sitimer" -type f \( -name '*.so*' -o -perm -u+x \) -exec objdump -T {} + 2>/dev/null || true; } |
  { grep -o 'GLIBC_2\.[0-9]*' || true; } | sort -uV | tail -n 1)
[ -n "$glibc" ] || { echo "package: no glibc version found in the bundle (objdump)" >&2; exit 1; }
sed -e "s/@VERSION@/$version/" -e "s/@SIZE_KB@/$size_kb/" -e "s/^Architecture: .*/Architecture: $arch/" \
  -e "s/@GLIBC@/${glibc#GLIBC_}/" \
  "$linux/control.in" >"$root/DEBIAN/control"
# The desktop and MIME databases are updated by dpkg's triggers (desktop-file-utils,
# shared-mime-info), so the package needs no maintainer scripts.
dpkg-deb --root-owner-group -Zzstd --build "$root" "$deb" >/dev/null
echo "$deb ($(du -h "$deb" | cut -f1), $((size_kb / 1024)) MB installed)"
