/* itemize.c: step 3 -- split a paragraph into items of one bidi level, one
 * script and one face.
 *
 * Common and Inherited characters (spaces, digits, punctuation, combining
 * marks) take the script of the character before them, or after them at the
 * start of a paragraph, so "1962" inside Uyghur stays in the Uyghur font; a
 * closing mark takes its opening mark's script.
 * The face is the role's face for the script when it has the glyph, else the
 * first face of the role's chain that has it (re-itemising on a missing
 * glyph); a combining mark stays in its base's face when that face has it.
 * Code points no face covers are marked missing and drawn as the face's
 * .notdef box. */
#include <unicode/uchar.h>

#include "core/xalloc.h"
#include "text/para.h"

static bool is_neutral(hb_script_t s)
{
    return s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED ||
           s == HB_SCRIPT_UNKNOWN;
}

/* The closing mark that pairs with opening mark `cp`, or 0: the bidi
 * paired brackets (BidiBrackets.txt: ( [ { and the CJK brackets) and the
 * quotation marks, which Unicode does not pair. */
static uint32_t closer_of(uint32_t cp)
{
    switch (cp) {
    case 0x201C: return 0x201D; /* “ ” */
    case 0x2018: return 0x2019; /* ‘ ’ */
    case 0x00AB: return 0x00BB; /* « » */
    case 0x2039: return 0x203A; /* ‹ › */
    case 0x300C: return 0x300D; /* 「 」 */
    case 0x300E: return 0x300F; /* 『 』 */
    case 0x301D: return 0x301E; /* 〝 〞 */
    default:
        break;
    }
    if (u_getIntPropertyValue((UChar32)cp, UCHAR_BIDI_PAIRED_BRACKET_TYPE) ==
        U_BPT_OPEN)
        return (uint32_t)u_getBidiPairedBracket((UChar32)cp);
    return 0;
}

#define PAIR_DEPTH 32

/* Scripts per code point (UAX #24 in the way of ICU's script runs):
 * Common and Inherited characters take the script before them, or the
 * first real script at a paragraph's start; a closing mark takes the
 * script of its opening mark, so both marks of “Hello” in Chinese come from
 * one font. */
static void resolve_scripts(struct para *p)
{
    hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default();
    hb_script_t last = HB_SCRIPT_INVALID;
    struct { uint32_t closer, at; } open[PAIR_DEPTH];
    unsigned depth = 0;
    for (uint32_t i = 0; i < p->n; i++) {
        hb_script_t s = hb_unicode_script(uf, p->cp[i]);
        uint32_t closer = is_neutral(s) ? closer_of(p->cp[i]) : 0;
        unsigned match = depth;
        while (is_neutral(s) && match > 0 && open[match - 1].closer != p->cp[i])
            match--;
        if (closer && depth < PAIR_DEPTH) {
            open[depth].closer = closer;
            open[depth++].at = i;
        }
        if (is_neutral(s) && !closer && match > 0 &&
            p->script[open[match - 1].at] != HB_SCRIPT_INVALID) {
            s = p->script[open[match - 1].at];
            depth = match - 1;
        } else if (is_neutral(s)) {
            s = last;
        } else if (last == HB_SCRIPT_INVALID) {
            /* The first real script also covers the neutrals before it. */
            for (uint32_t k = 0; k < i; k++)
                p->script[k] = s;
        }
        if (s != HB_SCRIPT_INVALID)
            last = s;
        p->script[i] = s;
    }
    if (last == HB_SCRIPT_INVALID) {
        /* Only neutrals: use the language's script. */
        hb_script_t def = p->params->lang == TEXT_LANG_ZH ? HB_SCRIPT_HAN
                          : p->params->lang == TEXT_LANG_UG
                              ? HB_SCRIPT_ARABIC
                              : HB_SCRIPT_LATIN;
        for (uint32_t i = 0; i < p->n; i++)
            p->script[i] = def;
    }
}

static bool face_has(const struct para *p, uint16_t face, uint32_t cp)
{
    hb_codepoint_t g;
    return hb_font_get_nominal_glyph(p->fonts->faces[face].hb_font, cp, &g);
}

static void resolve_faces(struct para *p)
{
    const struct text_role *role = p->params->role;
    for (uint32_t i = 0; i < p->n; i++) {
        /* a tab is drawn as a space (shape.c): the face of a space */
        uint32_t cp = p->cp[i] == '\t' ? ' ' : p->cp[i];
        int8_t gc = u_charType((UChar32)cp);
        bool mark = gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK ||
                    gc == U_COMBINING_SPACING_MARK;
        if (i > 0 && (mark || text_cp_invisible(cp)) && !p->missing[i - 1] &&
            (text_cp_invisible(cp) || face_has(p, p->face[i - 1], cp))) {
            p->face[i] = p->face[i - 1];
            continue;
        }
        size_t f;
        p->missing[i] = !text_fonts_pick(p->fonts, role, p->script[i], cp, &f);
        p->face[i] = (uint16_t)f;
    }
}

void para_itemize(struct para *p)
{
    p->script = xcalloc(p->n ? p->n : 1, sizeof *p->script);
    p->face = xcalloc(p->n ? p->n : 1, sizeof *p->face);
    p->missing = xcalloc(p->n ? p->n : 1, sizeof *p->missing);
    resolve_scripts(p);
    resolve_faces(p);

    for (uint32_t i = 0; i < p->n;) {
        uint32_t j = i + 1;
        while (j < p->n && p->level[j] == p->level[i] &&
               p->script[j] == p->script[i] && p->face[j] == p->face[i] &&
               p->missing[j] == p->missing[i])
            j++;
        p->items = xgrow(p->items, &p->item_cap, p->item_count + 1,
                         sizeof *p->items);
        p->items[p->item_count++] = (struct para_item){
            .start = i,
            .end = j,
            .level = p->level[i],
            .missing = p->missing[i],
            .script = p->script[i],
            .face = p->face[i],
        };
        i = j;
    }
}
