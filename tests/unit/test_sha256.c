/* sha256: the FIPS 180-4 examples, and pieces fed in any sizes. */
#include <stdlib.h>

#include "sha256.h"
#include "t.h"

int
main(void)
{
	char hex[SHA256_HEX], *big;
	unsigned char h[SHA256_LEN];
	struct sha256 s;
	size_t i;

	T_PLAN(5);
	sha256_hex("", 0, hex);
	T_EQ_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
	    "the empty string");
	sha256_hex("abc", 3, hex);
	T_EQ_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
	    "abc");
	sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex);
	T_EQ_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
	    "two blocks: the 448-bit message");
	big = malloc(1000000);
	for (i = 0; i < 1000000; i++)
		big[i] = 'a';
	sha256_hex(big, 1000000, hex);
	T_EQ_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
	    "a million a's");
	sha256_init(&s);
	for (i = 0; i < 1000000; i += 37)
		sha256_add(&s, big + i, 1000000 - i < 37 ? 1000000 - i : 37);
	sha256_end(&s, h);
	sha256_tohex(h, hex);
	T_EQ_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
	    "a million a's, 37 at a time");
	free(big);
	T_DONE();
}
