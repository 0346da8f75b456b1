/*
 * What an element's tag, role, class, id and itemprop say about it: the
 * word lists of the extractor, in one place.  Class and id vocabularies are
 * English even on pages in other languages, so these lists serve all of
 * them; they are hints that the scorer weighs against the text, never
 * verdicts on their own.
 */
#ifndef PITH_NAMES_H
#define PITH_NAMES_H

struct GumboInternalNode;
struct elem;

/* Sets elem.flags (EF_*) and elem.class_weight from the element node. */
void names_classify(const struct GumboInternalNode *node, struct elem *e);

/* Nonzero when a class attribute marks text for screen readers only. */
int names_screen_reader_only(const char *class_attr);

#endif
