/* textcheck.c: what is wrong with a text in its own language -- the
 * checks a parser cannot make (see check.h).
 *
 * Every text of a language is visited once, with a way back to its
 * source position: each field of the block files whose key names a
 * language ("zh", "note.ug", "title.en"), and each passage of the three
 * report files.  Per file, the findings are summed, so a file saved in
 * the wrong encoding is one error, not one per passage:
 *
 * - Chinese text without a single Han character but with '?' where they
 *   were, and Uyghur text without an Arabic letter but with '?': the file
 *   was saved as ANSI (Notepad's old default), which lost them; a '?'
 *   inside a Uyghur word is a letter lost the same way;
 * - in Uyghur, letters of Arabic, Persian or Urdu that Uyghur writes
 *   differently (chars.c has the table and the reasons), each letter
 *   once per file with its count;
 * - Arabic presentation forms (shapes, not letters) in any text;
 * - `{shown|id}` place marks where none is allowed (every file but the
 *   report: they would show as typed);
 * - a place card's note too long for the card on the smallest panel
 *   (a warning; see NOTE_* below for the measure). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/chars.h"
#include "content/check.h"
#include "core/utf8.h"
#include "text/layout.h"

/* The smallest panel the exhibit supports is the Raspberry Pi 7-inch
 * display, 800 x 480 px on 155 x 86 mm.  Its place card is 36 % of the
 * map page's width (ui_map_page_split), 54 mm, of which the note's
 * column is about 46 mm; body capitals are at least 4.8 mm (ADA 707.7.2),
 * an em of 6.7 mm in Noto Serif (capitals 0.714 em), set at 140 %
 * (UI_LINE_PCT_CARD): 9.4 mm a line, about 6 lines in the 55 mm the card
 * has for its note below the name and its passages.  The note is laid
 * out with the exhibit's own fonts at 10 px a millimetre.  The card
 * scrolls, so a long note is not lost, but past NOTE_MAX_LINES lines
 * (about 13 card heights; the longest note shipped, Yili's in English, takes 61) the
 * visitor scrolls through a short essay: a warning. */
#define NOTE_PX_PER_MM 10
#define NOTE_WIDTH_MM 46
#define NOTE_EM_MM 6.72
#define NOTE_LINE_PCT 140
#define NOTE_VIEW_MM 55
#define NOTE_MAX_LINES 80

/* What one file's texts in one language showed. */
struct findings {
    size_t texts;          /* texts of the language */
    size_t unreadable;     /* none of its script, and '?' */
    size_t first_unreadable;
    size_t lost;           /* '?' inside a Uyghur word */
    size_t first_lost;
    size_t pforms;         /* presentation forms */
    size_t first_pform;
    uint32_t pform_cp;
    /* foreign letters in Uyghur: each code point, its count, its first
     * offset and its advice */
    struct {
        uint32_t cp;
        size_t count, first;
        bool warning;
        char advice[320];
    } foreign[16];
    size_t nforeign;
};

/* One text being checked: where it is and how to find its source. */
struct text_ref {
    struct content_loader *L;
    enum content_file file;
    enum text_lang lang;
    const char *text;
    size_t len;
    const struct bf_block *block; /* report passage: map via segments */
    const struct bf_field *field; /* field: map via the joined value */
    const char *key;              /* its key or passage id, for messages */
};

static size_t source_off(const struct text_ref *t, size_t off)
{
    const struct blockfile *bf = &t->L->bf[t->file];
    if (t->block)
        return bf_text_source_offset(t->block, off);
    return bf_field_source_offset(bf, t->field, off);
}

/* The language a field's key names ("zh", "title.zh"), false if none. */
static bool key_lang(const char *key, enum text_lang *lang)
{
    const char *dot = strrchr(key, '.');
    return text_lang_parse(dot ? dot + 1 : key, lang);
}

static void scan_script(const struct text_ref *t, struct findings *f)
{
    bool script = false, question = false;
    size_t i = 0;
    uint32_t prev = 0;
    while (i < t->len) {
        size_t used;
        uint32_t cp = utf8_decode(t->text + i, t->len - i, &used);
        if (t->lang == TEXT_LANG_ZH)
            script |= content_is_han(cp);
        else
            script |= content_is_arabic_letter(cp);
        question |= cp == '?';
        if (t->lang == TEXT_LANG_UG && cp == '?' &&
            content_is_arabic_letter(prev) && i + used < t->len) {
            size_t u2;
            uint32_t next = utf8_decode(t->text + i + used,
                                        t->len - i - used, &u2);
            if (content_is_arabic_letter(next) && !f->lost++)
                f->first_lost = source_off(t, i);
        }
        prev = cp;
        i += used;
    }
    f->texts++;
    if (!script && question && !f->unreadable++)
        f->first_unreadable = source_off(t, 0);
}

