// OpenSSL exposes many of its calls as macros over SSL_ctrl and friends, which
// Swift cannot import; the static inline functions here give them real names.
#ifndef MAILROUTE_COPENSSL_SHIM_H
#define MAILROUTE_COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#endif
