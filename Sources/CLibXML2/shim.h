// libxml2 is built with ICU, so <libxml/encoding.h> includes the system's <unicode/ucnv.h>. Its
// ICU types clash with Foundation's bundled _FoundationICU in any Swift module that imports both,
// so the ICU header is skipped and the two ICU types libxml2 mentions get private stand-ins of the
// same size (a pointer and a UTF-16 code unit); libxml2's struct layouts are unchanged.
#define UCNV_H
#define UConverter CLibXML2_UConverter
#define UChar CLibXML2_UChar
typedef struct CLibXML2_UConverter CLibXML2_UConverter;
typedef unsigned short CLibXML2_UChar;

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>

#undef UConverter
#undef UChar
