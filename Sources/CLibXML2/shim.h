// The parts of libxml2 mailroute uses: the tree parser, RelaxNG validation and
// structured error reporting.
#ifndef MAILROUTE_CLIBXML2_SHIM_H
#define MAILROUTE_CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#endif
