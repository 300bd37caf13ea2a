#!/usr/bin/env bash
# Several machines, for real: network namespaces on one Linux box stand for four hosts on one LAN (a bridge):
#   ht-db     10.77.0.10  PostgreSQL (started from the installed binaries, as tests/Shared/PostgresServer.cs does)
#   ht-hosta  10.77.0.11  two silos (hosta-silo0, hosta-silo1)
#   ht-hostb  10.77.0.12  two silos (hostb-silo0, hostb-silo1)
#   ht-coord  10.77.0.20  the Coordinator (HTTP :5080)
# The processes are started as README "Deploying on several machines" says: the `dotnet publish` output, the same
# environment settings (TLS with one cluster certificate, a token). The script starts a synthetic study through the
# Coordinator's API, checks that trials train on both silo hosts, cuts host B's link, measures how long until host B's
# trials train again on host A, brings the link back, checks that host B's silos rejoin (restarted as systemd's
# Restart=on-failure would) and take new trials, and that a silo with an untrusted certificate or a skewed clock is
# refused with a clear log line. Needs root (ip netns), PostgreSQL's binaries, faketime (installed when missing), jq.
#
#   sudo bash tests/multihost/run.sh            # publishes into $HT_MH_DIR (default /tmp/ht-multihost)
#   HT_MH_SKIP_PUBLISH=1 bash tests/multihost/run.sh   # reuse the last publish
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${HT_MH_DIR:-/tmp/ht-multihost}
run=$work/run
net=10.77.0
token=multihost-token-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
dbpass=multihost-db-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
api=http://$net.20:5080
declare -A ip=([ht-db]=$net.10 [ht-hosta]=$net.11 [ht-hostb]=$net.12 [ht-coord]=$net.20)
declare -A short=([ht-db]=db [ht-hosta]=a [ht-hostb]=b [ht-coord]=c)
pids=()
started=$(date +%s)

log() { printf '%(%H:%M:%S)T  %s\n' -1 "$*"; }
fail() { log "FAIL: $*"; exit 1; }
now() { date +%s.%N; }

cleanup() {
  set +e
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  # The restart loops' children (a silo of a cut host may hang in its shutdown): every process of this run's publish.
  pkill -9 -f "^$work/(silo|coordinator)/HyperTune\\." 2>/dev/null
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  [[ -d $run/pg ]] && ip netns exec ht-db runuser -u postgres -- "$pgbin/pg_ctl" -D "$run/pg" -m immediate -w stop >/dev/null 2>&1
  for ns in "${!ip[@]}"; do ip netns del "$ns" 2>/dev/null; ip link del "ht-${short[$ns]}-h" 2>/dev/null; done
  ip link del ht-br0 2>/dev/null
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[[ $(id -u) == 0 ]] || fail "needs root (network namespaces)"
command -v jq >/dev/null || fail "needs jq"
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x $pgbin/initdb ]] || fail "PostgreSQL binaries not found under /usr/lib/postgresql/<version>/bin"
faketime=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
[[ -f $faketime ]] || DEBIAN_FRONTEND=noninteractive apt-get install -y -q faketime >/dev/null

# --- build once, copy everywhere (README) ---------------------------------------------------------------------------
mkdir -p "$work"
if [[ -z ${HT_MH_SKIP_PUBLISH:-} || ! -x $work/silo/HyperTune.Silo ]]; then
  log "publishing the silo and the Coordinator (README: dotnet publish … -c Release -o …)"
  (cd "$repo" && dotnet publish src/Silo -c Release -o "$work/silo" >"$work/publish.log" 2>&1 \
    && dotnet publish src/Coordinator -c Release -o "$work/coordinator" >>"$work/publish.log" 2>&1) || fail "publish failed: $work/publish.log"
fi
rm -rf "$run" && mkdir -p "$run" && chmod 755 "$work" "$run"

