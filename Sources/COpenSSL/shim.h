// OpenSSL exposes many of its calls as macros over SSL_ctrl and friends, which
// Swift cannot import; the static inline functions here give them real names.
#ifndef MAILROUTE_COPENSSL_SHIM_H
#define MAILROUTE_COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

// SSL_CTX_set_min_proto_version; `version` is TLS1_2_VERSION or TLS1_3_VERSION.
static inline int mailroute_ssl_ctx_set_min_proto_version(SSL_CTX *context, int version) {
    return (int)SSL_CTX_set_min_proto_version(context, version);
}

// SSL_CTX_get_min_proto_version; 0 means no minimum.
static inline int mailroute_ssl_ctx_get_min_proto_version(SSL_CTX *context) {
    return (int)SSL_CTX_get_min_proto_version(context);
}

// Whether a queued OpenSSL error code says that a private key does not belong
// to the certificate it is paired with.
static inline int mailroute_err_is_key_mismatch(unsigned long code) {
    return ERR_GET_LIB(code) == ERR_LIB_X509 && ERR_GET_REASON(code) == X509_R_KEY_VALUES_MISMATCH;
}

// SSL_set_tlsext_host_name: the server name sent in the ClientHello (SNI).
static inline int mailroute_ssl_set_server_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

// SSL_set_mode with the modes a non-blocking writer needs: a retried write may
// come from a different buffer address, and partial writes are reported.
static inline void mailroute_ssl_set_nonblocking_modes(SSL *ssl) {
    SSL_set_mode(ssl, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_ENABLE_PARTIAL_WRITE);
}

#endif
