/* GNU libidn2 (Debian's libidn2-dev): internationalised domain names in
   their ASCII form (IDNA2008 with the UTS #46 mapping), for the addresses
   of the follow-up mail. Only RundbordHarvest imports this module. */
#include <idn2.h>
