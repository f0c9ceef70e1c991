# mail --send: the emails to a real SMTP server on a local port
# (tests/pdf/smtpd.py, aiosmtpd), each once: received whole, the
# attachment the patient's PDF byte for byte; a run killed halfway and
# started again sends the rest once; a message that may have gone is
# not sent again; a dry run sends nothing; a login's password is said
# nowhere; STARTTLS is demanded of a server that is not this machine.
. tests/pdf/lib.inc
plan 24
export SOURCE_DATE_EPOCH=1795000000
P=content/clinics/riverside.yaml
PY=python3	# Debian's, where python3-aiosmtpd is
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import aiosmtpd' 2>/dev/null; then PY=$p; break; fi
done
lp() { "$LEAFPRESS" "$@" >"$W/stdout" 2>"$W/err"; rc=$?; }
# server NAME HOST [USER:PASS]: an SMTP server into $W/NAME; its port in
# $port, its pid in $spid (stopped at the end).
pids=""
server() {
	mkdir -p "$W/$1"
	$PY tests/pdf/smtpd.py "$W/$1" "$2" "$W/$1.port" ${3:+"$3"} \
	    2>"$W/$1.log" &
	spid=$!
	pids="$pids $spid"
	i=0
	while [ ! -s "$W/$1.port" ] && [ "$i" -lt 100 ]; do
		sleep 0.1; i=$((i + 1))
	done
	port=$(cat "$W/$1.port" 2>/dev/null)
}
trap 'for p in $pids; do kill "$p" 2>/dev/null; done' EXIT
got() { ls "$W/$1" | grep -c '\.eml$'; }
# each_once DIR N: N messages in DIR, to N different recipients.
each_once() {
	test "$(got "$1")" -eq "$2" &&
	    test "$(cat "$W/$1"/*.rcpt | sort -u | wc -l)" -eq "$2"
}

server r 127.0.0.1
t "the server is up" test -n "$port"
U=smtp://127.0.0.1:$port

# The bundled list: two of its good rows go by email.
lp mail -p $P --patients content/patients/example.csv --out "$W/a" --send "$U"
t "the list's bad rows: exit 1" test "$rc" -eq 1
t "two messages arrive, one each" each_once r 2
t "they parse; each attachment is the patient's PDF" \
    $PY tests/pdf/mail.py received "$W/r" "$W/a/mail"
t "the journal: each handed over, then sent, by ref and hash" \
    test "$(grep '^sen[dt] RN100[23] [0-9a-f]\{64\}$' "$W/a/mail/journal" |
    cut -c1-11 | tr '\n' ' ')" = "send RN1002 sent RN1002 send RN1003 sent RN1003 "
t "the summary" has "$W/err" "$U: 2 emails sent, 0 sent before, 0 not sent, 0 perhaps sent"
lp mail -p $P --patients content/patients/example.csv --out "$W/a" --send "$U"
t "again: nothing sent twice" test "$(got r)" -eq 2
t "again: the summary says so" has "$W/err" "0 emails sent, 2 sent before"

# Ten patients by email; killed after five, started again.
{
	echo "ref,name,email,articles,channel"
	for i in 0 1 2 3 4 5 6 7 8 9; do
		echo "E$i,Test Person $i,person$i@example.org,botox-cervical-dystonia,email"
	done
} >"$W/ten.csv"
server k 127.0.0.1
U=smtp://127.0.0.1:$port
LEAFPRESS_TEST_KILL_AFTER=5 "$LEAFPRESS" mail -p $P --patients "$W/ten.csv" \
    --out "$W/k" --send "$U" >/dev/null 2>&1
t "killed after five: five arrived" test $? -eq 137 -a "$(got k)" -eq 5
lp mail -p $P --patients "$W/ten.csv" --out "$W/k" --send "$U"
t "started again: the other five, each once" each_once k 10
t "started again: exit 0" test "$rc" -eq 0
t "started again: the summary" has "$W/err" "5 emails sent, 5 sent before"
t "every attachment the PDF on disk" $PY tests/pdf/mail.py received "$W/k" "$W/k/mail"

