/*
 * patients: the list of patients a clinic mails leaflets to, as its own
 * system exports it: a CSV file (RFC 4180: a header row, quoted fields,
 * commas and line breaks inside quotes; UTF-8, with or without a byte
 * order mark), read with libcsv.  The columns, in any order, by their
 * header (in any case; others are ignored):
 *
 *	ref		the clinic's patient reference (required): a safe
 *			file name, unique in the list
 *	name		the patient's name, the address block's first line
 *	address		its other lines, separated by line breaks or '|'
 *	email		where the email goes
 *	articles	article names, separated by ';' (required)
 *	format		handout (the default), large-print, ...
 *	lang		picks <article>.<lang>.md where there is one
 *	channel		post (the default), email, or both ("post;email")
 *
 * Every row is checked alone: a bad one is one error, at its line and
 * column, naming its ref and never what it says of the patient, and is
 * left out; the others are kept.
 */
#ifndef LP_PATIENTS_H
#define LP_PATIENTS_H
#include <stddef.h>

#include "diag.h"
#include "format.h"

enum pcol {
	PCOL_REF,
	PCOL_NAME,
	PCOL_ADDRESS,
	PCOL_EMAIL,
	PCOL_ARTICLES,
	PCOL_FORMAT,
	PCOL_LANG,
	PCOL_CHANNEL,
	PCOL_SECRET,		/* the column --encrypt names, if any */
	PCOL__MAX
};

#define CHANNEL_POST	1u
#define CHANNEL_EMAIL	2u

/* Limits against hostile input; a real list comes nowhere near them. */
#define PATIENTS_MAXROWS	100000
#define PATIENTS_MAXFIELD	4096	/* bytes in one field */
#define PATIENTS_MAXREF		64
#define PATIENTS_MAXARTICLES	16
#define PATIENTS_MAXLINES	32	/* of an address, before the rules */

struct patient {
	char		*ref;
	char		*name;		/* or NULL */
	char		**address;	/* its lines, trimmed, none empty */
	size_t		 naddress;
	char		*email;		/* or NULL */
	char		**articles;
	size_t		 narticles;
	struct format	 format;
	char		*lang;		/* or NULL */
	char		*secret;	/* or NULL */
	unsigned	 channels;	/* CHANNEL_POST | CHANNEL_EMAIL */
	struct srcpos	 pos[PCOL__MAX];	/* where each field starts */
};

struct patients {
	char		*file;
	struct patient	*v;		/* the good rows, in list order */
	size_t		 n;
	size_t		 rows;		/* data rows read, good or bad */
};

/*
 * Read the list held in buf[0..len); file names it in messages.
 * secret, if not NULL, is the header of the column to keep as each
 * patient's secret (--encrypt).  Each bad row is reported and left out;
 * returns 0 when every row was good, 1 when some were left out, -1
 * (reported) when the list as a whole cannot be read: not CSV, no
 * header row, no ref or articles column.  patients_free() either way.
 */
int	patients_parse(struct patients *, const char *file, const char *buf,
	    size_t len, const char *secret, struct diag *);
/* Read and parse a list file; the same contract. */
int	patients_load(struct patients *, const char *file, const char *secret,
	    struct diag *);
void	patients_free(struct patients *);

/* Is s a ref that may name files: letters, digits, '.', '-', '_'? */
int	patients_safe_ref(const char *s);
/* Is s an email address leafpress will send to: local@domain.tld? */
int	patients_email_ok(const char *s);

#endif