# --- the LAN ----------------------------------------------------------------------------------------------------------
cleanup; set -e
ip link add ht-br0 type bridge && ip addr add $net.1/24 dev ht-br0 && ip link set ht-br0 up
for ns in ht-db ht-hosta ht-hostb ht-coord; do
  ip netns add "$ns"
  ip link add "ht-${short[$ns]}-h" type veth peer name "ht-${short[$ns]}-n"
  ip link set "ht-${short[$ns]}-h" master ht-br0 up
  ip link set "ht-${short[$ns]}-n" netns "$ns"
  ip netns exec "$ns" ip link set lo up
  ip netns exec "$ns" ip link set "ht-${short[$ns]}-n" name eth0
  ip netns exec "$ns" ip addr add "${ip[$ns]}/24" dev eth0
  ip netns exec "$ns" ip link set eth0 up
done
# Runs a command on a host: its own network and its own host name (what the membership table records).
on() { local ns=$1; shift; ip netns exec "$ns" unshare --uts sh -c "hostname ${ns#ht-}; exec \"\$@\"" sh "$@"; }

# --- PostgreSQL on ht-db --------------------------------------------------------------------------------------------
log "PostgreSQL on ht-db (${ip[ht-db]})"
mkdir -p "$run/pg" && chown postgres "$run/pg"
runuser -u postgres -- "$pgbin/initdb" -D "$run/pg" -U postgres -A trust -E UTF8 --no-sync --locale=C >"$run/initdb.log"
echo "host all all $net.0/24 scram-sha-256" >>"$run/pg/pg_hba.conf"
ip netns exec ht-db runuser -u postgres -- "$pgbin/pg_ctl" -D "$run/pg" -l "$run/pg/postgres.log" -w -t 60 \
  -o "-c listen_addresses=${ip[ht-db]} -k $run/pg -c fsync=off -c synchronous_commit=off -c max_connections=200" start >/dev/null
