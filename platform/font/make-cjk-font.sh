#!/bin/sh
# Makes the LCD's font, src/main/resources/fonts/relayboard_cjk_16px.ejf, and the table of its characters the firmware
# escapes by, src/main/resources/fonts/relayboard_cjk_16px.glyphs, from Debian packages (platform/README.md, "The
# LCD's font"). Run from the repository root after `mvn -B -o -q -DskipTests package` (it needs the host platform jar):
#   platform/font/make-cjk-font.sh            regenerate the font from the committed character list
#   platform/font/make-cjk-font.sh --hanzi    first rebuild the character list from Debian's unicode-data
# Debian packages: fonts-wqy-microhei (the glyphs), unicode-data (the character list; only for --hanzi).
# platform/gate's MicroejProjectFilesTest regenerates the font the same way and fails when the committed files differ.
set -eu
cd "$(dirname "$0")/../.."
HANZI=platform/font/hanzi-tgh-level1.txt
if [ "${1:-}" = "--hanzi" ]; then
    # Level 1 of the Table of General Standard Chinese Characters (2013): its 3,500 most used hanzi. Unihan's kTGH
    # gives each character's position in that table ("2013:123"); positions 1 to 3500 are level 1.
    {
        echo "# Level 1 (positions 1-3500) of the Table of General Standard Chinese Characters (Tongyong Guifan"
        echo "# Hanzi Biao, 2013), in table order: Unihan kTGH, Debian unicode-data $(dpkg-query -W -f='${Version}' unicode-data)."
        echo "# Made by platform/font/make-cjk-font.sh --hanzi; one code point a line."
        bzcat /usr/share/unicode/Unihan_OtherMappings.txt.bz2 \
            | awk -F'\t' '$2 == "kTGH" { n = split($3, v, " "); for (i = 1; i <= n; i++) { split(v[i], p, ":");
                  if (p[1] == "2013" && p[2] + 0 >= 1 && p[2] + 0 <= 3500) print p[2], $1 } }' \
            | sort -n | awk '{ print $2 }'
    } > "$HANZI.tmp"
    mv "$HANZI.tmp" "$HANZI"
fi
JAR=$(ls platform/host/target/relayboard-host-platform-*.jar | grep -v -e '-api\.jar' -e '-thread-agent\.jar' -e '-sources\.jar' | head -n 1)
java -Djava.awt.headless=true -cp "$JAR" com.relayboard.host.font.CjkFontGenerator \
    --ttc /usr/share/fonts/truetype/wqy/wqy-microhei.ttc \
    --hanzi "$HANZI" \
    --fonts-list src/main/resources/relayboard.fonts.list \
    --resources src/main/resources
