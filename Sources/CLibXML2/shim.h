// The parts of libxml2 mailroute uses: the tree parser, RelaxNG validation and
// structured error reporting.
#ifndef MAILROUTE_CLIBXML2_SHIM_H
#define MAILROUTE_CLIBXML2_SHIM_H
#include <stdarg.h>
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, so its encoding header pulls in ICU's
// <unicode/ucnv.h>. Foundation carries its own ICU under the same names, and
// a module that sees both fails to build ("UErrorCode has different
// definitions"). mailroute never uses libxml2's ICU converters (the one
// struct whose layout changes, xmlCharEncodingHandler, is only ever reached
// through pointers mailroute does not follow), so the ICU part is left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>

// libxml2 keeps its error handlers per thread, behind macros Swift cannot
// import. These helpers swap them in and out so that a parse on one thread
// never sees or changes the handlers of another.
typedef struct {
    xmlGenericErrorFunc generic;
    void *genericContext;
    xmlStructuredErrorFunc structured;
    void *structuredContext;
} mailroute_xml_error_handlers;

// The generic handler is variadic, which Swift cannot implement; this one
// drops the message because every error also reaches the structured handler.
static inline void mailroute_xml_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

// Installs `handler` (with `context`) as this thread's structured error
// handler, silences the generic one, and returns what was there before.
static inline mailroute_xml_error_handlers
mailroute_xml_install_error_handlers(xmlStructuredErrorFunc handler, void *context) {
    mailroute_xml_error_handlers saved;
    saved.generic = *__xmlGenericError();
    saved.genericContext = *__xmlGenericErrorContext();
    saved.structured = *__xmlStructuredError();
    saved.structuredContext = *__xmlStructuredErrorContext();
    *__xmlGenericError() = mailroute_xml_ignore_generic_error;
    *__xmlGenericErrorContext() = NULL;
    *__xmlStructuredError() = handler;
    *__xmlStructuredErrorContext() = context;
    return saved;
}

// Puts back the handlers `mailroute_xml_install_error_handlers` returned.
static inline void mailroute_xml_restore_error_handlers(mailroute_xml_error_handlers saved) {
    *__xmlGenericError() = saved.generic;
    *__xmlGenericErrorContext() = saved.genericContext;
    *__xmlStructuredError() = saved.structured;
    *__xmlStructuredErrorContext() = saved.structuredContext;
}

// Validity errors carry their node as `void *`: an element, an attribute, a
// text node or the document. This walks up to the nearest element (attributes
// and text share the node header, so `parent` is valid for them), or NULL.
static inline xmlNodePtr mailroute_xml_enclosing_element(void *node) {
    xmlNodePtr current = (xmlNodePtr)node;
    while (current != NULL) {
        switch (current->type) {
        case XML_ELEMENT_NODE:
            return current;
        case XML_DOCUMENT_NODE:
        case XML_HTML_DOCUMENT_NODE:
        case XML_DOCUMENT_FRAG_NODE:
        case XML_DTD_NODE:
            return NULL;
        default:
            current = current->parent;
        }
    }
    return NULL;
}

// `xmlFree` is a function pointer variable; this gives Swift a plain function.
static inline void mailroute_xml_free(void *memory) {
    xmlFree(memory);
}

#endif
