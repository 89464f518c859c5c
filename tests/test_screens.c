/* test_screens.c: golden screenshots of every screen in each language on
 * the panels the audit measures most -- the Raspberry Pi 7" (800x480,
 * 155x86 mm), Touch Display 2 upright (720x1280, 88x155 mm) and a 21.5"
 * 1080p panel -- and of the reader and the map at 1080x1920, played by
 * `kiosk render --script` with the panel's physical size in a kiosk.conf,
 * so they are what the exhibit shows there.  Compared with the same tight
 * tolerance as the specimen page (see test_specimen.c): a missing word or
 * a shifted line fails. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_image.h>

#include "check.h"
#include "image_compare.h"
#include "play.h"
#include "render/headless.h"

static const struct image_tolerance tol = {48, 0.00005};

struct panel {
    const char *size, *mm;
    bool all; /* every screen, or the reader and the map */
};

static const struct panel panels[] = {
    {"800x480", "155x86", true},
    {"720x1280", "88x155", true},
    {"1920x1080", "476x268", true},
    {"1080x1920", "268x476", false},
};

static void screens(const char *lang, const struct panel *p)
{
    char dir[] = "/tmp/kiosk-test-screens-XXXXXX";
    if (!mkdtemp(dir))
        return;
    char script[1024], path[600], conf[600], cmd[2000], args[700];
    snprintf(conf, sizeof conf, "%s/kiosk.conf", dir);
    FILE *f = fopen(conf, "w");
    fprintf(f, "screen-size-mm: %s\nidle-timeout: 30\n", p->mm);
    fclose(f);
    snprintf(args, sizeof args, "--config %s", conf);
    bool chooser;
    const char *choose = play_choose_lang(dir, args, p->size, lang,
                                          &chooser);
    snprintf(script, sizeof script,
             "wait 600\nshot attract\ntap 300 300\nwait 300\n"
             "%stap-id lang:%s\nwait 300\nshot home\ntap-id nav:read\n"
             "wait 300\nshot reader\ntap-id nav:summary\nwait 300\n"
             "shot summary\ntap-id nav:summary\ntap-id nav:home\n"
             "tap-id nav:map\nwait 600\nshot map\ntap-id region:yili\n"
             "wait 800\nshot card\ntap-id nav:home\ntap-id nav:about\n"
             "wait 300\nshot about\nwait 31000\nshot idle\n",
             choose, lang);
    snprintf(path, sizeof path, "%s/s.script", dir);
    f = fopen(path, "w");
    fputs(script, f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "build/test/kiosk --config %s render --size "
             "%s --script %s --out %s", conf, p->size, path, dir);
    if (!CHECK(system(cmd) == 0, "screens %s %s play", lang, p->size))
        return;
    static const char *const names[] = {"attract", "home", "reader",
                                        "summary", "map", "card",
                                        "about", "idle", "chooser"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (strcmp(names[i], "chooser") == 0 && !chooser)
            continue;
        bool wanted = p->all || strcmp(names[i], "reader") == 0 ||
                      strcmp(names[i], "map") == 0;
        if (!wanted)
            continue;
        if (strcmp(names[i], "attract") == 0 && strcmp(lang, "en") != 0)
            continue; /* Attract is the same in every language */
        char shot[700], golden[700];
        snprintf(shot, sizeof shot, "%s/%s.png", dir, names[i]);
        snprintf(golden, sizeof golden, "%s/golden/screen_%s_%s_%s.png",
                 check_test_dir(), names[i], lang, p->size);
        SDL_Surface *s = IMG_Load(shot);
        if (CHECK(s != NULL, "%s was written", shot))
            image_check_golden(s, golden, &tol);
        SDL_FreeSurface(s);
    }
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        CHECK(false, "cleanup");
}

int main(void)
{
    if (!render_headless_init())
        return 1;
    static const char *const langs[] = {"zh", "en", "ug"};
    for (int l = 0; l < 3; l++)
        for (size_t i = 0; i < sizeof panels / sizeof *panels; i++)
            screens(langs[l], &panels[i]);
    render_headless_quit();
    return check_finish("test_screens");
}
