/*
 * The learned weighing of the classifier's features; see kind_model.h.
 */
#include "kind/kind_model.h"

#include <math.h>
#include <string.h>

#include "kind/kind_weights.h"

int
kind_model_features(void)
{
    return KIND_WEIGHTS_FEATURES;
}

const char *
kind_model_feature_name(int i)
{
    return i >= 0 && i < KIND_WEIGHTS_FEATURES ? kind_weights_names[i]
                                                : NULL;
}

int
kind_model_weigh(const float *f, float prob[KIND_COUNT])
{
    if (KIND_WEIGHTS_FEATURES != KF_COUNT)
        return -1;
    double z[KIND_WEIGHTS_KINDS], top = -INFINITY;
    for (int k = 0; k < KIND_WEIGHTS_KINDS; k++) {
        double s = kind_weights_bias[k];
        for (int j = 0; j < KIND_WEIGHTS_FEATURES; j++)
            s += kind_weights_w[k][j] *
                 ((f[j] - kind_weights_mean[j]) / kind_weights_scale[j]);
        z[k] = s;
        if (s > top)
            top = s;
    }
    double sum = 0;
    for (int k = 0; k < KIND_WEIGHTS_KINDS; k++)
        sum += z[k] = exp(z[k] - top);
    memset(prob, 0, KIND_COUNT * sizeof *prob);
    for (int k = 0; k < KIND_WEIGHTS_KINDS; k++)
        prob[k] = (float)(z[k] / sum);
    return 0;
}

enum page_kind
kind_model_choice(const float prob[KIND_COUNT])
{
    enum page_kind best = KIND_ARTICLE;
    for (int k = 1; k < KIND_OTHER; k++)
        if (prob[k] > prob[best])
            best = (enum page_kind)k;
    return best;
}
