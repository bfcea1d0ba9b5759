// libxml2 for Swift. libxml2's encoding.h includes ICU's ucnv.h when LIBXML_ICU_ENABLED is set,
// and ICU's headers clash with the ICU that Foundation ships ("UErrorCode has different
// definitions"). We never use libxml2's ICU hooks, so switch them off before anything else.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function-pointer variable, which Swift 6 treats as shared mutable state.
static inline void pq_xml_free(void *pointer) { xmlFree(pointer); }
