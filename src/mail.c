/*
 * mail: a letter and leaflets for each patient of a list.  Each leaflet
 * is laid out once per format and its pages copied into every patient's
 * copy that encloses it; the letter is laid out for each patient, and
 * the whole copy rendered once.  What is said on standard error names
 * refs, articles and files, never a patient.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "date.h"
#include "diag.h"
#include "fonts.h"
#include "fileio.h"
#include "journal.h"
#include "leaflet.h"
#include "letter.h"
#include "mail.h"
#include "mime.h"
#include "outbox.h"
#include "patients.h"
#include "pdfcat.h"
#include "pdfcrypt.h"
#include "pool.h"
#include "render.h"
#include "sha256.h"
#include "vars.h"
#include "xalloc.h"

/* A leaflet laid out in one format, kept for every patient it goes to. */
struct laid {
	char		*path;
	enum layout	 layout;
	struct article	 a;
	struct leaflet	 lf;
	int		 ok;
};

struct mail {
	struct build		*b;
	const struct profile	*p;
	const struct mail_opts	*o;
	const struct letter_geom *g;
	const struct font	*fonts[FACE__MAX];
	struct font		 own[FACE__MAX];	/* the profile's */
	struct diag		 quiet;
	struct profile		 lp;		/* the profile, with the
						   letter's variables: its
						   logo is the letter's image */
	const char		*values[4];	/* of those variables */
	struct vars_more	 more;
	char			*letter;	/* the letter's text */
	size_t			 letterlen;
	char			*dir;		/* out/mail */
	char			 day[11];	/* the run's, YYYY-MM-DD */
	long long		 when;		/* and its midnight */
	char			*from;		/* the profile's mail_from */
	struct laid		*laid;
	size_t			 nlaid;
	struct patients		*ps;
	struct pdfcat		 post;		/* every post copy, in order */
	int			 posting;	/* post is open */
	size_t			 sheets;
	size_t			 built, failed, emails, posted;
	struct journal		 jr;		/* what went to the server */
	size_t			*queue;		/* patients with an email */
	size_t			 nqueue;
};



/* The run's day: SOURCE_DATE_EPOCH's, else today's (UTC). */
static void
run_day(struct mail *m)
{
	time_t t = m->b->source_date >= 0 ? (time_t)m->b->source_date :
	    time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(m->day, sizeof(m->day), "%Y-%m-%d", &tm);
	m->when = m->b->source_date >= 0 ? m->b->source_date :
	    date_seconds(m->day);
}

/* The article file for name in lang: <name>.<lang>.md if there is one. */
static char *
article_path(const struct mail *m, const char *name, const char *lang)
{
	struct stat st;
	char *s;

	if (lang != NULL) {
		s = xasprintf("%s/articles/%s.%s.md", m->o->content, name, lang);
		if (stat(s, &st) == 0 && S_ISREG(st.st_mode))
			return s;
		free(s);
	}
	s = xasprintf("%s/articles/%s.md", m->o->content, name);
	if (stat(s, &st) == 0 && S_ISREG(st.st_mode))
		return s;
	free(s);
	return NULL;
}

/* The leaflet at path in format f, laid out the first time it is asked. */
static struct laid *
laid_get(struct mail *m, const char *path, const struct format *f)
{
	struct leaflet_opts lo;
	struct laid *l;
	size_t i;

	for (i = 0; i < m->nlaid; i++)
		if (m->laid[i].layout == f->layout &&
		    strcmp(m->laid[i].path, path) == 0)
			return &m->laid[i];
	m->laid = xreallocarray(m->laid, m->nlaid + 1, sizeof(*m->laid));
	l = &m->laid[m->nlaid++];
	memset(l, 0, sizeof(*l));
	l->path = xstrdup(path);
	l->layout = f->layout;
	memset(&lo, 0, sizeof(lo));
	lo.layout_only = 1;
	lo.format = *f;
	l->ok = article_load(&l->a, path, m->b->d) == 0 &&
	    leaflet_render(m->b, m->p, &l->a, &lo, &l->lf) == 0;
	return l;
}