psql_admin() { ip netns exec ht-db runuser -u postgres -- "$pgbin/psql" -h "$run/pg" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_admin -c "CREATE ROLE hypertune LOGIN PASSWORD '$dbpass'" -c "CREATE DATABASE hypertune OWNER hypertune"

# --- the cluster certificate (README, Security) ---------------------------------------------------------------------
mkdir -p "$run/etc" && cd "$run/etc"
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=hypertune-cluster" \
  -addext "extendedKeyUsage=serverAuth,clientAuth" -keyout cluster.key -out cluster.crt 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=some-other-cluster" \
  -addext "extendedKeyUsage=serverAuth,clientAuth" -keyout other.key -out other.crt 2>/dev/null
chmod 600 ./*.key

# --- silos (README: "A silo") ---------------------------------------------------------------------------------------
# start_silo NS NAME N [extra env...]: silo N of a host, silo port 11111+N, gateway 30000+N, HTTP 5090+N; restarted
# when it exits with an error, as systemd's Restart=on-failure (deploy/systemd) does, unless HT_ONCE=1.
start_silo() {
  local ns=$1 name=$2 n=$3; shift 3
  mkdir -p "$run/$name"
  (
    cd "$run/$name"
    export HyperTune__Storage__Provider=postgres
    export HyperTune__Storage__ConnectionString="Host=${ip[ht-db]};Database=hypertune;Username=hypertune;Password=$dbpass"
    export HyperTune__Cluster__SiloName=$name HyperTune__Cluster__SiloPort=$((11111 + n)) HyperTune__Cluster__GatewayPort=$((30000 + n))
    export HyperTune__Cluster__AdvertisedAddress=${ip[$ns]}
    export HyperTune__Training__Slots=2 HyperTune__Training__TorchThreads=1
    export HyperTune__Security__Token=$token
    export HyperTune__Cluster__Tls__CertificatePath=$run/etc/cluster.crt HyperTune__Cluster__Tls__KeyPath=$run/etc/cluster.key
    for setting in "$@"; do export "${setting?}"; done
    while :; do
      echo "=== start $(date -u +%FT%TZ)" >>silo.log
      on "$ns" "$work/silo/HyperTune.Silo" --urls "http://0.0.0.0:$((5090 + n))" >>silo.log 2>&1 && break
      [[ -n ${HT_ONCE:-} ]] && break
      sleep 5 # RestartSec=5
    done
  ) &
  pids+=($!)
}

for host in hosta hostb; do
  for n in 0 1; do start_silo "ht-$host" "$host-silo$n" "$n"; done
done

# --- the Coordinator (README: "The Coordinator") --------------------------------------------------------------------
mkdir -p "$run/coordinator"
(
  cd "$run/coordinator"
  export HyperTune__Cluster__PostgresConnectionString="Host=${ip[ht-db]};Database=hypertune;Username=hypertune;Password=$dbpass"
  export HyperTune__Security__Token=$token HyperTune__Security__AllowedHosts__0=${ip[ht-coord]}
  export HyperTune__Cluster__Tls__CertificatePath=$run/etc/cluster.crt HyperTune__Cluster__Tls__KeyPath=$run/etc/cluster.key
  exec ip netns exec ht-coord unshare --uts sh -c 'hostname coord; exec "$@"' sh "$work/coordinator/HyperTune.Coordinator" --urls http://0.0.0.0:5080 >coordinator.log 2>&1
) &
pids+=($!)

call() { curl -sS --max-time 20 -H "Authorization: Bearer $token" "$@"; }
# wait_for DESCRIPTION SECONDS COMMAND...: until COMMAND succeeds.
wait_for() {
  local what=$1 limit=$2; shift 2
  local deadline=$(($(date +%s) + limit))
  until "$@" >/dev/null 2>&1; do
    (($(date +%s) < deadline)) || fail "$what: not within ${limit}s ${seen:-}"
    sleep 0.5
  done
}
# wait_for_soft SECONDS COMMAND...: like wait_for, but answers false instead of failing.
wait_for_soft() {
  local deadline=$(($(date +%s) + $1)); shift
  until "$@" >/dev/null 2>&1; do (($(date +%s) < deadline)) || return 1; sleep 0.5; done
}
cluster() { call "$api/api/cluster"; }
active_silos() { cluster | jq -r '.silos[].name' | sort | tr '\n' ' '; }
has_silos() { [[ $(cluster | jq '[.silos[].name] | length') -ge $1 ]]; }

log "waiting for 4 silos through the Coordinator ($api)"
wait_for "4 silos" 240 has_silos 4
log "cluster: $(active_silos)"
[[ $(curl -s -o /dev/null -w '%{http_code}' "$api/api/cluster") == 401 ]] || fail "the API answered without the token"

# --- a synthetic study ----------------------------------------------------------------------------------------------
spec='{ "name": "multihost", "trainable": {"kind": "synthetic", "seconds_per_epoch": 0.5},
  "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-4, "high": 1e-2} },
  "budget": {"max_trials": 24, "max_concurrent_trials": 8, "max_epochs_per_trial": 60},
  "checkpoint_interval": 2, "seed": 13 }'
created=$(call -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -X POST "$api/api/studies?id=mh" -d "$spec")
[[ $created == 201 ]] || fail "study not created: HTTP $created"
trials() { call "$api/api/studies/mh/trials?limit=1000"; }
# Trials per host now: "hosta=N hostb=M" from the cluster's silos.
per_host() { cluster | jq -r '[.silos[] | {host, n: ((.trialIds + .syntheticTrialIds) | length)}] | group_by(.host) | map("\(.[0].host)=\(map(.n) | add)") | join(" ")'; }
both_hosts() { [[ $(cluster | jq '[.silos[] | select(((.trialIds + .syntheticTrialIds) | length) > 0) | .host] | unique | length') -ge 2 ]]; }
wait_for "trials on both silo hosts" 120 both_hosts
log "trials on both hosts: $(per_host)"
sleep 3 # let them pass a checkpoint or two (checkpoint_interval 2 × 0.5 s)

# --- cut host B -----------------------------------------------------------------------------------------------------
on_b=$(cluster | jq -r '.silos[] | select(.host == "hostb") | (.trialIds + .syntheticTrialIds)[]' | sort -u)
[[ -n $on_b ]] || fail "no trial on host B before the cut"
declare -A epoch_at_cut
before=$(trials)
for t in $on_b; do epoch_at_cut[$t]=$(jq --arg t "$t" '.[] | select(.trialId == $t) | .epoch' <<<"$before"); done
log "cutting host B's link (ip link set ht-b-h down); its trials: $(echo $on_b)"
cut_at=$(now)
ip link set ht-b-h down
# A trial is back when it trains on a host-A silo at an epoch past the one it had at the cut (or has finished), as
# the study sees it (GET /api/studies/mh/trials: one call to the study grain, which lives on host A).
recovered() {
  local t state silo epoch list
  list=$(call --max-time 5 "$api/api/studies/mh/trials?limit=1000") || { seen="(the study did not answer)"; return 1; }
  for t in $on_b; do
    read -r state silo epoch < <(jq -r --arg t "$t" '.[] | select(.trialId == $t) | [.state, .silo, .epoch] | @tsv' <<<"$list")
    seen="(last seen: $t $state $silo epoch $epoch, ${epoch_at_cut[$t]} at the cut)"
    case $state in Completed|Stopped|Pruned|Failed|Diverged) continue ;; esac
    [[ $silo == *"${ip[ht-hosta]}"* || $silo == hosta-* ]] && ((epoch > epoch_at_cut[$t])) || return 1
  done
}
# The silos' own word: each trial of host B logs "recovers on hosta-…" on the silo that takes it.
cut_clock=$(date -d "@${cut_at%.*}" +%H:%M:%S).${cut_at#*.}
recovered_in_logs() {
  local t
  for t in $on_b; do grep -qE "Trial $t of study mh (recovers on hosta-|ended)" "$run"/hosta-silo*/silo.log || return 1; done
}
wait_for "host B's trials restarted on host A (silo logs)" 120 recovered_in_logs
last=$(for t in $on_b; do grep -hE "Trial $t of study mh (recovers on hosta-|ended)" "$run"/hosta-silo*/silo.log | head -1 | cut -c1-12; done | sort | tail -1)
restart=$(python3 -c "import sys; f=lambda t: sum(float(x)*m for x,m in zip(t.split(':'),(3600,60,1))); print(round(f(sys.argv[2])-f(sys.argv[1]),1))" "${cut_clock:0:12}" "$last")
dead=$(grep -h "entered status Dead" "$run"/hosta-silo*/silo.log | cut -c1-12 | sort | head -1)
log "host B declared dead at $dead; its trials restarted on host A by $last: ${restart}s after the cut"
# The Coordinator's view: the study's trials training past their epoch at the cut on host A.
if wait_for_soft 90 recovered; then
  recovery=$(echo "$(now) - $cut_at" | bc)
  log "through the API: host B's trials train again on host A ${recovery}s after the cut"
