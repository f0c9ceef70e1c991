# shards: --shard K/N builds the K-th of N slices of the job list, with
# its own partial manifest; manifest merge joins them into manifest.json.
. tests/pdf/lib.inc
plan 8

C=$W/content
O=$W/out
content "$C" a b c
m() { python3 tests/pdf/manifest.py "$O" "$@"; }
paths() {	# the leaflets a manifest lists, sorted, on one line
	python3 -c 'import json, sys
print(" ".join(sorted(e["path"] for e in json.load(open(sys.argv[1]))["leaflets"])))' "$1"
}

ok=0
for k in 1 2 3 4; do
	"$LEAFPRESS" batch -q -j 1 --shard "$k/4" --content "$C" --out "$O" \
	    2>>"$W/err" || ok=1
done
t "four shards build" test "$ok" -eq 0
all="lakeside/a.pdf lakeside/b.pdf lakeside/c.pdf riverside/a.pdf riverside/b.pdf riverside/c.pdf"
t "each with its partial manifest, none merged yet" test -f \
    "$O/manifest.1-of-4.json" -a -f "$O/manifest.4-of-4.json" -a \
    ! -f "$O/manifest.json"
t "together the shards cover the job list exactly once" test "$(
    for k in 1 2 3 4; do paths "$O/manifest.$k-of-4.json"; done |
    tr ' ' '\n' | sed '/^$/d' | sort | tr '\n' ' ')" = "$all "
empty=0
for k in 1 2 3 4; do [ -n "$(paths "$O/manifest.$k-of-4.json")" ] || empty=1; done
t "and no shard is empty, of six jobs in four" test "$empty" -eq 0
"$LEAFPRESS" manifest merge "$O"/manifest.[1-4]-of-4.json 2>"$W/err"
t "merge joins them into manifest.json" sh -c "[ $? -eq 0 ] &&
    [ \"\$(python3 -c 'import json; print(len(json.load(open(\"$O/manifest.json\"))[\"leaflets\"]))')\" = 6 ]"
t "the merged manifest is true, in the order one batch lists" sh -c "
    python3 tests/pdf/manifest.py '$O' check &&
    [ \"\$(python3 tests/pdf/manifest.py '$O' paths | tr '\n' ' ')\" = \
    'lakeside/a.pdf riverside/a.pdf lakeside/b.pdf riverside/b.pdf lakeside/c.pdf riverside/c.pdf ' ]"
"$LEAFPRESS" manifest merge "$O"/manifest.[1-3]-of-4.json 2>"$W/err"
t "a shard missing is an error that says so" sh -c "[ $? -eq 1 ] &&
    grep -q 'merge takes one of each of the 3 shards' '$W/err'"
"$LEAFPRESS" batch -j 1 --shard 2/4 --content "$C" --out "$O" 2>"$W/err"
t "a shard run again builds nothing" sh -c "tail -n 1 '$W/err' |
    grep -q '^0 built, [12] up to date, 0 failed, 0 removed'"
