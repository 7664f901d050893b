#!/usr/bin/env bash
# Issue 16's bad-input probe, rebuilt from the issue's list: malformed and unusual inputs to
# convert, annotate, evaluate, train, model and checkpoint files, each run through the real CLI
# and sorted into: clear (an error naming the file, and the place where there is one), handled
# (the right output), unclear (an error that does not name the file or place), silently-wrong,
# lost (exit 0 with wrong output or a document missing), crash-hang (a stack trace, an
# OutOfMemoryError, or no end within the time limit).
#
#   it/scripts/bad-input-probe.sh          (needs target/ctakes-dtn.jar, or JAR=path)
set -uo pipefail
JAR=$(realpath "${JAR:-target/ctakes-dtn.jar}")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/probe.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
declare -A count
cases=0

# Runs the CLI (time limit 180 s); sets rc and out (stdout and stderr).
cli() {
  out=$(timeout 180 java -jar "$JAR" "$@" 2>&1)
  rc=$?
}
verdict() { # CATEGORY NAME [DETAIL]
  count[$1]=$((${count[$1]:-0} + 1)); cases=$((cases + 1))
  printf '%-15s %-55s %s\n' "$1" "$2" "${3:-}"
}
crashed() { [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ] || grep -qE '^\s+at [a-z]|OutOfMemoryError|Exception in thread' <<< "$out"; }
# An error is expected: exit 1 or 2, a message naming $2 and matching the place pattern $3.
expect_error() { # NAME FILE PLACE-REGEX
  local first
  first=$(grep -m1 -E 'error|rror:' <<< "$out" || head -1 <<< "$out")
  if crashed; then verdict crash-hang "$1" "rc $rc"
  elif [ "$rc" -eq 0 ]; then verdict silently-wrong "$1" "exit 0: $(tail -1 <<< "$out")"
  elif grep -qF -- "$2" <<< "$out" && grep -qE -- "$3" <<< "$out"; then verdict clear "$1" "$(head -c 150 <<< "$first")"
  else verdict unclear "$1" "$(head -c 150 <<< "$first")"; fi
}
# Success is expected, and the check (a command) must hold.
expect_ok() { # NAME CHECK...
  local name=$1
  shift
  if crashed; then verdict crash-hang "$name" "rc $rc"
  elif [ "$rc" -ne 0 ]; then
    if grep -qE 'error' <<< "$out"; then verdict clear "$name" "refused: $(grep -m1 error <<< "$out" | head -c 150)"
    else verdict unclear "$name" "rc $rc"; fi
  elif "$@"; then verdict handled "$name"
  else verdict silently-wrong "$name" "exit 0, check failed: $*"; fi
}
xmi_count() { ls "$1"/*.xmi 2> /dev/null | wc -l; }
mentions() { grep -o 'textsem:[A-Za-z]*Mention ' "$1" | wc -l; }

conll_ok=$'Aspirin\tB-Chemical\ncauses\tO\nbleeding\tB-Disease\n.\tO\n\n'
mkdir -p c; printf '%s' "$conll_ok" > c/good.tsv

# ---------- convert: CoNLL ----------
mkdir -p c1/sub1 c1/sub2; printf '%s' "$conll_ok" > c1/sub1/train.tsv; printf '%s' "$conll_ok" > c1/sub2/train.tsv
cli convert --format conll --in c1 --out c1o
expect_ok "convert conll: same base name in two folders" test "$(find c1o -name '*.xmi' | wc -l)" -eq 2
printf 'Aspirin\tB-Chemical\rcauses\tO\rbleeding\tB-Disease\r\r' > c/cr.tsv
cli convert --format conll --in c/cr.tsv --out cro
expect_ok "convert conll: lone CR line ends" grep -q 'Disease' cro/cr-00001.xmi
printf 'Aspirin\tB-Chemical\ncau\0ses\tO\n\n' > c/nul.tsv
cli convert --format conll --in c/nul.tsv --out nulo; expect_error "convert conll: NUL byte" "nul.tsv" "line 2"
printf 'Aspirin\tB-Chemical\ncauses\n\n' > c/notag.tsv
cli convert --format conll --in c/notag.tsv --out x1; expect_error "convert conll: token without tag" "notag.tsv" "line 2"
printf 'Aspirin\tX-Chemical\n\n' > c/badtag.tsv
cli convert --format conll --in c/badtag.tsv --out x2; expect_error "convert conll: unknown tag prefix" "badtag.tsv" "line 1"
printf '\xff\xfeA\tO\n\n' > c/latin.tsv
cli convert --format conll --in c/latin.tsv --out x3; expect_error "convert conll: not UTF-8" "latin.tsv" "line|byte"
: > c/empty.tsv
cli convert --format conll --in c/empty.tsv --out x4
if [ "$rc" -eq 0 ] && grep -qiE 'empty|no sentence|0 sentences|documents written +0' <<< "$out"; then verdict handled "convert conll: empty file (reported)"
else expect_error "convert conll: empty file" "empty.tsv" "."; fi
cli convert --format conll --in nope.tsv --out x5; expect_error "convert: --in does not exist" "nope.tsv" "no such"
cli convert --format nope --in c/good.tsv --out x6; expect_error "convert: unknown --format" "nope" "format"
touch x7; cli convert --format conll --in c/good.tsv --out x7; expect_error "convert: --out is a file" "x7" "folder"

# ---------- convert: BRAT ----------
mkdir -p b1/s1 b1/s2; printf 'Fever today.\n' > b1/s1/doc.txt; printf 'T1\tSymptom 0 5\tFever\n' > b1/s1/doc.ann
printf 'Cough today.\n' > b1/s2/doc.txt; printf 'T1\tSymptom 0 5\tCough\n' > b1/s2/doc.ann
cli convert --format brat --in b1 --out b1o
expect_ok "convert brat: same base name in two folders" test "$(find b1o -name '*.xmi' | wc -l)" -eq 2
mkdir -p b2; printf 'Patients got cyclophosphamide.\n' > b2/d.txt; printf 'T2\tChemical 0 8\tcyclophosphamide\n' > b2/d.ann
cli convert --format brat --in b2 --out b2o; expect_error "convert brat: offsets do not match the text column" "d.ann" "line 1"
mkdir -p b3; printf 'Mood \xf0\x9f\x98\x80 then lupus nephritis.\n' > b3/e.txt; printf 'T1\tDisease 12 27\tlupus nephritis\n' > b3/e.ann
cli convert --format brat --in b3 --out b3o
expect_ok "convert brat: code-point offsets after an emoji" grep -q 'Disease' b3o/e.xmi
mkdir -p b4; printf 'Fever.\n' > b4/a.txt; printf 'T1\tSymptom 0 5\tFever\n' > b4/a.ann; printf 'T1\tSymptom 0 5\tFever\n' > b4/orphan.ann
cli convert --format brat --in b4 --out b4o; expect_error "convert brat: .ann without .txt" "orphan" "txt"
mkdir -p b5; printf 'Fever.\n' > b5/a.txt; printf 'T1\tSymptom 0 50\tFever\n' > b5/a.ann
cli convert --format brat --in b5 --out b5o; expect_error "convert brat: offset past the end" "a.ann" "line 1"
mkdir -p b6; printf 'Fever.\n' > b6/a.txt; printf 'T1\tSymptom five 5\tFever\n' > b6/a.ann
cli convert --format brat --in b6 --out b6o; expect_error "convert brat: offset not a number" "a.ann" "line 1"
mkdir -p b7; printf 'Fever.\n' > b7/a.txt; printf 'T1\tSymptom 4 2\tFever\n' > b7/a.ann
cli convert --format brat --in b7 --out b7o; expect_error "convert brat: end before start" "a.ann" "line 1"

# ---------- convert: i2b2 ----------
mkdir -p i1; printf 'chest pain today\nok\n' > i1/big.txt; printf 'c="chest pain" 99999999999:2 1:3||t="problem"\n' > i1/big.con
printf 'chest pain today\n' > i1/good.txt; printf 'c="chest pain" 1:0 1:1||t="problem"\n' > i1/good.con
cli convert --format i2b2 --in i1 --out i1o
if crashed; then verdict crash-hang "convert i2b2: index above 2^31-1"
elif grep -q 'big.con' <<< "$out" && [ -f i1o/good.xmi ]; then verdict clear "convert i2b2: index above 2^31-1 (batch goes on)" "$(grep -m1 big.con <<< "$out" | head -c 150)"
else verdict unclear "convert i2b2: index above 2^31-1" "$(head -1 <<< "$out")"; fi
mkdir -p i2; printf 'chest pain\n' > i2/a.txt; printf 'c="chest pain" 1:0 1:1||t="problem"\nc="x" 7:0 7:0||t="problem"\n' > i2/a.con
cli convert --format i2b2 --in i2 --out i2o; expect_error "convert i2b2: line number past the text" "a.con" "line 2"
mkdir -p i3; printf 'chest pain\n' > i3/a.txt; printf 'c="chest wall" 1:0 1:1||t="problem"\n' > i3/a.con
cli convert --format i2b2 --in i3 --out i3o
# The line:token offsets are what i2b2 defines; a differing text is kept and counted in the report.
if [ "$rc" -eq 0 ] && grep -q 'concept text differs' <<< "$out"; then verdict handled "convert i2b2: concept text differs (kept, counted)"
else expect_error "convert i2b2: concept text differs from the note" "a.con" "line 1"; fi
mkdir -p i4; printf 'chest pain\n' > i4/a.txt; printf 'c="chest pain" 1:0 1:1\n' > i4/a.con
cli convert --format i2b2 --in i4 --out i4o; expect_error "convert i2b2: no type" "a.con" "line 1"

# ---------- evaluate ----------
mkdir -p e; for i in $(seq 1 60); do printf '%s' "$conll_ok"; done > e/gold.tsv
head -n $((45 * 5)) e/gold.tsv > e/cut.tsv
# Scores are still printed, with a warning naming the document and the place, and exit 1.
cli evaluate --gold e/gold.tsv --pred e/cut.tsv; expect_error "evaluate: prediction cut to 45 of 60 sentences" "document gold-0000" "line [0-9]"
sed 's/^causes/produces/' e/gold.tsv > e/other.tsv
cli evaluate --gold e/gold.tsv --pred e/other.tsv; expect_error "evaluate: predicted text differs from gold" "document gold-0000" "line [0-9]"
cli evaluate --gold e/gold.tsv --pred e/nope.tsv; expect_error "evaluate: --pred does not exist" "nope.tsv" "no such"
cli evaluate --gold e/gold.tsv --pred e/gold.tsv --json e/a.json; cp e/a.json e/a1.json
cli evaluate --gold e/gold.tsv --pred e/gold.tsv --json e/a.json
expect_ok "evaluate --json: the same bytes on every run" cmp -s e/a.json e/a1.json

# ---------- model files ----------
mkdir -p m
cli train --train e/gold.tsv --out m/x.model --epochs 1 --no-learned-vectors --threads 1 > /dev/null
if [ -f m/x.model ]; then
  head -c 2000 m/x.model > m/trunc.model
  cli evaluate --gold e/gold.tsv --model m/trunc.model; expect_error "model: truncated" "trunc.model" "truncated|manifest|entry"
  echo "not a zip" > m/text.model
  cli evaluate --gold e/gold.tsv --model m/text.model; expect_error "model: not a zip" "text.model" "model"
  (mkdir -p m/ent && cd m/ent && unzip -qo ../x.model && sed -i 's/"wordHidden": [0-9]*/"wordHidden": -4/' config.json && zip -qX ../neg.model *)
  cli evaluate --gold e/gold.tsv --model m/neg.model; expect_error "model: negative layer size (checksum)" "neg.model" "config.json|checksum|size"
  (cd m/ent && unzip -qo ../x.model && sed -i 's/"formatVersion": 2/"formatVersion": 99/' manifest.json && zip -qX ../v99.model *)
  cli evaluate --gold e/gold.tsv --model m/v99.model; expect_error "model: format version 99" "v99.model" "version 99"
  cp m/x.model m/big.model
  (cd m && truncate -s 3G zeros.bin && zip -q big.model zeros.bin && rm zeros.bin)
  cli evaluate --gold e/gold.tsv --model m/big.model
  expect_ok "model: extra 3 GB entry of zeros (skipped unread)" grep -q 'F1' <<< "$out"
  cli annotate --in c --out m/none --model m/nope.model; expect_error "model: --model does not exist" "nope.model" "no such|not found|exist"
else
  verdict crash-hang "model cases: the training run making the model failed" "$(tail -1 <<< "$out")"
fi

# ---------- train ----------
mkdir -p t
cli train --train c/good.tsv --out t --epochs 1 --no-learned-vectors; expect_error "train: --out is a folder (before any epoch)" "t" "folder"
for i in $(seq 1 20); do printf 'a\tO\nb\tO\n\n'; done > t/nomention.tsv
cli train --train t/nomention.tsv --out t/n.model --no-learned-vectors; expect_error "train: no mentions" "nomention" "mention"
cli train --train t/nope.tsv --out t/n.model; expect_error "train: --train does not exist" "nope.tsv" "no such"
cli train --train c/good.tsv --out t/n.model --no-learned-vectors; expect_error "train: one sentence, carved out as dev" "good.tsv" "dev"
cli train --train c/good.tsv --out t/n.model --epochs 0; expect_error "train: --epochs 0" "--epochs" "0"
cli train --train c/good.tsv --dev t/nodev --out t/n.model; expect_error "train: --dev does not exist" "nodev" "no such"
printf 'garbage' > t/r.model.checkpoint
cli train --train e/gold.tsv --out t/r.model --epochs 2 --no-learned-vectors --resume; expect_error "train --resume: checkpoint is not a zip" "r.model.checkpoint" "checkpoint"
cli train --train e/gold.tsv --out t/r.model --epochs 2 --no-learned-vectors
expect_ok "train without --resume: a bad checkpoint is replaced (noted)" grep -q 'will be replaced' <<< "$out"

# ---------- annotate (slow: cTAKES starts each time) ----------
mkdir -p a/in; printf 'The patient takes aspirin for diabetes.\n' > a/in/good.txt
cli annotate --in a/in --out a/in/out; cli annotate --in a/in --out a/in/out
expect_ok "annotate --out inside --in, run twice" test ! -e a/in/out/out
mkdir -p a2/in; printf 'The patient takes aspirin for diabetes.\n' > a2/in/good.txt
cli annotate --in a2/in --out a2/in --export brat; expect_error "annotate --out equal to --in (--export brat)" "a2/in" "--in"
mkdir -p a3/in; printf 'The patient takes aspirin for diabetes.\n' > a3/in/good.txt
cli annotate --in a3/in --out a3/o1; cp a3/o1/good.xmi a3/in2.xmi; mkdir -p a3/in2; mv a3/in2.xmi a3/in2/good.xmi
cli annotate --in a3/in2 --out a3/o2
expect_ok "annotate an annotated XMI: no second copy of each mention" test "$(mentions a3/o2/good.xmi)" -eq "$(mentions a3/o1/good.xmi)"
mkdir -p a4/in; printf 'The patient takes aspirin for diabetes.\n' > a4/in/good.txt; cp a3/o1/good.xmi a4/in/good.xmi
cli annotate --in a4/in --out a4/o; expect_error "annotate good.txt and good.xmi (one output name)" "good" "clash|same|name"
mkdir -p a5/in; printf 'The patient takes aspirin for diabetes.\n' > a5/in/good.txt; printf '<config/>\n' > a5/in/config.xml
cli annotate --in a5/in --out a5/o
if crashed; then verdict crash-hang "annotate: non-CAS config.xml in the notes"
elif [ -f a5/o/good.xmi ] && { ! grep -q 'config' <<< "$out" || grep -q 'config.xml' <<< "$out"; }; then verdict clear "annotate: non-CAS config.xml in the notes" "$(grep -m1 config <<< "$out" | head -c 150)"
else verdict unclear "annotate: non-CAS config.xml in the notes" "$(head -1 <<< "$out")"; fi
mkdir -p a6/in; printf 'Fever.\fCough and aspirin.\x01\n' > a6/in/ff.txt
cli annotate --in a6/in --out a6/o; expect_ok "annotate: form feed and control characters in a note" test -f a6/o/ff.xmi
cli annotate --in a/in --out a7 --batch-size 0; expect_error "annotate --batch-size 0" "--batch-size" "0"
cli annotate --in a/in --out a7 --threads 0; expect_error "annotate --threads 0" "--threads" "0"
cli annotate --in a/in --out a7 --threads -1; expect_error "annotate --threads -1" "--threads" "-1"
cli annotate --in a/in --out a8 --threads 1000
if crashed; then verdict crash-hang "annotate --threads 1000 on one note"; elif [ "$rc" -eq 0 ] && [ -f a8/good.xmi ]; then verdict handled "annotate --threads 1000 on one note"; else expect_error "annotate --threads 1000" "--threads" "1000"; fi
mkdir -p a9/in; for i in 1 2 3 4 5 6; do printf 'Patient %s takes aspirin and metformin for diabetes. No pneumonia.\n' "$i" > "a9/in/n$i.txt"; done
cli annotate --in a9/in --out a9/one --threads 1; cli annotate --in a9/in --out a9/four --threads 4
same=1; for f in a9/one/*.xmi; do cmp -s "$f" "a9/four/${f#a9/one/}" || same=0; done
expect_ok "annotate: 4 threads write the bytes of 1 thread" test "$same" -eq 1
rm -f a9/one/n3.xmi; cli annotate --in a9/in --out a9/one --threads 1
expect_ok "annotate rerun: a missing output is redone" test -f a9/one/n3.xmi
cli annotate --in a9/in --out a9/one --threads 1 --export brat
expect_ok "annotate rerun with --export brat: the missing export is made" test -f a9/one/n1.ann
cli annotate --in a9/in --out a9/one --threads 1 --model m/x.model
expect_ok "annotate rerun with another --model: redone" grep -qE 'annotated +6' <<< "$out"

echo
echo "cases: $cases"
for k in clear handled unclear silently-wrong lost crash-hang; do printf '  %-15s %s\n' "$k" "${count[$k]:-0}"; done
