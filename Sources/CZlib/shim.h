#ifndef DX_CZLIB_SHIM_H
#define DX_CZLIB_SHIM_H
#include <zlib.h>

// deflateInit2/inflateInit2 are macros over the *_ functions; Swift cannot import macros.
static inline int dx_deflate_init_gzip(z_streamp strm, int level) {
    return deflateInit2(strm, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
static inline int dx_inflate_init_gzip(z_streamp strm) {
    return inflateInit2(strm, 15 + 16);
}
#endif
