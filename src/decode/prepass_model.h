/*
 * The pre-pass's model of Gumbo's tree construction: the stack of open
 * elements (up to a cap) and the list of active formatting elements.
 *
 * The list is what makes misnested formatting elements expensive.  A
 * <b> that an end tag of its parent closes stays in the list, and the
 * next text opens a copy of it again ("reconstruct the active formatting
 * elements"); a </a> with a <div> opened inside it leaves the <div> open
 * and opens a copy of the <a> in it (the adoption agency).  Neither copy
 * comes from a start tag, so a model that only counted start tags saw
 * a shallow page while Gumbo's stack grew with every repetition, and the
 * stack searches Gumbo makes for nearly every token made the parse
 * quadratic (a 2 MB page took a minute).  With the list modelled, those
 * copies count towards the depth and element caps like any element.
 *
 * The model errs towards more copies than Gumbo makes, never fewer:
 * Noah's Ark compares the attributes as written, and only one adoption
 * agency round is modelled per end tag.
 */
#ifndef PITH_PREPASS_MODEL_H
#define PITH_PREPASS_MODEL_H

#include "limits.h"

#include <stdint.h>

/* Entries of the list of active formatting elements the model keeps.
 * Gumbo walks the list for every formatting tag, and reopens up to all of
 * it for every text; real pages keep a few entries in it.  A formatting
 * start tag that would make it longer is dropped, as one beyond the depth
 * cap is.  Kept well under the pre-pass's search window (prepass.c), so
 * that the copies stay within the model's sight. */
#define MODEL_FORMATTING_MAX 16

/* The stack holds the copies that reconstruction opens above the cap
 * too (each entry of the list at most once). */
#define MODEL_STACK (PITH_MAX_PARSE_DEPTH + 2 * MODEL_FORMATTING_MAX)

struct formatting_entry {
    uint32_t hash, sig;     /* name; attributes as written (Noah's Ark) */
    uint32_t id;            /* of its element on the stack */
    int pos;                /* where that element was pushed */
    unsigned char group, flags, marker;
};

struct model {
    int depth;
    uint32_t next_id;
    uint32_t hash[MODEL_STACK], id[MODEL_STACK];
    unsigned char group[MODEL_STACK], flags[MODEL_STACK];
    int entries;
    struct formatting_entry list[MODEL_FORMATTING_MAX];
};

/* Pushes an element; 0, or -1 when the stack is full. */
int model_push(struct model *m, uint32_t hash, int group, int flags);

/* After a push of a formatting element (sig: of its attributes) or of a
 * marker element (td, object...): its entry in the list. */
void model_list_add(struct model *m, uint32_t sig, int marker);

/* Nonzero when a new formatting element would make the list longer than
 * the model keeps. */
int model_list_full(struct model *m);

/* "Reconstruct the active formatting elements": pushes a copy of every
 * entry after the last one still open; returns how many. */
int model_reconstruct(struct model *m);

/* The adoption agency for an end tag of formatting element hash, or for
 * a start tag (start_tag 1: an <a> that closes the open one, a <nobr>).
 * Returns -1 when no entry of the list has that name (then it is an
 * ordinary end tag), else how many copies it opened. */
int model_adopt(struct model *m, uint32_t hash, int start_tag);

/* Whether the list holds an entry of that name after the last marker. */
int model_listed(struct model *m, uint32_t hash);

#endif
