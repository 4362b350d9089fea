// libvips' operations take their optional arguments as C varargs, which Swift cannot call. Each call the
// `Images` module needs is one fixed-argument inline function here; nothing else uses this header.
#include <vips/vips.h>

static inline int portal_vips_init(const char *argv0) {
    // A damaged file is reported once, as a finding; libvips' warnings about each of its tiles are not.
    g_setenv("VIPS_WARNING", "0", FALSE);
    if (VIPS_INIT(argv0)) return -1;
    // The operation cache would keep every decoded photo of a build alive; each photo is decoded once.
    vips_cache_set_max(0);
    // Loaders libvips marks untrusted (ImageMagick, PDF, SVG through librsvg, …) are never needed here.
    vips_block_untrusted_set(TRUE);
    return 0;
}

// Where the bytes come from: a file streamed in chunks as the decoder asks for them (a camera photo is
// never held whole in memory), or memory the caller keeps alive while the source is used. A file's name
// is taken as it is: unlike vips_image_new_from_file, no "[options]" suffix is parsed out of it.
static inline VipsSource *portal_vips_source_file(const char *path) { return vips_source_new_from_file(path); }

static inline VipsSource *portal_vips_source_memory(const void *bytes, size_t length) {
    return vips_source_new_from_memory(bytes, length);
}

static inline void portal_vips_source_unref(VipsSource *source) { g_object_unref(source); }

// Header only: with sequential access no pixel is decoded until an operation asks for it.
static inline VipsImage *portal_vips_open_header(VipsSource *source) {
    return vips_image_new_from_source(source, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
}

// Decode with shrink-on-load and the camera's orientation applied, at most `width`×`height`, never larger
// than the source; `crop` fills the box exactly from the centre. Truncated files fail instead of being
// padded with grey.
static inline int portal_vips_thumbnail_source(VipsSource *source, int width, int height, int crop, VipsImage **out) {
    return vips_thumbnail_source(source, out, width, "height", height, "size", VIPS_SIZE_DOWN,
                                 "crop", crop ? VIPS_INTERESTING_CENTRE : VIPS_INTERESTING_NONE,
                                 "option_string", "fail_on=truncated", NULL);
}

static inline int portal_vips_thumbnail_image(VipsImage *in, int width, int height, int crop, VipsImage **out) {
    return vips_thumbnail_image(in, out, width, "height", height, "size", VIPS_SIZE_DOWN,
                                "crop", crop ? VIPS_INTERESTING_CENTRE : VIPS_INTERESTING_NONE, NULL);
}

static inline int portal_vips_colourspace_srgb(VipsImage *in, VipsImage **out) {
    return vips_colourspace(in, out, VIPS_INTERPRETATION_sRGB, NULL);
}

static inline int portal_vips_cast_uchar(VipsImage *in, VipsImage **out) {
    return vips_cast(in, out, VIPS_FORMAT_UCHAR, NULL);
}

static inline int portal_vips_jpegsave(VipsImage *in, int quality, void **bytes, size_t *length) {
    return vips_jpegsave_buffer(in, bytes, length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, NULL);
}

static inline int portal_vips_webpsave(VipsImage *in, int quality, void **bytes, size_t *length) {
    return vips_webpsave_buffer(in, bytes, length, "Q", quality, "strip", TRUE, "effort", 4, NULL);
}

static inline int portal_vips_pngsave(VipsImage *in, int compression, void **bytes, size_t *length) {
    return vips_pngsave_buffer(in, bytes, length, "compression", compression, "strip", TRUE, NULL);
}

// Every metadata item (EXIF and its GPS block, XMP, IPTC, ICC profile, comments, resolution) taken off an
// image its caller alone holds: libvips 8.14's savers still write some of them with "strip" (WebP's EXIF
// and XMP were seen), so nothing is left for a saver to write. The pixel header is not metadata and stays.
static inline void portal_vips_remove_metadata(VipsImage *image) {
    gchar **fields = vips_image_get_fields(image);
    for (gchar **field = fields; *field; field++) vips_image_remove(image, *field);
    g_strfreev(fields);
}

static inline int portal_vips_has_field(VipsImage *image, const char *name) {
    return vips_image_get_typeof(image, name) != 0;
}

static inline void portal_vips_unref(VipsImage *image) { g_object_unref(image); }
