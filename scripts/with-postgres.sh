#!/usr/bin/env bash
# with-postgres.sh — run COMMAND against a throwaway PostgreSQL server.
#
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
#
# Starts a private PostgreSQL cluster in a fresh temp dir (listening only on
# 127.0.0.1, on a free port), creates the database `tradeoff_test`, exports
#
#   TRADEOFF_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:PORT/tradeoff_test
#
# and runs COMMAND. Afterwards (also on failure, Ctrl-C or SIGTERM) the server
# is stopped and the temp dir removed. Exits with COMMAND's exit status.
# COMMAND runs in the foreground (so Ctrl-C reaches it); a SIGTERM sent to
# this script alone takes effect once COMMAND has exited.
#
# Finding PostgreSQL: initdb/pg_ctl from PATH, else the newest
# /usr/lib/postgresql/*/bin (or /usr/pgsql-*/bin). If none is found and we run
# as root on an apt system, `apt-get install postgresql` is attempted (the
# cluster Debian's package creates on port 5432 is neither used nor touched).
# If PostgreSQL still cannot be had:
#   CI=true  -> error, exit 1
#   else     -> one notice line, COMMAND runs without TRADEOFF_TEST_POSTGRES_URL
#               (PostgreSQL tests are then skipped).
#
# initdb refuses to run as root; as root the server runs as the `postgres`
# system user if it exists, else as a system user `tradeoff-pg` (created).
#
# Environment overrides (mainly for testing this script):
#   TRADEOFF_PG_BINDIR=DIR    use only DIR for initdb/pg_ctl/psql: no search,
#                             no install (e.g. /nonexistent simulates "missing")
#   TRADEOFF_PG_NO_INSTALL=1  never try to install PostgreSQL with apt-get
set -euo pipefail

readonly DB_NAME=tradeoff_test
readonly URL_VAR=TRADEOFF_TEST_POSTGRES_URL
readonly FALLBACK_USER=tradeoff-pg

die() {
    printf 'with-postgres: %s\n' "$*" >&2
    exit 1
}

if [[ $# -eq 0 ]]; then
    printf 'usage: %s COMMAND [ARGS...]\n' "$0" >&2
    exit 2
fi

tmp=""
run_as=""
started=0

# shellcheck disable=SC2317  # only invoked via trap
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ $started -eq 1 ]]; then
        if ! as_pg "$bindir/pg_ctl" -D "$tmp/data" -m immediate -w -t 30 stop >/dev/null 2>&1; then
            # Last resort: kill the postmaster directly.
            local pid=""
            if [[ -r $tmp/data/postmaster.pid ]]; then
                pid=$(head -n 1 "$tmp/data/postmaster.pid") || true
            fi
            if [[ $pid =~ ^[0-9]+$ ]]; then
                kill -KILL "$pid" 2>/dev/null || true
            fi
        fi
    fi
    if [[ -n $tmp ]]; then
        rm -rf -- "$tmp"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Run a command as the unprivileged server user (or as ourselves if not root),
# from inside the temp dir so an unreadable cwd does not bother it.
as_pg() {
    if [[ -z $run_as ]]; then
        (cd "$tmp" && "$@")
    elif command -v runuser >/dev/null 2>&1; then
        (cd "$tmp" && runuser -u "$run_as" -- "$@")
    elif command -v setpriv >/dev/null 2>&1; then
        (cd "$tmp" && setpriv --reuid="$run_as" --regid="$(id -g "$run_as")" --init-groups -- "$@")
    else
        (cd "$tmp" && su -s /bin/bash "$run_as" -c "$(printf '%q ' "$@")")
    fi
}

