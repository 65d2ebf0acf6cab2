#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages sitimer needs, when any is missing.
#   tools/system-deps.sh run    Qt's libraries, sound and speech: enough to start the app
#   tools/system-deps.sh package  also what PyInstaller needs to build the .deb (make package)
#   tools/system-deps.sh test   also Xvfb, a window manager, PulseAudio tools, PDF and D-Bus tools,
#                               dunst (a real notification server for the reminder tests),
#                               postgresql (a private server for the practice tests),
#                               debootstrap (the package's test in a bare Debian 12) and
#                               at-spi2-core with python3-pyatspi (what a screen reader hears),
#                               weston (a Wayland compositor, as GNOME's session is), and mutter
#                               (GNOME's own) with GTK 4 for a launcher as GNOME's
# On other systems it says what to install and carries on.
set -euo pipefail

# libxrandr2: Qt Multimedia's FFmpeg backend (a therapist's exercise videos) needs it; without it Qt
# says "No QtMultimedia backends found" at every start.
run_pkgs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libglib2.0-0 libdbus-1-3
  fonts-dejavu-core libpulse0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxrandr2
  speech-dispatcher speech-dispatcher-espeak-ng espeak-ng)
test_pkgs=(xvfb openbox xdotool x11-utils imagemagick pulseaudio pulseaudio-utils poppler-utils dbus-daemon dbus-bin sox
  desktop-file-utils dunst postgresql debootstrap binutils at-spi2-core python3-pyatspi weston
  mutter python3-gi gir1.2-gtk-4.0)

# PyInstaller (the package and its test) bundles the Python it runs on: its shared library, a
# package of its own on Debian (libpython3.11 on Debian 12), missing from a fresh system.
python=${PYTHON:-python3}
libpython=$("$python" -c 'import sys; print("libpython%d.%d" % sys.version_info[:2])' 2>/dev/null || true)

pkgs=("${run_pkgs[@]}")
case "${1:-run}" in
  test) pkgs+=("${test_pkgs[@]}" $libpython) ;;
  package) pkgs+=(binutils $libpython) ;;  # PyInstaller reads the libraries with objdump
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian-like system; install Qt 6's runtime libraries, PulseAudio and espeak-ng yourself." >&2
  exit 0
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "system-deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
