// OpenSSL's libcrypto, from Debian's libssl-dev: only its digest API (EVP), for SHA-256.
#include <openssl/evp.h>