# Prints the bin dir holding initdb + pg_ctl, or fails.
find_bindir() {
    local dir exe
    if [[ -n ${TRADEOFF_PG_BINDIR:-} ]]; then
        [[ -x $TRADEOFF_PG_BINDIR/initdb && -x $TRADEOFF_PG_BINDIR/pg_ctl ]] || return 1
        printf '%s\n' "$TRADEOFF_PG_BINDIR"
        return 0
    fi
    if exe=$(command -v initdb 2>/dev/null); then
        dir=$(dirname -- "$(readlink -f -- "$exe")")
        if [[ -x $dir/pg_ctl ]]; then
            printf '%s\n' "$dir"
            return 0
        fi
    fi
    local candidates=()
    for dir in /usr/lib/postgresql/*/bin /usr/pgsql-*/bin; do
        [[ -x $dir/initdb && -x $dir/pg_ctl ]] && candidates+=("$dir")
    done
    [[ ${#candidates[@]} -gt 0 ]] || return 1
    printf '%s\n' "${candidates[@]}" | sort -V | tail -n 1
}

# Quietly apt-get install postgresql (root only); logs to $tmp/apt.log.
install_postgres() {
    local log=$tmp/apt.log updated=0
    [[ $EUID -eq 0 ]] || return 1
    command -v apt-get >/dev/null 2>&1 || return 1
    printf 'with-postgres: installing PostgreSQL with apt-get (log: %s)\n' "$log" >&2
    local install=(apt-get install -y -qq --no-install-recommends
        -o DPkg::Lock::Timeout=300 postgresql)
    # Only refresh the package lists when postgresql is not known yet.
    if ! apt-cache show postgresql >/dev/null 2>&1; then
        apt-get update -qq >>"$log" 2>&1 || true
        updated=1
    fi
    if DEBIAN_FRONTEND=noninteractive "${install[@]}" >>"$log" 2>&1; then
        return 0
    fi
    if [[ $updated -eq 0 ]]; then # stale lists? refresh once and retry
        apt-get update -qq >>"$log" 2>&1 || true
        DEBIAN_FRONTEND=noninteractive "${install[@]}" >>"$log" 2>&1 && return 0
    fi
    printf 'with-postgres: apt-get install postgresql failed; last lines of %s:\n' "$log" >&2
    tail -n 20 "$log" >&2 || true
    return 1
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null ||
        printf '%d\n' $((20000 + RANDOM % 40000))
}

if [[ $EUID -eq 0 ]]; then
    tmp=$(mktemp -d /tmp/tradeoff-pg.XXXXXX)  # must be reachable by the server user
else
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/tradeoff-pg.XXXXXX")
fi

bindir=""
if ! bindir=$(find_bindir); then
    if [[ -z ${TRADEOFF_PG_BINDIR:-} && ${TRADEOFF_PG_NO_INSTALL:-} != 1 ]] && install_postgres; then
        bindir=$(find_bindir) || bindir=""
    else
        bindir=""
    fi
fi

if [[ -z $bindir ]]; then
    if [[ ${CI:-} == true ]]; then
        die "PostgreSQL (initdb/pg_ctl) not found and could not be installed; it is required when CI=true"
    fi
    echo "PostgreSQL not available: PostgreSQL tests will be skipped" >&2
    rm -rf -- "$tmp"
    trap - EXIT INT TERM
    unset "$URL_VAR"
    exec "$@"
fi

# A client for CREATE DATABASE: same bin dir first, then PATH.
psql_bin=$bindir/psql
[[ -x $psql_bin ]] || psql_bin=$(command -v psql 2>/dev/null) || die "psql not found (needed to create $DB_NAME)"

if [[ $EUID -eq 0 ]]; then
    if getent passwd postgres >/dev/null 2>&1; then
        run_as=postgres
    else
        if ! getent passwd "$FALLBACK_USER" >/dev/null 2>&1; then
            # May race with a concurrent run; the re-check below settles it.
            useradd --system --no-create-home --shell /usr/sbin/nologin "$FALLBACK_USER" >/dev/null 2>&1 || true
        fi
        getent passwd "$FALLBACK_USER" >/dev/null 2>&1 || die "could not create system user $FALLBACK_USER"
        run_as=$FALLBACK_USER
    fi
    chown -R "$run_as:$(id -gn "$run_as")" "$tmp"
fi

as_pg mkdir -m 700 "$tmp/sock"

initdb_ok=0
for locale in C.UTF-8 C; do
    if as_pg "$bindir/initdb" -D "$tmp/data" -A trust -U postgres --encoding=UTF8 \
        --locale="$locale" --no-sync >"$tmp/initdb.log" 2>&1; then
        initdb_ok=1
        break
    fi
    as_pg rm -rf "$tmp/data"
done
if [[ $initdb_ok -ne 1 ]]; then
    printf 'with-postgres: initdb failed:\n' >&2
    tail -n 20 "$tmp/initdb.log" >&2 || true
    exit 1
fi

# Start; retry with another port if a concurrent process grabbed ours.
port=""
for _attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_pg "$bindir/pg_ctl" -w -t 60 -D "$tmp/data" -l "$tmp/postgres.log" -o \
        "-c listen_addresses=127.0.0.1 -p $port -k '$tmp/sock' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
        start >"$tmp/pg_ctl.log" 2>&1; then
        started=1
        break
    fi
    # Make sure a half-started server does not linger.
    as_pg "$bindir/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
    grep -qE 'Address already in use|could not create any TCP/IP sockets' "$tmp/postgres.log" 2>/dev/null || break
done
if [[ $started -ne 1 ]]; then
    printf 'with-postgres: PostgreSQL failed to start; last lines of the server log:\n' >&2
    tail -n 30 "$tmp/postgres.log" >&2 2>/dev/null || tail -n 30 "$tmp/pg_ctl.log" >&2 || true
    exit 1
fi

if ! "$psql_bin" -X -q -v ON_ERROR_STOP=1 \
    "host=127.0.0.1 port=$port user=postgres dbname=postgres sslmode=disable" \
    -c "CREATE DATABASE $DB_NAME" >"$tmp/createdb.log" 2>&1; then
    printf 'with-postgres: could not create database %s:\n' "$DB_NAME" >&2
    tail -n 20 "$tmp/createdb.log" >&2 || true
    exit 1
fi

version=$("$bindir/pg_ctl" --version | sed -n 's/.*(PostgreSQL) \([^ ]*\).*/\1/p')
printf 'PostgreSQL %s on 127.0.0.1:%s (throwaway, %s)\n' "${version:-?}" "$port" "$tmp" >&2

export "$URL_VAR=postgresql+psycopg://postgres@127.0.0.1:$port/$DB_NAME"

status=0
"$@" || status=$?
exit "$status"
