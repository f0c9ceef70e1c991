/* leafpress: the command line.  Only this file exits. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <linebreak.h>

#include "article.h"
#include "batch.h"
#include "check.h"
#include "date.h"
#include "diag.h"
#include "fileio.h"
#include "leaflet.h"
#include "mail.h"
#include "manifest.h"
#include "marks.h"
#include "profile.h"
#include "xalloc.h"

#define EXIT_BAD	1	/* a bad input or a failed leaflet */
#define EXIT_USAGE	2

static const char usage_text[] =
"usage: leafpress build -p PROFILE.yaml [-l LAYOUT] [--body PT] [-o OUT.pdf]\n"
"                       [--bleed MM] [--fold-guides] [--no-impose] [--pdfa]\n"
"                       [--no-tags] [--dump] ARTICLE.md\n"
"       leafpress batch [-j N] [-q] [--force] [--strict] [--shard K/N] [--pdfa]\n"
"                       [--no-tags] [--content DIR] [--out DIR] [--times FILE]\n"
"       leafpress check [--content DIR] [--out DIR] [--today YYYY-MM-DD]\n"
"       leafpress manifest merge [-o OUT.json] PARTIAL.json...\n"
"       leafpress mail -p PROFILE.yaml --patients LIST.csv [--content DIR]\n"
"                      [--letter LETTER.md] [--out DIR] [-j N] [--dry-run]\n"
"                      [--encrypt COLUMN]\n"
"                      [--send smtp://HOST[:PORT] [--smtp-user USER]]\n"
"       leafpress --help | --version\n";

static const char help_text[] =
"Turn a Markdown patient-information article and a YAML clinic profile\n"
"into a branded PDF leaflet.\n"
"\n"
"build   make one leaflet\n"
"  -p, --profile FILE   the clinic profile (required)\n"
"  -l, --layout NAME    handout (the default: the profile's paper, A4, A5\n"
"                       or US Letter), large-print (16 pt or more),\n"
"                       trifold (a landscape A4 or Letter sheet, printed\n"
"                       on both sides, flipped on the short edge, folded\n"
"                       in three; body 12 pt, down to 11 pt to fit) or\n"
"                       booklet (A5 pages two-up on A4 sheets, half Letter\n"
"                       on Letter: print both sides, flip on the short\n"
"                       edge, fold, staple)\n"
"      --body PT        large print's body size, 16 to 36 (default 16)\n"
"      --no-impose      a booklet's pages one by one, to read on screen\n"
"                       (default out/<clinic>/<article>-booklet-reading.pdf)\n"
"      --bleed MM       for a professional printer: a bleed of MM\n"
"                       millimetres (up to 6, such as 3mm), crop marks,\n"
"                       and the PDF's TrimBox and BleedBox\n"
"      --fold-guides    a tri-fold's folds as dashed lines on the inside\n"
"  -o, --output FILE    where to write the PDF, '-' for standard output\n"
"                       (default out/<clinic>/<article>.pdf, for a layout\n"
"                       other than handout out/<clinic>/<article>-LAYOUT.pdf)\n"
"      --dump           print the laid-out pages as text instead\n"
"      --pdfa           write PDF/A (also a profile's pdfa: true): PDF/A-1a,\n"
"                       the accessible level, when tagged, else PDF/A-1b\n"
"      --no-tags        an untagged PDF: no structure for screen readers\n"
"                       (by default the PDF is tagged, and PDF/UA-1 when\n"
"                       the article allows: every image has alt text and\n"
"                       no heading level is skipped)\n"
"batch   make every content/articles/*.md for every content/clinics/*.yaml,\n"
"        then out/manifest.json: what was made, from what (leafpress(5))\n"
"      --content DIR    where articles/ and clinics/ are (default content)\n"
"      --out DIR        where leaflets go (default out)\n"
"  -j, --jobs N         build N leaflets at once (default: one per CPU)\n"
"      --times FILE     write each leaflet's build time and size there\n"
"  -q, --quiet          print errors and the summary only, not a line\n"
"                       a leaflet nor warnings\n"
"      --force          build every leaflet, even those whose inputs have\n"
"                       not changed since the manifest was written\n"
"      --shard K/N      build only the K-th of N slices of the leaflets,\n"
"                       with its own out/manifest.K-of-N.json\n"
"      --strict         run check first; build nothing if it finds an error\n"
"check   find what a batch would, and more, without writing a leaflet:\n"
"        every article x clinic laid out; a review date passed is an error,\n"
"        one within 30 days a warning; a leaflet_id used twice an error;\n"
"        a lang without a hyphenation dictionary a warning; an article\n"
"        changed since it was built, its version not newer, an error.\n"
"        Ends with a summary line.  Exit 1 on errors, 0 with warnings only.\n"
"      --content DIR    where articles/ and clinics/ are (default content)\n"
"      --out DIR        where the last batch's manifest.json is (default out)\n"
"      --today DATE     the date to hold review dates to (default\n"
"                       $SOURCE_DATE_EPOCH's day, else today)\n"
"manifest merge   join the partial manifests of all N shards\n"
"  -o FILE              where (default manifest.json beside the first)\n"
"mail    a letter and leaflets for each patient of a list (leafpress(5)):\n"
"        out/mail/<ref>.pdf, for the post out/mail/post-YYYY-MM-DD.pdf,\n"
"        for email out/mail/<ref>.eml; a bad row is one error, the others\n"
"        are made\n"
"  -p, --profile FILE   the clinic profile (required)\n"
"      --patients FILE  the patient list, CSV (required)\n"
"      --content DIR    where articles/ is (default content)\n"
"      --letter FILE    the cover letter (default\n"
"                       content/letters/default.md)\n"
"      --out DIR        where mail/ goes (default out)\n"
"  -j, --jobs N         make N patients' files at once (default: one per\n"
"                       CPU); the output is the same\n"
"      --dry-run        make everything, send nothing\n"
"      --encrypt COLUMN each email's PDF AES-256 encrypted, the password\n"
"                       from the list's COLUMN (a date of birth, say)\n"
"      --send URL       send the emails to smtp://HOST[:PORT], each once\n"
"                       (out/mail/journal); STARTTLS, required but for\n"
"                       localhost\n"
"      --smtp-user USER log in as USER, the password from\n"
"                       LEAFPRESS_SMTP_PASSWORD\n"
"\n"
"An article's body, title and subtitle may say {{clinic.name}},\n"
"{{clinic.phone}}, {{clinic.email}}, {{clinic.website}}, {{clinic.tagline}}\n"
"or "
"{{clinic.address}}: each leaflet fills in its clinic's; \\{{ writes {{.\n"
"\n"
"PDF dates come from $SOURCE_DATE_EPOCH when set, else the article's\n"
"published date; never the clock.\n"
"Fonts are read from $LEAFPRESS_FONTS, else fonts/ beside the program,\n"
"else " DATADIR "/fonts.\n"
"Exit status: 0 success, 1 bad input or a failed leaflet, 2 usage error.\n";

