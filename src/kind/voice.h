/*
 * How a page speaks, as the classifier reads it: a company's page
 * addresses its reader ("you", "your") and speaks for itself ("we",
 * "our"), asks questions in its headings and ends in calls to act
 * ("Get a quote", "Contact us"); a report speaks of others.  The words
 * are English: on pages in other languages the counts stay low and the
 * model weighs the other features.
 */
#ifndef PITH_KIND_VOICE_H
#define PITH_KIND_VOICE_H

struct blocks;

struct page_voice {
    int words;              /* words of the blocks read (ASCII letters) */
    int we_words;           /* we, our, us, ours, we're, we've, we'll */
    int you_words;          /* you, your, yours, you're, you'll... */
    int cta_blocks;         /* short blocks that call the reader to act */
    int question_headings;  /* headings that end in a question mark */
};

/* Reads the voice of bs's blocks into out (no memory needed). */
void page_voice_read(const struct blocks *bs, struct page_voice *out);

#endif