else
  recovery="not seen through the API within 90 s $seen"
  log "the Coordinator's API did not show it: $recovery"
fi
dead_at=$(now)

# --- host B comes back ----------------------------------------------------------------------------------------------
ip link set ht-b-h up
log "host B's link is up again; its silos learn they were declared dead, stop, and are started again"
hostb_active() { [[ $(cluster | jq '[.silos[] | select(.host == "hostb")] | length') == 2 ]]; }
wait_for "host B's silos Active again" 240 hostb_active
log "rejoined after $(echo "$(now) - $dead_at" | bc)s: $(active_silos)"
departed=$(cluster | jq -r '.departed[] | "\(.name)@\(.host) last heard \(.lastHeard)"' | sort | tr '\n' ';')

# New trials on host B: a second study that fills the cluster.
spec2=${spec/\"multihost\"/\"multihost-after\"}
spec2=${spec2/\"seed\": 13/\"seed\": 14}
[[ $(call -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -X POST "$api/api/studies?id=mh2" -d "$spec2") == 201 ]] || fail "second study not created"
hostb_new() { [[ $(cluster | jq '[.silos[] | select(.host == "hostb") | (.trialIds + .syntheticTrialIds)[] | select(startswith("mh2"))] | length') -gt 0 ]]; }
wait_for "new trials on host B" 120 hostb_new
log "host B takes new trials: $(per_host)"
shot=${HT_MH_SCREENSHOT_TOOL:-$repo/../shared/tools/screenshot}
[[ -x $shot ]] || shot=/work/shared/tools/screenshot
if [[ -x $shot ]]; then
  "$shot" "$api/login?returnUrl=%2Fcluster#token=$token" "$run/cluster.png" 10000 1400x900 >"$run/screenshot.log" 2>&1 \
    && log "the dashboard's Cluster page: $run/cluster.png" || log "no screenshot (see $run/screenshot.log)"
fi

# --- refusals -------------------------------------------------------------------------------------------------------
log "a silo with a certificate the cluster does not trust (on host B, ports 11113/30003)"
HT_ONCE=1 start_silo ht-hostb hostb-badcert 2 HyperTune__Cluster__Tls__CertificatePath=$run/etc/other.crt HyperTune__Cluster__Tls__KeyPath=$run/etc/other.key
badcert_line() { grep -m1 -iE "certificate|tls|authenticat" "$run/hostb-badcert/silo.log"; }
wait_for "the untrusted silo's log line" 180 badcert_line
badcert=$(badcert_line)
wait_for "the untrusted silo to stay out" 5 bash -c "! curl -sS -H 'Authorization: Bearer $token' $api/api/cluster | grep -q hostb-badcert"

log "a silo whose clock is 2 minutes ahead (libfaketime)"
HT_ONCE=1 start_silo ht-hostb hostb-skewed 3 LD_PRELOAD=$faketime FAKETIME=+120s
skew_line() { grep -m1 "clock" "$run/hostb-skewed/silo.log"; }
wait_for "the skewed silo's log line" 120 skew_line
skew=$(skew_line)

# --- summary --------------------------------------------------------------------------------------------------------
wait_for "the first study to end" 300 bash -c "curl -sS -H 'Authorization: Bearer $token' $api/api/studies/mh | jq -e '.state == \"Completed\"'"
echo
echo "==================== multihost summary ===================="
for ns in ht-db ht-hosta ht-hostb ht-coord; do printf '  %-9s %s\n' "${ns#ht-}" "${ip[$ns]}"; done
echo "silos:"; cluster | jq -r '.silos[] | "  \(.name)  host \(.host)  \(.address)  \(if .draining then "draining" else "active" end)  cpu \(.cpuPercent)%  heard \(.lastHeardSecondsAgo)s ago"'
echo "trials of study mh by host (silo of their last run):"
trials | jq -r '.[].silo' | sed -E "s/.*${ip[ht-hosta]//./\\.}.*|^hosta.*/hosta/; s/.*${ip[ht-hostb]//./\\.}.*|^hostb.*/hostb/" | sort | uniq -c | sed 's/^/  /'
echo "trials that moved (study mh): $(call "$api/api/studies/mh/history" | jq '[.trials[] | select(any(.events[]; .kind == "recovering" or .kind == "resumed"))] | length')"
echo "host B cut at $cut_clock; declared dead at $dead; its trials restarted on host A ${restart}s after the cut (silo logs)"
echo "through the Coordinator's API: ${recovery}"
echo "departed silos: $departed"
echo "untrusted certificate: $badcert"
echo "skewed clock:          $skew"
echo "total time: $(($(date +%s) - started))s"
echo "logs: $run"
