# Sourced by ./mvnw and ./kontak: Kontak needs JDK 21+. When JAVA_HOME is unset and the default
# java is older, use the newest JDK >= 21 installed under /usr/lib/jvm (Debian/Ubuntu layout).
kontak_java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [ -z "${JAVA_HOME-}" ]; then
  if ! command -v java >/dev/null 2>&1 || [ "$(kontak_java_major java)" -lt 21 ] 2>/dev/null; then
    kontak_best=0
    for kontak_jdk in $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 -type d 2>/dev/null); do
      kontak_major="$(kontak_java_major "$kontak_jdk/bin/java" 2>/dev/null || true)"
      if [ -x "$kontak_jdk/bin/javac" ] && [ "${kontak_major:-0}" -ge 21 ] 2>/dev/null && [ "$kontak_major" -gt "$kontak_best" ]; then
        kontak_best="$kontak_major"; JAVA_HOME="$kontak_jdk"; export JAVA_HOME
      fi
    done
  fi
fi
