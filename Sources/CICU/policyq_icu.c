#include "policyq_icu.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

int32_t pq_nfkc(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
    if (U_FAILURE(err)) { *status = err; return 0; }
    int32_t n = unorm2_normalize(nfkc, (const UChar *)source, length, (UChar *)dest, capacity, &err);
    *status = err;
    return n;
}

int32_t pq_nfkc_is_normalized(const uint16_t *source, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
    if (U_FAILURE(err)) { *status = err; return 0; }
    UBool yes = unorm2_isNormalized(nfkc, (const UChar *)source, length, &err);
    *status = err;
    return yes ? 1 : 0;
}

int32_t pq_detect_charset(const char *bytes, int32_t length, char *name, int32_t nameCapacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&err);
    if (U_FAILURE(err)) { *status = err; return -1; }
    ucsdet_setText(detector, bytes, length, &err);
    const UCharsetMatch *match = ucsdet_detect(detector, &err);
    int32_t confidence = -1;
    if (U_SUCCESS(err) && match != NULL) {
        const char *found = ucsdet_getName(match, &err);
        confidence = ucsdet_getConfidence(match, &err);
        if (U_SUCCESS(err) && found != NULL && nameCapacity > 0) {
            strncpy(name, found, (size_t)nameCapacity - 1);
            name[nameCapacity - 1] = '\0';
        }
    }
    ucsdet_close(detector);
    *status = err;
    return confidence;
}

int32_t pq_decode(const char *charset, const char *bytes, int32_t length,
                  uint16_t *dest, int32_t capacity, int32_t *errorOffset, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    *errorOffset = -1;
    UConverter *conv = ucnv_open(charset, &err);
    if (U_FAILURE(err)) { *status = err; return 0; }
    ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    if (U_FAILURE(err)) { ucnv_close(conv); *status = err; return 0; }

    // Decode in one pass; on overflow report the needed size by decoding into a scratch buffer.
    UChar *target = (UChar *)dest;
    UChar *targetLimit = (UChar *)dest + capacity;
    const char *src = bytes;
    const char *srcLimit = bytes + length;
    int32_t produced = 0;
    UChar scratch[1024];
    int usingScratch = 0;
    for (;;) {
        UChar *before = target;
        err = U_ZERO_ERROR;
        ucnv_toUnicode(conv, &target, targetLimit, &src, srcLimit, NULL, 1, &err);
        produced += (int32_t)(target - before);
        if (err == U_BUFFER_OVERFLOW_ERROR) {
            usingScratch = 1;
            target = scratch;
            targetLimit = scratch + 1024;
            continue;
        }
        break;
    }
    if (U_FAILURE(err)) {
        // src points just past the offending sequence; step back over it.
        char invalid[32];
        int8_t invalidLength = (int8_t)sizeof(invalid);
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(conv, invalid, &invalidLength, &ignored);
        *errorOffset = (int32_t)(src - bytes) - (U_SUCCESS(ignored) ? invalidLength : 0);
    } else if (usingScratch) {
        err = U_BUFFER_OVERFLOW_ERROR;
    }
    ucnv_close(conv);
    *status = err;
    return produced;
}

int32_t pq_transliterate(const char *transformID, const uint16_t *source, int32_t length,
                         uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UChar id[128];
    u_uastrncpy(id, transformID, 127);
    id[127] = 0;
    UTransliterator *trans = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
    if (U_FAILURE(err)) { *status = err; return 0; }
    // utrans_transUChars works in place: copy the source into the destination first.
    if (length > capacity) {
        utrans_close(trans);
        *status = U_BUFFER_OVERFLOW_ERROR;
        return length * 8; // pinyin is longer than Hanzi; ask for plenty
    }
    memcpy(dest, source, (size_t)length * sizeof(uint16_t));
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars(trans, (UChar *)dest, &textLength, capacity, 0, &limit, &err);
    utrans_close(trans);
    *status = err;
    return textLength;
}

int32_t pq_word_boundaries(const uint16_t *source, int32_t length, int32_t *boundaries, int32_t capacity,
                           int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(UBRK_WORD, "zh", (const UChar *)source, length, &err);
    if (U_FAILURE(err)) { *status = err; return 0; }
    int32_t count = 0;
    for (int32_t b = ubrk_first(it); b != UBRK_DONE; b = ubrk_next(it)) {
        if (count < capacity) boundaries[count] = b;
        count++;
    }
    ubrk_close(it);
    *status = count > capacity ? U_BUFFER_OVERFLOW_ERROR : U_ZERO_ERROR;
    return count;
}

const char *pq_error_name(int32_t status) {
    return u_errorName((UErrorCode)status);
}
