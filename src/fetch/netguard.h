/*
 * Which IP addresses a fetch may connect to when private addresses are
 * denied (pith_options.deny_private).  The fetcher asks about the address
 * of every socket it opens (libcurl's open-socket callback), so the answer
 * holds after DNS resolution and after redirects: a name that resolves, or
 * later re-resolves, to 127.0.0.1 is refused like the literal address.
 */
#ifndef PITH_NETGUARD_H
#define PITH_NETGUARD_H

#include <stddef.h>
#include <sys/socket.h>

/* NULL when sa (AF_INET or AF_INET6) is a public address, otherwise what
 * it is, e.g. "a loopback address", for a message.  Other families are
 * refused as "not an IP address". */
const char *netguard_refusal(const struct sockaddr *sa);

/* Writes sa's address as text ("127.0.0.1", "::1") into out; "?" when it
 * cannot be shown. */
void netguard_address_text(const struct sockaddr *sa, char *out,
                           size_t size);

#endif
