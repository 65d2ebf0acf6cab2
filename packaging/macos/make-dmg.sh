#!/usr/bin/env bash
# Builds dist/sitimer-<version>.dmg on macOS: the .app from packaging/sitimer.spec (BUNDLE), signed
# and notarized when the identity and the notary profile are given, in a disk image with a link to
# /Applications for dragging.
#   packaging/macos/make-dmg.sh
#   SIGN_IDENTITY="Developer ID Application: NAME (TEAMID)" NOTARY_PROFILE=sitimer packaging/macos/make-dmg.sh
# NOTARY_PROFILE is a keychain profile made once with `xcrun notarytool store-credentials`.
set -euo pipefail
cd "$(dirname "$0")/../.."

py=${PYTHON:-.venv/bin/python}
version=$("$py" -c 'import sitimer; print(sitimer.__version__)')
work=build/macos
app=$work/dist/sitimer.app
dmg=dist/sitimer-$version.dmg

rm -rf "$work"
mkdir -p "$work" dist
"$py" -m PyInstaller --noconfirm --log-level WARN --distpath "$work/dist" --workpath "$work/work" \
  packaging/sitimer.spec

if [ -n "${SIGN_IDENTITY:-}" ]; then
  # The hardened runtime is needed for notarization; Python loads code it did not sign itself,
  # hence the two entitlements.
  codesign --force --deep --timestamp --options runtime \
    --entitlements packaging/macos/entitlements.plist --sign "$SIGN_IDENTITY" "$app"
  codesign --verify --strict --verbose=2 "$app"
fi

stage=$work/dmg
mkdir -p "$stage"
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "$dmg"
hdiutil create -volname "sitimer $version" -srcfolder "$stage" -fs HFS+ -format UDZO "$dmg"

if [ -n "${SIGN_IDENTITY:-}" ]; then
  codesign --timestamp --sign "$SIGN_IDENTITY" "$dmg"
  if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
  fi
fi
echo "$dmg ($(du -h "$dmg" | cut -f1))"
