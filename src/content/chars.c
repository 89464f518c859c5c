/* chars.c: the lookalike, Uyghur and presentation-form tables (see
 * chars.h).
 *
 * The Uyghur alphabet (Uyghur Ereb Yéziqi) has 32 letters, each with one
 * code point: ئ U+0626 (the vowel carrier), ا U+0627, ە U+06D5, ب U+0628,
 * پ U+067E, ت U+062A, ج U+062C, چ U+0686, خ U+062E, د U+062F, ر U+0631,
 * ز U+0632, ژ U+0698, س U+0633, ش U+0634, غ U+063A, ف U+0641, ق U+0642,
 * ك U+0643, گ U+06AF, ڭ U+06AD, ل U+0644, م U+0645, ھ U+06BE, ن U+0646,
 * و U+0648, ۇ U+06C7, ۆ U+06C6, ۈ U+06C8, ۋ U+06CB, ې U+06D0, ى U+0649,
 * ي U+064A.  So the Arabic KAF U+0643 and YEH U+064A are right for
 * Uyghur (Persian writes ک U+06A9 and ی U+06CC instead), and the Arabic
 * HEH U+0647 is wrong: Uyghur has ھ U+06BE for h and ە U+06D5 for the
 * vowel, which look like ه at the end of a word.  The table below lists
 * what an Arabic, Persian, Urdu or Kazakh keyboard gives in their place,
 * and the letters Uyghur has no use for, each with what to type; any
 * other character (the Uyghur letters, punctuation ، ؛ ؟, the tatweel,
 * Latin, digits) is left alone. */
#include <stdio.h>
#include <string.h>

#include <unicode/unorm2.h>

#include "content/chars.h"
#include "core/utf8.h"

static const struct content_lookalike named[] = {
    {0xFF1A, "a full-width colon", "':'"},
    {0xFE55, "a small colon", "':'"},
    {0x2236, "a ratio sign", "':'"},
    {0xA789, "a modifier letter colon", "':'"},
    {0xFF03, "a full-width number sign", "'#'"},
    {0xFF5C, "a full-width vertical bar", "'|'"},
    {0xFF5B, "a full-width brace", "'{'"},
    {0xFF5D, "a full-width brace", "'}'"},
    {0xFF0D, "a full-width hyphen", "'-'"},
    {0xFF0E, "a full-width full stop", "'.'"},
    {0x3000, "a full-width space", "an ordinary space"},
    {0x00A0, "a no-break space", "an ordinary space"},
};

const struct content_lookalike *content_lookalike(uint32_t cp)
{
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (named[i].cp == cp)
            return &named[i];
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
        /* U+FF01-FF5E are ASCII '!'-'~' moved up by 0xFEE0. */
        static struct content_lookalike any;
        static char type[8];
        snprintf(type, sizeof type, "'%c'", (char)(cp - 0xFEE0));
        any = (struct content_lookalike){cp, "a full-width character",
                                         type};
        return &any;
    }
    return NULL;
}

const char *content_char_describe(uint32_t cp, char *out, size_t n)
{
    char u[5] = "";
    u[utf8_encode(cp, u)] = '\0';
    const struct content_lookalike *l = content_lookalike(cp);
    if (l)
        snprintf(out, n, "%s '%s' (U+%04X) — type %s", l->what, u,
                 (unsigned)cp, l->type);
    else if (cp < 0x20 || cp == 0x7F || utf8_is_unsafe(cp))
        snprintf(out, n, "an invisible control (U+%04X)", (unsigned)cp);
    else
        snprintf(out, n, "'%s' (U+%04X)", u, (unsigned)cp);
    return out;
}

const struct content_lookalike *content_find_lookalike(const char *s,
                                                       size_t len,
                                                       size_t *at)
{
    size_t i = 0;
    while (i < len) {
        size_t used;
        uint32_t cp = utf8_decode(s + i, len - i, &used);
        const struct content_lookalike *l = content_lookalike(cp);
        if (l) {
            *at = i;
            return l;
        }
        i += used ? used : 1;
    }
    return NULL;
}

/* What Uyghur has no use for: the character's name, what to type at the
 * end of a word and inside one (NULL: the same), and whether it is only
 * odd (a warning) rather than wrong. */
struct foreign {
    uint32_t cp;
    const char *name;
    const char *final, *inside;
    bool warning;
};