# Killed from outside (kill -9) when the journal has two messages'
# lines, and started again: nothing twice, and each of the ten
# arrived unless the run says it may have gone.
server x 127.0.0.1
U=smtp://127.0.0.1:$port
"$LEAFPRESS" mail -p $P --patients "$W/ten.csv" --out "$W/x" --send "$U" \
    >/dev/null 2>&1 &
lpid=$!
i=0
while [ "$(grep -c . "$W/x/mail/journal" 2>/dev/null || echo 0)" -lt 5 ] &&
    [ "$i" -lt 300 ]; do
	sleep 0.02; i=$((i + 1))
done
kill -9 "$lpid" 2>/dev/null
wait "$lpid" 2>/dev/null
lp mail -p $P --patients "$W/ten.csv" --out "$W/x" --send "$U"
# (one the run was killed with may have gone, or not: it is reported)
doubt=$(grep -c 'may have gone' "$W/err")
t "kill -9 and again: none twice; all but one in doubt" \
    test "$(cat "$W/x"/*.rcpt | sort | uniq -d | wc -l)" -eq 0 -a \
    "$doubt" -le 1 -a "$(got x)" -ge $((10 - doubt))

# A message handed over when a run stopped, its answer unknown.
server d 127.0.0.1
U=smtp://127.0.0.1:$port
mkdir -p "$W/d/mail"
printf 'leafpress mail journal 1\nsend E3 %064d\n' 0 >"$W/d/mail/journal"
lp mail -p $P --patients "$W/ten.csv" --out "$W/d" --send "$U"
t "may have gone: not sent again, the others are" test "$(got d)" -eq 9 -a \
    "$rc" -eq 1 && ! grep -q person3 "$W/d"/*.rcpt
t "may have gone: one error, naming the ref" test "$(grep -c \
    "^$W/d/mail/journal: error: patient E3: .*may have gone" "$W/err")" -eq 1
t "may have gone: its email is left as it was" test ! -e "$W/d/mail/E3.eml"

# A recipient the server refuses: that row's error, the others go.
sed 's/person4@/refuse4@/' "$W/ten.csv" >"$W/refuse.csv"
server f 127.0.0.1
U=smtp://127.0.0.1:$port
lp mail -p $P --patients "$W/refuse.csv" --out "$W/f" --send "$U"
t "a refused recipient: its error, the nine others sent" test "$rc" -eq 1 -a \
    "$(got f)" -eq 9 && has "$W/err" "error: patient E4: refused by the server (550)"
t "a refused recipient: its address said nowhere" lacks "$W/err" refuse4

# A dry run sends nothing and says so.
server n 127.0.0.1
U=smtp://127.0.0.1:$port
lp mail -p $P --patients "$W/ten.csv" --out "$W/n" --send "$U" --dry-run
t "a dry run: nothing sent, no journal" test "$(got n)" -eq 0 -a \
    ! -e "$W/n/mail/journal" -a "$rc" -eq 0
t "a dry run: says so" has "$W/err" "dry run: 10 emails to send, 0 sent before; nothing sent"

# A login, its password from the environment and said nowhere.
server l 127.0.0.1 "clinic:s3cret-Pa55"
U=smtp://127.0.0.1:$port
LEAFPRESS_SMTP_PASSWORD=s3cret-Pa55 lp mail -p $P --patients "$W/ten.csv" \
    --out "$W/l" --send "$U" --smtp-user clinic
t "a login: all ten sent" test "$rc" -eq 0 -a "$(got l)" -eq 10
t "a login: the password nowhere in the output" test "$(cat "$W/err" \
    "$W/stdout" "$W/l/mail/journal" | grep -c s3cret)" -eq 0

# Not this machine: STARTTLS or nothing.
server s 127.0.0.2
lp mail -p $P --patients "$W/ten.csv" --out "$W/s" --send "smtp://127.0.0.2:$port"
t "another host without STARTTLS: nothing sent, exit 1" test "$(got s)" -eq 0 \
    -a "$rc" -eq 1
