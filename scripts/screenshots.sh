#!/usr/bin/env bash
# Renders two built-in templates with the command line's `preview` and screenshots them with headless Chromium:
#   docs/images/builtin-signin-en.png                  SignIn in English
#   docs/images/builtin-organization-invitation-es.png OrganizationInvitation in Spanish
#
# Needs Java 17+, Maven and Chromium (Debian: apt-get install -y chromium).
# MVN overrides the Maven command; SKIP_BUILD=1 reuses an existing connector-cli/target/email-connectors.jar.
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=${MVN:-mvn}
JAR=connector-cli/target/email-connectors.jar
OUT=docs/images
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [[ -z "$CHROMIUM" ]]; then
  echo "Chromium not found; on Debian or Ubuntu: apt-get install -y chromium" >&2
  exit 1
fi

if [[ "${SKIP_BUILD:-}" != 1 || ! -f "$JAR" ]]; then
  $MVN -q -DskipTests -pl connector-cli -am package
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Sample branding: a small SVG logo as a data: URL, a sender name, company details and a brand color.
logo_svg='<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40"><rect width="40" height="40" rx="10" fill="#0E7C66"/><path d="M11 30 20 10l9 20h-5.5L20 21.5 16.5 30z" fill="#fff"/></svg>'
logo="data:image/svg+xml;base64,$(printf '%s' "$logo_svg" | base64 | tr -d '\n')"
cat > "$work/branding.json" <<JSON
{
  "senderName": "Acme Cloud",
  "companyInformation": "Acme Cloud Inc. · 100 Market Street, Suite 300, Springfield",
  "appLogo": "$logo",
  "primaryColor": "#0E7C66"
}
JSON

java -jar "$JAR" preview builtin --config "$work/branding.json" --template SignIn --locale en \
  --code 493817 --out "$work/signin-en"
java -jar "$JAR" preview builtin --config "$work/branding.json" --template OrganizationInvitation --locale es \
  --link "https://auth.acme.example/invitations/accept?token=8f2c1a" \
  --var organization.name="Globex" --var inviter.name="Grace Hopper" \
  --out "$work/invitation-es"

shoot() { # <html file> <png file>
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$(mktemp -d -p "$work")" \
    --window-size=700,900 --screenshot="$2" "file://$1" >/dev/null 2>&1
  test -s "$2"
  echo "wrote $2"
}
mkdir -p "$OUT"
shoot "$work/signin-en/body.html" "$(pwd)/$OUT/builtin-signin-en.png"
shoot "$work/invitation-es/body.html" "$(pwd)/$OUT/builtin-organization-invitation-es.png"
