/*
 * A clinic profile: the YAML file that brands a leaflet.  It loads its own
 * logo, so that the stages after it do no file I/O: a logo that cannot be
 * read is reported by each leaflet that would show it (see diag_held).
 */
#ifndef LP_PROFILE_H
#define LP_PROFILE_H
#include <stddef.h>

#include "diag.h"
#include "image.h"
#include "style.h"

struct vars_more;

enum paper {
	PAPER_A4,
	PAPER_LETTER,
	PAPER_A5
};

/* A flag and where the profile set it, for what it asks of other keys. */
struct flagpos {
	int		 on;
	struct srcpos	 pos;
};

struct profile {
	char		*file;		/* path as given */
	char		*dir;		/* its directory, for relative paths */
	char		*slug;		/* file name without extension */
	char		*name;		/* required */
	char		*tagline;
	char		*logo;		/* path resolved against dir, or NULL */
	struct srcpos	 logo_pos;	/* where the logo key's value is */
	struct image	 logo_image;	/* loaded when logo_ok */
	int		 logo_ok;
	struct diag_held logo_held;	/* why it could not be loaded */
	struct rgb	 primary;
	struct rgb	 accent;
	char		*phone;
	char		*email;
	char		*website;
	char		*booking;	/* where to book: a web address */
	char		**address;	/* lines */
	size_t		 naddress;
	enum paper	 paper;
	char		*font[FACE__MAX];	/* own TTF paths, resolved, or NULL */
	struct srcpos	 font_pos[FACE__MAX];
	int		 justify;	/* justified text instead of ragged right */
	int		 pdfa;		/* PDF/A-1b by default */
	unsigned	 layouts;	/* 1 << enum layout (format.h) for
					   each layout batch builds */
	char		*mail_from;	/* contact.mail_from: mail's From */
	const struct vars_more *more;	/* variables besides the clinic's
					   (vars.h), set by mail for its
					   letter; NULL as loaded */
	struct flagpos	 qr;		/* a QR code in the contact box */
	char		*large_print;	/* the line saying large print is
					   available, on standard leaflets */
};

/* Parse a profile held in memory; file names the source in messages. */
int	profile_parse(struct profile *, const char *file, const char *buf,
	    size_t len, struct diag *);
/* Read and parse a profile file. */
int	profile_load(struct profile *, const char *file, struct diag *);
void	profile_free(struct profile *);

/*
 * A web address as a link: with "https://" in front when it has no
 * scheme; caller frees.
 */
char	*profile_url(const char *);
/*
 * Where the QR code points (the booking address, else the website) as
 * a link, or NULL when it has neither; caller frees.
 */
char	*profile_qr_url(const struct profile *);

/* Parse "#RRGGBB"; returns 0 or -1. */
int	color_parse(const char *, struct rgb *);

#endif