static const struct foreign foreign[] = {
    {0x0647, "an Arabic heh",
     "type ە (U+06D5) for the vowel e, or ھ (U+06BE) if it is h",
     "type ھ (U+06BE) for h, or ە (U+06D5) if it is the vowel e", false},
    {0x06C1, "an Urdu heh goal", "type ە (U+06D5) for the vowel e",
     "type ھ (U+06BE) for h", false},
    {0x06C0, "a heh with yeh above", "type ە (U+06D5)", NULL, false},
    {0x0629, "an Arabic teh marbuta", "type ە (U+06D5) for the vowel e, "
     "or ت (U+062A) for t", NULL, false},
    {0x06CC, "a Persian yeh",
     "type ى (U+0649) for the vowel i, or ي (U+064A) for y",
     "type ي (U+064A) for y, or ى (U+0649) for the vowel i", false},
    {0x06D2, "an Urdu yeh barree", "type ې (U+06D0) for the vowel é, or ى "
     "(U+0649) for i", NULL, false},
    {0x06A9, "a Persian kaf (keheh)", "type ك (U+0643)", NULL, false},
    {0x06AA, "a swash kaf", "type ك (U+0643)", NULL, false},
    {0x06BA, "an Urdu noon ghunna", "type ن (U+0646), or ڭ (U+06AD) for ng",
     NULL, false},
    {0x06C5, "a Kirghiz oe", "type ۆ (U+06C6)", NULL, false},
    {0x06C9, "a Kirghiz yu", "type ۈ (U+06C8)", NULL, false},
    {0x0621, "a lone hamza", "type ئ (U+0626), the Uyghur hamza letter",
     NULL, false},
    {0x0654, "a hamza mark", "type the letter ئ (U+0626) itself", NULL,
     false},
    {0x0623, "an alef with hamza", "type ئا (U+0626 U+0627) at the start "
     "of a word, ا (U+0627) inside one", NULL, false},
    {0x0625, "an alef with hamza below", "type ئى (U+0626 U+0649) at the "
     "start of a word, ى (U+0649) inside one", NULL, false},
    {0x0622, "an alef with madda", "type ئا (U+0626 U+0627)", NULL, false},
    {0x0671, "an alef wasla", "type ا (U+0627)", NULL, false},
    {0x0624, "a waw with hamza", "type ئ (U+0626) and then the vowel ۇ, و, "
     "ۆ or ۈ", NULL, false},
    {0x062B, "the Arabic letter theh", "Uyghur writes س (U+0633)", NULL,
     false},
    {0x062D, "the Arabic letter hah", "Uyghur writes ھ (U+06BE)", NULL,
     false},
    {0x0630, "the Arabic letter thal", "Uyghur writes ز (U+0632)", NULL,
     false},
    {0x0635, "the Arabic letter sad", "Uyghur writes س (U+0633)", NULL,
     false},
    {0x0636, "the Arabic letter dad", "Uyghur writes ز (U+0632)", NULL,
     false},
    {0x0637, "the Arabic letter tah", "Uyghur writes ت (U+062A)", NULL,
     false},
    {0x0638, "the Arabic letter zah", "Uyghur writes ز (U+0632)", NULL,
     false},
    {0x0639, "the Arabic letter ain", "Uyghur writes ئ (U+0626) or leaves "
     "it out", NULL, false},
};

bool content_uyghur_foreign(uint32_t cp, bool final, char *out, size_t n,
                            bool *warning_only)
{
    char u[5] = "";
    *warning_only = false;
    for (size_t i = 0; i < sizeof foreign / sizeof *foreign; i++) {
        const struct foreign *f = &foreign[i];
        if (f->cp != cp)
            continue;
        u[utf8_encode(cp, u)] = '\0';
        const char *advice = !final && f->inside ? f->inside : f->final;
        snprintf(out, n, "%s '%s' (U+%04X), which Uyghur does not use — %s",
                 f->name, u, (unsigned)cp, advice);
        *warning_only = f->warning;
        return true;
    }
    if ((cp >= 0x064B && cp <= 0x0652) || cp == 0x0670) {
        snprintf(out, n, "an Arabic vowel sign (U+%04X); Uyghur writes every "
                 "vowel as a letter — remove it", (unsigned)cp);
        return true;
    }
    if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9)) {
        u[utf8_encode(cp, u)] = '\0';
        snprintf(out, n, "an Arabic-Indic digit '%s' (U+%04X); Uyghur text "
                 "writes the digits 0-9 — type '%c'", u, (unsigned)cp,
                 (char)('0' + (cp & 0xF)));
        *warning_only = true;
        return true;
    }
    return false;
}

bool content_is_presentation_form(uint32_t cp)
{
    return (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFC);
}

const char *content_presentation_letters(uint32_t cp, char *out, size_t n)
{
    out[0] = '\0';
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
    UChar src[2], dec[32];
    int32_t slen = 0;
    if (cp > 0xFFFF || U_FAILURE(err))
        return out;
    src[slen++] = (UChar)cp;
    int32_t dlen = unorm2_normalize(nfkc, src, slen, dec, 32, &err);
    if (U_FAILURE(err) || (dlen == 1 && dec[0] == cp))
        return out;
    size_t o = 0;
    for (int32_t i = 0; i < dlen && o + 5 < n; i++) /* all in the BMP */
        o += utf8_encode(dec[i], out + o);
    out[o] = '\0';
    return out;
}

bool content_is_arabic_letter(uint32_t cp)
{
    return (cp >= 0x0620 && cp <= 0x064A) || (cp >= 0x066E && cp <= 0x06D5) ||
           (cp >= 0x06FA && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
           (cp >= 0x08A0 && cp <= 0x08FF);
}

bool content_is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x20000 && cp <= 0x3134F) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           cp == 0x3007;
}
