#!/usr/bin/env bash
# Kills `annotate` and `train` with SIGKILL at random moments, RUNS times each, resumes every run,
# and checks that nothing is lost or corrupted and that every resumed run writes the bytes of an
# uninterrupted one (issue 16's crash goal). Small data written here; about 10 minutes on 2 cores.
#
#   it/scripts/kill-test.sh [RUNS] [SEED]        (RUNS default 20, SEED default 16)
#   ANNOTATE_RUNS=N TRAIN_RUNS=M it/scripts/kill-test.sh   (one command only: the other 0)
#
# Needs target/ctakes-dtn.jar (mvn package) or JAR=path. Exit 0 only when every check held.
set -euo pipefail

RUNS=${1:-20}
RANDOM=${2:-16}
ANNOTATE_RUNS=${ANNOTATE_RUNS:-$RUNS}
TRAIN_RUNS=${TRAIN_RUNS:-$RUNS}
JAR=$(realpath "${JAR:-target/ctakes-dtn.jar}")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kill-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
dtn() { java -jar "$JAR" "$@"; }

# --- data: 48 notes; CoNLL training and dev sentences (two entity types) ---
mkdir notes
sentences=("The patient was started on aspirin and metformin for type 2 diabetes."
  "No signs of pneumonia; hypertension is controlled with lisinopril."
  "Aspirin was stopped because of bleeding and acute renal failure."
  "She reports headache and nausea after taking ibuprofen.")
for n in $(seq 0 47); do
  for i in $(seq 0 $((n % 6))); do echo "${sentences[$(((n + i) % 4))]}"; done > "notes/note$n.txt"
done
conll() { # COUNT SEED
  awk -v count="$1" -v seed="$2" 'BEGIN {
    srand(seed); split("aspirin metformin lisinopril ibuprofen warfarin heparin", drug, " ");
    split("diabetes pneumonia hypertension headache nausea asthma", disease, " ");
    split("the patient was given for and reports with no signs of after", word, " ");
    for (s = 0; s < count; s++) {
      n = 5 + int(rand() * 8);
      for (t = 0; t < n; t++) {
        x = rand();
        if (x < 0.15) print drug[1 + int(rand() * 6)] "\tB-Chemical";
        else if (x < 0.3) { print disease[1 + int(rand() * 6)] "\tB-Disease"; if (rand() < 0.3) print "disease\tI-Disease" }
        else print word[1 + int(rand() * 12)] "\tO";
      }
      print "";
    }
  }'
}
conll 60 1 > train.tsv
conll 15 2 > dev.tsv
TRAIN=(train --train ../train.tsv --dev ../dev.tsv --out m.model --epochs 4 --patience 4 --word-hidden 8 --seed 7
  --threads 2 --no-learned-vectors)
ANNOTATE=(annotate --in notes --threads 2)

millis() { date +%s%3N; }
# Runs a command to the end in $1 and sets first_ms (when a file matching the glob $2 first
# appeared) and last_ms (when the listing of that file's folder last changed): kills are drawn from
# [first_ms - 1 s, last_ms], where there is work to interrupt, rather than mostly from the JVM's start.
timed_run() {
  local dir=$1 glob=$2
  shift 2
  local start
  start=$(millis)
  (cd "$dir" && exec java -jar "$JAR" "$@" > /dev/null 2>&1) &
  local pid=$!
  first_ms=""
  local listing="" now
  while kill -0 "$pid" 2> /dev/null; do
    if [ -z "$first_ms" ] && compgen -G "$dir/$glob" > /dev/null; then first_ms=$(($(millis) - start)); fi
    now=$(ls -A "$dir/$(dirname "$glob")" 2> /dev/null || true)
    if [ "$now" != "$listing" ]; then listing=$now; last_ms=$(($(millis) - start)); fi
    sleep 0.02
  done
  wait "$pid"
  run_ms=$(($(millis) - start))
  first_ms=${first_ms:-0}
}
# A moment in ms drawn uniformly from [first_ms - 1000, last_ms].
draw_delay() {
  local low=$((first_ms > 1000 ? first_ms - 1000 : 0))
  echo $((low + (RANDOM * 32768 + RANDOM) % (last_ms - low + 1)))
}
# Starts a command in $3 and kills it with SIGKILL at moment $1 (ms) of the uninterrupted run's
# timeline, whose first output ($4, a glob) came at first_ms: a moment before that is counted from
# the start, a later one from when this run's own first output appears, so that a busy machine's
# slower or faster start does not move the kill out of the work it is meant to interrupt.
kill_at() {
  local moment=$1 dir=$2 glob=$3
  shift 3
  local start
  start=$(millis)
  (cd "$dir" && exec java -jar "$JAR" "$@" > /dev/null 2>&1) &
  local pid=$!
  if [ "$moment" -lt "$first_ms" ]; then
    sleep "$(awk -v ms="$moment" 'BEGIN { printf "%.3f", ms / 1000 }')"
  else
    while kill -0 "$pid" 2> /dev/null && ! compgen -G "$dir/$glob" > /dev/null; do sleep 0.01; done
    sleep "$(awk -v ms="$((moment - first_ms))" 'BEGIN { printf "%.3f", ms / 1000 }')"
  fi
  if kill -9 "$pid" 2> /dev/null; then killed_running=1; else killed_running=0; fi
  wait "$pid" 2> /dev/null || true
}

