#!/usr/bin/env bash
# Benchmarks kesgen end to end and prints one Markdown table (README, "Speed").
#
#   benchmarks/run.sh              full run: 10, 100, 1,000 and 10,000 tenants, 3 runs a figure (~35 minutes)
#   QUICK=1 benchmarks/run.sh      smoke run: 10, 100 and 1,000 tenants, 1 run a figure (a few minutes)
#
# Every topology has 10 instances (fewer below 10 tenants) and ECDSA P-256 certificates (Topologies.java). For each
# size: fresh (every certificate issued), no-op (nothing changed), check, one tenant added, one certificate rotated;
# through Maven (`mvn kesgen:...` in a project that declares the plugin; and again with the .mvn/jvm.config of the
# README's quick start), through the command-line jar (`java -jar kesgen.jar`, and the launcher cli/target/kesgen
# beside it, whose class-data archive is made by its first fresh run) when the reactor has the cli module, and
# in-process (JMH); a bare Maven goal (`mvn validate` in the same project) as the yardstick of the targets; peak heap (-Xlog:gc) and peak RSS (/usr/bin/time -v) of the
# Maven and JMH processes, all with -Xmx512m; and the seed runbook's way, one openssl process per step and
# certificate (`openssl req -x509` for key and certificate, then x509 -pubkey | pkey -outform DER | dgst -sha256
# for the identity), measured on a sample of certificates and extrapolated to the size.
#
# Every fresh run is timed in a new, never-used directory, and the trees are deleted only after the last figure:
# deleting the previous tree right before a fresh run made each fresh run slower than the one before.
#
# Settings (environment): REPEAT (runs a figure), SIZES, PATHS (default "maven mavencfg cli launcher jmh"), JMH_WARMUP, OPENSSL_SAMPLE (certificates timed for the
# baseline), WORK (scratch directory, default a new one under /tmp), MVN (default mvn), MVN_FLAGS (extra flags for
# every Maven call, e.g. -o), TABLE_ONLY=1 (print the table of $WORK's results again), SKIP_BUILD=1 (reuse the jars and $WORK/m2 of an earlier run). Maven runs with a throwaway local repository ($WORK/m2, seeded from ~/.m2/repository),
# so nothing is installed into yours. Not part of `mvn verify`.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then
  REPEAT=${REPEAT:-1}; SIZES=${SIZES:-"10 100 1000"}; JMH_WARMUP=${JMH_WARMUP:-1}; OPENSSL_SAMPLE=${OPENSSL_SAMPLE:-20}
else
  REPEAT=${REPEAT:-3}; SIZES=${SIZES:-"10 100 1000 10000"}; JMH_WARMUP=${JMH_WARMUP:-2}; OPENSSL_SAMPLE=${OPENSSL_SAMPLE:-100}
fi
MVN=${MVN:-mvn}
MVN_FLAGS=${MVN_FLAGS:-}
PATHS=${PATHS:-"maven mavencfg cli launcher jmh"}
JVM_CONFIG="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"   # the README's .mvn/jvm.config
WORK=${WORK:-$(mktemp -d /tmp/kesgen-bench.XXXXXX)}
JAVA_OPTS="-Xmx512m"
mkdir -p "$WORK"
m2="$WORK/m2"
results="$WORK/results.tsv"   # size, scenario, path, seconds, peak heap MB, peak RSS MB
if [ "${TABLE_ONLY:-0}" != 1 ]; then : > "$results"; : > "$WORK/openssl.tsv"; fi
log() { echo "[run.sh] $*" >&2; }
for tool in java openssl /usr/bin/time awk; do
  command -v "$tool" >/dev/null || { echo "run.sh needs $tool" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "run.sh needs /usr/bin/time (GNU time)" >&2; exit 2; }

# ---- build: the jars, and the plugin into the throwaway repository ----
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$here/pom.xml" | head -1)
if [ ! -d "$m2" ]; then
  log "seeding $m2 from ~/.m2/repository"
  mkdir -p "$m2"
  if [ -d "$HOME/.m2/repository" ]; then cp -r "$HOME/.m2/repository/." "$m2/"; fi
fi
log "building kesgen $version (jars, and the plugin into $m2)"
[ "${SKIP_BUILD:-0}" = 1 ] || [ "${TABLE_ONLY:-0}" = 1 ] || (cd "$here" && $MVN -B -q $MVN_FLAGS -Dmaven.repo.local="$m2" install -DskipTests -Dinvoker.skip -Dgpg.skip \
  >"$WORK/build.log" 2>&1) || { tail -40 "$WORK/build.log" >&2; exit 1; }
