// policyq's window onto system ICU (libicu-dev).
//
// Swift cannot import ICU's headers next to Foundation (which carries its own ICU), and ICU's
// versioned symbol macros (unorm2_normalize_72 …) are invisible to Swift. So this header exposes
// only our own functions, with plain C types: UTF-16 text is `uint16_t`, errors are `int32_t`
// ICU error codes (0 = success, < 0 warning, > 0 failure).
#ifndef POLICYQ_ICU_H
#define POLICYQ_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// NFKC-normalizes UTF-16 text. Returns the length of the result (which may exceed `capacity`:
/// then `*status` is U_BUFFER_OVERFLOW_ERROR (15) and the caller retries with a larger buffer).
int32_t pq_nfkc(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);

/// Whether the text is already in NFKC (quick check answering "yes" only when certain).
int32_t pq_nfkc_is_normalized(const uint16_t *source, int32_t length, int32_t *status);

/// Detects the charset of raw bytes with ICU's charset detector. Writes the ICU name of the best
/// match (e.g. "UTF-8", "GB18030", "UTF-16LE") into `name` and returns its confidence 0…100,
/// or -1 if nothing matched.
int32_t pq_detect_charset(const char *bytes, int32_t length, char *name, int32_t nameCapacity, int32_t *status);

/// Decodes bytes in `charset` to UTF-16, stopping at the first byte sequence that is not valid in
/// that charset (no silent replacement characters). Returns the UTF-16 length written or needed.
/// On an invalid sequence `*status` is > 0 and `*errorOffset` is the byte offset where it starts.
int32_t pq_decode(const char *charset, const char *bytes, int32_t length,
                  uint16_t *dest, int32_t capacity, int32_t *errorOffset, int32_t *status);

/// Applies an ICU transform such as "Han-Latin; Latin-ASCII" (pinyin without tones).
/// Returns the UTF-16 length of the result, retried by the caller on U_BUFFER_OVERFLOW_ERROR.
int32_t pq_transliterate(const char *transformID, const uint16_t *source, int32_t length,
                         uint16_t *dest, int32_t capacity, int32_t *status);

/// Word boundaries (ICU's dictionary-based break iterator for Chinese). Writes UTF-16 offsets of
/// every boundary, 0 and `length` included, and returns how many there are (possibly > capacity).
int32_t pq_word_boundaries(const uint16_t *source, int32_t length, int32_t *boundaries, int32_t capacity,
                           int32_t *status);

/// A short human-readable name for an ICU error code.
const char *pq_error_name(int32_t status);

#ifdef __cplusplus
}
#endif

#endif
