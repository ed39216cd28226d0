#!/usr/bin/env bash
# Bulk-load kg's N-Quads (`kg export GRAPH --format nquads`, or `kg build --formats nquads`)
# into a running Virtuoso server with its own bulk loader, and make the graph queryable as kg
# queries it.
#
# Usage: bash scripts/virtuoso-bulk-load.sh [options] FILE.nq [FILE.nq.gz ...]
#
# Options:
#   --isql [HOST:]PORT  Virtuoso's SQL port (default localhost:1111; env VIRTUOSO_ISQL)
#   --user USER         SQL user (default dba; env VIRTUOSO_USER)
#   --password PASS     its password (default dba; env VIRTUOSO_PASSWORD keeps it off the
#                       command line of this script, isql-vt still receives it as an argument)
#   --graph IRI         graph of lines without a graph name (a Turtle file exported to N-Quads)
#                       (default urn:kg:default)
#   --union IRI         graph that receives the union of every kg graph, as a set: query with
#                       it as the default graph to get kg query's answers (default urn:kg:union);
#                       --union none: skip it
#   --replace           first delete every kg graph (IRI starting with
#                       https://w3id.org/newskg/id/graph/), the --graph and --union graphs:
#                       use it when loading a new build of the same articles
#   -q, --quiet         no summary line
#
# Steps, all in the server over isql (ISQL=isql-vt by default; `isql` for a source build):
#   1. the folder of each file must be in the server's DirsAllowed ([Parameters] of
#      virtuoso.ini; restart after changing it): Virtuoso reads the file itself, so it must be
#      on the server's disk and readable by the server's user;
#   2. ld_add(file, graph) registers the file (after forgetting an earlier load of the same
#      path, so that a second run loads it again), rdf_loader_run() loads it: each quad goes
#      into its own graph (one per article, kg:graph/entities, kg:graph/ontology), a line
#      without a graph name into --graph; then checkpoint makes the load durable;
#   3. DB.DBA.LOAD_LIST must show the file loaded (ll_state 2) without ll_error, else the
#      script exits 1 with the loader's message;
#   4. the union graph is filled with the distinct triples of all kg graphs. Why: kg query's
#      default graph is the union of the named graphs as a SET; Virtuoso's default graph
#      (no FROM, or several FROM) is the union as a BAG of quads, so a triple stated in 40
#      article graphs matches 40 times and rows repeat. The named graphs stay for GRAPH ?g.
#
# Exit status: 0 loaded; 1 the loader or a query failed; 2 bad usage or setup (isql missing,
# server not reachable, folder not allowed, file missing).
set -euo pipefail

prog="virtuoso-bulk-load"
isql_bin="${ISQL:-isql-vt}"
server="${VIRTUOSO_ISQL:-localhost:1111}"
user="${VIRTUOSO_USER:-dba}"
password="${VIRTUOSO_PASSWORD:-dba}"
graph="urn:kg:default"
union="urn:kg:union"
prefix="https://w3id.org/newskg/id/graph/"
replace=0
quiet=0
files=()

die() { echo "$prog: $2" >&2; exit "$1"; }
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --isql|--port) [ $# -ge 2 ] || die 2 "$1 needs a value"; server="$2"; shift 2 ;;
        --user) [ $# -ge 2 ] || die 2 "$1 needs a value"; user="$2"; shift 2 ;;
        --password) [ $# -ge 2 ] || die 2 "$1 needs a value"; password="$2"; shift 2 ;;
        --graph) [ $# -ge 2 ] || die 2 "$1 needs a value"; graph="$2"; shift 2 ;;
        --union) [ $# -ge 2 ] || die 2 "$1 needs a value"; union="$2"; shift 2 ;;
        --replace) replace=1; shift ;;
        -q|--quiet) quiet=1; shift ;;
        -h|--help) usage; exit 0 ;;
        --) shift; files+=("$@"); break ;;
        -*) die 2 "unknown option $1 (see --help)" ;;
        *) files+=("$1"); shift ;;
    esac
done

[ "${#files[@]}" -gt 0 ] || die 2 "no file given; usage: $0 [options] FILE.nq (see --help)"
command -v "$isql_bin" >/dev/null 2>&1 \
    || die 2 "$isql_bin not found: install Virtuoso (Debian: virtuoso-opensource, or bash scripts/install-interop.sh) or set ISQL=/path/to/isql"
