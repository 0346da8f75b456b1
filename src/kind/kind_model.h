/*
 * The learned weighing of the classifier's features (features.h): a
 * multinomial logistic regression, trained by scripts/train-kinds on
 * pages labelled with their kind, its weights in kind_weights.h.
 *
 * Why learned: a page's kind shows in dozens of weak signals (a price,
 * a date, a linked heading, a path word, a declared type) that no
 * single rule decides, and hand-set weights for dozens of signals and
 * seven kinds drift every time one is tuned.  The model is linear, so
 * --explain can still say which features pushed the verdict.
 */
#ifndef PITH_KIND_MODEL_H
#define PITH_KIND_MODEL_H

#include "kind/kind.h"

/* Each kind's probability for the page of features f (KF_COUNT values)
 * into prob[KIND_COUNT] (KIND_OTHER gets 0).  Returns 0, or -1 when the
 * weights do not fit the features (prob is then untouched). */
int kind_model_weigh(const float *f, float prob[KIND_COUNT]);

/* The kind of highest probability. */
enum page_kind kind_model_choice(const float prob[KIND_COUNT]);

/* The number of features the weights were trained on, and the name of
 * the i-th: tests check that they are the features' own. */
int kind_model_features(void);
const char *kind_model_feature_name(int i);

#endif