/* Foreign letters in Uyghur and presentation forms anywhere. */
static void scan_letters(const struct text_ref *t, struct findings *f)
{
    size_t i = 0;
    while (i < t->len) {
        size_t used;
        uint32_t cp = utf8_decode(t->text + i, t->len - i, &used);
        if (content_is_presentation_form(cp)) {
            if (!f->pforms++) {
                f->first_pform = source_off(t, i);
                f->pform_cp = cp;
            }
        } else if (t->lang == TEXT_LANG_UG && cp >= 0x0600 && cp < 0x0700) {
            size_t u2 = 0;
            uint32_t next = i + used < t->len
                                ? utf8_decode(t->text + i + used,
                                              t->len - i - used, &u2)
                                : 0;
            char advice[320];
            bool warning;
            if (content_uyghur_foreign(cp, !content_is_arabic_letter(next),
                                       advice, sizeof advice, &warning)) {
                /* Arabic-Indic digits are one finding, not ten. */
                uint32_t key = warning ? 0x0660 : cp;
                size_t k = 0;
                while (k < f->nforeign && f->foreign[k].cp != key)
                    k++;
                if (k == f->nforeign && k < 16) {
                    f->nforeign++;
                    f->foreign[k].cp = key;
                    f->foreign[k].count = 0;
                    f->foreign[k].first = source_off(t, i);
                    f->foreign[k].warning = warning;
                    snprintf(f->foreign[k].advice,
                             sizeof f->foreign[k].advice, "%s", advice);
                }
                if (k < 16)
                    f->foreign[k].count++;
            }
        }
        i += used;
    }
}

/* A `{shown|id}` mark in a file that takes none: an error at its '{'. */
static void scan_markup(const struct text_ref *t)
{
    for (const char *open = memchr(t->text, '{', t->len); open;
         open = memchr(open + 1, '{', t->len - (size_t)(open + 1 - t->text))) {
        size_t rest = t->len - (size_t)(open - t->text);
        const char *close = memchr(open, '}', rest);
        const char *bar = memchr(open, '|', rest);
        const char *next = memchr(open + 1, '{', rest - 1);
        if (!close || !bar || bar > close || (next && next < close))
            continue; /* a {placeholder} or a lone brace */
        content_diag_at(t->L->d, DIAG_ERROR, &t->L->src[t->file],
                        source_off(t, (size_t)(open - t->text)),
                        "a place mark '%.*s' — marks work only in the "
                        "report files; here it would show as typed, braces "
                        "and all: write the plain text '%.*s'",
                        (int)(close - open + 1 < 120 ? close - open + 1
                                                     : 120),
                        open, (int)(bar - open - 1 < 100 ? bar - open - 1
                                                         : 100),
                        open + 1);
        return; /* one a field */
    }
}

/* A card note too long for the card on the smallest panel: a warning. */
static void check_note(const struct text_ref *t)
{
    const struct text_role *body =
        t->L->fonts ? text_fonts_role(t->L->fonts, "body") : NULL;
    if (!body || !t->len)
        return;
    struct text_params p = {
        .role = body, .lang = t->lang, .dir = TEXT_DIR_LANG,
        .size_px = (int)(NOTE_EM_MM * NOTE_PX_PER_MM + 0.5),
        .width_px = NOTE_WIDTH_MM * NOTE_PX_PER_MM,
        .align = TEXT_ALIGN_START, .line_height_pct = NOTE_LINE_PCT,
    };
    struct text_layout *lay = text_layout_create(t->L->fonts, &p, t->text,
                                                 t->len);
    if (!lay)
        return;
    unsigned lines = lay->line_count;
    text_layout_destroy(lay);
    if (lines <= NOTE_MAX_LINES)
        return;
    size_t chars = 0;
    for (size_t i = 0; i < t->len; i++)
        chars += ((unsigned char)t->text[i] & 0xC0) != 0x80;
    double views = lines * NOTE_EM_MM * NOTE_LINE_PCT / 100.0 / NOTE_VIEW_MM;
    content_diag_at(t->L->d, DIAG_WARNING, &t->L->src[t->file],
                    source_off(t, 0), "this note (%s, %zu characters) takes "
                    "%u lines on the place card of the 7-inch panel, about "
                    "%.0f card heights to scroll; keep a note under %d "
                    "lines there — about %zu characters in this language",
                    t->key, chars, lines, views, NOTE_MAX_LINES,
                    chars * NOTE_MAX_LINES / lines / 10 * 10);
}

static void check_one(const struct text_ref *t, struct findings *f)
{
    if (t->lang != TEXT_LANG_EN)
        scan_script(t, f);
    scan_letters(t, f);
    if (t->field)
        scan_markup(t);
    if (t->file == CONTENT_F_PLACES && t->field &&
        strncmp(t->field->key, "note.", 5) == 0)
        check_note(t);
}

static const char *const script_name[CONTENT_LANGS] = {
    [TEXT_LANG_ZH] = "Chinese characters",
    [TEXT_LANG_UG] = "Uyghur letters",
};

