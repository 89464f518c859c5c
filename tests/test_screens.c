/* test_screens.c: golden screenshots of every screen in each language at
 * 1920x1080, and of the reader and the map at 1080x1920, played by
 * `kiosk render --script` so they are what the exhibit shows.  Compared
 * with the same tight tolerance as the specimen page (see
 * test_specimen.c): a missing word or a shifted line fails. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_image.h>

#include "check.h"
#include "image_compare.h"
#include "render/headless.h"

static const struct image_tolerance tol = {48, 0.00005};

static void screens(const char *lang, const char *size, bool all)
{
    char dir[] = "/tmp/kiosk-test-screens-XXXXXX";
    if (!mkdtemp(dir))
        return;
    char script[1024], path[600], cmd[1400];
    snprintf(script, sizeof script,
             "wait 600\nshot attract\ntap 300 300\ntap-id lang:%s\n"
             "shot home\ntap-id nav:read\nshot reader\n"
             "tap-id nav:summary\nshot summary\ntap-id nav:summary\n"
             "tap-id nav:back\ntap-id nav:map\ntap-id region:yili\n"
             "wait 400\nshot map\ntap-id nav:back\ntap-id nav:about\n"
             "shot about\n",
             lang);
    snprintf(path, sizeof path, "%s/s.script", dir);
    FILE *f = fopen(path, "w");
    fputs(script, f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "build/test/kiosk render --size %s --script "
             "%s --out %s", size, path, dir);
    if (!CHECK(system(cmd) == 0, "screens %s %s play", lang, size))
        return;
    static const char *const names[] = {"attract", "home", "reader",
                                        "summary", "map", "about"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        bool wanted = all || strcmp(names[i], "reader") == 0 ||
                      strcmp(names[i], "map") == 0;
        if (!wanted)
            continue;
        if (strcmp(names[i], "attract") == 0 && strcmp(lang, "en") != 0)
            continue; /* Attract is the same in every language */
        char shot[700], golden[700];
        snprintf(shot, sizeof shot, "%s/%s.png", dir, names[i]);
        snprintf(golden, sizeof golden, "%s/golden/screen_%s_%s_%s.png",
                 check_test_dir(), names[i], lang, size);
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
    for (int l = 0; l < 3; l++) {
        screens(langs[l], "1920x1080", true);
        screens(langs[l], "1080x1920", false);
    }
    render_headless_quit();
    return check_finish("test_screens");
}
