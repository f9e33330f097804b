# Sourced by .ci/test and .ci/services.sh: installs what the browser and load balancer tests run
# when it is missing — Debian's Chromium with its chromedriver, and Debian's HAProxy (the load
# balancer test runs its own) — with apt-get, through sudo unless root, and exports where the tests
# find HAProxy. Never a browser build of its own.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing: $* (Debian's package names). Install them, or see \"Tests\" in README.md for the variables that point the tests elsewhere." >&2
    exit 1
  fi
  if [ $apt_updated = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
}

# Where Browser.java looks for them.
if [ ! -x "${BANYAN_TEST_CHROMIUM:-/usr/bin/chromium}" ] || [ ! -x "${BANYAN_TEST_CHROMEDRIVER:-/usr/bin/chromedriver}" ]; then
  apt_install chromium chromium-driver || {
    echo "Could not install Debian's chromium and chromium-driver packages (Ubuntu has them only as a snap): install a Chromium and its chromedriver, and set BANYAN_TEST_CHROMIUM and BANYAN_TEST_CHROMEDRIVER to them." >&2
    exit 1
  }
fi

haproxy_path() { command -v haproxy 2>/dev/null || { [ -x /usr/sbin/haproxy ] && echo /usr/sbin/haproxy; }; }
if [ -z "$(haproxy_path)" ]; then
  apt_install haproxy
  # The test starts HAProxy itself, in the foreground: no daemon of the package's own.
  as_root service haproxy stop >/dev/null 2>&1 || true
  as_root systemctl disable haproxy >/dev/null 2>&1 || as_root update-rc.d haproxy disable >/dev/null 2>&1 || true
fi
export BANYAN_TEST_HAPROXY="$(haproxy_path)"
