/*
 * The picker for the page's kind, and the helpers its pickers share.
 */
#include "pick/pick.h"

#include "arena.h"
#include "blocks/blocks.h"
#include "meta/meta.h"
#include "pick/pick_parts.h"
#include "similarity.h"

#include <string.h>

void
pick_recount(const struct blocks *bs, struct score_result *sc)
{
    size_t n = 0;
    for (int i = 0; i < bs->n_blocks; i++)
        if (sc->keep[i])
            n += bs->blocks[i].chars;
    sc->kept_chars = n;
}

static uint32_t
text_hash(const char *t, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)t[i]) * 16777619u;
    return h;
}

int
pick_drop_repeats(struct arena *a, const struct blocks *bs, int from,
                  int to, uint32_t min_chars, struct score_result *sc)
{
    size_t size = 16;
    while (size < 2 * (size_t)(to - from))
        size *= 2;
    int *slot = arena_alloc(a, size * sizeof *slot);
    if (!slot)
        return -1;
    for (size_t k = 0; k < size; k++)
        slot[k] = -1;
    for (int i = from; i < to; i++) {
        const struct block *b = &bs->blocks[i];
        if (!sc->keep[i] || b->chars < min_chars)
            continue;
        const char *t = block_text(bs, b);
        size_t k = text_hash(t, b->text_len) & (size - 1);
        for (; slot[k] >= 0; k = (k + 1) & (size - 1)) {
            const struct block *o = &bs->blocks[slot[k]];
            if (o->text_len == b->text_len &&
                !memcmp(block_text(bs, o), t, b->text_len))
                break;
        }
        if (slot[k] >= 0) {
            sc->keep[i] = 0;
            sc->reason[i] = "repeats a block above";
        } else {
            slot[k] = i;
        }
    }
    return 0;
}

/* A picker that widens the choice may take the heading the scorer left
 * out as the title's: it goes again. */
static void
drop_title_heading(const struct pick_input *in, struct score_result *sc)
{
    const struct blocks *bs = in->bs;
    const char *title = in->meta ? in->meta->title : NULL;
    if (!title || !*title)
        return;
    for (int i = 0; i < bs->n_blocks; i++) {
        const struct block *b = &bs->blocks[i];
        if (!sc->keep[i])
            continue;
        if (b->kind == BK_HEADING && b->level <= 2 &&
            text_similarity(title, block_text(bs, b)) > TITLE_SIMILARITY) {
            sc->keep[i] = 0;
            sc->reason[i] = "repeats the title";
            pick_recount(bs, sc);
        }
        return;
    }
}

static int
pick_for_kind(struct arena *a, const struct pick_input *in,
              struct score_result *sc)
{
    switch (in->kind) {
    case KIND_FORUM:
        return pick_forum(a, in, sc);
    case KIND_LISTING:
    case KIND_COLLECTION:
        return pick_cards(a, in, sc);
    case KIND_SERVICE:
        return pick_sections(a, in, sc);
    case KIND_PRODUCT:
        return pick_product(a, in, sc);
    case KIND_DOCUMENTATION:
        return pick_docs(a, in, sc);
    default:
        return 0;
    }
}

int
pick_by_kind(struct arena *a, const struct pick_input *in,
             struct score_result *sc)
{
    if (!in->bs->n_blocks || !sc->keep)
        return 0;
    if (pick_for_kind(a, in, sc))
        return -1;
    drop_title_heading(in, sc);
    return 0;
}