/* "A", "A and B", "A, B and C". */
static char *
titles(struct laid **v, size_t n)
{
	struct sbuf s = { NULL, 0, 0 };
	size_t i;

	sbuf_put(&s, "", 0);
	for (i = 0; i < n; i++) {
		if (i > 0)
			sbuf_put(&s, i + 1 == n ? " and " : ", ",
			    i + 1 == n ? 5 : 2);
		sbuf_put(&s, v[i]->lf.doc.title, strlen(v[i]->lf.doc.title));
	}
	return s.s;
}

/*
 * The letter for one patient (pt NULL: a stand-in, to check the letter
 * once with its messages said): its text filled in and laid out.
 */
static int
letter_make(struct mail *m, const struct patient *pt, char **addr,
    size_t naddr, const char *leaflets, struct article *a,
    struct leaflet *lf, struct diag *d)
{
	static const char *const names[] = { "patient.name", "patient.ref",
	    "date", "leaflets" };
	const char **values = m->values;
	struct letterhead lh;
	struct leaflet_opts lo;
	struct typescale ty;
	struct shape sh;
	char *day = date_format(m->day);
	int rc;

	values[0] = pt && pt->name ? pt->name : "A. Patient";
	values[1] = pt ? pt->ref : "REF";
	values[2] = day;
	values[3] = leaflets;
	m->lp = *m->p;
	m->more.name = names;
	m->more.value = values;
	m->more.n = 4;
	m->lp.more = &m->more;
	memset(&lh, 0, sizeof(lh));
	lh.g = m->g;
	lh.p = m->p;
	lh.addr = addr;
	lh.naddr = naddr;
	lh.ref = values[1];
	lh.logo = m->p->logo != NULL && m->p->logo_ok;
	letter_typescale(&ty);
	letter_shape(&sh, &lh, &ty);
	memset(&lo, 0, sizeof(lo));
	lo.layout_only = 1;
	lo.shape = &sh;
	lo.bare = 1;
	rc = article_parse_for(a, m->o->letter, m->letter, m->letterlen,
	    &m->lp, d);
	if (rc == 0) {
		struct build *b = m->b;
		struct diag *keep = b->d;

		b->d = d;
		rc = leaflet_render(b, &m->lp, a, &lo, lf);
		b->d = keep;
	}
	free(day);
	return rc;
}

/* The letter's text, for an email's body: its paragraphs, plain. */
static char *
plain_text(const struct document *doc)
{
	struct sbuf s = { NULL, 0, 0 };
	const struct block *bl;
	size_t i, j;

	sbuf_put(&s, "", 0);
	for (i = 0; i < doc->nblocks; i++) {
		bl = &doc->blocks[i];
		if (bl->kind != BLK_TEXT || bl->role == ROLE_TITLE)
			continue;
		for (j = 0; j < bl->nruns; j++)
			if (bl->runs[j].hardbreak)
				sbuf_put(&s, "\r\n", 2);
			else
				sbuf_put(&s, bl->runs[j].text, bl->runs[j].len);
		sbuf_put(&s, "\r\n\r\n", 4);
	}
	return s.s;
}

/* An error for the patient's row, at column c: the row is left out. */
static void
row_error(struct mail *m, const struct patient *pt, enum pcol c,
    const char *msg)
{
	diag_at(m->b->d, DIAG_ERROR, &pt->pos[c], "patient %s: %s", pt->ref,
	    msg);
	m->failed++;
}

/* Add one copy's pages to dst, its blocks and images after dst's. */
static void
join(struct pages *dst, const struct leaflet *lf, int *blocks,
    const struct image ***img, size_t *nimg)
{
	size_t i;

	pages_append(dst, &lf->pages, *blocks, (int)*nimg);
	*blocks += (int)lf->doc.nblocks;
	*img = xreallocarray(*img, *nimg + lf->doc.nimages + 1, sizeof(**img));
	for (i = 0; i < lf->doc.nimages; i++)
		(*img)[(*nimg)++] = lf->doc.images[i];
}

