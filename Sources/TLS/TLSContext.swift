import COpenSSL
enum TLSPlaceholder {}