case "$server" in *:*) ;; *) server="localhost:$server" ;; esac
[ "$union" = "none" ] && union=""
for iri in "$graph" ${union:+"$union"}; do
    [[ "$iri" =~ ^[A-Za-z][A-Za-z0-9+.-]*:[^[:space:]\<\>\"\'{}\|\\^\`]+$ ]] \
        || die 2 "not an absolute IRI: '$iri'"
done

# SQL string literal: single quotes doubled.
sql_str() { printf "'%s'" "${1//\'/\'\'}"; }

# Run SQL statements in one isql session; print what they print, or die with the error.
isql() {
    local out status=0
    out=$("$isql_bin" "$server" "$user" "$password" VERBOSE=OFF BANNER=OFF PROMPT=OFF ECHO=OFF \
        ERRORS=STDOUT "exec=$1" 2>&1) || status=$?
    if [ "$status" -ne 0 ] || [[ "$out" == *"*** Error"* ]]; then
        local message
        message=$(printf '%s\n' "$out" | grep -m1 -A0 'Error' | sed 's/^\*\*\* //')
        [ -n "$message" ] || message="isql exited with status $status"
        # Not reachable or refused login: a setup problem (2); anything else: a failure (1).
        case "$message" in
            *CL033*|*CL034*|*"Connect failed"*|*"Bad login"*)
                die 2 "cannot connect to Virtuoso at $server as $user: ${message}" ;;
            *FA003*)
                die 2 "${2:-}Virtuoso may not read that folder: add it to DirsAllowed in [Parameters] of virtuoso.ini and restart the server (${message})" ;;
        esac
        die 1 "${2:-}${message}"
    fi
    printf '%s\n' "$out"
}

# The first field of the first non-empty line isql printed.
first_value() { awk 'NF { print $1; exit }'; }

paths=()
for file in "${files[@]}"; do
    [ -f "$file" ] || die 2 "no such file: $file"
    case "$file" in
        *.nq|*.nq.gz|*.nq.bz2|*.nq.xz|*.nt|*.nt.gz|*.ttl|*.ttl.gz|*.trig|*.trig.gz) ;;
        *) die 2 "$file: Virtuoso's loader picks the format by extension; expected .nq (or .nq.gz, .nt, .ttl, .trig)" ;;
    esac
    paths+=("$(cd "$(dirname "$file")" && pwd -P)/$(basename "$file")")
done

start=$(date +%s.%N)
isql "SELECT 1;" >/dev/null

for path in "${paths[@]}"; do
    dir=$(dirname "$path")
    # sys_dirlist is checked against DirsAllowed (file_stat is not): fail before loading.
    isql "SELECT length(sys_dirlist($(sql_str "$dir"), 1));" "$dir: " >/dev/null
    seen=$(isql "SELECT file_stat($(sql_str "$path"), 1);" "$path: " | first_value)
    [ "$seen" != "0" ] || die 2 "the server cannot see $path (is it on the server's disk, readable by its user?)"
done

# The quads of kg: the graphs under kg's graph prefix and the graph of lines without one.
in_kg="(strstr(id_to_iri(G), $(sql_str "$prefix")) = 0 OR G = iri_to_id($(sql_str "$graph")))"
if [ "$replace" -eq 1 ]; then
    # Row-by-row autocommit without logging: deleting millions of quads in one transaction
    # would overflow the transaction log.
    # (A "G IN (SELECT DISTINCT G ...)" form is 100 times slower in Virtuoso 7.2.)
    isql "log_enable(3, 1); DELETE FROM DB.DBA.RDF_QUAD WHERE $in_kg
          ${union:+OR G = iri_to_id($(sql_str "$union"))}; checkpoint;" \
        "deleting the old kg graphs: " >/dev/null
fi

for path in "${paths[@]}"; do
    isql "DELETE FROM DB.DBA.LOAD_LIST WHERE ll_file = $(sql_str "$path");
          ld_add($(sql_str "$path"), $(sql_str "$graph"));" "$path: " >/dev/null
done
# rdf_loader_run() also loads any other file left waiting (ll_state 0) in the list.
isql "rdf_loader_run(); checkpoint;" "loading: " >/dev/null

for path in "${paths[@]}"; do
    state=$(isql "SELECT ll_state, coalesce(ll_error, 'none') FROM DB.DBA.LOAD_LIST
                  WHERE ll_file = $(sql_str "$path");" "$path: ")
    read -r code error <<<"$(printf '%s\n' "$state" | awk 'NF { $1 = $1; print; exit }')"
    if [ "${code:-}" != "2" ] || [ "${error:-}" != "none" ]; then
        if [ -z "${code:-}" ]; then
            error="not in DB.DBA.LOAD_LIST after rdf_loader_run()"
        elif [ "$error" = "none" ]; then
            error="not loaded (ll_state $code); see the server's virtuoso.log"
        fi
        die 1 "Virtuoso's loader failed on $path: ${error} (a failed file may be partly loaded: fix it and run again with --replace)"
    fi
done

if [ -n "$union" ]; then
    # The union as a set: RDF_QUAD's key is (G, S, P, O), so a triple stated in many graphs is
    # kept once. log_enable(3, 1) as above; then checkpoint.
    isql "log_enable(3, 1);
          INSERT SOFT DB.DBA.RDF_QUAD (G, S, P, O)
            SELECT iri_to_id($(sql_str "$union")), S, P, O FROM DB.DBA.RDF_QUAD WHERE $in_kg;
          checkpoint;" "filling the union graph <$union>: " >/dev/null
fi

if [ "$quiet" -eq 0 ]; then
    counts=$(isql "SELECT COUNT(*), COUNT(DISTINCT G) FROM DB.DBA.RDF_QUAD WHERE $in_kg;")
    read -r quads graphs <<<"$(printf '%s\n' "$counts" | awk 'NF { print $1, $2; exit }')"
    seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    line="$prog: ${#paths[@]} file(s) into $server: $quads quads in $graphs graphs"
    if [ -n "$union" ]; then
        triples=$(isql "SELECT COUNT(*) FROM DB.DBA.RDF_QUAD
                        WHERE G = iri_to_id($(sql_str "$union"));" | first_value)
        line="$line, $triples distinct triples in <$union>"
    fi
    echo "$line; $seconds s"
fi
