// zlib, from the system (zlib1g-dev to build, zlib1g to run). Used for gzip
// response bodies; no package.
#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
#include <zlib.h>
#endif
