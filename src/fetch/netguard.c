/*
 * Address classes refused by deny_private; see netguard.h.  The tables
 * list the IANA special-purpose ranges that reach a host's own or its
 * network's services (RFC 6890 and its updates).  IPv6 forms that carry
 * an IPv4 address (mapped, NAT64, 6to4, the old compatible form) are
 * judged by that IPv4 address, since that is where the packets go.
 */
#include "fetch/netguard.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct range4 {
    uint32_t net;
    int bits;
    const char *what;
};

/* Checked in order: the metadata hosts sit inside the link-local and
 * shared ranges and get the more telling name. */
#define METADATA "a cloud metadata service address"
static const struct range4 ranges4[] = {
    {0xA9FEA9FEu, 32, METADATA},                    /* 169.254.169.254 */
    {0xA9FEAA02u, 32, METADATA},                    /* 169.254.170.2 */
    {0x646464C8u, 32, METADATA},                    /* 100.100.100.200 */
    {0x00000000u, 8, "an unspecified address"},     /* 0/8, "this host" */
    {0x7F000000u, 8, "a loopback address"},         /* 127/8 */
    {0x0A000000u, 8, "a private address"},          /* 10/8 */
    {0xAC100000u, 12, "a private address"},         /* 172.16/12 */
    {0xC0A80000u, 16, "a private address"},         /* 192.168/16 */
    {0xA9FE0000u, 16, "a link-local address"},      /* 169.254/16 */
    {0x64400000u, 10, "a shared (CGNAT) address"},  /* 100.64/10 */
    {0xC0000000u, 24, "a reserved address"},        /* 192.0.0/24 */
    {0xC6120000u, 15, "a reserved address"},        /* 198.18/15 */
    {0xE0000000u, 4, "a multicast address"},        /* 224/4 */
    {0xF0000000u, 4, "a reserved address"},         /* 240/4, broadcast */
};

static const char *
refusal4(uint32_t a)
{
    for (size_t i = 0; i < sizeof ranges4 / sizeof ranges4[0]; i++) {
        uint32_t mask = ranges4[i].bits ? 0xFFFFFFFFu << (32 - ranges4[i].bits)
                                        : 0;
        if ((a & mask) == ranges4[i].net)
            return ranges4[i].what;
    }
    return NULL;
}

static uint32_t
be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
           (uint32_t)p[2] << 8 | p[3];
}

/* Nonzero when the first bits of a match those of prefix. */
static int
has_prefix(const uint8_t a[16], const uint8_t *prefix, int bits)
{
    int bytes = bits / 8, rest = bits % 8;
    if (memcmp(a, prefix, (size_t)bytes))
        return 0;
    if (!rest)
        return 1;
    uint8_t mask = (uint8_t)(0xFF << (8 - rest));
    return (a[bytes] & mask) == (prefix[bytes] & mask);
}

static const char *
refusal6(const uint8_t a[16])
{
    static const uint8_t zero[16], mapped[12] = {[10] = 0xFF, [11] = 0xFF};
    static const uint8_t nat64[12] = {0x00, 0x64, 0xFF, 0x9B};
    static const uint8_t six2four[2] = {0x20, 0x02};
    static const uint8_t metadata[16] = {0xFD, 0x00, 0x0E, 0xC2,
                                          [14] = 0x02, [15] = 0x54};
    static const uint8_t ula[1] = {0xFC}, link[2] = {0xFE, 0x80};
    static const uint8_t site[2] = {0xFE, 0xC0}, multi[1] = {0xFF};
    if (!memcmp(a, zero, 15) && a[15] <= 1)
        return a[15] ? "a loopback address" : "an unspecified address";
    if (!memcmp(a, metadata, 16))
        return METADATA; /* fd00:ec2::254 */
    /* ::ffff:a.b.c.d, 64:ff9b::a.b.c.d and ::a.b.c.d carry IPv4. */
    if (!memcmp(a, mapped, 12) || !memcmp(a, nat64, 12) ||
        !memcmp(a, zero, 12))
        return refusal4(be32(a + 12));
    if (!memcmp(a, six2four, 2)) /* 2002:AABB:CCDD::/48 */
        return refusal4(be32(a + 2));
    if (has_prefix(a, ula, 7))
        return "a private address";
    if (has_prefix(a, link, 10))
        return "a link-local address";
    if (has_prefix(a, site, 10))
        return "a private address"; /* site-local, deprecated */
    if (has_prefix(a, multi, 8))
        return "a multicast address";
    return NULL;
}

const char *
netguard_refusal(const struct sockaddr *sa)
{
    if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
        return refusal4(ntohl(in->sin_addr.s_addr));
    }
    if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
        return refusal6(in6->sin6_addr.s6_addr);
    }
    return "not an IP address";
}

void
netguard_address_text(const struct sockaddr *sa, char *out, size_t size)
{
    const void *addr = NULL;
    if (sa->sa_family == AF_INET)
        addr = &((const struct sockaddr_in *)sa)->sin_addr;
    else if (sa->sa_family == AF_INET6)
        addr = &((const struct sockaddr_in6 *)sa)->sin6_addr;
    if (!addr || !inet_ntop(sa->sa_family, addr, out, (socklen_t)size))
        snprintf(out, size, "?");
}
