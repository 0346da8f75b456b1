/* The progress and summary lines; see progress.h. */
#include "cli/batch/progress.h"

#include "cli/batch/input.h"
#include "cli/batch/job.h"
#include "cli/batch/workers.h"

#include <stdio.h>
#include <string.h>

void
progress_start(struct progress *p, int on, uint64_t total)
{
    memset(p, 0, sizeof *p);
    p->on = on;
    p->total = total;
    p->t0 = mono_ms();
}

void
progress_count(struct progress *p, int cls, uint64_t bytes)
{
    p->done++;
    p->bytes += bytes;
    if (cls >= 0 && cls < OC_COUNT)
        p->by_class[cls]++;
    if (cls == OC_NO_CONTENT)
        p->no_content++;
    else if (!outcome_done(cls))
        p->failed++;
}

static double
seconds(const struct progress *p)
{
    double s = (double)(mono_ms() - p->t0) / 1000.0;
    return s > 0.001 ? s : 0.001;
}

void
progress_draw(struct progress *p, int force)
{
    long long now = mono_ms();
    if (!p->on || (!force && now - p->drawn < 250))
        return;
    p->drawn = now;
    double s = seconds(p), rate = (double)p->done / s;
    char of[32] = "", eta[32] = "";
    if (p->total) {
        snprintf(of, sizeof of, "/%llu", (unsigned long long)p->total);
        if (rate > 0 && p->done <= p->total) {
            long left = (long)((double)(p->total - p->done) / rate);
            snprintf(eta, sizeof eta, ", ETA %ld:%02ld", left / 60,
                     left % 60);
        }
    }
    fprintf(stderr, "\rpith: %llu%s pages, %.1f pages/s, %.1f MB/s, "
            "%llu failed%s\033[K", (unsigned long long)p->done, of, rate,
            (double)p->bytes / 1e6 / s, (unsigned long long)p->failed, eta);
    fflush(stderr);
}

void
progress_end(struct progress *p, int quiet, const uint64_t *left_out,
             unsigned long long self_kb, unsigned long long child_kb)
{
    if (p->on)
        fputs("\r\033[K", stderr);
    if (quiet)
        return;
    double s = seconds(p);
    fprintf(stderr, "pith: batch: %llu pages in %.1f s (%.1f pages/s, "
            "%.1f MB/s): %llu ok, %llu no content, %llu failed",
            (unsigned long long)p->done, s, (double)p->done / s,
            (double)p->bytes / 1e6 / s,
            (unsigned long long)(p->done - p->failed - p->no_content),
            (unsigned long long)p->no_content,
            (unsigned long long)p->failed);
    const char *sep = " (";
    for (int c = OC_INPUT; c < OC_COUNT; c++)
        if (p->by_class[c]) {
            fprintf(stderr, "%s%llu %s", sep,
                    (unsigned long long)p->by_class[c],
                    outcome_class_name(c));
            sep = ", ";
        }
    fputs(sep[0] == ',' ? ")" : "", stderr);
    /* Two different things: done before (--resume) is good news, a
     * record that is no page is what the input held. */
    static const char *const why[LEFT_OUT_KINDS] = {
        "already done (--resume)", "of other shards", "not pages"
    };
    for (int k = 0; k < LEFT_OUT_KINDS; k++)
        if (left_out[k])
            fprintf(stderr, "; %llu %s", (unsigned long long)left_out[k],
                    why[k]);
    fprintf(stderr, "; peak RSS %.1f MB supervisor, %.1f MB largest "
            "worker\n", (double)self_kb / 1024.0, (double)child_kb / 1024.0);
}