/* Write the email of one patient. */
static int
write_eml(struct mail *m, const struct patient *pt, const struct leaflet *let,
    const unsigned char *pdf, size_t len)
{
	struct sbuf out = { NULL, 0, 0 };
	struct mime_msg msg;
	struct sha256 h;
	unsigned char sum[SHA256_LEN];
	unsigned char *enc = NULL;
	char hex[SHA256_HEX], *path, *file, *text;
	int rc;

	/* the message that went, or may have, stays as it was */
	if (journal_state(&m->jr, pt->ref, NULL) >= J_DOUBT)
		return 0;
	text = plain_text(&let->doc);
	/* reproducible: the same run of the same list gives the same id */
	sha256_init(&h);
	sha256_add(&h, pt->ref, strlen(pt->ref) + 1);
	sha256_add(&h, m->day, sizeof(m->day));
	sha256_add(&h, pdf, len);
	sha256_end(&h, sum);
	sha256_tohex(sum, hex);
	hex[32] = '\0';
	file = xasprintf("%s.pdf", pt->ref);
	memset(&msg, 0, sizeof(msg));
	msg.from = m->from;
	msg.to_name = pt->name;
	msg.to = pt->email;
	msg.subject = let->doc.title;
	msg.date = m->when;
	msg.id = hex;
	msg.text = text;
	msg.filename = file;
	msg.pdf = pdf;
	msg.pdflen = len;
	if (m->o->encrypt != NULL && pdf_encrypt(pdf, len, pt->secret, file,
	    &enc, &msg.pdflen, m->b->d) == -1) {
		rc = -1;
		goto out;
	}
	if (enc != NULL)
		msg.pdf = enc;
	mime_write(&out, &msg);
	path = xasprintf("%s/%s.eml", m->dir, pt->ref);
	rc = file_write_nosync(path, out.s, out.n, m->b->d);
	free(path);
out:
	free(enc);
	free(file);
	free(text);
	free(out.s);
	return rc;
}

/* Render pages whose images are img[0..nimg) into a PDF. */
static int
render_copy(struct mail *m, const struct pages *pg, const char *title,
    const struct image **img, size_t nimg, unsigned char **pdf, size_t *len)
{
	struct pdfinfo info;

	memset(&info, 0, sizeof(info));
	info.title = title;
	info.author = m->p->name;
	info.lang = "en";
	info.date = m->when;
	info.pdfa = m->b->pdfa || m->p->pdfa;
	info.images = img;
	info.nimages = nimg;
	return render_pdf(pg, &info, m->fonts, &m->b->images, pdf, len,
	    m->b->d);
}

/* The name and address lines of a patient, checked for the window. */
static char **
address_block(struct mail *m, struct patient *pt, size_t *n,
    const char **why)
{
	char **v = xcalloc(pt->naddress + 1, sizeof(*v));
	size_t i;

	v[0] = xstrdup(pt->name ? pt->name : "");
	for (i = 0; i < pt->naddress; i++)
		v[i + 1] = xstrdup(pt->address[i]);
	*n = pt->naddress + 1;
	*why = NULL;
	if (pt->channels & CHANNEL_POST)
		*why = letter_address_check(m->g, m->fonts[FACE_REGULAR], v, *n);
	return v;
}

/* The leaflets of a patient, laid out; NULL after a row error. */
static struct laid **
leaflets_of(struct mail *m, const struct patient *pt)
{
	struct laid **v = xcalloc(pt->narticles, sizeof(*v));
	char *path, *msg;
	size_t i;

	for (i = 0; i < pt->narticles; i++) {
		if ((path = article_path(m, pt->articles[i], pt->lang)) == NULL) {
			msg = xasprintf("unknown article '%s'", pt->articles[i]);
			row_error(m, pt, PCOL_ARTICLES, msg);
			free(msg);
			break;
		}
		v[i] = laid_get(m, path, &pt->format);
		free(path);
		if (!v[i]->ok) {
			row_error(m, pt, PCOL_ARTICLES, "a leaflet could not "
			    "be made");
			break;
		}
	}
	if (i < pt->narticles) {
		free(v);
		return NULL;
	}
	return v;
}

