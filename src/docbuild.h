/*
 * docbuild: what the files that build a document share, and no one
 * else needs: the build context, and the primitives that add blocks and
 * runs to the document.  document.c walks the Markdown, furniture.c adds
 * the clinic's brand band, contact box and governance line, headings.c
 * names headings and checks the links to them.
 */
#ifndef LP_DOCBUILD_H
#define LP_DOCBUILD_H
#include <stddef.h>
#include <stdint.h>

#include <cmark-gfm.h>

#include "document.h"

/* Limits against hostile input. */
#define MAX_INDENT_DEPTH	8	/* deeper lists and quotes stop indenting */
#define MAX_BLOCKS		100000
#define MAX_IMAGES		256

struct style {			/* inline emphasis in force */
	int		 strong;
	int		 emph;
	const char	*link;
	int		 strike;
};

struct open {			/* one open container: the walk's stack */
	cmark_node_type	 type;
	int		 ordered;
	int		 tight;
	int		 number;	/* next list number */
	char		 delim;
	int		 callout;	/* block quote: its callout */
	int		 group;		/* its index in the document's groups */
	int		 footnote;	/* the footnotes' list, or one of them */
};

struct slugset {		/* open addressing, a power of two */
	const char	**v;
	size_t		  n;
	size_t		  cap;
};

struct ref {			/* a "#slug" link, to check */
	char		*slug;		/* owned */
	int		 line;
	int		 col;
};

/* The characters a face cannot draw, told once per document. */
struct missing {
	uint32_t	*cp;		/* distinct, in order of appearance */
	size_t		 n;
	struct srcpos	 first;		/* where the first appears */
};

#define MISSING_SHOWN	20	/* characters a warning names */

struct ctx {
	struct document		*doc;
	const struct article	*art;
	const struct profile	*prof;
	const struct font *const *fonts;
	struct diag		*d;
	struct open		*stack;
	size_t			 depth;
	struct block		*cur;		/* open text block, or NULL */
	struct style		 st;
	char			*anchor;	/* st.link when it is a "#slug",
						   percent-decoded */
	char			*marker;	/* list marker for the next block */
	int			 tick;		/* and its task box (block.tick) */
	char			*target;	/* link name for the next run, owned */
	int			 notes;		/* footnotes so far */
	int			 callout;	/* current callout index + 1 */
	float			 indent;
	int			 item_first;	/* next block is an item's first */
	int			 tight;		/* inside a tight list */
	int			 group;		/* innermost container, or -1 */
	struct ref		*refs;
	size_t			 nrefs;
	struct slugset		 slugs;		/* heading names so far */
	cmark_node		*alert_node;	/* text opening "[!WARNING]" */
	size_t			 alert_skip;	/* bytes of its tag */
	const char		*alert_label;	/* shown instead */
	struct missing		 missing[FACE__MAX];
	size_t			 nextfig;	/* the article's next figure */
	int			 html;		/* raw HTML met, and warned of */
	int			 nremote;	/* images that cannot be shown */
	struct srcpos		 remote2;	/* where the second is */
	int			 nunsafe;	/* links kept as text */
	struct srcpos		 unsafe2;	/* where the second is */
	int			 toomany;	/* images past MAX_IMAGES met */
	size_t			 table;		/* index + 1 of the table block
						   being filled, or 0 */
	int			 err;
};

/* docbuild.c */
struct rgb	 tint(struct rgb, float amount);
struct block	*add_block(struct ctx *, enum block_kind, enum role, int line);
struct run	*add_run(struct block *, const char *, size_t, enum face,
		    float size, struct rgb, const char *link);
void		 text_run(struct ctx *, const char *, size_t, int code,
		    int line);
void		 set_heading_style(const struct typescale *, struct block *,
		    int level);
void		 text_block(struct ctx *, enum role, const char *, enum face,
		    float size, struct rgb, float space);
int		 new_callout(struct document *, enum callout_kind, struct rgb,
		    float pad);
void		 check_glyphs(struct ctx *, enum face, const char *, size_t,
		    int line);
void		 check_run(struct ctx *, const struct run *, int from_profile);
void		 report_glyphs(struct ctx *);
void		 report_more(struct ctx *);
char		*plain_text(cmark_node *);
void		 free_block(struct block *);
int		 node_line(const struct ctx *, cmark_node *);

/*
 * htmltext.c: the text of raw HTML, entities decoded, tags dropped but
 * for line breaks ('\n') and images' alt text; caller frees.
 */
char		*html_text(const char *, size_t);

/* containers.c */
void		 enter_container(struct ctx *, cmark_node *);
void		 leave_container(struct ctx *);
void		 flush_marker(struct ctx *, int line);

/* headings.c */
void		 name_heading(struct ctx *, struct block *, cmark_node *);
int		 safe_link(const char *url);
void		 enter_link(struct ctx *, cmark_node *);
void		 leave_link(struct ctx *, cmark_node *);
char		*anchor_decode(const char *);
void		 name_text(struct ctx *, struct block *, const char *);
void		 add_ref(struct ctx *, const char *slug, int line, int col);
void		 check_refs(struct ctx *);
void		 headings_free(struct ctx *);

/* notes.c */
void		 notes_heading(struct ctx *, cmark_node *);
void		 note_ref(struct ctx *, cmark_node *);
void		 leave_note(struct ctx *);

/* doctable.c */
int		 table_node(struct ctx *, cmark_node *, cmark_event_type);

/* furniture.c */
int		 brand(struct ctx *, const char *title);
void		 closing(struct ctx *);

#endif
