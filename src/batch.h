/* batch: every article x every clinic profile -> out/<clinic>/<article>.pdf */
#ifndef LP_BATCH_H
#define LP_BATCH_H

struct build;

/*
 * Build content/articles/\*.md x content/clinics/\*.yaml under content
 * into outdir.  One failing leaflet does not stop the others; returns -1
 * if any failed.
 */
int	batch_run(struct build *, const char *content, const char *outdir);

#endif