/* What became of one patient, as a worker tells the parent. */
struct made {
	uint32_t	 pages;		/* of the copy */
	uint32_t	 built;		/* its files were written */
};

/*
 * The copy of a patient whose leaflets are lv: the letter, then each
 * leaflet from an odd page; written, mailed, posted.  0, or -1 after
 * an error.
 */
static int
copy_make(struct mail *m, const struct patient *pt, char **addr,
    size_t naddr, struct laid **lv, struct made *md)
{
	struct article a;
	struct leaflet let;
	struct pages pg;
	const struct image **img = NULL;
	unsigned char *pdf = NULL;
	size_t nimg = 0, i, len;
	char *lt = titles(lv, pt->narticles), *path, *msg;
	int blocks = 0, rc = -1;

	memset(&pg, 0, sizeof(pg));
	if (letter_make(m, pt, addr, naddr, lt, &a, &let, &m->quiet) == -1) {
		row_error(m, pt, PCOL_REF, "the letter could not be made");
		goto out;
	}
	join(&pg, &let, &blocks, &img, &nimg);
	for (i = 0; i < pt->narticles; i++) {
		if (pg.n % 2 == 1)
			pages_blank(&pg);
		join(&pg, &lv[i]->lf, &blocks, &img, &nimg);
	}
	if (pg.n > (size_t)m->g->maxpages) {
		msg = xasprintf("%zu pages: more than %d for one patient",
		    pg.n, m->g->maxpages);
		row_error(m, pt, PCOL_ARTICLES, msg);
		free(msg);
		goto out;
	}
	if (render_copy(m, &pg, lt, img, nimg, &pdf, &len) == -1)
		goto out;
	path = xasprintf("%s/%s.pdf", m->dir, pt->ref);
	rc = file_write_nosync(path, pdf, len, m->b->d);
	free(path);
	if (rc == 0 && (pt->channels & CHANNEL_EMAIL))
		rc = write_eml(m, pt, &let, pdf, len);
	if (rc == -1)
		goto out;
	md->built = 1;
	md->pages = (uint32_t)pg.n;
out:
	free(pdf);
	free(img);
	free(lt);
	pages_free(&pg);
	leaflet_free(&let);
	article_free(&a);
	return rc;
}

/* One patient of the list. */
static int
one_patient(struct mail *m, struct patient *pt, struct made *md)
{
	struct laid **lv = NULL;
	const char *why;
	char **addr;
	size_t naddr, i;
	int rc = -1;

	addr = address_block(m, pt, &naddr, &why);
	if (why != NULL)
		row_error(m, pt, PCOL_ADDRESS, why);
	else if ((pt->channels & CHANNEL_EMAIL) && m->from == NULL)
		row_error(m, pt, PCOL_CHANNEL, "the profile has no "
		    "contact.mail_from nor contact.email to send from");
	else if ((pt->channels & CHANNEL_EMAIL) && m->o->encrypt != NULL &&
	    (pt->secret == NULL || pt->secret[0] == '\0'))
		row_error(m, pt, PCOL_SECRET, "no password in the --encrypt "
		    "column for its PDF");
	else if ((lv = leaflets_of(m, pt)) != NULL)
		rc = copy_make(m, pt, addr, naddr, lv, md);
	free(lv);
	for (i = 0; i < naddr; i++)
		free(addr[i]);
	free(addr);
	return rc;
}

/* The letter, read and checked once with a stand-in patient. */
static int
letter_check(struct mail *m)
{
	char *addr[] = { "A. Patient", "1 Example Street", "Exampletown",
	    "EX1 1AA" };
	struct article a;
	struct leaflet lf;
	int rc;

	if (file_read(m->o->letter, &m->letter, &m->letterlen, m->b->d) == -1)
		return -1;
	rc = letter_make(m, NULL, addr, 4, "Leaflet", &a, &lf, m->b->d);
	leaflet_free(&lf);
	article_free(&a);
	return rc;
}