static int
usage(void)
{
	fputs(usage_text, stderr);
	return EXIT_USAGE;
}

/* A usage error that getopt did not already explain. */
static int
usage_error(const char *what)
{
	fprintf(stderr, "leafpress: error: %s\n", what);
	return usage();
}

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The bundled fonts: $LEAFPRESS_FONTS, fonts/ beside us, or DATADIR. */
static char *
font_dir(void)
{
	char exe[PATH_MAX], *dir, *fonts;
	const char *env = getenv("LEAFPRESS_FONTS");
	ssize_t n;

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		dir = path_dir(exe);
		fonts = path_join(dir, "fonts");
		free(dir);
		if (is_dir(fonts))
			return fonts;
		free(fonts);
	}
	return xstrdup(DATADIR "/fonts");
}

/* SOURCE_DATE_EPOCH, the reproducible-builds convention, if it is set. */
static int
source_date(long long *out, struct diag *d)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	*out = -1;
	if (s == NULL || *s == '\0')
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || errno != 0 || v < 0 || v > 253402300799LL) {
		diag_msg(d, DIAG_ERROR, NULL, 0, 0, "SOURCE_DATE_EPOCH '%s': "
		    "expected seconds since 1970", s);
		return -1;
	}
	*out = v;
	return 0;
}

/* Where build writes a leaflet unless -o says: a reading copy apart. */
static char *
default_path(const struct profile *p, const struct article *a,
    const struct format *fmt)
{
	char *path = leaflet_path("out", p->slug, a->slug, fmt->layout), *t;

	if (!fmt->no_impose)
		return path;
	t = xasprintf("%.*s-reading.pdf", (int)(strlen(path) - 4), path);
	free(path);
	return t;
}