bench_jar="$here/benchmarks/target/benchmarks.jar"
cli_jar="$here/cli/target/kesgen.jar"
launcher="$here/cli/target/kesgen"
[ -f "$cli_jar" ] || { log "no cli/target/kesgen.jar: the command-line columns stay empty"; cli_jar=""; }
has() { case " $PATHS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# ---- measuring ----
# timed <size> <scenario> <path> <command...>: runs it once, appends a result line; fails the script if it fails
timed() {
  local size=$1 scenario=$2 path=$3; shift 3
  local gclog="$WORK/gc.log" tv="$WORK/time.txt"
  rm -f "$gclog"
  if ! GCLOG="$gclog" /usr/bin/time -v -o "$tv" "$@" >"$WORK/last.log" 2>&1; then
    tail -30 "$WORK/last.log" >&2; echo "failed: $*" >&2; exit 1
  fi
  local secs rss heap
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$tv")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2/1024}' "$tv")
  heap=$(peak_heap "$gclog")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$scenario" "$path" "$secs" "$heap" "$rss" >> "$results"
}

# the largest heap in use in a -Xlog:gc*,gc+heap+exit log: before any collection, or at exit; MB; "-" when the log
# names no heap (a run too short to collect whose exit line is missing), which the table shows as —
peak_heap() {
  [ -f "$1" ] || { echo "-"; return; }
  awk '
    /Pause/ && match($0, /[0-9]+M->[0-9]+M/) { v = substr($0, RSTART, RLENGTH); sub(/M->.*/, "", v); if (v+0 > max) max = v+0 }
    /garbage-first heap/ && match($0, /used [0-9]+K/) { v = substr($0, RSTART+5, RLENGTH-6); if (v/1024 > max) max = v/1024 }
    /Pause/ || /garbage-first heap/ { seen = 1 }
    END { if (seen) printf "%d", max; else printf "-" }' "$1"
}

# a Maven project that declares the plugin, with the benchmark topology
project() {
  local dir=$1 tenants=$2 jvmconfig=${3:-}
  [ ! -e "$dir" ] || { echo "run.sh: $dir exists; every run gets a new directory" >&2; exit 1; }
  mkdir -p "$dir"
  if [ -n "$jvmconfig" ]; then mkdir -p "$dir/.mvn"; echo "$jvmconfig" > "$dir/.mvn/jvm.config"; fi
  java -cp "$bench_jar" dev.kesgen.bench.Topologies "$dir" "$tenants"
  cat > "$dir/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bench</artifactId><version>1</version><packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>dev.kesgen</groupId><artifactId>kesgen-maven-plugin</artifactId><version>$version</version>
  </plugin></plugins></build>
</project>
EOF
}

add_tenant() { # appends a tenant to the first instance (its tenants list is the first flow list in the file)
  local file=$1 name=$2
  awk -v n="$name" '{print} /^    tenants:$/ && !done {print "      - { name: " n ", namespace: minio-" n " }"; done=1}' \
    "$file" > "$file.new" && mv "$file.new" "$file"
}

mvn_run() { # mvn_run <dir> <goal> [args]: as a user runs it
  local dir=$1 goal=$2; shift 2
  (cd "$dir" && MAVEN_OPTS="$JAVA_OPTS -Xlog:gc*=info,gc+heap+exit=info:file=$GCLOG" \
    $MVN -B $MVN_FLAGS -Dmaven.repo.local="$m2" "kesgen:$goal" "$@")
}
cli_run() {
  local dir=$1; shift
  (cd "$dir" && java $JAVA_OPTS "-Xlog:gc*=info,gc+heap+exit=info:file=$GCLOG" -jar "$cli_jar" "$@")
}
launcher_run() { # the launcher, with its archive in $WORK/cache (made by the first run)
  local dir=$1; shift
  (cd "$dir" && XDG_CACHE_HOME="$WORK/cache" KESGEN_JAVA_OPTS="$JAVA_OPTS -Xlog:gc*=info,gc+heap+exit=info:file=$GCLOG" \
    "$launcher" "$@")
}
bare_run() { # the yardstick: a bare Maven goal in the same project
  local dir=$1
  (cd "$dir" && MAVEN_OPTS="$JAVA_OPTS" $MVN -B $MVN_FLAGS -Dmaven.repo.local="$m2" validate)
}
export -f mvn_run cli_run launcher_run bare_run
export MVN MVN_FLAGS m2 JAVA_OPTS cli_jar launcher WORK

# scenarios <size> <path> <runner> [jvm.config]: the five scenarios through one front end; each repeat of fresh
# and no-op in a new directory, the trees kept until the end of the script
scenarios() {
  local size=$1 path=$2 runner=$3 jvmconfig=${4:-}
  local dir gen=generate chk=check rot=rotate rotarg
  if [ "$runner" = mvn_run ]; then rotarg="-Dkesgen.rotate=i0/t0"; else rotarg="i0/t0"; fi
  for r in $(seq "$REPEAT"); do
    dir="$WORK/$path-$size-$r"
    project "$dir" "$size" "$jvmconfig"
    timed "$size" fresh "$path" bash -c "$runner '$dir' $gen"
    timed "$size" no-op "$path" bash -c "$runner '$dir' $gen"
  done
  grep -q "Up to date" "$WORK/last.log" || { log "the no-op run was not up to date:"; tail -20 "$WORK/last.log" >&2; exit 1; }
  for r in $(seq "$REPEAT"); do timed "$size" check "$path" bash -c "$runner '$dir' $chk"; done
  for r in $(seq "$REPEAT"); do
    add_tenant "$dir/topology.yaml" "added$r"
    timed "$size" "tenant added" "$path" bash -c "$runner '$dir' $gen"
  done
  for r in $(seq "$REPEAT"); do timed "$size" "rotated" "$path" bash -c "$runner '$dir' $rot $rotarg"; done
  if [ "$path" = maven ]; then
    for r in $(seq "$REPEAT"); do timed "$size" "bare Maven goal" maven bash -c "bare_run '$dir'"; done
  fi
}

jmh() { # in-process: fresh, no-op and check at one size
  local size=$1 bench scenario
  local out="$WORK/jmh-$size.txt"
  for bench in firstRun noOpRun check; do
    case $bench in firstRun) scenario=fresh ;; noOpRun) scenario=no-op ;; check) scenario=check ;; esac
    rm -f "$WORK/gc-jmh.log"
    /usr/bin/time -v -o "$WORK/time.txt" java -jar "$bench_jar" "GenerateBenchmark.$bench\$" -p "tenants=$size" -f 1 \
      -wi "$JMH_WARMUP" -i "$REPEAT" \
      -jvmArgsAppend "$JAVA_OPTS -Xlog:gc*=info,gc+heap+exit=info:file=$WORK/gc-jmh.log" > "$out" 2>&1 \
      || { tail -30 "$out" >&2; exit 1; }
    local rss heap
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2/1024}' "$WORK/time.txt")
    heap=$(peak_heap "$WORK/gc-jmh.log")
    awk -v s="$size" -v sc="$scenario" -v h="$heap" -v r="$rss" \
      '/^Iteration +[0-9]+:/ {printf "%s\t%s\tjmh\t%.3f\t%s\t%s\n", s, sc, $3/1000, h, r}' "$out" >> "$results"
  done
}

