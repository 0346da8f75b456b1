/* Address classes refused by deny_private (src/netguard.c). */
#include "harness.h"

#include "fetch/netguard.h"

#include <arpa/inet.h>
#include <netinet/in.h>

/* The refusal for a textual address, or "ok" when it is public. */
static const char *
judge(const char *text)
{
    struct sockaddr_in in;
    struct sockaddr_in6 in6;
    memset(&in, 0, sizeof in);
    memset(&in6, 0, sizeof in6);
    if (inet_pton(AF_INET, text, &in.sin_addr) == 1) {
        in.sin_family = AF_INET;
        const char *why = netguard_refusal((struct sockaddr *)&in);
        return why ? why : "ok";
    }
    if (inet_pton(AF_INET6, text, &in6.sin6_addr) == 1) {
        in6.sin6_family = AF_INET6;
        const char *why = netguard_refusal((struct sockaddr *)&in6);
        return why ? why : "ok";
    }
    return "unparsable";
}

static void
test_table(void)
{
    static const struct { const char *addr, *want; } t[] = {
        {"127.0.0.1", "a loopback address"},
        {"127.255.255.254", "a loopback address"},
        {"10.1.2.3", "a private address"},
        {"172.16.0.1", "a private address"},
        {"172.31.255.255", "a private address"},
        {"172.32.0.1", "ok"},
        {"172.15.255.255", "ok"},
        {"192.168.1.1", "a private address"},
        {"192.169.0.1", "ok"},
        {"169.254.1.1", "a link-local address"},
        {"169.254.169.254", "a cloud metadata service address"},
        {"100.100.100.200", "a cloud metadata service address"},
        {"100.64.0.1", "a shared (CGNAT) address"},
        {"100.127.255.255", "a shared (CGNAT) address"},
        {"100.128.0.1", "ok"},
        {"0.0.0.0", "an unspecified address"},
        {"224.0.0.1", "a multicast address"},
        {"255.255.255.255", "a reserved address"},
        {"8.8.8.8", "ok"},
        {"93.184.216.34", "ok"},
        {"::1", "a loopback address"},
        {"::", "an unspecified address"},
        {"fc00::1", "a private address"},
        {"fd12:3456::1", "a private address"},
        {"fe80::1", "a link-local address"},
        {"febf::1", "a link-local address"},
        {"fec0::1", "a private address"},
        {"ff02::1", "a multicast address"},
        {"fd00:ec2::254", "a cloud metadata service address"},
        {"::ffff:127.0.0.1", "a loopback address"},
        {"::ffff:10.0.0.1", "a private address"},
        {"::ffff:8.8.8.8", "ok"},
        {"64:ff9b::a9fe:a9fe", "a cloud metadata service address"},
        {"2002:c0a8:0101::1", "a private address"},
        {"2001:4860:4860::8888", "ok"},
        {"2606:4700::1111", "ok"},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        EQ_STR(judge(t[i].addr), t[i].want, t[i].addr);
}

static void
test_text(void)
{
    struct sockaddr_in in;
    memset(&in, 0, sizeof in);
    in.sin_family = AF_INET;
    inet_pton(AF_INET, "127.0.0.1", &in.sin_addr);
    char out[64];
    netguard_address_text((struct sockaddr *)&in, out, sizeof out);
    EQ_STR(out, "127.0.0.1", "IPv4 as text");
    struct sockaddr_in6 in6;
    memset(&in6, 0, sizeof in6);
    in6.sin6_family = AF_INET6;
    inet_pton(AF_INET6, "fe80::1", &in6.sin6_addr);
    netguard_address_text((struct sockaddr *)&in6, out, sizeof out);
    EQ_STR(out, "fe80::1", "IPv6 as text");
    struct sockaddr other;
    memset(&other, 0, sizeof other);
    other.sa_family = AF_UNIX;
    EQ_STR(netguard_refusal(&other), "not an IP address", "AF_UNIX");
    netguard_address_text(&other, out, sizeof out);
    EQ_STR(out, "?", "AF_UNIX as text");
}

int
main(void)
{
    test_table();
    test_text();
    return test_done();
}