/* A patient's copy joins the post, on a sheet of its own. */
static void
post_add(struct mail *m, const struct patient *pt, size_t pages)
{
	unsigned char *pdf;
	size_t len;
	float w, h;
	char *path = xasprintf("%s/%s.pdf", m->dir, pt->ref), *post;

	if (!m->posting) {
		post = xasprintf("%s/post-%s.pdf", m->dir, m->day);
		m->posting = pdfcat_open(&m->post, post, m->b->d) == 0;
		free(post);
		if (!m->posting) {
			m->failed++;
			m->posting = -1;
		}
	}
	if (m->posting == 1 && m->post.pages % 2 == 1) {
		paper_size(m->g->paper, &w, &h);
		pdfcat_blank(&m->post, w, h);
	}
	if (m->posting == 1 && file_read(path, (char **)&pdf, &len,
	    m->b->d) == 0) {
		if (pdfcat_add(&m->post, pdf, len, path, m->b->d) == -1)
			m->failed++;
		free(pdf);
		m->sheets += (pages + 1) / 2;
		m->posted++;
	}
	free(path);
}

/* The post's one PDF, every patient's copy in list order, finished. */
static int
write_post(struct mail *m)
{
	struct pdfcat_info info;
	char *title;
	int rc;

	if (m->posting != 1)
		return m->posting == 0 ? 0 : -1;
	m->posting = 0;
	title = xasprintf("Letters from %s, %s", m->p->name, m->day);
	memset(&info, 0, sizeof(info));
	info.title = title;
	info.author = m->p->name;
	info.lang = "en";
	info.date = m->when;
	rc = pdfcat_close(&m->post, &info, m->b->d);
	if (rc == 0)
		fprintf(stderr, "%s/post-%s.pdf  %zu patients, %zu sheets\n",
		    m->dir, m->day, m->posted, m->sheets);
	free(title);
	return rc;
}

/* pool_work: one patient's files, in a worker; what became of it. */
static void
work(void *arg, size_t i, struct sbuf *res)
{
	struct mail *m = arg;
	struct made md;
	FILE *keep = m->b->d->out;
	char *msgs = NULL;
	size_t len = 0;

	memset(&md, 0, sizeof(md));
	/* its messages go with it, to be said in list order */
	if ((m->b->d->out = open_memstream(&msgs, &len)) == NULL)
		m->b->d->out = keep;
	one_patient(m, &m->ps->v[i], &md);
	if (m->b->d->out != keep) {
		fclose(m->b->d->out);
		m->b->d->out = keep;
	}
	sbuf_put(res, (const char *)&md, sizeof(md));
	sbuf_put(res, msgs, len);
	free(msgs);
}

/* pool_take: one patient's outcome, in list order: said, posted, queued. */
static void
take(void *arg, size_t i, const char *res, size_t len)
{
	struct mail *m = arg;
	const struct patient *pt = &m->ps->v[i];
	struct made md;

	if (res == NULL || len < sizeof(md)) {
		diag_at(m->b->d, DIAG_ERROR, &pt->pos[PCOL_REF], "patient %s: "
		    "its worker stopped before it was made", pt->ref);
		m->failed++;
		return;
	}
	memcpy(&md, res, sizeof(md));
	if (m->b->d->out != NULL)
		fwrite(res + sizeof(md), 1, len - sizeof(md), m->b->d->out);
	if (!md.built) {
		m->failed++;
		return;
	}
	m->built++;
	if (pt->channels & CHANNEL_POST)
		post_add(m, pt, md.pages);
	if (pt->channels & CHANNEL_EMAIL) {
		m->queue = xgrow(m->queue, m->nqueue, sizeof(*m->queue));
		m->queue[m->nqueue++] = i;
		m->emails++;
	}
	fprintf(stderr, "[%zu/%zu] %s  %u pages, %u sheets%s%s\n", i + 1,
	    m->ps->n, pt->ref, md.pages, (md.pages + 1) / 2,
	    pt->channels & CHANNEL_POST ? "  post" : "",
	    pt->channels & CHANNEL_EMAIL ? "  email" : "");
}