/*
 * A build option that says how the leaflet is made (-l, --body,
 * --bleed, --fold-guides, --no-impose), into o: 1 when c is one, 0 when
 * it is not, -1 (said) for a bad value.
 */
static int
layout_option(int c, const char *arg, struct leaflet_opts *o)
{
	struct format *fmt = &o->format;
	char *end;

	switch (c) {
	case 'l':
		if (layout_parse(arg, &fmt->layout) == -1) {
			usage_error("unknown layout: expected handout, "
			    "large-print, trifold or booklet");
			return -1;
		}
		break;
	case 'b':
		fmt->body = strtof(arg, &end);
		if (end == arg || *end != '\0' || !(fmt->body >=
		    LARGE_BODY_MIN && fmt->body <= LARGE_BODY_MAX)) {
			usage_error("--body: expected a size from 16 to 36 "
			    "points");
			return -1;
		}
		break;
	case 'B':
		o->bleed = strtof(arg, &end);
		if (end == arg || (strcmp(end, "mm") != 0 && *end != '\0') ||
		    !(o->bleed > 0 && o->bleed <= BLEED_MAX)) {
			usage_error("--bleed: expected a bleed from 0 to 6 mm, "
			    "such as 3mm");
			return -1;
		}
		o->bleed *= MM;
		break;
	case 'g':
		fmt->fold_guides = 1;
		break;
	case 'n':
		fmt->no_impose = 1;
		break;
	default:
		return 0;
	}
	return 1;
}

/* An option of one layout given with another: a usage error, said. */
static int
layout_mismatch(const struct format *fmt)
{
	if (fmt->body > 0 && fmt->layout != LAYOUT_LARGE)
		return usage_error("--body is for -l large-print");
	if (fmt->fold_guides && fmt->layout != LAYOUT_TRIFOLD)
		return usage_error("--fold-guides is for -l trifold");
	if (fmt->no_impose && fmt->layout != LAYOUT_BOOKLET)
		return usage_error("--no-impose is for -l booklet");
	return 0;
}

static int
cmd_build(int argc, char *argv[], struct build *b)
{
	static const struct option opts[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ "output", required_argument, NULL, 'o' },
		{ "dump", no_argument, NULL, 'd' },
		{ "pdfa", no_argument, NULL, 'a' },
		{ "no-tags", no_argument, NULL, 'T' },
		{ "layout", required_argument, NULL, 'l' },
		{ "body", required_argument, NULL, 'b' },
		{ "no-impose", no_argument, NULL, 'n' },
		{ "bleed", required_argument, NULL, 'B' },
		{ "fold-guides", no_argument, NULL, 'g' },
		{ NULL, 0, NULL, 0 }
	};
	const char *prof = NULL, *out = NULL;
	struct leaflet_opts o;
	struct profile p;
	struct article a;
	char *path = NULL;
	int c, k, dump = 0, rc = EXIT_BAD;

	memset(&o, 0, sizeof(o));
	while ((c = getopt_long(argc, argv, "p:o:l:", opts, NULL)) != -1) {
		if ((k = layout_option(c, optarg, &o)) != 0) {
			if (k == -1)
				return EXIT_USAGE;
			continue;
		}
		switch (c) {
		case 'p':
			prof = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'd':
			dump = 1;
			break;
		case 'a':
			b->pdfa = 1;
			break;
		case 'T':
			b->notags = 1;
			break;
		default:
			return usage();
		}
	}
	if (prof == NULL)
		return usage_error("build needs a profile: -p PROFILE.yaml");
	if ((k = layout_mismatch(&o.format)) != 0)
		return k;
	if (optind + 1 != argc)
		return usage_error("build takes exactly one article");
	memset(&p, 0, sizeof(p));
	memset(&a, 0, sizeof(a));
	/* refused before any work, and long before anything is written */
	if (out != NULL && !dump && strcmp(out, "-") != 0 &&
	    file_check_output(out, b->d) == -1)
		goto out;
	if (profile_load(&p, prof, b->d) == -1 ||
	    article_load(&a, argv[optind], b->d) == -1)
		goto out;
	if (out == NULL)
		out = path = default_path(&p, &a, &o.format);
	if (leaflet_make(b, &p, &a, &o, out, dump ? stdout : NULL) == 0)
		rc = 0;