openssl_baseline() { # the seed runbook's way for a sample of certificates; seconds for <size> (+10 servers)
  local size=$1 sample dir="$WORK/openssl-$1"
  local n=$(( size + 10 ))
  sample=$(( n < OPENSSL_SAMPLE ? n : OPENSSL_SAMPLE ))
  rm -rf "$dir"; mkdir -p "$dir"
  local start end
  start=$(date +%s.%N)
  for i in $(seq "$sample"); do
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$dir/$i.key" -out "$dir/$i.crt" \
      -days 365 -subj "/CN=t$i" 2>/dev/null
    openssl x509 -in "$dir/$i.crt" -pubkey -noout | openssl pkey -pubin -outform DER | openssl dgst -sha256 -r \
      > "$dir/$i.id"
  done
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" -v n="$n" -v s="$sample" 'BEGIN {printf "%.1f\t%s\n", (b-a)*n/s, (s<n ? "extrapolated from " s : "measured")}'
}

for size in $SIZES; do
  [ "${TABLE_ONLY:-0}" != 1 ] || break
  if has maven; then log "$size tenants: Maven"; scenarios "$size" maven mvn_run; fi
  if has mavencfg; then log "$size tenants: Maven with .mvn/jvm.config"; scenarios "$size" mavencfg mvn_run "$JVM_CONFIG"; fi
  if [ -n "$cli_jar" ] && has cli; then log "$size tenants: command-line jar"; scenarios "$size" cli cli_run; fi
  if [ -n "$cli_jar" ] && [ -x "$launcher" ] && has launcher; then
    log "$size tenants: the launcher"; rm -rf "$WORK/cache"; scenarios "$size" launcher launcher_run
  fi
  if has jmh; then log "$size tenants: JMH"; jmh "$size"; fi
  log "$size tenants: openssl baseline"
  printf '%s\t' "$size" >> "$WORK/openssl.tsv"
  openssl_baseline "$size" >> "$WORK/openssl.tsv"
