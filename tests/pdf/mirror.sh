# mirror: after a batch, out/ holds the leaflets of the current articles x
# clinics that built, and the manifest tells the truth about them, even
# after kill -9; files leafpress did not make are never touched.
. tests/pdf/lib.inc
plan 14

C=$W/content
O=$W/out
content "$C" one two three
run() {
	"$LEAFPRESS" batch -j 2 --content "$C" --out "$O" "$@" 2>"$W/err"
}
summary() { tail -n 1 "$W/err" | sed 's/ in [0-9.]* s$//'; }
m() { python3 tests/pdf/manifest.py "$O" "$@"; }
# killed: a batch killed with kill -9, parent and workers at once, when
# it has built two leaflets.
killed() {
	rm -f "$W/err"	# or the wait below may read the last run's
	"$LEAFPRESS" batch -j 2 --content "$C" --out "$O" 2>"$W/err" &
	pid=$!
	i=0
	while ! grep -q '^\[2/' "$W/err" 2>/dev/null && [ $i -lt 1000 ]; do
		sleep 0.01
		i=$((i + 1))
	done
	kill -9 "$pid" $(cat /proc/"$pid"/task/*/children 2>/dev/null)
	wait "$pid" 2>/dev/null
}

run
mkdir -p "$O/stranger"
echo "mine" >"$O/riverside/notes.txt"
cp "$O/riverside/one.pdf" "$O/riverside/copy.pdf"
cp "$O/riverside/one.pdf" "$O/stranger/one.pdf"
# this month: two is withdrawn, three is broken
rm "$C/articles/two.md"
printf '# Broken\n\nNot UTF-8: \377.\n' >"$C/articles/three.md"
run
t "a broken article fails the batch" test $? -eq 1
t "its leaflets from last month are removed, and the withdrawn article's" \
    test "$(summary)" = "0 built, 2 up to date, 2 failed, 4 removed"
t "no PDF of a withdrawn or failed leaflet is left" test -z "$(ls \
    "$O"/*/two.pdf "$O"/*/three.pdf 2>/dev/null)"
t "files leafpress did not make are untouched" test -f \
    "$O/riverside/notes.txt" -a -f "$O/riverside/copy.pdf" -a \
    -f "$O/stranger/one.pdf"
t "the manifest is true" m check
t "it says the broken leaflets failed" test \
    "$(m status riverside/three.pdf) $(m status riverside/two.pdf)" = \
    "failed absent"

# A withdrawn clinic: its leaflets and its folder go, what is not ours stays.
rm "$C/clinics/lakeside.yaml" "$C/articles/three.md"
run
t "a withdrawn clinic's leaflets are removed" sh -c "
    [ '$(summary)' = '0 built, 1 up to date, 0 failed, 1 removed' ] &&
    [ ! -e '$O/lakeside' ]"

# kill -9 in the middle, parent and workers: only whole PDFs, no
# temporary file, a manifest that matches the disk.
for n in $(seq 1 80); do
	sed "s/^title: .*/title: Leaflet $n/" \
	    content/articles/botox-cervical-dystonia.md >"$C/articles/a$n.md"
done
cp content/clinics/lakeside.yaml "$C/clinics/"
run
for n in $(seq 1 80); do echo "Changed." >>"$C/articles/a$n.md"; done
killed
t "killed in the middle" sh -c "! grep -q ' removed in ' '$W/err'"
bad=0
for f in "$O"/*/*.pdf; do quiet qpdf --check "$f" || bad=1; done
t "every PDF left is whole" test "$bad" -eq 0
left=$(find "$O" -name '.*' ! -name '.manifest*.stat')
t "no temporary file is left" test -z "$left" || echo "# left: $left"
t "the manifest names only what is on disk, as it is" m pdfs
run
t "the next run finishes the job, and its manifest is true" sh -c "
    grep -q '^[0-9]* built, [0-9]* up to date, 0 failed' '$W/err' &&
    python3 tests/pdf/manifest.py '$O' check"

# killed while remaking the leaflets of changed articles and making
# those of new ones, all then withdrawn: each PDF is known only by the
# killed run's pending list, by its old hash or, if it was made then,
# by its time
for n in $(seq 1 80); do echo "Changed again." >>"$C/articles/a$n.md"; done
for n in $(seq 1 40); do
	sed "s/^title: .*/title: New $n/" \
	    content/articles/botox-cervical-dystonia.md >"$C/articles/0new$n.md"
done
killed
made=$(ls "$O"/*/0new*.pdf 2>/dev/null | wc -l)
all=$(ls "$O"/*/0new*.pdf "$O"/*/a*.pdf | wc -l)
rm "$C"/articles/0new*.md "$C"/articles/a*.md
run
t "PDFs a killed run made or was remaking, since withdrawn, are removed" \
    sh -c "[ $made -gt 0 ] && [ -z \"\$(ls '$O'/*/0new*.pdf '$O'/*/a*.pdf 2>/dev/null)\" ] &&
    grep -q ' $all removed in ' '$W/err'" ||
    echo "# made $made of $all: $(tail -n 1 "$W/err")"
t "and only those: files leafpress did not make are untouched" sh -c "
    [ -f '$O/riverside/notes.txt' ] && [ -f '$O/riverside/copy.pdf' ] &&
    [ -f '$O/stranger/one.pdf' ] && python3 tests/pdf/manifest.py '$O' check"