# --- annotate ---
annotate_ok=1
if [ "$ANNOTATE_RUNS" -gt 0 ]; then
timed_run . "whole/*.xmi" "${ANNOTATE[@]}" --out whole
annotate_ms=$run_ms; annotate_first=$first_ms; annotate_last=$last_ms
documents=$(ls whole/*.xmi | wc -l)
lost=0; corrupt=0; identical=0; mid_output=0; leftovers=0
for r in $(seq 1 "$ANNOTATE_RUNS"); do
  first_ms=$annotate_first; last_ms=$annotate_last; delay=$(draw_delay)
  kill_at "$delay" . "a$r/*.xmi" "${ANNOTATE[@]}" --out "a$r"
  written=$(ls "a$r"/*.xmi 2> /dev/null | wc -l || true)
  [ "$written" -gt 0 ] && [ "$written" -lt "$documents" ] && mid_output=$((mid_output + 1))
  # What a killed run left must be complete: every XMI it wrote is the uninterrupted run's.
  for f in $(ls "a$r"/*.xmi 2> /dev/null || true); do cmp -s "$f" "whole/${f#a$r/}" || corrupt=$((corrupt + 1)); done
  dtn "${ANNOTATE[@]}" --out "a$r" > "a$r.log" 2>&1 || true
  same=1
  for f in whole/*; do
    g="a$r/${f#whole/}"
    if [ ! -f "$g" ]; then lost=$((lost + 1)); same=0; elif ! cmp -s "$f" "$g"; then corrupt=$((corrupt + 1)); same=0; fi
  done
  [ "$(ls -A "a$r" | wc -l)" -eq "$(ls -A whole | wc -l)" ] || { leftovers=$((leftovers + 1)); same=0; }
  identical=$((identical + same))
  echo "annotate run $r: killed at moment ${delay} ms (still running: $killed_running), $written of $documents XMI written, resumed identical: $same"
done
echo "annotate: $ANNOTATE_RUNS kills at random moments of a ${annotate_ms} ms run (XMI written from ${annotate_first} to ${annotate_last} ms;" \
  "$mid_output kills while writing documents);" \
  "documents lost $lost, corrupted $corrupt; runs with files left over $leftovers; resumed runs identical" \
  "$identical/$ANNOTATE_RUNS"
annotate_ok=$(( lost == 0 && corrupt == 0 && leftovers == 0 && identical == ANNOTATE_RUNS ))
fi

# --- train ---
train_ok=1
if [ "$TRAIN_RUNS" -gt 0 ]; then
mkdir whole-train
timed_run whole-train "m.model.checkpoint" "${TRAIN[@]}"
train_ms=$run_ms; train_first=$first_ms; train_last=$last_ms
t_identical=0; t_leftovers=0; with_checkpoint=0; bad_partial=0
for r in $(seq 1 "$TRAIN_RUNS"); do
  mkdir "t$r"
  first_ms=$train_first; last_ms=$train_last; delay=$(draw_delay)
  kill_at "$delay" "t$r" "m.model.checkpoint" "${TRAIN[@]}"
  [ -f "t$r/m.model.checkpoint" ] && with_checkpoint=$((with_checkpoint + 1))
  # The best model so far, if one was written, is a whole zip.
  if [ -f "t$r/m.model" ] && ! unzip -tq "t$r/m.model" > /dev/null 2>&1; then bad_partial=$((bad_partial + 1)); fi
  (cd "t$r" && dtn "${TRAIN[@]}" --resume > ../"t$r.log" 2>&1) || true
  same=0; cmp -s whole-train/m.model "t$r/m.model" && same=1
  [ "$(ls -A "t$r")" = "m.model" ] || { t_leftovers=$((t_leftovers + 1)); same=0; }
  t_identical=$((t_identical + same))
  echo "train run $r: killed at moment ${delay} ms (still running: $killed_running), resumed identical: $same"
done
echo "train: $TRAIN_RUNS kills at random moments of a ${train_ms} ms run (first checkpoint at ${train_first} ms, model final at ${train_last} ms;" \
  "$with_checkpoint kills after a checkpoint);" \
  "broken best-so-far models $bad_partial; runs with files left over $t_leftovers; resumed runs identical" \
  "$t_identical/$TRAIN_RUNS"
train_ok=$(( bad_partial == 0 && t_leftovers == 0 && t_identical == TRAIN_RUNS ))
fi

[ "$annotate_ok" -eq 1 ] && [ "$train_ok" -eq 1 ]
