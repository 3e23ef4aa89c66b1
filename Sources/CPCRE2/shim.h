// PCRE2's API names carry their code-unit width as a macro suffix, which Swift
// cannot import; this header fixes the width at 8 bits so `pcre2_compile_8`
// and friends are visible, and re-exports the constants that are macros.
#ifndef MAILROUTE_CPCRE2_SHIM_H
#define MAILROUTE_CPCRE2_SHIM_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

static inline uint32_t mailroute_pcre2_caseless(void) { return PCRE2_CASELESS; }
static inline size_t mailroute_pcre2_unset(void) { return PCRE2_UNSET; }
static inline size_t mailroute_pcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }
#endif
