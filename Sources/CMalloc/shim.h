// glibc's malloc tuning (mallopt), which the Glibc module does not export.
// Only the `mailroute` executable uses it, once, at start.
#ifndef MAILROUTE_CMALLOC_SHIM_H
#define MAILROUTE_CMALLOC_SHIM_H
#include <malloc.h>
#endif