out:
	free(path);
	article_free(&a);
	profile_free(&p);
	return rc;
}

/* "K/N", 1 <= K <= N <= 10000. */
static int
parse_shard(const char *s, unsigned *k, unsigned *n)
{
	char *end;
	unsigned long a, b;

	a = strtoul(s, &end, 10);
	if (end == s || *end != '/')
		return -1;
	s = end + 1;
	b = strtoul(s, &end, 10);
	if (end == s || *end != '\0' || a < 1 || a > b || b > 10000)
		return -1;
	*k = (unsigned)a;
	*n = (unsigned)b;
	return 0;
}

/* -j N: N, from 1 to 256; else -1. */
static int
jobs_arg(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	return *s == '\0' || *end != '\0' || n < 1 || n > 256 ? -1 : (int)n;
}

static int
cmd_batch(int argc, char *argv[], struct build *b)
{
	static const struct option opts[] = {
		{ "content", required_argument, NULL, 'c' },
		{ "out", required_argument, NULL, 'o' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "times", required_argument, NULL, 't' },
		{ "pdfa", no_argument, NULL, 'a' },
		{ "no-tags", no_argument, NULL, 'T' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "force", no_argument, NULL, 'f' },
		{ "shard", required_argument, NULL, 's' },
		{ "strict", no_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 }
	};
	struct batch_opts o = { "content", "out", 0, NULL, 0, 0, 0, 0 };
	struct check_opts co = { NULL, NULL, stderr, NULL };
	const char *times = NULL;
	int c, rc, strict = 0;

	while ((c = getopt_long(argc, argv, "j:q", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			o.content = optarg;
			break;
		case 'o':
			o.outdir = optarg;
			break;
		case 'j':
			if ((o.jobs = jobs_arg(optarg)) == -1)
				return usage_error("-j wants a number of jobs, 1 to 256");
			break;
		case 't':
			times = optarg;
			break;
		case 'a':
			b->pdfa = 1;
			break;
		case 'T':
			b->notags = 1;
			break;
		case 'q':
			o.quiet = 1;
			break;
		case 'f':
			o.force = 1;
			break;
		case 's':
			if (parse_shard(optarg, &o.shard_k, &o.shard_n) == -1)
				return usage_error("--shard wants K/N, 1 <= K <= N");
			break;
		case 'S':
			strict = 1;
			break;
		default:
			return usage();
		}
	}
	if (optind != argc)
		return usage_error("batch takes no file arguments");
	/* --strict: what check finds is said, and an error builds nothing */
	co.content = o.content;
	co.outdir = o.outdir;
	if (strict && check_content(b, &co) == -1) {
		diag_msg(b->d, DIAG_ERROR, NULL, 0, 0, "--strict: the checks "
		    "found errors; nothing is built");
		return EXIT_BAD;
	}
	if (times != NULL && (o.times = fopen(times, "w")) == NULL) {
		diag_msg(b->d, DIAG_ERROR, times, 0, 0, "cannot write: %s",
		    strerror(errno));
		return EXIT_BAD;
	}
	rc = batch_run(b, &o) == 0 ? 0 : EXIT_BAD;
	if (o.times != NULL && fclose(o.times) != 0)
		rc = EXIT_BAD;
	return rc;
}

static int
cmd_check(int argc, char *argv[], struct build *b)
{
	static const struct option opts[] = {
		{ "content", required_argument, NULL, 'c' },
		{ "today", required_argument, NULL, 't' },
		{ "out", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct check_opts o = { "content", NULL, stdout, NULL };
	int c;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			o.content = optarg;
			break;
		case 't':
			if (!date_valid(optarg))
				return usage_error("--today wants a date, "
				    "YYYY-MM-DD");
			o.today = optarg;
			break;
		case 'o':
			o.outdir = optarg;
			break;
		default:
			return usage();
		}
	}
	if (optind != argc)
		return usage_error("check takes no file arguments");
	return check_content(b, &o) == 0 ? 0 : EXIT_BAD;
}

static int
cmd_mail(int argc, char *argv[], struct build *b)
{
	static const struct option opts[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ "patients", required_argument, NULL, 'P' },
		{ "content", required_argument, NULL, 'c' },
		{ "letter", required_argument, NULL, 'l' },
		{ "out", required_argument, NULL, 'o' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "send", required_argument, NULL, 's' },
		{ "smtp-user", required_argument, NULL, 'u' },
		{ "encrypt", required_argument, NULL, 'e' },
		{ "jobs", required_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct mail_opts o = { NULL, "content", NULL, "out", 0, NULL, NULL,
	    NULL, NULL, 0 };
	const char *prof = NULL;
	struct profile p;
	char *letter = NULL;
	int c, rc;

	while ((c = getopt_long(argc, argv, "p:j:", opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			prof = optarg;
			break;
		case 'P':
			o.patients = optarg;
			break;
		case 'c':
			o.content = optarg;
			break;
		case 'l':
			o.letter = optarg;
			break;
		case 'o':
			o.outdir = optarg;
			break;
		case 'n':
			o.dry_run = 1;
			break;
		case 's':
			o.send = optarg;
			break;
		case 'u':
			o.smtp_user = optarg;
			break;
		case 'e':
			o.encrypt = optarg;
			break;
		case 'j':
			if ((o.jobs = jobs_arg(optarg)) == -1)
				return usage_error("-j wants a number of jobs, 1 to 256");
			break;
		default:
			return usage();
		}
	}
	if (prof == NULL || o.patients == NULL)
		return usage_error("mail needs -p PROFILE.yaml and "
		    "--patients LIST.csv");
	if (o.smtp_user != NULL && (o.send == NULL ||
	    (o.smtp_pass = getenv("LEAFPRESS_SMTP_PASSWORD")) == NULL))
		return usage_error("--smtp-user needs --send and the password "
		    "in LEAFPRESS_SMTP_PASSWORD");
	if (optind != argc)
		return usage_error("mail takes no file arguments");
	if (o.letter == NULL)
		o.letter = letter = path_join(o.content, "letters/default.md");
	memset(&p, 0, sizeof(p));
	rc = profile_load(&p, prof, b->d) == 0 && mail_run(b, &p, &o) == 0 ?
	    0 : EXIT_BAD;
	profile_free(&p);
	free(letter);
	return rc;
}

/* manifest merge: the shards' partial manifests into one. */
static int
cmd_manifest(int argc, char *argv[])
{
	struct diag d = { stderr, 0, 0 };
	const char *out = NULL;
	int c;

	if (argc < 2 || strcmp(argv[1], "merge") != 0)
		return usage_error("expected: manifest merge PARTIAL.json...");
	argc--;
	argv++;
	while ((c = getopt(argc, argv, "o:")) != -1) {
		if (c != 'o')
			return usage();
		out = optarg;
	}
	if (optind >= argc)
		return usage_error("manifest merge needs the partial manifests");
	return manifest_merge((const char *const *)argv + optind,
	    (size_t)(argc - optind), out, &d) == 0 ? 0 : EXIT_BAD;
}

int
main(int argc, char *argv[])
{
	struct diag d = { stderr, 0, 0 };
	struct build b;
	char *fonts;
	int rc;

	if (argc < 2)
		return usage_error("expected a command: build, batch or check");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(usage_text, stdout);
		fputs("\n", stdout);
		fputs(help_text, stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		puts("leafpress " VERSION);
		return 0;
	}
	if (strcmp(argv[1], "manifest") == 0)
		return cmd_manifest(argc - 1, argv + 1);
	if (strcmp(argv[1], "build") != 0 && strcmp(argv[1], "batch") != 0 &&
	    strcmp(argv[1], "check") != 0 && strcmp(argv[1], "mail") != 0)
		return usage_error("expected a command: build, batch, check or "
		    "manifest");
	init_linebreak();	/* libunibreak's one-time tables */
	fonts = font_dir();
	rc = build_init(&b, fonts, &d);
	free(fonts);
	if (rc == -1)
		return EXIT_BAD;
	if (source_date(&b.source_date, &d) == -1) {
		build_free(&b);
		return EXIT_BAD;
	}
	if (strcmp(argv[1], "build") == 0)
		rc = cmd_build(argc - 1, argv + 1, &b);
	else if (strcmp(argv[1], "batch") == 0)
		rc = cmd_batch(argc - 1, argv + 1, &b);
	else if (strcmp(argv[1], "mail") == 0)
		rc = cmd_mail(argc - 1, argv + 1, &b);
	else
		rc = cmd_check(argc - 1, argv + 1, &b);
	build_free(&b);
	return rc;
}