/* One file's findings in one language, summed into a few diagnostics. */
static void report(struct content_loader *L, enum content_file file,
                   enum text_lang lang, const struct findings *f)
{
    struct diag_list *d = L->d;
    const struct content_source *src = &L->src[file];
    const char *name = content_file_spec(file)->name;
    const char *code = text_lang_code(lang);
    bool report_file = file >= CONTENT_F_REPORT_ZH &&
                       file <= CONTENT_F_REPORT_UG;
    const char *unit = report_file ? "passage" : "field";
    static const char save[] = "the file was probably saved as ANSI, "
        "which loses them: take the text from a copy saved before, and "
        "save it as UTF-8 (in Notepad: File > Save as > Encoding: UTF-8)";
    if (f->unreadable == 1 && f->texts > 1)
        content_diag_at(d, DIAG_ERROR, src, f->first_unreadable, "this %s "
                        "text has no %s, only '?' where they were; %s",
                        code, script_name[lang], save);
    else if (f->unreadable)
        content_diag_at(d, DIAG_ERROR, src, f->first_unreadable, "the %s "
                        "text in %s has no %s — %zu %s%s %s only '?' where "
                        "they were (this is the first); %s", code, name,
                        script_name[lang], f->unreadable, unit,
                        f->unreadable == 1 ? "" : "s",
                        f->unreadable == 1 ? "has" : "have", save);
    if (f->lost)
        content_diag_at(d, DIAG_ERROR, src, f->first_lost, "a '?' inside a "
                        "Uyghur word (%zu in this file, this is the first): "
                        "letters were lost when the file was saved in an "
                        "encoding without them; type them again and save "
                        "the file as UTF-8", f->lost);
    if (f->pforms) {
        char u[5] = "", letters[64];
        u[utf8_encode(f->pform_cp, u)] = '\0';
        content_presentation_letters(f->pform_cp, letters, sizeof letters);
        content_diag_at(d, DIAG_ERROR, src, f->first_pform, "an Arabic "
                        "presentation form '%s' (U+%04X), the drawn shape "
                        "of '%s' rather than the letter (%zu such "
                        "characters in this file, this is the first); a "
                        "converter or an old tool wrote shapes: type or "
                        "paste the letters themselves ('%s')", u,
                        (unsigned)f->pform_cp, letters, f->pforms, letters);
    }
    for (size_t k = 0; k < f->nforeign; k++)
        content_diag_at(d, f->foreign[k].warning ? DIAG_WARNING : DIAG_ERROR,
                        src, f->foreign[k].first, "%s%s", f->foreign[k].advice,
                        f->foreign[k].count > 1 ? " (it is in this file "
                        "more than once; this is the first)" : "");
}

static void check_fields(struct content_loader *L, enum content_file file,
                         const struct bf_field *fields, size_t n,
                         const char *block, struct findings f[CONTENT_LANGS])
{
    for (size_t i = 0; i < n; i++) {
        enum text_lang lang;
        bool has_lang = key_lang(fields[i].key, &lang);
        char key[BLOCKFILE_MAX_KEY + BLOCKFILE_MAX_ID + 8];
        snprintf(key, sizeof key, "%s%s%s", block ? block : "",
                 block ? " " : "", fields[i].key);
        struct text_ref t = {L, file, has_lang ? lang : TEXT_LANG_EN,
                             fields[i].value, strlen(fields[i].value), NULL,
                             &fields[i], key};
        if (has_lang) {
            check_one(&t, &f[lang]);
        } else {
            scan_markup(&t); /* "source:", "default-language:" */
            struct findings ignored = {0};
            scan_letters(&t, &ignored);
        }
    }
}

void content_check_text(struct content_loader *L)
{
    for (int file = 0; file < CONTENT_FILE_COUNT; file++) {
        if (!L->parsed[file])
            continue;
        const struct blockfile *bf = &L->bf[file];
        struct findings *f = calloc(CONTENT_LANGS, sizeof *f);
        if (content_file_spec(file)->mode == BLOCKFILE_TEXT) {
            enum text_lang lang = (enum text_lang)(file - CONTENT_F_REPORT_ZH);
            for (size_t k = 0; k < bf->block_count; k++) {
                const struct bf_block *b = &bf->blocks[k];
                if (!b->text_len)
                    continue;
                struct text_ref t = {L, file, lang, b->text, b->text_len, b,
                                     NULL, b->id};
                check_one(&t, &f[lang]);
            }
        } else {
            check_fields(L, file, bf->fields, bf->field_count, NULL, f);
            for (size_t k = 0; k < bf->block_count; k++)
                check_fields(L, file, bf->blocks[k].fields,
                             bf->blocks[k].field_count, bf->blocks[k].id, f);
        }
        for (int l = 0; l < CONTENT_LANGS; l++)
            report(L, file, (enum text_lang)l, &f[l]);
        free(f);
    }
}
