/*
 * tags: the display list's tags (pages.h, enum tag) and nesting, from
 * the document; the last step of compose.
 */
#ifndef LP_TAGS_H
#define LP_TAGS_H

struct document;
struct page;
struct pages;

/* Tag every item of pg still TAG_AUTO. */
void	tag_page(const struct document *, struct page *);
/* Fill the pages' nest table and each block's container in it. */
void	tag_nesting(struct pages *, const struct document *);

#endif