/* Send the emails made, each once; say what went. */
static int
send_all(struct mail *m, const struct patients *ps)
{
	const struct patient **v = xcalloc(m->nqueue + 1, sizeof(*v));
	struct outbox ob;
	size_t i;
	int rc;

	for (i = 0; i < m->nqueue; i++)
		v[i] = &ps->v[m->queue[i]];
	memset(&ob, 0, sizeof(ob));
	ob.url = m->o->send;
	ob.user = m->o->smtp_user;
	ob.pass = m->o->smtp_pass;
	ob.from = m->from;
	ob.dir = m->dir;
	ob.dry_run = m->o->dry_run;
	ob.jr = &m->jr;
	ob.d = m->b->d;
	rc = outbox_send(&ob, v, m->nqueue);
	if (ob.dry_run)
		fprintf(stderr, "dry run: %zu emails to send, %zu sent "
		    "before; nothing sent\n", ob.todo, ob.before);
	else
		fprintf(stderr, "%s: %zu emails sent, %zu sent before, %zu "
		    "not sent, %zu perhaps sent\n", ob.url, ob.sent, ob.before,
		    ob.failed + ob.todo, ob.doubt);
	free(v);
	return rc;
}

static void
mail_free(struct mail *m)
{
	size_t i;

	for (i = 0; i < m->nlaid; i++) {
		free(m->laid[i].path);
		leaflet_free(&m->laid[i].lf);
		article_free(&m->laid[i].a);
	}
	free(m->laid);
	free(m->letter);
	free(m->dir);
	free(m->from);
	free(m->queue);
	journal_free(&m->jr);
	if (m->posting == 1)
		pdfcat_abort(&m->post);
	for (i = 0; i < FACE__MAX; i++)
		font_free(&m->own[i]);
}

/* The journal in out/mail, read when there is one. */
static int
journal_at(struct mail *m)
{
	char *path = xasprintf("%s/journal", m->dir);
	int rc = journal_load(&m->jr, path, m->b->d);

	free(path);
	return rc;
}

int
mail_run(struct build *b, const struct profile *p, const struct mail_opts *o)
{
	struct patients ps;
	struct mail m;
	size_t i;
	int rc, lrc;

	memset(&m, 0, sizeof(m));
	m.jr.fd = -1;
	m.b = b;
	m.p = p;
	m.o = o;
	m.g = letter_geom(p->paper);
	for (i = 0; i < FACE__MAX; i++) {
		m.fonts[i] = &b->fonts[i];
		if (p->font[i] != NULL && font_load(&m.own[i], p->font[i],
		    b->d) == 0)
			m.fonts[i] = &m.own[i];
	}
	run_day(&m);
	m.dir = xasprintf("%s/mail", o->outdir);
	if (p->mail_from != NULL || p->email != NULL)
		m.from = xstrdup(p->mail_from ? p->mail_from : p->email);
	lrc = patients_load(&ps, o->patients, o->encrypt, b->d);
	rc = lrc == -1 || letter_check(&m) == -1 ||
	    dir_ready(m.dir, b->d) == -1 || journal_at(&m) == -1 ? -1 : 0;
	m.ps = &ps;
	if (rc == 0 && pool_run(ps.n, o->jobs > 0 ? o->jobs :
	    (int)sysconf(_SC_NPROCESSORS_ONLN), work, take, &m) == -1) {
		diag_msg(b->d, DIAG_ERROR, NULL, 0, 0, "cannot start workers: "
		    "%s", strerror(errno));
		rc = -1;
	}
	if (rc == 0 && write_post(&m) == -1)
		rc = -1;
	if (rc == 0)
		fprintf(stderr, "%zu patients: %zu built (%zu to post, %zu "
		    "emails), %zu failed%s\n", ps.rows, m.built, m.posted,
		    m.emails, ps.rows - m.built, o->dry_run && o->send == NULL ?
		    "; a dry run: nothing sent" : "");
	if (rc == 0 && o->send != NULL && send_all(&m, &ps) == -1)
		m.failed++;
	if (rc == 0 && (lrc != 0 || m.failed > 0))
		rc = -1;
	patients_free(&ps);
	mail_free(&m);
	return rc;
}