done
if [ "${TABLE_ONLY:-0}" != 1 ] && [ "${KEEP:-0}" != 1 ]; then
  log "deleting the generated trees (after every figure was timed)"
  for size in $SIZES; do for path in maven mavencfg cli launcher; do rm -rf "$WORK/$path-$size-"*; done; done
  rm -rf "$WORK/openssl-"*
fi

# ---- the table: median (min–max) per figure ----
values() { # values <size> <scenario> <path> <column>: one a line, sorted
  awk -F'\t' -v s="$1" -v sc="$2" -v p="$3" -v c="$4" '$1==s && $2==sc && $3==p && $c != "-" {print $c+0}' "$results" | sort -g
}
median() { awk '{v[n++]=$1} END {if (n) print (n%2 ? v[(n-1)/2] : (v[n/2-1]+v[n/2])/2)}'; }
stat() { # stat <size> <scenario> <path> [column, default 4]: seconds as "median (min–max)", else the largest; or —
  local c=${4:-4} v
  v=$(values "$1" "$2" "$3" "$c")
  if [ -z "$v" ]; then printf '—'; return; fi
  if [ "$c" != 4 ]; then echo "$v" | tail -1 | tr -d '\n'; return; fi
  local n med
  n=$(echo "$v" | wc -l); med=$(echo "$v" | median)
  if [ "$n" = 1 ]; then printf '%.2f' "$med"
  else printf '%.2f (%.2f–%.2f)' "$med" "$(echo "$v" | head -1)" "$(echo "$v" | tail -1)"; fi
}
echo
echo "kesgen $version, $(date -u +%Y-%m-%d), $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)," \
  "$(java -version 2>&1 | head -1), $($MVN -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g; s/ (.*//'), $(openssl version | cut -d' ' -f1-2);" \
  "$REPEAT run(s) a figure, seconds as median (min–max); heap and RSS: the largest of the Maven runs (MB), -Xmx512m;" \
  "openssl: one process per step and certificate, 10 servers + tenants, timed on ${OPENSSL_SAMPLE} and extrapolated"
echo
echo "| tenants | scenario | Maven | Maven, jvm.config | jar | launcher | in-process (JMH) | peak heap / RSS (Maven) | openssl way | openssl ÷ Maven |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for size in $SIZES; do
  for sc in "bare Maven goal" fresh no-op check "tenant added" rotated; do
    ossl="" ratio=""
    if [ "$sc" = fresh ]; then
      read -r secs how < <(awk -F'\t' -v s="$size" '$1==s {print $2, $3}' "$WORK/openssl.tsv")
      ossl="$secs s${how:+ (${how/extrapolated/extrap.})}"
      med=$(values "$size" fresh maven 4 | median)
      ratio=$(awk -v a="$secs" -v b="$med" 'BEGIN {if (b > 0) printf "%.1f×", a/b}')
    fi
    printf '| %s | %s | %s | %s | %s | %s | %s | %s / %s | %s | %s |\n' "$size" "$sc" "$(stat "$size" "$sc" maven)" \
      "$(stat "$size" "$sc" mavencfg)" "$(stat "$size" "$sc" cli)" "$(stat "$size" "$sc" launcher)" \
      "$(stat "$size" "$sc" jmh)" "$(stat "$size" "$sc" maven 5)" \
      "$(stat "$size" "$sc" maven 6)" "$ossl" "$ratio"
  done
done
echo
echo "Against a bare Maven goal (median ÷ median of 'bare Maven goal' at the same size):"
echo
echo "| tenants | scenario | Maven | Maven, jvm.config | jar | launcher |"
echo "|---|---|---|---|---|---|"
for size in $SIZES; do
  bare=$(values "$size" "bare Maven goal" maven 4 | median)
  [ -n "$bare" ] || continue
  for sc in fresh no-op check; do
    row="| $size | $sc |"
    for path in maven mavencfg cli launcher; do
      med=$(values "$size" "$sc" "$path" 4 | median)
      row="$row $(awk -v a="$med" -v b="$bare" 'BEGIN {if (a != "" && b > 0) printf "%.2f×", a/b; else printf "—"}') |"
    done
    echo "$row"
  done
done
echo
echo "raw results: $results"
