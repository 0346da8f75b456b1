/*
 * The pre-pass's model of the stack of open elements and of the list of
 * active formatting elements; see prepass_model.h.  The steps follow the
 * HTML standard's tree construction as Gumbo 0.10.1 implements it, for
 * what changes the depth and the number of elements.
 */
#include "decode/prepass_model.h"

#include "decode/prepass_lex.h"

#include <string.h>

/* Rounds of the adoption agency's outer loop, and the nodes between the
 * formatting element and the furthest block that it copies, as the
 * standard has them. */
#define ADOPTION_ROUNDS 8
#define ADOPTION_COPIES 3

static int
on_stack(const struct model *m, const struct formatting_entry *e)
{
    return e->pos < m->depth && m->id[e->pos] == e->id;
}

static void
remove_entry(struct model *m, int i)
{
    memmove(&m->list[i], &m->list[i + 1],
            (size_t)(m->entries - i - 1) * sizeof m->list[0]);
    m->entries--;
}

/* Closing a marker's element (a cell, an object...) clears the list up to
 * the marker.  Done when the list is next read, for every way the model
 * pops elements. */
static void
drop_closed_markers(struct model *m)
{
    for (int i = m->entries - 1; i >= 0; i--) {
        if (!m->list[i].marker)
            continue;
        if (on_stack(m, &m->list[i]))
            return;
        m->entries = i;
    }
}

/* The last entry named hash after the last marker, or -1. */
static int
find_entry(const struct model *m, uint32_t hash)
{
    for (int i = m->entries - 1; i >= 0 && !m->list[i].marker; i--)
        if (m->list[i].hash == hash)
            return i;
    return -1;
}

static int
entry_of_id(const struct model *m, uint32_t id)
{
    for (int i = 0; i < m->entries; i++)
        if (m->list[i].id == id)
            return i;
    return -1;
}

int
model_push(struct model *m, uint32_t hash, int group, int flags)
{
    if (m->depth >= MODEL_STACK)
        return -1;
    m->hash[m->depth] = hash;
    m->group[m->depth] = (unsigned char)group;
    m->flags[m->depth] = (unsigned char)flags;
    m->id[m->depth] = ++m->next_id;
    m->depth++;
    return 0;
}

int
model_list_full(struct model *m)
{
    drop_closed_markers(m);
    return m->entries >= MODEL_FORMATTING_MAX;
}

void
model_list_add(struct model *m, uint32_t sig, int marker)
{
    drop_closed_markers(m);
    int top = m->depth - 1;
    if (!marker) {
        /* Noah's Ark: a fourth identical element pushes out the first. */
        int same = 0, first = -1;
        for (int i = m->entries - 1; i >= 0 && !m->list[i].marker; i--)
            if (m->list[i].hash == m->hash[top] && m->list[i].sig == sig) {
                same++;
                first = i;
            }
        if (same >= 3)
            remove_entry(m, first);
    }
    if (m->entries >= MODEL_FORMATTING_MAX)
        return; /* a marker the list has no room for: the model then
                   reconstructs more than Gumbo, never less */
    struct formatting_entry *e = &m->list[m->entries++];
    e->hash = m->hash[top];
    e->sig = sig;
    e->id = m->id[top];
    e->pos = top;
    e->group = m->group[top];
    e->flags = m->flags[top];
    e->marker = (unsigned char)marker;
}

int
model_reconstruct(struct model *m)
{
    if (!m->entries)
        return 0;
    drop_closed_markers(m);
    int i = m->entries - 1;
    if (i < 0 || m->list[i].marker || on_stack(m, &m->list[i]))
        return 0;
    while (i > 0 && !m->list[i - 1].marker && !on_stack(m, &m->list[i - 1]))
        i--;
    int copies = 0;
    for (; i < m->entries; i++) {
        struct formatting_entry *e = &m->list[i];
        if (model_push(m, e->hash, e->group, e->flags))
            break;
        e->id = m->id[m->depth - 1];
        e->pos = m->depth - 1;
        copies++;
    }
    return copies;
}

int
model_listed(struct model *m, uint32_t hash)
{
    drop_closed_markers(m);
    return find_entry(m, hash) >= 0;
}

