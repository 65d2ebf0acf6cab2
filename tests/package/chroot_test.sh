#!/usr/bin/env bash
# The .deb where a patient is: a bare Debian 12 (debootstrap minbase), the package installed with
# apt-get as a patient would, then, with a fresh HOME, `sitimer-cli validate` and `plan` on the
# bundled programmes, `sitimer --reminders` for 5 s, and the window on an X display (the host's
# Xvfb + openbox, its socket bound in), found by xdotool and kept as
# ~/.cache/sitimer-ci/install-chroot.png (docs/screenshots/ with SITIMER_UPDATE_SHOTS=1). Nothing
# on stderr. Then a NAME.sitimer.yaml opened as a file manager opens it (gio launch of the type's
# .desktop file): a session window, no traceback.
#
# SITIMER_CHROOT_SUITE=jammy, noble or trixie does the same in a bare Ubuntu 22.04 (the oldest
# system the package is for), Ubuntu 24.04 or Debian 13; their screenshots go to the cache
# folder, not docs/. Not in the CI: each fetches its system once (Ubuntu's from archive.ubuntu.com,
# unchecked when the host has no ubuntu-archive-keyring, as Debian 12 has not; the step says so).
#
# Runs as root (the CI is root); anyone else is told it is skipped. Cached in
# ${SITIMER_CI_CACHE:-~/.cache/sitimer-ci}: the debootstrap tarball, the apt archives, and the
# .deb by the git tree hash of what goes into it (so a second run does not build it again).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD

if [ "$(id -u)" -ne 0 ]; then
  echo "package test: skipped, it needs root (a chroot); the CI runs it" >&2
  exit 0
fi
for tool in debootstrap dpkg-deb Xvfb openbox xdotool import pdffonts; do
  command -v "$tool" >/dev/null || { echo "package test: $tool is missing (tools/system-deps.sh test)" >&2; exit 1; }
done

started=$SECONDS
cache=${SITIMER_CI_CACHE:-$HOME/.cache/sitimer-ci}
suite=${SITIMER_CHROOT_SUITE:-bookworm}
step() { echo "package test: $* ($((SECONDS - started)) s)"; }
fail() { echo "package test: $*" >&2; exit 1; }
fetch_args=()
case $suite in
bookworm | trixie)
  system="Debian $([ "$suite" = bookworm ] && echo 12 || echo 13)" mirror=${SITIMER_DEBIAN_MIRROR:-http://deb.debian.org/debian}
  ;;
jammy | noble)
  system="Ubuntu $([ "$suite" = jammy ] && echo 22.04 || echo 24.04)" mirror=${SITIMER_UBUNTU_MIRROR:-http://archive.ubuntu.com/ubuntu}
  keyring=/usr/share/keyrings/ubuntu-archive-keyring.gpg
  if [ -f "$keyring" ]; then fetch_args=(--keyring="$keyring"); else fetch_args=(--no-check-gpg); fi
  ;;
*) fail "SITIMER_CHROOT_SUITE: bookworm, trixie, jammy or noble, not '$suite'" ;;
esac
# The screenshots go to the cache; into docs/ only when asked (SITIMER_UPDATE_SHOTS=1), so that a
# run of make test leaves the clone as it was.
if [ "$suite" = bookworm ]; then
  archives=$cache/apt-archives shots=$cache/install-chroot
  [ "${SITIMER_UPDATE_SHOTS:-}" = 1 ] && shots=$repo/docs/screenshots/install-chroot
else
  archives=$cache/apt-archives-$suite shots=$cache/$suite-install-chroot
fi
# debootstrap 1.0.128 (Debian 12's) has no script for noble: jammy's serves
script=()
[ -e "/usr/share/debootstrap/scripts/$suite" ] || script=(/usr/share/debootstrap/scripts/jammy)
tarball=$cache/$suite-minbase.tgz
mkdir -p "$archives/partial"

# The package, built again only when what goes into it changed (a tree of the working files,
# written with a throw-away index, so nothing of the checkout's own index is touched).
index=$(mktemp)
rm -f "$index"
key=$(GIT_INDEX_FILE=$index git add -A -- sitimer programmes resources packaging pyproject.toml tools/package.sh &&
  GIT_INDEX_FILE=$index git write-tree)
