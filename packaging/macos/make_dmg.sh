#!/usr/bin/env bash
# Put the .app PyInstaller made into a compressed disk image with a link to
# /Applications, so the user drags the program across. macOS only (hdiutil).
#   bash packaging/macos/make_dmg.sh "packaging/dist/Smallbiz Codes.app" packaging/dist/smallbiz-codes-0.1.0.dmg
set -euo pipefail
app=$1
dmg=$2
[ -d "$app" ] || { echo "no app bundle at $app" >&2; exit 1; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
# Not signed with a Developer ID: the first start needs right-click → Open (see docs/packaging.md).
codesign --force --deep --sign - "$stage/$(basename "$app")"
rm -f "$dmg"
hdiutil create -volname "Smallbiz Codes" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
hdiutil verify "$dmg"
