/*
 * mail: personal copies for a list of patients (patients.h).  For each
 * patient, out/mail/<ref>.pdf: a cover letter for a window envelope
 * (letter.h) and the leaflets the row names in the patient's format,
 * each leaflet starting on an odd page; for the post, all of them in
 * one out/mail/post-YYYY-MM-DD.pdf in list order, each patient starting
 * on a new sheet; for email, out/mail/<ref>.eml (mime.h).  Patients'
 * names, addresses and email addresses go into that patient's own files
 * and nowhere else: not into messages, file names or PDF metadata.
 * With a server to send to, each email goes to it once (journal.h).
 */
#ifndef LP_MAIL_H
#define LP_MAIL_H

struct build;
struct profile;

struct mail_opts {
	const char	*patients;	/* the CSV list */
	const char	*content;	/* where articles/ is */
	const char	*letter;	/* the letter's Markdown */
	const char	*outdir;	/* out/mail goes under it */
	int		 dry_run;	/* build everything, send nothing */
	const char	*send;		/* smtp://HOST[:PORT], or NULL */
	const char	*smtp_user;	/* or NULL */
	const char	*smtp_pass;	/* from the environment */
	const char	*encrypt;	/* the column of the PDFs' password */
	int		 jobs;		/* worker processes */
};

/*
 * Build every patient's files.  A bad row or a patient whose files
 * cannot be made is one error, and the others are still made: 0 when
 * all were, else -1.
 */
int	mail_run(struct build *, const struct profile *,
	    const struct mail_opts *);

#endif