/* One round with a furthest block at fb: the elements between the
 * formatting element and fb leave the stack, but for up to three listed
 * ones next to fb (copied in place); a copy of the formatting element
 * goes right above fb; what is above stays open.  Returns the copies. */
static int
adoption_round(struct model *m, int k, int fb)
{
    struct formatting_entry *fe = &m->list[k];
    uint32_t fe_id = fe->id;
    int pos = fe->pos, old_depth = m->depth;
    int map[MODEL_STACK];
    unsigned char keep[MODEL_STACK];
    int counter = 0;
    for (int j = fb - 1; j > pos; j--) {
        int e = entry_of_id(m, m->id[j]);
        if (e >= 0 && ++counter > ADOPTION_COPIES) {
            remove_entry(m, e);
            e = -1;
        }
        keep[j] = e >= 0;
    }
    /* Rebuild [pos, old_depth) in place: writes never pass reads. */
    uint32_t clone_id = ++m->next_id;
    struct { uint32_t hash, id; unsigned char group, flags; } fe_slot = {
        m->hash[pos], clone_id, m->group[pos], m->flags[pos]};
    struct { uint32_t hash, id; unsigned char group, flags; }
        tail[MODEL_STACK];
    int tails = 0, at = pos, copies = 1;
    map[pos] = -1;
    for (int j = pos + 1; j < old_depth; j++) {
        if (j < fb && !keep[j]) {
            map[j] = -1;
            continue;
        }
        if (j < fb)
            copies++;
        if (j <= fb) {
            m->hash[at] = m->hash[j];
            m->id[at] = m->id[j];
            m->group[at] = m->group[j];
            m->flags[at] = m->flags[j];
            map[j] = at++;
        } else {
            /* Above fb: shifted one up for the copy; saved first. */
            tail[tails].hash = m->hash[j];
            tail[tails].id = m->id[j];
            tail[tails].group = m->group[j];
            tail[tails].flags = m->flags[j];
            tails++;
        }
    }
    int clone_at = at;
    m->hash[at] = fe_slot.hash;
    m->id[at] = fe_slot.id;
    m->group[at] = fe_slot.group;
    m->flags[at] = fe_slot.flags;
    at++;
    for (int j = fb + 1, t = 0; t < tails; j++, t++) {
        m->hash[at] = tail[t].hash;
        m->id[at] = tail[t].id;
        m->group[at] = tail[t].group;
        m->flags[at] = tail[t].flags;
        map[j] = at++;
    }
    m->depth = at;
    for (int i = 0; i < m->entries; i++) {
        struct formatting_entry *e = &m->list[i];
        if (e->id == fe_id) {
            e->id = clone_id;
            e->pos = clone_at;
        } else if (e->pos >= pos && e->pos < old_depth) {
            int n = map[e->pos];
            e->pos = n >= 0 ? n : MODEL_STACK;
        }
    }
    return copies;
}

static int
adopt(struct model *m, uint32_t hash)
{
    int copies = 0;
    for (int round = 0; round < ADOPTION_ROUNDS; round++) {
        int k = find_entry(m, hash);
        if (k < 0)
            return round ? copies : -1;
        struct formatting_entry *fe = &m->list[k];
        if (!on_stack(m, fe)) {
            remove_entry(m, k);
            return copies;
        }
        int fb = -1;
        for (int j = fe->pos + 1; j < m->depth; j++) {
            if (m->flags[j] & F_SCOPE)
                return copies; /* not in scope: ignored */
            if (fb < 0 && (m->flags[j] & F_SPECIAL))
                fb = j;
        }
        if (fb < 0) {
            m->depth = fe->pos;
            remove_entry(m, k);
            return copies;
        }
        copies += adoption_round(m, k, fb);
    }
    return copies;
}

int
model_adopt(struct model *m, uint32_t hash, int start_tag)
{
    drop_closed_markers(m);
    int k = find_entry(m, hash);
    uint32_t first = k >= 0 ? m->list[k].id : 0;
    int copies = adopt(m, hash);
    /* A start tag then removes the element it found from the list, when
     * the agency left it there (out of scope). */
    if (start_tag && k >= 0 && (k = entry_of_id(m, first)) >= 0)
        remove_entry(m, k);
    return copies;
}
