#!/usr/bin/env bash
# Regenerates the committed Java for aurora-api's Thrift IDL.
#
#   aurora-api/generate-thrift.sh           rewrite src/main/java/io/aurora/gen from the IDL
#   aurora-api/generate-thrift.sh --check   regenerate into a temp dir; exit 1 if the committed
#                                           code differs (CI runs this)
#
# Needs Debian's thrift-compiler 0.17.x (`apt-get install thrift-compiler`): other compiler
# versions produce different text, and 0.21+ output does not compile against our libthrift.
# The generated code is committed so that building needs no Thrift compiler.
set -euo pipefail

readonly REQUIRED_VERSION_PREFIX="0.17."
# generated_annotations=suppress: no @Generated annotation, so no dates and no javax.annotation.
readonly GENERATOR="java:generated_annotations=suppress"

module_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
idl_dir="${module_dir}/src/main/thrift"
java_dir="${module_dir}/src/main/java"
gen_subdir="io/aurora/gen"

die() {
  echo "generate-thrift.sh: $*" >&2
  exit 1
}

mode="write"
case "${1:-}" in
  "") ;;
  --check) mode="check" ;;
  -h|--help)
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *) die "unknown argument '$1' (expected no argument or --check)" ;;
esac

command -v thrift >/dev/null 2>&1 \
  || die "the 'thrift' compiler is not on PATH;" \
         "install it with: apt-get install thrift-compiler (0.17.x)"
version="$(thrift --version | awk '{print $3}')"
case "${version}" in
  "${REQUIRED_VERSION_PREFIX}"*) ;;
  *) die "thrift ${REQUIRED_VERSION_PREFIX}x is required," \
         "found '${version}' ($(command -v thrift))" ;;
esac

tmp="$(mktemp -d "${TMPDIR:-/tmp}/aurora-thrift.XXXXXX")"
trap 'rm -rf "${tmp}"' EXIT

# api.thrift first; storage.thrift includes it (found through -I) but does not regenerate it.
for idl in api.thrift storage.thrift; do
  thrift --gen "${GENERATOR}" -I "${idl_dir}" -out "${tmp}" "${idl_dir}/${idl}"
done

[ -d "${tmp}/${gen_subdir}" ] \
  || die "thrift produced nothing under ${gen_subdir}; check the java namespaces"

# package-info.java for each generated package (the project wants one per package).
cat > "${tmp}/${gen_subdir}/package-info.java" <<'JAVA'
/**
 * Java types generated from {@code aurora-api/src/main/thrift/api.thrift}: the scheduler's public
 * Thrift API, wire-compatible with Apache Aurora 0.22. Never edit: run
 * {@code aurora-api/generate-thrift.sh}. These structs are mutable; keep them at the edges.
 */
package io.aurora.gen;
JAVA
cat > "${tmp}/${gen_subdir}/storage/package-info.java" <<'JAVA'
/**
 * Java types generated from {@code aurora-api/src/main/thrift/storage.thrift}: log entries,
 * transactions of ops and snapshots. Never edit: run {@code aurora-api/generate-thrift.sh}.
 */
package io.aurora.gen.storage;
JAVA

if [ "${mode}" = "check" ]; then
  stale="$(cd "${tmp}" && diff -rq "${gen_subdir}" "${java_dir}/${gen_subdir}" 2>&1 || true)"
  if [ -n "${stale}" ]; then
    echo "generate-thrift.sh: the committed generated code is stale; these files differ:" >&2
    echo "${stale}" | sed "s#${tmp}/##; s#${module_dir}/##; s/^/  /" >&2
    echo "Run aurora-api/generate-thrift.sh and commit the result." >&2
    exit 1
  fi
  count="$(find "${tmp}/${gen_subdir}" -name '*.java' | wc -l)"
  echo "generate-thrift.sh: generated code is up to date (${count} files)"
  exit 0
fi

# Replace the whole generated tree so that types removed from the IDL disappear too.
rm -rf "${java_dir:?}/${gen_subdir}"
mkdir -p "${java_dir}/$(dirname "${gen_subdir}")"
cp -R "${tmp}/${gen_subdir}" "${java_dir}/${gen_subdir}"
count="$(find "${java_dir}/${gen_subdir}" -name '*.java' | wc -l)"
echo "generate-thrift.sh: wrote ${count} files to ${java_dir}/${gen_subdir}"
