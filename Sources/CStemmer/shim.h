/* The Snowball stemmers (Debian's libstemmer-dev, which ships no
   pkg-config file: the header is in /usr/include, the library links as
   -lstemmer). Only RundbordSuggest imports this module. */
#include <libstemmer.h>
