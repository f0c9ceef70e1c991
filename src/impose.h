/*
 * impose: a booklet's pages placed two-up on sheets for printing, as a
 * transform of the display list (pages.h) and nothing else: render
 * draws the sheets as it would any pages.  Sheets are printed on both
 * sides (flip on the short edge), stacked, folded in the middle and
 * stapled on the fold (saddle stitch): with n pages, side 1 holds pages
 * n and 1, side 2 pages 2 and n - 1, side 3 pages n - 2 and 3, and so on
 * (left and right, counting from 1).  Eight pages, two sheets:
 *
 *	sheet 1, front  [ 8 | 1 ]	back  [ 2 | 7 ]
 *	sheet 2, front  [ 6 | 3 ]	back  [ 4 | 5 ]
 *
 * Turned over about its short edge, a side shows 2 behind 1 and 7
 * behind 8; sheet 2 folded inside sheet 1, 4 | 5 is the middle spread.
 */
#ifndef LP_IMPOSE_H
#define LP_IMPOSE_H
#include <stddef.h>

struct pages;

/*
 * Where page i (from 0) of a booklet of n pages (a multiple of 4) goes:
 * the sheet side (from 0; sides 2k and 2k + 1 are the front and back of
 * sheet k) and whether on the right half (the odd pages, counting from
 * 1) or the left.
 */
void	impose_place(size_t n, size_t i, size_t *side, int *right);

/*
 * ps, a booklet of ps->n pages (a multiple of 4), imposed in place on
 * sheets w by h points (landscape): each page's items moved onto its
 * half of its side, the two pages meeting at the middle of the sheet;
 * headings' marks go with their page.  -1 when ps->n is not a multiple
 * of 4, or a page is larger than half a sheet.
 */
int	impose(struct pages *ps, float w, float h);

#endif