rm -f "$index"
version=$(.venv/bin/python -c 'import sitimer; print(sitimer.__version__)')
deb=$cache/sitimer_${version}_amd64-$key.deb
if [ ! -f "$deb" ]; then
  step "building the package"
  tools/package.sh
  find "$cache" -maxdepth 1 -name 'sitimer_*.deb' -delete
  cp "dist/sitimer_${version}_amd64.deb" "$deb"
fi

# The oldest system the package is for is Ubuntu 22.04 (glibc 2.35); a newer system's graphics
# drivers need its own C++ runtime, which a bundled one would stand in front of.
glibc=$(dpkg-deb -f "$deb" Depends | grep -o 'libc6 (>= [0-9.]*)' | grep -o '[0-9.]*)$')
dpkg --compare-versions "${glibc%)}" le 2.35 ||
  fail "the package needs glibc ${glibc%)}: Ubuntu 22.04 (2.35) could not install it"
if dpkg-deb -c "$deb" | grep -q '/libstdc++\.so'; then fail "the bundle carries its own libstdc++"; fi

root=$(mktemp -d /tmp/sitimer-chroot.XXXXXX)
chmod 755 "$root" # mktemp makes it 0700: the patient could not run anything in it
display_pid=""
wm_pid=""
cleanup() {
  [ -n "$wm_pid" ] && kill "$wm_pid" 2>/dev/null
  [ -n "$display_pid" ] && kill "$display_pid" 2>/dev/null
  for mount in tmp/.X11-unix var/cache/apt/archives dev/pts dev proc; do
    mountpoint -q "$root/$mount" && umount -l "$root/$mount"
  done
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT

if [ ! -f "$tarball" ]; then
  step "fetching $system minbase (once${fetch_args[0]:+, $fetch_args})"
  debootstrap --variant=minbase "${fetch_args[@]}" --make-tarball="$tarball" "$suite" "$root/make" "$mirror" "${script[@]}" >/dev/null
  rm -rf "$root/make"
fi
step "unpacking $system minbase"
debootstrap --variant=minbase "${fetch_args[@]}" --unpack-tarball="$tarball" "$suite" "$root" "$mirror" "${script[@]}" >/dev/null
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount --bind "$archives" "$root/var/cache/apt/archives"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/sitimer_${version}_amd64.deb"

step "apt-get install ./sitimer_${version}_amd64.deb"
# Without the Recommends (voice and sound server): the least a patient can have must work.
chroot "$root" env DEBIAN_FRONTEND=noninteractive sh -c \
  "apt-get update -qq && apt-get install -y -qq --no-install-recommends ./tmp/sitimer_${version}_amd64.deb" \
  >"$root/tmp/apt.log" 2>&1 || { cat "$root/tmp/apt.log"; exit 1; }

# A desktop has the MIME and desktop databases: with them, a NAME.sitimer.yaml opens in sitimer.
desktop-file-validate packaging/linux/*.desktop
# gio is what GNOME's Files asks (xdg-mime without a desktop asks `file`, which knows no globs).
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  shared-mime-info desktop-file-utils libglib2.0-bin >>"$root/tmp/apt.log" 2>&1 || { cat "$root/tmp/apt.log"; exit 1; }
cp programmes/si-gewricht.yaml "$root/tmp/oefeningen.sitimer.yaml" # as a therapist would hand it out
type=$(chroot "$root" gio info -a standard::content-type /tmp/oefeningen.sitimer.yaml | sed -n 's/.*content-type: //p')
[ "$type" = application/x-sitimer-programme ] || fail "a .sitimer.yaml file is '$type'"
opener=$(chroot "$root" gio mime application/x-sitimer-programme) # no `| head`: pipefail and SIGPIPE
opener=${opener%%$'\n'*}
[[ $opener == *': sitimer-run.desktop' ]] || fail "a programme file does not open in sitimer: $opener"

# As a patient: a user of their own, a fresh home, the Dutch locale a Dutch desktop gives.
chroot "$root" useradd --create-home --shell /bin/sh patient
as_patient() { chroot --userspec=patient:patient "$root" env -i HOME=/home/patient USER=patient \
  PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"; }
# Nothing on stderr but what is named: the commands here speak no words and play no sound, so even
# the notices about a missing voice or sound server do not come; a traceback or a Qt warning fails.
# check_stderr FILE WHAT [ALLOWED]: ALLOWED, an extended regex of lines that may come.
check_stderr() {
  local unexpected
  unexpected=$(grep -Ev "${3:-^$}" "$1" || true)
  [ -z "$unexpected" ] || { cat "$1" >&2; fail "$2: unexpected lines on stderr"; }
}

step "validate and plan"
programmes=/opt/sitimer/_internal/sitimer/programmes
as_patient sh -c "sitimer-cli validate $programmes/*.yaml" >"$root/tmp/validate.out" 2>"$root/tmp/validate.err" ||
  { cat "$root/tmp/validate.out" "$root/tmp/validate.err"; fail "validate failed"; }
[ "$(grep -c ': ok' "$root/tmp/validate.out")" -eq 2 ] || fail "validate: not both programmes ok"
check_stderr "$root/tmp/validate.err" validate
for file in si-gewricht si-blokkade-herstel; do
  as_patient sitimer-cli plan "$programmes/$file.yaml" --lang nl >"$root/tmp/plan.out" 2>"$root/tmp/plan.err" ||
    { cat "$root/tmp/plan.err"; fail "plan $file failed"; }
  grep -q "min" "$root/tmp/plan.out" || fail "plan $file: no session length"
  check_stderr "$root/tmp/plan.err" "plan $file"
done

step "the window on an X display"
for n in $(seq 90 120); do [ -e "/tmp/.X11-unix/X$n" ] || break; done
Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
display_pid=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
DISPLAY=":$n" openbox >/dev/null 2>&1 &
wm_pid=$!
mkdir -p "$root/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"

# The handout: Qt's PDF printing, with the fonts the package depends on.
as_patient DISPLAY=":$n" sitimer-cli handout "$programmes/si-gewricht.yaml" --pdf /tmp/handout.pdf \
  >"$root/tmp/handout.out" 2>"$root/tmp/handout.err" || { cat "$root/tmp/handout.err" >&2; fail "handout failed"; }
grep -q "4 exercises" "$root/tmp/handout.out" || fail "handout: $(cat "$root/tmp/handout.out")"
[ "$(head -c 4 "$root/tmp/handout.pdf")" = "%PDF" ] || fail "handout: no PDF"
fonts=$(pdffonts "$root/tmp/handout.pdf")
[[ $fonts == *DejaVu* ]] || fail "handout: not in DejaVu (fonts-dejavu-core): $fonts"
# Nothing on stderr: the quiet rules keep Qt Multimedia from saying it has no PipeWire.
check_stderr "$root/tmp/handout.err" handout


as_patient DISPLAY=":$n" timeout 5 sitimer --reminders 2>"$root/tmp/reminders.err" && status=0 || status=$?
[ "$status" -eq 124 ] || { cat "$root/tmp/reminders.err" >&2; fail "sitimer --reminders ended by itself ($status)"; }
check_stderr "$root/tmp/reminders.err" "sitimer --reminders"

# A minbase system has no nl_NL locale (Qt would say so on stderr): the language is asked for.
as_patient DISPLAY=":$n" timeout 30 sitimer --lang nl 2>"$root/tmp/window.err" &
app=$!
window=$(DISPLAY=":$n" timeout 30 xdotool search --sync --onlyvisible --name sitimer) ||
  { cat "$root/tmp/window.err" >&2; fail "no sitimer window in 30 s"; }
window=${window%%$'\n'*}
sleep 2 # let it paint its first frames before the picture
DISPLAY=":$n" import -window root "$shots.png"
# Alt+F4 is openbox's close; a key sent as the focus is still moving can be lost, so it is sent
# again (at most 5 times) while sitimer runs.
for _ in $(seq 5); do
  kill -0 "$app" 2>/dev/null || break
  DISPLAY=":$n" xdotool windowactivate --sync "$window" key --clearmodifiers alt+F4 2>/dev/null || true
  sleep 1
done
wait "$app" && status=0 || status=$?
[ "$status" -eq 0 ] || { cat "$root/tmp/window.err" >&2; fail "the window did not close on Alt+F4 ($status)"; }
check_stderr "$root/tmp/window.err" "the window"

step "a programme file opened as a file manager does"
# The file manager runs the type's default application (sitimer-run.desktop) with the file.
as_patient DISPLAY=":$n" gio launch /usr/share/applications/sitimer-run.desktop /tmp/oefeningen.sitimer.yaml \
  2>"$root/tmp/open.err" || { cat "$root/tmp/open.err" >&2; fail "gio launch failed"; }
window=$(DISPLAY=":$n" timeout 30 xdotool search --sync --onlyvisible --name sitimer) ||
  { cat "$root/tmp/open.err" >&2; fail "no window in 30 s after opening the file"; }
window=${window%%$'\n'*}
pid=$(DISPLAY=":$n" xdotool getwindowpid "$window")
sleep 2
# `sitimer open FILE`: the picker on the file, ready to start; Enter starts it, Enter past the
# question of pain before it, and the session is on.
DISPLAY=":$n" xdotool windowactivate --sync "$window" key Return 2>/dev/null || true
sleep 2
DISPLAY=":$n" xdotool key Return
sleep 3
DISPLAY=":$n" import -window root "$root/tmp/open.png"
kill "$pid"
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -9 "$pid" 2>/dev/null || true # before the chroot is taken down
# The session speaks: a system without the Recommends says once that there is no voice.
if grep -q Traceback "$root/tmp/open.err"; then cat "$root/tmp/open.err" >&2; fail "opening the file: a traceback"; fi
cp "$root/tmp/open.png" "$shots-open.png"
# What the window said is kept for the patient as well, dated, in the data folder's log.
log="$root/home/patient/.local/share/sitimer/sitimer.log"
[ -f "$log" ] || fail "no sitimer.log in the patient's data folder"
grep -Eq '^[0-9-]{10} [0-9:]{8} --- sitimer [0-9.]+, process [0-9]+: sitimer open ' "$log" ||
  { cat "$log" >&2; fail "sitimer.log: no heading for the session"; }
grep -q "No sound device" "$log" || { cat "$log" >&2; fail "sitimer.log: the session's notice is not in it"; }
[ "$(stat -c %a "$log")" = 600 ] || fail "sitimer.log: readable by others"
sed 's/^/package test: stderr of the session: /' "$root/tmp/open.err"

step "an upgrade under the reminders"
# dpkg puts a new version's files in place (a new file, renamed over the old) while the reminders
# started at login run the old program: asked for its window, the old one ends, the new one starts.
sockets="$root/tmp/sitimer-*/*.sock"
as_patient DISPLAY=":$n" timeout 60 sitimer --reminders 2>"$root/tmp/old.err" &
old=$!
for _ in $(seq 150); do compgen -G "$sockets" >/dev/null && break; sleep 0.1; done
compgen -G "$sockets" >/dev/null || { cat "$root/tmp/old.err" >&2; fail "the reminders do not listen"; }
cp -p "$root/opt/sitimer/sitimer" "$root/opt/sitimer/sitimer.dpkg-new"
mv "$root/opt/sitimer/sitimer.dpkg-new" "$root/opt/sitimer/sitimer"
as_patient DISPLAY=":$n" timeout 60 sitimer --lang nl 2>"$root/tmp/new.err" &
new=$!
for _ in $(seq 150); do kill -0 "$old" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$old" 2>/dev/null; then
  cat "$root/tmp/old.err" "$root/tmp/new.err" >&2
  fail "the old sitimer went on after the upgrade"
fi
window=$(DISPLAY=":$n" timeout 30 xdotool search --sync --onlyvisible --name sitimer) ||
  { cat "$root/tmp/new.err" >&2; fail "no window from the new sitimer"; }
window=${window%%$'\n'*}
kill -0 "$new" 2>/dev/null || { cat "$root/tmp/new.err" >&2; fail "the new start ended instead of showing its window"; }
pid=$(DISPLAY=":$n" xdotool getwindowpid "$window")
kill "$pid"
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -9 "$pid" 2>/dev/null || true
wait "$new" 2>/dev/null || true
grep -q "installed anew" "$root/tmp/old.err" || { cat "$root/tmp/old.err" >&2; fail "the old sitimer did not say why it ended"; }
if grep -q Traceback "$root/tmp/old.err" "$root/tmp/new.err"; then
  cat "$root/tmp/old.err" "$root/tmp/new.err" >&2
  fail "the upgrade: a traceback"
fi
step "passed in $system"
[ $((SECONDS - started)) -le 180 ] || echo "package test: took over 3 min; CI time is budgeted at 3" >&2
